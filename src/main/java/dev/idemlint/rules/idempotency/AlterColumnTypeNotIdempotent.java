package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.schema.Conflict;
import dev.idemlint.schema.RerunSimulation;

/**
 * Flags a column type change whose conversion function takes no form of the type the change leaves, or whose
 * conversion adds an integer to the column when the type it leaves has no such operator.
 */
public final class AlterColumnTypeNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        if (!ctx.facts().alterTypeUsing() || m.upgrade().stream().noneMatch(AlterColumnTypeNotIdempotent::converts)
                || m.upgrade().stream().anyMatch(AlterColumnTypeNotIdempotent::changesUnreadColumn)) {
            // postgresql_using is PostgreSQL's; a type change on a column not read may change any column's type
            return;
        }
        for (RerunSimulation.Failure f : ctx.rerunAnswers(m).conflicts()) {
            if (f.conflict().about() == Conflict.About.TYPE && f.op() instanceof Operation.Benign b) {
                report(m, b, f.conflict(), ctx);
                // the re-run stops at the first failure
                return;
            }
        }
    }

    private static boolean converts(Operation op) {
        return op instanceof Operation.Benign b && b.type() != null
                && (b.type().function() != null || b.type().shift() != null);
    }

    /** A type change ({@code ALTER COLUMN ... TYPE}) whose table or column is not read. */
    private static boolean changesUnreadColumn(Operation op) {
        return op instanceof Operation.Benign b && (b.type() != null || b.what().equals("ALTER TABLE ... ALTER COLUMN"))
                && (b.table() == null || b.column() == null);
    }

    /** The type as PostgreSQL's short aliases name it: {@code timestamp}, {@code timestamptz}, {@code varchar(n)}. */
    private static void report(Migration m, Operation.Benign b, Conflict c, RuleContext ctx) {
        String column = RerunScenario.describe(ObjectKind.COLUMN, b.column(), b.table());
        // the type the re-run meets is this statement's own unless another statement changes the column's type
        boolean own = b.type().formatType() != null && m.upgrade().stream().filter(op -> op != b
                && op instanceof Operation.Benign o && o.type() != null && b.column().equals(o.column())
                && b.table().equals(o.table())).findAny().isEmpty();
        String have = own ? RerunScenario.typeName(b.type().formatType()) : null;
        String shift = b.type().shift();
        String because;
        if (shift != null && (own ? PostgresFacts.shiftFails(b.type().formatType()) : b.type().function() == null)) {
            // the operator is what PostgreSQL stops at: it resolves `c + 18000` before the function around it
            because = own ? column + " is already " + have + ", and no " + shift + " operator takes a " + have
                    + " and an integer" : "no " + shift + " operator takes the type " + column
                    + " already has and an integer";
        } else if (own || shift == null) {
            because = own ? column + " is already " + have + ", which " + b.type().function() + "() does not take"
                    : b.type().function() + "() does not take the type " + column + " already has";
        } else {
            because = "its USING conversion takes no form of the type " + column + " already has";
        }
        ctx.report(m.source(), b.site(), "Re-running this revision fails with " + RerunScenario.failure(c.sqlState(), b.site()) + " because "
                + because + RerunScenario.end(b.site()))
                .help(RerunScenario.why(b.site(), c.sqlState()) + "PostgreSQL looks the USING "
                        + (shift != null ? "operator and function" : "function") + " up for the column's current"
                        + " type before it reads a row, so the conversion fails once the column has the new type:"
                        + " change the type only while the column still has the old one (check"
                        + " `sa.inspect(op.get_bind()).get_columns(...)` first, or a DO block reading"
                        + " information_schema.columns.data_type).")
                .emit();
    }
}
