package dev.idemlint.graph;

import dev.idemlint.migration.Migration;
import java.util.List;

/** The revision DAG of one versions directory (to be completed by the graph stage). */
public final class RevisionGraph {
    private final List<Migration> migrations;

    private RevisionGraph(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    public static RevisionGraph build(List<Migration> migrations) {
        return new RevisionGraph(migrations);
    }

    /** Migrations in an order where every parent comes before its children (ties by file name). */
    public List<Migration> topologicalOrder() {
        return migrations;
    }
}
