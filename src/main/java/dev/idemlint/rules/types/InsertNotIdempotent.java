package dev.idemlint.rules.types;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.SqlState;
import dev.idemlint.schema.InsertedColumns;
import dev.idemlint.schema.SchemaTimeline;
import java.util.List;
import java.util.Set;

/** Flags an INSERT without ON CONFLICT / WHERE NOT EXISTS that writes a primary or unique key of its table. */
public final class InsertNotIdempotent implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        SchemaTimeline t = SchemaTimeline.of(tree.graph());
        Settings s = ctx.settings();
        for (Migration m : t.order()) {
            List<Operation> ops = m.upgrade();
            for (int i = 0; i < ops.size(); i++) {
                if (!(ops.get(i) instanceof Operation.Insert ins) || ins.onConflict() || ins.guardedSelect()
                        || ins.site().createGuarded() || ins.table() == null) {
                    continue;
                }
                Set<String> columns = InsertedColumns.of(ins);
                List<Set<String>> keys = columns == null ? null : t.keys(ins.table(), m, i, s);
                if (keys == null) {
                    continue;
                }
                for (Set<String> key : keys) {
                    if (!columns.containsAll(key)) {
                        continue;
                    }
                    String k = String.join(", ", key.stream().sorted().toList());
                    ctx.report(m.source(), ins.site().span(), "Re-running this revision fails with "
                            + SqlState.UNIQUE_VIOLATION.label() + " because the rows it inserts into \"" + ins.table()
                            + "\" are already there with the same key (" + k + "), " + RerunScenario.when(ins.site())
                            + ".")
                            .help(ins.bulk()
                                    ? "`op.bulk_insert` has no conflict handling: use `op.execute(\"INSERT ... ON"
                                            + " CONFLICT (" + k + ") DO NOTHING\")` or"
                                            + " `postgresql.insert(table).values(...).on_conflict_do_nothing()`."
                                    : "Add `ON CONFLICT (" + k + ") DO NOTHING` (or `INSERT ... SELECT ... WHERE NOT"
                                            + " EXISTS (...)`).")
                            .emit();
                    break;
                }
            }
        }
    }
}
