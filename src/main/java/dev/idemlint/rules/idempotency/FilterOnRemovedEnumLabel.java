package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.FormatType;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpText;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.schema.QualifiedName;
import dev.idemlint.schema.SchemaTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flags a {@code DELETE ... WHERE c = 'v'} whose column a later statement of the same revision converts to an enum
 * without the label {@code 'v'} (the swap that removes a label: a new enum, the rows of the old label deleted, the
 * column converted): the re-run meets the column of that enum already, and PostgreSQL rejects {@code 'v'} as input
 * of it with 22P02 before any row is read. Both statements run whenever the revision does (definite), no statement
 * of the revision changes the column's type before the delete, and none drops or renames the column or its table.
 */
public final class FilterOnRemovedEnumLabel implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        if (!ctx.facts().namedTypes()) {
            // MySQL and MariaDB keep an ENUM's labels in its column, and compare a string outside them as false
            return;
        }
        SchemaTimeline timeline = null;
        for (Migration m : tree.migrations()) {
            List<Operation> up = m.upgrade();
            RerunVerdicts verdicts = null;
            for (int i = 0; i < up.size(); i++) {
                if (!(up.get(i) instanceof Operation.Benign d) || !Operation.Benign.DELETE.equals(d.what())
                        || d.removes() == null || d.table() == null) {
                    continue;
                }
                verdicts = verdicts == null ? ctx.verdicts(m) : verdicts;
                if (!verdicts.definite(d)) {
                    continue;
                }
                timeline = timeline == null ? ctx.timeline() : timeline;
                check(m, up, i, d, verdicts, timeline, ctx);
            }
        }
    }

    private static void check(Migration m, List<Operation> up, int at, Operation.Benign d, RerunVerdicts verdicts,
            SchemaTimeline timeline, RuleContext ctx) {
        String table = fold(d.table());
        String column = d.removes().column();
        for (int j = 0; j < at; j++) {
            if (changesType(up.get(j), table, column)) {
                // the re-run reaches the delete with the type this earlier statement gives, not the revision's last
                return;
            }
        }
        int last = -1;
        List<String> added = new ArrayList<>();
        for (int j = at + 1; j < up.size(); j++) {
            Operation op = up.get(j);
            if (changesType(op, table, column)) {
                if (!verdicts.definite(op)) {
                    return;
                }
                last = j;
            } else if (op instanceof Operation.AlterTypeAddValue av && av.label() != null) {
                added.add(av.label());
            } else if (moves(op, table, column)) {
                return;
            }
        }
        if (last < 0) {
            return;
        }
        Operation.Benign change = (Operation.Benign) up.get(last);
        String to = OpText.typeTarget(change).type();
        String name = to == null ? null : FormatType.userType(to.replace("\"", ""));
        if (name == null) {
            return;
        }
        String typeName = to.replace("\"", "");
        List<String> labels = timeline.labels(QualifiedName.of(typeName), m, last);
        if (labels.isEmpty()) {
            return;
        }
        String missing = d.removes().values().stream().sorted()
                .filter(v -> !labels.contains(v) && !added.contains(v)).findFirst().orElse(null);
        if (missing == null) {
            return;
        }
        int line = m.source().lines().line(change.site().span().start());
        SqlState state = SqlState.INVALID_TEXT_REPRESENTATION;
        ctx.report(m.source(), d.site(), "Re-running this revision fails with " + RerunScenario.failure(state,
                d.site()) + " because '" + missing + "' is no label of " + name + ", the type line " + line
                + " gives \"" + column + "\"" + RerunScenario.end(d.site()))
                .help(RerunScenario.why(d.site(), state) + "After the first run \"" + column + "\" of \"" + d.table()
                        + "\" holds the enum " + name + ", and PostgreSQL rejects '" + missing + "' as its input"
                        + " before it reads a row. Compare the column as text (`WHERE " + column + "::text = '"
                        + missing + "'`), or delete the rows in a revision of their own before the swap.")
                .emit();
    }

    /** Whether {@code op} changes the type of {@code table}'s {@code column}. */
    private static boolean changesType(Operation op, String table, String column) {
        return op instanceof Operation.Benign b && b.type() != null && b.table() != null && b.column() != null
                && fold(b.table()).equals(table) && b.column().equals(column);
    }

    /** Whether {@code op} drops or renames {@code table} or its {@code column}. */
    private static boolean moves(Operation op, String table, String column) {
        if (op instanceof Operation.Drop dr) {
            return dr.kind() == ObjectKind.TABLE && dr.name() != null && fold(dr.name()).equals(table)
                    || dr.kind() == ObjectKind.COLUMN && dr.table() != null && fold(dr.table()).equals(table)
                    && column.equals(dr.name());
        }
        if (op instanceof Operation.Rename r) {
            return r.kind() == ObjectKind.TABLE && r.from() != null && fold(r.from()).equals(table)
                    || r.kind() == ObjectKind.COLUMN && r.table() != null && fold(r.table()).equals(table)
                    && column.equals(r.from());
        }
        return false;
    }

    private static String fold(String name) {
        return name.replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
