package dev.idemlint.cli;

import dev.idemlint.discovery.Discovery;
import dev.idemlint.discovery.InputProblem;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
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
    /** {@code settings.get(i)}: the settings of {@code trees.get(i)}'s project. */
    record Loaded(List<VersionsTree> trees, List<String> problems, List<Settings> settings) {
        /**
         * Tree {@code i}'s graph as the project's Alembic reads it: before 1.10 in the directory's own
         * order, which decides the file it keeps of a duplicate id; from 1.10 by file name.
         */
        RevisionGraph alembicGraph(int i) {
            VersionsTree t = trees.get(i);
            List<Migration> read = PlanCommand.mapOrder(t, settings.get(i));
            return read == null ? t.graph() : RevisionGraph.buildInReadOrder(read);
        }
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
        List<Settings> settings = new ArrayList<>();
        for (LintTarget t : found.targets()) {
            LintResult r = linter.lint(t, p -> LintCommand.display(cwd, p));
            for (Diagnostic d : r.diagnostics()) {
                problems.add(d.file().displayPath() + ":" + d.line() + ":" + d.column() + ": " + d.message());
            }
            trees.addAll(r.trees());
            while (settings.size() < trees.size()) {
                settings.add(t.settings());
            }
        }
        return new Loaded(trees, problems, settings);
    }
}
