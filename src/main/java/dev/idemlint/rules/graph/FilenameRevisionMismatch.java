package dev.idemlint.rules.graph;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.FileChange;
import dev.idemlint.fix.Fix;
import dev.idemlint.graph.FileNameId;
import dev.idemlint.graph.HeaderSpans;
import dev.idemlint.migration.Migration;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A file name carries a revision id other than the one the file declares. */
public final class FilenameRevisionMismatch implements ProjectRule {

    @Override
    public boolean usesGraph() {
        return false; // each revision's header and file name only
    }

    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        Set<String> names = null; // the tree's file names, made only if a file needs renaming
        for (Migration m : tree.migrations()) {
            var token = mismatch(m);
            if (token == null) {
                continue;
            }
            if (names == null) {
                names = new HashSet<>();
                for (Migration x : tree.migrations()) {
                    names.add(x.source().fileName());
                }
            }
            var h = m.header();
            String name = m.source().fileName();
            String rev = h.revisionId();
            String message = "This file is named for revision " + token.text() + " but declares revision " + rev
                    + ", so whoever goes by file names follows the wrong revision.";
            String newName = FileNameId.rename(name, token, rev);
            var b = ctx.report(m.source(), HeaderSpans.element(m.source(), h.revision(), rev), message)
                    .help("Reviews, `ls` and renumbering go by the file name " + name
                            + ", while Alembic only reads the `revision` variable: rename the file to " + newName
                            + ", or, if the variable is the mistake, fix it before any database is stamped with it.");
            var move = FileChange.Move.rename(m.source().path(), newName);
            if (!names.contains(newName) && move.isPresent()) {
                // Renaming changes nothing Alembic sees: it identifies revisions by the variable.
                b.fix(new Fix("Rename " + name + " to " + newName, Applicability.SAFE, List.of(),
                        List.of(move.get())));
            }
            b.emit();
        }
    }

    /**
     * The revision-like token of {@code m}'s file name when it names another revision than the file
     * declares, else null. A method of its own: as the body of a loop that runs once per run over
     * thousands of revisions it ran in the interpreter.
     */
    private static FileNameId.Token mismatch(Migration m) {
        var h = m.header();
        if (h == null || !h.isRevision() || h.revisionId() == null || !h.revision().resolved()) {
            return null;
        }
        String name = m.source().fileName();
        String rev = h.revisionId();
        if (FileNameId.mentions(name, rev)) {
            return null;
        }
        var token = FileNameId.of(name);
        return token.isEmpty() || !FileNameId.disagrees(token.get(), rev) ? null : token.get();
    }
}
