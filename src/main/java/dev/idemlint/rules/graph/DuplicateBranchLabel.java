package dev.idemlint.rules.graph;

import dev.idemlint.graph.HeaderSpans;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import java.util.StringJoiner;

/** A branch label used by two revisions or equal to a revision id; Alembic refuses to load the directory. */
public final class DuplicateBranchLabel implements ProjectRule {

    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        RevisionGraph g = tree.revisionGraph();
        for (RevisionGraph.LabelClash clash : g.labelClashes()) {
            String label = clash.label();
            StringJoiner users = new StringJoiner(", ");
            for (Migration m : clash.files()) {
                users.add(tree.nameOf(m));
            }
            for (Migration m : clash.files()) {
                if (!m.header().labels().contains(label)) {
                    continue; // the revision whose id equals the label: nothing to point at
                }
                String message = "Branch label '" + label + "' is used more than once, so Alembic refuses to load"
                        + " the directory and every command fails.";
                ctx.report(m.source(), HeaderSpans.element(m.source(), m.header().branchLabels(), label), message)
                        .help("It is used by " + users + "; Alembic stops with \"Branch name '" + label
                                + "' ... already used\". Give each branch a label of its own, different from every revision id; only the first"
                                + " revision of a branch needs the label, its descendants inherit it.")
                        .emit();
            }
        }
    }
}
