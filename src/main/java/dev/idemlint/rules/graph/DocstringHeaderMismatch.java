package dev.idemlint.rules.graph;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.graph.HeaderSpans;
import dev.idemlint.migration.DocHeader;
import dev.idemlint.migration.Migration;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The docstring's {@code Revision ID:}/{@code Revises:} lines disagree with the variables Alembic reads. */
public final class DocstringHeaderMismatch implements ProjectRule {
    private static final Pattern ID_SEPARATORS = Pattern.compile("[,\\s()'\"]+");


    @Override
    public boolean usesGraph() {
        return false; // each revision's header and file name only
    }

    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        // a method per revision, which C1 compiles after a few dozen calls: this loop runs once per run
        for (Migration m : tree.migrations()) {
            checkRevision(m, ctx);
        }
    }

    private void checkRevision(Migration m, RuleContext ctx) {
        var h = m.header();
        if (h == null || !h.isRevision() || h.doc() == null) {
            return;
        }
        DocHeader doc = h.doc();
        var src = m.source();
        // revision = None is no revision id to compare (and no text to write)
        if (doc.revisionId() != null && doc.revisionIdSpan() != null && h.revision().resolved()
                && h.revisionId() != null && !doc.revisionId().strip().equals(h.revisionId())) {
            String message = "The docstring says Revision ID: " + doc.revisionId().strip()
                    + " but the file declares revision = " + shown(h.revisionId())
                    + ", so anyone reading the header follows the wrong revision.";
            var b = ctx.report(src, HeaderSpans.element(src, h.revision(), h.revisionId()), message)
                    .help("Alembic only reads the variable; update the docstring's Revision ID line to "
                            + shown(h.revisionId()) + ".")
                    .related(src, doc.revisionIdSpan(), "docstring header");
            // Only an id that reads back as itself is written: a NUL would stop the file compiling, a
            // backslash would be an escape, and an edge space would be stripped on reading, so the fix
            // would fire again on its own output.
            if (HeaderSpans.plain(h.revisionId())) {
                b.fix(Fix.of("Set the docstring's Revision ID to " + h.revisionId(), Applicability.SAFE,
                        List.of(TextEdit.replace(src.path(), doc.revisionIdSpan(), h.revisionId()))));
            }
            b.emit();
        }
        var down = h.downRevision();
        if (doc.revises() != null && doc.revisesSpan() != null && down != null && down.resolved()
                && down.valueSpan() != null && !sameParents(doc.revises(), h.parents())) {
            String declared = h.parents().isEmpty() ? "None"
                    : String.join(", ", h.parents().stream().map(DocstringHeaderMismatch::shown).toList());
            String message = "The docstring says Revises: " + doc.revises().strip() + " but down_revision is "
                    + declared + ", so anyone reading the header follows the wrong parent.";
            var b = ctx.report(src, down.valueSpan(), message)
                    .help("Alembic only reads the variable; update the docstring's Revises line to "
                            + (h.parents().isEmpty() ? "" : declared) + ".")
                    .related(src, doc.revisesSpan(), "docstring header");
            if (h.parents().stream().allMatch(HeaderSpans::plain)) {
                b.fix(Fix.of("Set the docstring's Revises to " + declared, Applicability.SAFE,
                        List.of(TextEdit.replace(src.path(), doc.revisesSpan(), String.join(", ", h.parents())))));
            }
            b.emit();
        }
    }

    /** An id as it reads in a message: itself when plain, else its escaped literal (a NUL is not printed). */
    private static String shown(String id) {
        return HeaderSpans.plain(id) ? id : HeaderSpans.string(id, '"');
    }

    /**
     * Whether the docstring's Revises names the declared parents. The common header, one plain id
     * written as declared, is decided without the split and the sets (which, once per revision in
     * a loop that runs once per run, were most of this rule's time).
     */
    static boolean sameParents(String revises, List<String> parents) {
        String r = revises.strip();
        if (parents.size() == 1 && r.equals(parents.get(0)) && plainId(r)) {
            return true;
        }
        return ids(revises).equals(new TreeSet<>(parents));
    }

    /** An id that {@link #ids} keeps whole: not empty, not None, no separator in it. */
    private static boolean plainId(String id) {
        if (id.isEmpty() || id.equals("None")) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == ',' || c == '(' || c == ')' || c == '\'' || c == '"' || c == ' ' || c == '\t' || c == '\n'
                    || c == 0x0B || c == '\f' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** Alembic writes {@code Revises: a, b} (empty for a base); older headers may say None. */
    static Set<String> ids(String revises) {
        Set<String> out = new TreeSet<>(Arrays.asList(ID_SEPARATORS.split(revises.strip())));
        out.remove("");
        out.remove("None");
        return out;
    }
}
