package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.pg.PgCluster.TempDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which env.py settings and revision code take CREATE INDEX CONCURRENTLY out of Alembic's transaction, with
 * real Alembic 1.8.1 / SQLAlchemy 1.4.46 / psycopg2 on PostgreSQL: `alembic upgrade head` on a one-revision
 * project whose env.py is written by the test.
 */
@Tag("postgres")
class TransactionExitFactsTest {

    private static final String CONCURRENTLY =
            "op.create_index(\"ix_players_email\", \"players\", [\"email\"], postgresql_concurrently=True)";

    private PgCluster cluster;
    private TempDatabase db;

    @TempDir
    Path tmp;

    @BeforeEach
    void freshDatabase() {
        cluster = PgCluster.require();
        db = cluster.createDatabase();
        assertTrue(db.exec("CREATE TABLE players (id int, email text)").ok());
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    /** Runs `alembic upgrade head`; returns its output (stdout and stderr) and whether it succeeded. */
    private ProcessRunner.Result upgrade(String engineExtra, String configureExtra, String body) throws IOException {
        Files.createDirectories(tmp.resolve("mig/versions"));
        Files.writeString(tmp.resolve("alembic.ini"), "[alembic]\nscript_location = %(here)s/mig\nsqlalchemy.url = postgresql://"
                + cluster.user() + "@" + cluster.host() + ":" + cluster.port() + "/" + db.name() + "\n");
        Files.writeString(tmp.resolve("mig/env.py"), """
                from alembic import context
                from sqlalchemy import engine_from_config, pool
                config = context.config
                connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                                 poolclass=pool.NullPool%s)
                with connectable.connect() as connection:
                    context.configure(connection=connection, target_metadata=None%s)
                    with context.begin_transaction():
                        context.run_migrations()
                """.formatted(engineExtra, configureExtra));
        Files.writeString(tmp.resolve("mig/versions/a.py"), """
                revision = "a"
                down_revision = None
                from alembic import op
                import sqlalchemy as sa
                def upgrade():
                %s
                def downgrade():
                    pass
                """.formatted(body.indent(4)));
        return ProcessRunner.run(List.of("/usr/bin/python3", "-m", "alembic", "-c", tmp.resolve("alembic.ini").toString(),
                "upgrade", "head"), cluster.childEnv(), null, Duration.ofSeconds(90));
    }

    private static void assertActiveSqlTransaction(ProcessRunner.Result r) {
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("ActiveSqlTransaction"), r::stderr);
    }

    @Test
    void transaction_per_migration_still_runs_each_migration_in_a_transaction() throws IOException {
        assertActiveSqlTransaction(upgrade("", ", transaction_per_migration=True", CONCURRENTLY));
    }

    @Test
    void transactional_ddl_false_still_runs_each_migration_in_a_transaction() throws IOException {
        assertActiveSqlTransaction(upgrade("", ", transactional_ddl=False", CONCURRENTLY));
    }

    @Test
    void an_autocommit_engine_in_env_py_runs_concurrently_fine() throws IOException {
        ProcessRunner.Result r = upgrade(", isolation_level=\"AUTOCOMMIT\"", "", CONCURRENTLY);
        assertEquals(0, r.exitCode(), r::toString);
    }

    @Test
    void a_bind_commit_is_no_way_out_on_sqlalchemy_1_4_it_raises_attribute_error() throws IOException {
        ProcessRunner.Result r = upgrade("", "", "op.get_bind().commit()\n" + CONCURRENTLY);
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("AttributeError: 'Connection' object has no attribute 'commit'"), r::stderr);
    }

    @Test
    void an_autocommit_connection_builds_the_index_outside_the_transaction() throws IOException {
        ProcessRunner.Result r = upgrade("", "", """
                conn = op.get_bind().execution_options(isolation_level="AUTOCOMMIT")
                conn.execute(sa.text("CREATE INDEX CONCURRENTLY ix_players_email ON players (email)"))
                """);
        // not 25001: the index is built; SQLAlchemy 1.4 warns that switching the level ends the transaction
        // Alembic had open, so the revision then fails stamping a version table that was rolled back
        assertTrue(!r.stderr().contains("ActiveSqlTransaction"), r::stderr);
        assertTrue(db.exec("""
                DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'ix_players_email')
                THEN RAISE EXCEPTION 'no index'; END IF; END $$""").ok(), "the index was built");
    }
}
