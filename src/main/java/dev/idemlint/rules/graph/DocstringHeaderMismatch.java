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
    public void check(VersionsTree tree, RuleContext ctx) {
        for (Migration m : tree.migrations()) {
            var h = m.header();
            if (h == null || !h.isRevision() || h.doc() == null) {
                continue;
            }
            DocHeader doc = h.doc();
            var src = m.source();
            if (doc.revisionId() != null && doc.revisionIdSpan() != null && h.revision().resolved()
                    && !doc.revisionId().strip().equals(h.revisionId())) {
                String message = "The docstring says Revision ID: " + doc.revisionId().strip()
                        + " but the file declares revision = " + h.revisionId()
                        + ", so anyone reading the header follows the wrong revision.";
                ctx.report(src, HeaderSpans.element(src, h.revision(), h.revisionId()), message)
                        .help("Alembic only reads the variable; update the docstring's Revision ID line to "
                                + h.revisionId() + ".")
                        .related(src, doc.revisionIdSpan(), "docstring header")
                        .fix(Fix.of("Set the docstring's Revision ID to " + h.revisionId(), Applicability.SAFE,
                                List.of(TextEdit.replace(src.path(), doc.revisionIdSpan(), h.revisionId()))))
                        .emit();
            }
            var down = h.downRevision();
            if (doc.revises() != null && doc.revisesSpan() != null && down != null && down.resolved()
                    && down.valueSpan() != null && !ids(doc.revises()).equals(new TreeSet<>(h.parents()))) {
                String declared = h.parents().isEmpty() ? "None" : String.join(", ", h.parents());
                String message = "The docstring says Revises: " + doc.revises().strip() + " but down_revision is "
                        + declared + ", so anyone reading the header follows the wrong parent.";
                ctx.report(src, down.valueSpan(), message)
                        .help("Alembic only reads the variable; update the docstring's Revises line to "
                                + String.join(", ", h.parents()) + ".")
                        .related(src, doc.revisesSpan(), "docstring header")
                        .fix(Fix.of("Set the docstring's Revises to " + declared, Applicability.SAFE,
                                List.of(TextEdit.replace(src.path(), doc.revisesSpan(), String.join(", ", h.parents())))))
                        .emit();
            }
        }
    }

    /** Alembic writes {@code Revises: a, b} (empty for a base); older headers may say None. */
    private static Set<String> ids(String revises) {
        Set<String> out = new TreeSet<>(Arrays.asList(ID_SEPARATORS.split(revises.strip())));
        out.remove("");
        out.remove("None");
        return out;
    }
}
