package dev.idemlint.graph;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.FileChange;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.Migration;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the merge revision {@code alembic merge heads} would write: a new id in the project's
 * scheme, {@code down_revision} = the tuple of heads, empty upgrade/downgrade, the standard
 * docstring header. The Create Date is the newest head's, so the output is deterministic.
 */
public final class MergeWriter {
    /**
     * A Create Date copied into the new docstring: the characters of Alembic's {@code datetime} text
     * only, since anything else read from a docstring (quotes, backslashes) could end or break ours.
     */
    private static final Pattern DATE = Pattern.compile("[0-9A-Za-z :.,+/-]{1,64}");

    private MergeWriter() {
    }

    /** The merge fix for {@code heads} of {@code graph}, written next to the first head's file. */
    public static Fix mergeFix(RevisionGraph graph, List<String> heads) {
        Set<String> taken = new HashSet<>(graph.revisions());
        taken.addAll(graph.branchLabels().keySet());
        String id = RevisionScheme.detect(graph.revisions()).next(taken, "merge " + String.join(",", heads));
        Migration first = graph.node(heads.get(0));
        Path dir = first.source().path().getParent();
        String name = id + "_merge_heads.py";
        Path target = dir == null ? Path.of(name) : dir.resolve(name);
        String createDate = null;
        for (String h : heads) {
            Migration m = graph.node(h);
            String d = m.header().doc() == null ? null : m.header().doc().createDate();
            if (d != null && DATE.matcher(d.strip()).matches()
                    && (createDate == null || d.strip().compareTo(createDate) > 0)) {
                createDate = d.strip();
            }
        }
        String content = content(id, heads, createDate, HeaderSpans.quote(first.source(), first.header().revision()));
        return new Fix("Add merge revision " + name + " joining " + String.join(", ", heads), Applicability.UNSAFE,
                List.of(), List.of(new FileChange.Create(target, content)));
    }

    static String content(String id, List<String> heads, String createDate, char q) {
        StringBuilder sb = new StringBuilder();
        sb.append("\"\"\"merge heads\n\n");
        sb.append("Revision ID: ").append(id).append('\n');
        // an id that would not read back as itself (a quote, a backslash, a NUL) stays out of the
        // docstring; the variables below hold every id, escaped
        if (heads.stream().allMatch(HeaderSpans::plain)) {
            sb.append("Revises: ").append(String.join(", ", heads)).append('\n');
        }
        if (createDate != null) {
            sb.append("Create Date: ").append(createDate).append('\n');
        }
        sb.append("\n\"\"\"\n");
        sb.append("from typing import Sequence, Union\n\n");
        sb.append("from alembic import op\n");
        sb.append("import sqlalchemy as sa\n\n\n");
        sb.append("# revision identifiers, used by Alembic.\n");
        sb.append("revision: str = ").append(q).append(id).append(q).append('\n');
        sb.append("down_revision: Union[str, Sequence[str], None] = ")
                .append(HeaderSpans.literal(heads, q)).append('\n');
        sb.append("branch_labels: Union[str, Sequence[str], None] = None\n");
        sb.append("depends_on: Union[str, Sequence[str], None] = None\n\n\n");
        sb.append("def upgrade() -> None:\n    \"\"\"Upgrade schema.\"\"\"\n    pass\n\n\n");
        sb.append("def downgrade() -> None:\n    \"\"\"Downgrade schema.\"\"\"\n    pass\n");
        return sb.toString();
    }
}
