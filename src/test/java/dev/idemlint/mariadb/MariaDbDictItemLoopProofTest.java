package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Foreign keys named by the items of a literal list of dicts a loop walks (terrareg's eea5e27cac2b): the lint reads
 * {@code fk["new_name"]} and {@code fk["table"]} from the dict and names the constraint, and on a real MariaDB the
 * first run makes both keys while the re-run fails with 1005 (errno 121, a duplicate foreign key name) at that line.
 */
@Tag("mariadb")
class MariaDbDictItemLoopProofTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", "."));
    private static final Path FIXTURE = ROOT.resolve(
            "src/test/resources/fixtures/rules/add-constraint-not-idempotent/mariadb_dict_items_in_loop.py");

    @Test
    void the_loop_over_dicts_is_flagged_and_its_re_run_fails_with_1005() {
        MariaDbServer server = MariaDbServer.require();
        CliRun.Result lint = CliRun.run("lint", "--no-cache", "--dialect", "mariadb:10.11", "--format", "concise",
                "--select", "add-constraint-not-idempotent", FIXTURE.toString());
        assertTrue(lint.out().contains("mariadb_dict_items_in_loop.py:24:13: add-constraint-not-idempotent")
                && lint.out().contains("error 1005") && lint.out().contains("\"fk_example_file_submodule\" of"
                + " \"example_file\""), lint.out());
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec("CREATE TABLE module_version (id int PRIMARY KEY) ENGINE=InnoDB").ok());
            assertTrue(db.exec("CREATE TABLE submodule (id int PRIMARY KEY, parent_id int) ENGINE=InnoDB").ok());
            assertTrue(db.exec("CREATE TABLE example_file (id int PRIMARY KEY, submodule_id int) ENGINE=InnoDB").ok());
            assertEquals("ok", db.upgrade(FIXTURE, null));
            MariaDbServer.Outcome fks = db.exec("SELECT CONCAT('fks ', GROUP_CONCAT(constraint_name ORDER BY"
                    + " constraint_name)) AS f FROM information_schema.referential_constraints WHERE"
                    + " constraint_schema = DATABASE()");
            assertTrue(fks.stdout().contains("fks fk_example_file_submodule,fk_submodule_parent"), fks.stdout());
            String rerun = db.upgrade(FIXTURE, null);
            assertTrue(rerun.contains("1005") && rerun.contains("example_file"), "the re-run fails: " + rerun);
        }
    }
}
