package dev.idemlint.migration;

import java.util.List;

/**
 * What a revision file declares about its place in the graph. Each field is null when the file
 * does not assign it. {@code downRevision}'s value is empty for {@code None}.
 */
public record RevisionHeader(Assigned<String> revision, Assigned<List<String>> downRevision,
        Assigned<List<String>> branchLabels, Assigned<List<String>> dependsOn, DocHeader doc) {

    public String revisionId() {
        return revision == null ? null : revision.value();
    }

    public List<String> parents() {
        return downRevision == null || downRevision.value() == null ? List.of() : downRevision.value();
    }

    public List<String> labels() {
        return branchLabels == null || branchLabels.value() == null ? List.of() : branchLabels.value();
    }

    public List<String> dependencies() {
        return dependsOn == null || dependsOn.value() == null ? List.of() : dependsOn.value();
    }

    /** True when the file looks like an Alembic revision at all. */
    public boolean isRevision() {
        return revision != null;
    }
}
