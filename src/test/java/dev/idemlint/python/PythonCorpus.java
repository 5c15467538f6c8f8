package dev.idemlint.python;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Python files the front-end tests compare implementations on: every .py file of the test
 * resources, plus the migrations of the real projects {@code ecosystem/real-sources} extracted, when present.
 */
public final class PythonCorpus {
    private PythonCorpus() {
    }

    /**
     * The test resources' Python files and the real projects' when present, sorted. The fuzz targets'
     * regression inputs are left out: they are judged by their targets, and some (a 10,000-term
     * expression) are made to overflow a default thread stack, as the production lint never uses one
     * for that work.
     */
    public static List<Path> all() throws IOException {
        List<Path> files = under(Path.of("src/test/resources"));
        files.removeIf(p -> p.toString().contains("FuzzTestInputs/"));
        // the real projects ecosystem/real-sources extracted, when it has run (RealMigrationsTest requires them)
        String cache = System.getenv("IDEMLINT_REAL_SOURCES");
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path real = cache != null ? Path.of(cache)
                : (xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("idemlint/debian");
        if (Files.isDirectory(real)) {
            files.addAll(migrations(real));
        }
        assertTrue(files.size() > 400, "test resources hold hundreds of Python files, found " + files.size());
        return files;
    }

    /**
     * The migration files below {@code root}, a folder of real project checkouts: .py files in a
     * {@code versions} directory (the projects' other code may use Python the migration grammar does
     * not cover, such as PEP 695 generics or template placeholders).
     */
    public static List<Path> migrations(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : under(root)) {
            if (p.toString().contains("/versions/")) {
                out.add(p);
            }
        }
        return out;
    }

    /** Every .py file below {@code root}, sorted. */
    public static List<Path> under(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return new ArrayList<>(walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).sorted().toList());
        }
    }
}
