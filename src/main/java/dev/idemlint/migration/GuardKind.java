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
    /** An {@code if} on the result of a data query ({@code SELECT count(*) FROM t WHERE ...}). */
    DATA_QUERY,
    /** A savepoint ({@code with bind.begin_nested():}) inside a try/except: the failed statement rolls back alone. */
    SAVEPOINT,
    /**
     * A plain try/except around the operation: no protection on PostgreSQL, where the swallowed error
     * aborts the transaction and the next statement fails with 25P02.
     */
    TRY_EXCEPT,
    /**
     * Not a guard: an except handler that never ran in a run that completed, and that the re-run reaches only after
     * a body statement failed. Either the handler of a plain try/except on PostgreSQL whose body holds database
     * statements only, and whose own statements are schema changes: it runs in the transaction that failure
     * aborted, where its first statement fails (25P02). Or, on any dialect, a handler that always raises, in no
     * enclosing try or guard: the revision fails with it. Its statements make and take nothing, and no re-run
     * rule claims them.
     */
    AFTER_ABORT,
    /** An existence check on an object the guarded code never creates or drops: it protects nothing. */
    WRONG_OBJECT,
    /** A PL/pgSQL {@code DO} block that catches the duplicate error (conditions listed). */
    DO_BLOCK_EXCEPTION,
    /** A PL/pgSQL {@code IF NOT EXISTS (SELECT ...) THEN} inside a DO block or function. */
    PLPGSQL_IF,
    /**
     * An {@code if} whose test reads no database and that the analyzer cannot decide: an {@code -x}
     * argument ({@code context.get_x_argument()}), an environment variable, a setting. Whether the code
     * under it runs (on the first run or on the re-run) is decided outside the schema, so its effects are
     * unknown and nothing under it is claimed to fail.
     */
    CONFIGURATION,
    /**
     * Not a guard against a re-run: an {@code if} whose test reads configuration only ({@code os.environ},
     * {@code os.getenv}, {@code settings.X}, {@code context.get_x_argument()}, {@code context.config}, module
     * constants computed from them), read from the expression tree by {@code SettingTest}. The test comes out on
     * the re-run as it came out on the first run, so the code under it runs again exactly when it ran: the re-run
     * check decides it in the world where the condition holds ({@code schema/RerunSimulation}), and a re-run
     * finding names the condition. Whether it runs at all is not known, so it makes no first-run claim.
     */
    SETTING
}
