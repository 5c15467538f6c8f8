package dev.idemlint.rules.locks;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.OpText;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.schema.RevisionStart;
import java.util.List;

/**
 * Flags {@code VALIDATE CONSTRAINT} in the transaction that added the constraint {@code NOT VALID} to a table that
 * existed before the revision: the add's lock is still held while the validation reads every row.
 */
public final class ValidateInSameTransaction implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(ctx, (at, c) -> {
            String validated = OpText.validatedConstraint(at.op());
            if (validated == null || !at.existing(((Operation.Benign) at.op()).table())) {
                return;
            }
            Operation.AddConstraint add = addedInSameTransaction(at.migration(), at.index(), validated);
            if (add != null) {
                report(at, add, c);
            }
        });
    }

    /**
     * The {@code NOT VALID} add of constraint {@code name} earlier in the transaction operation {@code index} of
     * {@code m} runs in, or null: none, or the validation runs outside a transaction block.
     */
    private static Operation.AddConstraint addedInSameTransaction(Migration m, int index, String name) {
        int tx = RevisionStart.transaction(m, index);
        if (tx == RevisionStart.NO_TRANSACTION) {
            return null;
        }
        List<Operation> up = m.upgrade();
        for (int j = index - 1; j >= 0; j--) {
            if (up.get(j) instanceof Operation.AddConstraint a && name.equalsIgnoreCase(a.name())
                    && OpText.notValid(a) && RevisionStart.transaction(m, j) == tx) {
                return a;
            }
        }
        return null;
    }

    private static void report(LockedTable.At at, Operation.AddConstraint add, RuleContext ctx) {
        boolean foreignKey = add.kind() == ConstraintKind.FOREIGN_KEY;
        PostgresLocks.Row held = at.lock(foreignKey ? PostgresLocks.Kind.VALIDATE_FOREIGN_KEY_AFTER_ADD
                : PostgresLocks.Kind.VALIDATE_CHECK_AFTER_ADD);
        PostgresLocks.Row alone = at.lock(foreignKey ? PostgresLocks.Kind.VALIDATE_FOREIGN_KEY
                : PostgresLocks.Kind.VALIDATE_CHECK);
        String table = add.table();
        int line = add.site().span() == null ? -1 : at.migration().source().lines().line(add.site().span().start());
        RuleContext.Builder finding = ctx.report(at.migration().source(), at.op().site(), "\"" + add.name()
                + "\" is validated in the transaction that added it NOT VALID" + (line > 0 ? " (line " + line + ")" : "") + ": every row of \"" + table
                + "\" is read under the add's " + held.lock().sql() + " lock.")
                .help("The lock the add took on \"" + table + "\", which existed before this revision, lasts until the"
                        + " transaction commits, so NOT VALID saves nothing: the validation stops " + held.lock().stops()
                        + " as a plain add would. Validate in a later transaction, inside `with"
                        + " op.get_context().autocommit_block():` or in a later revision; there it takes "
                        + alone.lock().sql() + ", which lets reads and writes through.");
        if (add.site().span() != null) {
            // plan reads the add from here to tell a foreign key's lock from a CHECK's
            finding.related(at.migration().source(), add.site().span(), "\"" + add.name() + "\" is added NOT VALID here");
        }
        finding.emit();
    }
}
