package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.migration.PostgresLocks.Kind;
import dev.idemlint.migration.PostgresLocks.Mode;
import dev.idemlint.pg.PgCluster.TempDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@link PostgresLocks} that covers PostgreSQL 15, observed on the server: the statement runs inside a
 * transaction on a table holding rows ({@code t}, whose {@code p_id} may reference {@code p}), and the backend then
 * reads its own {@code pg_locks} (the strongest mode granted on each table), {@code pg_class.relfilenode} of the
 * table and its indexes before and after (a rewrite gives them new files) and {@code
 * pg_stat_xact_user_tables.seq_scan} (a scan reads the table whole). {@code CREATE INDEX CONCURRENTLY} runs outside
 * a transaction block: a second session reads its lock while a third, holding an open write, keeps it waiting.
 */
@Tag("postgres")
class PostgresLocksTest {

    /**
     * How to show one kind: {@code setup} committed first, {@code before} in the observed transaction ahead of
     * the statement (its locks count, its scans do not), then {@code statement}.
     */
    record Example(String setup, String before, String statement) {
        Example(String statement) {
            this("", "", statement);
        }
    }

    private static final String TABLES = """
            CREATE TABLE p (id int PRIMARY KEY);
            INSERT INTO p SELECT g FROM generate_series(1, 500) g;
            CREATE TABLE t (id int PRIMARY KEY, p_id int, b int, v varchar(10), n numeric(5, 2), ts timestamp);
            CREATE INDEX t_b ON t (b);
            INSERT INTO t SELECT g, g, g, 'x', 1.5, now()::timestamp FROM generate_series(1, 500) g;
            """;

    static final Map<Kind, Example> EXAMPLES = new EnumMap<>(Map.ofEntries(
            Map.entry(Kind.CREATE_INDEX, new Example("CREATE INDEX t_v ON t (v)")),
            Map.entry(Kind.ADD_FOREIGN_KEY, new Example("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id)")),
            Map.entry(Kind.ADD_FOREIGN_KEY_NOT_VALID,
                    new Example("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID")),
            Map.entry(Kind.VALIDATE_FOREIGN_KEY, new Example(
                    "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID", "",
                    "ALTER TABLE t VALIDATE CONSTRAINT fk")),
            Map.entry(Kind.ADD_CHECK, new Example("ALTER TABLE t ADD CONSTRAINT ck CHECK (b > 0)")),
            Map.entry(Kind.ADD_CHECK_NOT_VALID, new Example("ALTER TABLE t ADD CONSTRAINT ck CHECK (b > 0) NOT VALID")),
            Map.entry(Kind.VALIDATE_CHECK, new Example("ALTER TABLE t ADD CONSTRAINT ck CHECK (b > 0) NOT VALID", "",
                    "ALTER TABLE t VALIDATE CONSTRAINT ck")),
            Map.entry(Kind.VALIDATE_CHECK_AFTER_ADD, new Example("",
                    "ALTER TABLE t ADD CONSTRAINT ck CHECK (b > 0) NOT VALID", "ALTER TABLE t VALIDATE CONSTRAINT ck")),
            Map.entry(Kind.VALIDATE_FOREIGN_KEY_AFTER_ADD, new Example("",
                    "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID",
                    "ALTER TABLE t VALIDATE CONSTRAINT fk")),
            Map.entry(Kind.ALTER_TYPE_REWRITE, new Example("ALTER TABLE t ALTER COLUMN b TYPE bigint")),
            Map.entry(Kind.ALTER_TYPE_VARCHAR_WIDER, new Example("ALTER TABLE t ALTER COLUMN v TYPE varchar(20)")),
            Map.entry(Kind.ALTER_TYPE_VARCHAR_TO_TEXT, new Example("ALTER TABLE t ALTER COLUMN v TYPE text")),
            Map.entry(Kind.ALTER_TYPE_NUMERIC_WIDER, new Example("ALTER TABLE t ALTER COLUMN n TYPE numeric(7, 2)")),
            Map.entry(Kind.ALTER_TYPE_TO_ENUM, new Example("CREATE TYPE e AS ENUM ('x', 'y')", "",
                    "ALTER TABLE t ALTER COLUMN v TYPE e USING v::text::e")),
            Map.entry(Kind.ALTER_TYPE_FROM_ENUM, new Example(
                    "CREATE TYPE e AS ENUM ('x', 'y'); ALTER TABLE t ALTER COLUMN v TYPE e USING v::e", "",
                    "ALTER TABLE t ALTER COLUMN v TYPE varchar(20) USING v::text")),
            Map.entry(Kind.ALTER_TYPE_COLLATION_INDEXED, new Example("CREATE INDEX t_v ON t (v)", "",
                    "ALTER TABLE t ALTER COLUMN v TYPE text COLLATE \"C\"")),
            Map.entry(Kind.ALTER_TYPE_TIMESTAMP_TO_TIMESTAMPTZ_UTC, new Example("", "SET LOCAL TIME ZONE 'UTC'",
                    "ALTER TABLE t ALTER COLUMN ts TYPE timestamptz")),
            Map.entry(Kind.ADD_COLUMN_CONSTANT_DEFAULT, new Example("ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 5")),
            Map.entry(Kind.ADD_COLUMN_VOLATILE_DEFAULT,
                    new Example("ALTER TABLE t ADD COLUMN c double precision DEFAULT random()")),
            Map.entry(Kind.SET_NOT_NULL, new Example("ALTER TABLE t ALTER COLUMN b SET NOT NULL")),
            Map.entry(Kind.SET_NOT_NULL_AFTER_CHECK, new Example("ALTER TABLE t ADD CONSTRAINT ckn CHECK (b IS NOT NULL)",
                    "", "ALTER TABLE t ALTER COLUMN b SET NOT NULL")),
            Map.entry(Kind.ADD_COLUMN_GENERATED_STORED,
                    new Example("ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (b * 2) STORED")),
            Map.entry(Kind.ADD_COLUMN, new Example("ALTER TABLE t ADD COLUMN c int")),
            Map.entry(Kind.ADD_COLUMN_REFERENCES, new Example("ALTER TABLE t ADD COLUMN c int REFERENCES p (id)")),
            // on a table with rows the statement fails (23502): it succeeds, after its scan, on an empty one
            Map.entry(Kind.ADD_COLUMN_NOT_NULL, new Example("DELETE FROM t", "", "ALTER TABLE t ADD COLUMN c int NOT NULL")),
            Map.entry(Kind.DROP_COLUMN, new Example("ALTER TABLE t DROP COLUMN n")),
            Map.entry(Kind.RENAME_COLUMN, new Example("ALTER TABLE t RENAME COLUMN n TO m")),
            // renamed back in the same transaction, so that the observation finds the table by its name
            Map.entry(Kind.RENAME_TABLE, new Example("ALTER TABLE t RENAME TO t2; ALTER TABLE t2 RENAME TO t")),
            Map.entry(Kind.DROP_INDEX, new Example("DROP INDEX t_b")),
            Map.entry(Kind.DROP_CONSTRAINT, new Example("ALTER TABLE t ADD CONSTRAINT ck CHECK (b > 0)", "",
                    "ALTER TABLE t DROP CONSTRAINT ck")),
            Map.entry(Kind.ALTER_COLUMN, new Example("ALTER TABLE t ALTER COLUMN b SET DEFAULT 1")),
            Map.entry(Kind.ADD_UNIQUE, new Example("ALTER TABLE t ADD CONSTRAINT t_b_key UNIQUE (b)"))));

    private PgCluster cluster;
    private TempDatabase db;
    private final List<Connection> open = new ArrayList<>();

    @BeforeEach
    void freshDatabase() {
        cluster = PgCluster.require();
        db = cluster.createDatabase();
        SqlOutcome made = db.exec(TABLES);
        assertTrue(made.ok(), made::toString);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        for (Connection c : open) {
            c.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", cluster.user());
        Connection c = new org.postgresql.Driver().connect("jdbc:postgresql://" + cluster.host() + ":" + cluster.port()
                + "/" + db.name(), props);
        assertNotNull(c, "the driver takes the URL");
        open.add(c);
        return c;
    }

    /** What the server shows of one statement. */
    record Observation(Mode table, Mode referenced, boolean tableRewritten, boolean indexesRewritten, long scans) {
    }

    static Stream<Kind> concurrentKinds() {
        return CONCURRENT.keySet().stream();
    }

    static Stream<Kind> observedKinds() {
        return PostgresLocks.rows().stream().filter(r -> r.covers(PostgresLocks.OBSERVED_MAJOR)).map(r -> r.kind())
                .filter(k -> !CONCURRENT.containsKey(k));
    }

    @ParameterizedTest
    @MethodSource("observedKinds")
    void each_row_is_what_postgresql_15_does(Kind kind) throws SQLException {
        PostgresLocks.Row row = PostgresLocks.of(kind, PostgresLocks.OBSERVED_MAJOR);
        assertTrue(row.observed(), kind + " covers 15 and must be observed, not cited");
        Example ex = EXAMPLES.get(kind);
        assertNotNull(ex, "no example for " + kind);
        assertShows(row, observe(ex), kind.toString());
    }

    /** The ADD_UNIQUE row stands for ADD PRIMARY KEY too (StatementLocks maps both to it). */
    @Test
    void add_primary_key_is_what_the_add_unique_row_says() throws SQLException {
        assertShows(PostgresLocks.of(Kind.ADD_UNIQUE, PostgresLocks.OBSERVED_MAJOR),
                observe(new Example("ALTER TABLE t DROP CONSTRAINT t_pkey", "", "ALTER TABLE t ADD PRIMARY KEY (b)")),
                "ADD PRIMARY KEY");
    }

    /**
     * Alembic's {@code add_column} of a column with {@code sa.ForeignKey} sends the column, then the key as its own
     * statement: the key reads every row of the table although the new column is NULL in all of them, under the
     * ADD_FOREIGN_KEY row's lock on the referenced table.
     */
    @Test
    void a_key_added_after_its_new_column_reads_the_rows_as_the_add_foreign_key_row_says() throws SQLException {
        PostgresLocks.Row row = PostgresLocks.of(Kind.ADD_FOREIGN_KEY, PostgresLocks.OBSERVED_MAJOR);
        Observation seen = observe(new Example("", "ALTER TABLE t ADD COLUMN c int",
                "ALTER TABLE t ADD CONSTRAINT fk_c FOREIGN KEY (c) REFERENCES p (id)"));
        assertEquals(row.scans(), seen.scans() > 0, "seq_scan of the table grew by " + seen.scans());
        assertEquals(row.referencedLock(), seen.referenced(), "the lock on the referenced table");
        assertEquals(row.rewrites(), seen.tableRewritten(), "the table's relfilenode changes");
    }

    private static void assertShows(PostgresLocks.Row row, Observation seen, String what) {
        assertEquals(row.lock(), seen.table(), what + ": the lock on the table");
        if (row.referencedLock() != null) {
            assertEquals(row.referencedLock(), seen.referenced(), what + ": the lock on the referenced table");
        } else {
            assertEquals(null, seen.referenced(), what + ": no lock on another table");
        }
        assertEquals(row.rewrites(), seen.tableRewritten(), what + ": the table's relfilenode changes");
        assertEquals(row.rewrites(), seen.indexesRewritten(), what + ": its indexes' relfilenodes change");
        assertEquals(row.scans(), seen.scans() > 0, what + ": seq_scan of the table grew by " + seen.scans());
    }

    private Observation observe(Example ex) throws SQLException {
        Connection c = connect();
        try (Statement st = c.createStatement()) {
            if (!ex.setup().isEmpty()) {
                st.execute(ex.setup());
            }
            c.setAutoCommit(false);
            if (!ex.before().isEmpty()) {
                st.execute(ex.before());
            }
            Map<String, Long> files = files(c);
            long scans = seqScans(c);
            st.execute(ex.statement());
            long scanned = seqScans(c) - scans;
            Map<String, Long> after = files(c);
            boolean tableRewritten = !files.get("t").equals(after.get("t"));
            boolean indexesRewritten = files.keySet().stream().filter(n -> !n.equals("t"))
                    .allMatch(n -> !files.get(n).equals(after.get(n)));
            Observation o = new Observation(strongest(c, "t"), strongest(c, "p"), tableRewritten, indexesRewritten,
                    scanned);
            c.rollback();
            return o;
        }
    }

    /** relfilenode of {@code t} and of each index it had before the statement, by name. */
    private static Map<String, Long> files(Connection c) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT c.relname, c.relfilenode FROM pg_class c
                WHERE c.oid = 't'::regclass
                   OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 't'::regclass)""")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static long seqScans(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT coalesce(seq_scan, 0) FROM pg_stat_xact_user_tables WHERE relid = 't'::regclass")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The strongest mode this backend holds on {@code table}, null for none. */
    private static Mode strongest(Connection c, String table) throws SQLException {
        return strongest(c, table, "pg_backend_pid()");
    }

    private static Mode strongest(Connection c, String table, String pid) throws SQLException {
        Mode best = null;
        try (PreparedStatement st = c.prepareStatement("SELECT mode FROM pg_locks WHERE locktype = 'relation'"
                + " AND granted AND pid = " + pid + " AND relation = ?::regclass")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Mode m = mode(rs.getString(1));
                    if (best == null || m.compareTo(best) > 0) {
                        best = m;
                    }
                }
            }
        }
        return best;
    }

    private static Mode mode(String pgLocks) {
        for (Mode m : Mode.values()) {
            if (m.pgLocks().equals(pgLocks)) {
                return m;
            }
        }
        throw new AssertionError("unknown lock mode " + pgLocks);
    }

    @Test
    void every_mode_is_named_as_pg_locks_names_it() throws SQLException {
        Connection c = connect();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (Mode m : Mode.values()) {
                st.execute("LOCK TABLE p IN " + m.sql() + " MODE");
                assertEquals(m, strongest(c, "p"), m.sql());
                c.rollback();
            }
        }
    }

    /** The statements that run outside a transaction block, each observed from a second session while it waits. */
    static final Map<Kind, String> CONCURRENT = new EnumMap<>(Map.of(
            Kind.CREATE_INDEX_CONCURRENTLY, "CREATE INDEX CONCURRENTLY t_v ON t (v)",
            Kind.DROP_INDEX_CONCURRENTLY, "DROP INDEX CONCURRENTLY t_b"));

    @ParameterizedTest
    @MethodSource("concurrentKinds")
    void a_concurrent_statement_holds_its_row_s_lock_while_it_waits_for_writers(Kind kind) throws Exception {
        PostgresLocks.Row row = PostgresLocks.of(kind, PostgresLocks.OBSERVED_MAJOR);
        String statement = CONCURRENT.get(kind);
        Connection writer = connect();
        Connection builder = connect();
        Connection observer = connect();
        writer.setAutoCommit(false);
        try (Statement w = writer.createStatement()) {
            // an open write: the statement's first phase waits for it to end
            w.execute("INSERT INTO t VALUES (1000, 1, 1, 'y', 1, now())");
        }
        int pid;
        try (Statement b = builder.createStatement(); ResultSet rs = b.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        long before = relfilenode(observer, "t");
        long scansBefore = seqScanTotal(observer);
        CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
            try (Statement b = builder.createStatement()) {
                b.execute(statement);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Mode held = null;
        for (int i = 0; i < 200 && held == null; i++) {
            held = waiting(observer, pid) ? strongest(observer, "t", Integer.toString(pid)) : null;
            if (held == null) {
                Thread.sleep(50);
            }
        }
        assertEquals(row.lock(), held, kind + ": the lock the waiting statement holds on the table");
        assertTrue(row.lock().compareTo(Mode.ROW_EXCLUSIVE) > 0 && !row.lock().blocksWrites(),
                "it lets writes through");
        writer.commit();
        build.get(60, TimeUnit.SECONDS);
        assertEquals(before, relfilenode(observer, "t"), "the table is not rewritten");
        assertEquals(row.rewrites(), before != relfilenode(observer, "t"));
        // the session reports its statistics when it goes idle: each pass of a build reads the table whole; a
        // statement that does not scan is given 2 seconds to show none
        long scanned = 0;
        for (int i = 0; i < (row.scans() ? 100 : 20) && scanned == 0; i++) {
            scanned = seqScanTotal(observer) - scansBefore;
            if (scanned == 0) {
                Thread.sleep(100);
            }
        }
        assertEquals(row.scans(), scanned > 0, kind + ": seq_scan of the table grew by " + scanned);
    }

    /**
     * What the transaction rules rely on: a table lock is held until the transaction ends, so two statements of one
     * transaction hold their ACCESS EXCLUSIVE locks together; a statement outside a transaction block (autocommit,
     * as in Alembic's {@code autocommit_block()}) holds none once it returns.
     */
    @Test
    void locks_are_held_until_the_transaction_ends_and_an_autocommit_statement_keeps_none() throws SQLException {
        Connection c = connect();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE t ADD COLUMN c1 int");
            st.execute("ALTER TABLE p ADD COLUMN c1 int");
            assertEquals(Mode.ACCESS_EXCLUSIVE, strongest(c, "t"), "the first table's lock outlives its statement");
            assertEquals(Mode.ACCESS_EXCLUSIVE, strongest(c, "p"));
            c.commit();
            c.setAutoCommit(true);
            assertEquals(null, strongest(c, "t"), "the commit lets go of it");
            st.execute("ALTER TABLE t ADD COLUMN c2 int");
            assertEquals(null, strongest(c, "t"), "an autocommit statement keeps no lock once it returns");
        }
    }

    /**
     * What {@code backfill-under-exclusive-lock} relies on: an {@code UPDATE} after an ACCESS EXCLUSIVE statement on
     * the same table in one transaction runs while the lock is held, so a second session's read of the table waits
     * for the whole backfill. The backfill is kept running by a one-second {@code pg_sleep} in an init plan.
     */
    @Test
    void a_backfill_after_an_access_exclusive_statement_runs_under_its_lock() throws Exception {
        Connection migration = connect();
        Connection observer = connect();
        Connection reader = connect();
        migration.setAutoCommit(false);
        int pid;
        try (Statement m = migration.createStatement(); ResultSet rs = m.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
            m.execute("ALTER TABLE t ADD COLUMN c int");
        }
        String backfill = "UPDATE t SET c = b + (SELECT 0 FROM pg_sleep(1))";
        CompletableFuture<Integer> update = CompletableFuture.supplyAsync(() -> {
            try (Statement m = migration.createStatement()) {
                return m.executeUpdate(backfill);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        boolean running = false;
        for (int i = 0; i < 200 && !running; i++) {
            try (Statement o = observer.createStatement(); ResultSet rs = o.executeQuery(
                    "SELECT state = 'active' AND query = '" + backfill + "' FROM pg_stat_activity WHERE pid = " + pid)) {
                running = rs.next() && rs.getBoolean(1);
            }
            if (!running) {
                Thread.sleep(10);
            }
        }
        assertTrue(running, "the backfill runs");
        assertEquals(Mode.ACCESS_EXCLUSIVE, strongest(observer, "t", Integer.toString(pid)),
                "the ALTER's lock is held while the backfill runs");
        try (Statement r = reader.createStatement()) {
            r.execute("SET statement_timeout = '300ms'");
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> r.execute("SELECT count(*) FROM t"));
            assertEquals("57014", e.getSQLState(), "a read waits behind the backfill: " + e.getMessage());
        }
        assertEquals(500, update.get(60, TimeUnit.SECONDS), "the backfill wrote every row");
        assertEquals(Mode.ACCESS_EXCLUSIVE, strongest(observer, "t", Integer.toString(pid)),
                "the lock outlives the backfill");
        migration.commit();
        assertEquals(null, strongest(observer, "t", Integer.toString(pid)), "the commit lets go of it");
    }

    /**
     * Why {@code lock_timeout} matters even for a statement that holds its lock for an instant: a statement waiting
     * for a table lock queues every later reader of the table behind it, and {@code lock_timeout} ends the wait with
     * SQLSTATE 55P03 instead.
     */
    @Test
    void a_waiting_alter_queues_readers_behind_it_and_lock_timeout_ends_the_wait() throws Exception {
        Connection holder = connect();
        Connection alter = connect();
        Connection reader = connect();
        holder.setAutoCommit(false);
        try (Statement h = holder.createStatement()) {
            // an open read: ACCESS SHARE until its transaction ends
            h.execute("SELECT count(*) FROM t");
        }
        try (Statement a = alter.createStatement()) {
            a.execute("SET lock_timeout = '200ms'");
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> a.execute("ALTER TABLE t ADD COLUMN c int"));
            assertEquals("55P03", e.getSQLState(), "lock_timeout ends the wait: " + e.getMessage());
            a.execute("RESET lock_timeout");
        }
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try (Statement a = alter.createStatement()) {
                a.execute("ALTER TABLE t ADD COLUMN c int");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        int pid;
        try (Statement a = reader.createStatement(); ResultSet rs = a.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE query = 'ALTER TABLE t ADD COLUMN c int'")) {
            pid = rs.next() ? rs.getInt(1) : -1;
        }
        for (int i = 0; i < 200 && (pid < 0 || !waiting(reader, pid)); i++) {
            Thread.sleep(50);
            try (Statement a = reader.createStatement(); ResultSet rs = a.executeQuery(
                    "SELECT pid FROM pg_stat_activity WHERE query = 'ALTER TABLE t ADD COLUMN c int'")) {
                pid = rs.next() ? rs.getInt(1) : -1;
            }
        }
        assertTrue(pid > 0 && waiting(reader, pid), "the ALTER waits for the open read");
        try (Statement r = reader.createStatement()) {
            r.execute("SET statement_timeout = '300ms'");
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> r.execute("SELECT count(*) FROM t"));
            assertEquals("57014", e.getSQLState(), "a plain read queues behind the waiting ALTER: " + e.getMessage());
        }
        holder.rollback();
        waiting.get(60, TimeUnit.SECONDS);
    }

    private static long seqScanTotal(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = st.executeQuery("SELECT seq_scan FROM pg_stat_user_tables WHERE relid = 't'::regclass")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean waiting(Connection c, int pid) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT wait_event_type FROM pg_stat_activity WHERE pid = " + pid)) {
            return rs.next() && "Lock".equals(rs.getString(1));
        }
    }

    private static long relfilenode(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT relfilenode FROM pg_class WHERE oid = '" + table + "'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void the_defaults_read_as_volatile_are_volatile_and_the_stable_ones_stable() throws SQLException {
        Connection c = connect();
        for (String f : PostgresLocks.volatileDefaults()) {
            assertEquals("v", volatility(c, f), f);
        }
        for (String f : PostgresLocks.stableDefaults()) {
            assertEquals("s", volatility(c, f), f);
            assertTrue(!PostgresLocks.volatileDefault(f), f);
        }
        // a stable default is computed once: the column is added without a rewrite, as a constant one is
        Observation now = observe(new Example("ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now()"));
        assertEquals(false, now.tableRewritten(), "DEFAULT now()");
        Observation uuid = observe(new Example("ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid()"));
        assertEquals(true, uuid.tableRewritten(), "DEFAULT gen_random_uuid()");
    }

    /** provolatile of the built-in function {@code name} (every form of it agrees), null when there is none. */
    private static String volatility(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT string_agg(DISTINCT provolatile::text, ',') FROM pg_proc"
                + " WHERE proname = ? AND pronamespace = 'pg_catalog'::regnamespace")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Type changes the rules read, by {@code format_type} before and after. */
    static Stream<org.junit.jupiter.params.provider.Arguments> typeChanges() {
        return Stream.of(new String[][] {
            {"integer", "bigint"}, {"bigint", "integer"}, {"integer", "text"},
            {"character varying(10)", "character varying(20)"}, {"character varying(10)", "character varying"},
            {"character varying(10)", "character varying(5)"}, {"character varying(10)", "text"},
            {"text", "character varying(200)"}, {"numeric(5,2)", "numeric(7,2)"}, {"numeric(5,2)", "numeric"},
            {"numeric(10,2)", "numeric(12,4)"}, {"numeric(7,2)", "numeric(5,2)"},
            {"timestamp without time zone", "timestamp with time zone"},
            {"jsonb", "json"}, {"json", "jsonb"},
        }).map(p -> org.junit.jupiter.params.provider.Arguments.of(p[0], p[1]));
    }

    @ParameterizedTest
    @MethodSource("typeChanges")
    void the_type_changes_read_as_rewrites_rewrite_and_the_others_do_not(String from, String to) throws SQLException {
        Kind kind = PostgresLocks.typeChange(from, to);
        assertNotNull(kind, from + " to " + to + " is read");
        PostgresLocks.Row row = PostgresLocks.of(kind, PostgresLocks.OBSERVED_MAJOR);
        Connection c = connect();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE x (id int PRIMARY KEY, c " + from + ")");
            st.execute("INSERT INTO x SELECT g, NULL FROM generate_series(1, 100) g");
            c.setAutoCommit(false);
            st.execute("SET LOCAL TIME ZONE 'UTC'");
            long before = relfilenode(c, "x");
            st.execute("ALTER TABLE x ALTER COLUMN c TYPE " + to);
            assertEquals(row.rewrites(), before != relfilenode(c, "x"), from + " to " + to + " (" + kind + ")");
            c.rollback();
        }
    }

    @Test
    void rows_of_other_versions_cite_their_release_notes() {
        for (PostgresLocks.Row r : PostgresLocks.rows()) {
            assertEquals(r.covers(PostgresLocks.OBSERVED_MAJOR), r.observed(), r.toString());
            if (!r.observed()) {
                assertTrue(r.source().startsWith("https://www.postgresql.org/docs/release/"), r.toString());
            }
        }
    }
}
