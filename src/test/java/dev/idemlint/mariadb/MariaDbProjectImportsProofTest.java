package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * senlin's and designate's revisions on a real MariaDB: under the guard on the read-only legacy-version helper, a
 * column typed by a class of the project ({@code types.Dict()}, {@code UUID} with a project function as its default)
 * or a value from a read-only project function makes the column and nothing else, so the helper answers the same on
 * the re-run and the re-run fails with the error number the lint names.
 */
@Tag("mariadb")
class MariaDbProjectImportsProofTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", "."));
    private static final Path FIXTURE = ROOT.resolve(
            "src/test/resources/fixtures/rules/add-column-not-idempotent/guard_with_project_imports");

    @ParameterizedTest
    @CsvSource({"001_players.py, players, 23, 2", "004_venues.py, venues, 21, 1"})
    void a_revision_using_project_types_and_values_re_runs_its_guarded_branch_and_fails_with_1060(String file,
            String table, int line, int columns) {
        MariaDbServer server = MariaDbServer.require();
        Path revision = FIXTURE.resolve("versions").resolve(file);
        CliRun.Result lint = CliRun.run("lint", "--dialect", "mariadb:10.11", "--format", "concise",
                FIXTURE.resolve("versions").toString());
        assertTrue(lint.out().contains(file + ":" + line + ":5: add-column-not-idempotent")
                && lint.out().contains("error 1060"), lint.out());
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec("CREATE TABLE " + table + " (id int PRIMARY KEY)").ok());
            assertEquals("ok", db.upgrade(revision, FIXTURE));
            MariaDbServer.Outcome made = db.exec("SELECT CONCAT('made ', (SELECT COUNT(*) FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name = '" + table + "'), ' ', (SELECT COUNT(*) FROM"
                    + " information_schema.tables WHERE table_schema = DATABASE())) AS m");
            assertTrue(made.ok() && made.stdout().contains("made " + (columns + 1) + " 1"),
                    "the branch made its columns and no other object: " + made.stdout());
            String rerun = db.upgrade(revision, FIXTURE);
            assertTrue(rerun.startsWith("ERROR 1060"), "the helper answers as on the first run: " + rerun);
        }
    }
}
