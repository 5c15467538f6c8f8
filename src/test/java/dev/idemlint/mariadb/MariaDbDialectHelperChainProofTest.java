package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * chains30's three shapes on a real MariaDB with real Alembic, each revision run on the schema its parents make,
 * then run again: a dialect test through a chain of helpers (a project module's or the revision's own), seed rows
 * zipped from a literal list of tuples, and a literal list of a function and SQL strings dispatched by {@code
 * isinstance} (SQL the helper returning the list builds from its own names and its parameters included). Where the lint names an error, the re-run fails with that number; the safe variants re-run cleanly.
 */
@Tag("mariadb")
class MariaDbDialectHelperChainProofTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", "."));
    private static final Path RULES = ROOT.resolve("src/test/resources/fixtures/rules");

    @ParameterizedTest
    @CsvSource({
        "add-column-not-idempotent/mariadb_dialect_helper_chain, 001_jobs.py, 'CREATE TABLE jobs (id int PRIMARY KEY)', 1060",
        "add-column-not-idempotent/mariadb_dialect_helper_chain, 002_tasks.py, 'CREATE TABLE tasks (id int PRIMARY KEY)', 1060",
        "add-column-not-idempotent/mariadb_dialect_helper_chain, 003_runs.py, 'CREATE TABLE runs (id int PRIMARY KEY)', 0",
        "insert-not-idempotent/mariadb_seed_rows_zipped, 002_seeds.py, '', 1062",
        "insert-not-idempotent/mariadb_seed_rows_zipped, 003_safe.py, '', 0",
        "insert-not-idempotent/mariadb_items_dispatched, 002_commands.py, '', 1062",
        "insert-not-idempotent/mariadb_items_dispatched, 003_safe.py, '', 0",
        "insert-not-idempotent/mariadb_items_dispatched, 004_pairs.py, '', 1062",
        "insert-not-idempotent/mariadb_items_dispatched, 005_pairs_safe.py, '', 0",
        "insert-not-idempotent/mariadb_sql_built_in_helper, 002_built_in_helper.py, '', 1062",
        "insert-not-idempotent/mariadb_sql_built_in_helper, 003_built_in_helper_safe.py, '', 0",
    })
    void the_rerun_fails_with_the_number_the_lint_names_and_the_safe_variant_reruns(String fixture, String file,
            String setup, int errno) {
        MariaDbServer server = MariaDbServer.require();
        Path folder = RULES.resolve(fixture);
        Path versions = folder.resolve("versions");
        CliRun.Result lint = CliRun.run("lint", "--dialect", "mariadb:10.11", "--format", "concise",
                versions.toString());
        List<String> findings = lint.out().lines().filter(l -> l.contains("/" + file + ":")).toList();
        if (errno == 0) {
            assertTrue(findings.isEmpty(), "the safe variant is not flagged: " + lint.out());
        } else {
            assertTrue(!findings.isEmpty() && findings.stream().allMatch(l -> l.contains("error " + errno)),
                    "flagged with error " + errno + ": " + lint.out());
        }
        try (TempDatabase db = server.createDatabase()) {
            if (!setup.isEmpty()) {
                assertTrue(db.exec(setup).ok(), setup);
            }
            // the parents in the chain's order, each run once
            for (String parent : List.of("001_tables.py", "002_seeds.py", "002_commands.py")) {
                Path p = versions.resolve(parent);
                if (parent.compareTo(file) < 0 && p.toFile().isFile()) {
                    assertEquals("ok", db.upgrade(p, folder), parent);
                }
            }
            Path revision = versions.resolve(file);
            assertEquals("ok", db.upgrade(revision, folder), "the first run");
            String rerun = db.upgrade(revision, folder);
            if (errno == 0) {
                assertEquals("ok", rerun, "the safe variant re-runs cleanly");
            } else {
                assertTrue(rerun.startsWith("ERROR " + errno), "the re-run fails as the lint says: " + rerun);
            }
        }
    }
}
