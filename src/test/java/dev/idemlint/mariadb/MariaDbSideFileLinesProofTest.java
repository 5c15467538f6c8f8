package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A revision that runs a SQL file beside it line by line from {@code upgrade()} (subunit2sql's 1679b5bc102c): on a
 * real MariaDB its first run makes the tables and its re-run fails on the line the lint names, with its number; the
 * lines the revision's own test skips (comments, blank lines) and the IF NOT EXISTS line pass.
 */
@Tag("mariadb")
class MariaDbSideFileLinesProofTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", "."));
    private static final Path VERSIONS = ROOT.resolve(
            "src/test/resources/fixtures/rules/create-table-not-idempotent/sql_file_beside/versions");

    @Test
    void the_lines_run_from_upgrade_make_their_tables_and_the_re_run_fails_with_1050() {
        MariaDbServer server = MariaDbServer.require();
        CliRun.Result lint = CliRun.run("lint", "--no-cache", "--dialect", "mariadb:10.11", "--format", "concise",
                "--select", "create-table-not-idempotent", VERSIONS.toString());
        assertTrue(lint.out().contains("003_lines.py:26:32: create-table-not-idempotent")
                && lint.out().contains("error 1050") && lint.out().contains("table \"runs\""), lint.out());
        try (TempDatabase db = server.createDatabase()) {
            Path revision = VERSIONS.resolve("003_lines.py");
            assertEquals("ok", db.upgrade(revision, null));
            MariaDbServer.Outcome made = db.exec("SELECT CONCAT('made ', COUNT(*)) AS m FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name IN ('runs', 'run_tags')");
            assertTrue(made.ok() && made.stdout().contains("made 2"), "both tables made: " + made.stdout());
            String rerun = db.upgrade(revision, null);
            assertTrue(rerun.startsWith("ERROR 1050") && rerun.contains("runs"), "the re-run fails on runs: " + rerun);
        }
    }
}
