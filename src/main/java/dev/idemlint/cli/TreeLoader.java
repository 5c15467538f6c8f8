package dev.idemlint.cli;

import dev.idemlint.discovery.Discovery;
import dev.idemlint.discovery.InputProblem;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.LintResult;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.VersionsTree;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Reads versions trees without running rules, for the graph commands. */
final class TreeLoader {
    record Loaded(List<VersionsTree> trees, List<String> problems) {
    }

    private TreeLoader() {
    }

    static Loaded load(List<Path> paths) {
        List<Path> inputs = paths.isEmpty() ? List.of(Paths.get(".")) : paths;
        Discovery.Result found = new Discovery(Settings.DEFAULT).discover(inputs);
        List<String> problems = new ArrayList<>();
        for (InputProblem p : found.problems()) {
            problems.add(p.render());
        }
        Linter linter = new Linter(List.of(), Engine.catalog());
        Path cwd = Paths.get("").toAbsolutePath();
        List<VersionsTree> trees = new ArrayList<>();
        for (LintTarget t : found.targets()) {
            LintResult r = linter.lint(t, p -> LintCommand.display(cwd, p));
            for (Diagnostic d : r.diagnostics()) {
                problems.add(d.file().displayPath() + ":" + d.line() + ":" + d.column() + ": " + d.message());
            }
            trees.addAll(r.trees());
        }
        return new Loaded(trees, problems);
    }
}
