package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.SqlState;

/** Flags a named {@code create_index} / {@code CREATE INDEX} that fails with DuplicateTable when re-run. */
public final class CreateIndexNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        for (Operation op : m.upgrade()) {
            // An unnamed CREATE INDEX gets a fresh generated name on every run: it never fails.
            if (!(op instanceof Operation.CreateIndex ix) || op.site().createGuarded() || ix.name() == null
                    && ix.site().origin() == Origin.RAW_SQL) {
                continue;
            }
            boolean kwarg = ix.site().origin() != Origin.RAW_SQL;
            if (ix.ifNotExists() && (!kwarg || ctx.settings().indexIfExistsSupported())) {
                continue;
            }
            String what = (ix.unique() ? "unique " : "") + RerunScenario.describe(ObjectKind.INDEX, ix.name(), null);
            String ignored = ix.ifNotExists() ? " (Alembic " + ctx.settings().alembic() + " with SQLAlchemy "
                    + ctx.settings().sqlalchemy() + " ignores `if_not_exists=True` on create_index)" : "";
            String help;
            if (!kwarg) {
                help = ix.concurrently()
                        ? "Write `CREATE INDEX CONCURRENTLY IF NOT EXISTS` (and drop an INVALID leftover index"
                                + " from a failed concurrent build first)."
                        : "Write `CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS`.";
            } else if (ctx.settings().indexIfExistsSupported()) {
                help = "Pass `if_not_exists=True` (Alembic 1.13.0+, or 1.11.2+ with SQLAlchemy 2.0).";
            } else {
                help = "Guard the call: `if \"" + AddColumnNotIdempotent.nameOr(ix.name())
                        + "\" not in {i[\"name\"] for i in sa.inspect(op.get_bind()).get_indexes(\""
                        + AddColumnNotIdempotent.nameOr(ix.table()) + "\")}:`, or write the index in SQL with"
                        + " `CREATE INDEX IF NOT EXISTS`.";
            }
            ctx.report(m.source(), op.site().span(), "Re-running this revision fails with "
                    + SqlState.DUPLICATE_TABLE.label() + " because " + what + " already exists" + ignored + ", "
                    + RerunScenario.when(op.site()) + ".").help(help).emit();
        }
    }
}
