package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.SqlState;
import java.util.Locale;

/** Flags drops in upgrade() without IF EXISTS: the re-run finds the object gone. */
public final class DropNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        for (Operation op : m.upgrade()) {
            if (!(op instanceof Operation.Drop d) || op.site().dropGuarded() || d.name() == null) {
                continue;
            }
            boolean kwarg = d.site().origin() == Origin.OP_CALL || d.site().origin() == Origin.BATCH_OP;
            if (d.ifExists() && (!kwarg || kwargSupported(d.kind(), ctx))) {
                continue;
            }
            if (d.ifExists() && d.kind() == ObjectKind.CONSTRAINT) {
                continue; // TypeError on older Alembic: unsupported-alembic-kwarg reports it.
            }
            String what = RerunScenario.describe(d.kind(), d.name(), d.table());
            String ignored = d.ifExists() ? " (Alembic " + ctx.settings().alembic() + " ignores `if_exists=True` here)"
                    : "";
            ctx.report(m.source(), op.site().span(), "Re-running this revision fails with " + state(d.kind()).label()
                    + " because " + what + " is already gone" + ignored + ", " + RerunScenario.when(op.site()) + ".")
                    .help(help(d, kwarg, ctx)).emit();
        }
    }

    private static boolean kwargSupported(ObjectKind kind, RuleContext ctx) {
        switch (kind) {
            case INDEX:
                return ctx.settings().indexIfExistsSupported();
            case TABLE:
                return ctx.settings().tableIfExistsSupported();
            case COLUMN:
                return ctx.settings().columnIfExistsSupported();
            case CONSTRAINT:
                return ctx.settings().constraintIfExistsSupported();
            default:
                return true;
        }
    }

    private static String help(Operation.Drop d, boolean kwarg, RuleContext ctx) {
        if (d.site().origin() == Origin.SQLALCHEMY_DDL) {
            return "Pass `checkfirst=True` to `.drop(...)`.";
        }
        if (!kwarg) {
            return d.kind() == ObjectKind.COLUMN || d.kind() == ObjectKind.CONSTRAINT
                    ? "Write `DROP " + d.kind().sql().toUpperCase(Locale.ROOT) + " IF EXISTS`."
                    : "Write `DROP " + d.kind().sql().toUpperCase(Locale.ROOT) + " IF EXISTS`.";
        }
        if (kwargSupported(d.kind(), ctx)) {
            return "Pass `if_exists=True`, or guard the call with the inspector.";
        }
        return "Guard the call with the inspector (`has_table`, `get_columns`, `get_indexes`, ...), or use"
                + " `op.execute(\"DROP ... IF EXISTS ...\")`; Alembic " + ctx.settings().alembic()
                + " has no working `if_exists` here.";
    }

    static SqlState state(ObjectKind kind) {
        switch (kind) {
            case COLUMN:
                return SqlState.UNDEFINED_COLUMN;
            case TABLE:
            case SEQUENCE:
            case VIEW:
            case MATERIALIZED_VIEW:
                return SqlState.UNDEFINED_TABLE;
            case SCHEMA:
                return SqlState.INVALID_SCHEMA_NAME;
            case FUNCTION:
            case PROCEDURE:
            case AGGREGATE:
                return SqlState.UNDEFINED_FUNCTION;
            default:
                return SqlState.UNDEFINED_OBJECT;
        }
    }
}
