package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.source.WorkflowCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from a pull request (an identifier, a file name) never makes a line of idemlint's output that a
 * CI runner executes: a GitHub workflow command ({@code ::name ...::} at the start of a line, leading
 * white space skipped) or a mid-line {@code ##[name]} / Azure {@code ##vso[name]} command.
 */
class WorkflowCommandCliTest {
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

    @Test
    void a_column_name_with_a_newline_does_not_start_a_workflow_command() throws IOException {
        Files.writeString(versions.resolve("002_b.py"), "import sqlalchemy as sa\nfrom alembic import op\n\n"
                + "revision = \"002\"\ndown_revision = \"001\"\n\n\ndef upgrade():\n"
                + "    op.add_column(\"t\", sa.Column(\"c\\n::error file=x.py,line=1::forged\", sa.Text()))\n"
                + "    op.add_column(\"t\", sa.Column(\"d\\n##[error]legacy ##vso[task.complete result=Succeeded]x\", sa.Text()))\n");
        String dir = project.toString();
        for (List<String> args : List.of(List.of("lint", dir), List.of("lint", "--output-format", "concise", dir),
                List.of("lint", "--output-format", "concise", "--show-fixes", dir),
                List.of("lint", "--output-format", "github", dir), List.of("lint", "--output-format", "junit", dir),
                List.of("lint", "--output-format", "json", dir), List.of("lint", "--output-format", "json-lines", dir),
                List.of("lint", "--output-format", "sarif", dir), List.of("lint", "--output-format", "gitlab", dir))) {
            CliRun.Result r = CliRun.run(args.toArray(String[]::new));
            assertTrue(r.out().contains("forged"), () -> args + " lints the column\n" + r.out() + r.err());
            WorkflowCommands.assertInert(args.toString(), r.out(), args.contains("github"));
            WorkflowCommands.assertInert(args.toString(), r.err(), false);
        }
    }

    @Test
    void a_file_name_with_a_newline_and_esc_is_quoted_in_diff_headers_and_escaped_in_show_fixes() throws IOException {
        String name = "002_\n::error file=x.py::forged\u001b[2J##[warning]w.py";
        Files.writeString(versions.resolve(name), "import sqlalchemy as sa\nfrom alembic import op\n\n"
                + "revision = \"002\"\ndown_revision = \"001\"\n\n\ndef upgrade():\n"
                + "    op.add_column(\"t\", sa.Column(\"c\", sa.Text()))\n");
        String dir = project.toString();
        CliRun.Result diff = CliRun.run("lint", "--diff", "--unsafe-fixes", dir);
        // git's quoting: the header reads back to the same name, and holds no raw control character
        assertTrue(diff.out().contains("--- \"a/" + dir.substring(1)
                + "/migrations/versions/002_\\n::error file=x.py::forged\\033[2J#\\043[warning]w.py\"\n"), diff.out());
        WorkflowCommands.assertInert("--diff", diff.out(), false);
        WorkflowCommands.assertInert("--diff", diff.err(), false);
        CliRun.Result fixed = CliRun.run("lint", "--fix", "--unsafe-fixes", "--show-fixes", "--output-format", "concise", dir);
        assertTrue(fixed.out().contains("002_\\n::error file=x.py::forged\\x1b[2J#\\x23[warning]w.py: 1 fix"), fixed.out());
        WorkflowCommands.assertInert("--show-fixes", fixed.out(), false);
        WorkflowCommands.assertInert("--show-fixes", fixed.err(), false);
    }
}
