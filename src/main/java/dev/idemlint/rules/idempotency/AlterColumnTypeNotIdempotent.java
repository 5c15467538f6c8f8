package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.TypeChange;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.schema.Conflict;
import dev.idemlint.schema.RerunSimulation;

/**
 * Flags a column type change whose conversion function takes no form of the type the change leaves, whose
 * conversion adds an integer to the column when the type it leaves has no such operator, or whose conversion casts
 * a column the revision retypes to a type its new type has no cast to.
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
                if (f.conflict().sqlState() == PostgresFacts.castMissing() && !retypedOnce(m, b)) {
                    // the type the re-run meets is claimed only from this revision's own single change of it
                    return;
                }
                report(m, b, f.conflict(), ctx);
                // the re-run stops at the first failure
                return;
            }
        }
    }

    private static boolean converts(Operation op) {
        return op instanceof Operation.Benign b && b.type() != null
                && (b.type().function() != null || b.type().shift() != null || b.type().cast() != null);
    }

    /** Whether the column {@code b} casts is retyped by this revision once, to a type read. */
    private static boolean retypedOnce(Migration m, Operation.Benign b) {
        if (b.type().cast() == null) {
            return false;
        }
        var changes = m.upgrade().stream().filter(op -> op instanceof Operation.Benign o && o.type() != null
                && b.table().equals(o.table()) && b.type().cast().column().equals(o.column())).toList();
        return changes.size() == 1 && ((Operation.Benign) changes.get(0)).type().formatType() != null;
    }

    /** A type change ({@code ALTER COLUMN ... TYPE}) whose table or column is not read. */
    private static boolean changesUnreadColumn(Operation op) {
        return op instanceof Operation.Benign b && (b.type() != null || b.what().equals("ALTER TABLE ... ALTER COLUMN"))
                && (b.table() == null || b.column() == null);
    }

    /** The type as PostgreSQL's short aliases name it: {@code timestamp}, {@code timestamptz}, {@code varchar(n)}. */
    private static void report(Migration m, Operation.Benign b, Conflict c, RuleContext ctx) {
        if (c.sqlState() == PostgresFacts.castMissing() && b.type().cast() != null) {
            reportCast(m, b, c, ctx);
            return;
        }
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

    /** A {@code USING other::T} whose column has, on the re-run, a type with no cast to {@code T}. */
    private static void reportCast(Migration m, Operation.Benign b, Conflict c, RuleContext ctx) {
        TypeChange.Cast cast = b.type().cast();
        String column = RerunScenario.describe(ObjectKind.COLUMN, cast.column(), b.table());
        String to = RerunScenario.typeName(cast.type());
        ctx.report(m.source(), b.site(), "Re-running this revision fails with " + RerunScenario.failure(c.sqlState(),
                b.site()) + " because " + column + " already has the type this revision gives it, which has no cast to "
                + to + RerunScenario.end(b.site()))
                .help(RerunScenario.why(b.site(), c.sqlState()) + "PostgreSQL resolves the USING cast for the column's"
                        + " current type before it reads a row, on an empty table too: change the types only while "
                        + column + " still has its old type (check `sa.inspect(op.get_bind()).get_columns(...)` first,"
                        + " or a DO block reading information_schema.columns.data_type).")
                .emit();
    }
}
