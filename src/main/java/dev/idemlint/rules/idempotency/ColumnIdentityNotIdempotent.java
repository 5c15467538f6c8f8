package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Operation.IdentityChange;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.MysqlDialect;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.schema.IdentityRerun;

/** Flags the first {@code ALTER COLUMN} statement on a column's identity that fails when the revision runs again. */
public final class ColumnIdentityNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        if (MysqlDialect.applies(ctx.settings())) {
            return; // identity columns and these statements are PostgreSQL's
        }
        IdentityRerun.Failure f = IdentityRerun.firstFailure(m.upgrade());
        if (f == null) {
            return;
        }
        Operation.ColumnIdentity op = f.op();
        String column = "column \"" + op.column() + "\" of \"" + op.table() + "\"";
        String because = op.change() == IdentityChange.DROP ? column + " is no longer an identity column"
                : column + " is already an identity column";
        ctx.report(m.source(), op.site().span(), "Re-running this revision fails with " + f.state().label()
                + " because " + because + RerunScenario.end(op.site()))
                .help(RerunScenario.why(op.site()) + "PostgreSQL has no `IF NOT EXISTS` for `ADD GENERATED ... AS"
                        + " IDENTITY` and refuses `DROP DEFAULT` on an identity column: run the column's change only"
                        + " while it is not an identity column yet (`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM"
                        + " information_schema.columns WHERE table_name = ... AND column_name = ... AND"
                        + " is_identity = 'YES') THEN ...; END IF; END $$`), or guard it with the inspector.")
                .emit();
    }
}
