package dev.idemlint.rules.locks;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.InvalidIndexDrop;
import java.util.List;

/** Warns where a re-run's {@code IF NOT EXISTS} keeps the INVALID index a failed concurrent build left behind. */
public final class InvalidIndexKeptOnRerun implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        if (ctx.facts().concurrentlyInTransaction() == null) {
            return; // a server without CONCURRENTLY
        }
        List<Operation> up = m.upgrade();
        for (int at = 0; at < up.size(); at++) {
            if (!(up.get(at) instanceof Operation.CreateIndex ix) || !ix.concurrently() || !ix.ifNotExists()
                    || ix.name() == null || ix.site().origin() == Origin.SQLALCHEMY_DDL) {
                continue;
            }
            boolean kwarg = ix.site().origin().alembicOp();
            if (kwarg && !ctx.settings().indexIfExistsSupported() || droppedBefore(up, at, ix.name())) {
                continue; // an ignored `if_not_exists=True` fails the re-run instead: create-index-not-idempotent
            }
            String skip = kwarg ? "`if_not_exists=True`" : "IF NOT EXISTS";
            ctx.report(m.source(), ix.site(), "A failed concurrent build leaves index \"" + ix.name()
                    + "\" INVALID, and the re-run's " + skip + " keeps it unused.")
                    .help("CREATE INDEX CONCURRENTLY that fails (a duplicate key, a lock or statement timeout, a"
                            + " cancelled deploy) leaves the index in the catalog marked INVALID, and the retry sees"
                            + " the name and skips the build. Drop the index first when `pg_index.indisvalid` is"
                            + " false, in the same autocommit block, before the build: `op.execute(\""
                            + (InvalidIndexDrop.statement(ix.name()) == null
                                    ? "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid ="
                                            + " to_regclass('<index>') AND NOT indisvalid) THEN DROP INDEX <index>;"
                                            + " END IF; END $$"
                                    : InvalidIndexDrop.statement(ix.name()))
                            + "\")`.")
                    .fix(InvalidIndexDrop.before(m.source(), ix.site(), ix.name(),
                            "Drop an INVALID \"" + ix.name() + "\" before the build"))
                    .emit();
        }
    }

    /**
     * Whether a statement of upgrade() before {@code at} drops index {@code name}, under any condition: a drop of
     * the INVALID leftover (or any drop) before the build leaves {@code IF NOT EXISTS} nothing to keep.
     */
    private static boolean droppedBefore(List<Operation> up, int at, String name) {
        for (int i = 0; i < at; i++) {
            if (up.get(i) instanceof Operation.Drop d && d.kind() == ObjectKind.INDEX && name.equals(d.name())) {
                return true;
            }
        }
        return false;
    }
}
