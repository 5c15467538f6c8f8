package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.pg.PgCluster.TempDatabase;
import dev.idemlint.rules.fix.InvalidIndexDrop;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The trap {@code invalid-index-kept-on-rerun} reports, on the server: a {@code CREATE INDEX CONCURRENTLY} that
 * fails leaves an INVALID index behind, the retry with {@code IF NOT EXISTS} succeeds and keeps it; the drop that
 * rule's fix (and {@code create-index-not-idempotent}'s fix of a concurrent build) writes before the build, run in
 * autocommit as in Alembic's {@code autocommit_block()}, removes the leftover so the retry builds a valid index, and
 * leaves a valid index alone.
 */
@Tag("postgres")
class InvalidIndexTrapTest {
    private static final String BUILD = "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_players_email"
            + " ON players (email)";

    private TempDatabase db;
    private Connection c;

    @BeforeEach
    void players() throws SQLException {
        PgCluster cluster = PgCluster.require();
        db = cluster.createDatabase();
        Properties props = new Properties();
        props.setProperty("user", cluster.user());
        c = new org.postgresql.Driver().connect("jdbc:postgresql://" + cluster.host() + ":" + cluster.port() + "/"
                + db.name(), props);
        assertNotNull(c, "the driver takes the URL");
        c.setAutoCommit(true);
        run("CREATE TABLE players (id int PRIMARY KEY, email text)");
        run("INSERT INTO players SELECT g, 'p' || g FROM generate_series(1, 1000) g");
        run("INSERT INTO players VALUES (1001, 'p1')"); // the duplicate that fails the first build
    }

    @AfterEach
    void drop() throws SQLException {
        if (c != null) {
            c.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void a_retry_with_if_not_exists_keeps_the_invalid_index_of_a_failed_concurrent_build() throws SQLException {
        SQLException failed = assertThrows(SQLException.class, () -> run(BUILD));
        assertEquals("23505", failed.getSQLState(), failed.getMessage());
        assertEquals(Boolean.FALSE, valid(), "the failed build leaves the index behind, INVALID");

        run("DELETE FROM players WHERE id = 1001"); // the data is fixed before the next deploy
        SQLWarning skipped = runWarning(BUILD);
        assertNotNull(skipped, "the retry is skipped with a notice");
        assertEquals("42P07", skipped.getSQLState(), skipped.getMessage());
        assertEquals(Boolean.FALSE, valid(), "IF NOT EXISTS kept the INVALID index: the retry succeeded");
        assertFalse(plannerUses(), "the planner does not use it");
    }

    @Test
    void the_fix_s_drop_before_the_build_rebuilds_the_invalid_index_valid_and_keeps_a_valid_one() throws SQLException {
        String drop = InvalidIndexDrop.statement("ux_players_email");
        assertNotNull(drop);
        run(drop); // no index yet: nothing to drop, no error
        SQLException failed = assertThrows(SQLException.class, () -> run(BUILD));
        assertEquals("23505", failed.getSQLState(), failed.getMessage());
        assertEquals(Boolean.FALSE, valid());

        run("DELETE FROM players WHERE id = 1001");
        run(drop);
        assertEquals(null, valid(), "the INVALID leftover is dropped");
        run(BUILD);
        assertEquals(Boolean.TRUE, valid(), "the retry builds it valid");
        assertTrue(plannerUses(), "and the planner uses it");

        long oid = oid();
        run(drop);
        assertEquals(oid, oid(), "a valid index is kept");
        assertNotNull(runWarning(BUILD), "and the build skipped");
        assertEquals(oid, oid());
    }

    private void run(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private SQLWarning runWarning(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return st.getWarnings();
        }
    }

    /** {@code pg_index.indisvalid} of the index, null when there is no such index. */
    private Boolean valid() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('ux_players_email')")) {
            return rs.next() ? rs.getBoolean(1) : null;
        }
    }

    private long oid() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT to_regclass('ux_players_email')::oid")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean plannerUses() throws SQLException {
        run("ANALYZE players");
        StringBuilder plan = new StringBuilder();
        try (Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
            try (ResultSet rs = st.executeQuery("EXPLAIN SELECT id FROM players WHERE email = 'p5'")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            st.execute("RESET enable_seqscan");
        }
        return plan.toString().contains("ux_players_email");
    }
}
