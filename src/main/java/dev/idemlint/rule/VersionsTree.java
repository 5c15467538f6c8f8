package dev.idemlint.rule;

import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import java.nio.file.Path;
import java.util.List;

/** One versions directory with its parsed migrations and revision graph. */
public record VersionsTree(Path dir, List<Migration> migrations, RevisionGraph graph) {
}
