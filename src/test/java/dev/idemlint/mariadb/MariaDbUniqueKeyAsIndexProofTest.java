package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.idemlint.cli.CliRun;
import dev.idemlint.pg.ChainOutcome;
import dev.idemlint.pg.ProcessRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On a real MariaDB with real Alembic ({@code mariadb/rerun.py}: each revision upgraded, stamped back to its parents
 * and upgraded again), what the server does is what idemlint says, revision by revision: a first run that fails is
 * a first-run finding naming the server's error number and the object of the statement that failed, a re-run that
 * fails is a re-run finding, the first of its file, naming them, and a run that passes has no such finding.
 *
 * <p>A unique key is the index of its name there: dropped as an index or as a constraint and made again as either
 * before the revision ends, the re-run drops it and makes it again without error ({@code drop_index} then
 * {@code create_unique_constraint}, {@code ALTER TABLE t DROP INDEX uq, ADD UNIQUE KEY uq (...)},
 * {@code drop_constraint(type_="unique")} then {@code create_index(unique=True)}), and a revision that makes a key a
 * later one dropped as an index makes a new key. Each fixture holds a statement that does fail, next to the safe
 * ones.
 */
@Tag("mariadb")
class MariaDbUniqueKeyAsIndexProofTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", "."));
    private static final Path RULES = ROOT.resolve("src/test/resources/fixtures/rules");
    /** {@code path:line:col: rule message}, as {@code --format concise} writes a finding. */
    private static final Pattern FINDING = Pattern.compile("(?m)^(.+?):(\\d+):\\d+: ([a-z-]+) (.*)$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    @TempDir
    Path tmp;

    /** One finding of the lint. */
    private record Finding(String file, int line, String rule, String message) {
        boolean firstRun() {
            return message.contains("on the first run");
        }

        boolean rerun() {
            return message.contains("Re-running this revision fails");
        }

        /** The first object the message quotes: {@code index "uq_teams_city"} gives uq_teams_city. */
        String object() {
            Matcher m = QUOTED.matcher(message);
            return m.find() ? m.group(1) : "";
        }
    }

    private ChainOutcome walk(Path versions, String pythonPath) throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path out = tmp.resolve("walk-" + versions.getParent().getFileName() + ".json");
        Map<String, String> env = new HashMap<>(Map.of("IDEMLINT_MARIADB_HOST", server.host(),
                "IDEMLINT_MARIADB_PORT", Integer.toString(server.port()), "IDEMLINT_MARIADB_USER", server.user(),
                "PYTHONDONTWRITEBYTECODE", "1"));
        if (pythonPath != null) {
            env.put("PYTHONPATH", pythonPath);
        }
        ProcessRunner.Result r = ProcessRunner.run(List.of("/usr/bin/python3",
                ROOT.resolve("src/test/resources/mariadb/rerun.py").toString(), versions.toString(), "--out",
                out.toString()), env, null, Duration.ofMinutes(3));
        assertTrue(r.succeeded() && Files.exists(out), "rerun.py: " + r.stdout() + r.stderr());
        return ChainOutcome.fromJson(Files.readString(out));
    }

    private static List<Finding> lint(Path versions, String... options) {
        List<String> args = new ArrayList<>(List.of("lint", "--dialect", "mariadb:10.11", "--ignore", "locks",
                "--format", "concise", "--no-cache"));
        args.addAll(List.of(options));
        args.add(versions.toString());
        CliRun.Result r = CliRun.run(args.toArray(String[]::new));
        List<Finding> out = new ArrayList<>();
        Matcher m = FINDING.matcher(r.out());
        while (m.find()) {
            out.add(new Finding(Path.of(m.group(1)).getFileName().toString(), Integer.parseInt(m.group(2)),
                    m.group(3), m.group(4)));
        }
        assertFalse(out.isEmpty(), "no findings read from: " + r.out() + r.err());
        return out;
    }

    /** "001 ok/1050; 002 1061/-": each revision's first run and re-run, ok or the server's error number. */
    private static String summary(ChainOutcome walk) {
        return walk.revisions().stream().map(r -> r.revision() + " " + result(r.first()) + "/"
                + (r.rerun() == null ? "-" : result(r.rerun()))).collect(Collectors.joining("; "));
    }

    private static String result(ChainOutcome.Outcome o) {
        return o.ok() ? "ok" : String.valueOf(o.sqlstate());
    }

    /**
     * Each run of {@code walk} against the findings: a failed run is reported, at its first finding of the kind in the
     * revision's file, with the server's error number and the object of the statement that failed; a run that passed
     * is not reported.
     */
    private static void serverAgrees(ChainOutcome walk, List<Finding> findings) {
        for (ChainOutcome.RevisionOutcome r : walk.revisions()) {
            String file = Path.of(r.file()).getFileName().toString();
            agrees(r, file, "first run", r.first(), findings.stream().filter(f -> f.file().equals(file) && f.firstRun())
                    .toList(), walk);
            if (r.rerun() != null) {
                agrees(r, file, "re-run", r.rerun(), findings.stream().filter(f -> f.file().equals(file) && f.rerun())
                        .toList(), walk);
            }
        }
    }

    private static void agrees(ChainOutcome.RevisionOutcome r, String file, String run, ChainOutcome.Outcome o,
            List<Finding> claims, ChainOutcome walk) {
        String where = r.revision() + " (" + file + "), " + run + ": server " + o + "; idemlint " + claims
                + "\n" + walk.describe();
        if (o.ok()) {
            assertTrue(claims.isEmpty(), "the server ran it, idemlint claims it fails: " + where);
            return;
        }
        assertFalse(claims.isEmpty(), "the server failed it, idemlint is silent: " + where);
        Finding first = claims.stream().min((a, b) -> Integer.compare(a.line(), b.line())).orElseThrow();
        assertTrue(first.message().contains("error " + o.sqlstate() + " "), "another error number: " + where);
        String failed = o.statements().isEmpty() ? "" : o.statements().get(o.statements().size() - 1);
        assertTrue(!first.object().isEmpty() && failed.contains(first.object()),
                "the finding names " + first.object() + ", the server failed on " + failed + ": " + where);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the key dropped as an index in the revision that makes it again; uq_teams_city was never dropped
        "object-created-twice/mariadb_unique_key_dropped_as_index | 001 ok/1050; 002 1061/-",
        // the key dropped as an index by an earlier revision
        "object-created-twice/mariadb_unique_key_dropped_as_index_earlier | 001 ok/1050; 002 ok/1091; 003 1061/-",
        // drop_index then create_unique_constraint, drop_constraint then create_index: the re-run drops them again
        "drop-not-idempotent/mariadb_unique_key_as_index | 001 ok/1050; 002 ok/1091",
        // ALTER TABLE ... DROP INDEX uq, ADD UNIQUE KEY uq, and drop_index then create_unique_constraint
        "add-constraint-not-idempotent/mariadb_unique_key_as_index | 001 ok/1050; 002 ok/1061"})
    void a_unique_key_is_its_index_on_mariadb_and_idemlint_says_what_the_server_does(String fixture, String expected)
            throws IOException {
        Path versions = RULES.resolve(fixture).resolve("versions");
        ChainOutcome walk = walk(versions, null);
        assertEquals(expected, summary(walk), walk.describe());
        serverAgrees(walk, lint(versions));
    }

    /**
     * SQLAlchemy 2.0 and Alembic 1.13 from {@code scripts/sqlalchemy2} as the PYTHONPATH entry; where they cannot be
     * had the test fails when the MariaDB suite must run ({@link MariaDbServer#mustRun}) and is skipped elsewhere.
     */
    private static String sqlalchemy2() {
        Path script = ROOT.resolve("scripts/sqlalchemy2");
        ProcessRunner.Result r = ProcessRunner.run(List.of("bash", script.toString()), Map.of(), null,
                Duration.ofMinutes(10));
        List<String> lines = r.stdout().strip().lines().toList();
        if (r.succeeded() && !lines.isEmpty() && Files.isDirectory(Path.of(lines.get(lines.size() - 1)))) {
            return lines.get(lines.size() - 1);
        }
        String problem = script + " failed (exit " + r.exitCode() + "): " + r.stderr().strip();
        if (MariaDbServer.mustRun(System.getenv())) {
            fail("this proof needs SQLAlchemy 2.x where the MariaDB suite must run: " + problem);
        }
        Assumptions.abort("skipping a proof on SQLAlchemy 2.x, which cannot be had: " + problem);
        return null;
    }

    /**
     * What Alembic 1.16 and later run for {@code drop_constraint(..., if_exists=True)} and
     * {@code drop_table(..., if_exists=True)}: SQLAlchemy's {@code DropConstraint(c, if_exists=True)} and
     * {@code DropTable(t, if_exists=True)}. SQLAlchemy's MySQL compiler writes IF EXISTS into the table's drop and
     * not into the constraint's, so on MariaDB the second drop of the foreign key fails with 1091 and the second drop
     * of the table passes.
     */
    @Test
    void sqlalchemys_mysql_compiler_drops_a_constraint_without_if_exists_and_a_table_with_it() {
        String sa2 = sqlalchemy2();
        MariaDbServer server = MariaDbServer.require();
        try (MariaDbServer.TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec("CREATE TABLE teams (id int PRIMARY KEY); CREATE TABLE old_teams (id int PRIMARY KEY);"
                    + " CREATE TABLE players (id int PRIMARY KEY, team_id int, CONSTRAINT fk_players_team FOREIGN KEY"
                    + " (team_id) REFERENCES teams (id))").ok());
            String script = String.join("\n",
                    "import sys, sqlalchemy as sa",
                    "from sqlalchemy.schema import DropConstraint, DropTable",
                    "print('sqlalchemy', sa.__version__)",
                    "m = sa.MetaData()",
                    "teams = sa.Table('teams', m, sa.Column('id', sa.Integer, primary_key=True))",
                    "old = sa.Table('old_teams', m, sa.Column('id', sa.Integer, primary_key=True))",
                    "players = sa.Table('players', m, sa.Column('id', sa.Integer, primary_key=True),",
                    "    sa.Column('team_id', sa.Integer))",
                    "fk = sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name='fk_players_team')",
                    "players.append_constraint(fk)",
                    "engine = sa.create_engine(sys.argv[1])",
                    "for run in (1, 2):",
                    "    for ddl in (DropTable(old, if_exists=True), DropConstraint(fk, if_exists=True)):",
                    "        sql = str(ddl.compile(dialect=engine.dialect)).strip()",
                    "        try:",
                    "            with engine.begin() as conn:",
                    "                conn.execute(ddl)",
                    "            print(run, sql, '-> ok')",
                    "        except sa.exc.DBAPIError as e:",
                    "            print(run, sql, '-> ERROR', e.orig.args[0])");
            Path py = tmp.resolve("drops.py");
            Files.writeString(py, script);
            String url = "mysql+pymysql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + db.name();
            ProcessRunner.Result r = ProcessRunner.run(List.of("/usr/bin/python3", py.toString(), url),
                    Map.of("PYTHONPATH", sa2), null, Duration.ofMinutes(2));
            String out = r.stdout().strip();
            assertTrue(out.startsWith("sqlalchemy 2."), out + r.stderr());
            assertTrue(out.contains("1 DROP TABLE IF EXISTS old_teams -> ok")
                    && out.contains("2 DROP TABLE IF EXISTS old_teams -> ok"), out);
            assertTrue(out.contains("1 ALTER TABLE players DROP FOREIGN KEY fk_players_team -> ok")
                    && out.contains("2 ALTER TABLE players DROP FOREIGN KEY fk_players_team -> ERROR 1091"), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Finding> findings = lint(RULES.resolve("drop-not-idempotent/mariadb_drop_constraint_if_exists/versions"),
                "--alembic-version", "1.20.0", "--sqlalchemy-version", "2.0.40");
        assertTrue(findings.stream().anyMatch(f -> f.file().equals("002_drop.py") && f.line() == 16
                && f.rule().equals("drop-not-idempotent") && f.message().contains("error 1091")), findings.toString());
        assertTrue(findings.stream().noneMatch(f -> f.file().equals("002_drop.py") && f.line() == 15), findings.toString());
    }

    /**
     * The revision with {@code drop_constraint(..., if_exists=True)} walked by real Alembic 1.16 or later (which has
     * the keyword): its re-run fails with 1091 on the foreign key, after the table's drop passed, as idemlint says.
     * Debian's Alembic (1.8) and {@code scripts/sqlalchemy2}'s (1.13) lack the keyword: this runs where
     * {@code IDEMLINT_ALEMBIC116_PATH} names a folder holding Alembic 1.16 or later (put first on PYTHONPATH, before
     * {@code scripts/sqlalchemy2}'s SQLAlchemy 2), and is skipped elsewhere.
     */
    @Test
    void drop_constraint_if_exists_fails_its_re_run_with_1091_under_real_alembic() throws IOException {
        String alembic = System.getenv("IDEMLINT_ALEMBIC116_PATH");
        Assumptions.assumeTrue(alembic != null && Files.isDirectory(Path.of(alembic)),
                "IDEMLINT_ALEMBIC116_PATH names no folder holding Alembic 1.16 or later");
        Path versions = RULES.resolve("drop-not-idempotent/mariadb_drop_constraint_if_exists/versions");
        ChainOutcome walk = walk(versions, alembic + File.pathSeparator + sqlalchemy2());
        String[] v = walk.alembicVersion().split("\\.");
        assertTrue(Integer.parseInt(v[0]) > 1 || Integer.parseInt(v[0]) == 1 && Integer.parseInt(v[1]) >= 16,
                "Alembic 1.16 or later: " + walk.describe());
        assertEquals("001 ok/1050; 002 ok/1091", summary(walk), walk.describe());
        assertTrue(walk.revision("002").rerun().statements().contains("DROP TABLE IF EXISTS old_teams"), walk.describe());
        serverAgrees(walk, lint(versions, "--alembic-version", walk.alembicVersion(), "--sqlalchemy-version",
                walk.sqlalchemyVersion()));
    }
}
