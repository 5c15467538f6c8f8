package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.fix.ForkedCli;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real PostgreSQL driver sends for a URL a pull request wrote into alembic.ini, run in a JVM of its
 * own with a real environment: a password file at {@code ~/.pgpass} and at {@code PGPASSFILE}, a service file
 * at {@code PGSERVICEFILE}, which the driver reads by itself when left to. A fake server on 127.0.0.1 asks
 * for the password in clear and records the startup packet and whatever password arrives.
 */
class PlanDriverCredentialsTest {
    private static final String HOME_SECRET = "homezebra42";
    private static final String FILE_SECRET = "filequail42";
    private static final String SERVICE_SECRET = "servicemango42";

    @TempDir
    Path project;
    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void environment() throws IOException {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "*:*:*:*:" + HOME_SECRET + "\n");
        Path passFile = home.resolve("passfile");
        Files.writeString(passFile, "*:*:*:*:" + FILE_SECRET + "\n");
        Path serviceFile = home.resolve("services.conf");
        Files.writeString(serviceFile, "[svc]\nhost=127.0.0.1\nuser=deploy\npassword=" + SERVICE_SECRET + "\n");
        for (Path p : List.of(pgpass, passFile, serviceFile)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        // the JVM takes user.home from the password database, not HOME: the driver's ~/.pgpass is under it
        env.put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
        env.put("PGPASSFILE", passFile.toString());
        env.put("PGSERVICEFILE", serviceFile.toString());
        env.put("PGCONNECT_TIMEOUT", "5");
    }

    private void writeProject(String sqlalchemyUrl) throws IOException {
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = alembic\nsqlalchemy.url = "
                + sqlalchemyUrl.replace("%", "%%") + "\n");
        Path versions = Files.createDirectories(project.resolve("alembic/versions"));
        Files.writeString(versions.resolve("001_first.py"), "revision = \"001\"\ndown_revision = None\n\n\n"
                + "def upgrade():\n    pass\n");
    }

    private ForkedCli.Result plan(String... args) throws IOException, InterruptedException {
        List<String> all = new java.util.ArrayList<>(List.of("plan"));
        all.addAll(List.of(args));
        all.add(project.toString());
        return ForkedCli.run(project, env, List.of(), all.toArray(String[]::new));
    }

    private static void assertNoSecret(ForkedCli.Result r, FakePostgres.Received got) {
        for (String secret : List.of(HOME_SECRET, FILE_SECRET, SERVICE_SECRET)) {
            assertFalse(r.out().contains(secret) || r.err().contains(secret), r.out() + r.err());
            if (got != null) {
                assertFalse(got.password().contains(secret), "the server received " + secret + ": " + r.err());
                assertFalse(got.startup().toString().contains(secret), got.startup().toString());
            }
        }
    }

    @Test
    void a_url_from_alembic_ini_gets_no_password_the_driver_would_find_on_its_own() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            writeProject("postgresql://deploy@127.0.0.1:" + server.getLocalPort() + "/shop");
            CompletableFuture<FakePostgres.Received> sent = FakePostgres.recording(server, 60_000);
            ForkedCli.Result r = plan();
            FakePostgres.Received got = sent.get(90, TimeUnit.SECONDS);
            assertEquals(2, r.exit(), r.err());
            assertEquals("", got.password(), r.err());
            assertEquals("deploy", got.startup().get("user"));
            assertTrue(r.err().contains(": the server asks for a password and none was given (no password was given:"),
                    r.err());
            assertNoSecret(r, got);
        }
    }

    @Test
    void the_operators_url_gets_the_password_file_as_libpq_would_give_it() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            writeProject("postgresql://deploy@127.0.0.1:1/shop");
            CompletableFuture<FakePostgres.Received> sent = FakePostgres.recording(server, 60_000);
            ForkedCli.Result r = plan("--db", "postgresql://deploy@127.0.0.1:" + server.getLocalPort() + "/shop");
            assertEquals(2, r.exit(), r.err());
            assertEquals(FILE_SECRET, sent.get(90, TimeUnit.SECONDS).password(), r.err());
        }
    }

    @Test
    void a_host_that_smuggles_driver_parameters_is_refused_before_any_connection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            for (String url : List.of(
                    // the host= parameter, decoded, would end the host and add service=svc to the driver's URL
                    "postgresql://deploy@127.0.0.1:" + port + "/shop?host=127.0.0.1%3A" + port
                            + "%2Fshop%3Fservice%3Dsvc%26x%3D",
                    // the same in the authority, percent-encoded
                    "postgresql://deploy@127.0.0.1%3A" + port + "%2Fshop%3Fservice%3Dsvc%26x%3D:" + port + "/shop",
                    // a class named by the pull request
                    "postgresql://deploy@127.0.0.1:" + port + "/shop?host=127.0.0.1%2Fshop%3FsocketFactory%3D"
                            + "javax.net.ssl.SSLSocketFactory%26x%3D")) {
                writeProject(url);
                ForkedCli.Result r = plan();
                assertEquals(2, r.exit(), r.err());
                assertTrue(r.err().contains("is not a host name, an IPv4 address or a bracketed IPv6 address"), r.err());
                // a connection the run made would wait in the listen backlog
                FakePostgres.Received got = FakePostgres.recording(server, 500).get(90, TimeUnit.SECONDS);
                assertNull(got, "a connection reached the server: " + got);
                assertNoSecret(r, null);
            }
        }
    }

    @Test
    void url_options_reach_the_session_only_as_a_search_path() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String base = "postgresql://deploy@127.0.0.1:" + server.getLocalPort() + "/shop";
            writeProject(base + "?options=-c%20default_transaction_read_only%3Doff%20-c%20role%3Downer"
                    + "&application_name=pr&statement_timeout=0");
            CompletableFuture<FakePostgres.Received> sent = FakePostgres.recording(server, 60_000);
            ForkedCli.Result r = plan();
            FakePostgres.Received got = sent.get(90, TimeUnit.SECONDS);
            String options = got.startup().get("options");
            assertTrue(options.contains("default_transaction_read_only=on"), options);
            assertFalse(options.contains("=off") || options.contains("role"), options);
            assertEquals("idemlint plan", got.startup().get("application_name"));
            assertFalse(got.startup().containsKey("statement_timeout"), got.startup().toString());

            writeProject(base + "?options=-csearch_path%3Dother,public");
            sent = FakePostgres.recording(server, 60_000);
            r = plan();
            options = sent.get(90, TimeUnit.SECONDS).startup().get("options");
            assertTrue(options.startsWith("-c search_path=other,public -c default_transaction_read_only=on"), options);
        }
    }
}
