package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The throwaway server answers, reports errors by number, and scripts/test makes it required. */
class MariaDbServerTest {

    @Test
    void scripts_test_or_ci_make_a_missing_server_a_failure() {
        assertTrue(MariaDbServer.mustRun(Map.of(MariaDbServer.REQUIRED_ENV, "1")));
        assertTrue(MariaDbServer.mustRun(Map.of("CI", "true")));
        assertFalse(MariaDbServer.mustRun(Map.of()));
    }

    @Test
    void scripts_test_starts_a_server_and_requires_the_suite_before_maven() throws IOException {
        String script = Files.readString(Path.of(System.getProperty("idemlint.root", ".")).resolve("scripts/test"));
        int up = script.indexOf("scripts/mariadb-up");
        int export = script.indexOf("export " + MariaDbServer.REQUIRED_ENV + "=1");
        int mvn = script.indexOf("mvn \"${mvn_flags[@]}\" verify");
        assertTrue(up >= 0 && export >= 0 && up < mvn && export < mvn, "scripts/test must start MariaDB and export "
                + MariaDbServer.REQUIRED_ENV + "=1 before maven");
    }

    @Test
    @Tag("mariadb")
    void a_duplicate_column_is_error_1060_on_the_real_server() {
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN c int").ok());
            MariaDbServer.Outcome again = db.exec("ALTER TABLE t ADD COLUMN c int");
            assertEquals(1060, again.errno(), again.toString());
            assertEquals("42S21", again.sqlstate());
        }
    }
}
