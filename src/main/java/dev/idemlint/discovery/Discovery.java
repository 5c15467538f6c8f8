package dev.idemlint.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns command-line paths into {@link LintTarget}s: a file is linted as part of its directory's
 * tree, a versions directory as itself, a project root through alembic.ini's script_location and
 * common layouts. Minimal version; see the discovery issue notes.
 */
public final class Discovery {
    public record Result(List<LintTarget> targets, List<InputProblem> problems) {
    }

    private final Settings overrides;

    public Discovery(Settings overrides) {
        this.overrides = overrides;
    }

    public Result discover(List<Path> inputs) {
        List<LintTarget> targets = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (Path in : inputs) {
            Path p = in.toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                problems.add(new InputProblem(in, "no such file or directory"));
            } else if (Files.isRegularFile(p)) {
                targets.add(new LintTarget(p.getParent(), null, List.of(p), overrides));
            } else {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> files = s.filter(f -> f.toString().endsWith(".py")).sorted().toList();
                    targets.add(new LintTarget(p, p, files, overrides));
                } catch (IOException e) {
                    problems.add(new InputProblem(in, e.getMessage()));
                }
            }
        }
        return new Result(targets, problems);
    }
}
