package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * revision-left-half-applied asks the re-run check what the next upgrade meets after a first run that stopped at a
 * statement failing on its rows, every statement before it committed: each case is run on MariaDB.
 */
@Tag("mariadb")
class MariaDbHalfAppliedProofTest {
    private static final Path FIXTURES = Path.of(System.getProperty("idemlint.root", ".")).resolve(
            "src/test/resources/fixtures/rules/revision-left-half-applied");

    private static String lint(String fixture) {
        return CliRun.run("lint", "--no-cache", "--dialect", "mariadb:10.11", "--format", "concise",
                "--select", "revision-left-half-applied", FIXTURES.resolve(fixture).toString()).out();
    }

    /** The first upgrade of {@code fixture} on a database {@code setup} made, then the next one: their outcomes. */
    private static List<String> twoUpgrades(String setup, String fixture) {
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec(setup).ok(), setup);
            return List.of(db.upgrade(FIXTURES.resolve(fixture), null), db.upgrade(FIXTURES.resolve(fixture), null));
        }
    }

    @Test
    void a_key_dropped_and_made_again_leaves_the_drop_committed_when_the_new_key_fails() {
        String lint = lint("dropped_then_made_again.py");
        assertTrue(lint.contains("dropped_then_made_again.py:15:5: revision-left-half-applied"), lint);
        List<String> runs = twoUpgrades("CREATE TABLE players (id int PRIMARY KEY, name varchar(20), team_id int,"
                + " CONSTRAINT uq_players_name UNIQUE (name, team_id));"
                + " INSERT INTO players VALUES (1, 'a', 1), (2, 'a', 2)", "dropped_then_made_again.py");
        assertTrue(runs.get(0).startsWith("ERROR 1062"), "the new key fails on the repeated name: " + runs);
        assertTrue(runs.get(1).startsWith("ERROR 1091"), "the committed drop left no key to drop: " + runs);
    }

    @Test
    void a_column_made_and_dropped_before_the_failing_statement_leaves_nothing_the_next_upgrade_trips_on() {
        String lint = lint("made_then_dropped.py");
        assertFalse(lint.contains("revision-left-half-applied"), lint);
        List<String> runs = twoUpgrades("CREATE TABLE players (id int PRIMARY KEY, name varchar(20));"
                + " INSERT INTO players VALUES (1, 'a'), (2, 'a')", "made_then_dropped.py");
        assertTrue(runs.get(0).startsWith("ERROR 1062"), "the unique index fails on the repeated name: " + runs);
        assertTrue(runs.get(1).startsWith("ERROR 1062"), "the next upgrade passes the column's statements and fails"
                + " on the rows again: " + runs);
    }
}
