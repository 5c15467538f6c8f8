package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.source.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a pull request controls (file names, revision ids, symlinks, alembic.ini) through the commands. */
class HostileInputCliTest {
    @TempDir
    Path tmp;
    Path project;
    Path versions;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve(".git"));
        versions = Files.createDirectories(project.resolve("migrations/versions"));
        Files.writeString(project.resolve("migrations/env.py"), "from alembic import context\n");
        Files.writeString(versions.resolve("001_a.py"), "revision = \"001\"\ndown_revision = None\n");
    }

    private static void assertPrintable(String out) {
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < out.length() && Character.isLowSurrogate(out.charAt(i + 1))) {
                i++;
            } else if (c != '\n' && Printable.unsafe(c)) {
                throw new AssertionError("raw U+" + Integer.toHexString(c) + " at " + i + " in\n" + out);
            }
        }
    }

    @Test
    void a_file_named_with_esc_and_a_revision_id_with_an_rlo_print_as_escapes() throws IOException {
        Files.writeString(versions.resolve("002_\u001b[31mred.py"), "revision = \"ab\u202ecd\"\ndown_revision = \"001\"\n\n"
                + "def upgrade():\n    op.add_column(\"t\", sa.Column(\"e\u001b[2J\", sa.Text()))\n");
        Files.writeString(versions.resolve("003_b.py"), "revision = \"003\"\ndown_revision = \"001\"\n");
        String dir = project.toString();
        for (List<String> args : List.of(List.of("lint", dir), List.of("lint", "--format", "github", dir),
                List.of("lint", "--format", "json", dir), List.of("lint", "--format", "sarif", dir),
                List.of("lint", "--format", "gitlab", dir), List.of("graph", dir), List.of("graph", "--format", "json", dir),
                List.of("graph", "--format", "dot", dir), List.of("heads", dir),
                List.of("heads", "--db-revision", "ab\u202ecd", dir))) {
            CliRun.Result r = CliRun.run(args.toArray(String[]::new));
            assertPrintable(r.out());
            assertPrintable(r.err());
            // dot doubles the escape's backslash: graphviz shows it as it is
            assertTrue(r.out().contains(args.contains("dot") ? "ab\\\\u202ecd" : "ab\\u202ecd"), args + "\n" + r.out());
        }
        String heads = CliRun.run("heads", dir).out();
        assertTrue(heads.contains("ab\\u202ecd (head)  "), heads);
        assertTrue(heads.contains("002_\\x1b[31mred.py"), heads);
    }

    @Test
    void a_usage_error_quotes_its_argument_with_escapes() {
        // pre-commit passes staged file names as arguments, and a pull request chooses them
        CliRun.Result option = CliRun.run("lint", "--cache-dir", "c\u0000d", project.toString());
        assertEquals(2, option.exit(), option.err());
        assertTrue(option.err().startsWith("idemlint: Invalid value for option '--cache-dir': cannot convert 'c\\x00d' to"
                + " interface java.nio.file.Path (java.nio.file.InvalidPathException: Nul character not allowed: c\\x00d)"),
                option.err());
        CliRun.Result positional = CliRun.run("lint", "a\u0000b\u001b[2J");
        assertEquals(2, positional.exit(), positional.err());
        assertTrue(positional.err().startsWith("idemlint: Unmatched argument at index 1: 'a\\x00b\\x1b[2J'"), positional.err());
        CliRun.Result rule = CliRun.run("lint", "--select", "bad\u001b[2J\u202erule", project.toString());
        assertEquals(2, rule.exit(), rule.err());
        assertTrue(rule.err().startsWith("idemlint: unknown rule or category 'bad\\x1b[2J\\u202erule'"), rule.err());
        // a staged file whose name starts with a dash reaches picocli as an option
        CliRun.Result dash = CliRun.run("lint", "-\u001b[2J\u202e.py");
        assertEquals(2, dash.exit(), dash.err());
        assertTrue(dash.err().startsWith("idemlint: Unknown option: '-\\x1b[2J\\u202e.py'"), dash.err());
        for (CliRun.Result r : List.of(option, positional, rule, dash)) {
            assertFalse(r.err().chars().anyMatch(c -> c < 0x20 && c != '\n' || c == 0x202e), r.err());
        }
    }

    @Test
    void a_secret_symlinked_into_versions_is_not_printed_and_fails_the_run() throws IOException {
        Path secret = Files.writeString(tmp.resolve(".env"), "DATABASE_PASSWORD=hunter2\nrevision = 'x'\ndown_revision = None\n");
        Path link = Files.createSymbolicLink(versions.resolve("002_env.py"), secret);
        CliRun.Result r = CliRun.run("lint", project.toString());
        assertEquals(2, r.exit(), r.err());
        assertFalse(r.out().contains("hunter2") || r.err().contains("hunter2"));
        assertTrue(r.err().contains(link + ": symbolic link to a path outside the project, not followed"), r.err());
    }

    @Test
    void a_deployments_alembic_ini_is_a_warning_and_the_exit_code_stays() throws IOException {
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = /usr/share/app/alembic\n");
        CliRun.Result r = CliRun.run("lint", project.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning: " + project.resolve("alembic.ini") + ":2: version location outside the project"),
                r.err());
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = %(NOPE)s/alembic\n");
        CliRun.Result bad = CliRun.run("lint", project.toString());
        assertEquals(2, bad.exit(), "an unresolvable script_location is a config error");
        assertTrue(bad.err().contains(project.resolve("alembic.ini") + ":2: script_location %(NOPE)s/alembic names no directory"),
                bad.err());
    }
}
