package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graph fixes are applied: a renumbered duplicate is renamed and rewritten, several heads get a merge file. */
class GraphFixTest {

    @TempDir
    Path tmp;

    /** A revision file named like Alembic's: {@code <id>_<slug>.py}. */
    private static void revision(Path dir, String id, String down, String slug) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(id + "_" + slug + ".py"), "\"\"\"" + slug + "\n\nRevision ID: " + id
                + "\nRevises: " + (down == null ? "" : down) + "\n\n\"\"\"\nfrom alembic import op\n\n"
                + "revision = \"" + id + "\"\ndown_revision = " + (down == null ? "None" : "\"" + down + "\"")
                + "\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n"
                + "    op.execute(\"CREATE TABLE IF NOT EXISTS t_" + slug + " (id int)\")\n\n\n"
                + "def downgrade():\n    pass\n");
    }

    /** 0001 -> 0002 -> 0003, and a second, newer 0002 after 0001. */
    private Path duplicateId() throws IOException {
        Path dir = tmp.resolve("dup/versions");
        revision(dir, "0001", null, "first");
        revision(dir, "0002", "0001", "b");
        revision(dir, "0003", "0002", "c");
        revision(dir, "0002", "0001", "second");
        Files.setLastModifiedTime(dir.resolve("0002_second.py"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        return dir;
    }

    /** 0001 -> 0002 and 0001 -> 0003: two heads. */
    private Path twoHeads() throws IOException {
        Path dir = tmp.resolve("heads/versions");
        revision(dir, "0001", null, "first");
        revision(dir, "0002", "0001", "b");
        revision(dir, "0003", "0001", "c");
        return dir;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py")).sorted().toList();
        }
    }

    private static CliRun.Result lint(Path dir, String... flags) {
        String[] args = Stream.concat(Stream.of("lint", "--color", "never", "--alembic-version", "1.8.1"),
                Stream.concat(Stream.of(flags), Stream.of(dir.toString()))).toArray(String[]::new);
        return CliRun.run(args);
    }

    @Test
    void diff_shows_the_merge_revision_as_a_new_file_and_writes_nothing() throws IOException {
        Path dir = twoHeads();
        List<String> before = names(dir);
        CliRun.Result r = lint(dir, "--diff", "--unsafe-fixes");
        assertTrue(r.out().contains("--- /dev/null\n+++ b/"), r.out());
        assertTrue(r.out().contains("_merge_heads.py\n"), r.out());
        assertTrue(r.out().contains("+down_revision: Union[str, Sequence[str], None] = (\"0002\", \"0003\")"), r.out());
        assertEquals(before, names(dir), "--diff wrote files");
    }

    @Test
    void unsafe_fixes_write_the_merge_revision_once_and_a_second_run_changes_nothing() throws IOException {
        Path dir = twoHeads();
        CliRun.Result safeOnly = lint(dir, "--fix");
        assertEquals(3, names(dir).size(), "a merge revision is an unsafe fix: --fix alone must not write it\n"
                + safeOnly.err());
        CliRun.Result first = lint(dir, "--fix", "--unsafe-fixes");
        List<String> after = names(dir);
        assertEquals(4, after.size(), first.out() + first.err());
        String merge = after.stream().filter(n -> n.endsWith("_merge_heads.py")).findFirst().orElseThrow();
        assertTrue(Files.readString(dir.resolve(merge)).contains("(\"0002\", \"0003\")"));
        CliRun.Result heads = CliRun.run("heads", dir.toString());
        assertEquals(0, heads.exit(), heads.out() + heads.err());
        CliRun.Result second = lint(dir, "--fix", "--unsafe-fixes");
        assertTrue(second.out().contains("Fixed 0 problems"), second.out());
        assertEquals(after, names(dir));
    }

    @Test
    void a_duplicate_id_is_renumbered_renamed_and_shown_as_a_rename() throws IOException {
        Path dir = duplicateId();
        CliRun.Result diff = lint(dir, "--diff", "--unsafe-fixes");
        assertTrue(diff.out().contains("rename from "), diff.out());
        assertTrue(diff.out().contains("0002_second.py\nrename to "), diff.out());
        CliRun.Result fixed = lint(dir, "--fix", "--unsafe-fixes");
        List<String> after = names(dir);
        assertFalse(after.contains("0002_second.py"), after + "\n" + fixed.out() + fixed.err());
        assertEquals(4, after.size(), after.toString());
        String renamed = after.stream().filter(n -> n.endsWith("_second.py")).findFirst().orElseThrow();
        String text = Files.readString(dir.resolve(renamed));
        String id = renamed.substring(0, renamed.indexOf('_'));
        assertTrue(text.contains("revision = \"" + id + "\""), text);
        assertTrue(text.contains("down_revision = \"0003\""), text);
        assertTrue(text.contains("t_second"), "the schema code stays as it was\n" + text);
        CliRun.Result heads = CliRun.run("heads", dir.toString());
        assertEquals(0, heads.exit(), heads.out() + heads.err());
        CliRun.Result second = lint(dir, "--fix", "--unsafe-fixes");
        assertTrue(second.out().contains("Fixed 0 problems"), second.out());
        assertEquals(after, names(dir));
    }
}
