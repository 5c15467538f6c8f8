package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result cache never changes what a run prints, exits with or writes. */
class ResultCacheCliTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));
    private static final List<String> CORPUS = List.of(
            ROOT.relativize(ROOT.resolve("src/test/resources/fixtures")).toString(),
            ROOT.relativize(ROOT.resolve("examples")).toString());

    private static CliRun.Result lint(List<String> paths, String... args) {
        List<String> all = new ArrayList<>(List.of("lint"));
        all.addAll(List.of(args));
        all.addAll(paths);
        return CliRun.run(all.toArray(String[]::new));
    }

    /**
     * {@link #lint}; when not {@code git}, with git history left out of which duplicate revision file is
     * newer (graph/FileAge, {@code -Didemlint.git=false}). Each folder holding a duplicate costs one {@code git log} over
     * the repository's history per run (seconds on a loaded machine), and a tree holding a duplicate is never
     * stored, so every run asks again; one format keeps git on for the corpus runs, the others compare
     * the same trees ordered by Create Date and file name.
     */
    private static CliRun.Result lint(boolean git, List<String> paths, String... args) {
        if (git) {
            return lint(paths, args);
        }
        String before = System.getProperty("idemlint.git");
        System.setProperty("idemlint.git", "false");
        try {
            return lint(paths, args);
        } finally {
            if (before == null) {
                System.clearProperty("idemlint.git");
            } else {
                System.setProperty("idemlint.git", before);
            }
        }
    }

    /** The format whose corpus runs order duplicates by git history. */
    private static final String GIT_FORMAT = "json";

    private static void assertSame(CliRun.Result expected, CliRun.Result actual, String what) {
        assertEquals(expected.exit(), actual.exit(), what + ": exit status");
        assertEquals(expected.err(), actual.err(), what + ": stderr");
        assertEquals(expected.out(), actual.out(), what + ": stdout");
    }

    @Test
    @Tag("slow") // 32 lints of the whole corpus and 3 of each fixture folder: in `mvn verify`, not `mvn test`
    void every_fixture_and_example_lints_the_same_with_and_without_the_cache_cold_and_warm(@TempDir Path tmp)
            throws IOException {
        Path cache = tmp.resolve("cache");
        assertTrue(LintCommand.FORMATS.contains(GIT_FORMAT));
        for (String format : LintCommand.FORMATS) {
            boolean git = format.equals(GIT_FORMAT);
            CliRun.Result plain = lint(git, CORPUS, "--no-cache", "--output-format", format);
            assertTrue(plain.out().length() > 10_000, format + ": the corpus has findings: " + plain.out().length());
            CliRun.Result cold = lint(git, CORPUS, "--cache-dir", cache.toString(), "--output-format", format);
            assertSame(plain, cold, format + ", cold cache");
            CliRun.Result warm = lint(git, CORPUS, "--cache-dir", cache.toString(), "--output-format", format);
            assertSame(plain, warm, format + ", warm cache (the report replayed)");
            // other options: every tree hits and the report is made from the entries, not replayed
            CliRun.Result decoded = lint(git, CORPUS, "--cache-dir", cache.toString(), "--output-format", format,
                    "--exit-zero");
            assertEquals(plain.out(), decoded.out(), format + ", warm cache, --exit-zero");
            assertEquals(plain.err(), decoded.err(), format + ", warm cache, --exit-zero");
            assertEquals(plain.exit() == 1 ? 0 : plain.exit(), decoded.exit(), format + ", warm cache, --exit-zero");
        }
        // the warm runs read entries: the cache holds trees, and it is only read with their exact bytes
        try (Stream<Path> s = Files.list(cache)) {
            assertTrue(s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{32}")).count() > 10);
        }
        // each fixture's own run, as an editor or pre-commit names one folder
        try (Stream<Path> dirs = Files.list(ROOT.resolve("src/test/resources/fixtures/rules"))) {
            for (Path d : dirs.sorted().toList()) {
                List<String> one = List.of(ROOT.relativize(d).toString());
                CliRun.Result plain = lint(false, one, "--no-cache", "--output-format", "json");
                assertSame(plain, lint(false, one, "--cache-dir", cache.toString(), "--output-format", "json"),
                        d + " cold");
                assertSame(plain, lint(false, one, "--cache-dir", cache.toString(), "--output-format", "json"),
                        d + " warm");
            }
        }
    }

    @Test
    @Tag("slow") // 17 lints of a copy of the whole corpus: in `mvn verify`, not `mvn test`
    void one_changed_revision_per_tree_lints_as_without_the_cache(@TempDir Path tmp) throws IOException {
        // a tree with a changed revision misses and is linted from its other revisions' stored models:
        // copies of the corpus, one revision of each versions directory changed after a first run
        Path copy = tmp.resolve("corpus");
        for (String c : CORPUS) {
            copyTree(ROOT.resolve(c), copy.resolve(c));
        }
        List<String> paths = CORPUS.stream().map(c -> copy.resolve(c).toString()).toList();
        Path cache = tmp.resolve("cache");
        lint(paths, "--cache-dir", cache.toString(), "--output-format", "json");
        List<Path> changed = new ArrayList<>();
        try (Stream<Path> s = Files.walk(copy)) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(d)) {
                    Path first = files.filter(p -> p.toString().endsWith(".py")).sorted().findFirst().orElse(null);
                    if (first != null) {
                        Files.writeString(first, "\n# changed after the first run\n", StandardCharsets.UTF_8,
                                java.nio.file.StandardOpenOption.APPEND);
                        changed.add(first);
                    }
                }
            }
        }
        assertTrue(changed.size() > 50, "revisions changed: " + changed.size());
        for (String format : LintCommand.FORMATS) {
            CliRun.Result plain = lint(paths, "--no-cache", "--output-format", format);
            assertTrue(plain.out().length() > 10_000, "the corpus has findings: " + plain.out().length());
            CliRun.Result cached = lint(paths, "--cache-dir", cache.toString(), "--output-format", format);
            assertSame(plain, cached, format + ", one revision per tree changed");
            for (Path p : changed) {
                Files.writeString(p, "# " + format + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            }
        }
    }

    @Test
    @Tag("slow") // 17 lints of a copy of the whole corpus: in `mvn verify`, not `mvn test`
    void one_changed_revision_per_tree_lints_as_without_the_cache_with_every_tree_keeping_models(@TempDir Path tmp)
            throws IOException {
        // the fixture trees are below the size that keeps per-file entries by default: here every tree does
        String before = System.getProperty("idemlint.cache.modelMinFiles");
        System.setProperty("idemlint.cache.modelMinFiles", "1");
        try {
            one_changed_revision_per_tree_lints_as_without_the_cache(tmp);
            try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
                long entries = s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{32}")).count();
                assertTrue(entries > 300, "per-file entries were written: " + entries);
            }
        } finally {
            if (before == null) {
                System.clearProperty("idemlint.cache.modelMinFiles");
            } else {
                System.setProperty("idemlint.cache.modelMinFiles", before);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    @Test
    void cache_dir_gets_its_gitignore_and_cachedir_tag_and_no_cache_writes_nothing(@TempDir Path tmp) throws IOException {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve("versions"));
        Files.writeString(project.resolve("versions/a1_add.py"), """
                revision = "a1"
                down_revision = None

                def upgrade():
                    op.add_column("players", sa.Column("nick", sa.Text()))
                """, StandardCharsets.UTF_8);
        Path cache = tmp.resolve("c");
        CliRun.Result none = lint(List.of(project.resolve("versions").toString()), "--no-cache", "--cache-dir",
                cache.toString());
        assertFalse(Files.exists(cache), "--no-cache wrote the cache");
        CliRun.Result cold = lint(List.of(project.resolve("versions").toString()), "--cache-dir", cache.toString());
        assertSame(none, cold, "cold");
        assertEquals("# Automatically created by idemlint.\n*\n", Files.readString(cache.resolve(".gitignore")));
        assertTrue(Files.readString(cache.resolve("CACHEDIR.TAG"))
                .startsWith("Signature: 8a477f597d28d172789f06886806bc55\n"));
        // a changed revision is linted anew, not served from the entry of its old bytes
        Files.writeString(project.resolve("versions/a1_add.py"), """
                revision = "a1"
                down_revision = None

                def upgrade():
                    op.execute("ALTER TABLE players ADD COLUMN IF NOT EXISTS nick text")
                """, StandardCharsets.UTF_8);
        CliRun.Result fixed = lint(List.of(project.resolve("versions").toString()), "--cache-dir", cache.toString());
        assertSame(lint(List.of(project.resolve("versions").toString()), "--no-cache"), fixed, "after the change");
        assertEquals(0, fixed.exit(), fixed.out());
    }

    @Test
    void fix_reports_the_fixed_text_and_the_next_run_is_keyed_by_it(@TempDir Path tmp) throws IOException {
        Path versions = tmp.resolve("versions");
        Files.createDirectories(versions);
        Files.writeString(versions.resolve("a1_add.py"), """
                from alembic import op
                import sqlalchemy as sa

                revision = "a1"
                down_revision = None

                def upgrade():
                    op.execute("CREATE TABLE players (id int)")
                """, StandardCharsets.UTF_8);
        Path cache = tmp.resolve("c");
        CliRun.Result before = lint(List.of(versions.toString()), "--cache-dir", cache.toString());
        assertEquals(1, before.exit(), before.out());
        CliRun.Result fix = lint(List.of(versions.toString()), "--cache-dir", cache.toString(), "--fix");
        CliRun.Result after = lint(List.of(versions.toString()), "--cache-dir", cache.toString());
        assertSame(lint(List.of(versions.toString()), "--no-cache"), after, "after --fix");
        assertEquals(fix.exit(), after.exit(), fix.out() + "\n" + after.out());
    }

    @Test
    void a_tree_whose_revisions_read_an_application_model_sees_the_model_edited(@TempDir Path tmp) throws IOException {
        // the insert's table comes from app/models.py, which is not a file of the tree: its edit must show
        Path project = tmp.resolve("project");
        copyTree(ROOT.resolve("src/test/resources/fixtures/rules/insert-not-idempotent/imported_model"), project);
        Path cache = tmp.resolve("c");
        List<String> tree = List.of(project.resolve("versions").toString());
        CliRun.Result cold = lint(tree, "--cache-dir", cache.toString(), "--format", "json");
        assertSame(lint(tree, "--no-cache", "--format", "json"), cold, "cold");
        assertTrue(cold.out().contains("\\\"ecosystems\\\""), cold.out());
        assertSame(cold, lint(tree, "--cache-dir", cache.toString(), "--format", "json"), "warm");
        Path models = project.resolve("app/models.py");
        Files.writeString(models, Files.readString(models).replace("\"ecosystems\"", "\"ecosystem_rows\""));
        CliRun.Result edited = lint(tree, "--cache-dir", cache.toString(), "--format", "json");
        assertSame(lint(tree, "--no-cache", "--format", "json"), edited, "model edited");
        assertTrue(edited.out().contains("\\\"ecosystem_rows\\\""), edited.out());
    }
}
