package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * designate's and senlin's guard on a real MariaDB: {@code if not legacy_utils.is_migration_needed(1): return}
 * reads only the legacy {@code migrate_version} table, which the revision leaves alone, so it answers the same on
 * the re-run. Where the branch ran the first time, the re-run fails with the error the lint names; where it did
 * not, neither run changes anything.
 */
@Tag("mariadb")
class MariaDbReadOnlyHelperProofTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", "."));
    private static final Path FIXTURE = ROOT.resolve(
            "src/test/resources/fixtures/rules/add-column-not-idempotent/guard_on_read_only_helper");
    private static final Path REVISION = FIXTURE.resolve("versions/001_players.py");

    @Test
    void a_guard_on_a_helper_reading_the_legacy_version_re_runs_its_branch_and_fails_with_1060() {
        MariaDbServer server = MariaDbServer.require();
        CliRun.Result lint = CliRun.run("lint", "--dialect", "mariadb:10.11", "--format", "concise",
                FIXTURE.resolve("versions").toString());
        assertTrue(lint.out().contains("001_players.py:20:5: add-column-not-idempotent")
                && lint.out().contains("1060"), lint.out());
        for (String legacy : new String[] {"", "CREATE TABLE migrate_version (repository_id varchar(250) PRIMARY"
                + " KEY, version int); INSERT INTO migrate_version VALUES ('legacy', 0)"}) {
            try (TempDatabase db = server.createDatabase()) {
                assertTrue(db.exec("CREATE TABLE players (id int PRIMARY KEY)" + (legacy.isEmpty() ? "" : "; " + legacy))
                        .ok());
                assertEquals("ok", db.upgrade(REVISION, FIXTURE));
                String rerun = db.upgrade(REVISION, FIXTURE);
                assertTrue(rerun.startsWith("ERROR 1060"), "the helper answers as on the first run: " + rerun);
            }
        }
    }

    @Test
    void where_the_legacy_version_skips_the_branch_both_runs_skip_it() {
        MariaDbServer server = MariaDbServer.require();
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec("CREATE TABLE players (id int PRIMARY KEY); CREATE TABLE migrate_version"
                    + " (repository_id varchar(250) PRIMARY KEY, version int); INSERT INTO migrate_version VALUES"
                    + " ('legacy', 7)").ok());
            assertEquals("ok", db.upgrade(REVISION, FIXTURE));
            assertEquals("ok", db.upgrade(REVISION, FIXTURE));
            assertEquals(1054, db.exec("SELECT nickname FROM players").errno(), "the column was never added");
        }
    }
}
