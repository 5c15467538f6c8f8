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
 * NULL, 0 and DEFAULT into an AUTO_INCREMENT primary key (clinical-algorithms' 1f5df554d6cf): the lint flags only
 * the written id and the 0 into a column that is not AUTO_INCREMENT, and on a real MariaDB the seeds without them
 * run twice (new ids each time) while each of those two fails its re-run with 1062.
 */
@Tag("mariadb")
class MariaDbNullIntoAutoIncrementProofTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", "."));
    private static final Path DIR = ROOT.resolve(
            "src/test/resources/fixtures/rules/insert-not-idempotent/mariadb_null_into_auto_increment/versions");

    @Test
    void auto_filled_keys_re_run_and_written_keys_fail_with_1062() {
        MariaDbServer server = MariaDbServer.require();
        CliRun.Result lint = CliRun.run("lint", "--no-cache", "--dialect", "mariadb:10.11", "--format", "concise",
                "--select", "insert-not-idempotent", DIR.getParent().toString());
        assertTrue(lint.out().contains("002_seeds.py:19:17: insert-not-idempotent")
                && lint.out().contains("002_seeds.py:20:17: insert-not-idempotent"), lint.out());
        for (int line = 15; line <= 18; line++) {
            assertFalse(lint.out().contains("002_seeds.py:" + line + ":"), lint.out());
        }
        try (TempDatabase db = server.createDatabase()) {
            assertEquals("ok", db.upgrade(DIR.resolve("001_tables.py"), null));
            String[] autoFilled = {"INSERT INTO `users` (`id`, `name`) VALUES (NULL, 'a'), (NULL, 'b')",
                "INSERT INTO users (id, name) VALUES (0, 'c')", "INSERT INTO users (id, name) VALUES (DEFAULT, 'd')",
                "INSERT INTO users VALUES (NULL, 'e')"};
            for (int run = 0; run < 2; run++) {
                for (String sql : autoFilled) {
                    assertTrue(db.exec(sql).ok(), "run " + run + ": " + sql);
                }
            }
            MariaDbServer.Outcome rows = db.exec("SELECT CONCAT('rows ', COUNT(*)) AS n FROM users");
            assertTrue(rows.stdout().contains("rows 10"), rows.stdout());
            for (String sql : new String[] {"INSERT INTO users (id, name) VALUES (70, 'f')",
                "INSERT INTO codes (id, name) VALUES (0, 'g')"}) {
                assertTrue(db.exec(sql).ok(), sql);
                MariaDbServer.Outcome again = db.exec(sql);
                assertFalse(again.ok(), sql);
                assertEquals(1062, again.errno(), again.message());
            }
        }
    }
}
