package dev.idemlint.rules.graph;

import dev.idemlint.discovery.PinSource;
import dev.idemlint.graph.HeaderSpans;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.Severity;
import dev.idemlint.rule.VersionsTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An unlabelled revision with {@code down_revision = None} whose chain never joins the first base's: a second, unintended chain. */
public final class MultipleBases implements ProjectRule {

    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        RevisionGraph g = LinkedGraph.of(tree);
        if (g == null) {
            return;
        }
        // A base with branch_labels is Alembic's documented way to start an independent branch
        // (`alembic revision --head=base --branch-label=...`); only unlabelled extra bases are accidents.
        List<String> unlabelled = new ArrayList<>();
        for (String b : g.bases()) {
            if (g.node(b).header().labels().isEmpty()) {
                unlabelled.add(b);
            }
        }
        if (unlabelled.size() < 2) {
            return;
        }
        // Bases whose chains meet in a merge revision are one history: `alembic upgrade head` applies both
        // (verified on Alembic 1.8.1). Only a base that shares no descendant with the first one stays apart.
        Set<String> firstLine = g.descendants(unlabelled.get(0));
        firstLine.add(unlabelled.get(0));
        List<String> apart = new ArrayList<>();
        for (String b : unlabelled.subList(1, unlabelled.size())) {
            Set<String> line = new HashSet<>(g.descendants(b));
            line.add(b);
            line.retainAll(firstLine);
            if (line.isEmpty()) {
                apart.add(b);
            }
        }
        if (apart.isEmpty()) {
            return;
        }
        Migration firstBase = g.node(unlabelled.get(0));
        PinSource deploy = ctx.settings().upgradesHeads();
        for (String base : apart) {
            Migration m = g.node(base);
            var h = m.header();
            var span = h.downRevision() != null && h.downRevision().valueSpan() != null
                    ? h.downRevision().valueSpan()
                    : HeaderSpans.element(m.source(), h.revision(), base);
            String message = "Revision " + base + " is a second base (down_revision = None), so `alembic upgrade"
                    + " head` fails on the separate heads of its unrelated chains.";
            if (deploy != null) {
                // `alembic upgrade heads` runs every chain to its head: as deployed nothing fails
                message = "Revision " + base + " is a second base (down_revision = None); the project deploys with"
                        + " `alembic upgrade heads` (" + deploy.at() + "), which runs both chains, so only a"
                        + " plain `alembic upgrade head` fails.";
            }
            ctx.report(m.source(), span, message)
                    .severity(deploy != null ? Severity.INFO : null)
                    .help("Besides the base " + unlabelled.get(0) + " (" + tree.nameOf(firstBase) + "), no revision"
                            + " merges the two chains, so a fresh database runs two unrelated chains. Set down_revision to the revision this one builds on (usually the head it was written"
                            + " against), or join the two chains with a merge revision (`alembic merge heads`); if it"
                            + " intentionally starts an independent branch, give it `branch_labels`.")
                    .related(firstBase.source(), HeaderSpans.element(firstBase.source(), firstBase.header().revision(),
                            unlabelled.get(0)), "first base")
                    .emit();
        }
    }
}
