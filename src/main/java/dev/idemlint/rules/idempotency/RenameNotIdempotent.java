package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.SqlState;

/** Flags renames ({@code rename_table}, {@code alter_column(new_column_name=...)}, {@code RENAME ...}). */
public final class RenameNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        for (Operation op : m.upgrade()) {
            if (!(op instanceof Operation.Rename r) || op.site().dropGuarded() || r.from() == null) {
                continue;
            }
            SqlState state = state(r.kind());
            String what = RerunScenario.describe(r.kind(), r.from(), r.table());
            ctx.report(m.source(), op.site().span(), "Re-running this revision fails with " + state.label()
                    + " because " + what + " was already renamed to \"" + AddColumnNotIdempotent.nameOr(r.to())
                    + "\", " + RerunScenario.when(op.site()) + ".")
                    .help("PostgreSQL has no `RENAME ... IF EXISTS` for this: guard the rename with the inspector"
                            + " (rename only while the old name exists), or use a DO block that checks"
                            + " `information_schema`/`pg_class` first.").emit();
        }
    }

    static SqlState state(ObjectKind kind) {
        switch (kind) {
            case COLUMN:
                return SqlState.UNDEFINED_COLUMN;
            case TABLE:
            case INDEX:
            case SEQUENCE:
            case VIEW:
            case MATERIALIZED_VIEW:
                return SqlState.UNDEFINED_TABLE;
            default:
                return SqlState.UNDEFINED_OBJECT;
        }
    }
}
