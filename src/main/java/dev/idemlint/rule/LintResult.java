package dev.idemlint.rule;

import dev.idemlint.migration.Migration;
import dev.idemlint.rule.VersionsTree;
import java.util.List;

/** What one lint run of one target found: diagnostics in file/offset order, and the trees read. */
public record LintResult(List<Diagnostic> diagnostics, List<VersionsTree> trees, int filesRead) {
    public List<Migration> migrations() {
        return trees.stream().flatMap(t -> t.migrations().stream()).toList();
    }
}
