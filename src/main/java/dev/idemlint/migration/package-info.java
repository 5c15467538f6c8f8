/**
 * Migration model. In: a parsed {@link dev.idemlint.python.PythonModule}. Out: a
 * {@link dev.idemlint.migration.Migration}: revision header, upgrade/downgrade
 * {@link dev.idemlint.migration.Operation}s with exact source ranges and guards, SQL strings resolved
 * to {@link dev.idemlint.migration.SqlText} (still unclassified). Also the project's
 * {@link dev.idemlint.migration.NamingConvention} (read from env.py's target_metadata and the project modules
 * it imports) and {@link dev.idemlint.migration.ConstraintNames}, the names PostgreSQL ends up with under it.
 * Knows Alembic and SQLAlchemy call shapes; knows nothing of SQL grammar, the revision graph or rules.
 */
package dev.idemlint.migration;
