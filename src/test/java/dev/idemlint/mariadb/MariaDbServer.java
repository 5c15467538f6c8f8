package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.fail;

import dev.idemlint.pg.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The MariaDB server the mariadb-tagged tests use, as described by {@code IDEMLINT_MARIADB_HOST},
 * {@code IDEMLINT_MARIADB_PORT} and {@code IDEMLINT_MARIADB_USER} (set by {@code scripts/test} from
 * {@code scripts/mariadb-up}). Tests only ever create and drop their own uniquely named databases on it.
 */
public record MariaDbServer(String host, int port, String user) {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(90);
    /** Set by {@code scripts/test}: the mariadb-tagged tests must run, a missing server fails them. */
    static final String REQUIRED_ENV = "IDEMLINT_MARIADB_REQUIRED";
    private static Probe probe;

    /** The server named by the environment, if the environment names one. */
    public static Optional<MariaDbServer> fromEnv() {
        String port = System.getenv("IDEMLINT_MARIADB_PORT");
        if (port == null || port.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new MariaDbServer(System.getenv().getOrDefault("IDEMLINT_MARIADB_HOST", "127.0.0.1"),
                Integer.parseInt(port.trim()), System.getenv().getOrDefault("IDEMLINT_MARIADB_USER", "root")));
    }

    /**
     * The server, or the end of the calling test (call it from {@code @BeforeEach}): when {@code scripts/test}
     * runs the suite ({@code IDEMLINT_MARIADB_REQUIRED=1}) or under {@code CI=true} a missing server is a
     * failure, elsewhere the test is skipped.
     */
    public static MariaDbServer require() {
        Probe p = probed();
        if (p.problem() != null) {
            if (mustRun(System.getenv())) {
                fail("mariadb-tagged tests need a server when scripts/test or CI runs them: " + p.problem());
            }
            Assumptions.abort("skipping mariadb-tagged test: " + p.problem());
        }
        return p.server();
    }

    static boolean mustRun(Map<String, String> env) {
        return "1".equals(env.get(REQUIRED_ENV)) || "true".equalsIgnoreCase(env.get("CI"));
    }

    private record Probe(MariaDbServer server, String problem) {
    }

    private static synchronized Probe probed() {
        if (probe == null) {
            Optional<MariaDbServer> server = fromEnv();
            String problem = server.isEmpty()
                    ? "IDEMLINT_MARIADB_PORT is not set; run the mariadb tests through scripts/test"
                    : server.get().exec(null, "SELECT 1").ok() ? null
                    : "no MariaDB answers at " + server.get().host() + ":" + server.get().port();
            probe = new Probe(server.orElse(null), problem);
        }
        return probe;
    }

    /** Runs a script through the {@code mariadb} client, stopping at the first error; errors are outcomes. */
    public Outcome exec(String database, String sql) {
        List<String> cmd = new java.util.ArrayList<>(List.of("mariadb", "--no-defaults", "--batch",
                "--connect-timeout=10", "-h", host, "-P", Integer.toString(port), "-u", user));
        if (database != null) {
            cmd.add(database);
        }
        return Outcome.of(ProcessRunner.run(cmd, Map.of(), sql, CLIENT_TIMEOUT));
    }

    /** A new empty database, dropped on close. */
    public TempDatabase createDatabase() {
        String name = "idemlint_facts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Outcome created = exec(null, "CREATE DATABASE " + name);
        if (!created.ok()) {
            fail("cannot create database " + name + ": " + created);
        }
        return new TempDatabase(this, name);
    }

    /** A database made for one test and dropped after it. */
    public record TempDatabase(MariaDbServer server, String name) implements AutoCloseable {
        public Outcome exec(String sql) {
            return server.exec(name, sql);
        }

        /**
         * Runs {@code revision}'s {@code upgrade()} on this database with real Alembic (Debian's python3 and
         * {@code src/test/resources/mariadb/run_upgrade.py}), {@code modules} on PYTHONPATH when not null (Alembic
         * imports a project's modules from its folder): what it printed, stripped, {@code ok} when it ran.
         */
        public String upgrade(Path revision, Path modules) {
            String url = "mysql+pymysql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + name;
            Path script = Path.of(System.getProperty("idemlint.root", "."))
                    .resolve("src/test/resources/mariadb/run_upgrade.py");
            ProcessRunner.Result r = ProcessRunner.run(List.of("/usr/bin/python3", script.toString(), url,
                    revision.toString()), modules == null ? Map.of() : Map.of("PYTHONPATH", modules.toString()), null,
                    Duration.ofSeconds(120));
            return r.stdout().strip() + r.stderr().strip();
        }

        @Override
        public void close() {
            server.exec(null, "DROP DATABASE IF EXISTS " + name);
        }
    }

    /** What one script did: success, or the first error's number, SQLSTATE and message. */
    public record Outcome(boolean ok, int errno, String sqlstate, String message, String stdout) {
        // ERROR 1060 (42S21) at line 1: Duplicate column name 'c'
        private static final Pattern ERROR = Pattern.compile("(?m)^ERROR (\\d+) \\(([0-9A-Z]{5})\\)[^:]*:\\s*(.*)$");

        static Outcome of(ProcessRunner.Result r) {
            Matcher m = ERROR.matcher(r.stderr());
            if (m.find()) {
                return new Outcome(false, Integer.parseInt(m.group(1)), m.group(2), m.group(3).strip(), r.stdout());
            }
            return r.succeeded() ? new Outcome(true, 0, null, null, r.stdout())
                    : new Outcome(false, 0, null, r.describe(), r.stdout());
        }

        @Override
        public String toString() {
            return ok ? "ok" : "ERROR " + errno + " (" + sqlstate + "): " + message;
        }
    }
}
