package dev.idemlint.rules.locks;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.OpText;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;

/**
 * Flags a UNIQUE or PRIMARY KEY constraint added to a table that existed before the revision: PostgreSQL builds its
 * index under the lock of the {@code ALTER TABLE}.
 */
public final class AddUniqueBuildsIndex implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(ctx, (at, c) -> {
            if (at.op() instanceof Operation.AddConstraint a
                    && (a.kind() == ConstraintKind.UNIQUE || a.kind() == ConstraintKind.PRIMARY_KEY)
                    && !OpText.usingIndex(a) && at.existing(a.table())) {
                report(at, a, c);
            }
        });
    }

    private static void report(LockedTable.At at, Operation.AddConstraint a, RuleContext ctx) {
        PostgresLocks.Row row = at.lock(PostgresLocks.Kind.ADD_UNIQUE);
        PostgresLocks.Row safe = at.lock(PostgresLocks.Kind.CREATE_INDEX_CONCURRENTLY);
        String what = a.kind() == ConstraintKind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE";
        String name = a.name() == null ? "a " + what + " constraint" : what + " constraint \"" + a.name() + "\"";
        ctx.report(at.migration().source(), a.site(), "Adding " + name + " builds its index under an "
                + row.lock().sql() + " lock on \"" + a.table() + "\" that stops " + row.lock().stops()
                + " until the build ends.")
                .help("\"" + a.table() + "\" existed before this revision, so PostgreSQL reads all its rows to build"
                        + " the index while the lock is held" + LockedTable.untilCommit(a.site(), "lock lasts")
                        + ". Build a unique index first with"
                        + " `CREATE UNIQUE INDEX CONCURRENTLY` (or `op.create_index(..., unique=True,"
                        + " postgresql_concurrently=True)`) inside `with op.get_context().autocommit_block():`, which"
                        + " takes " + safe.lock().sql() + " and lets reads and writes through, then `ALTER TABLE "
                        + a.table() + " ADD CONSTRAINT <name> " + what + " USING INDEX <index>`, which reads nothing.")
                .emit();
    }
}
