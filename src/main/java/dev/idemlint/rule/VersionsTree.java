package dev.idemlint.rule;

import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * One versions directory with its parsed migrations and revision graph. {@code unreadable} counts the
 * files of the tree that could not be read or parsed: any of them may declare a revision the graph
 * misses, so graph claims that a missing revision would explain are not certain.
 */
public record VersionsTree(Path dir, List<Migration> migrations, RevisionGraph graph, int unreadable) {

    public VersionsTree(Path dir, List<Migration> migrations, RevisionGraph graph) {
        this(dir, migrations, graph, 0);
    }

    /** The tree's graph, built from its migrations when the tree was made without one. */
    public RevisionGraph revisionGraph() {
        return graph != null ? graph : RevisionGraph.build(migrations);
    }

    /**
     * How a message names a revision file: its path relative to the versions directory
     * ({@code postgresql/0001_init.py}), so that two files of the same name in different folders are told
     * apart; the file name when it lies elsewhere.
     */
    public String nameOf(Migration m) {
        Path p = m.source().path();
        if (dir != null && p != null) {
            Path abs = p.toAbsolutePath().normalize();
            Path d = dir.toAbsolutePath().normalize();
            if (abs.startsWith(d) && !abs.equals(d)) {
                return d.relativize(abs).toString().replace(File.separatorChar, '/');
            }
        }
        return m.source().fileName();
    }
}
