package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Latin-1 byte in a comment of a file without a coding line: CPython imports it (its tokenizer
 * never decodes comments), so idemlint lints it, and --fix writes every other byte back unchanged.
 */
class UndecodedCommentTest {
    @Test
    void a_latin_1_comment_is_linted_and_fixed_without_losing_its_byte(@TempDir Path dir) throws Exception {
        String text = "revision = \"a1\"\ndown_revision = None  # r\u00e9vision de base\nfrom alembic import op\n\n\n"
                + "def upgrade():\n    op.execute(\"ALTER TABLE players ADD COLUMN custom_notes text\")  # caf\u00e9\n";
        Path f = dir.resolve("a1_notes.py");
        Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
        CliRun.Result lint = CliRun.run("lint", "--color", "never", f.toString());
        assertFalse(lint.out().contains("parse-error"), lint.out());
        assertTrue(lint.out().contains("add-column-not-idempotent"), lint.out());
        CliRun.Result fix = CliRun.run("lint", "--fix", "--color", "never", f.toString());
        assertEquals(0, fix.exit(), fix.out() + fix.err());
        String expected = text.replace("ADD COLUMN custom_notes", "ADD COLUMN IF NOT EXISTS custom_notes");
        assertEquals(expected, new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1),
                "only the fix changed, the Latin-1 bytes are kept");
    }
}
