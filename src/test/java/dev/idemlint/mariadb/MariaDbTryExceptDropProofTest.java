package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drops in a try/except on MariaDB (voipbin's 9443d2d65ad8): MariaDB aborts no transaction on an error, so a handler
 * that catches the driver's class for 1091 lets the re-run go on and the drop is not reported, while a handler that
 * catches another class lets 1091 through. On a real server the re-run fails at the second try's drop, past the
 * first try's.
 */
@Tag("mariadb")
class MariaDbTryExceptDropProofTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", "."));
    private static final Path VERSIONS = ROOT.resolve(
            "src/test/resources/fixtures/rules/drop-not-idempotent/mariadb_try_except/versions");

    @Test
    void the_caught_drop_is_silent_and_the_uncaught_one_fails_the_re_run_with_1091() {
        MariaDbServer server = MariaDbServer.require();
        CliRun.Result lint = CliRun.run("lint", "--no-cache", "--dialect", "mariadb:10.11", "--format", "concise",
                "--select", "drop-not-idempotent", VERSIONS.toString());
        assertTrue(lint.out().contains("002_drops.py:26:21: drop-not-idempotent") && lint.out().contains("error 1091"),
                lint.out());
        assertFalse(lint.out().contains("002_drops.py:20:") || lint.out().contains("002_drops.py:21:"), lint.out());
        try (TempDatabase db = server.createDatabase()) {
            assertEquals("ok", db.upgrade(VERSIONS.resolve("001_bridges.py"), null));
            assertEquals("ok", db.upgrade(VERSIONS.resolve("002_drops.py"), null));
            String rerun = db.upgrade(VERSIONS.resolve("002_drops.py"), null);
            assertTrue(rerun.contains("1091") && rerun.contains("old_state") && !rerun.contains("conference"),
                    "the re-run fails at the uncaught drop only: " + rerun);
        }
    }
}
