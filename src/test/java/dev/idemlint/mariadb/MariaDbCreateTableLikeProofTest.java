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
 * {@code CREATE TABLE new LIKE old} on a real MariaDB: the copy gets old's columns, its primary key and indexes, not
 * its foreign keys; a copy swapped in for its source (subunit2sql's 1679b5bc102c) makes the re-run's copy carry the
 * added column, and the re-run fails with 1060 on the line the lint names; the scratch copy dropped again passes.
 */
@Tag("mariadb")
class MariaDbCreateTableLikeProofTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", "."));
    private static final Path FIXTURE = ROOT.resolve(
            "src/test/resources/fixtures/rules/add-column-not-idempotent/mariadb_create_table_like.py");

    @Test
    void like_copies_columns_keys_and_indexes_but_no_foreign_key() {
        MariaDbServer server = MariaDbServer.require();
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec("CREATE TABLE parent (id int PRIMARY KEY)").ok());
            assertTrue(db.exec("CREATE TABLE runs (id int NOT NULL PRIMARY KEY, started datetime NULL,"
                    + " parent_id int, UNIQUE KEY uq_started (started), KEY ix_parent (parent_id),"
                    + " CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id))").ok());
            assertTrue(db.exec("CREATE TABLE runs_copy LIKE runs").ok());
            MariaDbServer.Outcome columns = db.exec("SELECT CONCAT('cols ', GROUP_CONCAT(column_name ORDER BY"
                    + " ordinal_position)) AS c FROM information_schema.columns WHERE table_schema = DATABASE()"
                    + " AND table_name = 'runs_copy'");
            assertTrue(columns.stdout().contains("cols id,started,parent_id"), columns.stdout());
            MariaDbServer.Outcome keys = db.exec("SELECT CONCAT('keys ', GROUP_CONCAT(DISTINCT index_name ORDER BY"
                    + " index_name)) AS k FROM information_schema.statistics WHERE table_schema = DATABASE()"
                    + " AND table_name = 'runs_copy'");
            assertTrue(keys.stdout().contains("keys ix_parent,PRIMARY,uq_started"), keys.stdout());
            MariaDbServer.Outcome fks = db.exec("SELECT CONCAT('fks ', COUNT(*)) AS f FROM"
                    + " information_schema.referential_constraints WHERE constraint_schema = DATABASE()"
                    + " AND table_name = 'runs_copy'");
            assertTrue(fks.stdout().contains("fks 0"), fks.stdout());
            // a second index of the copied name fails: the copy has it
            MariaDbServer.Outcome again = db.exec("ALTER TABLE runs_copy ADD INDEX ix_parent (started)");
            assertEquals(1061, again.errno(), again.toString());
        }
    }

    @Test
    void the_copy_swapped_in_carries_the_added_column_and_the_re_run_fails_with_1060() {
        MariaDbServer server = MariaDbServer.require();
        CliRun.Result lint = CliRun.run("lint", "--no-cache", "--dialect", "mariadb:10.11", "--format", "concise",
                "--select", "add-column-not-idempotent", FIXTURE.toString());
        assertTrue(lint.out().contains("mariadb_create_table_like.py:17:17: add-column-not-idempotent")
                && lint.out().contains("error 1060") && lint.out().contains("\"start_us\""), lint.out());
        assertFalse(lint.out().contains(":22:"), "the scratch copy's column claims nothing: " + lint.out());
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec("CREATE TABLE runs (id int NOT NULL PRIMARY KEY, started datetime(6) NULL)").ok());
            assertTrue(db.exec("INSERT INTO runs VALUES (1, '2015-02-27 18:39:13.275801')").ok());
            assertEquals("ok", db.upgrade(FIXTURE, null));
            MariaDbServer.Outcome swapped = db.exec("SELECT CONCAT('us ', start_us) AS u FROM runs WHERE id = 1");
            assertTrue(swapped.ok() && swapped.stdout().contains("us 275801"), "the copy swapped in: " + swapped.stdout());
            String rerun = db.upgrade(FIXTURE, null);
            assertTrue(rerun.startsWith("ERROR 1060") && rerun.contains("start_us"), "the re-run fails: " + rerun);
        }
    }
}
