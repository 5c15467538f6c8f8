package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The three MariaDB shapes of chains34, each fixture linted and then run twice on a real MariaDB: {@code DROP INDEX
 * `PRIMARY`} drops the primary key and a foreign key makes an index of its name (labonneboite's 2426e6b89deb: the
 * pairs re-run, the lone drops fail 1091), a batch operation passed to a helper (camcops' 0043: the helper's
 * drop fails its re-run with 1091), and an index dropped before its table (results-tabulation's b159e6f82036: 1146,
 * the table is looked up first).
 */
@Tag("mariadb")
class MariaDbChains34ProofTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", "."));
    private static final Path RULES = ROOT.resolve("src/test/resources/fixtures/rules");

    private static String lint(Path fixture, String rule) {
        CliRun.Result lint = CliRun.run("lint", "--no-cache", "--dialect", "mariadb:10.11", "--format", "concise",
                "--select", rule, fixture.toString());
        return lint.out();
    }

    @Test
    void the_index_primary_and_a_foreign_keys_index_re_run_and_the_lone_drops_fail() {
        Path fixture = RULES.resolve("drop-not-idempotent/mariadb_index_primary_and_foreign_key_index.py");
        String out = lint(fixture, "drop-not-idempotent");
        for (String line : new String[] {":18:", ":19:", ":20:", ":22:", ":23:"}) {
            assertTrue(!out.contains("foreign_key_index.py" + line), "no finding at " + line + ": " + out);
        }
        assertTrue(out.contains("foreign_key_index.py:24:19: drop-not-idempotent Re-running this revision fails with"
                + " error 1091 ER_CANT_DROP_FIELD_OR_KEY because index \"PRIMARY\""), out);
        assertTrue(out.contains("foreign_key_index.py:26:5: drop-not-idempotent Re-running this revision fails with"
                + " error 1146 ER_NO_SUCH_TABLE"), out);
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE etablissements (siret varchar(14) NOT NULL PRIMARY KEY);"
                    + " CREATE TABLE favorites (id int PRIMARY KEY, office_siret varchar(14));"
                    + " CREATE TABLE offices (siret varchar(14) NOT NULL PRIMARY KEY, name varchar(40),"
                    + " KEY ix_offices_name (name));"
                    + " CREATE TABLE ballot (id int PRIMARY KEY, area int, KEY ix_ballot_area (area))").ok());
            assertEquals("ok", db.upgrade(fixture, null));
            // the re-run passes the pairs and fails at the first lone drop
            String rerun = db.upgrade(fixture, null);
            assertTrue(rerun.startsWith("ERROR 1091") && rerun.contains("PRIMARY"), rerun);
            assertEquals(1091, db.exec("ALTER TABLE offices DROP KEY ix_offices_name").errno());
            // Alembic's drop_index(..., table_name=) on MySQL
            assertEquals(1146, db.exec("DROP INDEX ix_ballot_area ON ballot").errno());
            assertEquals(1051, db.exec("DROP TABLE ballot").errno());
        }
    }

    @Test
    void a_primary_key_added_after_the_index_primary_is_dropped_re_runs() {
        Path fixture = RULES.resolve("add-constraint-not-idempotent/mariadb_primary_key_after_drop_index_primary.py");
        String out = lint(fixture, "add-constraint-not-idempotent");
        assertTrue(!out.contains("primary.py:17:") && !out.contains("primary.py:19:"), out);
        assertTrue(out.contains("primary.py:20:") && out.contains("error 1068"), out);
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE etablissements (siret varchar(14) NOT NULL PRIMARY KEY);"
                    + " CREATE TABLE users (id int NOT NULL PRIMARY KEY);"
                    + " CREATE TABLE offices (siret varchar(14) NOT NULL)").ok());
            assertEquals("ok", db.upgrade(fixture, null));
            String rerun = db.upgrade(fixture, null);
            assertTrue(rerun.startsWith("ERROR 1068"), "the re-run passes the two pairs and fails at offices: " + rerun);
        }
    }

    @Test
    void a_batch_passed_to_a_helper_drops_in_that_batch() {
        Path chain = RULES.resolve("drop-not-idempotent/batch_op_passed_to_helper");
        String out = lint(chain, "drop-not-idempotent");
        assertTrue(out.contains("002_helpers.py:29:9: drop-not-idempotent")
                && out.contains("002_helpers.py:30:9: drop-not-idempotent") && out.contains("error 1091"), out);
        assertTrue(!out.contains("002_helpers.py:32:"), out);
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            Path versions = chain.resolve("versions");
            assertEquals("ok", db.upgrade(versions.resolve("001_tables.py"), null));
            assertEquals("ok", db.upgrade(versions.resolve("002_helpers.py"), null));
            String rerun = db.upgrade(versions.resolve("002_helpers.py"), null);
            assertTrue(rerun.startsWith("ERROR 1091") && rerun.contains("clinician_specialty"), rerun);
            assertEquals(1091, db.exec("ALTER TABLE patient DROP COLUMN clinician_title").errno());
            assertEquals(1091, db.exec("ALTER TABLE task DROP COLUMN legacy").errno());
        }
    }
}
