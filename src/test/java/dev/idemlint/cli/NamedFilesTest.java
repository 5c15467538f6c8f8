package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files named on the command line, as pre-commit passes every staged file: only revisions are linted. */
class NamedFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        Path versions = Files.createDirectories(dir.resolve("alembic/versions"));
        Files.writeString(versions.resolve("001_base.py"), """
                revision = "001"
                down_revision = None


                def upgrade():
                    op.add_column("t", sa.Column("c", sa.Text()))
                """);
        Files.writeString(dir.resolve("alembic/env.py"), "from alembic import context\ncontext.configure()\n");
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/main.py"), "def main():\n    return 1\n");
    }

    @Test
    void an_application_file_or_env_py_is_named_as_not_a_revision_and_not_linted() {
        for (String f : new String[] {"app/main.py", "alembic/env.py"}) {
            CliRun.Result r = CliRun.run("lint", dir.resolve(f).toString());
            assertEquals(0, r.exit(), f + ": " + r.out() + r.err());
            assertFalse(r.out().contains("parse-error"), r.out());
            assertTrue(r.err().contains("warning: ") && r.err().contains("not a revision file"), r.err());
        }
    }

    @Test
    void a_module_in_a_versions_folder_alembic_never_reads_is_application_code() throws Exception {
        // issue 59: pre-commit passes app/versions/info.py; no alembic.ini lists app/versions, no env.py is beside it
        Files.createDirectories(dir.resolve("app/versions"));
        Files.writeString(dir.resolve("app/versions/info.py"), "VERSION = '1.2'\n");
        CliRun.Result r = CliRun.run("lint", dir.resolve("app/versions/info.py").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertFalse(r.out().contains("parse-error"), r.out());
        assertTrue(r.err().contains("not a revision file"), r.err());
        // the same name in the folder Alembic reads (alembic/versions, beside env.py) fails every Alembic command
        for (String name : new String[] {"info.py", "_helpers.py"}) {
            Files.writeString(dir.resolve("alembic/versions").resolve(name), "VERSION = '1.2'\n");
            CliRun.Result read = CliRun.run("lint", "--output-format", "concise",
                    dir.resolve("alembic/versions").resolve(name).toString());
            assertEquals(1, read.exit(), name + ": " + read.out() + read.err());
            assertTrue(read.out().contains(name + ":1:1: parse-error"), read.out());
            assertTrue(read.out().contains("Could not determine revision id from filename"), read.out());
        }
    }

    @Test
    void alembic_ini_says_which_folders_alembic_reads() throws Exception {
        // version_locations names db/releases, a folder not called versions; app/versions is still no location
        Files.writeString(dir.resolve("alembic.ini"), "[alembic]\nscript_location = alembic\n"
                + "version_locations = %(here)s/alembic/versions %(here)s/db/releases\n");
        Files.createDirectories(dir.resolve("db/releases"));
        Files.writeString(dir.resolve("db/releases/helpers.py"), "def helper():\n    return 1\n");
        Files.createDirectories(dir.resolve("app/versions"));
        Files.writeString(dir.resolve("app/versions/info.py"), "VERSION = '1.2'\n");
        CliRun.Result listed = CliRun.run("lint", "--output-format", "concise",
                dir.resolve("db/releases/helpers.py").toString());
        assertEquals(1, listed.exit(), listed.out() + listed.err());
        assertTrue(listed.out().contains("helpers.py:1:1: parse-error"), listed.out());
        CliRun.Result app = CliRun.run("lint", dir.resolve("app/versions/info.py").toString());
        assertEquals(0, app.exit(), app.out() + app.err());
        assertTrue(app.err().contains("not a revision file"), app.err());
    }

    @Test
    void force_exclude_skips_them_silently_and_the_revision_among_them_is_still_linted() {
        CliRun.Result r = CliRun.run("lint", "--force-exclude", "--output-format", "concise",
                dir.resolve("app/main.py").toString(), dir.resolve("alembic/env.py").toString(),
                dir.resolve("alembic/versions/001_base.py").toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("001_base.py:6:5: add-column-not-idempotent"), r.out());
        r = CliRun.run("lint", "--force-exclude", dir.resolve("app/main.py").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.err());
    }
}
