package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An {@code alter_column} of a column (or of a table) that a later statement of the same revision drops (cg's
 * ddc94088be4d): MariaDB commits each DDL statement, so the re-run meets the column gone and fails at the alter
 * (1054, or 1146 for the table) before it reaches the drop. The finding of each revision that comes first in the
 * file names that statement and that number.
 */
@Tag("mariadb")
class MariaDbAlteredBeforeDropProofTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", "."));
    private static final Path VERSIONS = ROOT.resolve(
            "src/test/resources/fixtures/rules/drop-not-idempotent/mariadb_altered_before_drop/versions");

    @Test
    void the_re_run_fails_at_the_alter_with_the_number_named_there() {
        MariaDbServer server = MariaDbServer.require();
        CliRun.Result lint = CliRun.run("lint", "--no-cache", "--dialect", "mariadb:10.11", "--format", "concise",
                "--select", "drop-not-idempotent", VERSIONS.toString());
        assertTrue(lint.out().contains("002_drop_group.py:19:5: drop-not-idempotent Re-running this revision fails here"
                + " with error 1054"), lint.out());
        assertTrue(lint.out().contains("003_drop_legacy.py:19:5: drop-not-idempotent Re-running this revision fails"
                + " here with error 1146"), lint.out());
        try (TempDatabase db = server.createDatabase()) {
            assertEquals("ok", db.upgrade(VERSIONS.resolve("001_base.py"), null));
            assertEquals("ok", db.upgrade(VERSIONS.resolve("002_drop_group.py"), null));
            String rerun = db.upgrade(VERSIONS.resolve("002_drop_group.py"), null);
            assertTrue(rerun.startsWith("ERROR 1054") && rerun.contains("group_id"),
                    "the re-run fails at the alter (the drop would raise 1091): " + rerun);
            assertEquals("ok", db.upgrade(VERSIONS.resolve("003_drop_legacy.py"), null));
            rerun = db.upgrade(VERSIONS.resolve("003_drop_legacy.py"), null);
            assertTrue(rerun.startsWith("ERROR 1146") && rerun.contains("legacy"),
                    "the re-run fails at the alter (the drop would raise 1051): " + rerun);
        }
    }
}
