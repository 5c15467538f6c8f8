package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the postgres-tagged tests use, as described by {@code IDEMLINT_PG_HOST},
 * {@code IDEMLINT_PG_PORT}, {@code IDEMLINT_PG_USER} and {@code IDEMLINT_PG_BIN} (set by {@code scripts/test}).
 * Tests only ever create and drop their own uniquely named databases on it.
 */
public record PgCluster(String host, int port, String user, Path bin) {

    private static final Duration PSQL_TIMEOUT = Duration.ofSeconds(90);
    private static Probe probe;

    /** The cluster named by the environment, if the environment names one. */
    public static Optional<PgCluster> fromEnv() {
        String port = System.getenv("IDEMLINT_PG_PORT");
        if (port == null || port.isBlank()) {
            return Optional.empty();
        }
        String host = System.getenv().getOrDefault("IDEMLINT_PG_HOST", "127.0.0.1");
        String user = System.getenv().getOrDefault("IDEMLINT_PG_USER", "postgres");
        String bin = System.getenv("IDEMLINT_PG_BIN");
        return Optional.of(new PgCluster(host, Integer.parseInt(port.trim()), user,
                bin == null || bin.isBlank() ? null : Path.of(bin)));
    }

    /** True when the environment names a cluster and it answers. */
    public static boolean available() {
        return fromEnv().map(PgCluster::reachable).orElse(false);
    }

    /** Set by {@code scripts/test}: the postgres-tagged tests must run, a missing cluster fails them. */
    static final String REQUIRED_ENV = "IDEMLINT_PG_REQUIRED";

    /**
     * The cluster, or the end of the calling test (call it from {@code @BeforeEach}, so that a skip is
     * counted per test): when {@code scripts/test} runs the suite ({@code IDEMLINT_PG_REQUIRED=1}) or under
     * {@code CI=true}, a missing cluster is a failure (the proof must not silently vanish); elsewhere, as in
     * a plain {@code mvn test} that includes the tag, the test is skipped.
     */
    public static PgCluster require() {
        Probe probe = probed();
        if (probe.problem() != null) {
            if (mustRun(System.getenv())) {
                fail("postgres-tagged tests need a cluster when scripts/test or CI runs them: " + probe.problem());
            }
            Assumptions.abort("skipping postgres-tagged test: " + probe.problem());
        }
        return probe.cluster();
    }

    /** Whether the environment says the postgres-tagged tests must run rather than skip. */
    static boolean mustRun(Map<String, String> env) {
        return "1".equals(env.get(REQUIRED_ENV)) || "true".equalsIgnoreCase(env.get("CI"));
    }

    private record Probe(PgCluster cluster, String problem) {
    }

    /** Probed once per JVM: a missing cluster should not cost a pg_isready timeout per test. */
    private static synchronized Probe probed() {
        if (probe == null) {
            Optional<PgCluster> cluster = fromEnv();
            String problem = cluster.isEmpty()
                    ? "IDEMLINT_PG_PORT is not set; run the postgres tests through scripts/test"
                    : cluster.get().reachable() ? null
                    : "no PostgreSQL answers at " + cluster.get().host() + ":" + cluster.get().port();
            probe = new Probe(cluster.orElse(null), problem);
        }
        return probe;
    }

    /** A server binary or client tool: from {@code IDEMLINT_PG_BIN} when given, else from PATH. */
    public String tool(String name) {
        if (bin != null && Files.isExecutable(bin.resolve(name))) {
            return bin.resolve(name).toString();
        }
        return name;
    }

    /** libpq URL of the maintenance database. */
    public String maintenanceUrl() {
        return "postgresql://" + user + "@" + host + ":" + port + "/postgres";
    }

    /** Environment for child processes that talk to this cluster. */
    public Map<String, String> childEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("IDEMLINT_PG_HOST", host);
        env.put("IDEMLINT_PG_PORT", Integer.toString(port));
        env.put("IDEMLINT_PG_USER", user);
        if (bin != null) {
            env.put("IDEMLINT_PG_BIN", bin.toString());
        }
        env.put("PGCONNECT_TIMEOUT", "10");
        // psql must not read a developer's ~/.psqlrc or pick a password file default
        env.put("PSQLRC", "/dev/null");
        return env;
    }

    boolean reachable() {
        try {
            return ProcessRunner.run(List.of(tool("pg_isready"), "-q", "-h", host, "-p", Integer.toString(port),
                    "-U", user, "-t", "5"), childEnv(), null, Duration.ofSeconds(20)).succeeded();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Runs SQL through psql on the given database; errors are outcomes, not exceptions. */
    public SqlOutcome psql(String database, String sql) {
        List<String> cmd = new ArrayList<>(List.of(tool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                // verbose error reports carry the SQLSTATE: "ERROR:  42P07: relation ... already exists"
                "-v", "VERBOSITY=verbose", "-h", host, "-p", Integer.toString(port), "-U", user,
                "-d", database, "-f", "-"));
        return SqlOutcome.of(ProcessRunner.run(cmd, childEnv(), sql, PSQL_TIMEOUT));
    }

    /** A new empty database, dropped on close. */
    public TempDatabase createDatabase() {
        String name = "idemlint_facts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        SqlOutcome created = psql("postgres", "CREATE DATABASE " + name + " TEMPLATE template0");
        if (!created.ok()) {
            fail("cannot create database " + name + ": " + created);
        }
        return new TempDatabase(this, name);
    }

    /** A database made for one test and dropped after it. */
    public record TempDatabase(PgCluster cluster, String name) implements AutoCloseable {
        public SqlOutcome exec(String sql) {
            return cluster.psql(name, sql);
        }

        @Override
        public void close() {
            cluster.psql("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
