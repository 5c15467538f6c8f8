package dev.idemlint.migration;

/** What protects an operation from running twice. */
public enum GuardKind {
    /** An {@code if} on the SQLAlchemy inspector: has_table, get_columns, get_indexes... */
    INSPECTOR,
    /** An {@code if} on a catalog query: pg_type, information_schema, pg_indexes... */
    CATALOG_QUERY,
    /** An {@code if} on a local helper function that itself checks the inspector or catalog. */
    HELPER,
    /** An {@code if} whose condition the analyzer cannot read; assumed to guard (no false findings). */
    OPAQUE_CONDITION,
    /** A PL/pgSQL {@code DO} block that catches the duplicate error (conditions listed). */
    DO_BLOCK_EXCEPTION,
    /** A PL/pgSQL {@code IF NOT EXISTS (SELECT ...) THEN} inside a DO block or function. */
    PLPGSQL_IF,
    /** The same revision drops the object first ({@code DROP TRIGGER IF EXISTS t; CREATE TRIGGER t}). */
    DROPPED_FIRST,
    /** The same revision creates the object again after dropping it, so a re-run finds it to drop. */
    RECREATED_LATER
}
