package dev.idemlint.rules.graph;

import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.rule.VersionsTree;

/** The graph the chain rules (multiple heads, multiple bases) judge: only one that links every revision. */
final class LinkedGraph {
    private LinkedGraph() {
    }

    /**
     * The tree's graph; null when a file did not parse (it may hold the revision that links two chains) or a
     * parent is missing (Alembic stops there, missing-down-revision, before it counts heads or bases).
     */
    static RevisionGraph of(VersionsTree tree) {
        if (tree.unreadable() > 0) {
            return null;
        }
        RevisionGraph g = tree.revisionGraph();
        return g.parentMissing() ? null : g;
    }
}
