package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a result depends on is in what decides whether a stored result is used: after each input
 * outside the versions tree changes (an application module a revision imports, found or not yet there, a
 * nearer module shadowing it, the pins, the config, env.py, the naming convention), a run with the result
 * cache and a run served by the daemon (its kept models and contents, in this JVM) print byte for byte
 * what a {@code --no-cache} run prints. Each step checks that the change shows in the output, so that a
 * stale result cannot pass as an unchanged one.
 */
class CacheInputsTest {
    @TempDir
    Path tmp;
    private Path project;
    private Path cache;
    private Path servedCache;

    @BeforeEach
    void project() throws IOException {
        project = tmp.resolve("project");
        cache = tmp.resolve("cache");
        servedCache = tmp.resolve("served-cache");
        write("alembic.ini", "[alembic]\nscript_location = migrations\n");
        write("requirements.txt", "alembic==1.15.2\nsqlalchemy==2.0.30\n");
        write("app/__init__.py", "");
        write("app/models.py", """
                import sqlalchemy as sa
                from sqlalchemy.orm import declarative_base

                metadata = sa.MetaData(naming_convention={"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"})
                Base = declarative_base(metadata=metadata)


                class Ecosystem(Base):
                    __table_name__ = "ecosystems"

                    id = sa.Column(sa.Integer, primary_key=True)
                """);
        write("migrations/env.py", """
                from alembic import context
                from sqlalchemy import engine_from_config, pool

                from app.models import metadata

                connectable = engine_from_config(context.config.get_section(context.config.config_ini_section),
                                                 prefix="sqlalchemy.", poolclass=pool.NullPool)
                with connectable.connect() as connection:
                    context.configure(connection=connection, target_metadata=metadata)
                    with context.begin_transaction():
                        context.run_migrations()
                """);
        write("migrations/versions/001_tables.py", revision("001", null, "import sqlalchemy as sa\n", """
                    op.create_table("ecosystems", sa.Column("id", sa.Integer(), primary_key=True))
                    op.create_table("notes", sa.Column("id", sa.Integer(), primary_key=True))
                    op.create_foreign_key(None, "orders", "customers", ["customer_id"], ["id"])
                """));
        write("migrations/versions/002_seed.py", revision("002", "001", "from app.models import Ecosystem\n", """
                    op.bulk_insert(Ecosystem.__table__, [{"id": 7}])
                """));
        write("migrations/versions/003_note.py", revision("003", "002", "from app.extra import Note\n", """
                    op.bulk_insert(Note.__table__, [{"id": 1}])
                """));
        write("migrations/versions/004_column.py", revision("004", "003", "import sqlalchemy as sa\n", """
                    op.add_column("ecosystems", sa.Column("reach", sa.Integer()), if_not_exists=True)
                """));
    }

    private static String revision(String id, String down, String imports, String body) {
        return "\"\"\"revision " + id + "\n\nRevision ID: " + id + "\nRevises: " + (down == null ? "" : down)
                + "\n\"\"\"\nfrom alembic import op\n" + imports + "\nrevision = \"" + id + "\"\ndown_revision = "
                + (down == null ? "None" : "\"" + down + "\"") + "\n\n\ndef upgrade():\n" + body
                + "\n\ndef downgrade():\n    pass\n";
    }

    private void write(String path, String text) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void edit(String path, String from, String to) throws IOException {
        Path p = project.resolve(path);
        String text = Files.readString(p);
        assertTrue(text.contains(from), path + " holds " + from);
        Files.writeString(p, text.replace(from, to));
    }

    private CliRun.Result lint(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "lint";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = project.toString();
        return CliRun.run(args);
    }

    /** A run as the daemon serves it: its kept models and file contents live in this JVM between runs. */
    private CliRun.Result served() {
        Invocation.begin(Map.of(), false);
        try {
            return lint("--cache-dir", servedCache.toString());
        } finally {
            Invocation.end();
            Invocation.runLater();
        }
    }

    private static void assertSame(CliRun.Result expected, CliRun.Result actual, String what) {
        assertEquals(expected.out(), actual.out(), what + ": stdout");
        assertEquals(expected.err(), actual.err(), what + ": stderr");
        assertEquals(expected.exit(), actual.exit(), what + ": exit status");
    }

    /**
     * The output without the cache, checked to contain {@code shows} and to differ from {@code before}; the
     * cached and served runs (each twice: stored, then read back) checked to print exactly that.
     */
    private CliRun.Result check(String step, CliRun.Result before, String shows) {
        CliRun.Result plain = lint("--no-cache");
        assertTrue(plain.out().contains(shows), step + ": the change shows: " + plain.out());
        if (before != null) {
            assertNotEquals(before.out(), plain.out(), step + ": the output changes");
        }
        for (int i = 0; i < 2; i++) {
            assertSame(plain, lint("--cache-dir", cache.toString()), step + ", cached run " + i);
            assertSame(plain, served(), step + ", served run " + i);
        }
        return plain;
    }

    @Test
    void a_model_given_its_tablename_after_a_lookup_that_found_none_is_seen() throws IOException {
        CliRun.Result before = check("no class maps a table", null, "004_column.py");
        assertTrue(!before.out().contains("insert-not-idempotent"), before.out());
        edit("app/models.py", "__table_name__", "__tablename__");
        check("the class maps ecosystems", before, "insert-not-idempotent");
    }

    @Test
    void every_input_outside_the_tree_changes_the_output_as_without_the_cache() throws IOException {
        CliRun.Result out = check("start", null, "004_column.py");
        edit("app/models.py", "__table_name__", "__tablename__");
        out = check("the model maps a table", out, "\"ecosystems\"");
        // a module that did not exist when the look-up found nothing
        write("app/extra.py", "class Note(Base):\n    __tablename__ = \"notes\"\n");
        out = check("the imported module is created", out, "\"notes\"");
        // a nearer module on the import path shadows the one read: a path that did not exist either
        write("migrations/app/__init__.py", "");
        write("migrations/app/extra.py", "class Note(Base):\n    __tablename__ = \"notes_a\"\n");
        out = check("a nearer module shadows it", out, "\"notes_a\"");
        // an edit that keeps the size: a memo keyed by size and time alone misses it
        edit("migrations/app/extra.py", "notes_a", "notes_b");
        out = check("the nearer module is edited in place", out, "\"notes_b\"");
        Files.delete(project.resolve("migrations/app/extra.py"));
        out = check("the nearer module is removed", out, "\"notes\"");
        edit("requirements.txt", "alembic==1.15.2", "alembic==1.16.0");
        out = check("the pins", out, "Found ");
        assertTrue(!out.out().contains("unsupported-alembic-kwarg"), out.out());
        write(".idemlint.toml", "ignore = [\"insert-not-idempotent\"]\n");
        out = check("the config", out, "Found ");
        assertTrue(!out.out().contains("insert-not-idempotent"), out.out());
        edit("app/models.py", "\"fk\": \"fk_%", "\"fk\": \"fkey_%");
        out = check("the naming convention", out, "fkey_orders_customer_id_customers");
        edit("migrations/env.py", "target_metadata=metadata", "target_metadata=None");
        out = check("env.py", out, "Found ");
        assertTrue(!out.out().contains("fkey_orders"), out.out());
    }
}
