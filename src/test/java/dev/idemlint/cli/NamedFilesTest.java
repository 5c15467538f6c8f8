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
