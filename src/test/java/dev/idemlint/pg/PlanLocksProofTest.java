package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import dev.idemlint.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of {@code plan --db}'s locks: real tables with rows, a pending revision that rewrites one, changes a
 * column type in place, builds an index without CONCURRENTLY and adds a validated foreign key, and one table it
 * creates itself. Plan's sizes are held to {@code pg_total_relation_size} and {@code reltuples} read here, and each
 * reported mode to the strongest lock the same statement takes when this test runs it in a transaction and reads
 * its own backend's {@code pg_locks} (a rewrite also changes {@code pg_class.relfilenode}).
 */
@Tag("postgres")
class PlanLocksProofTest {
    private PgCluster pg;

    @BeforeEach
    void cluster() {
        pg = PgCluster.require();
    }

    /** The table the hostile name test uses: a quote, a double quote and a semicolon, quoted by the server. */
    private static final String HOSTILE = "we\"ird';drop table events;--";

    // autovacuum off: a vacuum between two plan runs would add the tables' visibility maps and change their sizes
    private static final String SCHEMA = "CREATE TABLE accounts (id int PRIMARY KEY) WITH (autovacuum_enabled = off);"
            + " INSERT INTO accounts SELECT generate_series(1, 1000);"
            + " CREATE TABLE events (id int PRIMARY KEY, account_id int, amount int, name varchar(20))"
            + " WITH (autovacuum_enabled = off);"
            + " INSERT INTO events SELECT g, g % 1000 + 1, g, 'n' || g FROM generate_series(1, 100000) g;"
            + " CREATE INDEX ix_events_name ON events (name);"
            + " CREATE TABLE \"" + HOSTILE.replace("\"", "\"\"") + "\" (id int) WITH (autovacuum_enabled = off);"
            + " INSERT INTO \"" + HOSTILE.replace("\"", "\"\"") + "\" SELECT generate_series(1, 500);"
            + " CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);"
            + " INSERT INTO alembic_version VALUES ('001'); ANALYZE;";

    /** Line of each statement of revision 002 below, and the same statement in SQL. */
    private static final Map<Integer, String> SQL = Map.of(
            20, "DROP INDEX ix_events_name",
            11, "ALTER TABLE events ALTER COLUMN amount TYPE bigint",
            12, "ALTER TABLE events ALTER COLUMN name TYPE varchar(40)",
            13, "CREATE INDEX ix_events_account ON events (account_id)",
            14, "ALTER TABLE events ADD CONSTRAINT fk_events_account FOREIGN KEY (account_id) REFERENCES accounts (id)");

    private static void writeProject(Path project) throws IOException {
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = alembic\n");
        Path versions = Files.createDirectories(project.resolve("alembic/versions"));
        Files.writeString(project.resolve("alembic/env.py"), "from alembic import context\n");
        String header = "from alembic import op\nimport sqlalchemy as sa\n\n";
        Files.writeString(versions.resolve("001_base.py"), header + "revision = \"001\"\ndown_revision = None\n"
                + "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n"
                + "    op.create_table(\"accounts\", sa.Column(\"id\", sa.Integer(), primary_key=True))\n"
                + "    op.create_table(\"events\", sa.Column(\"id\", sa.Integer(), primary_key=True),"
                + " sa.Column(\"account_id\", sa.Integer()), sa.Column(\"amount\", sa.Integer()),"
                + " sa.Column(\"name\", sa.String(20)))\n"
                + "    op.create_index(\"ix_events_name\", \"events\", [\"name\"])\n"
                + "    op.create_table(" + pyString(HOSTILE) + ", sa.Column(\"id\", sa.Integer()))\n");
        Files.writeString(versions.resolve("002_locks.py"), header + "revision = \"002\"\ndown_revision = \"001\"\n"
                + "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n"
                // line 11
                + "    op.alter_column(\"events\", \"amount\", type_=sa.BigInteger())\n"
                + "    op.alter_column(\"events\", \"name\", type_=sa.String(40))\n"
                + "    op.create_index(\"ix_events_account\", \"events\", [\"account_id\"])\n"
                + "    op.create_foreign_key(\"fk_events_account\", \"events\", \"accounts\", [\"account_id\"], [\"id\"])\n"
                + "    op.create_table(\"fresh\", sa.Column(\"id\", sa.Integer(), primary_key=True))\n"
                + "    op.create_index(\"ix_fresh\", \"fresh\", [\"id\"])\n"
                // line 17
                + "    op.create_index(\"ix_hostile\", " + pyString(HOSTILE) + ", [\"id\"])\n"
                + "    with op.get_context().autocommit_block():\n"
                + "        op.create_index(\"ix_accounts_id\", \"accounts\", [\"id\"], postgresql_concurrently=True)\n"
                // line 20
                + "    op.drop_index(\"ix_events_name\")\n");
    }

    private static String pyString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void plan_reports_each_blocking_lock_with_the_size_and_mode_the_server_shows(@TempDir Path project)
            throws IOException, SQLException {
        writeProject(project);
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            assertTrue(db.exec(SCHEMA).ok());
            String url = "postgresql://" + pg.user() + "@" + pg.host() + ":" + pg.port() + "/" + db.name();
            CliRun.Result run = CliRun.run("plan", "--format", "json", "--db", url, project.toString());
            assertEquals(0, run.exit(), run.err() + run.out());
            List<Map<String, Object>> taken = taken(run.out());
            try (Connection c = connect(db)) {
                long events = bytes(c, "events");
                long hostile = bytes(c, HOSTILE);
                assertEquals(List.of(11L, 12L, 13L, 14L, 17L, 20L), taken.stream().map(l -> (Long) l.get("line")).toList(),
                        run.out());
                for (Map<String, Object> l : taken.subList(0, 4)) {
                    assertEquals("public.events", l.get("table"), l.toString());
                    assertEquals(events, l.get("bytes"), l.toString());
                    assertEquals(100000L, l.get("rows"), l.toString());
                    assertEquals(Boolean.FALSE, l.get("lock_timeout_set"), l.toString());
                    int line = ((Long) l.get("line")).intValue();
                    Observed seen = observe(c, SQL.get(line), "events");
                    assertEquals(seen.mode(), l.get("mode"), "line " + line + ": " + l);
                    assertEquals(seen.rewrote(), "rewrite".equals(l.get("work")), "line " + line + ": " + l);
                }
                assertEquals(List.of("rewrite", "lock", "index build", "scan"),
                        taken.subList(0, 4).stream().map(l -> l.get("work")).toList());
                assertEquals("SHARE ROW EXCLUSIVE", taken.get(3).get("referenced_mode"));
                assertEquals(observe(c, SQL.get(14), "accounts").mode(), taken.get(3).get("referenced_mode"));
                // drop_index without its table: the table the catalog puts the index on
                Map<String, Object> drop = taken.get(5);
                assertEquals("public.events", drop.get("table"), drop.toString());
                assertEquals("drop-index-blocks-table", drop.get("rule"), drop.toString());
                assertEquals("lock", drop.get("work"));
                assertEquals(observe(c, SQL.get(20), "events").mode(), drop.get("mode"));
                // the server's quoting of a name the pull request chose, and its size read by bound parameters
                Map<String, Object> odd = taken.get(4);
                assertEquals("public.\"" + HOSTILE.replace("\"", "\"\"") + "\"", odd.get("table"), odd.toString());
                assertEquals(hostile, odd.get("bytes"));
                assertEquals(500L, odd.get("rows"));
                assertEquals("SHARE", observe(c, "CREATE INDEX ix_hostile ON \"" + HOSTILE.replace("\"", "\"\"")
                        + "\" (id)", HOSTILE).mode());
            }
            // the size in the units pg_size_pretty uses, in the text output too
            String text = CliRun.run("plan", "--db", url, project.toString()).out();
            assertTrue(text.contains("rewrites public.events (" + pretty(db, "events") + ", about 100,000 rows) under"
                    + " ACCESS EXCLUSIVE: every read and write waits until the rewrite ends"), text);
            assertTrue(db.exec("SELECT 1 FROM events").ok(), "plan dropped the table its hostile name names");

            // a gate asks: over 1 MB fails, over 1 TB does not
            CliRun.Result gated = CliRun.run("plan", "--fail-on-lock", "1MB", "--db", url, project.toString());
            assertEquals(1, gated.exit(), gated.err());
            assertTrue(gated.err().contains("revision 002 rewrites public.events"), gated.err());
            assertEquals(0, CliRun.run("plan", "--fail-on-lock", "1TB", "--db", url, project.toString()).exit());

            // lock_timeout set for every session of the database: each wait is bounded, and plan says where
            assertTrue(db.exec("ALTER DATABASE " + db.name() + " SET lock_timeout = '4s'").ok());
            List<Map<String, Object>> bounded = taken(CliRun.run("plan", "--format", "json", "--db", url,
                    project.toString()).out());
            for (Map<String, Object> l : bounded) {
                assertEquals(Boolean.TRUE, l.get("lock_timeout_set"), l.toString());
                assertEquals("the server (lock_timeout = 4s, from database)", l.get("lock_timeout_from"));
            }
        }
    }

    /**
     * A validation in the transaction that added the constraint NOT VALID: plan lists it as a scan under the add's
     * lock, ACCESS EXCLUSIVE for a CHECK and SHARE ROW EXCLUSIVE on both tables for a foreign key, as the backend's
     * own {@code pg_locks} and {@code pg_stat_xact_user_tables.seq_scan} show when this test runs the same statements
     * in one transaction.
     */
    @Test
    void plan_lists_a_validation_in_the_adding_transaction_as_a_scan_under_the_add_s_lock(@TempDir Path project)
            throws IOException, SQLException {
        writeProject(project);
        Path versions = project.resolve("alembic/versions");
        Files.delete(versions.resolve("002_locks.py"));
        Files.writeString(versions.resolve("002_validate.py"), "from alembic import op\nimport sqlalchemy as sa\n\n"
                + "revision = \"002\"\ndown_revision = \"001\"\nbranch_labels = None\ndepends_on = None\n\n\n"
                + "def upgrade():\n"
                // line 11
                + "    op.create_check_constraint(\"ck_events_amount\", \"events\", \"amount >= 0\","
                + " postgresql_not_valid=True)\n"
                + "    op.execute(\"ALTER TABLE events VALIDATE CONSTRAINT ck_events_amount\")\n"
                + "    op.create_foreign_key(\"fk_events_account\", \"events\", \"accounts\", [\"account_id\"], [\"id\"],"
                + " postgresql_not_valid=True)\n"
                + "    op.execute(\"ALTER TABLE events VALIDATE CONSTRAINT fk_events_account\")\n");
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            assertTrue(db.exec(SCHEMA).ok());
            String url = "postgresql://" + pg.user() + "@" + pg.host() + ":" + pg.port() + "/" + db.name();
            CliRun.Result run = CliRun.run("plan", "--format", "json", "--db", url, project.toString());
            assertEquals(0, run.exit(), run.err() + run.out());
            List<Map<String, Object>> taken = taken(run.out());
            assertEquals(List.of(11L, 12L, 13L, 14L), taken.stream().map(l -> (Long) l.get("line")).toList(), run.out());
            try (Connection c = connect(db)) {
                long events = bytes(c, "events");
                for (Map<String, Object> l : taken) {
                    assertEquals("public.events", l.get("table"), l.toString());
                    assertEquals(events, l.get("bytes"), l.toString());
                    assertEquals(100000L, l.get("rows"), l.toString());
                }
                Map<String, Object> check = taken.get(1);
                assertEquals("validate-in-same-transaction", check.get("rule"), check.toString());
                assertEquals("scan", check.get("work"), check.toString());
                String addCheck = "ALTER TABLE events ADD CONSTRAINT ck_events_amount CHECK (amount >= 0) NOT VALID";
                String validateCheck = "ALTER TABLE events VALIDATE CONSTRAINT ck_events_amount";
                Scanned seen = observeValidation(c, addCheck, validateCheck, "events");
                assertEquals(seen.mode(), check.get("mode"), check.toString());
                assertTrue(seen.scanned(), "the validation reads events");

                Map<String, Object> fk = taken.get(3);
                assertEquals("validate-in-same-transaction", fk.get("rule"), fk.toString());
                assertEquals("scan", fk.get("work"), fk.toString());
                String addFk = "ALTER TABLE events ADD CONSTRAINT fk_events_account FOREIGN KEY (account_id)"
                        + " REFERENCES accounts (id) NOT VALID";
                String validateFk = "ALTER TABLE events VALIDATE CONSTRAINT fk_events_account";
                seen = observeValidation(c, addFk, validateFk, "events");
                assertEquals(seen.mode(), fk.get("mode"), fk.toString());
                assertTrue(seen.scanned(), "the validation reads events");
                assertEquals(observeValidation(c, addFk, validateFk, "accounts").mode(), fk.get("referenced_mode"),
                        fk.toString());
                // the adds themselves read no row: listed for their lock only
                assertEquals(List.of("lock", "lock"), List.of(taken.get(0).get("work"), taken.get(2).get("work")));
            }
        }
    }

    /** The strongest lock held on {@code table} after the validation, and whether the validation read it whole. */
    private record Scanned(String mode, boolean scanned) {
    }

    private static Scanned observeValidation(Connection c, String add, String validate, String table)
            throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute(add);
            long before = xactSeqScan(c, table);
            st.execute(validate);
            boolean scanned = xactSeqScan(c, table) > before;
            String mode = strongest(c, table);
            return new Scanned(mode, scanned);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** The sequential scans of {@code table} this transaction made so far. */
    private static long xactSeqScan(Connection c, String table) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT seq_scan FROM pg_stat_xact_user_tables"
                + " WHERE relid = quote_ident(?)::regclass")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> taken(String json) {
        Map<String, Object> doc = (Map<String, Object>) Json.parse(json);
        Map<String, Object> locks = (Map<String, Object>) doc.get("locks");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<Object>) locks.get("taken")) {
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    private Connection connect(PgCluster.TempDatabase db) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        return new org.postgresql.Driver().connect("jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/"
                + db.name(), props);
    }

    private static long bytes(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_total_relation_size(quote_ident(?)::regclass)")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String pretty(PgCluster.TempDatabase db, String table) throws SQLException {
        try (Connection c = connect(db); PreparedStatement st = c.prepareStatement(
                "SELECT pg_size_pretty(pg_total_relation_size(quote_ident(?)::regclass))")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The strongest lock {@code sql} takes on {@code table} in its transaction, and whether it rewrote the table. */
    private record Observed(String mode, boolean rewrote) {
    }

    private static Observed observe(Connection c, String sql, String table) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            long before = relfilenode(c, table);
            st.execute(sql);
            String mode = strongest(c, table);
            return new Observed(mode, relfilenode(c, table) != before);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** The strongest lock this backend holds on {@code table}, as plan names modes. */
    private static String strongest(Connection c, String table) throws SQLException {
        String mode = null;
        try (PreparedStatement q = c.prepareStatement("SELECT mode FROM pg_locks WHERE pid = pg_backend_pid()"
                + " AND granted AND relation = quote_ident(?)::regclass")) {
            q.setString(1, table);
            List<String> order = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
                    "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock",
                    "AccessExclusiveLock");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String m = rs.getString(1);
                    if (mode == null || order.indexOf(m) > order.indexOf(mode)) {
                        mode = m;
                    }
                }
            }
        }
        assertNotEquals(null, mode, table);
        // AccessExclusiveLock -> ACCESS EXCLUSIVE
        return mode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase();
    }

    private static long relfilenode(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT relfilenode FROM pg_class WHERE oid = quote_ident(?)::regclass")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void no_lock_is_reported_on_tables_the_upgrade_creates(@TempDir Path project) throws IOException {
        writeProject(project);
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            // a fresh database: every table is created by the pending revisions, none holds a row
            String url = "postgresql://" + pg.user() + "@" + pg.host() + ":" + pg.port() + "/" + db.name();
            CliRun.Result run = CliRun.run("plan", "--format", "json", "--db", url, project.toString());
            assertEquals(0, run.exit(), run.err());
            assertEquals(List.of(), taken(run.out()), run.out());
        }
    }
}
