package dev.idemlint.db;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.Settings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A read-only session on a live PostgreSQL database, through the PostgreSQL JDBC driver. The session
 * starts with {@code default_transaction_read_only=on} and a {@code statement_timeout}, sets a
 * {@code lock_timeout} once it has read the one the session started with, and reads inside one {@code REPEATABLE READ, READ ONLY} transaction that is
 * rolled back: it never writes, not even to the version table. Every message it gives is masked.
 *
 * <p>No SQL it sends is built from input text. Statements are constants; names from a project (the
 * version table, a table and its columns from a migration) travel as bind parameters of one lookup
 * that the server answers with {@code to_regclass(...)::text} and {@code quote_ident}, and the few
 * statements that name a relation are built from that answer alone, quoted by the server. The driver
 * runs in the extended query protocol, where a bound value is never parsed as SQL, whatever
 * {@code standard_conforming_strings} says.
 *
 * <p>A run has one deadline covering the connection and every statement: each statement's
 * {@code statement_timeout} and socket timeout are cut to what is left of it, and a statement that
 * would start after it throws {@link DeadlineExceeded}.
 */
public final class LiveDatabase implements LiveSession {

    /** How long to wait: to connect, for one statement, for a lock (seconds, milliseconds, milliseconds). */
    public record Timeouts(int connectSeconds, int statementMillis, int lockMillis) {
        public static final Timeouts DEFAULT = new Timeouts(10, 15_000, 2_000);
    }

    /** A connection or query failure; the message names no password. */
    public static final class DbError extends Exception {
        DbError(String message) {
            super(message);
        }
    }

    /** The run's deadline passed: what it was doing then and the budget it had, for the message. */
    public static final class DeadlineExceeded extends RuntimeException {
        DeadlineExceeded(String message) {
            super(message);
        }
    }

    /** URL parameters the driver takes under the same name. */
    private static final List<String> PASSED_THROUGH = List.of("sslmode", "sslrootcert", "sslcert", "sslkey",
            "sslpassword", "sslcrl", "sslnegotiation", "gssencmode", "channel_binding",
            "tcpKeepAlive");
    /** libpq and SQLAlchemy names the driver spells differently. */
    private static final Map<String, String> RENAMED = Map.of("target_session_attrs", "targetServerType",
            "ssl", "sslmode");

    private final Connection connection;
    private final DbUrl url;
    private final List<String> ignoredParams;
    private final Timeouts timeouts;
    private final Deadline deadline;
    /** {@code lock_timeout} as the session started with it; null when not read. */
    private StartSetting startLockTimeout;

    private LiveDatabase(Connection connection, DbUrl url, List<String> ignoredParams, Timeouts timeouts,
            Deadline deadline) {
        this.connection = connection;
        this.url = url;
        this.ignoredParams = List.copyOf(ignoredParams);
        this.timeouts = timeouts;
        this.deadline = deadline;
    }

    /**
     * Connects read-only, within {@code budget} for the whole session (connection and every statement);
     * a failure is a {@link DbError} with a masked message.
     */
    public static LiveDatabase open(DbUrl url, Timeouts timeouts, Duration budget) throws DbError {
        Deadline deadline = new Deadline(budget);
        int connectSeconds = (int) Math.max(1, Math.min(timeouts.connectSeconds(), deadline.budgetSeconds()));
        timeouts = new Timeouts(connectSeconds, timeouts.statementMillis(), timeouts.lockMillis());
        Properties props = new Properties();
        props.setProperty("user", url.user());
        // an empty password stops the driver's own password-file lookup; the plugin gives the server only
        // what DbUrl resolved
        props.setProperty("password", url.password() == null ? "" : url.password());
        props.setProperty("authenticationPluginClassName", GivenPassword.class.getName());
        props.setProperty("ApplicationName", "idemlint plan");
        props.setProperty("connectTimeout", Integer.toString(timeouts.connectSeconds()));
        props.setProperty("loginTimeout", Integer.toString(timeouts.connectSeconds()));
        props.setProperty("socketTimeout", Long.toString(Math.min(timeouts.statementMillis() / 1000 + 30,
                deadline.budgetSeconds() + 1)));
        props.setProperty("readOnly", "true");
        // every statement as Parse/Bind/Execute: bound values never pass through the SQL parser
        props.setProperty("preferQueryMode", "extended");
        // from 9.0 on, the driver sends application_name in the startup packet instead of a SET statement
        props.setProperty("assumeMinServerVersion", "9.0");
        // lock_timeout is set after the session starts (setLockTimeout), so that the value it starts with is the one
        // the role, the database and the server's configuration give every session of this role on this database
        String options = "-c default_transaction_read_only=on -c statement_timeout="
                + Math.min(timeouts.statementMillis(), budget.toMillis())
                + " -c idle_in_transaction_session_timeout=60000";
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, String> e : url.params().entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            String searchPath = key.equals("options") ? searchPathOnly(value) : null;
            if (searchPath != null) {
                options = "-c search_path=" + searchPath + " " + options;
            } else if (key.equals("connect_timeout") && value.matches("\\d{1,6}")) {
                props.setProperty("connectTimeout", value);
            } else if (PASSED_THROUGH.contains(key)) {
                props.setProperty(key, value);
            } else if (RENAMED.containsKey(key)) {
                String v = key.equals("ssl") ? sslFromAsyncpg(value)
                        : key.equals("target_session_attrs") ? sessionAttrs(value) : value;
                props.setProperty(RENAMED.get(key), v);
            } else {
                ignored.add(key);
            }
        }
        props.setProperty("options", options);
        String jdbc = jdbcUrl(url);
        try {
            Connection c = new org.postgresql.Driver().connect(jdbc, props);
            if (c == null) {
                throw new DbError("the PostgreSQL driver did not accept " + url.masked());
            }
            StartSetting lockTimeout;
            try {
                lockTimeout = setLockTimeout(c, timeouts.lockMillis());
                c.setAutoCommit(false);
                c.setReadOnly(true);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            LiveDatabase db = new LiveDatabase(c, url, ignored, timeouts, deadline);
            db.startLockTimeout = lockTimeout;
            return db;
        } catch (SQLException e) {
            deadline.afterConnecting(url.masked());
            String said = "08004".equals(e.getSQLState()) && url.password() == null
                    ? "the server asks for a password and none was given" : url.mask(Rows.firstLine(e.getMessage()));
            throw new DbError("cannot connect to " + url.masked() + ": " + said + hint(e, url));
        }
    }

    /**
     * Reads {@code lock_timeout} as the session started with it, then sets plan's own for the rest of the session;
     * both in autocommit, before any transaction, so the setting outlives the rollbacks that end each read. The
     * read touches no table a migration could lock, and the startup packet's {@code statement_timeout} bounds it.
     */
    private static StartSetting setLockTimeout(Connection c, int lockMillis) throws SQLException {
        StartSetting start = null;
        try (PreparedStatement st = c.prepareStatement(START_LOCK_TIMEOUT); ResultSet rs = st.executeQuery()) {
            if (rs.next()) {
                start = new StartSetting(rs.getString(1), rs.getString(2));
            }
        }
        try (PreparedStatement st = c.prepareStatement(SET_LOCK_TIMEOUT)) {
            st.setString(1, Integer.toString(lockMillis));
            st.execute();
        }
        return start;
    }

    /**
     * Before a statement: stops the run when the deadline has passed, else cuts the statement's wait
     * (server-side {@code statement_timeout}, which bounds lock waits too, and the socket read) to
     * what is left.
     */
    private void beforeStatement(String doing) throws SQLException {
        long left = deadline.beforeStatement(doing);
        connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, left + 1000));
        if (left < timeouts.statementMillis()) {
            try (PreparedStatement st = connection.prepareStatement(SET_STATEMENT_TIMEOUT)) {
                st.setString(1, Long.toString(Math.max(1, left)));
                st.execute();
            }
        }
    }

    /** A search path of plain or double-quoted names, {@code $user} among them, and nothing else. */
    private static final Pattern SEARCH_PATH = Pattern.compile(
            "(?:-c\\s*|--)search[_-]path=([A-Za-z0-9_$,\"]+)");

    /**
     * The search path an {@code options} parameter sets when that is all it sets, else null. The search path
     * decides where Alembic's unqualified names go, so plan reads with it; any other setting
     * ({@code default_transaction_read_only}, {@code statement_timeout}, {@code role}, ...) would change the
     * session plan reads in, so such an {@code options} is not passed at all.
     */
    static String searchPathOnly(String options) {
        Matcher m = SEARCH_PATH.matcher(options.strip());
        return m.matches() ? m.group(1) : null;
    }

    private static String sslFromAsyncpg(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> "require";
            case "false", "0" -> "disable";
            default -> v;
        };
    }

    private static String sessionAttrs(String v) {
        return switch (v) {
            case "read-write" -> "primary";
            case "read-only" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            default -> v;
        };
    }

    /**
     * The driver's URL: a checked host, a port number and the database percent-encoded, so it carries no
     * parameter of its own; every setting goes in the properties.
     */
    static String jdbcUrl(DbUrl url) {
        return "jdbc:postgresql://" + (url.host().contains(":") ? "[" + url.host() + "]" : url.host()) + ":"
                + url.port() + "/" + encodePath(url.database());
    }

    private static String encodePath(String db) {
        return URLEncoder.encode(db, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String hint(SQLException e, DbUrl url) {
        String state = e.getSQLState();
        // 08004: the server asked for a password and GivenPassword had none to give
        if ("28P01".equals(state) || "28000".equals(state) || "08004".equals(state) && url.passwordSource() == null) {
            return url.passwordSource() == null
                    ? " (no password was given: put it in the URL, PGPASSWORD or ~/.pgpass)"
                    : " (password from " + url.passwordSource() + ")";
        }
        return "";
    }

    /** PostgreSQL: the plan reads its SQLSTATEs and cascades. */
    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public Settings settingsFor(Settings project) {
        return project;
    }

    /** URL parameters that mean nothing to the JDBC driver and were left out. */
    @Override
    public List<String> ignoredParams() {
        return ignoredParams;
    }

    // no backslash in any literal: with standard_conforming_strings off, '\_' would read as '_'
    private static final String SYSTEM = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
            + " AND left(n.nspname, 8) <> 'pg_temp_' AND left(n.nspname, 14) <> 'pg_toast_temp_'";

    private static final String BEGIN_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    private static final String SET_STATEMENT_TIMEOUT = "SELECT set_config('statement_timeout', ?, false)";

    private static final String START_LOCK_TIMEOUT = "SELECT current_setting('lock_timeout'), source FROM pg_settings"
            + " WHERE name = 'lock_timeout'";

    private static final String SET_LOCK_TIMEOUT = "SELECT set_config('lock_timeout', ?, false)";

    /**
     * A table's size, all bound: ($1 schema or null, $2 name), looked up as {@link #RESOLVE} does. The table and
     * its partitions or inheritance children, which an {@code ALTER TABLE} on it recurses to: the sum of their
     * {@code pg_total_relation_size} and of the {@code reltuples} estimates the catalog holds (-1 on PostgreSQL
     * 14 and later for a table never vacuumed or analyzed, which counts as not known).
     */
    private static final String TABLE_SIZE = "WITH RECURSIVE root AS (SELECT c.oid, c.relname, c.relnamespace FROM pg_class c"
            + " WHERE c.oid = to_regclass(coalesce(quote_ident(?) || '.', '') || quote_ident(?))"
            + " AND c.relkind IN ('r', 'p', 'm')),"
            + " t(oid) AS (SELECT oid FROM root UNION SELECT i.inhrelid FROM pg_inherits i JOIN t ON i.inhparent = t.oid)"
            + " SELECT (SELECT quote_ident(n.nspname) || '.' || quote_ident(r.relname) FROM root r"
            + " JOIN pg_namespace n ON n.oid = r.relnamespace), sum(pg_total_relation_size(t.oid))::bigint,"
            + " sum(greatest(c.reltuples, 0))::float8, bool_or(c.reltuples < 0 AND c.relkind <> 'p'), count(*)"
            + " FROM t JOIN pg_class c ON c.oid = t.oid";

    /**
     * The lookup of a relation and column names, all bound: ($1 schema or null, $2 name, $3 column
     * names). {@code quote_ident} then {@code to_regclass} reads the name as one identifier, whatever
     * it holds; the answer is the server's own quoting.
     */
    private static final String RESOLVE = "SELECT to_regclass(coalesce(quote_ident(?) || '.', '') || quote_ident(?))::text,"
            + " ARRAY(SELECT quote_ident(u.c) FROM unnest(?::text[]) WITH ORDINALITY AS u(c, o) ORDER BY u.o)";

    /** The catalog queries, sent as one batch (one round trip). */
    private static final String CATALOG = String.join(";\n",
            "SELECT current_setting('server_version'), current_schema(), array_to_string(current_schemas(false), ',')",
            "SELECT n.nspname FROM pg_namespace n WHERE " + SYSTEM + " ORDER BY 1",
            "SELECT n.nspname, c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r','p','v','m','S','i','I','f','c') AND " + SYSTEM + " ORDER BY 1, 2",
            "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
                    + " CASE WHEN a.attidentity <> '' THEN 'identity' WHEN a.attgenerated <> '' THEN 'generated'"
                    + " ELSE pg_get_expr(d.adbin, d.adrelid) END, a.attnotnull, (SELECT min(s.relname) FROM pg_depend p"
                    + " JOIN pg_class s ON s.oid = p.objid WHERE p.classid = 'pg_class'::regclass AND p.refobjid = a.attrelid"
                    + " AND p.refobjsubid = a.attnum AND p.deptype IN ('a', 'i') AND s.relkind = 'S') FROM pg_attribute a"
                    + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r','p','v','m','f') AND " + SYSTEM
                    + " ORDER BY 1, 2, a.attnum",
            "SELECT n.nspname, ic.relname, tc.relname, i.indisunique, CASE WHEN i.indpred IS NULL AND NOT 0 = ANY"
                    + " (i.indkey::int2[]) THEN array_to_string(ARRAY(SELECT a.attname FROM unnest(i.indkey::int2[])"
                    + " WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num"
                    + " ORDER BY k.ord), E'\\x1f') END FROM pg_index i"
                    + " JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid"
                    + " JOIN pg_namespace n ON n.oid = ic.relnamespace WHERE " + SYSTEM + " ORDER BY 1, 2",
            "SELECT n.nspname, c.relname, con.conname, con.contype::text FROM pg_constraint con"
                    + " JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE con.conrelid <> 0 AND " + SYSTEM + " ORDER BY 1, 2, 3",
            "SELECT n.nspname, t.typname, t.typtype::text, (SELECT string_agg(e.enumlabel, E'\\x1f' ORDER BY"
                    + " e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) FROM pg_type t"
                    + " JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_class c ON c.oid = t.typrelid"
                    + " WHERE (t.typrelid = 0 OR c.relkind = 'c') AND NOT (t.typelem <> 0 AND t.typlen = -1)"
                    + " AND " + SYSTEM + " ORDER BY 1, 2",
            "SELECT n.nspname, p.proname, p.prokind::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE " + SYSTEM + " ORDER BY 1, 2",
            "SELECT n.nspname, c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND " + SYSTEM
                    + " ORDER BY 1, 2, 3",
            "SELECT e.extname, n.nspname, e.extversion FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                    + " ORDER BY 1",
            "SELECT n.nspname, c.relname, p.polname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + SYSTEM + " ORDER BY 1, 2, 3",
            "SELECT rolname FROM pg_roles ORDER BY 1");

    /**
     * Every statement text sent as it is; the only others name a relation {@link #RESOLVE} returned:
     * {@code SELECT version_num FROM r ORDER BY 1}, {@code SELECT EXISTS (SELECT 1 FROM r)} and
     * {@code SELECT EXISTS (SELECT 1 FROM r WHERE c::text = $1 ...)}.
     */
    public static final List<String> CONSTANT_STATEMENTS = Stream.concat(
            Stream.of(BEGIN_SNAPSHOT, SET_STATEMENT_TIMEOUT, RESOLVE, START_LOCK_TIMEOUT, SET_LOCK_TIMEOUT, TABLE_SIZE),
            Arrays.stream(CATALOG.split(";\n"))).toList();

    /**
     * Reads the catalog and the version table ({@code versionTable} in {@code versionSchema}, or in
     * the search path when that is null) in one read-only snapshot.
     */
    @Override
    public Catalog snapshot(String versionSchema, String versionTable) throws DbError {
        try (Statement st = connection.createStatement()) {
            // first in the transaction, before any query: it waits on nothing, and the session's
            // statement_timeout was cut to the budget when it started
            st.execute(BEGIN_SNAPSHOT);
            beforeStatement("reading the catalog");
            List<List<String[]>> results = new ArrayList<>();
            boolean isResult = st.execute(CATALOG);
            while (true) {
                if (isResult) {
                    try (ResultSet rs = st.getResultSet()) {
                        results.add(Rows.read(rs));
                    }
                } else if (st.getUpdateCount() == -1) {
                    break;
                }
                isResult = st.getMoreResults();
            }
            String[] head = results.get(0).get(0);
            Catalog.VersionTable vt = versionTable(versionSchema, versionTable);
            Map<String, List<String>> labels = new HashMap<>();
            List<Catalog.Type> types = new ArrayList<>();
            for (String[] r : results.get(6)) {
                List<String> l = r[3] == null ? List.of() : List.of(r[3].split("\u001f", -1));
                types.add(new Catalog.Type(r[0], r[1], r[2].charAt(0), l));
                labels.put(r[0] + "." + r[1], l);
            }
            Catalog c = new Catalog(head[0], head[1], head[2] == null || head[2].isEmpty() ? List.of()
                    : List.of(head[2].split(",")), vt,
                    Rows.map(results.get(1), r -> r[0]),
                    Rows.map(results.get(2), r -> new Catalog.Relation(r[0], r[1], r[2].charAt(0))),
                    Rows.map(results.get(3), r -> new Catalog.Column(r[0], r[1], r[2], r[3], r[4], "t".equals(r[5]), r[6])),
                    Rows.map(results.get(4), r -> new Catalog.Index(r[0], r[1], r[2], "t".equals(r[3]),
                            r[4] == null ? null : List.of(r[4].split("\u001f", -1)))),
                    Rows.map(results.get(5), r -> new Catalog.Constraint(r[0], r[1], r[2], r[3].charAt(0))),
                    List.copyOf(types),
                    Rows.map(results.get(7), r -> new Catalog.Routine(r[0], r[1], r[2] == null ? 'f' : r[2].charAt(0))),
                    Rows.map(results.get(8), r -> new Catalog.Trigger(r[0], r[1], r[2])),
                    Rows.map(results.get(9), r -> new Catalog.Extension(r[0], r[1], r[2])),
                    Rows.map(results.get(10), r -> new Catalog.Policy(r[0], r[1], r[2])),
                    Rows.map(results.get(11), r -> r[0]));
            return c;
        } catch (SQLException e) {
            deadline.afterFailure("reading the catalog");
            throw new DbError("reading the catalog of " + url.masked() + " failed: "
                    + url.mask(Rows.firstLine(e.getMessage())));
        }
    }

    private Catalog.VersionTable versionTable(String schema, String table) throws SQLException {
        Resolved r = resolve(schema, table, List.of(), "looking up the version table");
        List<String> rows = new ArrayList<>();
        if (r != null) {
            beforeStatement("reading the version table");
            try (PreparedStatement st = connection.prepareStatement("SELECT version_num FROM " + r.relation()
                    + " ORDER BY 1"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return new Catalog.VersionTable(schema, table, r == null ? null : r.relation(), List.copyOf(rows));
    }

    /**
     * A relation and column names as the server quotes them: {@code relation} is {@code to_regclass}'s
     * text (schema-qualified when the search path would not find it), {@code columns} are
     * {@code quote_ident}'s, in the order asked.
     */
    private record Resolved(String relation, List<String> columns) {
    }

    /** Looks {@code schema.table} (the search path when {@code schema} is null) up by bind parameters; null when absent. */
    private Resolved resolve(String schema, String table, List<String> columns, String doing) throws SQLException {
        beforeStatement(doing);
        try (PreparedStatement st = connection.prepareStatement(RESOLVE)) {
            st.setString(1, schema);
            st.setString(2, table);
            st.setArray(3, connection.createArrayOf("text", columns.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return null;
                }
                String[] quoted = (String[]) rs.getArray(2).getArray();
                return new Resolved(rs.getString(1), List.of(quoted));
            }
        }
    }

    /**
     * Whether {@code schema.table} holds any row (a read-only {@code SELECT EXISTS}); null when it
     * cannot be told (no such table, no privilege, a statement timeout).
     *
     * @throws DeadlineExceeded when the run's deadline passes
     */
    @Override
    public Boolean hasRows(String schema, String table) {
        return exists(schema, table, Map.of(), "checking whether " + (schema == null ? "" : schema + ".") + table
                + " holds rows");
    }

    /**
     * Whether {@code schema.table} holds a row whose columns equal the given values, compared as text
     * (a read-only {@code SELECT EXISTS}, values bound as parameters; a null value matches SQL NULL
     * never); null when it cannot be told.
     *
     * @throws DeadlineExceeded when the run's deadline passes
     */
    @Override
    public Boolean hasRow(String schema, String table, Map<String, String> values) {
        return exists(schema, table, values, "checking for a row of " + (schema == null ? "" : schema + ".") + table);
    }

    /** {@code SELECT EXISTS} of a row of {@code schema.table} whose columns equal {@code values} (any row: none given). */
    private Boolean exists(String schema, String table, Map<String, String> values, String doing) {
        List<String> names = new ArrayList<>(values.keySet());
        try {
            Resolved r = resolve(schema, table, names, doing);
            if (r == null) {
                return null;
            }
            StringBuilder sql = new StringBuilder("SELECT EXISTS (SELECT 1 FROM ").append(r.relation());
            for (int i = 0; i < r.columns().size(); i++) {
                sql.append(i == 0 ? " WHERE " : " AND ").append(r.columns().get(i)).append("::text = ?");
            }
            sql.append(')');
            beforeStatement(doing);
            try (PreparedStatement st = Rows.prepare(connection, sql.toString(), names.stream().map(values::get).toList());
                    ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        } catch (SQLException e) {
            unknownAfter(doing);
            return null;
        }
    }

    @Override
    public StartSetting startLockTimeout() {
        return startLockTimeout;
    }

    /**
     * The size of {@code schema.table} with its partitions or inheritance children (a read of the catalog and of
     * each relation's size, which waits for no more than plan's lock_timeout); null when there is no such table or
     * it cannot be told.
     *
     * @throws DeadlineExceeded when the run's deadline passes
     */
    @Override
    public TableSize tableSize(String schema, String table) {
        String doing = "reading the size of " + (schema == null ? "" : schema + ".") + table;
        try {
            beforeStatement(doing);
            try (PreparedStatement st = connection.prepareStatement(TABLE_SIZE)) {
                st.setString(1, schema);
                st.setString(2, table);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next() || rs.getLong(5) == 0 || rs.getString(1) == null) {
                        return null;
                    }
                    boolean unanalyzed = rs.getBoolean(4);
                    return new TableSize(rs.getString(1), rs.getLong(2), unanalyzed ? null : Math.round(rs.getDouble(3)));
                }
            }
        } catch (SQLException e) {
            unknownAfter(doing);
            return null;
        }
    }

    /** A probe failed: the run stops when the deadline did it, else the transaction starts over. */
    private void unknownAfter(String doing) {
        deadline.afterFailure(doing);
        try {
            // the failed statement aborted the read-only transaction; later reads need a new one
            connection.rollback();
        } catch (SQLException ignored) {
            // the session is gone: later reads fail the same way and say so
        }
    }



    @Override
    public void close() {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken session: nothing left to release
        }
    }
}
