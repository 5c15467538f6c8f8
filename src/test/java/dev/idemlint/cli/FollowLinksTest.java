package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbolic link out of the project, named on the command line (a CI job passes a pull request's
 * changed-file list) or committed on the way to {@code -o}'s file, is neither read nor written through
 * unless {@code --follow-links} is given; the run goes on with the other files.
 */
class FollowLinksTest {
    private static final String TABLE = "    op.create_table(\"players\", sa.Column(\"id\", sa.Integer()))\n";

    @TempDir
    Path tmp;
    private Path project;
    private Path outside;

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = .\n");
        Files.writeString(project.resolve("requirements.txt"), "alembic==1.13.3\nsqlalchemy==2.0.30\n");
        Files.createDirectories(project.resolve("versions"));
        Files.writeString(project.resolve("versions/001_a.py"), revision("001", null));
        Files.writeString(outside.resolve("victim.py"), revision("002", "001"));
    }

    private static String revision(String id, String down) {
        return "\"\"\"change " + id + "\n\nRevision ID: " + id + "\nRevises: " + (down == null ? "" : down)
                + "\n\"\"\"\nimport sqlalchemy as sa\nfrom alembic import op\n\nrevision = \"" + id
                + "\"\ndown_revision = " + (down == null ? "None" : "\"" + down + "\"") + "\n\n\ndef upgrade():\n"
                + TABLE + "\n\ndef downgrade():\n    pass\n";
    }

    @Test
    void a_named_link_out_of_the_project_is_refused_and_its_target_not_fixed() throws IOException {
        Path link = Files.createSymbolicLink(project.resolve("versions/002_b.py"), outside.resolve("victim.py"));
        String victim = Files.readString(outside.resolve("victim.py"));
        CliRun.Result r = CliRun.run("lint", "--no-cache", "--fix", link.toString(),
                project.resolve("versions/001_a.py").toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(link + ": symbolic link to a path outside the project, not followed"
                + " (--follow-links reads it)"), r.err());
        assertEquals(victim, Files.readString(outside.resolve("victim.py")), "the link's target is not rewritten");
        // the run goes on with the other file: it is fixed
        assertTrue(Files.readString(project.resolve("versions/001_a.py")).contains("if_not_exists=True"));
        assertFalse(r.out().contains("victim") || r.out().contains("002_b.py:"), r.out());
    }

    @Test
    void follow_links_reads_and_fixes_a_named_link_out_of_the_project() throws IOException {
        Path link = Files.createSymbolicLink(project.resolve("versions/002_b.py"), outside.resolve("victim.py"));
        CliRun.Result r = CliRun.run("lint", "--no-cache", "--fix", "--follow-links", link.toString());
        assertFalse(r.err().contains("outside the project"), r.err());
        assertTrue(Files.readString(outside.resolve("victim.py")).contains("if_not_exists=True"), r.out() + r.err());
    }

    @Test
    void a_named_versions_folder_linked_out_of_the_project_is_refused() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("alembic.ini"), "[alembic]\nscript_location = .\n");
        Files.createDirectories(outside.resolve("versions"));
        Files.writeString(outside.resolve("versions/002_b.py"), revision("002", null));
        Path link = Files.createSymbolicLink(other.resolve("versions"), outside.resolve("versions"));
        CliRun.Result r = CliRun.run("lint", "--no-cache", link.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(link + ": symbolic link to a path outside the project, not followed"), r.err());
        assertFalse(r.out().contains("002_b.py"), r.out());
        CliRun.Result followed = CliRun.run("lint", "--no-cache", "--follow-links", link.toString());
        assertTrue(followed.out().contains("002_b.py"), followed.out() + followed.err());
    }

    @Test
    void output_is_not_written_through_a_committed_folder_link_out_of_the_project() throws IOException {
        Files.createSymbolicLink(project.resolve("reports"), outside);
        for (String option : new String[] {"-o", "--write-baseline"}) {
            Path target = project.resolve("reports/report.txt");
            CliRun.Result r = CliRun.run("lint", "--no-cache", option, target.toString(), project.toString());
            assertEquals(2, r.exit(), option + ": " + r.out() + r.err());
            assertTrue(r.err().contains("cannot write " + target + ": symbolic link to a path outside the project"),
                    r.err());
            assertFalse(Files.exists(outside.resolve("report.txt")), option + ": nothing written through the link");
            CliRun.Result followed = CliRun.run("lint", "--no-cache", "--follow-links", option, target.toString(),
                    project.toString());
            assertTrue(Files.exists(outside.resolve("report.txt")), option + ": " + followed.err());
            Files.delete(outside.resolve("report.txt"));
        }
        // a file link out of the project, and a dangling one, are not written through either
        Files.createSymbolicLink(project.resolve("report.txt"), outside.resolve("written.txt"));
        CliRun.Result r = CliRun.run("lint", "--no-cache", "-o", project.resolve("report.txt").toString(),
                project.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertFalse(Files.exists(outside.resolve("written.txt")));
        // the control: a path outside every project, the user's own choice, is written
        CliRun.Result free = CliRun.run("lint", "--no-cache", "-o", outside.resolve("free.txt").toString(),
                project.toString());
        assertTrue(Files.exists(outside.resolve("free.txt")), free.err());
    }
}
