package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.idemlint.RealSources;
import dev.idemlint.discovery.EnvTimeouts;
import dev.idemlint.discovery.Settings;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.pg.PgCluster.TempDatabase;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.LintResult;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * revision-never-stamped proved with real Alembic 1.13.2 on SQLAlchemy 2.0.40 (Debian trixie's, fetched by {@code
 * scripts/sqlalchemy2}) and psycopg2 on PostgreSQL: a one-revision project runs {@code alembic upgrade head} twice;
 * the revision counts its runs in a table written inside its autocommit block (committed whatever happens to the
 * stamp), and the test reads {@code alembic_version} after each. Each case is also linted, and the rule fires
 * exactly on the revisions that run again.
 */
@Tag("postgres")
class NeverStampedProofTest {

    private static final String TEMPLATE_ENV = """
            from alembic import context
            from sqlalchemy import engine_from_config, pool
            config = context.config
            connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                             poolclass=pool.NullPool)
            with connectable.connect() as connection:
                context.configure(connection=connection, target_metadata=None%s)
                with context.begin_transaction():
                    context.run_migrations()
            %s""";
    private static final String COUNTED_INDEX = """
            with op.get_context().autocommit_block():
                op.execute("INSERT INTO runs DEFAULT VALUES")
                op.create_index("ix_players_email", "players", ["email"], postgresql_concurrently=True,
                                if_not_exists=True)
            """;

    private static String pythonPath;
    private static String stackProblem;

    private PgCluster cluster;
    private TempDatabase db;

    @TempDir
    Path tmp;

    @BeforeEach
    void freshDatabase() {
        cluster = PgCluster.require();
        requireStack();
        db = cluster.createDatabase();
        assertTrue(db.exec("CREATE TABLE players (id int, email text); CREATE TABLE runs (id serial)").ok());
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    /**
     * SQLAlchemy 2.0 and Alembic 1.13 on the PYTHONPATH of /usr/bin/python3, fetched once per JVM, as the entry to
     * put first on PYTHONPATH; without them the calling test fails where the suite must run (scripts/test, CI:
     * deb.debian.org is reachable there) and is skipped elsewhere, with the script's message.
     */
    static synchronized String requireStack() {
        if (pythonPath == null && stackProblem == null) {
            Path script = RealSources.repoRoot().resolve("scripts/sqlalchemy2");
            ProcessRunner.Result r = ProcessRunner.run(List.of("bash", script.toString()), Map.of(), null,
                    Duration.ofMinutes(10));
            List<String> lines = r.stdout().strip().lines().toList();
            if (!r.succeeded() || lines.isEmpty() || !Files.isDirectory(Path.of(lines.get(lines.size() - 1)))) {
                stackProblem = script + " failed (exit " + r.exitCode() + "): " + r.stderr().strip();
            } else {
                pythonPath = lines.get(lines.size() - 1);
            }
        }
        if (stackProblem != null) {
            if (PgCluster.mustRun(System.getenv())) {
                fail("this proof needs SQLAlchemy 2.x where scripts/test or CI runs it: " + stackProblem);
            }
            Assumptions.abort("skipping a proof on SQLAlchemy 2.x, which cannot be had: " + stackProblem);
        }
        return pythonPath;
    }

    /** Writes the project with {@code env} as env.py and {@code body} as upgrade(); returns the versions folder. */
    private Path project(String env, String body) throws IOException {
        Path versions = Files.createDirectories(tmp.resolve("mig/versions"));
        Files.writeString(tmp.resolve("alembic.ini"), "[alembic]\nscript_location = %(here)s/mig\nsqlalchemy.url = postgresql://"
                + cluster.user() + "@" + cluster.host() + ":" + cluster.port() + "/" + db.name() + "\n");
        Files.writeString(tmp.resolve("mig/env.py"), env);
        Files.writeString(versions.resolve("a.py"), """
                revision = "a"
                down_revision = None
                from alembic import op
                import sqlalchemy as sa
                def upgrade():
                %s
                def downgrade():
                    pass
                """.formatted(body.indent(4)));
        return versions;
    }

    private ProcessRunner.Result upgrade() {
        Map<String, String> env = new java.util.HashMap<>(cluster.childEnv());
        env.put("PYTHONPATH", pythonPath);
        ProcessRunner.Result r = ProcessRunner.run(List.of("/usr/bin/python3", "-m", "alembic", "-c",
                tmp.resolve("alembic.ini").toString(), "upgrade", "head"), env, null, Duration.ofSeconds(90));
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    /** Runs upgrade head twice; returns how many times the revision ran and whether it is stamped at the end. */
    private String runTwice() {
        upgrade();
        upgrade();
        return count("SELECT count(*) FROM runs") + " runs, stamped " + count("SELECT count(*) FROM alembic_version");
    }

    private String count(String sql) {
        ProcessRunner.Result r = ProcessRunner.run(List.of(cluster.tool("psql"), "-X", "-A", "-t", "-v",
                "ON_ERROR_STOP=1", "-h", cluster.host(), "-p", Integer.toString(cluster.port()), "-U", cluster.user(),
                "-d", db.name(), "-c", sql), cluster.childEnv(), null, Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r::toString);
        return r.stdout().strip();
    }

    /** Whether idemlint reports revision-never-stamped on the project, its env.py read as discovery reads it. */
    private boolean flagged(Path versions) throws IOException {
        List<String> names = new java.util.ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        Linter linter = new Linter(Registry.all(), RuleCatalog.load(names));
        Settings s = Settings.DEFAULT.withEnvTimeouts(EnvTimeouts.of(versions, tmp, f -> true));
        LintResult r = linter.lint(new LintTarget(tmp, versions, List.of(versions.resolve("a.py")), s), Path::toString);
        return r.diagnostics().stream().anyMatch(d -> d.rule().equals("revision-never-stamped"));
    }

    @Test
    void the_stack_is_sqlalchemy_2_and_a_current_alembic() {
        ProcessRunner.Result r = ProcessRunner.run(List.of("/usr/bin/python3", "-c",
                "import sqlalchemy, alembic; print(sqlalchemy.__version__, alembic.__version__)"),
                Map.of("PYTHONPATH", pythonPath), null, Duration.ofSeconds(60));
        assertEquals("2.0.40 1.13.2", r.stdout().strip(), r::toString);
    }

    @Test
    void a_bind_commit_before_autocommit_block_runs_again_and_is_never_stamped() throws IOException {
        Path v = project(TEMPLATE_ENV.formatted("", ""), "op.get_bind().commit()\n" + COUNTED_INDEX);
        assertEquals("2 runs, stamped 0", runTwice());
        assertTrue(flagged(v));
    }

    @Test
    void a_bind_commit_at_the_end_loses_the_stamp_too() throws IOException {
        Path v = project(TEMPLATE_ENV.formatted("", ""), COUNTED_INDEX + "conn = op.get_bind()\nconn.commit()\n");
        assertEquals("2 runs, stamped 0", runTwice());
        assertTrue(flagged(v));
    }

    @Test
    void transaction_per_migration_loses_the_stamp_of_the_last_revision() throws IOException {
        Path v = project(TEMPLATE_ENV.formatted(", transaction_per_migration=True", ""),
                "op.get_bind().commit()\n" + COUNTED_INDEX);
        assertEquals("2 runs, stamped 0", runTwice());
        assertTrue(flagged(v));
    }

    @Test
    void autocommit_block_alone_is_stamped_and_runs_once() throws IOException {
        Path v = project(TEMPLATE_ENV.formatted("", ""), COUNTED_INDEX);
        assertEquals("1 runs, stamped 1", runTwice());
        assertTrue(!flagged(v));
    }

    @Test
    void a_commit_statement_leaves_sqlalchemy_s_transaction_for_env_py_to_commit() throws IOException {
        Path v = project(TEMPLATE_ENV.formatted("", ""), "op.execute(\"COMMIT\")\n" + COUNTED_INDEX);
        assertEquals("1 runs, stamped 1", runTwice());
        assertTrue(!flagged(v));
    }

    @Test
    void an_env_py_that_commits_at_the_end_keeps_the_stamp() throws IOException {
        Path v = project(TEMPLATE_ENV.formatted("", "    connection.commit()\n"),
                "op.get_bind().commit()\n" + COUNTED_INDEX);
        assertEquals("1 runs, stamped 1", runTwice());
        assertTrue(!flagged(v));
    }
}
