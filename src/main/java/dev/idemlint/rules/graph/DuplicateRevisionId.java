package dev.idemlint.rules.graph;

import dev.idemlint.graph.FileAge;
import dev.idemlint.graph.HeaderSpans;
import dev.idemlint.graph.Renumberer;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** Two or more files declare the same revision id; Alembic silently keeps one. */
public final class DuplicateRevisionId implements ProjectRule {

    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        RevisionGraph g = tree.revisionGraph();
        // Alembic >= 1.10 reads sorted(files); before, os.listdir order. The file read last wins.
        String order = ctx.settings().alembic().atLeast("1.10.0")
                ? "the file it reads last, in sorted file-name order"
                : "whichever file it reads last, in directory listing order, which is not guaranteed";
        // one per analysis: git is asked once per folder, and a slow git is left out of this tree only
        FileAge age = FileAge.forAnalysis();
        for (Map.Entry<String, List<Migration>> dup : g.duplicates().entrySet()) {
            String id = dup.getKey();
            List<Migration> files = dup.getValue();
            Migration kept = files.get(files.size() - 1);
            Optional<Renumberer.Renumbering> plan = Renumberer.plan(g, id, files, age);
            StringJoiner names = new StringJoiner(", ");
            for (Migration m : files) {
                names.add(tree.nameOf(m));
            }
            String message = "Revision id " + id + " is declared by " + files.size() + " files, so Alembic"
                    + " keeps one and never runs the other's upgrade.";
            String why = "Alembic only warns and keeps " + tree.nameOf(kept) + " (" + order + ") of " + names
                    + "; `alembic upgrade head` then skips the other file silently (verified on Alembic 1.8.1) or"
                    + " fails with \"Multiple head revisions are present\" when the ignored file still counts as a"
                    + " head. ";
            for (Migration m : files) {
                var b = ctx.report(m.source(), HeaderSpans.element(m.source(), m.header().revision(), id), message)
                        .help(why + help(tree, id, plan));
                for (Migration other : files) {
                    if (other != m) {
                        b.related(other.source(), HeaderSpans.element(other.source(), other.header().revision(), id),
                                "also declares revision " + id);
                    }
                }
                if (plan.isPresent() && plan.get().file() == m) {
                    b.fix(plan.get().fix());
                }
                b.emit();
            }
        }
    }

    private static String help(VersionsTree tree, String id, Optional<Renumberer.Renumbering> plan) {
        String check = " Before deploying, run `SELECT version_num FROM alembic_version` on every database: one"
                + " stamped " + id + " (or later) may have run either file under that id, so compare its schema with"
                + " both files and `alembic stamp` it by hand if it ran the renumbered one.";
        if (plan.isEmpty()) {
            return "Give all but the oldest file a new unique revision id and chain it after the current head"
                    + " (update `revision`, `down_revision`, the docstring's Revision ID/Revises and the file name)."
                    + check;
        }
        Renumberer.Renumbering r = plan.get();
        return "Renumber the newer file " + tree.nameOf(r.file()) + " to the next free id " + r.newId()
                + " with `down_revision = \"" + r.newParent() + "\"` (the head of the other line), updating its"
                + " docstring's Revision ID/Revises and its file name; its schema code stays unchanged." + check;
    }
}
