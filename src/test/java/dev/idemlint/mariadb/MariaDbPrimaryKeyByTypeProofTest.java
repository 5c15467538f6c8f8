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
 * {@code drop_constraint(name, table, type_="primary")} on MySQL and MariaDB (g0v0-server's e96a649e18ca): Alembic
 * sends {@code DROP PRIMARY KEY} whatever the name, so a revision that drops the key and makes another re-runs
 * cleanly (the re-run drops the key it made), and only a drop that meets no key left fails (1091).
 */
@Tag("mariadb")
class MariaDbPrimaryKeyByTypeProofTest {
    private static final Path VERSIONS = Path.of(System.getProperty("idemlint.root", ".")).resolve(
            "src/test/resources/fixtures/rules/drop-not-idempotent/mariadb_primary_key_dropped_by_type/versions");

    @Test
    void a_primary_key_swap_re_runs_and_a_second_drop_fails_as_the_lint_says() {
        MariaDbServer server = MariaDbServer.require();
        CliRun.Result lint = CliRun.run("lint", "--no-cache", "--dialect", "mariadb:10.11", "--format", "concise",
                "--select", "drop-not-idempotent,add-constraint-not-idempotent", VERSIONS.toString());
        assertFalse(lint.out().contains("002_swap_primary_key.py"), lint.out());
        assertTrue(lint.out().contains("003_drop_primary_key.py:14:5: drop-not-idempotent Re-running this revision"
                + " fails with error 1091"), lint.out());
        try (TempDatabase db = server.createDatabase()) {
            assertEquals("ok", db.upgrade(VERSIONS.resolve("001_base.py"), null));
            assertEquals("ok", db.upgrade(VERSIONS.resolve("002_swap_primary_key.py"), null));
            assertEquals("ok", db.upgrade(VERSIONS.resolve("002_swap_primary_key.py"), null),
                    "the re-run drops the key the first run made and makes it again");
            assertEquals("ok", db.upgrade(VERSIONS.resolve("003_drop_primary_key.py"), null));
            String rerun = db.upgrade(VERSIONS.resolve("003_drop_primary_key.py"), null);
            assertTrue(rerun.startsWith("ERROR 1091"), "no primary key is left to drop: " + rerun);
        }
    }

    /**
     * The swap's new key fails on rows whose ids repeat: the drop before it stays committed, and the next upgrade's
     * DROP PRIMARY KEY meets no key (1091), as revision-left-half-applied warns.
     */
    @Test
    void a_primary_key_swap_that_fails_on_its_rows_leaves_a_drop_the_next_upgrade_fails_on() {
        MariaDbServer server = MariaDbServer.require();
        CliRun.Result lint = CliRun.run("lint", "--no-cache", "--dialect", "mariadb:10.11", "--format", "concise",
                "--select", "revision-left-half-applied", VERSIONS.toString());
        assertTrue(lint.out().contains("002_swap_primary_key.py:17:5: revision-left-half-applied If this statement"
                + " fails on the rows it meets, the statement before it stays committed"), lint.out());
        try (TempDatabase db = server.createDatabase()) {
            assertEquals("ok", db.upgrade(VERSIONS.resolve("001_base.py"), null));
            assertTrue(db.exec("INSERT INTO achievements VALUES (1, 1), (1, 2)").ok());
            String first = db.upgrade(VERSIONS.resolve("002_swap_primary_key.py"), null);
            assertTrue(first.startsWith("ERROR 1062"), "the new key fails on the repeated id: " + first);
            String next = db.upgrade(VERSIONS.resolve("002_swap_primary_key.py"), null);
            assertTrue(next.startsWith("ERROR 1091"), "the committed drop left no key to drop: " + next);
        }
    }
}
