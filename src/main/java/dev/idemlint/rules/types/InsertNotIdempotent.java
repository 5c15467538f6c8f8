package dev.idemlint.rules.types;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.python.Expr;
import dev.idemlint.rules.CallRewriter;
import dev.idemlint.rules.EnumRewriter;
import dev.idemlint.rules.SourceLayout;
import dev.idemlint.rules.SqlRewriter;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import dev.idemlint.migration.GuardMatch;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.SqlState;
import dev.idemlint.schema.SchemaTimeline;
import java.util.List;
import java.util.Set;

/** Flags an INSERT without ON CONFLICT / WHERE NOT EXISTS that writes a primary or unique key of its table. */
public final class InsertNotIdempotent implements ProjectRule {
    @Override
    public boolean usesTimeline() {
        return true;
    }

    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        SchemaTimeline t = SchemaTimeline.of(tree.graph());
        Settings s = ctx.settings();
        // a method per revision, which C1 compiles after a few dozen calls: this loop runs once per run
        for (Migration m : t.order()) {
            checkRevision(m, t, s, ctx);
        }
    }

    private void checkRevision(Migration m, SchemaTimeline t, Settings s, RuleContext ctx) {
        List<Operation> ops = m.upgrade();
        for (int i = 0; i < ops.size(); i++) {
            if (!(ops.get(i) instanceof Operation.Insert ins) || ins.onConflict() || ins.guardedSelect()
                    || GuardMatch.createGuarded(ins) || ins.table() == null) {
                continue;
            }
            Set<String> columns = ins.columns() == null ? null : new java.util.LinkedHashSet<>(ins.columns());
            List<Set<String>> keys = columns == null ? null : t.keys(ins.table(), m, i, s);
            if (keys == null && columns != null && columns.contains("id")) {
                // The table was made outside this chain: an explicit "id" is its primary key in
                // practice, and a re-run inserts the same ids again.
                keys = List.of(Set.of("id"));
            }
            if (keys == null) {
                continue;
            }
            for (Set<String> key : keys) {
                if (!columns.containsAll(key)) {
                    continue;
                }
                String k = String.join(", ", key.stream().sorted().toList());
                String because = "the rows it inserts into \"" + ins.table() + "\" are already there with the"
                        + " same key (" + k + ")";
                String message = RerunScenario.swallowed(ins.site())
                        ? "Re-running this revision fails with " + SqlState.IN_FAILED_SQL_TRANSACTION.label()
                                + ": the try/except swallows the " + SqlState.UNIQUE_VIOLATION.label() + " raised"
                                + " because " + because + ", but the error has aborted the transaction" + RerunScenario.end(ins.site())
                        : "Re-running this revision fails with " + SqlState.UNIQUE_VIOLATION.label() + " because "
                                + because + RerunScenario.end(ins.site());
                ctx.report(m.source(), ins.site().span(), message)
                        .help(ins.bulk()
                                ? "`op.bulk_insert` has no conflict handling: use `op.execute(\"INSERT ... ON"
                                        + " CONFLICT (" + k + ") DO NOTHING\")` or"
                                        + " `postgresql.insert(table).values(...).on_conflict_do_nothing()`."
                                : "Add `ON CONFLICT (" + k + ") DO NOTHING` (or `INSERT ... SELECT ... WHERE NOT"
                                        + " EXISTS (...)`).")
                        .fixes(fixes(ins, m.source()))
                        .emit();
                break;
            }
        }
    }

    /**
     * Raw {@code INSERT ... VALUES}: {@code ON CONFLICT DO NOTHING} appended to the statement (before
     * a RETURNING clause), inside the literal. UNSAFE: a re-run then skips the rows that are there,
     * which is the point, but a first run that would have failed on a duplicate now passes silently.
     * {@code INSERT ... SELECT} and {@code WITH} statements, whose grammar around ON is ambiguous,
     * and {@code op.bulk_insert} get a display-only suggestion.
     */
    static List<Fix> fixes(Operation.Insert ins, SourceFile file) {
        List<Fix> out = new ArrayList<>();
        String title = "Append `ON CONFLICT DO NOTHING`";
        if (ins.bulk()) {
            Expr.Call call = ins.site().call();
            Expr table = call == null ? null : CallRewriter.argument(call, 0, "table");
            Expr rows = call == null ? null : CallRewriter.argument(call, 1, "rows");
            if (table != null && rows != null) {
                String pg = SourceLayout.of(file).postgresqlDialectAlias();
                out.add(Fix.displayOnly("Insert with `on_conflict_do_nothing()`", (pg == null
                        ? EnumRewriter.IMPORT + "\n" : "") + "op.execute(" + (pg == null ? "postgresql" : pg)
                        + ".insert(" + file.slice(table.span()) + ").values(" + file.slice(rows.span())
                        + ").on_conflict_do_nothing())"));
            }
            return out;
        }
        SqlRewriter r = SqlRewriter.of(ins.site(), file);
        if (r == null || r.tokens().isEmpty()) {
            return out;
        }
        int end = r.findTopLevel("RETURNING");
        end = end > 0 ? end - 1 : r.lastToken();
        if (end >= 0 && r.tokens().get(end).text().equals(";")) {
            end--;
        }
        boolean plain = r.at(0, "INSERT", "INTO") && r.findTopLevel("VALUES") > 0 && r.findTopLevel("SELECT") < 0
                && r.findTopLevel("ON") < 0;
        if (!plain || end <= 0) {
            return out;
        }
        out.add(r.insertAfter(end, r.cased("ON CONFLICT DO NOTHING"), title, Applicability.UNSAFE));
        Fix.dropMissing(out);
        return out;
    }
}
