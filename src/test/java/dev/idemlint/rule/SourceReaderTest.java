package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.source.LineIndex;
import dev.idemlint.source.SourceEncoding;
import dev.idemlint.source.SourceFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-pass read of a pure-ASCII file gives the text and line index the general path gives. */
class SourceReaderTest {
    @TempDir
    Path dir;

    @Test
    void text_and_line_index_match_the_general_decoder_on_random_files() throws Exception {
        Random random = new Random(3);
        int widened = 0;
        String[] pieces = {"a", "op.add_column(", "\n", "\n", "\r\n", "\r", "\t", " ", "é", "😀", "#", "\"", "\n\n"};
        for (int i = 0; i < 2_000; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (random.nextInt(10) == 0) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            if (random.nextInt(10) == 0) {
                out.write("# -*- coding: latin-1 -*-\n".getBytes(StandardCharsets.US_ASCII));
            }
            int n = random.nextInt(40);
            for (int k = 0; k < n; k++) {
                String p = pieces[random.nextInt(i % 2 == 0 ? 8 : pieces.length)];
                out.write(p.getBytes(StandardCharsets.UTF_8));
            }
            byte[] bytes = out.toByteArray();
            Path file = dir.resolve("f" + i + ".py");
            Files.write(file, bytes);
            if (SourceEncoding.problem(bytes) != null) {
                // a BOM with a latin-1 coding line: CPython's "encoding problem: iso-8859-1 with BOM"
                assertThrows(SourceReader.Unreadable.class, () -> SourceReader.read(file, "f.py"));
                continue;
            }
            String expected;
            try {
                expected = SourceEncoding.detect(bytes).decode(bytes);
            } catch (java.nio.charset.CharacterCodingException e) {
                assertThrows(SourceReader.Unreadable.class, () -> SourceReader.read(file, "f.py"));
                continue;
            }
            SourceReader.Text both = SourceReader.readText(file, "f.py");
            SourceFile read = both.file();
            assertEquals(expected, read.text());
            if (both.chars() != null) {
                // the chars handed to the tokenizer are the text's, whatever BOM or line breaks it had
                assertEquals(expected, new String(both.chars()));
                widened++;
            }
            LineIndex general = new LineIndex(expected);
            assertEquals(general.lineStarts().length, read.lines().lineStarts().length, expected);
            for (int off = 0; off <= expected.length(); off++) {
                assertEquals(general.line(off), read.lines().line(off), "line at " + off + " of " + expected);
                assertEquals(general.column(off), read.lines().column(off));
            }
        }
        assertTrue(widened > 500, "the one-pass path ran " + widened + " times");
    }

    @Test
    void a_nul_byte_is_reported_at_its_byte_offset_also_after_non_ascii_text() throws Exception {
        Path file = dir.resolve("bin.py");
        Files.write(file, "é = 1\n\0".getBytes(StandardCharsets.UTF_8));
        SourceReader.Unreadable e = assertThrows(SourceReader.Unreadable.class, () -> SourceReader.read(file, "bin.py"));
        assertTrue(e.getMessage().contains("NUL byte at byte offset 7"), e.getMessage());
    }
}
