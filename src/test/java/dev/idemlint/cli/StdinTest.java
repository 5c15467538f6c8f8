package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --stdin-filename PATH -}: stdin linted as the file at PATH, in the context of its versions directory. */
class StdinTest {
    private static final Path VERSIONS = Paths.get("examples/basketball-api/alembic/versions");

    private static List<Path> revisions() throws IOException {
        try (Stream<Path> s = Files.list(VERSIONS)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
    }

    @Test
    void stdin_gives_the_findings_of_the_file_on_disk() throws IOException {
        int withFindings = 0;
        for (Path file : revisions()) {
            for (String format : List.of("concise", "json-lines")) {
                CliRun.Result disk = CliRun.run("lint", "--output-format", format, file.toString());
                CliRun.Result piped = CliRun.runWithStdin(Files.readString(file), "lint", "--output-format", format,
                        "--stdin-filename", file.toString(), "-");
                assertEquals(disk.exit(), piped.exit(), file + ": " + piped.err());
                assertEquals(disk.out(), piped.out(), file.toString());
                assertEquals(disk.err(), piped.err(), file.toString());
            }
            withFindings += CliRun.run("lint", file.toString()).exit() == 1 ? 1 : 0;
        }
        assertTrue(withFindings >= 3, "the example has files with findings and without: " + withFindings);
    }

    @Test
    void the_text_comes_from_stdin_and_the_chain_from_disk() throws IOException {
        Path file = VERSIONS.resolve("020_custom_notes.py");
        String text = Files.readString(file);
        assertEquals(1, CliRun.run("lint", "--select", "add-column-not-idempotent", file.toString()).exit());
        String guarded = text.replace("op.add_column(\"players\", sa.Column(\"custom_notes\", sa.Text(), nullable=True))",
                "op.execute(\"ALTER TABLE players ADD COLUMN IF NOT EXISTS custom_notes text\")");
        assertNotEquals(text, guarded);
        CliRun.Result clean = CliRun.runWithStdin(guarded, "lint", "--select", "add-column-not-idempotent",
                "--stdin-filename", file.toString(), "-");
        assertEquals(0, clean.exit(), clean.out() + clean.err());

        // a buffer not saved yet, beside the revisions on disk: its revision id is 020's
        Path unsaved = VERSIONS.resolve("099_not_on_disk.py");
        assertFalse(Files.exists(unsaved));
        CliRun.Result dup = CliRun.runWithStdin(text, "lint", "--output-format", "concise", "--stdin-filename",
                unsaved.toString(), "-");
        assertEquals(1, dup.exit(), dup.err());
        assertTrue(dup.out().contains("099_not_on_disk.py:11:12: duplicate-revision-id"), dup.out());
        assertFalse(dup.out().contains("020_custom_notes.py"), "only the stdin file is reported: " + dup.out());
    }

    @Test
    void fix_prints_the_text_lint_fix_writes_and_writes_nothing(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("versions");
        Files.createDirectories(copy);
        for (Path f : revisions()) {
            Files.copy(f, copy.resolve(f.getFileName()));
        }
        Path file = copy.resolve("020_custom_notes.py");
        String before = Files.readString(file);
        CliRun.Result piped = CliRun.runWithStdin(before, "lint", "--fix", "--unsafe-fixes", "--stdin-filename",
                file.toString(), "-");
        assertEquals(before, Files.readString(file), "nothing is written");
        assertTrue(piped.err().contains("Fixed 1 problem"), piped.err());
        CliRun.Result written = CliRun.run("lint", "--fix", "--unsafe-fixes", file.toString());
        String after = Files.readString(file);
        assertNotEquals(before, after, written.out() + written.err());
        assertEquals(after, piped.out());

        // nothing to fix: the input comes back unchanged
        CliRun.Result same = CliRun.runWithStdin(after, "lint", "--fix", "--stdin-filename", file.toString(), "-");
        assertEquals(after, same.out());
        assertEquals(0, same.exit(), same.err());
    }

    @Test
    void dash_and_stdin_filename_go_together() {
        CliRun.Result r = CliRun.runWithStdin("", "lint", "-");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--stdin-filename"), r.err());
        r = CliRun.run("lint", "--stdin-filename", "x.py", "examples/basketball-api");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
    }
}
