package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --exclude} replaces the config's {@code exclude}, {@code --extend-exclude} adds to it. */
class ExcludeTest {
    @TempDir
    Path dir;

    private static final String REVISION = """
            revision = "%s"
            down_revision = %s


            def upgrade():
                op.add_column("t", sa.Column("%s", sa.Text()))
            """;

    @BeforeEach
    void project() throws Exception {
        Path versions = Files.createDirectories(dir.resolve("alembic/versions"));
        Files.writeString(versions.resolve("001_base.py"), REVISION.formatted("001", "None", "a"));
        Files.writeString(versions.resolve("002_draft.py"), REVISION.formatted("002", "\"001\"", "b"));
        Files.writeString(dir.resolve(".idemlint.toml"), "exclude = [\"*_base.py\"]\n");
    }

    private CliRun.Result lint(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "lint";
        all[1] = "--output-format";
        all[2] = "concise";
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.run(all);
    }

    @Test
    void the_config_exclude_applies_without_options() {
        CliRun.Result r = lint(dir.toString());
        assertFalse(r.out().contains("001_base.py"), r.out());
        assertTrue(r.out().contains("002_draft.py:6:5: add-column-not-idempotent"), r.out());
    }

    @Test
    void exclude_replaces_the_config_exclude() {
        CliRun.Result r = lint("--exclude", "*_draft.py", dir.toString());
        assertTrue(r.out().contains("001_base.py:6:5: add-column-not-idempotent"), r.out());
        assertFalse(r.out().contains("002_draft.py"), r.out());
    }

    @Test
    void extend_exclude_adds_to_the_config_exclude() throws Exception {
        Files.writeString(dir.resolve("alembic/versions/003_more.py"), REVISION.formatted("003", "\"002\"", "c"));
        CliRun.Result r = lint("--extend-exclude", "*_draft.py", dir.toString());
        assertFalse(r.out().contains("001_base.py") || r.out().contains("002_draft.py"), r.out());
        assertTrue(r.out().contains("003_more.py:6:5: add-column-not-idempotent"), r.out());
    }

    @Test
    void a_glob_with_a_slash_is_relative_to_the_current_folder_or_absolute() {
        String absolute = dir.resolve("alembic/versions").toString() + "/002_*";
        CliRun.Result r = lint("--exclude", absolute, dir.toString());
        assertTrue(r.out().contains("001_base.py"), r.out());
        assertFalse(r.out().contains("002_draft.py"), r.out());
        // relative to the current folder, which is not the project: matches nothing there
        r = lint("--exclude", "alembic/versions/002_*", dir.toString());
        assertTrue(r.out().contains("002_draft.py"), r.out());
    }

    @Test
    void a_named_file_is_linted_even_when_excluded_unless_force_exclude() {
        String file = dir.resolve("alembic/versions/002_draft.py").toString();
        CliRun.Result r = lint("--exclude", "*_draft.py", file);
        assertTrue(r.out().contains("002_draft.py:6:5"), r.out());
        r = lint("--exclude", "*_draft.py", "--force-exclude", file);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertFalse(r.out().contains("002_draft.py"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void a_bad_glob_is_a_usage_error_on_the_command_line_and_a_located_problem_in_the_config() throws Exception {
        CliRun.Result r = lint("--extend-exclude", "[unclosed", dir.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("bad pattern '[unclosed'"), r.err());
        Files.writeString(dir.resolve(".idemlint.toml"), "exclude = [\"[unclosed\"]\n");
        r = lint(dir.toString());
        assertTrue((r.out() + r.err()).contains("bad pattern '[unclosed'"), r.out() + r.err());
    }
}
