package dev.idemlint.graph;

import dev.idemlint.migration.Migration;
import dev.idemlint.source.Printable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Text forms of a revision graph for {@code idemlint graph}: a compact history (newest first, one
 * line per revision, {@code *} marks heads), JSON, and Graphviz dot. These are data, not
 * diagnostics: every output is deterministic (topological order, ties by file name).
 */
public final class GraphPrinter {
    private GraphPrinter() {
    }

    /**
     * One line per revision, newest first, like {@code alembic history} but compact:
     * {@code * 042 <- 041 (head) 042_x.py}; merges show several parents, branch points say so.
     */
    public static String text(RevisionGraph g) {
        StringBuilder sb = new StringBuilder();
        List<Migration> order = new ArrayList<>(g.topologicalOrder());
        Collections.reverse(order);
        Set<String> heads = Set.copyOf(g.heads());
        Set<String> branchPoints = Set.copyOf(g.branchPoints());
        for (Migration m : order) {
            String id = m.header().revisionId();
            sb.append(heads.contains(id) ? "* " : "  ").append(Printable.line(id)).append(" <- ");
            List<String> declared = m.header().parents();
            sb.append(declared.isEmpty() ? "<base>" : Printable.line(String.join(", ", declared)));
            List<String> tags = new ArrayList<>();
            if (heads.contains(id)) {
                tags.add("head");
            }
            if (declared.size() > 1) {
                tags.add("merge");
            }
            if (branchPoints.contains(id)) {
                tags.add("branch point -> " + String.join(", ", g.children(id)));
            }
            if (!m.header().labels().isEmpty()) {
                tags.add("label " + String.join(", ", m.header().labels()));
            }
            if (!m.header().dependencies().isEmpty()) {
                tags.add("depends on " + String.join(", ", m.header().dependencies()));
            }
            if (g.duplicates().containsKey(id)) {
                tags.add("duplicate id");
            }
            if (!tags.isEmpty()) {
                // ids, labels and names from the files: control and bidi characters as escapes
                sb.append(" (").append(Printable.line(String.join("; ", tags))).append(')');
            }
            sb.append("  ").append(Printable.line(m.source().displayPath())).append('\n');
        }
        for (Migration m : g.shadowed()) {
            sb.append("! ").append(Printable.line(m.header().revisionId())).append(" <- ")
                    .append(m.header().parents().isEmpty() ? "<base>" : Printable.line(String.join(", ", m.header().parents())))
                    .append(" (shadowed duplicate: ignored by Alembic)  ").append(Printable.line(m.source().displayPath()))
                    .append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code {"heads":[...],"bases":[...],"revisions":[{"revision","down_revision":[...],"file",
     * "branch_labels":[...],"depends_on":[...]}]}}, revisions in topological order.
     */
    public static String json(RevisionGraph g) {
        StringBuilder sb = new StringBuilder("{\"heads\":");
        array(sb, g.heads());
        sb.append(",\"bases\":");
        array(sb, g.bases());
        sb.append(",\"revisions\":[");
        boolean first = true;
        for (Migration m : g.topologicalOrder()) {
            sb.append(first ? "" : ",").append("{\"revision\":");
            first = false;
            Printable.json(m.header().revisionId(), sb);
            sb.append(",\"down_revision\":");
            array(sb, m.header().parents());
            sb.append(",\"file\":");
            Printable.json(m.source().displayPath(), sb);
            sb.append(",\"branch_labels\":");
            array(sb, m.header().labels());
            sb.append(",\"depends_on\":");
            array(sb, m.header().dependencies());
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    /** Graphviz: parent -> child edges, dashed for depends_on, heads double-circled. */
    public static String dot(RevisionGraph g) {
        StringBuilder sb = new StringBuilder("digraph revisions {\n  rankdir=BT;\n  node [shape=box];\n");
        Set<String> heads = Set.copyOf(g.heads());
        for (Migration m : g.topologicalOrder()) {
            String id = m.header().revisionId();
            sb.append("  ").append(quoteDot(id)).append(" [label=").append(quoteDot(id + "\\n" + m.source().fileName()));
            if (heads.contains(id)) {
                sb.append(", peripheries=2");
            }
            sb.append("];\n");
        }
        for (Migration m : g.topologicalOrder()) {
            String id = m.header().revisionId();
            for (String p : g.parents(id)) {
                sb.append("  ").append(quoteDot(p)).append(" -> ").append(quoteDot(id)).append(";\n");
            }
            for (String d : g.dependsOn(id)) {
                sb.append("  ").append(quoteDot(d)).append(" -> ").append(quoteDot(id)).append(" [style=dashed];\n");
            }
        }
        return sb.append("}\n").toString();
    }

    /** {@code idemlint heads}: one line per head with its file and labels, like {@code alembic heads}. */
    /**
     * Mermaid flowchart, to paste into a pull request or a Markdown file: a node per revision (id and
     * file), arrows from parent to child (dashed for depends_on), heads with a thick border, branch
     * points and merges shaded, a revision id declared by several files in red, and each missing
     * parent as a dashed "missing" node. Node ids are generated ({@code n0}, {@code n1}...), so no
     * revision id reaches the diagram's syntax; labels are entity-escaped.
     */
    public static String mermaid(RevisionGraph g) {
        StringBuilder sb = new StringBuilder("flowchart BT\n")
                .append("  classDef head stroke-width:4px\n")
                .append("  classDef branch fill:#fff3cd\n")
                .append("  classDef duplicate fill:#f8d7da,stroke:#c00\n")
                .append("  classDef missing fill:#eee,stroke-dasharray:5 5\n");
        Map<String, String> node = new HashMap<>();
        List<Migration> order = g.topologicalOrder();
        for (Migration m : order) {
            String id = m.header().revisionId();
            String n = "n" + node.size();
            node.put(id, n);
            int files = g.duplicates().getOrDefault(id, List.of(m)).size();
            sb.append("  ").append(n).append("[\"").append(mermaidText(id)).append("<br/>")
                    .append(mermaidText(files > 1 ? files + " files declare this id" : m.source().fileName()))
                    .append("\"]\n");
        }
        int missing = 0;
        for (RevisionGraph.MissingParent mp : g.missingParents()) {
            String child = node.get(mp.file().header().revisionId());
            if (child == null) {
                continue;
            }
            String n = "m" + missing++;
            sb.append("  ").append(n).append("[\"missing: ").append(mermaidText(mp.reference())).append("\"]:::missing\n")
                    .append("  ").append(n).append(" -.-> ").append(child).append('\n');
        }
        for (Migration m : order) {
            String id = m.header().revisionId();
            for (String p : g.parents(id)) {
                if (node.containsKey(p)) {
                    sb.append("  ").append(node.get(p)).append(" --> ").append(node.get(id)).append('\n');
                }
            }
            for (String d : g.dependsOn(id)) {
                if (node.containsKey(d)) {
                    sb.append("  ").append(node.get(d)).append(" -.-> ").append(node.get(id)).append('\n');
                }
            }
        }
        classes(sb, "head", g.heads(), node);
        List<String> branching = new ArrayList<>(g.branchPoints());
        branching.addAll(g.mergePoints());
        classes(sb, "branch", branching, node);
        classes(sb, "duplicate", new ArrayList<>(g.duplicates().keySet()), node);
        return sb.toString();
    }

    private static void classes(StringBuilder sb, String cls, List<String> ids, Map<String, String> node) {
        List<String> nodes = ids.stream().map(node::get).filter(Objects::nonNull).distinct().toList();
        if (!nodes.isEmpty()) {
            sb.append("  class ").append(String.join(",", nodes)).append(' ').append(cls).append('\n');
        }
    }

    /** Text inside a quoted Mermaid label: markup and quotes as entity codes, controls as escapes. */
    private static String mermaidText(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : Printable.line(s).toCharArray()) {
            switch (c) {
                case '"' -> sb.append("#quot;");
                case '<' -> sb.append("#lt;");
                case '>' -> sb.append("#gt;");
                case '#' -> sb.append("#35;");
                case '&' -> sb.append("#amp;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String heads(RevisionGraph g) {
        StringBuilder sb = new StringBuilder();
        for (String h : g.heads()) {
            Migration m = g.node(h);
            sb.append(Printable.line(h));
            Set<String> labels = g.labelsOf(h);
            if (!labels.isEmpty()) {
                sb.append(" (").append(Printable.line(String.join(", ", labels))).append(')');
            }
            sb.append(" (head)  ").append(Printable.line(m.source().displayPath())).append('\n');
        }
        // Alembic keeps a shadowed duplicate in its head set, so `alembic heads` lists it too.
        for (Migration m : g.shadowed()) {
            sb.append(Printable.line(m.header().revisionId())).append(" (head; shadowed duplicate, ignored by upgrades)  ")
                    .append(Printable.line(m.source().displayPath())).append('\n');
        }
        return sb.toString();
    }

    private static void array(StringBuilder sb, List<String> items) {
        sb.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Printable.json(items.get(i), sb);
        }
        sb.append(']');
    }

    private static String quoteDot(String s) {
        return "\"" + Printable.line(s).replace("\\", "\\\\").replace("\"", "\\\"").replace("\\\\n", "\\n") + "\"";
    }
}
