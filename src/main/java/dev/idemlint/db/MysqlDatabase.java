package dev.idemlint.db;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.Settings;
import dev.idemlint.discovery.Version;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only session on a live MySQL or MariaDB server, through MariaDB Connector/J (which speaks to
 * both). The session is {@code READ ONLY} with bounded waits ({@code max_statement_time} on MariaDB,
 * {@code max_execution_time} on MySQL, {@code lock_wait_timeout} and {@code innodb_lock_wait_timeout}),
 * and reads inside one {@code START TRANSACTION READ ONLY} that it rolls back: it never writes, not even
 * to the version table. Every message it gives is masked.
 *
 * <p>The catalog comes from {@code information_schema}, mapped onto {@link Catalog}'s PostgreSQL letters:
 * a database is a schema, {@code BASE TABLE} is {@code r}, {@code VIEW} {@code v}, MariaDB's
 * {@code SEQUENCE} {@code S}; {@code PRIMARY KEY}, {@code UNIQUE}, {@code FOREIGN KEY} and {@code CHECK}
 * constraints are {@code p}, {@code u}, {@code f} and {@code c}. MySQL has no enum types, domains,
 * extensions, policies or roles to list; a column's type is {@code COLUMN_TYPE} as MySQL prints it.
 *
 * <p>No SQL it sends is built from input text. Statements are constants sent as server-side prepared
 * statements (the binary protocol: a bound value is never parsed as SQL, whatever {@code sql_mode} says);
 * names from a project (the version table, a table and its columns from a migration) are bind
 * parameters of {@code information_schema} lookups, and the few statements that name a table are built
 * from the names the server answered with, each quoted in backticks with any backtick doubled, the one
 * quoting MySQL and MariaDB read the same way in every {@code sql_mode}.
 */
public final class MysqlDatabase implements LiveSession {

    private static final String SYSTEM = "('mysql', 'information_schema', 'performance_schema', 'sys')";

    private static final String SERVER = "SELECT VERSION(), DATABASE()";
    private static final String READ_ONLY_SESSION = "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
    private static final String BEGIN_SNAPSHOT = "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";
    private static final String END = "ROLLBACK";
    /** MariaDB's statement limit, in seconds (fractions allowed); it bounds every statement. */
    private static final String MARIADB_STATEMENT_TIME = "SET SESSION max_statement_time = ?";
    /** MySQL's, in milliseconds; it bounds SELECT statements, the only ones sent after it. */
    private static final String MYSQL_STATEMENT_TIME = "SET SESSION max_execution_time = ?";
    /** Metadata locks (a table another session alters or locks), in seconds. */
    private static final String LOCK_WAIT = "SET SESSION lock_wait_timeout = ?";
    /** InnoDB row locks, in seconds (consistent reads take none; bounded all the same). */
    private static final String ROW_LOCK_WAIT = "SET SESSION innodb_lock_wait_timeout = ?";

    private static final String SCHEMAS = "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
            + " WHERE SCHEMA_NAME NOT IN " + SYSTEM + " ORDER BY 1";
    private static final String RELATIONS = "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA NOT IN " + SYSTEM + " ORDER BY 1, 2";
    private static final String COLUMNS = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, COLUMN_DEFAULT,"
            + " IS_NULLABLE, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA NOT IN " + SYSTEM
            + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION";
    private static final String INDEXES = "SELECT TABLE_SCHEMA, INDEX_NAME, TABLE_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART"
            + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA NOT IN " + SYSTEM
            + " ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    private static final String CONSTRAINTS = "SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE"
            + " FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA NOT IN " + SYSTEM + " ORDER BY 1, 2, 3";
    /**
     * Each foreign key's columns in order and the table they refer to: KEY_COLUMN_USAGE gives both on MySQL
     * and MariaDB (a REFERENCED_TABLE_NAME only on foreign key parts).
     */
    private static final String FOREIGN_KEYS = "SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME,"
            + " REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME FROM information_schema.KEY_COLUMN_USAGE"
            + " WHERE TABLE_SCHEMA NOT IN " + SYSTEM + " AND REFERENCED_TABLE_NAME IS NOT NULL"
            + " ORDER BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION";
    private static final String ROUTINES = "SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES"
            + " WHERE ROUTINE_SCHEMA NOT IN " + SYSTEM + " ORDER BY 1, 2";
    private static final String TRIGGERS = "SELECT TRIGGER_SCHEMA, EVENT_OBJECT_TABLE, TRIGGER_NAME"
            + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA NOT IN " + SYSTEM + " ORDER BY 1, 2, 3";
    /** A table by bound names ($1 database or null for the current one, $2 table); compared exactly in Java. */
    private static final String FIND_TABLE = "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?";
    /** A table's columns by bound names. */
    private static final String FIND_COLUMNS = "SELECT COLUMN_NAME FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";

    /**
     * Every statement text sent as it is; the only others name a table {@link #FIND_TABLE} returned:
     * {@code SELECT version_num FROM `d`.`t` ORDER BY 1}, {@code SELECT EXISTS (SELECT 1 FROM `d`.`t`)}
     * and {@code SELECT EXISTS (SELECT 1 FROM `d`.`t` WHERE `c` = ? ...)}.
     */
    public static final List<String> CONSTANT_STATEMENTS = List.of(SERVER, READ_ONLY_SESSION, BEGIN_SNAPSHOT, END,
            MARIADB_STATEMENT_TIME, MYSQL_STATEMENT_TIME, LOCK_WAIT, ROW_LOCK_WAIT, SCHEMAS, RELATIONS, COLUMNS,
            INDEXES, CONSTRAINTS, FOREIGN_KEYS, ROUTINES, TRIGGERS, FIND_TABLE, FIND_COLUMNS);

    /** URL parameters SQLAlchemy's MySQL drivers take that the session has no use for: left out silently. */
    private static final List<String> HARMLESS = List.of("charset", "use_unicode", "binary_prefix", "client_flag",
            "local_infile", "autocommit");

    private final Connection connection;
    private final DbUrl url;
    private final Dialect dialect;
    private final String serverVersion;
    private final String database;
    private final List<String> ignoredParams;
    private final LiveDatabase.Timeouts timeouts;
    private final Deadline deadline;
    /** The statement limit the session has now, in milliseconds. */
    private long statementLimit;

    private MysqlDatabase(Connection connection, DbUrl url, Dialect dialect, String serverVersion, String database,
            List<String> ignoredParams, LiveDatabase.Timeouts timeouts, Deadline deadline) {
        this.connection = connection;
        this.url = url;
        this.dialect = dialect;
        this.serverVersion = serverVersion;
        this.database = database;
        this.ignoredParams = List.copyOf(ignoredParams);
        this.timeouts = timeouts;
        this.deadline = deadline;
    }

    /** The driver's URL: a checked host, a port number and the database percent-encoded, no parameter. */
    static String jdbcUrl(DbUrl url) {
        return "jdbc:mariadb://" + (url.host().contains(":") ? "[" + url.host() + "]" : url.host()) + ":"
                + url.port() + "/" + URLEncoder.encode(url.database(), StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    /**
     * Connects read-only, within {@code budget} for the whole session (connection and every statement);
     * a failure is a {@link LiveDatabase.DbError} with a masked message.
     */
    public static MysqlDatabase open(DbUrl url, LiveDatabase.Timeouts timeouts, Duration budget)
            throws LiveDatabase.DbError {
        Deadline deadline = new Deadline(budget);
        long connectMillis = Math.max(1000, Math.min(timeouts.connectSeconds() * 1000L, budget.toMillis()));
        Properties props = new Properties();
        props.setProperty("user", url.user());
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        props.setProperty("connectTimeout", Long.toString(connectMillis));
        props.setProperty("socketTimeout", Long.toString(Math.min(timeouts.statementMillis() + 30_000L,
                budget.toMillis() + 1000)));
        // COM_STMT_PREPARE/EXECUTE: bound values travel in the binary protocol, never as SQL text
        props.setProperty("useServerPrepStmts", "true");
        props.setProperty("allowMultiQueries", "false");
        props.setProperty("allowLocalInfile", "false");
        props.setProperty("connectionAttributes", "program_name:idemlint plan");
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, String> e : url.params().entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue();
            switch (key) {
                case "ssl_ca" -> {
                    props.setProperty("serverSslCert", value);
                    props.putIfAbsent("sslMode", "verify-ca");
                }
                case "ssl_cert" -> props.setProperty("keyStore", value);
                case "ssl_mode", "sslmode" -> props.setProperty("sslMode", sslMode(value));
                case "ssl" -> props.setProperty("sslMode", Boolean.parseBoolean(value) || value.equals("1")
                        ? "trust" : "disable");
                case "ssl_verify_cert" -> {
                    if (Boolean.parseBoolean(value)) {
                        props.setProperty("sslMode", "verify-ca");
                    }
                }
                case "connect_timeout" -> {
                    if (value.matches("\\d{1,6}")) {
                        props.setProperty("connectTimeout", Long.toString(Math.min(connectMillis,
                                Long.parseLong(value) * 1000)));
                    }
                }
                default -> {
                    if (!HARMLESS.contains(key)) {
                        ignored.add(e.getKey());
                    }
                }
            }
        }
        String jdbc = jdbcUrl(url);
        Connection c = null;
        try {
            c = new org.mariadb.jdbc.Driver().connect(jdbc, props);
            if (c == null) {
                throw new LiveDatabase.DbError("the MariaDB driver did not accept " + url.masked());
            }
            String version;
            String current;
            try (PreparedStatement st = c.prepareStatement(SERVER); ResultSet rs = st.executeQuery()) {
                rs.next();
                version = rs.getString(1);
                current = rs.getString(2);
            }
            boolean mariadb = version != null && version.toLowerCase(Locale.ROOT).contains("mariadb");
            Dialect dialect = new Dialect(mariadb ? Dialect.Kind.MARIADB : Dialect.Kind.MYSQL,
                    majorMinor(version));
            MysqlDatabase db = new MysqlDatabase(c, url, dialect, version, current, ignored, timeouts, deadline);
            db.startSession();
            return db;
        } catch (SQLException e) {
            close(c);
            deadline.afterConnecting(url.masked());
            throw new LiveDatabase.DbError("cannot connect to " + url.masked() + ": " + url.mask(Rows.firstLine(e.getMessage()))
                    + hint(e, url));
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    /** The session's waits bounded and its transactions read-only, then the snapshot's transaction. */
    private void startSession() throws SQLException {
        statementLimit = Math.max(1, Math.min(timeouts.statementMillis(), deadline.remainingMillis()));
        setLimit(statementLimit);
        long lockSeconds = Math.max(1, (timeouts.lockMillis() + 999) / 1000);
        set(LOCK_WAIT, lockSeconds);
        set(ROW_LOCK_WAIT, lockSeconds);
        try (PreparedStatement st = connection.prepareStatement(READ_ONLY_SESSION)) {
            st.execute();
        }
        try (PreparedStatement st = connection.prepareStatement(BEGIN_SNAPSHOT)) {
            st.execute();
        }
    }

    private void setLimit(long millis) throws SQLException {
        if (dialect.isMariaDb()) {
            try (PreparedStatement st = connection.prepareStatement(MARIADB_STATEMENT_TIME)) {
                st.setBigDecimal(1, java.math.BigDecimal.valueOf(millis, 3));
                st.execute();
            }
        } else {
            set(MYSQL_STATEMENT_TIME, millis);
        }
    }

    private void set(String statement, long value) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(statement)) {
            st.setLong(1, value);
            st.execute();
        }
    }

    /** {@code 10.11.6-MariaDB-0+deb12u1} is 10.11, {@code 8.0.36} is 8.0. */
    private static Version majorMinor(String version) {
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version == null ? "" : version);
        return m.find() ? Version.parse(m.group(1) + "." + m.group(2)) : Version.LATEST;
    }

    private static String sslMode(String v) {
        return switch (v.toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "DISABLED", "DISABLE" -> "disable";
            case "VERIFY_CA" -> "verify-ca";
            case "VERIFY_IDENTITY", "VERIFY_FULL" -> "verify-full";
            default -> "trust";
        };
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // a connection that failed to start: nothing left to release
            }
        }
    }

    /**
     * Before a statement: stops the run when the deadline has passed, else cuts the statement's limit
     * (server side, and the socket read) to what is left.
     */
    private void beforeStatement(String doing) throws SQLException {
        long left = deadline.beforeStatement(doing);
        connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, left + 1000));
        if (left < statementLimit) {
            statementLimit = Math.max(1, left);
            setLimit(statementLimit);
        }
    }

    private static String hint(SQLException e, DbUrl url) {
        if (e.getErrorCode() == 1045 || "28000".equals(e.getSQLState())) {
            return url.passwordSource() == null ? " (no password was given: put it in the URL or MYSQL_PWD)"
                    : " (password from " + url.passwordSource() + ")";
        }
        return "";
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public Settings settingsFor(Settings project) {
        return project.withDialect(dialect);
    }

    @Override
    public List<String> ignoredParams() {
        return ignoredParams;
    }

    @Override
    public Catalog snapshot(String versionSchema, String versionTable) throws LiveDatabase.DbError {
        try {
            beforeStatement("reading the catalog");
            List<String> schemas = Rows.map(query(SCHEMAS), r -> r[0]);
            List<Catalog.Relation> relations = new ArrayList<>();
            for (String[] r : query(RELATIONS)) {
                char kind = switch (r[2] == null ? "" : r[2]) {
                    case "BASE TABLE", "SYSTEM VERSIONED" -> 'r';
                    case "VIEW" -> 'v';
                    case "SEQUENCE" -> 'S';
                    default -> 0;
                };
                if (kind != 0) {
                    relations.add(new Catalog.Relation(r[0], r[1], kind));
                }
            }
            beforeStatement("reading the catalog");
            List<Catalog.Column> columns = Rows.map(query(COLUMNS), r -> new Catalog.Column(r[0], r[1], r[2], r[3],
                    defaultOf(r[4], r[6]), "NO".equals(r[5])));
            beforeStatement("reading the catalog");
            List<Catalog.Index> indexes = indexes(query(INDEXES));
            beforeStatement("reading the catalog");
            List<Catalog.Constraint> constraints = new ArrayList<>();
            for (String[] r : query(CONSTRAINTS)) {
                char type = switch (r[3] == null ? "" : r[3]) {
                    case "PRIMARY KEY" -> 'p';
                    case "UNIQUE" -> 'u';
                    case "FOREIGN KEY" -> 'f';
                    case "CHECK" -> 'c';
                    default -> 0;
                };
                if (type != 0) {
                    constraints.add(new Catalog.Constraint(r[0], r[1], r[2], type));
                }
            }
            beforeStatement("reading the catalog");
            List<Catalog.ForeignKey> foreignKeys = foreignKeys(query(FOREIGN_KEYS));
            List<Catalog.Routine> routines = Rows.map(query(ROUTINES), r -> new Catalog.Routine(r[0], r[1],
                    "PROCEDURE".equals(r[2]) ? 'p' : 'f'));
            List<Catalog.Trigger> triggers = Rows.map(query(TRIGGERS), r -> new Catalog.Trigger(r[0], r[1], r[2]));
            Catalog.VersionTable vt = versionTable(versionSchema, versionTable);
            return new Catalog(serverVersion, database, database == null ? List.of() : List.of(database), vt, schemas,
                    List.copyOf(relations), columns, indexes, List.copyOf(constraints), List.of(), routines, triggers,
                    List.of(), List.of(), List.of(), foreignKeys);
        } catch (SQLException e) {
            deadline.afterFailure("reading the catalog");
            throw new LiveDatabase.DbError("reading the catalog of " + url.masked() + " failed: "
                    + url.mask(Rows.firstLine(e.getMessage())));
        }
    }

    /**
     * A column's default as the plan needs it: null when it has none (MariaDB prints a nullable column's
     * missing default as {@code NULL}, which is a default), {@code auto_increment} and {@code generated}
     * for columns that fill themselves.
     */
    private static String defaultOf(String columnDefault, String extra) {
        String x = extra == null ? "" : extra.toLowerCase(Locale.ROOT);
        if (x.contains("auto_increment")) {
            return "auto_increment";
        }
        if (x.contains("generated") || x.contains("virtual") || x.contains("stored") || x.contains("persistent")) {
            return "generated";
        }
        return columnDefault;
    }

    /** STATISTICS rows, one per key part, grouped into indexes; a prefix or expression part leaves the columns unknown. */
    private static List<Catalog.Index> indexes(List<String[]> rows) {
        List<Catalog.Index> out = new ArrayList<>();
        for (List<String[]> parts : grouped(rows, r -> List.of(r[0], r[2], r[1]))) {
            String[] first = parts.get(0);
            List<String> cols = new ArrayList<>();
            for (String[] p : parts) {
                if (p[4] == null || p[5] != null) {
                    cols = null;
                    break;
                }
                cols.add(p[4]);
            }
            out.add(new Catalog.Index(first[0], first[1], first[2], "0".equals(first[3]),
                    cols == null ? null : List.copyOf(cols)));
        }
        return List.copyOf(out);
    }

    /** KEY_COLUMN_USAGE rows, one per column of a foreign key in order, grouped into keys. */
    private static List<Catalog.ForeignKey> foreignKeys(List<String[]> rows) {
        List<Catalog.ForeignKey> out = new ArrayList<>();
        for (List<String[]> parts : grouped(rows, r -> List.of(r[0], r[1], r[2]))) {
            String[] first = parts.get(0);
            out.add(new Catalog.ForeignKey(first[0], first[1], first[2], parts.stream().map(p -> p[3]).toList(),
                    first[4], first[5]));
        }
        return List.copyOf(out);
    }

    /** {@code rows} grouped by {@code key}, the groups and their rows in the order read. */
    private static Collection<List<String[]>> grouped(List<String[]> rows, Function<String[], List<String>> key) {
        Map<List<String>, List<String[]>> out = new LinkedHashMap<>();
        for (String[] r : rows) {
            out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return out.values();
    }

    private Catalog.VersionTable versionTable(String schema, String table) throws SQLException {
        String[] found = find(schema, table, "looking up the version table");
        List<String> rows = new ArrayList<>();
        if (found != null) {
            beforeStatement("reading the version table");
            for (String[] r : query("SELECT version_num FROM " + quoted(found) + " ORDER BY 1")) {
                rows.add(r[0]);
            }
        }
        return new Catalog.VersionTable(schema, table, found == null ? null : found[0] + "." + found[1],
                List.copyOf(rows));
    }

    /** The database and name of a table as the server stores them, looked up by bound names; null when absent. */
    private String[] find(String schema, String table, String doing) throws SQLException {
        beforeStatement(doing);
        try (PreparedStatement st = connection.prepareStatement(FIND_TABLE)) {
            st.setString(1, schema);
            st.setString(2, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    // information_schema compares names case-insensitively where the file system does
                    if (rs.getString(2).equals(table)) {
                        return new String[] {rs.getString(1), rs.getString(2)};
                    }
                }
            }
        }
        return null;
    }

    /** A name the server answered with, in backticks: MySQL's one quoting in every sql_mode. */
    private static String ident(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String quoted(String[] table) {
        return ident(table[0]) + "." + ident(table[1]);
    }

    @Override
    public Boolean hasRows(String schema, String table) {
        String doing = "checking whether " + (schema == null ? "" : schema + ".") + table + " holds rows";
        try {
            String[] t = find(schema, table, doing);
            if (t == null) {
                return null;
            }
            beforeStatement(doing);
            List<String[]> r = query("SELECT EXISTS (SELECT 1 FROM " + quoted(t) + ")");
            return r.isEmpty() || r.get(0)[0] == null ? null : !"0".equals(r.get(0)[0]);
        } catch (SQLException e) {
            deadline.afterFailure(doing);
            return null;
        }
    }

    /**
     * Whether the table holds a row whose columns equal the values, compared by MySQL's own {@code =}
     * (the column's collation, so a case-insensitive key matches as the unique index would; numbers as
     * numbers); null when it cannot be told (no such table or column, no privilege, a time limit).
     */
    @Override
    public Boolean hasRow(String schema, String table, Map<String, String> values) {
        String doing = "checking for a row of " + (schema == null ? "" : schema + ".") + table;
        try {
            String[] t = find(schema, table, doing);
            if (t == null) {
                return null;
            }
            Map<String, String> stored = new HashMap<>();
            beforeStatement(doing);
            try (PreparedStatement st = connection.prepareStatement(FIND_COLUMNS)) {
                st.setString(1, t[0]);
                st.setString(2, t[1]);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        // column names are case-insensitive on both servers
                        stored.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(1));
                    }
                }
            }
            List<String> names = new ArrayList<>(values.keySet());
            StringBuilder sql = new StringBuilder("SELECT EXISTS (SELECT 1 FROM ").append(quoted(t)).append(" WHERE ");
            for (int i = 0; i < names.size(); i++) {
                String column = stored.get(names.get(i).toLowerCase(Locale.ROOT));
                if (column == null) {
                    return null;
                }
                sql.append(i == 0 ? "" : " AND ").append(ident(column)).append(" = ?");
            }
            sql.append(')');
            beforeStatement(doing);
            try (PreparedStatement st = Rows.prepare(connection, sql.toString(), names.stream().map(values::get).toList());
                    ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) != 0 : null;
            }
        } catch (SQLException e) {
            deadline.afterFailure(doing);
            return null;
        }
    }

    private List<String[]> query(String sql) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            return Rows.read(rs);
        }
    }


    @Override
    public void close() {
        try {
            try (PreparedStatement st = connection.prepareStatement(END)) {
                st.execute();
            }
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken session: nothing left to release
        }
    }
}
