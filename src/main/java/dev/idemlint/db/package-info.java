/**
 * The live database, read-only. In: a connection URL as users write it ({@link dev.idemlint.db.DbUrl}:
 * libpq and SQLAlchemy forms, password from the URL, PGPASSWORD or ~/.pgpass, masked everywhere). Out:
 * a {@link dev.idemlint.db.Catalog} snapshot (schemas, relations, columns, indexes, constraints, types
 * and enum labels, routines, triggers, extensions, policies, the version table's rows), row-existence
 * probes, table sizes ({@code pg_total_relation_size}, {@code reltuples}) and the {@code lock_timeout} a new
 * session of the role starts with, all through {@link dev.idemlint.db.LiveDatabase}, which never writes, sends no SQL built from
 * input text (names are bind parameters the server resolves and quotes) and keeps the whole session
 * within one deadline. The PostgreSQL JDBC driver and java.sql types stop here; only
 * {@code idemlint plan} loads this package. Knows SQL catalogs; not migrations, rules or reports.
 */
package dev.idemlint.db;
