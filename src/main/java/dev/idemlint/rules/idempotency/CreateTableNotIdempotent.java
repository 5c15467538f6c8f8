package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.SqlState;

/** Flags {@code create_table} / {@code CREATE TABLE} that fails with DuplicateTable when re-run. */
public final class CreateTableNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        for (Operation op : m.upgrade()) {
            if (!(op instanceof Operation.CreateTable t) || op.site().createGuarded()) {
                continue;
            }
            boolean kwarg = t.site().origin() != Origin.RAW_SQL;
            boolean supported = !kwarg || ctx.settings().tableIfExistsSupported();
            if (t.ifNotExists() && supported) {
                continue;
            }
            String what = RerunScenario.describe(ObjectKind.TABLE, t.table(), null);
            String ignored = t.ifNotExists() ? " (Alembic " + ctx.settings().alembic()
                    + " ignores `if_not_exists=True` on create_table; it arrived in 1.13.3)" : "";
            String help;
            if (!kwarg) {
                help = "Write `CREATE TABLE IF NOT EXISTS`.";
            } else {
                String guard = "guard the call: `if not sa.inspect(op.get_bind()).has_table(\""
                        + AddColumnNotIdempotent.nameOr(t.table()) + "\"):`";
                help = ctx.settings().tableIfExistsSupported()
                        ? "Pass `if_not_exists=True` (Alembic 1.13.3+; it does not cover enum types or index=True"
                                + " columns), or " + guard + "."
                        : "Upgrade to Alembic 1.13.3+ for `if_not_exists=True`, or " + guard + ".";
            }
            ctx.report(m.source(), op.site().span(), "Re-running this revision fails with "
                    + SqlState.DUPLICATE_TABLE.label() + " because " + what + " already exists" + ignored + ", "
                    + RerunScenario.when(op.site()) + ".").help(help).emit();
        }
    }
}
