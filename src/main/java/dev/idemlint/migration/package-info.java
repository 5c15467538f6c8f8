/**
 * Migration model. In: a parsed {@link dev.idemlint.python.PythonModule}. Out: a
 * {@link dev.idemlint.migration.Migration}: revision header, upgrade/downgrade
 * {@link dev.idemlint.migration.Operation}s with exact source ranges and guards, SQL strings resolved
 * to {@link dev.idemlint.migration.SqlText} (still unclassified). Also the project's
 * {@link dev.idemlint.migration.NamingConvention} (read from env.py's target_metadata and the project modules
 * it imports) and {@link dev.idemlint.migration.ConstraintNames}, the names PostgreSQL ends up with under it.
 * Knows Alembic and SQLAlchemy call shapes; knows nothing of SQL grammar, the revision graph or rules.
 *
 * <p>PostgreSQL's own facts live here too, keyed by the {@link dev.idemlint.migration.ObjectKind} this
 * stage defines: {@link dev.idemlint.migration.PostgresFacts} (what each kind's CREATE, DROP and RENAME
 * raise or tolerate, per server version) and {@link dev.idemlint.migration.SqlState} (the errors with the
 * names psycopg2 and PL/pgSQL give them), MySQL's and MariaDB's in {@link dev.idemlint.migration.MysqlFacts}, and
 * {@link dev.idemlint.migration.ServerFacts}, the one question rules and {@code plan} ask of the project's
 * server (its errors, what a try/except lets past, which guard clauses it takes), answered by each table.
 * This is the earliest stage every client can import: the SQL classifier's DO-block reader ({@code sql}),
 * the schema timeline ({@code schema}), the rules and {@code plan} all come after it, where a table in
 * {@code schema} would be out of reach of {@code sql}.
 */
package dev.idemlint.migration;
