package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.SqlState;

/**
 * Flags named constraint creation ({@code create_foreign_key}, {@code create_unique_constraint},
 * {@code create_check_constraint}, {@code create_primary_key}, {@code ADD CONSTRAINT}), which has
 * no IF NOT EXISTS in PostgreSQL.
 */
public final class AddConstraintNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        for (Operation op : m.upgrade()) {
            // Unnamed constraints get a fresh generated name on every run and do not fail.
            if (!(op instanceof Operation.AddConstraint c) || op.site().createGuarded() || c.name() == null
                    || c.ifNotExists()) {
                continue;
            }
            SqlState state = stateFor(c.kind());
            String what = RerunScenario.describe(ObjectKind.CONSTRAINT, c.name(), c.table());
            String because = c.kind() == ConstraintKind.PRIMARY_KEY
                    ? " because \"" + AddColumnNotIdempotent.nameOr(c.table()) + "\" already has a primary key"
                    : " because " + what + " already exists";
            String condition = state == SqlState.DUPLICATE_TABLE ? "duplicate_table" : "duplicate_object";
            String help = "PostgreSQL has no `ADD CONSTRAINT IF NOT EXISTS`: wrap the statement in `DO $$ BEGIN"
                    + " ALTER TABLE ... ADD CONSTRAINT ...; EXCEPTION WHEN " + condition
                    + " THEN null; END $$`, or guard the call with the inspector ("
                    + inspectorMethod(c.kind()) + ").";
            ctx.report(m.source(), op.site().span(), "Re-running this revision fails with " + state.label() + because
                    + ", " + RerunScenario.when(op.site()) + ".").help(help).emit();
        }
    }

    /** A duplicate index-backed constraint fails creating its index (42P07); FK/CHECK raise 42710. */
    static SqlState stateFor(ConstraintKind kind) {
        if (kind == ConstraintKind.PRIMARY_KEY) {
            return SqlState.INVALID_TABLE_DEFINITION;
        }
        return kind.indexBacked() ? SqlState.DUPLICATE_TABLE : SqlState.DUPLICATE_OBJECT;
    }

    private static String inspectorMethod(ConstraintKind kind) {
        switch (kind) {
            case FOREIGN_KEY:
                return "`get_foreign_keys`";
            case UNIQUE:
                return "`get_unique_constraints`";
            case CHECK:
                return "`get_check_constraints`";
            case PRIMARY_KEY:
                return "`get_pk_constraint`";
            default:
                return "a `pg_constraint` query";
        }
    }
}
