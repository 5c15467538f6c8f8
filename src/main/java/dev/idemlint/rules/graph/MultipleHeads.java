package dev.idemlint.rules.graph;

import dev.idemlint.discovery.PinSource;
import dev.idemlint.graph.HeaderSpans;
import dev.idemlint.graph.MergeWriter;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.Severity;
import dev.idemlint.rule.VersionsTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** More than one head outside labelled branches: {@code alembic upgrade head} refuses to run (a note under {@code upgrade heads}). */
public final class MultipleHeads implements ProjectRule {
    private static final int MAX_FILES = 5;

    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        RevisionGraph g = LinkedGraph.of(tree);
        if (g == null) {
            return;
        }
        // Heads on distinct labelled branches (neutron's expand/contract) are intended: Alembic upgrades
        // them with `upgrade heads` or `upgrade <label>@head`. Heads sharing a label set (none counts
        // as one set) are an accidental fork.
        Map<Set<String>, List<String>> byLabels = new LinkedHashMap<>();
        for (String h : g.heads()) {
            List<String> same = byLabels.get(g.labelsOf(h));
            if (same == null) {
                same = new ArrayList<>();
                byLabels.put(g.labelsOf(h), same);
            }
            same.add(h);
        }
        for (var e : byLabels.entrySet()) {
            List<String> heads = e.getValue();
            if (heads.size() < 2) {
                continue;
            }
            report(tree, g, ctx, heads, e.getKey());
        }
    }

    private static void report(VersionsTree tree, RevisionGraph g, RuleContext ctx, List<String> heads,
            Set<String> labels) {
        Optional<String> fork = g.forkPoint(heads);
        String where = fork.isPresent()
                ? "fork at revision " + fork.get() + " (" + tree.nameOf(g.node(fork.get())) + ")"
                : "do not all descend from one revision";
        List<String> sides = new ArrayList<>();
        for (String h : heads) {
            List<String> files = new ArrayList<>();
            for (String r : g.path(fork.orElse(null), h)) {
                files.add(tree.nameOf(g.node(r)));
            }
            sides.add(abbreviate(files));
        }
        String branch = labels.isEmpty() ? "" : " on branch " + String.join(", ", labels);
        String listed = heads.size() <= 3 ? String.join(", ", heads)
                : String.join(", ", heads.subList(0, 2)) + " and " + (heads.size() - 2) + " more";
        String message = heads.size() + " heads" + branch + " (" + listed + ") " + (fork.isPresent()
                ? "fork at revision " + fork.get() : "do not all descend from one revision")
                + ", so `alembic upgrade head` fails with \"Multiple head revisions are present\".";
        String help = "The heads " + where + " with " + String.join(" on one side and ", sides)
                + (heads.size() > 2 ? " on the others" : " on the other") + ". Join the heads with a merge revision (`alembic merge heads -m \"merge heads\"`, or apply the"
                + " fix), after checking that the migrations on each side do not depend on each other's order;"
                + " if the fork is an intentional independent branch, give its first revision `branch_labels`.";
        var fix = MergeWriter.mergeFix(g, heads);
        PinSource deploy = ctx.settings().upgradesHeads();
        if (deploy != null) {
            // `alembic upgrade heads` applies every head (Alembic's documented way to run parallel branches): as
            // deployed nothing fails, and a merge would change what the project chose, so it is no fix here
            message = heads.size() + " heads" + branch + " (" + listed + ") " + (fork.isPresent()
                    ? "fork at revision " + fork.get() : "do not all descend from one revision") + "; the project"
                    + " deploys with `alembic upgrade heads` (" + deploy.at() + "), which applies every head, so only a"
                    + " plain `alembic upgrade head` fails.";
            help = "The heads " + where + " with " + String.join(" on one side and ", sides)
                    + (heads.size() > 2 ? " on the others" : " on the other") + ". Keep every deploy and script on"
                    + " `alembic upgrade heads`; join the heads with a merge revision (`alembic merge heads`) only if"
                    + " the migrations on each side depend on each other's order, or set `upgrade = \"head\"` in"
                    + " idemlint's config if the deploy runs `alembic upgrade head` after all.";
            fix = null;
        }
        for (String h : heads) {
            Migration m = g.node(h);
            var b = ctx.report(m.source(), HeaderSpans.element(m.source(), m.header().revision(), h), message)
                    .help(help).fix(fix);
            if (deploy != null) {
                b.severity(Severity.INFO);
            }
            for (String other : heads) {
                if (!other.equals(h)) {
                    Migration o = g.node(other);
                    b.related(o.source(), HeaderSpans.element(o.source(), o.header().revision(), other), "other head");
                }
            }
            b.emit();
        }
    }

    private static String abbreviate(List<String> files) {
        if (files.size() <= MAX_FILES) {
            return String.join(", ", files);
        }
        return files.subList(0, MAX_FILES).stream().collect(Collectors.joining(", "))
                + " and " + (files.size() - MAX_FILES) + " more";
    }
}
