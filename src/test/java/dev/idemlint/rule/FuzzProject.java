package dev.idemlint.rule;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The project a lint fuzz target writes each input into: one revision file in
 * {@code <root>/alembic/versions/}, linted as a versions tree by every rule, as {@code idemlint lint}
 * would. The folder is emptied before each input, so a fix that created or renamed files leaves
 * nothing behind for the next one.
 */
final class FuzzProject {
    static final Linter LINTER = linter();

    final Path root;
    final Path versions;
    final Path file;

    FuzzProject(Path root) {
        this.root = root;
        this.versions = root.resolve("alembic/versions");
        this.file = versions.resolve("0001_fuzz.py");
    }

    /** Writes {@code input} as the only file of the versions folder; returns its target. */
    LintTarget write(byte[] input) throws IOException {
        Files.createDirectories(versions);
        try (Stream<Path> old = Files.list(versions)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Files.write(file, input);
        return target();
    }

    /** The versions tree as it is on disk now. */
    LintTarget target() throws IOException {
        try (Stream<Path> files = Files.list(versions)) {
            return new LintTarget(root, versions, files.sorted().toList(), Settings.DEFAULT);
        }
    }

    Function<Path, String> display() {
        return p -> root.relativize(p.toAbsolutePath().normalize()).toString();
    }

    /**
     * The findings that say the analyzer itself failed on the file: the pipeline turns such bugs into
     * a located finding ({@code internal-error}, or a {@code parse-error} naming an internal failure)
     * so that the run goes on, which hides them from a fuzzer unless it looks.
     */
    static List<Diagnostic> internalFailures(List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            String m = d.message();
            if (d.rule().equals("internal-error") || m.startsWith("Internal parser failure") || m.startsWith("Internal model failure")
                    || m.startsWith("Syntax error: internal parser error")) {
                out.add(d);
            }
        }
        return out;
    }

    private static Linter linter() {
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        return new Linter(Registry.all(), RuleCatalog.load(names));
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
