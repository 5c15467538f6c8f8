package dev.idemlint.rules.correctness;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.SchemaTimeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Flags a {@code DROP INDEX} of the index of a unique, primary-key or exclusion constraint the path surely made. */
public final class DropIndexOfConstraint implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        Settings s = ctx.settings();
        ServerFacts.Raised refused = ctx.facts().dropIndexOfConstraint();
        if (refused == null) {
            return;
        }
        SchemaTimeline t = ctx.timeline();
        Map<String, List<Creation>> keys = new HashMap<>();
        for (Creation c : t.creations()) {
            if (c.key().kind() == ObjectKind.CONSTRAINT && c.constraintKind() != null && c.constraintKind().indexBacked()
                    && !c.derivedName()) {
                keys.computeIfAbsent(c.key().name().name().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(c);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        for (Migration m : t.order()) {
            if (!ctx.reports(m.source())) {
                continue; // the finding goes on the drop's file
            }
            List<Operation> up = m.upgrade();
            for (int i = 0; i < up.size(); i++) {
                if (up.get(i) instanceof Operation.Drop d && d.kind() == ObjectKind.INDEX && d.name() != null
                        && unconditional(d, ctx.verdicts(m))) {
                    check(t, m, i, d, keys.get(d.name().toLowerCase(Locale.ROOT)), s, ctx);
                }
            }
        }
    }

    private static void check(SchemaTimeline t, Migration m, int index, Operation.Drop d, List<Creation> named,
            Settings s, RuleContext ctx) {
        if (named == null) {
            return;
        }
        for (Creation c : named) {
            if (d.table() != null && !d.table().equalsIgnoreCase(c.key().table().name())) {
                continue;
            }
            Creation live = t.certainlyExistingKey(c.key(), m, index, s);
            if (live == null || live.constraintKind() == null || !live.constraintKind().indexBacked()) {
                continue;
            }
            String what = live.describe();
            String table = c.key().table().name();
            String type = switch (live.constraintKind()) {
                case PRIMARY_KEY -> "primary";
                case UNIQUE -> "unique";
                default -> null;
            };
            String instead = type == null ? "`ALTER TABLE " + table + " DROP CONSTRAINT " + d.name() + "`"
                    : "`op.drop_constraint(\"" + d.name() + "\", \"" + table + "\", type_=\"" + type + "\")`";
            ctx.report(m.source(), d.site(), "Dropping index \"" + d.name() + "\" fails with "
                    + ctx.facts().dropIndexOfConstraint().label() + " on the first run: " + what + " needs it.")
                    .help("Drop the constraint, which takes its index: " + instead + " (on MySQL and MariaDB too).")
                    .fix(Fix.displayOnly("Drop the constraint instead", what + " is created at " + live.where()
                            + "; drop it with " + instead + ", which drops its index"))
                    .related(live.file(), live.span(), what + " created here")
                    .emit();
            ctx.firstRunFails(m, index);
            return;
        }
    }

    /**
     * Runs whenever its revision runs: no condition, and no guard, or a statement the re-run check settled
     * ({@link RerunVerdicts#settled}), which it decides only under a guard that keeps nothing from running (a plain
     * try/except, a condition on configuration decided where it holds).
     */
    private static boolean unconditional(Operation.Drop d, RerunVerdicts verdicts) {
        return !d.site().conditional() && (d.site().guard() == null || verdicts.settled(d));
    }
}
