package dev.idemlint.db;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL, MySQL or MariaDB connection URL as users write it: libpq's {@code postgresql://} or
 * {@code postgres://}, SQLAlchemy's {@code postgresql+psycopg2://}, {@code +psycopg://}, {@code +asyncpg://},
 * {@code +pg8000://}, and {@code mysql://}, {@code mysql+pymysql://}, {@code mysql+mysqldb://},
 * {@code mariadb://}, {@code mariadb+pymysql://} and their kin (the driver part says nothing to us).
 * On PostgreSQL {@code password} comes from the URL, else {@code PGPASSWORD}, else the password file
 * ({@code PGPASSFILE}, default {@code ~/.pgpass}); on MySQL and MariaDB from the URL, else
 * {@code MYSQL_PWD}, as the mysql client reads it. It is never part of {@link #masked()} or
 * {@link #toString()}. {@code params} are the query parameters (sslmode and friends), passed on to the driver.
 */
public final class DbUrl {
    private static final List<String> SCHEMES = List.of("postgresql", "postgres", "postgresql+psycopg2",
            "postgresql+psycopg", "postgresql+psycopg2cffi", "postgresql+asyncpg", "postgresql+pg8000",
            "jdbc:postgresql");
    /** SQLAlchemy's MySQL and MariaDB backends with the drivers it ships dialects for. */
    private static final List<String> MYSQL_SCHEMES = List.of("mysql", "mysql+pymysql", "mysql+mysqldb",
            "mysql+mysqlconnector", "mysql+mariadbconnector", "mysql+asyncmy", "mysql+aiomysql", "mysql+cymysql",
            "mariadb", "mariadb+pymysql", "mariadb+mysqldb", "mariadb+mariadbconnector", "mariadb+mysqlconnector",
            "mariadb+asyncmy", "mariadb+aiomysql", "jdbc:mysql", "jdbc:mariadb");

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final String passwordSource;
    private final Map<String, String> params;
    private final String masked;
    private final boolean mysql;

    private DbUrl(String host, int port, String database, String user, String password, String passwordSource,
            Map<String, String> params, String masked, boolean mysql) {
        this.mysql = mysql;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.passwordSource = passwordSource;
        this.params = Map.copyOf(params);
        this.masked = masked;
    }

    /** Thrown for a URL that is not a PostgreSQL URL we can use; the message never holds the password. */
    public static final class BadUrl extends Exception {
        BadUrl(String message) {
            super(message);
        }
    }

    /**
     * SQLAlchemy's {@code user[:password]@} (its {@code _parse_url} pattern, which {@code make_url} applies
     * from the start): a user without ':' or '/', a password without '@'.
     */
    private static final Pattern USER_INFO = Pattern.compile("([^:/]*)(?::([^@]*))?@");

    /** Parses {@code url}; {@code env} stands for the process environment, {@code home} for the user's home. */
    public static DbUrl parse(String url, Map<String, String> env, Path home) throws BadUrl {
        String text = url.trim();
        int sep = text.indexOf("://");
        if (sep < 0) {
            throw new BadUrl("not a URL (expected postgresql://user:password@host:port/database)");
        }
        String scheme = text.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!scheme.matches("(jdbc:)?[a-z][a-z0-9+.-]*")) {
            // not shown: text before a "://" that is no scheme can be a password
            throw new BadUrl("not a URL (expected postgresql://user:password@host:port/database)");
        }
        boolean mysql = MYSQL_SCHEMES.contains(scheme);
        if (!SCHEMES.contains(scheme) && !mysql) {
            throw new BadUrl("unsupported URL scheme '" + scheme + "': idemlint plan reads PostgreSQL ("
                    + "postgresql://, postgres://, postgresql+psycopg2://, +psycopg://, +asyncpg://, +pg8000://)"
                    + " and MySQL or MariaDB (mysql://, mysql+pymysql://, mysql+mysqldb://, mariadb://, mariadb+pymysql://)");
        }
        String rest = text.substring(sep + 3);
        // SQLAlchemy's make_url reads `user[:password]@` first (USER_INFO), the user holding no ':' or
        // '/' and the password anything but '@', so a raw '/', '?', '#' or ':' stays in the password and
        // the first '@' after it ends it (libpq ends it there too).
        String userInfo = null;
        Matcher info = USER_INFO.matcher(rest);
        if (info.lookingAt()) {
            userInfo = rest.substring(0, info.end() - 1);
            rest = rest.substring(info.end());
            if (info.group(2) != null && rest.indexOf('@') >= 0) {
                // most likely a raw '@' in the password, whose rest SQLAlchemy would read as the host,
                // the database or a parameter: not shown, not resolved, as it is a piece of the password
                throw new BadUrl("a raw '@' follows the password, which SQLAlchemy ends at the first '@' and"
                        + " reads the rest as host, database or parameters: write '@' in a password as %40");
            }
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String kv : query.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            params.put(decode(eq >= 0 ? kv.substring(0, eq) : kv), eq >= 0 ? decode(kv.substring(eq + 1)) : "");
        }
        String host = rest;
        int port = mysql ? 3306 : 5432;
        if (host.contains("@")) {
            throw new BadUrl("the host name holds an '@' (write '@' in a user name or password as %40)");
        }
        if (host.contains(",")) {
            throw new BadUrl("several hosts in one URL are not supported: name the primary");
        }
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new BadUrl("an IPv6 host opened with '[' has no ']'");
            }
            String after = host.substring(close + 1);
            host = host.substring(1, close);
            if (after.startsWith(":") && after.length() > 1) {
                port = parsePort(after.substring(1));
            }
        } else if (host.contains(":")) {
            String portText = host.substring(host.indexOf(':') + 1);
            port = portText.isEmpty() ? port : parsePort(portText);
            host = host.substring(0, host.indexOf(':'));
        }
        host = decode(host);
        String hostFrom = "the URL's host";
        if (params.containsKey("host")) {
            host = params.remove("host");
            hostFrom = "the URL's host= parameter";
        }
        if (params.containsKey("port")) {
            port = parsePort(params.remove("port"));
        }
        if (params.containsKey("user")) {
            user = params.remove("user");
        }
        if (params.containsKey("password")) {
            password = params.remove("password");
        }
        String database = path.isEmpty() ? null : decode(path);
        if (params.containsKey("dbname")) {
            database = params.remove("dbname");
        }
        if (mysql) {
            return mysqlUrl(scheme, host.isEmpty() ? host : checkedHost(host, hostFrom, true), port, path, user, password, params, env);
        }
        if (host.isEmpty() && env.get("PGHOST") != null) {
            host = env.get("PGHOST");
            hostFrom = "PGHOST";
        }
        host = host.isEmpty() ? "localhost" : checkedHost(host, hostFrom, false);
        if (user == null || user.isEmpty()) {
            user = env.getOrDefault("PGUSER", System.getProperty("user.name"));
        }
        if (database == null || database.isEmpty()) {
            database = env.getOrDefault("PGDATABASE", user);
        }
        String source = "URL";
        if (password == null) {
            source = null;
            String fromEnv = env.get("PGPASSWORD");
            if (fromEnv != null) {
                password = fromEnv;
                source = "PGPASSWORD";
            } else {
                String file = env.get("PGPASSFILE");
                Path passFile = file != null ? Path.of(file) : home == null ? null : home.resolve(".pgpass");
                password = passFile == null ? null : fromPassFile(passFile, host, port, database, user);
                if (password != null) {
                    source = passFile.toString();
                }
            }
        }
        String masked = scheme + "://" + user + (password != null ? ":***" : "") + "@"
                + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database
                + (params.isEmpty() ? "" : "?" + joinParams(params));
        return new DbUrl(host, port, database, user, password, source, params, masked, false);
    }

    /**
     * The rest of a MySQL or MariaDB URL, read as SQLAlchemy's MySQL dialects read it: the database is the
     * path (Alembic needs one: its version table lives there), the host defaults to localhost, the user to
     * the login name (as the mysql client's), the password to {@code MYSQL_PWD}; PostgreSQL's variables
     * ({@code PGHOST}, {@code PGPASSWORD}, ~/.pgpass) mean nothing here.
     */
    private static DbUrl mysqlUrl(String scheme, String host, int port, String path, String user, String password,
            Map<String, String> params, Map<String, String> env) throws BadUrl {
        if (host.isEmpty()) {
            host = "localhost";
        }
        String database = path.isEmpty() ? null : decode(path);
        if (params.containsKey("database")) {
            database = params.remove("database");
        }
        if (database == null || database.isEmpty()) {
            throw new BadUrl("the URL names no database (" + scheme + "://user@host:port/DATABASE): Alembic's"
                    + " version table and the schema plan reads live in one");
        }
        if (user == null || user.isEmpty()) {
            user = System.getProperty("user.name");
        }
        String source = password == null ? null : "URL";
        if (password == null && env.get("MYSQL_PWD") != null) {
            password = env.get("MYSQL_PWD");
            source = "MYSQL_PWD";
        }
        String masked = scheme + "://" + user + (password != null ? ":***" : "") + "@"
                + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database
                + (params.isEmpty() ? "" : "?" + joinParams(params));
        return new DbUrl(host, port, database, user, password, source, params, masked, true);
    }

    /** A DNS name or IPv4 address: dot-separated labels of letters, digits, '_' and inner '-'. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");
    /** An IPv6 literal (hex groups, '::', an embedded IPv4 tail) with an optional zone ({@code %eth0}). */
    private static final Pattern IPV6 = Pattern.compile(
            "[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:%[A-Za-z0-9_.-]+)?");

    /**
     * {@code host} when it is a host name, an IPv4 address or an IPv6 literal and nothing else. The host
     * is pasted into the driver's URL, where a '/', '?', '&amp;', '#' or ',' would start the database, the
     * driver's own parameters (which beat the properties plan sets: {@code socketFactory} loads a class,
     * {@code service} reads a service file's password, {@code options} changes the session) or a second
     * host. It is checked after percent-decoding, wherever it came from. Its text is not shown: in a
     * URL that was misread it can be a piece of the password.
     */
    static String checkedHost(String host, String from, boolean mysql) throws BadUrl {
        if (host.startsWith("/")) {
            throw new BadUrl(from + " is a Unix-domain socket" + (mysql ? "" : " directory")
                    + ", which plan does not use: give a TCP host (127.0.0.1, localhost or the server's name)");
        }
        if (host.length() <= 253 && (HOST_NAME.matcher(host).matches() || IPV6.matcher(host).matches())) {
            return host;
        }
        throw new BadUrl(from + " is not a host name, an IPv4 address or a bracketed IPv6 address (it holds"
                + " characters such as '/', '?', '&', '=', '%' or spaces that no host has)");
    }

    /** Whether the URL names a MySQL or MariaDB server (the server itself tells which). */
    public boolean mysqlFamily() {
        return mysql;
    }

    /**
     * The server the URL names, for its facts before a session opens: MySQL for every MySQL or MariaDB scheme (the
     * server itself tells which once connected), else PostgreSQL.
     */
    public Dialect dialect() {
        return mysql ? new Dialect(Dialect.Kind.MYSQL, Version.LATEST) : Dialect.POSTGRESQL;
    }

    private static String joinParams(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            boolean secret = e.getKey().toLowerCase(Locale.ROOT).contains("password");
            parts.add(e.getKey() + "=" + (secret ? "***" : e.getValue()));
        }
        return String.join("&", parts);
    }

    private static int parsePort(String s) throws BadUrl {
        try {
            int p = Integer.parseInt(s.trim());
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        // the value is not shown: in a URL without '@', "user:password" reads as "host:port"
        throw new BadUrl("the port is not a number from 1 to 65535");
    }

    /**
     * Python's {@code urllib.parse.unquote}, which SQLAlchemy applies to the user and password: each
     * {@code %XX} run decoded as UTF-8, a '%' not followed by two hex digits kept as it is, '+' kept.
     */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            while (i + 2 < s.length() && s.charAt(i) == '%' && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
            }
            if (bytes.size() > 0) {
                out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
                bytes.reset();
            }
            if (i < s.length()) {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /**
     * The password of the first matching line of a libpq password file
     * ({@code hostname:port:database:username:password}, {@code *} matching anything, {@code \:} and
     * {@code \\} escaped), or null.
     */
    static String fromPassFile(Path file, String host, int port, String database, String user) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else if (c == ':' && fields.size() < 4) {
                    fields.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            fields.add(cur.toString());
            if (fields.size() == 5 && matches(fields.get(0), host) && matches(fields.get(1), Integer.toString(port))
                    && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                return fields.get(4);
            }
        }
        return null;
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /**
     * Replaces the password of a URL-looking text ({@code scheme://user:secret@...}) by {@code ***}, to
     * the last '@' of the URL: a password written with a raw '@' (which SQLAlchemy ends at the first) is
     * masked whole.
     */
    public static String maskPassword(String text) {
        return text.replaceAll("(://[^:/@\\s]*:)\\S*@", "$1***@");
    }

    /** {@code text} with every occurrence of the password replaced by {@code ***}. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = maskPassword(text);
        return password == null || password.length() < 2 ? out : out.replace(password, "***");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** The password, for the driver only. */
    String password() {
        return password;
    }

    /** Where the password came from ("URL", "PGPASSWORD", a password file), or null when none was found. */
    public String passwordSource() {
        return passwordSource;
    }

    public Map<String, String> params() {
        return params;
    }

    /** The URL with the password as {@code ***}: what every message and report shows. */
    public String masked() {
        return masked;
    }

    @Override
    public String toString() {
        return masked;
    }
}
