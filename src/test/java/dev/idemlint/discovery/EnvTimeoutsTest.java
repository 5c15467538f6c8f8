package dev.idemlint.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvTimeoutsTest {
    @Test
    void a_set_executed_on_the_connection_counts_with_its_line() {
        EnvTimeouts t = EnvTimeouts.read("alembic/env.py", """
                def run_migrations_online():
                    with connectable.connect() as connection:
                        connection.execute(text("SET lock_timeout = '5s'"))
                """);
        assertEquals("alembic/env.py:3", t.lockTimeout());
        assertTrue(t.mayBoundLockWaits());
    }

    @Test
    void connect_args_options_count_for_both() {
        EnvTimeouts t = EnvTimeouts.read("env.py",
                "engine = create_engine(url, connect_args={\"options\": \"-c lock_timeout=3000 -c statement_timeout=1min\"})\n");
        assertEquals("env.py:1", t.lockTimeout());
        assertEquals("env.py:1", t.statementTimeout());
    }

    @Test
    void comments_deadlock_timeout_and_statement_timeout_do_not_bound_lock_waits() {
        EnvTimeouts t = EnvTimeouts.read("env.py", """
                # SET lock_timeout here some day
                connection.execute(text("SET deadlock_timeout = '1s'"))  # not lock_timeout
                connection.execute(text("SET statement_timeout = '10min'"))
                x = "#"; y = 1  # lock_timeout
                """);
        assertEquals(null, t.lockTimeout());
        assertEquals("env.py:3", t.statementTimeout());
        assertFalse(t.mayBoundLockWaits());
    }

    @Test
    void a_hash_inside_a_string_does_not_start_a_comment() {
        assertEquals("env.py:1", EnvTimeouts.read("env.py", "conn.execute(text('-- #1\\nSET lock_timeout = 1000'))\n")
                .lockTimeout());
    }

    @Test
    void no_env_py_and_an_unreadable_one_may_set_anything(@TempDir Path root) throws IOException {
        Path versions = Files.createDirectories(root.resolve("migrations/versions"));
        assertEquals(EnvTimeouts.UNSEEN, EnvTimeouts.of(versions, root, f -> true));
        assertTrue(EnvTimeouts.UNSEEN.mayBoundLockWaits());
        Files.writeString(root.resolve("migrations/env.py"), "context.run_migrations()\n");
        assertEquals(EnvTimeouts.NONE, EnvTimeouts.of(versions, root, f -> true));
        EnvTimeouts refused = EnvTimeouts.of(versions, root, f -> false);
        assertFalse(refused.read());
        assertTrue(refused.mayBoundLockWaits());
        Files.writeString(root.resolve("migrations/env.py"), "connection.exec_driver_sql(\"SET lock_timeout TO '2s'\")\n");
        assertEquals("migrations/env.py:1", EnvTimeouts.of(versions, root, f -> true).lockTimeout());
    }

    @Test
    void a_commit_or_an_autocommit_level_outside_comments_is_where_env_py_commits() {
        assertEquals("env.py:4", EnvTimeouts.read("env.py", """
                # connection.commit() would keep a revision's stamp
                with context.begin_transaction():
                    context.run_migrations()
                connection.commit()
                """).commit());
        assertEquals("env.py:1", EnvTimeouts.read("env.py",
                "engine = create_engine(url, isolation_level=\"AUTOCOMMIT\")\n").commit());
        assertEquals(EnvTimeouts.NONE, EnvTimeouts.read("env.py", """
                with context.begin_transaction():  # no .commit() here
                    context.run_migrations()
                """));
    }
}
