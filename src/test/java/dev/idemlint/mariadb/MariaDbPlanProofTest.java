package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import dev.idemlint.pg.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code idemlint plan --db mysql+pymysql://...} against a real MariaDB, checked against the real
 * {@code alembic upgrade head} (Debian's Alembic through PyMySQL): a chain left ahead of its stamp fails
 * where and with the error number plan says, and its "stamp X is safe" advice, followed stamp after
 * stamp, ends with nothing failing; a chain left half applied by a failed revision; the statements a
 * failing revision leaves applied (each DDL statement commits on its own); and the session only reads.
 */
@Tag("mariadb")
class MariaDbPlanProofTest {
    @TempDir
    Path dir;

    private static final Path PROJECT = Path.of(System.getProperty("idemlint.root", ".")).resolve(
            "src/test/resources/mariadb/plan");

    /** A chain of real shapes: CTFd's tables and unnamed foreign key, a dialect branch, magnum's renames, a guard. */
    private static final Path CHAIN = PROJECT.resolveSibling("plan2");

    private Path project() throws IOException {
        return project(PROJECT, "project");
    }

    private Path project(Path from, String name) throws IOException {
        Path p = dir.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = p.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return p;
    }

    private static String url(MariaDbServer server, TempDatabase db) {
        return "mysql+pymysql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + db.name();
    }

    /** The real Alembic: its exit and, when it failed, the server's error number. */
    private record Real(boolean ok, String errno, String output) {
    }

    private static Real alembic(Path project, String url, String... args) {
        // Alembic reads alembic.ini from the working directory: the shell enters the project first
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", "-c", "cd \"$0\" && exec \"$@\"", project.toString(),
                "/usr/bin/python3", "-m", "alembic"));
        cmd.addAll(List.of(args));
        ProcessRunner.Result r = ProcessRunner.run(cmd, Map.of("MP_URL", url), null, Duration.ofSeconds(120));
        Matcher m = Pattern.compile("Error\\) \\((\\d+),").matcher(r.stderr());
        return new Real(r.succeeded(), m.find() ? m.group(1) : null, r.stdout() + r.stderr());
    }

    private static CliRun.Result plan(Path project, String url, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("plan", "--db", url, "--format", "json"));
        args.addAll(List.of(extra));
        args.add(project.toString());
        return CliRun.run(args.toArray(String[]::new));
    }

    /** The first failing entry's revision and code, as "a2 1060", or "none". */
    private static String firstFailure(CliRun.Result plan) {
        Matcher m = Pattern.compile("\"revision\": \"([^\"]+)\",[^{}]*?\"status\": \"fails\",\\s*\"sqlstate\": \"(\\d+)\"",
                Pattern.DOTALL).matcher(plan.out());
        return m.find() ? m.group(1) + " " + m.group(2) : "none";
    }

    @Test
    void a_chain_ahead_of_its_stamp_fails_where_plan_says_and_its_stamp_advice_ends_the_failures() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path project = project();
        Files.delete(project.resolve("alembic/versions/a4_nick.py"));
        try (TempDatabase db = server.createDatabase()) {
            String url = url(server, db);
            assertTrue(alembic(project, url, "upgrade", "head").ok());
            assertTrue(alembic(project, url, "stamp", "a1").ok());
            String[] expected = {"a2 1060", "a3 1050"};
            for (String want : expected) {
                CliRun.Result p = plan(project, url);
                assertEquals(1, p.exit(), p.out() + p.err());
                assertEquals(want, firstFailure(p), p.out());
                assertTrue(p.out().contains("\"server\": \"MariaDB\""), p.out());
                String rev = want.split(" ")[0];
                assertTrue(p.out().contains("`alembic stamp " + rev + "` is safe"), p.out());
                Real real = alembic(project, url, "upgrade", "head");
                assertFalse(real.ok(), real.output());
                assertEquals(want.split(" ")[1], real.errno(), "Alembic fails as plan says: " + real.output());
                assertTrue(alembic(project, url, "stamp", rev).ok());
            }
            CliRun.Result done = plan(project, url);
            assertEquals(0, done.exit(), done.out() + done.err());
            assertTrue(alembic(project, url, "upgrade", "head").ok());
        }
    }

    /**
     * b2's {@code ADD COLUMN nick ... AFTER name} from a stamp at b1, once b3 dropped {@code name}: {@code nick} is
     * there too, but the server resolves AFTER's column first, so Alembic fails with 1054, not 1060.
     */
    @Test
    void an_add_column_placed_after_a_dropped_column_fails_on_the_placement_column() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path project = project(PROJECT.resolveSibling("after"), "after");
        try (TempDatabase db = server.createDatabase()) {
            String url = url(server, db);
            assertTrue(alembic(project, url, "upgrade", "head").ok());
            assertTrue(alembic(project, url, "stamp", "--purge", "b1").ok());
            CliRun.Result p = plan(project, url);
            assertEquals("b2 1054", firstFailure(p), p.out());
            assertTrue(p.out().contains("column players.name, which AFTER names, does not exist"), p.out());
            Real real = alembic(project, url, "upgrade", "head");
            assertFalse(real.ok(), real.output());
            assertEquals("1054", real.errno(), real.output());
        }
    }

    @Test
    void a_chain_left_half_applied_by_a_failed_revision_is_named_with_what_is_there() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path project = project();
        try (TempDatabase db = server.createDatabase()) {
            String url = url(server, db);
            assertTrue(alembic(project, url, "upgrade", "a1").ok());
            assertTrue(db.exec("INSERT INTO players VALUES (1, 'a'), (2, 'b'); UPDATE players SET name = 'x'").ok());
            // a2's unique index fails on the rows (1062) once its column was added and committed
            db.exec("ALTER TABLE players ADD COLUMN email varchar(120) DEFAULT 'same@example.org'");
            CliRun.Result p = plan(project, url);
            assertEquals("a2 1060", firstFailure(p), p.out());
            assertTrue(p.out().contains("Already there: column players.email; not there: index uq_players_email"), p.out());
            Real real = alembic(project, url, "upgrade", "head");
            assertEquals("1060", real.errno(), real.output());
        }
    }

    @Test
    void a_failing_revision_names_the_statements_that_stay_applied() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path project = project();
        try (TempDatabase db = server.createDatabase()) {
            String url = url(server, db);
            assertTrue(alembic(project, url, "upgrade", "a3").ok());
            CliRun.Result p = plan(project, url);
            assertEquals("a4 1050", firstFailure(p), p.out());
            assertTrue(p.out().contains("\"applied_lines\": [\n        14\n      ]")
                    || p.out().replaceAll("\\s", "").contains("\"applied_lines\":[14]"), p.out());
            assertTrue(p.out().contains("line 14 (`op.add_column(\\\"players\\\", sa.Column(\\\"nick\\\""), p.out());
            Real real = alembic(project, url, "upgrade", "head");
            assertEquals("1050", real.errno(), real.output());
            assertTrue(db.exec("SELECT nick FROM players").ok(), "line 14 stayed applied, as plan says");
            assertTrue(db.exec("SELECT 1 FROM alembic_version WHERE version_num = 'a3'").stdout().contains("1"));
        }
    }

    @Test
    void plan_only_reads_and_sends_no_sql_built_from_the_version_table_name() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path project = project();
        try (TempDatabase db = server.createDatabase()) {
            String url = url(server, db);
            assertTrue(alembic(project, url, "upgrade", "a2").ok());
            assertTrue(db.exec("CREATE TABLE victim (id int)").ok());
            String before = db.exec("SELECT version_num FROM alembic_version").stdout();
            assertTrue(server.exec(null, "SET GLOBAL log_output = 'TABLE'; SET GLOBAL general_log = 1").ok());
            CliRun.Result p;
            try {
                p = plan(project, url, "--version-table", "v`; DROP TABLE victim; -- '\"");
            } finally {
                server.exec(null, "SET GLOBAL general_log = 0");
            }
            assertTrue(p.out().contains("no v`; DROP TABLE victim"), p.out() + p.err());
            ProcessRunner.Result log = ProcessRunner.run(List.of("mariadb", "--no-defaults", "--batch", "-h",
                    server.host(), "-P", Integer.toString(server.port()), "-u", server.user(), "-e",
                    "SELECT command_type, argument FROM mysql.general_log WHERE thread_id IN (SELECT thread_id FROM"
                            + " mysql.general_log WHERE argument LIKE '%max_statement_time%')"), Map.of(), null,
                    Duration.ofSeconds(60));
            String statements = log.stdout();
            assertTrue(statements.contains("information_schema.TABLES"), statements);
            for (String line : statements.split("\n")) {
                // an Execute line is the server's rendering of a prepared statement with its bound values;
                // the SQL plan sends is what it prepares or queries
                if (line.startsWith("Execute")) {
                    continue;
                }
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                assertFalse(upper.matches(".*\\b(INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|REPLACE|GRANT|TRUNCATE|RENAME)\\b.*"),
                        "a write: " + line);
                assertFalse(line.contains("victim"), "SQL built from input: " + line);
                String text = line.substring(line.indexOf('\t') + 1);
                assertTrue(!line.startsWith("Prepare") || dev.idemlint.db.MysqlDatabase.CONSTANT_STATEMENTS.contains(text)
                        || text.startsWith("SELECT version_num FROM `") || text.startsWith("SELECT EXISTS (SELECT 1 FROM `"),
                        "not a constant statement: " + line);
            }
            server.exec(null, "TRUNCATE mysql.general_log");
            assertTrue(db.exec("SELECT * FROM victim").ok());
            assertEquals(before, db.exec("SELECT version_num FROM alembic_version").stdout());
        }
    }

    /** plan2's revisions in the order Alembic applies them. */
    private static final List<String> CHAIN_ORDER = List.of("c1", "c2", "c3", "c4", "c5", "c6");

    /** The revision alembic_version names ("" when it has no row). */
    private static String stamped(TempDatabase db) {
        String out = db.exec("SELECT version_num FROM alembic_version").stdout().strip();
        String last = out.substring(out.lastIndexOf('\n') + 1);
        return last.equals("version_num") ? "" : last;
    }

    /**
     * From the database as it stands: plan's first failure ("c3 1146", or "none") against what {@code alembic
     * upgrade head} really does (the failing revision is the one after the stamp it leaves). A failing revision is
     * then stamped, the way an operator takes plan's "stamp X" advice, and the walk goes on until the upgrade
     * succeeds. Returns the steps, "c3 1146" each, "c3 1146 stamp" where plan's advice for it is "`alembic stamp
     * c3` is safe" (or to run its pending parent first, then stamp it).
     */
    private static List<String> walk(Path project, String url, TempDatabase db, String from) {
        List<String> steps = new java.util.ArrayList<>();
        for (int i = 0; i <= CHAIN_ORDER.size(); i++) {
            CliRun.Result p = plan(project, url);
            String predicted = firstFailure(p);
            Real real = alembic(project, url, "upgrade", "head");
            if (real.ok()) {
                assertEquals("none", predicted, "from " + from + ", step " + i + ": Alembic succeeded\n" + p.out());
                assertEquals(0, p.exit(), p.out() + p.err());
                return steps;
            }
            String version = stamped(db);
            String failing = CHAIN_ORDER.get(version.isEmpty() ? 0 : CHAIN_ORDER.indexOf(version) + 1);
            String actual = failing + " " + real.errno();
            assertEquals(actual, predicted, "from " + from + ", step " + i + ": plan's first failure\n" + p.out()
                    + "\nAlembic:\n" + real.output());
            boolean stamp = p.out().contains("`alembic stamp " + failing + "` is safe")
                    || p.out().contains("still has to run: `alembic upgrade ") && p.out().contains(", then `alembic stamp "
                            + failing + "`, then");
            steps.add(actual + (stamp ? " stamp" : ""));
            assertTrue(alembic(project, url, "stamp", "--purge", failing).ok());
        }
        throw new AssertionError("from " + from + ": the walk did not end: " + steps);
    }

    /**
     * Every stamp point of a chain left ahead of its stamp: the schema of the head, alembic_version moved back to
     * each revision (and to none), then plan against the real upgrade at every step of the walk. The chain holds
     * a dialect branch ({@code if bind.engine.name == "mysql"}: raw SQL), a column rename followed by a table
     * rename (1146 on the missing table), CTFd's unnamed foreign key and a guarded revision that re-runs.
     */
    @Test
    void at_every_stamp_point_of_a_real_shaped_chain_plan_names_the_revision_and_error_alembic_fails_with() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path project = project(CHAIN, "chain");
        Map<String, List<String>> walks = new java.util.LinkedHashMap<>();
        List<String> stamps = new java.util.ArrayList<>(List.of("base"));
        stamps.addAll(CHAIN_ORDER.subList(0, CHAIN_ORDER.size() - 1));
        for (String stamp : stamps) {
            try (TempDatabase db = server.createDatabase()) {
                String url = url(server, db);
                assertTrue(alembic(project, url, "upgrade", "head").ok());
                assertTrue(alembic(project, url, "stamp", "--purge", stamp).ok());
                walks.put(stamp, walk(project, url, db, "stamp " + stamp));
            }
        }
        // what the real server did, as plan predicted it: c3's column rename meets the renamed table (1146) from
        // a stamp before it; from no stamp c1 is left half applied (teams made again) and c3's rename then fails
        // a stamp point left ahead of its stamp holds everything each revision makes, so stamping is right at
        // every step: c3's renames are found done (clubs.title, no teams), c4's unnamed foreign key by its
        // columns and referred table (MariaDB named it users_ibfk_1). From no stamp, c1's teams is gone (c3
        // renamed it), so plan does not vouch for stamping c1; and c3, which runs after a half-applied c1 made
        // teams again, meets an existing clubs (1050): that advice is not a stamp either
        assertEquals(List.of("c2 1060 stamp", "c3 1146 stamp", "c4 1050 stamp", "c6 1060 stamp"), walks.get("c1"));
        assertEquals(List.of("c3 1146 stamp", "c4 1050 stamp", "c6 1060 stamp"), walks.get("c2"));
        assertEquals(List.of("c4 1050 stamp", "c6 1060 stamp"), walks.get("c3"));
        assertEquals(List.of("c6 1060 stamp"), walks.get("c4"));
        assertEquals(List.of("c1 1050", "c2 1060 stamp", "c3 1050", "c4 1050 stamp", "c6 1060 stamp"), walks.get("base"));
        assertEquals(List.of("c6 1060 stamp"), walks.get("c5"), "the guarded c5 re-runs");
    }

    /**
     * c3 left half applied: its column rename committed, then its table rename failed on a table in the way
     * (1050). Once that table is gone, plan names c3 with 1054 (its column is renamed already) and says which
     * rename is done and which is not; doing the one left by hand and stamping c3, as the advice says, lets the
     * upgrade finish with the schema of a clean run.
     */
    @Test
    void a_rename_left_half_done_is_named_and_the_advice_finishes_it() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path project = project(CHAIN, "renames");
        try (TempDatabase db = server.createDatabase(); TempDatabase clean = server.createDatabase()) {
            String url = url(server, db);
            assertTrue(alembic(project, url, "upgrade", "c2").ok());
            assertTrue(db.exec("CREATE TABLE clubs (x int)").ok());
            Real first = alembic(project, url, "upgrade", "head");
            assertEquals("1050", first.errno(), first.output());
            assertTrue(db.exec("DROP TABLE clubs").ok());
            assertTrue(db.exec("SELECT title FROM teams").ok(), "c3's column rename stayed although c3 failed");

            CliRun.Result p = plan(project, url);
            assertEquals("c3 1054", firstFailure(p), p.out());
            assertTrue(p.out().contains("Already renamed: column teams.name to title; not renamed: table teams to clubs"),
                    p.out());
            assertFalse(p.out().contains("`alembic stamp c3` is safe"), p.out());
            Real real = alembic(project, url, "upgrade", "head");
            assertEquals("1054", real.errno(), real.output());

            assertTrue(db.exec("RENAME TABLE teams TO clubs").ok());
            CliRun.Result after = plan(project, url);
            assertEquals("c3 1146", firstFailure(after), after.out());
            assertTrue(after.out().contains("Every rename c3 makes is already done (column clubs.name to title, table"
                    + " teams to clubs)") && after.out().contains("`alembic stamp c3` is safe"), after.out());
            assertTrue(alembic(project, url, "stamp", "c3").ok());
            assertTrue(alembic(project, url, "upgrade", "head").ok());
            assertTrue(alembic(project, url(server, clean), "upgrade", "head").ok());
            assertEquals(schema(clean), schema(db));
        }
    }

    /**
     * The schema at the head with c4's unnamed foreign key dropped by hand, stamped at c3: plan does not find
     * the key (it looks for one on users(bracket_id) to brackets, whatever its name), so stamping c4 is not
     * safe; with the key made again under another name, it is.
     */
    @Test
    void an_unnamed_foreign_key_is_found_by_what_it_joins_not_by_its_name() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path project = project(CHAIN, "fk");
        try (TempDatabase db = server.createDatabase()) {
            String url = url(server, db);
            assertTrue(alembic(project, url, "upgrade", "head").ok());
            assertTrue(db.exec("SHOW CREATE TABLE users").stdout().contains("CONSTRAINT `users_ibfk_1` FOREIGN KEY"));
            assertTrue(db.exec("ALTER TABLE users DROP FOREIGN KEY users_ibfk_1").ok());
            assertTrue(alembic(project, url, "stamp", "--purge", "c3").ok());
            CliRun.Result p = plan(project, url);
            assertEquals("c4 1050", firstFailure(p), p.out());
            assertTrue(p.out().contains("not there: foreign key users(bracket_id) to brackets"), p.out());
            assertFalse(p.out().contains("`alembic stamp c4` is safe"), p.out());

            assertTrue(db.exec("ALTER TABLE users ADD CONSTRAINT fk_any_name FOREIGN KEY (bracket_id) REFERENCES"
                    + " brackets (id)").ok());
            CliRun.Result again = plan(project, url);
            assertTrue(again.out().contains("foreign key users(bracket_id) to brackets): `alembic stamp c4` is safe"),
                    again.out());
        }
    }

    /** SHOW CREATE TABLE of every table but alembic_version, without AUTO_INCREMENT counters. */
    private static String schema(TempDatabase db) {
        StringBuilder out = new StringBuilder();
        String tables = db.exec("SHOW TABLES").stdout();
        for (String t : tables.strip().split("\n")) {
            if (t.startsWith("Tables_in_") || t.equals("alembic_version") || t.isBlank()) {
                continue;
            }
            out.append(db.exec("SHOW CREATE TABLE `" + t + "`").stdout().replaceAll(" AUTO_INCREMENT=\\d+", ""))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * A chain left half applied by a failed revision: c6 (raw SQL under the mysql branch) adds its column, which
     * commits, then fails on its unique index over clubs that share a code (1062). Plan then names c6 with 1060,
     * says the index is missing (so stamping c6 is not safe), and Alembic fails so; from a stamp before, the walk
     * agrees at every step.
     */
    @Test
    void a_real_shaped_chain_left_half_applied_by_a_failed_revision_fails_where_plan_says() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path project = project(CHAIN, "half");
        try (TempDatabase db = server.createDatabase()) {
            String url = url(server, db);
            assertTrue(alembic(project, url, "upgrade", "c5").ok());
            assertTrue(db.exec("INSERT INTO clubs (id, title) VALUES (1, 'a'), (2, 'b')").ok());
            Real first = alembic(project, url, "upgrade", "head");
            assertEquals("1062", first.errno(), first.output());
            assertTrue(db.exec("SELECT code FROM clubs").ok(), "c6's column stayed although c6 failed");

            CliRun.Result p = plan(project, url);
            assertEquals("c6 1060", firstFailure(p), p.out());
            assertTrue(p.out().contains("not there: index uq_clubs_code"), p.out());
            assertFalse(p.out().contains("`alembic stamp c6` is safe"), p.out());
            Real real = alembic(project, url, "upgrade", "head");
            assertEquals("1060", real.errno(), real.output());

            assertTrue(alembic(project, url, "stamp", "c3").ok());
            // c4 is all there (its unnamed foreign key too); c6 is not (its index is missing)
            assertEquals(List.of("c4 1050 stamp", "c6 1060"), walk(project, url, db, "half applied, stamp c3"));
        }
    }
}
