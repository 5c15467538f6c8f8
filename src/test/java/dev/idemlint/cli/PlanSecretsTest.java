package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password never shows, whatever characters it holds and wherever the URL came from: each run below
 * fails to connect (nothing listens on port 1) or to parse, and no piece of the password may appear on
 * stdout or stderr, in text or JSON output. The error names where the URL came from.
 */
class PlanSecretsTest {
    /** Raw, each special character of a URL inside; the words between them are the pieces to look for. */
    private static final List<String> PASSWORDS = List.of("hunter2/zebra?quail#mango@kiwi7:lemon%pear",
            "5432/hunter2@zebra", "hunter2:zebra@@quail", "hunter2?sslmode=disable&zebra", "hunter2#zebra/quail@");

    @TempDir
    Path project;

    @AfterEach
    void restoreEnvironment() {
        PlanCommand.environment = null;
    }

    private static List<String> pieces(String password) {
        List<String> out = new ArrayList<>(List.of(password));
        for (String p : password.split("[/?#@:%&=]")) {
            if (p.length() >= 4) {
                out.add(p);
            }
        }
        return out;
    }

    private static String encoded(String password) {
        return URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void writeProject(String sqlalchemyUrl) throws IOException {
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = alembic\n"
                + (sqlalchemyUrl == null ? "" : "sqlalchemy.url = " + sqlalchemyUrl.replace("%", "%%") + "\n"));
        Path versions = Files.createDirectories(project.resolve("alembic/versions"));
        Files.writeString(versions.resolve("001_first.py"), "revision = \"001\"\ndown_revision = None\n\n\n"
                + "def upgrade():\n    pass\n");
    }

    private CliRun.Result plan(Map<String, String> env, String... args) {
        Map<String, String> e = new HashMap<>(env);
        e.put("PGCONNECT_TIMEOUT", "5");
        PlanCommand.environment = e;
        List<String> all = new ArrayList<>(List.of("plan"));
        all.addAll(List.of(args));
        all.add(project.toString());
        return CliRun.run(all.toArray(String[]::new));
    }

    private static void assertNoPiece(String password, CliRun.Result r) {
        for (String piece : pieces(password)) {
            assertFalse(r.out().contains(piece), "stdout shows '" + piece + "' of " + password + ": " + r.out());
            assertFalse(r.err().contains(piece), "stderr shows '" + piece + "' of " + password + ": " + r.err());
        }
    }

    @Test
    void no_piece_of_a_password_shows_from_any_source_in_any_format() throws IOException {
        for (String password : PASSWORDS) {
            for (String written : List.of(password, encoded(password))) {
                String url = "postgresql+psycopg2://app:" + written + "@127.0.0.1:1/shop";
                for (String format : List.of("text", "json")) {
                    writeProject(null);
                    CliRun.Result db = plan(Map.of(), "--format", format, "--db", url);
                    assertEquals(2, db.exit(), db.err());
                    // SQLAlchemy ends a password at its first raw '@' and reads the rest as the host: refused
                    if (written.contains("@")) {
                        assertTrue(db.err().contains("the database URL from --db: a raw '@' follows the password"),
                                db.err());
                    } else {
                        assertTrue(db.err().contains("(URL from --db)"), db.err());
                        assertTrue(db.err().contains("cannot connect to postgresql+psycopg2://app:***@127.0.0.1:1/shop"),
                                db.err());
                    }
                    assertNoPiece(password, db);

                    writeProject(url);
                    CliRun.Result ini = plan(Map.of(), "--format", format);
                    assertEquals(2, ini.exit(), ini.err());
                    assertTrue(written.contains("@") ? ini.err().contains("the database URL from sqlalchemy.url in ")
                            : ini.err().contains("(URL from sqlalchemy.url in ") && ini.err().contains("alembic.ini)"),
                            ini.err());
                    assertNoPiece(password, ini);

                    writeProject(null);
                    CliRun.Result env = plan(Map.of("DATABASE_URL", url), "--format", format);
                    assertEquals(2, env.exit(), env.err());
                    assertTrue(env.err().contains(written.contains("@") ? "the database URL from DATABASE_URL: a raw '@'"
                            : "(URL from DATABASE_URL)"), env.err());
                    assertNoPiece(password, env);
                }
            }
        }
    }

    @Test
    void a_url_that_cannot_be_read_names_its_source_and_no_piece_of_the_password() throws IOException {
        writeProject(null);
        // no '@': "app:hunter2zebra" reads as host and port, as SQLAlchemy and libpq read it
        CliRun.Result port = plan(Map.of(), "--db", "postgresql://app:hunter2zebra/shop");
        assertEquals(2, port.exit());
        assertTrue(port.err().contains("the database URL from --db: the port is not a number"), port.err());
        assertNoPiece("hunter2zebra", port);
        CliRun.Result scheme = plan(Map.of("DATABASE_URL", "app:hunter2zebra://x@h/d"));
        assertEquals(2, scheme.exit());
        assertTrue(scheme.err().contains("the database URL from DATABASE_URL: not a URL"), scheme.err());
        assertNoPiece("hunter2zebra", scheme);
        writeProject("mssql+pyodbc://app:hunter2zebra@h/d");
        CliRun.Result other = plan(Map.of());
        assertEquals(2, other.exit());
        assertTrue(other.err().contains("alembic.ini: unsupported URL scheme 'mssql+pyodbc'"), other.err());
        assertNoPiece("hunter2zebra", other);
    }

    @Test
    void database_url_wins_over_alembic_ini_and_db_wins_over_both() throws IOException {
        // nothing listens on ports 1, 2 and 3: the database each run tried shows in its connection error
        writeProject("postgresql://app@127.0.0.1:1/ini_db");
        CliRun.Result ini = plan(Map.of());
        assertEquals(2, ini.exit(), ini.err());
        assertTrue(ini.err().contains("127.0.0.1:1/ini_db") && ini.err().contains("(URL from sqlalchemy.url in "),
                ini.err());
        for (String format : List.of("text", "json")) {
            CliRun.Result env = plan(Map.of("DATABASE_URL", "postgresql://app@127.0.0.1:2/env_db"), "--format", format);
            assertEquals(2, env.exit(), env.err());
            assertTrue(env.err().contains("127.0.0.1:2/env_db") && env.err().contains("(URL from DATABASE_URL)"),
                    env.err());
            assertFalse(env.err().contains("ini_db") || env.out().contains("ini_db"), env.err() + env.out());
            CliRun.Result db = plan(Map.of("DATABASE_URL", "postgresql://app@127.0.0.1:2/env_db"), "--format", format,
                    "--db", "postgresql://app@127.0.0.1:3/flag_db");
            assertEquals(2, db.exit(), db.err());
            assertTrue(db.err().contains("127.0.0.1:3/flag_db") && db.err().contains("(URL from --db)"), db.err());
            assertFalse(db.err().contains("env_db") || db.err().contains("ini_db"), db.err());
        }
        // a blank DATABASE_URL is no URL: alembic.ini's is used
        CliRun.Result blank = plan(Map.of("DATABASE_URL", " "));
        assertEquals(2, blank.exit(), blank.err());
        assertTrue(blank.err().contains("(URL from sqlalchemy.url in "), blank.err());
    }

    @Test
    void the_environments_password_goes_with_database_url_even_when_alembic_ini_names_a_database(@TempDir Path home)
            throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // alembic.ini names a database nobody listens for; DATABASE_URL the server: the operator's URL is used
            writeProject("postgresql://app@127.0.0.1:1/ini_db");
            CompletableFuture<String> sent = askingForPassword(server);
            CliRun.Result r = plan(Map.of("PGPASSWORD", "hunter2zebra", "DATABASE_URL", "postgresql://app@127.0.0.1:"
                    + server.getLocalPort() + "/shop"));
            assertEquals(2, r.exit(), r.err());
            assertEquals("hunter2zebra", sent.get(30, TimeUnit.SECONDS), r.err());
            assertFalse(r.err().contains("none is taken for it"), r.err());
            assertNoPiece("hunter2zebra", r);
        }
    }

    /** The password a client sent to a server asking for it in clear, or "" when it sent none. */
    private static CompletableFuture<String> askingForPassword(ServerSocket server) {
        return FakePostgres.recording(server, 60_000).thenApply(r -> r == null ? "" : r.password());
    }

    @Test
    void a_url_from_the_projects_alembic_ini_gets_no_password_from_the_environment(@TempDir Path home)
            throws Exception {
        Path passFile = home.resolve("pgpass");
        Files.writeString(passFile, "*:*:*:*:filezebra\n");
        for (Map<String, String> env : List.of(Map.of("PGPASSWORD", "hunter2zebra"), Map.of("PGPASSFILE",
                passFile.toString()))) {
            String secret = env.containsKey("PGPASSWORD") ? "hunter2zebra" : "filezebra";
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                String url = "postgresql://app@127.0.0.1:" + server.getLocalPort() + "/shop";
                // the operator's URL: the environment's password goes, as libpq sends it (the server can see it)
                writeProject(null);
                CompletableFuture<String> sent = askingForPassword(server);
                CliRun.Result db = plan(env, "--db", url);
                assertEquals(2, db.exit(), db.err());
                assertEquals(secret, sent.get(30, TimeUnit.SECONDS), db.err());
                // the same URL from alembic.ini: nothing goes, and the run says why
                writeProject(url);
                sent = askingForPassword(server);
                CliRun.Result ini = plan(env);
                assertEquals(2, ini.exit(), ini.err());
                assertEquals("", sent.get(30, TimeUnit.SECONDS), ini.err());
                assertTrue(ini.err().contains("none is taken for it from PGPASSWORD, the password file or MYSQL_PWD,"
                        + " since a pull request can change alembic.ini"), ini.err());
                assertNoPiece(secret, ini);
            }
        }
    }
}
