package dev.idemlint.rules.correctness;

import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.fix.Fix;
import dev.idemlint.schema.Conflict;
import dev.idemlint.schema.DropDependents;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.SchemaState;
import dev.idemlint.schema.SchemaTimeline;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Flags a {@code DROP TABLE} without {@code CASCADE} of a table that another object the path surely made depends on. */
public final class DropTableWithDependents implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        ServerFacts.Raised refused = ctx.facts().dropWithDependents();
        if (refused == null) {
            return;
        }
        SchemaTimeline t = ctx.timeline();
        // only a table some statement refers to by a foreign key, or copies LIKE, can have such a dependent: the
        // others are not asked of the state, which is walked again for each question
        Set<String> depended = dependedOn(t.order());
        if (depended.isEmpty()) {
            return;
        }
        for (Migration m : t.order()) {
            if (!ctx.reports(m.source())) {
                continue;
            }
            List<Operation> up = m.upgrade();
            for (int i = 0; i < up.size(); i++) {
                if (up.get(i) instanceof Operation.Drop d && d.kind() == ObjectKind.TABLE && !d.cascade()
                        && d.name() != null && depended.contains(last(d.name())) && unconditional(d, ctx.verdicts(m))) {
                    Optional<SchemaState.Dependent> by = DropDependents.of(t, m, i, d);
                    if (by.isPresent()) {
                        report(m, i, d, by.get(), refused, ctx);
                        break; // the first run stops here
                    }
                }
            }
        }
    }

    private static void report(Migration m, int index, Operation.Drop d, SchemaState.Dependent by,
            ServerFacts.Raised refused, RuleContext ctx) {
        Conflict c = by.conflict();
        ObjectRef o = c.object();
        SchemaState.Maker made = by.maker();
        boolean copied = c.about() == Conflict.About.DEFAULT_USES_SEQUENCE;
        String what = copied
                ? "the default of \"" + o.table().name() + "." + o.name().name()
                        + "\", copied by LIKE, uses the table's sequence"
                : "a foreign key of \"" + o.name().name() + "\" references it";
        String first = copied
                ? "the copy's default first (`ALTER TABLE " + o.table().name() + " ALTER COLUMN " + o.name().name()
                        + " DROP DEFAULT`)"
                : "the foreign key of \"" + o.name().name() + "\" first";
        RuleContext.Builder b = ctx.report(m.source(), d.site(), "Dropping table \"" + d.name() + "\" fails with "
                + refused.label() + " on the first run: " + what + ".");
        if (made.migration() != null) {
            b.related(made.migration().source(), made.operation().site().span(),
                    copied ? "the copy with that default made here" : "the foreign key made here");
        }
        b.help("Drop " + first + ", or write `DROP TABLE ... CASCADE`, which drops "
                        + (copied ? "that default (not the column); to keep the default, hand the sequence to the copy"
                                + " first (`ALTER SEQUENCE ... OWNED BY " + o.table().name() + "." + o.name().name()
                                + "`)." : "the foreign key (not its table)."))
                .fix(Fix.displayOnly("Drop what depends on the table first", "Drop " + first
                        + " in this revision, before the table, or drop the table with CASCADE"))
                .emit();
        ctx.firstRunFails(m, index);
    }

    /** The last part of each table name a foreign key refers to or a LIKE copies, lower-cased. */
    private static Set<String> dependedOn(List<Migration> order) {
        Set<String> out = new HashSet<>();
        for (Migration m : order) {
            for (Operation op : m.upgrade()) {
                if (op instanceof Operation.CreateTable t) {
                    add(out, t.like());
                    for (ColumnDef c : t.columns()) {
                        add(out, c.references());
                    }
                } else if (op instanceof Operation.AddColumn a && a.column() != null) {
                    add(out, a.column().references());
                } else if (op instanceof Operation.AddConstraint) {
                    add(out, ConstraintNames.referredTable(op));
                }
            }
        }
        return out;
    }

    private static void add(Set<String> out, String table) {
        if (table != null) {
            out.add(last(table));
        }
    }

    private static String last(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Runs whenever its revision runs: no condition, and no guard, or a statement the re-run check settled
     * ({@link RerunVerdicts#settled}).
     */
    private static boolean unconditional(Operation.Drop d, RerunVerdicts verdicts) {
        return !d.site().conditional() && (d.site().guard() == null || verdicts.settled(d));
    }
}
