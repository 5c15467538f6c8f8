package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.RealSources;
import dev.idemlint.cli.CliRun;
import dev.idemlint.db.LiveDatabase;
import dev.idemlint.report.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of {@code idemlint plan}: databases put in the states the seed incidents describe (and
 * proof-corpus chains stamped back with their schema left ahead) with real Alembic, then {@code plan},
 * then the real {@code alembic upgrade heads}. Where plan names a failing revision, Alembic must fail on
 * that revision with that SQLSTATE; where plan says every revision is ok, Alembic must succeed. Every
 * scenario's prediction and outcome land in {@code target/plan-proof.md}.
 */
@Tag("postgres")
class PlanProofTest {
    private static final List<String> REPORT = new ArrayList<>();
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));

    private PgCluster pg;

    @BeforeEach
    void cluster() {
        pg = PgCluster.require();
    }

    // ---- the five incidents, on the bundled example ----
    // (planned as `alembic upgrade heads`, which the driver runs: `upgrade head` refuses the example's duplicate 040)

    @Test
    void enum_created_twice_on_a_fresh_database_fails_where_plan_says() {
        Path example = ROOT.resolve("examples/basketball-api");
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            Predicted p = plan(example, db, "--heads");
            Real r = alembic(versions(example), db, "upgrade");
            verdict("seed004 fresh database", p, r);
            assertEquals("008", p.firstFailing());
            assertEquals("42710", p.firstSqlstate());
            assertHit(p, r);
        }
    }

    @Test
    void column_applied_by_hand_but_not_stamped_fails_where_plan_says_and_stamping_is_offered() {
        Path example = ROOT.resolve("examples/basketball-api");
        Path versions = versions(example);
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            atStamp018(db, versions);
            // the forked chain: 020 ran on its branch, then the chain was linearized and 018 stamped back
            assertTrue(alembic(versions, db, "upgrade", "020").ok());
            assertTrue(alembic(versions, db, "stamp", "018").ok());
            Predicted p = plan(example, db, "--heads");
            Real r = alembic(versions, db, "upgrade");
            verdict("seed002/003 020 applied, 018 stamped", p, r);
            assertEquals("020", p.firstFailing());
            assertEquals("42701", p.firstSqlstate());
            Map<String, Object> first = p.entry("020");
            assertTrue(((String) first.get("message")).contains("the database already has column players.custom_notes"
                    + " but alembic_version says 018: the schema is ahead of the stamp"), first.toString());
            assertTrue(((String) first.get("help")).contains("`alembic stamp 020` is safe"), first.toString());
            assertHit(p, r);
        }
    }

    @Test
    void a_stamp_the_code_does_not_have_is_reported_and_alembic_cannot_start() {
        Path example = ROOT.resolve("examples/basketball-api");
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            atStamp018(db, versions(example));
            db.exec("UPDATE alembic_version SET version_num = '025'");
            Predicted p = plan(example, db, "--heads");
            Real r = alembic(versions(example), db, "upgrade");
            verdict("seed002 old image: stamp 025 unknown to the code", p, r);
            assertEquals(1, p.exit());
            assertEquals("025", p.firstFailing());
            assertFalse(r.ok());
            assertTrue(r.message().contains("Can't locate revision identified by '025'"), r.message());
        }
    }

    @Test
    void duplicate_revision_id_and_deleted_version_rows_are_planned_as_alembic_runs_them() {
        Path example = ROOT.resolve("examples/basketball-api");
        Path versions = versions(example);
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            atStamp018(db, versions);
            assertTrue(alembic(versions, db, "upgrade", "024").ok());
            // `alembic upgrade heads` runs the 040 Alembic keeps (`upgrade head` refuses: the test below)
            Predicted p = plan(example, db, "--heads");
            Real r = alembic(versions, db, "upgrade", "heads");
            verdict("seed000 duplicate 040 pending on 024, upgrade heads", p, r);
            assertEquals(0, p.exit(), p.raw());
            String text = CliRun.run("plan", "--heads", "--db", url(db), example.toString()).out();
            assertTrue(text.contains("Revision 040 is declared by 2 files"), text);
            assertHit(p, r);
            // the version rows deleted: Alembic starts from scratch on a full schema
            db.exec("DELETE FROM alembic_version");
            Predicted again = plan(example, db, "--heads");
            Real fromScratch = alembic(versions, db, "upgrade");
            verdict("alembic_version rows deleted on a full schema", again, fromScratch);
            assertEquals("001", again.firstFailing());
            assertEquals("42P07", again.firstSqlstate());
            assertHit(again, fromScratch);
        }
    }

    /** The example's revisions in Alembic's order, each a point to stamp the database at. */
    private static final List<String> EXAMPLE_ORDER = List.of("001", "e09c9e678004", "008", "018", "019", "020", "021",
            "022", "023", "024", "040");

    /**
     * Issue 59: the example's duplicate 040 leaves the file Alembic drops as a second head, so `alembic upgrade
     * head`, what the example deploys with, fails before it runs anything, whatever alembic_version holds; plan
     * says so at every stamp point, and where plan plans `upgrade heads` its claims hold against the real one.
     */
    @Test
    void the_examples_duplicate_id_fails_upgrade_head_at_every_stamp_point_as_alembic_does() {
        Path example = ROOT.resolve("examples/basketball-api");
        Path versions = versions(example);
        Template template;
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            atStamp018(db, versions);
            assertTrue(alembic(versions, db, "upgrade", "024").ok());
            template = new Template(db);
        }
        try (template) {
            List<String> points = new ArrayList<>();
            points.add(null);
            points.addAll(EXAMPLE_ORDER);
            for (String point : points) {
                try (PgCluster.TempDatabase db = template.stampedAt(point)) {
                    Predicted p = plan(example, db);
                    Real r = alembic(versions, db, "upgrade", "head");
                    verdict("duplicate 040, upgrade head, stamped at " + point, p, r);
                    assertEquals(1, p.exit(), point + ": " + p.raw());
                    assertEquals("head", p.firstFailing(), p.raw());
                    assertTrue(((String) p.first().get("message")).contains("heads (040, 040)"), p.raw());
                    assertFalse(r.ok(), point + ": Alembic ran `upgrade head`");
                    assertTrue(r.message().contains("Multiple head revisions are present for given argument 'head'"),
                            r.message());
                    assertEquals(List.of(), r.ran());
                    Predicted heads = plan(example, db, "--heads");
                    Real all = alembic(versions, db, "upgrade", "heads");
                    verdict("duplicate 040, upgrade heads, stamped at " + point, heads, all);
                    assertClaimsHold(heads, all);
                }
            }
        }
    }

    /** A copy of the example with {@code extra} revision files added to its versions folder. */
    private static Path exampleWith(Path dir, Map<String, String> extra) throws IOException {
        Path example = ROOT.resolve("examples/basketball-api");
        Path copy = dir.resolve("basketball-api");
        try (Stream<Path> files = Files.walk(example)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(example.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            Files.writeString(versions(copy).resolve(e.getKey()), e.getValue());
        }
        return copy;
    }

    private static String revisionFile(String id, String down) {
        return "revision = \"" + id + "\"\ndown_revision = " + down + "\n\n\ndef upgrade():\n    pass\n\n\n"
                + "def downgrade():\n    pass\n";
    }

    /**
     * Graphs Alembic refuses, on copies of the example: a child hanging off the duplicate 040 (`upgrade head`:
     * several heads; `upgrade heads`: the shadowed 040 overlaps 041), a down_revision naming nothing (KeyError), a
     * cycle, a module without `revision` (`_helpers.py`). Plan fails wherever real Alembic fails, for either command.
     */
    @Test
    void graphs_alembic_refuses_fail_the_plan_for_upgrade_head_and_heads(@TempDir Path dir) throws IOException {
        Map<String, Map<String, String>> cases = new java.util.LinkedHashMap<>();
        cases.put("child of 040", Map.of("041_after_040.py", revisionFile("041", "\"040\"")));
        cases.put("missing parent", Map.of("050_orphan.py", revisionFile("050", "\"049\"")));
        cases.put("cycle", Map.of("060_a.py", revisionFile("060", "\"061\""), "061_b.py", revisionFile("061", "\"060\"")));
        cases.put("module without revision", Map.of("_helpers.py", "def helper():\n    return 1\n"));
        Map<String, String> alembicSays = Map.of("child of 040", "overlaps with other requested revisions 040",
                "missing parent", "'049'", "cycle", "Cycle is detected in revisions", "module without revision",
                "Could not determine revision id from filename _helpers.py");
        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            Path project = exampleWith(Files.createDirectories(dir.resolve(c.getKey().replace(' ', '_'))), c.getValue());
            for (String point : List.of("018", "024")) {
                try (PgCluster.TempDatabase db = pg.createDatabase()) {
                    // the database is readied with the example itself: Alembic refuses the copy for every command
                    Path original = versions(ROOT.resolve("examples/basketball-api"));
                    atStamp018(db, original);
                    if (point.equals("024")) {
                        assertTrue(alembic(original, db, "upgrade", "024").ok());
                    }
                    for (String command : List.of("head", "heads")) {
                        Predicted p = command.equals("head") ? plan(project, db) : plan(project, db, "--heads");
                        Real r = alembic(versions(project), db, "upgrade", command);
                        verdict(c.getKey() + ", upgrade " + command + ", stamped at " + point, p, r);
                        assertFalse(r.ok(), c.getKey() + ": Alembic ran `upgrade " + command + "`");
                        assertEquals(List.of(), r.ran(), r.message());
                        assertTrue(r.message().contains(command.equals("head") && c.getKey().equals("child of 040")
                                ? "Multiple head revisions are present" : alembicSays.get(c.getKey())), r.message());
                        assertEquals(1, p.exit(), c.getKey() + ", upgrade " + command + ": " + p.raw());
                        assertEquals("hit", judge(p, r).verdict(), judge(p, r).why() + "\n" + p.raw());
                    }
                }
            }
        }
    }

    /** Issue 59: with alembic.ini naming one database and DATABASE_URL another, plan checks DATABASE_URL's and says so. */
    @Test
    void plan_checks_the_database_database_url_names_over_alembic_ini(@TempDir Path dir) throws IOException {
        Path project = exampleWith(dir, Map.of());
        Path ini = project.resolve("alembic.ini");
        // nothing listens on port 1: a plan against alembic.ini's database cannot connect
        Files.writeString(ini, Files.readString(ini).replace("sqlalchemy.url = postgresql://basketball@localhost/basketball",
                "sqlalchemy.url = postgresql://basketball@127.0.0.1:1/basketball"));
        assertTrue(Files.readString(ini).contains("127.0.0.1:1/basketball"));
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            atStamp018(db, versions(project));
            CliRun.Result r = CliRun.runWithEnvironment(Map.of("DATABASE_URL", url(db)), "plan", "--heads",
                    project.toString());
            assertTrue(r.exit() == 0 || r.exit() == 1, r.out() + r.err());
            assertTrue(r.out().startsWith("database  " + url(db) + " (PostgreSQL "), r.out());
            assertTrue(r.out().contains("note: The database URL is from DATABASE_URL (--db wins over DATABASE_URL,"
                    + " which wins over sqlalchemy.url in alembic.ini)."), r.out());
            assertTrue(r.out().contains("stamped   018"), r.out());
            CliRun.Result ini1 = CliRun.runWithEnvironment(Map.of(), "plan", "--heads", project.toString());
            assertEquals(2, ini1.exit(), ini1.out() + ini1.err());
            assertTrue(ini1.err().contains("127.0.0.1:1/basketball") && ini1.err().contains("(URL from sqlalchemy.url in "),
                    ini1.err());
        }
    }

    @Test
    void plan_writes_nothing_and_works_with_a_read_only_role() {
        Path example = ROOT.resolve("examples/basketball-api");
        Path versions = versions(example);
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            atStamp018(db, versions);
            String role = "plan_ro_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            assertTrue(db.exec("CREATE ROLE " + role + " LOGIN; GRANT CONNECT ON DATABASE " + db.name() + " TO " + role
                    + "; GRANT USAGE ON SCHEMA public TO " + role + "; GRANT SELECT ON ALL TABLES IN SCHEMA public TO "
                    + role).ok());
            try {
                String before = snapshot(db);
                Predicted asOwner = plan(example, db);
                Predicted readOnly = plan(example, "postgresql://" + role + "@" + pg.host() + ":" + pg.port() + "/"
                        + db.name());
                assertEquals(before, snapshot(db), "plan changed the schema or alembic_version");
                assertEquals(asOwner.statuses(), readOnly.statuses());
                assertEquals(List.of("018"), readOnly.current());
            } finally {
                db.exec("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + role + "; REVOKE ALL ON SCHEMA public FROM "
                        + role);
                pg.psql("postgres", "DROP OWNED BY " + role + "; DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void a_connection_failure_is_exit_2_and_never_shows_the_password() {
        CliRun.Result r = CliRun.run("plan", "--db", "postgresql://nobody:s3cret-pw@" + pg.host() + ":" + pg.port()
                + "/no_such_db_here", ROOT.resolve("examples/basketball-api").toString());
        assertEquals(2, r.exit(), r.err());
        assertFalse(r.err().contains("s3cret-pw"), r.err());
        assertFalse(r.out().contains("s3cret-pw"), r.out());
        assertTrue(r.err().contains("cannot connect to postgresql://nobody:***@"), r.err());
        CliRun.Result json = CliRun.run("plan", "--format", "json", "--db", "postgresql://nobody:s3cret-pw@" + pg.host()
                + ":" + pg.port() + "/no_such_db_here", ROOT.resolve("examples/basketball-api").toString());
        assertEquals(2, json.exit(), json.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) ((Map<String, Object>) Json.parse(json.out())).get("error");
        assertEquals("connection", error.get("kind"), json.out());
        assertTrue(((String) error.get("message")).contains("cannot connect to postgresql://nobody:***@"), json.out());
        assertFalse(json.out().contains("s3cret-pw"), json.out());
    }

    // ---- a chain with typed columns, left ahead of its stamp ----

    /**
     * A realistic chain whose tables use {@code String(n)}, {@code Numeric(p, s)}, {@code DateTime(timezone=True)},
     * arrays, enums, UUID, intervals and SQL-written columns, applied in full by real Alembic, then stamped back
     * to every point with its schema left ahead. At each point plan must name the revision Alembic fails on
     * with its SQLSTATE and say `alembic stamp X` is safe; following that advice, stamp after stamp, must end
     * with `alembic upgrade head` succeeding and the schema untouched.
     */
    @Test
    void a_typed_chain_left_ahead_of_its_stamp_fails_where_plan_says_and_its_stamp_advice_is_safe() {
        Path chain = resource("plan-proof/shop_typed");
        Path versions = chain.resolve("versions");
        Template template;
        List<String> order;
        String reference;
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            Real full = alembic(versions, db, "upgrade", "head");
            assertTrue(full.ok(), full.message());
            order = full.ran();
            reference = schema(db);
            template = new Template(db);
        }
        int scenarios = 0;
        try (template) {
            for (String point : everyPointBefore(order)) {
                try (PgCluster.TempDatabase db = template.stampedAt(point)) {
                    int at = point == null ? -1 : order.indexOf(point);
                    while (true) {
                        Predicted p = plan(chain, db);
                        Real r = alembic(versions, db, "upgrade", "head");
                        String scenario = "shop_typed stamped at " + (at < 0 ? "nothing" : order.get(at));
                        verdict(scenario, p, r);
                        scenarios++;
                        assertHit(p, r);
                        if (p.firstFailing() == null) {
                            break;
                        }
                        // everything is there: the first pending revision is the one that fails
                        assertEquals(order.get(at + 1), p.firstFailing(), scenario);
                        String help = (String) p.first().get("help");
                        assertTrue(help.contains("`alembic stamp " + p.firstFailing() + "` is safe"), scenario + ": " + help);
                        assertFalse(help.contains("different"), help);
                        assertTrue(alembic(versions, db, "stamp", p.firstFailing()).ok());
                        at++;
                    }
                    assertEquals(order.size() - 1, at, "the advice ends at the head");
                    assertEquals(reference, schema(db), "following plan's advice changed the schema");
                }
            }
            // a column widened by hand is there but different: stamping would hide it
            try (PgCluster.TempDatabase db = template.stampedAt(order.get(0))) {
                assertTrue(db.exec("ALTER TABLE products ALTER COLUMN sku TYPE varchar(64)").ok());
                Predicted p = plan(chain, db);
                Real r = alembic(versions, db, "upgrade", "head");
                verdict("shop_typed sku widened by hand, stamped at " + order.get(0), p, r);
                assertHit(p, r);
                String help = (String) p.first().get("help");
                assertTrue(help.contains("there but different: column products.sku is character varying(64), the revision"
                        + " makes it character varying(32)"), help);
                assertFalse(help.contains("is safe"), help);
            }
            // a column dropped by hand is not there: stamping would skip it
            try (PgCluster.TempDatabase db = template.stampedAt(order.get(2))) {
                assertTrue(db.exec("ALTER TABLE customers DROP COLUMN phone").ok());
                Predicted p = plan(chain, db);
                Real r = alembic(versions, db, "upgrade", "head");
                verdict("shop_typed phone dropped by hand, stamped at " + order.get(2), p, r);
                assertHit(p, r);
                assertEquals(order.get(3), p.firstFailing());
                String help = (String) p.first().get("help");
                assertTrue(help.contains("not there: column customers.phone"), help);
                assertFalse(help.contains("is safe"), help);
            }
        }
        REPORT.add("");
        REPORT.add("shop_typed: " + scenarios + " plan/upgrade rounds from " + order.size() + " stamp points, all exact");
    }

    /**
     * The same walk on a real public chain nobody wrote for this test: Debian 12's package of OpenStack's
     * ironic-inspector ({@code ecosystem/real-sources}), linted and planned from the package directory (its
     * own alembic.ini), upgraded by real Alembic with the package and its stand-ins on PYTHONPATH. Applied in
     * full, then stamped back to every point with its schema left ahead: at each point plan must name the
     * revision with the SQLSTATE Alembic fails with, or say ok where Alembic succeeds, or say it cannot follow
     * the revision Alembic fails at (d00d6e3f38c4 reads back a timestamp column declared Float: SQLAlchemy's
     * psycopg2 numeric processor raises InvalidRequestError, no SQLSTATE); every revision plan calls ok must
     * run ({@link #judge}). Where it offers {@code alembic stamp X} (after upgrading to a parent that re-runs,
     * when it says so), following that advice must end at the head with the schema untouched; past a revision
     * it cannot follow it offers none.
     */
    @Test
    void a_real_chain_left_ahead_of_its_stamp_fails_where_plan_says(@TempDir Path tmp) throws IOException {
        Path packages = RealSources.pythonPackages("python3-ironic-inspector");
        Path project = tmp.resolve("ironic_inspector");
        FixProofTest.copyTree(packages.resolve("ironic_inspector"), project);
        Path versions = project.resolve("migrations/versions");
        Path standins = RerunProof.repoRoot().resolve("src/test/resources/realchains/standins/ironic-inspector");
        String pythonPath = standins + java.io.File.pathSeparator + packages;
        Template template;
        List<String> order;
        String reference;
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            Real full = alembicWith(pythonPath, versions, db, "upgrade", "head");
            assertTrue(full.ok(), full.message());
            order = full.ran();
            reference = schema(db);
            template = new Template(db);
        }
        int rounds = 0;
        int exact = 0;
        int unknown = 0;
        int stamped = 0;
        int upgraded = 0;
        int toTheHead = 0;
        try (template) {
            for (String point : everyPointBefore(order)) {
                try (PgCluster.TempDatabase db = template.stampedAt(point)) {
                    int at = point == null ? -1 : order.indexOf(point);
                    while (true) {
                        Predicted p = plan(project, db);
                        Real r = alembicWith(pythonPath, versions, db, "upgrade", "head");
                        String scenario = "ironic-inspector (Debian 12) stamped at " + (at < 0 ? "nothing" : order.get(at));
                        String v = verdict(scenario, p, r);
                        rounds++;
                        exact += v.equals("hit") ? 1 : 0;
                        unknown += v.equals("unknown") ? 1 : 0;
                        assertClaimsHold(p, r);
                        Map<String, Object> first = p.firstNotOk();
                        if (first == null) {
                            break;
                        }
                        // everything is there, so the first pending revision fails, or plan cannot follow it,
                        // unless it re-runs on the schema it made (18440d0834af's alter_column): plan says those are
                        // ok, and Alembic ran them (assertClaimsHold)
                        int next = order.indexOf((String) first.get("revision"));
                        assertTrue(next > at, scenario + ": " + first.get("revision") + " is not pending");
                        String help = (String) first.get("help");
                        if ("unknown".equals(first.get("status"))) {
                            // no stamp past a revision plan cannot follow: what it would do is not known
                            assertFalse(help.contains("is safe"), scenario + ": " + help);
                            break;
                        }
                        java.util.regex.Matcher parentFirst = java.util.regex.Pattern.compile("`alembic upgrade (\\w+)`, then"
                                + " `alembic stamp " + p.firstFailing() + "`").matcher(help);
                        if (parentFirst.find()) {
                            // a parent that re-runs on this schema is upgraded to first: plan says it runs
                            Real parent = alembicWith(pythonPath, versions, db, "upgrade", parentFirst.group(1));
                            assertTrue(parent.ok(), scenario + ": " + help + "\n" + parent.describe() + ": " + parent.message());
                            upgraded++;
                        } else if (!help.contains("`alembic stamp " + p.firstFailing() + "` is safe")) {
                            break; // no advice to follow: the prediction above is the claim
                        }
                        assertTrue(alembicWith(pythonPath, versions, db, "stamp", p.firstFailing()).ok());
                        stamped++;
                        at = next;
                    }
                    if (at == order.size() - 1) {
                        toTheHead++;
                        assertEquals(reference, schema(db), "following plan's advice changed the schema");
                    }
                }
            }
        }
        assertTrue(stamped > 0, "plan never offered a stamp on a schema left ahead");
        assertTrue(exact > unknown, "plan could follow " + exact + " of " + rounds + " rounds only");
        REPORT.add("");
        REPORT.add("ironic-inspector (Debian 12): " + rounds + " plan/upgrade rounds from " + order.size()
                + " stamp points: " + exact + " exact, " + unknown + " unknown (Alembic failed at or ran through a"
                + " revision plan said it cannot follow), 0 wrong; " + stamped + " stamps advised and followed ("
                + upgraded + " after upgrading to a parent first), " + toTheHead + " of " + order.size()
                + " walks reached the head with the schema unchanged");
    }

    @Test
    void several_heads_fail_alembic_upgrade_head_as_plan_says() {
        Path chain = resource("proof/constraints");
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            Predicted p = plan(chain, db);
            Real r = alembic(chain.resolve("versions"), db, "upgrade", "head");
            verdict("constraints (3 heads), `alembic upgrade head`", p, r);
            assertEquals(1, p.exit());
            assertEquals("head", p.firstFailing());
            assertTrue(((String) p.first().get("message")).contains("Multiple head revisions are present"), p.raw());
            assertTrue(p.raw().contains("\"command_from\": \"default: head\""), p.raw());
            assertFalse(r.ok());
            assertTrue(r.ran().isEmpty(), r.ran().toString());
            assertTrue(r.message().contains("Multiple head revisions are present for given argument 'head'"), r.message());
        }
    }

    @Test
    void a_project_deploying_with_upgrade_heads_is_planned_as_alembic_upgrade_heads_runs(@TempDir Path project)
            throws IOException {
        FixProofTest.copyTree(resource("proof/constraints"), project);
        Files.writeString(project.resolve("docker-compose.yml"),
                "services:\n  migrate:\n    command: sh -c 'alembic upgrade heads && exec app'\n");
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            // no --heads: the compose file says how the project deploys
            Predicted p = plan(project, db);
            Real r = alembic(project.resolve("versions"), db, "upgrade", "heads");
            verdict("constraints (3 heads), `alembic upgrade heads` from docker-compose.yml", p, r);
            assertTrue(p.raw().contains("\"command\": \"alembic upgrade heads\""), p.raw());
            assertTrue(p.raw().contains("\"command_from\": \"docker-compose.yml:3 (alembic upgrade heads)\""), p.raw());
            // not the heads refusal of `upgrade head`: Alembic runs the branches and fails where plan says
            assertHit(p, r);
            assertNotEquals("head", p.firstFailing(), p.raw());
            assertFalse(r.ran().isEmpty(), r.message());
        }
    }

    /** The schema as pg_dump prints it. */
    private String schema(PgCluster.TempDatabase db) {
        ProcessRunner.Result dump = ProcessRunner.run(List.of(pg.tool("pg_dump"), "--schema-only", "-h", pg.host(), "-p",
                Integer.toString(pg.port()), "-U", pg.user(), db.name()), pg.childEnv(), null, Duration.ofSeconds(60));
        assertTrue(dump.succeeded(), dump.describe());
        return dump.stdout().replaceAll("(?m)^\\\\(un)?restrict .*$", "");
    }

    // ---- hostile input ----

    /**
     * The version table's name comes from alembic.ini, which a pull request may edit. On a server with
     * {@code standard_conforming_strings = off}, where a backslash escapes a quote, a name spliced into
     * a literal with only its quotes doubled closed the literal and ran what followed. Plan runs here as
     * a role that owns the victim table, with every statement it sends logged by the server; the log must
     * hold only plan's own constant statements and reads of relations named by the server.
     */
    @Test
    void unqualified_names_follow_the_search_path_the_server_gives_the_session(@TempDir Path project) throws IOException {
        writeProject(project, "", List.of("op.create_table(\"documents\", sa.Column(\"id\", sa.Integer(), primary_key=True))",
                "op.add_column(\"documents\", sa.Column(\"code\", sa.Text()), schema=\"public\")"));
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            assertTrue(db.exec("CREATE SCHEMA other; CREATE TABLE public.documents (id int PRIMARY KEY)").ok());
            // the default search path: documents is public.documents, there already (DuplicateTable)
            Predicted p = plan(project, db);
            assertEquals("001", p.firstFailing(), p.raw());
            assertEquals("42P07", p.firstSqlstate());
            // the same session told by its URL to search other first: the table goes to other, and public's gets
            // the column
            Predicted byUrl = plan(project, url(db) + "?options=-csearch_path%3Dother,public");
            assertEquals(null, byUrl.firstFailing(), byUrl.raw());
            assertHit(p, alembic(versions(project), db, "upgrade"));
            // the database's own setting, as Alembic's session meets it
            assertTrue(db.exec("ALTER DATABASE " + db.name() + " SET search_path = other, public").ok());
            Predicted bySetting = plan(project, db);
            Real r = alembic(versions(project), db, "upgrade");
            verdict("search path other, public: documents made in other", bySetting, r);
            assertEquals(null, bySetting.firstFailing(), bySetting.raw());
            assertTrue(r.ok(), r.message());
            assertTrue(db.exec("SELECT 1 FROM other.documents; SELECT code FROM public.documents").ok());
        }
    }

    @Test
    void a_hostile_version_table_name_sends_no_sql_of_its_own(@TempDir Path project) throws IOException {
        String existing = "v\\');DROP TABLE victim;CREATE TABLE pwned();--\"";
        String absent = "x\\');COMMIT;BEGIN READ WRITE;DROP TABLE victim;CREATE TABLE pwned();SELECT (\\'";
        Path log = serverLog();
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            String role = "plan_h_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            String quoted = "\"" + existing.replace("\"", "\"\"") + "\"";
            assertTrue(db.exec("CREATE ROLE " + role + " LOGIN; CREATE TABLE victim (id int); ALTER TABLE victim OWNER TO "
                    + role + "; CREATE TABLE " + quoted + " (version_num varchar(32) PRIMARY KEY); INSERT INTO " + quoted
                    + " VALUES ('001'); ALTER TABLE " + quoted + " OWNER TO " + role + "; ALTER ROLE " + role
                    + " IN DATABASE " + db.name() + " SET log_statement = 'all'; ALTER DATABASE " + db.name()
                    + " SET standard_conforming_strings = off").ok());
            try {
                writeProject(project, "version_table = " + existing, List.of("op.create_table(\"players\", sa.Column(\"id\","
                        + " sa.Integer(), primary_key=True))"));
                String url = "postgresql://" + role + "@" + pg.host() + ":" + pg.port() + "/" + db.name();
                long logStart = Files.size(log);
                Predicted read = plan(project, url);
                assertEquals(List.of("001"), read.current(), read.raw());
                writeProject(project, "version_table_schema = " + absent + "\nversion_table = " + absent, List.of());
                Predicted missing = plan(project, url);
                assertEquals(List.of(), missing.current(), missing.raw());

                assertTrue(db.exec("SELECT 1 FROM victim").ok(), "the victim table is gone");
                SqlOutcome pwned = db.exec("SELECT 1 FROM pwned");
                assertFalse(pwned.ok(), "plan created a table");
                List<String> sent = loggedStatements(log, logStart);
                String versionRead = "SELECT version_num FROM " + quoted + " ORDER BY 1";
                assertTrue(sent.contains(versionRead), "the version table was not read: " + sent);
                for (String statement : sent) {
                    boolean allowed = LiveDatabase.CONSTANT_STATEMENTS.contains(statement) || statement.equals(versionRead)
                            || statement.equals("BEGIN READ ONLY") || statement.equals("ROLLBACK");
                    assertTrue(allowed, "plan sent a statement of its input: " + statement);
                }
            } finally {
                pg.psql("postgres", "DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE); DROP ROLE IF EXISTS " + role);
            }
        }
    }

    /** The server log of the cluster scripts/pg-up started. */
    private Path serverLog() {
        String base = System.getenv("IDEMLINT_PG_BASE");
        if (base != null && Files.isRegularFile(Path.of(base, "server.log"))) {
            return Path.of(base, "server.log");
        }
        if (PgCluster.mustRun(System.getenv())) {
            throw new AssertionError("the statement log test reads the server log of a cluster started by scripts/pg-up"
                    + " (IDEMLINT_PG_BASE)");
        }
        Assumptions.abort("no server log to read");
        return null;
    }

    /**
     * The statements the server logged ({@code log_statement = all}) after byte {@code from} of its log,
     * with the server's {@code $1} placeholders written back as the driver's {@code ?}.
     */
    private static List<String> loggedStatements(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
        Matcher head = Pattern.compile("^\\S+ \\S+ \\S+ \\[\\d+\\] LOG:  (?:statement|execute [^:]+): ?(.*)$").matcher("");
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\n", -1)) {
            if (current != null && line.startsWith("\t")) {
                current.append(current.length() == 0 ? "" : "\n").append(line.substring(1));
                continue;
            }
            if (current != null) {
                out.add(current.toString().strip().replaceAll("\\$\\d+", "?"));
                current = null;
            }
            if (head.reset(line).matches()) {
                current = new StringBuilder(head.group(1));
            }
        }
        if (current != null) {
            out.add(current.toString().strip().replaceAll("\\$\\d+", "?"));
        }
        return out;
    }

    /**
     * Each read waits up to the 2 s lock timeout on a locked table, so thirty keyed inserts into one
     * would take a minute; {@code --timeout} bounds the session as a whole and ends it with exit 2.
     */
    @Test
    void a_locked_table_stops_the_plan_at_its_timeout(@TempDir Path project) throws Exception {
        List<String> inserts = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            inserts.add("op.execute(\"INSERT INTO scores (id) VALUES (" + i + ")\")");
        }
        writeProject(project, "", inserts);
        try (PgCluster.TempDatabase db = pg.createDatabase()) {
            assertTrue(db.exec("CREATE TABLE scores (id int PRIMARY KEY); INSERT INTO scores VALUES (100)").ok());
            try (java.sql.Connection holder = new org.postgresql.Driver().connect("jdbc:postgresql://" + pg.host() + ":"
                    + pg.port() + "/" + db.name(), props(pg.user()))) {
                holder.setAutoCommit(false);
                try (java.sql.Statement st = holder.createStatement()) {
                    st.execute("LOCK TABLE scores IN ACCESS EXCLUSIVE MODE");
                }
                long start = System.nanoTime();
                CliRun.Result r = CliRun.run("plan", "--timeout", "5", "--db", url(db), project.toString());
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                assertEquals(2, r.exit(), r.out() + r.err());
                assertTrue(r.err().contains("plan stopped: the --timeout of 5 s ran out while checking for a row of"
                        + " public.scores"), r.err());
                // thirty lock waits of 2 s each would be a minute; the budget plus one statement's margin
                assertTrue(seconds < 5 + 5, "plan took " + seconds + " s");
                holder.rollback();
            }
        }
    }

    private static java.util.Properties props(String user) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", user);
        return p;
    }

    /** A one-revision project: alembic.ini with {@code iniLines} under [alembic], 001 running {@code upgrade}. */
    private static void writeProject(Path project, String iniLines, List<String> upgrade) throws IOException {
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = alembic\n" + iniLines + "\n");
        Path versions = Files.createDirectories(project.resolve("alembic/versions"));
        Files.writeString(project.resolve("alembic/env.py"), "from alembic import context\n");
        Files.writeString(versions.resolve("001_first.py"), "from alembic import op\nimport sqlalchemy as sa\n\n"
                + "revision = \"001\"\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n\n\n"
                + "def upgrade():\n" + (upgrade.isEmpty() ? "    pass\n" : upgrade.stream().map(l -> "    " + l + "\n")
                        .reduce("", String::concat)) + "\n\ndef downgrade():\n    pass\n");
    }

    // ---- proof-corpus chains ----

    /**
     * Proof chains whose statements plan does not follow to the end: serial columns turned identity columns
     * under a DO block's IF, which is not evaluated, so plan says "cannot tell" there. Their scenarios must never be wrong; they are left out of the exactness bar.
     */
    private static final Set<String> NOT_FOLLOWED = Set.of("identity");

    @Test
    void corpus_chains_fresh_and_stamped_back_fail_where_plan_says() throws IOException {
        int unfollowed = 0;
        int hits = 0;
        int unknown = 0;
        int heldOut = 0;
        int heldOutHits = 0;
        List<String> misses = new ArrayList<>();
        List<Path> chains;
        try (Stream<Path> s = Files.list(resource("proof"))) {
            chains = s.filter(Files::isDirectory).sorted().toList();
        }
        for (String name : NOT_FOLLOWED) {
            assertTrue(chains.stream().anyMatch(c -> c.getFileName().toString().equals(name)), "no proof chain " + name);
        }
        for (Path chain : chains) {
            Path versions = chain.resolve("versions");
            List<String> order = new ArrayList<>();
            Template template;
            try (PgCluster.TempDatabase db = pg.createDatabase()) {
                Predicted p = plan(chain, db, "--heads");
                Real r = alembic(versions, db, "upgrade");
                String v = verdict(chain.getFileName() + " fresh", p, r);
                hits += v.equals("hit") ? 1 : 0;
                unfollowed += NOT_FOLLOWED.contains(chain.getFileName().toString()) && !v.equals("hit") ? 1 : 0;
                heldOut += chain.getFileName().toString().startsWith("heldout_") ? 1 : 0;
                heldOutHits += chain.getFileName().toString().startsWith("heldout_") && v.equals("hit") ? 1 : 0;
                unknown += v.equals("unknown") ? 1 : 0;
                if (v.equals("MISS")) {
                    misses.add(chain.getFileName() + " fresh");
                }
                if (!r.ok()) {
                    continue;
                }
                order.addAll(r.ran());
                template = new Template(db);
            }
            try (template) {
                for (String point : stampPoints(order)) {
                    try (PgCluster.TempDatabase db = template.stampedAt(point)) {
                        Predicted p = plan(chain, db, "--heads");
                        Real r = alembic(versions, db, "upgrade");
                        String v = verdict(chain.getFileName() + " stamped back to " + point, p, r);
                        hits += v.equals("hit") ? 1 : 0;
                        heldOut += chain.getFileName().toString().startsWith("heldout_") ? 1 : 0;
                        heldOutHits += chain.getFileName().toString().startsWith("heldout_") && v.equals("hit") ? 1 : 0;
                        unknown += v.equals("unknown") ? 1 : 0;
                        unfollowed += NOT_FOLLOWED.contains(chain.getFileName().toString()) && !v.equals("hit") ? 1 : 0;
                        if (v.equals("MISS")) {
                            misses.add(chain.getFileName() + " at " + point);
                        }
                    }
                }
            }
        }
        int total = hits + unknown + misses.size();
        // chains of statements plan does not follow yet count for "never wrong", not for exactness
        int judged = total - unfollowed;
        REPORT.add("");
        REPORT.add("corpus: " + total + " scenarios, " + hits + " predicted exactly, " + unknown + " unknown, "
                + misses.size() + " wrong" + (misses.isEmpty() ? "" : ": " + misses) + "; held-out chains: " + heldOutHits
                + "/" + heldOut + " exact");
        assertTrue(misses.isEmpty(), "plan disagrees with Alembic: " + misses);
        assertTrue(hits * 100 >= judged * 95, "exact predictions " + hits + "/" + judged + " below 95%");
    }

    /** A few points to stamp back to: the first revision, three between, the one before the last. */
    private static List<String> stampPoints(List<String> ran) {
        List<String> out = new ArrayList<>();
        if (ran.size() < 2) {
            return out;
        }
        for (int i : new int[] {0, ran.size() / 4, ran.size() / 2, 3 * ran.size() / 4, ran.size() - 2}) {
            if (!out.contains(ran.get(i))) {
                out.add(ran.get(i));
            }
        }
        return out;
    }

    /** Nothing stamped (null), then every revision but the head, where nothing is pending. */
    private static List<String> everyPointBefore(List<String> order) {
        List<String> points = new ArrayList<>();
        points.add(null);
        points.addAll(order.subList(0, order.size() - 1));
        return points;
    }

    /**
     * A copy of a database kept as a template (dropped on close): each scenario starts from the schema a
     * chain left there, with {@code alembic_version} stamped back to a point of the scenario's choice.
     */
    private final class Template implements AutoCloseable {
        private final String name;

        Template(PgCluster.TempDatabase source) {
            name = source.name() + "_t";
            assertTrue(pg.psql("postgres", "CREATE DATABASE " + name + " TEMPLATE " + source.name()).ok());
        }

        /** A new database with the template's schema and only {@code point} in alembic_version (none if null). */
        PgCluster.TempDatabase stampedAt(String point) {
            String copy = "idemlint_plan_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            assertTrue(pg.psql("postgres", "CREATE DATABASE " + copy + " TEMPLATE " + name).ok());
            PgCluster.TempDatabase db = new PgCluster.TempDatabase(pg, copy);
            assertTrue(db.exec("DELETE FROM alembic_version" + (point == null ? ""
                    : "; INSERT INTO alembic_version VALUES ('" + point + "')")).ok());
            return db;
        }

        @Override
        public void close() {
            pg.psql("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    // ---- helpers ----

    /** 001 .. e09c9e678004 by Alembic, 008 by hand (its enum clash is the seed004 incident), 018 by Alembic. */
    private void atStamp018(PgCluster.TempDatabase db, Path versions) {
        assertTrue(alembic(versions, db, "upgrade", "e09c9e678004").ok());
        assertTrue(db.exec("CREATE TABLE teams (id serial PRIMARY KEY, name varchar(120) NOT NULL, division division"
                + " NOT NULL, coach_id integer); CREATE INDEX ix_teams_coach_id ON teams (coach_id);"
                + " ALTER TABLE players ADD COLUMN team_id integer REFERENCES teams (id)").ok());
        assertTrue(alembic(versions, db, "stamp", "008").ok());
        assertTrue(alembic(versions, db, "upgrade", "018").ok());
    }

    private String snapshot(PgCluster.TempDatabase db) {
        ProcessRunner.Result dump = ProcessRunner.run(List.of(pg.tool("pg_dump"), "--schema-only", "-h", pg.host(), "-p",
                Integer.toString(pg.port()), "-U", pg.user(), db.name()), pg.childEnv(), null, Duration.ofSeconds(60));
        assertTrue(dump.succeeded(), dump.describe());
        ProcessRunner.Result rows = ProcessRunner.run(List.of(pg.tool("pg_dump"), "--data-only", "--table=alembic_version",
                "-h", pg.host(), "-p", Integer.toString(pg.port()), "-U", pg.user(), db.name()), pg.childEnv(), null,
                Duration.ofSeconds(60));
        assertTrue(rows.succeeded(), rows.describe());
        assertTrue(rows.stdout().contains("018"), rows.stdout());
        return (dump.stdout() + "\n--rows\n" + rows.stdout()).replaceAll("(?m)^\\\\(un)?restrict .*$", "");
    }

    private static Path versions(Path project) {
        return project.resolve("alembic/versions");
    }

    private static Path resource(String name) {
        try {
            return Path.of(PlanProofTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What plan said, from its JSON. */
    record Predicted(int exit, String raw, List<Map<String, Object>> pending, List<String> current) {
        String firstFailing() {
            Map<String, Object> e = first();
            return e == null ? null : (String) e.get("revision");
        }

        String firstSqlstate() {
            Map<String, Object> e = first();
            return e == null ? null : (String) e.get("sqlstate");
        }

        Map<String, Object> first() {
            return pending.stream().filter(e -> "fails".equals(e.get("status"))).findFirst().orElse(null);
        }

        Map<String, Object> entry(String rev) {
            return pending.stream().filter(e -> rev.equals(e.get("revision"))).findFirst().orElseThrow();
        }

        /** The first revision plan does not call ok: the one it says fails, or the one it cannot follow; or null. */
        Map<String, Object> firstNotOk() {
            return pending.stream().filter(e -> !"ok".equals(e.get("status"))).findFirst().orElse(null);
        }

        boolean anyUnknown() {
            return pending.stream().anyMatch(e -> "unknown".equals(e.get("status")));
        }

        List<String> statuses() {
            return pending.stream().map(e -> e.get("revision") + "=" + e.get("status")).toList();
        }
    }

    private Predicted plan(Path project, PgCluster.TempDatabase db, String... options) {
        return plan(project, url(db), options);
    }

    private String url(PgCluster.TempDatabase db) {
        return "postgresql://" + pg.user() + "@" + pg.host() + ":" + pg.port() + "/" + db.name();
    }

    @SuppressWarnings("unchecked")
    private Predicted plan(Path project, String url, String... options) {
        List<String> args = new ArrayList<>(List.of("plan", "--format", "json", "--db", url));
        args.addAll(List.of(options));
        args.add(project.toString());
        CliRun.Result json = CliRun.run(args.toArray(String[]::new));
        assertTrue(json.exit() == 0 || json.exit() == 1, "plan exit " + json.exit() + ": " + json.err());
        Map<String, Object> doc = (Map<String, Object>) Json.parse(json.out());
        Map<String, Object> database = (Map<String, Object>) doc.get("database");
        List<Map<String, Object>> pending = new ArrayList<>();
        for (Object o : (List<Object>) doc.get("pending")) {
            pending.add((Map<String, Object>) o);
        }
        List<String> current = new ArrayList<>();
        for (Object o : (List<Object>) database.get("current")) {
            current.add((String) o);
        }
        assertNotNull(doc.get("summary"));
        assertNotNull(doc.get("notes"));
        return new Predicted(json.exit(), json.out(), pending, current);
    }

    /** What real Alembic did. */
    record Real(boolean ok, String revision, String sqlstate, String errorClass, String message, List<String> ran) {
        /** "fails 882b2d84cb1b 42701", "fails d00d6e3f38c4 InvalidRequestError", "ok". */
        String describe() {
            return ok ? "ok" : "fails " + revision + " " + (sqlstate != null ? sqlstate : errorClass);
        }
    }

    @SuppressWarnings("unchecked")
    private Real alembic(Path versions, PgCluster.TempDatabase db, String action, String... revisions) {
        return alembicWith(null, versions, db, action, revisions);
    }

    /** {@code pythonPath}: what the revisions import (a real package and its stand-ins), or null. */
    private Real alembicWith(String pythonPath, Path versions, PgCluster.TempDatabase db, String action,
            String... revisions) {
        Path out = null;
        try {
            out = Files.createTempFile("idemlint-plan-proof", ".json");
            List<String> cmd = new ArrayList<>(List.of(python(), resource("pg/plan_proof.py").toString(),
                    versions.toAbsolutePath().toString(), "--url", "postgresql+psycopg2://" + pg.user() + "@" + pg.host()
                            + ":" + pg.port() + "/" + db.name(), "--out", out.toString(), action));
            cmd.addAll(List.of(revisions));
            Map<String, String> env = new HashMap<>(pg.childEnv());
            env.put("PYTHONDONTWRITEBYTECODE", "1");
            if (pythonPath != null) {
                env.put("PYTHONPATH", pythonPath);
            }
            ProcessRunner.Result run = ProcessRunner.run(cmd, env, null, Duration.ofMinutes(3));
            assertTrue(run.succeeded(), run.describe());
            Map<String, Object> r = (Map<String, Object>) Json.parse(Files.readString(out));
            List<String> ran = new ArrayList<>();
            for (Object o : (List<Object>) r.get("ran")) {
                ran.add((String) o);
            }
            return new Real(Boolean.TRUE.equals(r.get("ok")), (String) r.get("revision"), (String) r.get("sqlstate"),
                    (String) r.get("error_class"), (String) r.get("message"), ran);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }

    private static String python() {
        String configured = System.getenv("IDEMLINT_PYTHON");
        return configured == null || configured.isBlank() ? "/usr/bin/python3" : configured;
    }

    /** A verdict ({@code hit}, {@code unknown} or {@code MISS}) and why. */
    record Judgement(String verdict, String why) {
    }

    /**
     * Plan's pending list read against what real Alembic did, revision by revision in Alembic's order.
     * Each revision plan calls ok must run; the one it says fails must be where Alembic fails, with the same
     * SQLSTATE; a revision it says it cannot follow ({@code unknown}) may fail or run, since plan claimed
     * neither, but when it names the SQLSTATE it would fail with "if Alembic gets here", a different one
     * from the server contradicts it. Alembic failing where plan lists nothing is a miss.
     * <p>hit: every claim held and no revision on the way was unknown; unknown: every claim held, but
     * Alembic failed at, or ran through, a revision plan could not follow; MISS: a claim did not hold.
     */
    static Judgement judge(Predicted p, Real r) {
        boolean unsure = false;
        for (Map<String, Object> e : p.pending()) {
            String rev = (String) e.get("revision");
            String status = (String) e.get("status");
            // before any revision ran, Alembic's error names the revision, or plan's message quotes the error
            boolean failedHere = !r.ok() && (rev.equals(r.revision())
                    || r.revision() == null && r.message() != null && (r.message().contains(rev)
                            || r.ran().isEmpty() && String.valueOf(e.get("message")).contains(r.message())));
            switch (status) {
                case "ok" -> {
                    if (failedHere) {
                        return new Judgement("MISS", "plan said " + rev + " is ok but Alembic failed there: " + r.message());
                    }
                }
                case "fails" -> {
                    if (!failedHere) {
                        return new Judgement("MISS", "plan said " + rev + " fails but Alembic "
                                + (r.ok() ? "succeeded" : "ran it and failed at " + r.revision() + ": " + r.message()));
                    }
                    if (!java.util.Objects.equals(e.get("sqlstate"), r.sqlstate())) {
                        return new Judgement("MISS", "plan said " + rev + " fails with " + e.get("sqlstate")
                                + ", Alembic failed there with " + r.sqlstate() + ": " + r.message());
                    }
                    return new Judgement(unsure ? "unknown" : "hit", "failed as plan said");
                }
                default -> {
                    if (failedHere) {
                        Object conditional = e.get("sqlstate");
                        if (conditional != null && r.sqlstate() != null && !conditional.equals(r.sqlstate())) {
                            return new Judgement("MISS", "plan said " + rev + " would fail with " + conditional
                                    + " if Alembic got there; it failed with " + r.sqlstate() + ": " + r.message());
                        }
                        return new Judgement("unknown", "Alembic failed at " + rev + ", which plan cannot follow: "
                                + r.message());
                    }
                    unsure = true;
                }
            }
        }
        if (!r.ok()) {
            return new Judgement("MISS", "Alembic failed at " + r.revision() + ", which plan does not list: " + r.message());
        }
        return new Judgement(unsure ? "unknown" : "hit", "succeeded as plan said");
    }

    /** Records the scenario in the report with its verdict (see {@link #judge}); returns the verdict. */
    private static String verdict(String scenario, Predicted p, Real r) {
        Judgement j = judge(p, r);
        Map<String, Object> first = p.firstNotOk();
        synchronized (REPORT) {
            REPORT.add("| " + scenario + " | " + (first == null ? "ok" : first.get("status") + " " + first.get("revision")
                    + (first.get("sqlstate") == null ? "" : " " + first.get("sqlstate"))) + " | " + r.describe() + " | "
                    + j.verdict() + " |" + (j.verdict().equals("hit") ? "" : " " + (first == null ? j.why()
                            : first.get("revision") + ": " + first.get("message") + " (" + j.why() + ")")));
        }
        return j.verdict();
    }

    /** Plan's claims hold (see {@link #judge}); a revision it says it cannot follow may go either way. */
    private static void assertClaimsHold(Predicted p, Real r) {
        Judgement j = judge(p, r);
        assertNotEquals("MISS", j.verdict(), j.why() + "\n" + p.raw());
    }

    private static void assertHit(Predicted p, Real r) {
        if (p.firstFailing() != null) {
            assertFalse(r.ok(), "plan predicted a failure at " + p.firstFailing() + " but Alembic succeeded");
            assertEquals(p.firstFailing(), r.revision(), r.message());
            assertEquals(p.firstSqlstate(), r.sqlstate(), r.message());
        } else {
            assertFalse(p.anyUnknown(), p.raw());
            assertTrue(r.ok(), "plan said ok but Alembic failed at " + r.revision() + ": " + r.message());
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        List<String> lines = new ArrayList<>(List.of("# idemlint plan against real Alembic", "",
                "| scenario | plan | alembic upgrade | verdict |", "| --- | --- | --- | --- |"));
        lines.addAll(REPORT);
        Files.createDirectories(ROOT.resolve("target"));
        Files.write(ROOT.resolve("target/plan-proof.md"), lines);
    }
}
