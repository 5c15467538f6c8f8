package dev.idemlint.rules.graph;

import dev.idemlint.graph.HeaderSpans;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.source.Span;
import java.util.List;

/** Revisions reach themselves through {@code down_revision}/{@code depends_on}; Alembic cannot load the directory. */
public final class RevisionCycle implements ProjectRule {

    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        RevisionGraph g = tree.revisionGraph();
        if (g.parentMissing()) {
            return; // Alembic stops at the missing parent (missing-down-revision) before it gets here
        }
        for (RevisionGraph.Cycle cycle : g.cycles()) {
            List<String> revs = cycle.revisions();
            String first = revs.get(0);
            Migration m = g.node(first);
            String message = (revs.size() == 1
                    ? "Revision " + first + " names itself as its own parent"
                    : "Revisions " + String.join(", ", revs) + " form a down_revision/depends_on cycle")
                    + ", so Alembic refuses to load the directory and every command fails.";
            var b = ctx.report(m.source(), edgeSpan(g, m, revs), message)
                    .help("Alembic stops with \"Cycle is detected in revisions\". Point one of these down_revision entries back at an older revision so the chain runs one"
                            + " way; `idemlint graph` shows the current order.");
            for (String r : revs.subList(1, revs.size())) {
                Migration o = g.node(r);
                b.related(o.source(), edgeSpan(g, o, revs), "part of the cycle");
            }
            b.emit();
        }
    }

    /** The down_revision (or depends_on) entry that leads back into the cycle. */
    private static Span edgeSpan(RevisionGraph g, Migration m, List<String> cycle) {
        var h = m.header();
        for (String p : h.parents()) {
            if (cycle.contains(p) || cycle.contains(g.branchLabels().getOrDefault(p, ""))) {
                return HeaderSpans.element(m.source(), h.downRevision(), p);
            }
        }
        for (String p : h.dependencies()) {
            if (cycle.contains(p) || cycle.contains(g.branchLabels().getOrDefault(p, ""))) {
                return HeaderSpans.element(m.source(), h.dependsOn(), p);
            }
        }
        return HeaderSpans.element(m.source(), h.revision(), h.revisionId());
    }
}
