package dev.idemlint.rules.idempotency;

import dev.idemlint.fix.Fix;
import dev.idemlint.migration.GuardMatch;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.python.Expr;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.CallRewriter;
import dev.idemlint.rules.GuardWrapper;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.SqlState;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Flags renames ({@code rename_table}, {@code alter_column(new_column_name=...)}, {@code RENAME ...}). */
public final class RenameNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        for (Operation op : m.upgrade()) {
            if (!(op instanceof Operation.Rename r) || GuardMatch.dropGuarded(op) || r.from() == null) {
                continue;
            }
            SqlState state = state(r.kind());
            String what = r.kind() == ObjectKind.OTHER && r.table() != null
                    ? "enum value '" + r.from() + "' of type \"" + r.table() + "\""
                    : RerunScenario.describe(r.kind(), r.from(), r.table());
            ctx.report(m.source(), op.site().span(), "Re-running this revision fails with " + state.label()
                    + " because " + what + " was already renamed to \"" + AddColumnNotIdempotent.nameOr(r.to())
                    + "\"" + RerunScenario.end(op.site()))
                    .help("PostgreSQL has no `RENAME ... IF EXISTS` for this: guard the rename with the inspector"
                            + " (rename only while the old name exists), or use a DO block that checks"
                            + " `information_schema`/`pg_class` first.").fixes(fixes(r, m.source())).emit();
        }
    }

    /**
     * Op calls: a guard that renames only while the old name exists and the new one does not
     * (UNSAFE, as every guard). Raw SQL renames get no edit: the help says what to write.
     */
    static List<Fix> fixes(Operation.Rename r, SourceFile file) {
        OpSite site = r.site();
        List<Fix> out = new ArrayList<>();
        Expr.Call call = site.call();
        if (site.origin() == Origin.RAW_SQL || call == null) {
            return out;
        }
        String schema = GuardWrapper.schemaArg(file, call);
        if (r.kind() == ObjectKind.TABLE) {
            String from = CallRewriter.expression(file, CallRewriter.argument(call, 0, "old_table_name"), r.from());
            String to = CallRewriter.expression(file, CallRewriter.argument(call, 1, "new_table_name"), r.to());
            if (from != null && to != null) {
                out.add(GuardWrapper.wrap(file, site, GuardWrapper.hasTable(from, schema, true) + " and "
                        + GuardWrapper.hasTable(to, schema, false), GuardWrapper.title("has_table"), List.of()));
            }
        } else if (r.kind() == ObjectKind.COLUMN) {
            boolean batch = site.origin() == Origin.BATCH_OP;
            String table = batch ? CallRewriter.quoteOrNull(r.table())
                    : CallRewriter.expression(file, CallRewriter.argument(call, 0, "table_name"), r.table());
            String from = CallRewriter.expression(file, CallRewriter.argument(call, batch ? 0 : 1, "column_name"),
                    r.from());
            String to = CallRewriter.expression(file, CallRewriter.argument(call, -1, "new_column_name"), r.to());
            String had = GuardWrapper.named(from, "get_columns", table, schema, true);
            String hasNot = GuardWrapper.named(to, "get_columns", table, schema, false);
            if (had != null && hasNot != null) {
                out.add(GuardWrapper.wrap(file, site, had + " and " + hasNot, GuardWrapper.title("get_columns"),
                        List.of()));
            }
        }
        Fix.dropMissing(out);
        return out;
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
            case OTHER:
                // ALTER TYPE t RENAME VALUE 'a' TO 'b' again: "'a' is not an existing enum label".
                return SqlState.INVALID_PARAMETER_VALUE;
            default:
                return SqlState.UNDEFINED_OBJECT;
        }
    }
}
