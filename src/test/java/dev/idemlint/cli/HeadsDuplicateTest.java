package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code idemlint heads} and {@code graph} on a revision id two files declare: both files are listed,
 * the one Alembic keeps as the head and the one it drops as the shadowed duplicate, and the kept one is
 * the one real Alembic 1.8.1 (Debian's python3-alembic) keeps on the same directory: the last file
 * {@code os.listdir} gives, which on most file systems is not the last by name. From Alembic 1.10 the
 * last by name is kept.
 */
class HeadsDuplicateTest {
    private static final String PYTHON = System.getenv().getOrDefault("IDEMLINT_PYTHON", "/usr/bin/python3");

    @TempDir
    Path tmp;

    @Test
    void heads_names_the_file_alembic_1_8_keeps_in_directory_order() throws Exception {
        // name pairs until one lists the later name first and one the earlier first (the file system's order)
        Path unsorted = null;
        Path sorted = null;
        for (int i = 0; i < 64 && (unsorted == null || sorted == null); i++) {
            Path project = project("p" + i, "alembic==1.8.1", "002_a" + i + "_orders.py", "002_b" + i + "_teams.py");
            boolean laterFirst = listing(project.resolve("alembic/versions")).indexOf("002_b" + i + "_teams.py")
                    < listing(project.resolve("alembic/versions")).indexOf("002_a" + i + "_orders.py");
            if (laterFirst && unsorted == null) {
                unsorted = project;
            } else if (!laterFirst && sorted == null) {
                sorted = project;
            }
        }
        assertTrue(unsorted != null || sorted != null, "no project was written");
        for (Path project : new Path[] {unsorted, sorted}) {
            if (project == null) {
                continue; // this file system lists every pair one way: the other case is checked on the next
            }
            String kept = alembicKeeps(project);
            List<String> files = new ArrayList<>(listing(project.resolve("alembic/versions")));
            files.removeIf(f -> !f.startsWith("002_"));
            String dropped = files.get(0).equals(kept) ? files.get(1) : files.get(0);

            CliRun.Result r = CliRun.run("heads", project.toString());
            assertEquals(1, r.exit(), r.out() + r.err());
            String versions = project.resolve("alembic/versions").toString();
            assertEquals("002 (head)  " + versions + "/" + kept + "\n"
                    + "002 (head; shadowed duplicate, ignored by upgrades)  " + versions + "/" + dropped + "\n", r.out(),
                    "Alembic 1.8.1 keeps " + kept);
            assertTrue(r.err().contains("idemlint: note: Alembic 1.8.1 reads a versions directory in its own order"
                    + " (os.listdir) and keeps, of the files that declare one id, the last it reads"), r.err());

            CliRun.Result graph = CliRun.run("graph", project.toString());
            assertTrue(graph.out().contains("* 002 <- 001 (head; duplicate id)  " + versions + "/" + kept + "\n")
                    && graph.out().contains("! 002 <- 001 (shadowed duplicate: ignored by Alembic)  " + versions + "/" + dropped),
                    graph.out());
        }
    }

    @Test
    void from_alembic_1_10_heads_names_the_last_file_by_name() throws Exception {
        Path project = project("new", "alembic==1.13.1", "002_b_teams.py", "002_a_orders.py");
        CliRun.Result r = CliRun.run("heads", project.toString());
        String versions = project.resolve("alembic/versions").toString();
        assertEquals("002 (head)  " + versions + "/002_b_teams.py\n"
                + "002 (head; shadowed duplicate, ignored by upgrades)  " + versions + "/002_a_orders.py\n", r.out());
        assertFalse(r.err().contains("os.listdir"), r.err());
        assertEquals(1, r.exit());
    }

    /** A project whose alembic.ini names alembic/, pinning {@code pin}, with 001 and two files declaring 002. */
    private Path project(String name, String pin, String first, String second) throws IOException {
        Path project = Files.createDirectories(tmp.resolve(name));
        Path versions = Files.createDirectories(project.resolve("alembic/versions"));
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = alembic\n");
        Files.writeString(project.resolve("requirements.txt"), pin + "\n");
        Files.writeString(project.resolve("alembic/env.py"), "from alembic import context\n");
        Files.writeString(versions.resolve("001_base.py"), revision("001", "None"));
        Files.writeString(versions.resolve(first), revision("002", "'001'"));
        Files.writeString(versions.resolve(second), revision("002", "'001'"));
        return project;
    }

    private static String revision(String id, String down) {
        return "from alembic import op\n\nrevision = '" + id + "'\ndown_revision = " + down
                + "\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n";
    }

    private static List<String> listing(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                out.add(p.getFileName().toString());
            }
        }
        return out;
    }

    /** The file name real Alembic's revision map keeps for 002 (it warns that 002 is present more than once). */
    private static String alembicKeeps(Path project) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(PYTHON, "-W", "ignore", "-c", """
                import os, sys, alembic
                from alembic.script import ScriptDirectory
                assert alembic.__version__ == "1.8.1", alembic.__version__
                script = ScriptDirectory(os.path.join(sys.argv[1], "alembic"))
                print(os.path.basename(script.get_revision("002").path))
                """, project.toString()).redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "alembic did not finish");
        assertEquals(0, p.exitValue(), out);
        return out.strip();
    }
}
