package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.source.Span;

/**
 * Where an operation comes from. {@code span} is what a diagnostic points at: the Python call for
 * op calls, the statement inside the string for raw SQL (mapped back to the file). {@code call} is
 * the Python call that performs it ({@code op.add_column(...)}, {@code op.execute(...)}), for
 * fixes, held through {@code callRef}. {@code statement} is the Python statement holding the call (for guard-wrapping fixes).
 * {@code sql}/{@code sqlStart}/{@code sqlEnd} locate a raw SQL statement inside its resolved string
 * (null/-1 otherwise). {@code guard} is null when nothing protects the operation.
 * {@code autocommit} is true inside {@code op.get_context().autocommit_block()}, or after the revision
 * ended Alembic's transaction itself ({@code op.execute("COMMIT")}, {@code conn.commit()}), which
 * {@code afterCommit} tells apart. {@code indirect}
 * is true when reached through a local helper function or a loop (fixes then are display-only).
 * {@code conditional} is true when the operation may not run every time its function runs: under an
 * {@code if} the analyzer cannot decide for PostgreSQL, in a loop over unknown items, a {@code while},
 * a {@code try} or its handlers, or after an {@code if} that may leave the function early. An {@code if} on
 * configuration alone ({@link GuardKind#SETTING}: an environment variable, a setting, an {@code -x} argument)
 * is carried by the guard instead: the code under it runs on a re-run exactly when it ran, and the guard keeps
 * it from every first-run claim ({@link #definite}).
 * {@code engine} is the database of Alembic's {@code multidb} template the operation runs on: a revision whose
 * {@code upgrade(engine_name)} dispatches to {@code upgrade_<engine>()} runs each such function on its own
 * database ({@link EngineDispatch}); null for the one database of any other revision.
 * {@code targets} are the schemas the operation places its names in, read once by {@link OpExtractor}
 * (raw SQL's qualifiers by the statement classifier); never null.
 */
public record OpSite(Origin origin, Phase phase, Span span, CallRef callRef, Span statement,
        SqlText sql, int sqlStart, int sqlEnd, Guard guard, boolean autocommit, boolean indirect,
        boolean conditional, boolean afterCommit, String engine, SchemaRef.Targets targets) {

    public OpSite {
        if (targets == null) {
            targets = SchemaRef.Targets.SEARCH_PATH;
        }
    }

    public OpSite(Origin origin, Phase phase, Span span, CallRef callRef, Span statement, SqlText sql, int sqlStart,
            int sqlEnd, Guard guard, boolean autocommit, boolean indirect, boolean conditional, boolean afterCommit,
            String engine) {
        this(origin, phase, span, callRef, statement, sql, sqlStart, sqlEnd, guard, autocommit, indirect, conditional,
                afterCommit, engine, null);
    }

    /** The Python call that performs the operation, or null (see {@link CallRef}: may parse the file again). */
    public Expr.Call call() {
        return callRef == null ? null : callRef.get();
    }

    public OpSite withSpan(Span s) {
        return new OpSite(origin, phase, s, callRef, statement, sql, sqlStart, sqlEnd, guard, autocommit, indirect, conditional,
                afterCommit, engine, targets);
    }

    public OpSite withGuard(Guard g) {
        return new OpSite(origin, phase, span, callRef, statement, sql, sqlStart, sqlEnd, g, autocommit, indirect, conditional,
                afterCommit, engine, targets);
    }

    /** The same site with its names placed in {@code t}. */
    public OpSite withTargets(SchemaRef.Targets t) {
        return new OpSite(origin, phase, span, callRef, statement, sql, sqlStart, sqlEnd, guard, autocommit, indirect,
                conditional, afterCommit, engine, t);
    }

    public OpSite forSql(Span stmtSpan, int start, int end) {
        return new OpSite(Origin.RAW_SQL, phase, stmtSpan, callRef, statement, sql, start, end, guard, autocommit,
                indirect, conditional, afterCommit, engine, targets);
    }

    /**
     * True when the operation runs whenever its revision runs: nothing conditional around it and no
     * guard (a check on another object is a condition too). A first-run claim needs this, and that the re-run
     * check left the operation to the rules ({@link RerunVerdicts#definite}).
     */
    public boolean definite() {
        return !conditional && guard == null;
    }

    public boolean guarded() {
        return guard != null;
    }

    /** The raw SQL statement text (null when not raw SQL). */
    public String sqlStatement() {
        return sql == null || sqlStart < 0 ? null : sql.text().substring(sqlStart, sqlEnd);
    }
}
