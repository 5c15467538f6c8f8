package dev.idemlint.rules.locks;

import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.fix.SqlRewriter;

/** Flags an index built without {@code CONCURRENTLY} on a table that existed before the revision. */
public final class CreateIndexBlocksWrites implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(ctx, (at, c) -> {
            if (at.op() instanceof Operation.CreateIndex ix && !ix.concurrently() && at.existing(ix.table())) {
                report(at, ix, c);
            } else if (at.op() instanceof Operation.AddColumn a && a.column() != null && a.column().index()
                    && a.column().name() != null && !a.site().autocommit() && at.existing(a.table())) {
                columnIndex(at, a, c);
            }
        });
    }

    /**
     * {@code op.add_column(t, sa.Column(c, ..., index=True))}: Alembic builds the column's index right after the
     * column, with a plain {@code CREATE INDEX}.
     */
    private static void columnIndex(LockedTable.At at, Operation.AddColumn a, RuleContext ctx) {
        PostgresLocks.Row row = at.lock(PostgresLocks.Kind.CREATE_INDEX);
        PostgresLocks.Row safe = at.lock(PostgresLocks.Kind.CREATE_INDEX_CONCURRENTLY);
        ctx.report(at.migration().source(), a.site(), "`index=True` builds an index on \"" + a.column().name()
                + "\" with a " + row.lock().sql() + " lock on \"" + a.table() + "\" that stops " + row.lock().stops()
                + " until the build ends.")
                .help("\"" + a.table() + "\" existed before this revision, so Alembic's CREATE INDEX after the new"
                        + " column reads all its rows while the lock is held, until the migration's transaction"
                        + " commits. Drop `index=True` and build the index with `op.create_index(...,"
                        + " postgresql_concurrently=True)` inside `with op.get_context().autocommit_block():`:"
                        + " PostgreSQL then takes " + safe.lock().sql() + ", which lets reads and writes through.")
                .emit();
    }

    private static void report(LockedTable.At at, Operation.CreateIndex ix, RuleContext ctx) {
        PostgresLocks.Row row = at.lock(PostgresLocks.Kind.CREATE_INDEX);
        PostgresLocks.Row safe = at.lock(PostgresLocks.Kind.CREATE_INDEX_CONCURRENTLY);
        String index = ix.name() == null ? "an index" : "index \"" + ix.name() + "\"";
        String how = ix.site().origin() == Origin.RAW_SQL
                ? "`CREATE INDEX CONCURRENTLY` inside `with op.get_context().autocommit_block():`"
                : "`postgresql_concurrently=True` inside `with op.get_context().autocommit_block():`";
        ctx.report(at.migration().source(), ix.site(), "Building " + index + " holds a " + row.lock().sql()
                + " lock on \"" + ix.table() + "\" that stops " + row.lock().stops() + " until the build ends.")
                .help("\"" + ix.table() + "\" existed before this revision, so the build reads all its rows while the"
                        + " lock is held" + LockedTable.untilCommit(ix.site(), "lock lasts") + ". Build it with "
                        + how + ": PostgreSQL then takes " + safe.lock().sql() + ", which lets reads and writes"
                        + " through. A concurrent build that fails leaves an INVALID index behind: drop it before"
                        + " the retry rather than skipping it with IF NOT EXISTS.")
                // a statement the re-run check finds failing keeps its re-run finding and no lock fix: moved into an
                // autocommit block, its re-run is no longer decided, which would hide the failure, not end it
                .fix(ctx.verdicts(at.migration()).failure(ix) != null ? null : LockedTable.concurrently(
                        at.migration().source(), ix.site(), CreateIndexBlocksWrites::indexKeyword, "Build it"))
                .emit();
    }

    /** The token {@code INDEX} of a statement that starts {@code CREATE INDEX} or {@code CREATE UNIQUE INDEX}, or -1. */
    private static int indexKeyword(SqlRewriter r) {
        return r.at(0, "CREATE", "INDEX") ? 1 : r.at(0, "CREATE", "UNIQUE", "INDEX") ? 2 : -1;
    }
}
