package dev.idemlint.rules.graph;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.graph.FileNameId;
import dev.idemlint.graph.HeaderSpans;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A {@code down_revision} or {@code depends_on} entry names no revision; every Alembic command crashes. */
public final class MissingDownRevision implements ProjectRule {
    /** Typos are only plausible in long (hash) ids; between short numbers every id is "near". */
    private static final int MIN_LENGTH_FOR_DISTANCE = 6;

    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        RevisionGraph g = tree.revisionGraph();
        for (RevisionGraph.MissingParent mp : g.missingParents()) {
            Migration m = mp.file();
            String field = mp.kind() == RevisionGraph.Edge.DOWN_REVISION ? "down_revision" : "depends_on";
            var span = HeaderSpans.element(m.source(), mp.assignment(), mp.reference());
            // Alembic warns "Revision %s referenced from %s is not present" and then fails with a
            // KeyError while building its revision map, before any command runs.
            String message = field + " '" + mp.reference() + "' names no revision or branch label in this"
                    + " directory, so every Alembic command fails with KeyError.";
            List<String> guesses = suggestions(g, mp.reference());
            String labelled = g.branchLabels().get(mp.reference());
            boolean dependency = mp.kind() != RevisionGraph.Edge.DOWN_REVISION;
            if (mp.reference().isEmpty() && dependency || tree.unreadable() > 0
                    || dependency && guesses.isEmpty() && labelled == null) {
                // depends_on = "" is no dependency to Alembic; a file that did not parse may declare the
                // revision; and a dependency on a revision of another package's versions directory (added
                // to version_locations by the application at run time) is no error this tree can show
                continue;
            }
            String help;
            if (labelled != null) {
                guesses = List.of(labelled);
                help = "'" + mp.reference() + "' is a branch label: Alembic accepts labels in depends_on but not in"
                        + " down_revision; use the revision id " + describe(g, guesses) + ".";
            } else if (guesses.isEmpty()) {
                help = "Point " + field + " at an existing revision (`idemlint heads` lists the current heads), or"
                        + " restore the missing revision file; Alembic matches these ids exactly, never by prefix.";
            } else {
                help = "Did you mean " + describe(g, guesses) + "? Alembic matches " + field
                        + " entries exactly, never by prefix.";
            }
            var b = ctx.report(m.source(), span, message).help(help);
            var inner = guesses.size() == 1 && HeaderSpans.plain(guesses.get(0))
                    ? HeaderSpans.inner(m.source(), mp.assignment(), mp.reference()) : null;
            if (inner != null) {
                b.fix(Fix.of("Replace '" + mp.reference() + "' with '" + guesses.get(0) + "'", Applicability.UNSAFE,
                        List.of(TextEdit.replace(m.source().path(), inner, guesses.get(0)))));
            }
            b.emit();
        }
    }

    /** Revisions the author may have meant: by file name, by unique prefix, by edit distance. */
    static List<String> suggestions(RevisionGraph g, String ref) {
        Set<String> out = new LinkedHashSet<>();
        for (Migration m : g.topologicalOrder()) {
            var token = FileNameId.of(m.source().fileName());
            String id = m.header().revisionId();
            if (token.isPresent() && !id.equals(ref) && token.get().text().equals(ref)) {
                out.add(id);
            }
        }
        if (out.isEmpty()) {
            List<String> prefixed = new ArrayList<>();
            for (String id : g.revisions()) {
                if (id.startsWith(ref) || ref.startsWith(id) && id.length() >= MIN_LENGTH_FOR_DISTANCE) {
                    prefixed.add(id);
                }
            }
            if (prefixed.size() == 1) {
                out.add(prefixed.get(0));
            }
        }
        if (out.isEmpty() && ref.length() >= MIN_LENGTH_FOR_DISTANCE) {
            int best = 3;
            List<String> near = new ArrayList<>();
            for (String id : g.revisions()) {
                int d = distance(ref, id);
                if (d < best) {
                    best = d;
                    near.clear();
                }
                if (d == best) {
                    near.add(id);
                }
            }
            out.addAll(near);
        }
        return List.copyOf(out);
    }

    private static String describe(RevisionGraph g, List<String> ids) {
        List<String> parts = new ArrayList<>();
        for (String id : ids) {
            parts.add("'" + id + "' (declared by " + g.node(id).source().fileName() + ")");
        }
        return String.join(" or ", parts);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
