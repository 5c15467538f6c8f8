package dev.idemlint.rules.correctness;

import dev.idemlint.fix.Fix;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.SqlState;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.GuardWrapper;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Flags CREATE INDEX CONCURRENTLY outside {@code autocommit_block()}: it cannot run in Alembic's transaction. */
public final class ConcurrentlyInTransaction implements MigrationRule {
    private static final String TITLE = "Move the statement into an autocommit block";

    @Override
    public void check(Migration m, RuleContext ctx) {
        if (ctx.facts().concurrentlyInTransaction() == null) {
            return; // a server without CONCURRENTLY
        }
        if (ctx.settings().envMayAutocommit()) {
            return; // env.py may give the migrations an autocommit connection: no transaction to fail in
        }
        // the Python statements whose move has been offered: moving one moves every statement of its
        // op.execute, so its other findings point at that fix instead of carrying the statement again
        Set<Span> moved = new HashSet<>();
        for (Operation op : m.upgrade()) {
            if (!(op instanceof Operation.CreateIndex ix) || !ix.concurrently() || op.site().autocommit()) {
                continue;
            }
            Span statement = op.site().statement();
            List<Fix> fixes = statement != null && !moved.add(statement)
                    ? List.of(Fix.displayOnly(TITLE, "the fix of the first CREATE INDEX CONCURRENTLY in this"
                            + " statement moves this one with it"))
                    : fixes(op, m.source());
            String name = ix.name() == null ? "" : " \"" + ix.name() + "\"";
            ctx.report(m.source(), op.site(), "CREATE INDEX CONCURRENTLY" + name
                    + " fails on the first run with " + SqlState.ACTIVE_SQL_TRANSACTION.label()
                    + " inside Alembic's migration transaction.")
                    .help("Alembic runs each migration in a transaction on PostgreSQL, and CONCURRENTLY cannot run"
                            + " inside one. Run it in `with op.get_context().autocommit_block():` and make it re-runnable there"
                            + " (`if_not_exists=True` or `CREATE INDEX CONCURRENTLY IF NOT EXISTS`): a failure after"
                            + " the block leaves the index committed.")
                    .fixes(fixes)
                    .emit();
        }
    }

    /**
     * The statement moved into {@code autocommit_block()}: UNSAFE, since outside the migration's
     * transaction a failure after the block leaves the index committed (idempotency rules then guard
     * the statement for the re-run). Display-only where the statement is not a plain one on its own
     * lines.
     */
    static List<Fix> fixes(Operation op, SourceFile file) {
        List<Fix> out = new ArrayList<>();
        out.add(GuardWrapper.autocommitBlock(file, op.site(), TITLE));
        Fix.dropMissing(out);
        if (out.isEmpty()) {
            out.add(Fix.displayOnly(TITLE,
                    "with op.get_context().autocommit_block():\n    <this statement>"));
        }
        return out;
    }
}
