package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report options end to end through {@code idemlint lint}: baseline written, matched after
 * edits above the finding, new findings still failing; SARIF and the other formats written with
 * {@code --output}. Runs once the rule docs and the parser are on the classpath.
 */
class LintCommandReportTest {
    static final String CALL = "    op.add_column(\"players\", sa.Column(\"custom_notes\", sa.Text()))\n";
    static final String REVISION = """
            \"""add custom_notes

            Revision ID: 020
            Revises: 019
            \"""
            import sqlalchemy as sa
            from alembic import op

            revision = "020"
            down_revision = "019"


            def upgrade():
            """ + CALL;

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void setUp() throws IOException {
        assertNotNull(Main.class.getClassLoader().getResource("idemlint/rules/add-column-not-idempotent.md"),
                "rule docs on the classpath");
        file = dir.resolve("020_notes.py");
        Files.writeString(file, REVISION, StandardCharsets.UTF_8);
        Path probe = dir.resolve("probe.json");
        Main.run("lint", "--format", "json", "--output", probe.toString(), file.toString());
        // a precondition of every test here, checked (not assumed: a skip would hide a broken pipeline)
        assertTrue(Files.readString(probe).contains("\"add-column-not-idempotent\""), "add_column is flagged");
    }

    @Test
    void baseline_hides_accepted_findings_across_edits_above_them_and_gates_new_ones() throws IOException {
        Path baseline = dir.resolve("idemlint-baseline.json");
        assertEquals(0, Main.run("lint", "--write-baseline", baseline.toString(), file.toString()));
        assertTrue(Files.readString(baseline).contains("\"rule\": \"add-column-not-idempotent\""));
        assertEquals(0, Main.run("lint", "--baseline", baseline.toString(), "-o", dir.resolve("a.txt").toString(),
                file.toString()));
        Files.writeString(file, REVISION.replace("import sqlalchemy as sa\n",
                "# reviewed 2024\nimport sqlalchemy as sa\nimport logging\n\n"));
        assertEquals(0, Main.run("lint", "--baseline", baseline.toString(), "-o", dir.resolve("b.txt").toString(),
                file.toString()));
        Files.writeString(file, Files.readString(file) + CALL.replace("custom_notes", "rating"));
        Path out = dir.resolve("c.txt");
        assertEquals(1, Main.run("lint", "--baseline", baseline.toString(), "-o", out.toString(), file.toString()));
        String text = Files.readString(out);
        assertTrue(text.contains("rating") && !text.contains("custom_notes"), text);
    }

    @Test
    void sarif_output_file_validates_and_uses_srcroot_relative_uris() throws IOException {
        Path out = dir.resolve("reports/idemlint.sarif");
        assertEquals(1, Main.run("lint", "--format", "sarif", "--srcroot", dir.toString(), "--output", out.toString(),
                file.toString()));
        String sarif = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(Set.of(), SarifReporterTest.validate("sarif-schema-2.1.0.json", sarif));
        assertTrue(sarif.contains("\"uri\": \"020_notes.py\""), sarif);
        assertEquals(0, Main.run("lint", "--format", "sarif", "--fail-on", "never", "--output", out.toString(),
                file.toString()));
    }

    @Test
    void github_and_gitlab_formats_are_selectable() throws IOException {
        Path gh = dir.resolve("gh.txt");
        Path gl = dir.resolve("gl.json");
        Main.run("lint", "--format", "github", "-o", gh.toString(), file.toString());
        Main.run("lint", "--format", "gitlab", "-o", gl.toString(), file.toString());
        assertTrue(Files.readString(gh).startsWith("::error file="), Files.readString(gh));
        assertTrue(Files.readString(gl).contains("\"check_name\": \"add-column-not-idempotent\""));
    }
}
