package dev.idemlint.rules.locks;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.OpText;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;

/** Flags a CHECK constraint added without {@code NOT VALID} to a table that existed before the revision. */
public final class AddCheckConstraintScansTable implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(ctx, (at, c) -> {
            if (at.op() instanceof Operation.AddConstraint ck && ck.kind() == ConstraintKind.CHECK
                    && !OpText.notValid(ck) && at.existing(ck.table())) {
                report(at, ck, c);
            }
        });
    }

    private static void report(LockedTable.At at, Operation.AddConstraint ck, RuleContext ctx) {
        PostgresLocks.Row row = at.lock(PostgresLocks.Kind.ADD_CHECK);
        PostgresLocks.Row validate = at.lock(PostgresLocks.Kind.VALIDATE_CHECK);
        if (!row.scans()) {
            return;
        }
        String name = ck.name() == null ? "a CHECK constraint" : "CHECK constraint \"" + ck.name() + "\"";
        ctx.report(at.migration().source(), ck.site(), "Adding " + name + " reads every row of \"" + ck.table()
                + "\" under an " + row.lock().sql() + " lock that stops " + row.lock().stops()
                + " until the scan ends.")
                .help("\"" + ck.table() + "\" existed before this revision, so PostgreSQL checks all its rows while"
                        + " the lock is held" + LockedTable.untilCommit(ck.site(), "lock lasts")
                        + LockedTable.notValidThenValidate(ck, validate, "reads and writes"))
                .emit();
    }
}
