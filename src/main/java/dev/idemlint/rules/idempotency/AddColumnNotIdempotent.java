package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.SqlState;

/** Flags {@code add_column} / {@code ADD COLUMN} that fails with DuplicateColumn when re-run. */
public final class AddColumnNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        for (Operation op : m.upgrade()) {
            if (!(op instanceof Operation.AddColumn add) || op.site().createGuarded()) {
                continue;
            }
            boolean kwarg = add.site().origin() != Origin.RAW_SQL;
            if (add.ifNotExists() && (!kwarg || ctx.settings().columnIfExistsSupported())) {
                continue;
            }
            if (add.ifNotExists()) {
                // Alembic before 1.16.0 raises TypeError on the kwarg: unsupported-alembic-kwarg reports it.
                continue;
            }
            String what = RerunScenario.describe(ObjectKind.COLUMN, add.column().name(), add.table());
            String help;
            if (!kwarg) {
                help = "Write `ADD COLUMN IF NOT EXISTS`.";
            } else if (ctx.settings().columnIfExistsSupported()) {
                help = "Pass `if_not_exists=True` (Alembic 1.16.0+), or guard the call with the inspector: "
                        + "`if \"" + nameOr(add.column().name()) + "\" not in {c[\"name\"] for c in "
                        + "sa.inspect(op.get_bind()).get_columns(\"" + nameOr(add.table()) + "\")}:`.";
            } else {
                help = "Guard the call with the inspector: `if \"" + nameOr(add.column().name())
                        + "\" not in {c[\"name\"] for c in sa.inspect(op.get_bind()).get_columns(\""
                        + nameOr(add.table()) + "\")}:` (the `if_not_exists=True` kwarg needs Alembic 1.16.0; this"
                        + " project pins " + ctx.settings().alembic() + ").";
            }
            ctx.report(m.source(), op.site().span(), "Re-running this revision fails with "
                    + SqlState.DUPLICATE_COLUMN.label() + " because " + what + " already exists, "
                    + RerunScenario.when(op.site()) + ".").help(help).emit();
        }
    }

    static String nameOr(String s) {
        return s == null ? "..." : s;
    }
}
