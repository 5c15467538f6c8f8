package dev.idemlint.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {
    @TempDir
    Path dir;

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void writes_the_new_text_and_leaves_no_temp_file() throws Exception {
        Path f = dir.resolve("m.py");
        Files.writeString(f, "a = 1\n");
        SourceSnapshot s = SourceSnapshot.read(f);
        assertEquals(AtomicWriter.Outcome.WRITTEN, AtomicWriter.write(s, "a = 2\n"));
        assertEquals("a = 2\n", Files.readString(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void restores_the_utf8_bom_the_reader_dropped() throws Exception {
        Path f = dir.resolve("bom.py");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(f, concat(bom, "x = 'é'\r\n".getBytes(StandardCharsets.UTF_8)));
        SourceSnapshot s = SourceSnapshot.read(f);
        assertEquals("x = 'é'\r\n", s.text());
        AtomicWriter.write(s, s.text() + "y = 2\r\n");
        assertArrayEquals(concat(bom, "x = 'é'\r\ny = 2\r\n".getBytes(StandardCharsets.UTF_8)), Files.readAllBytes(f));
    }

    @Test
    void keeps_a_pep263_declared_encoding() throws Exception {
        Path f = dir.resolve("latin.py");
        String text = "# -*- coding: latin-1 -*-\nname = 'café'";
        Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
        SourceSnapshot s = SourceSnapshot.read(f);
        assertEquals(text, s.text());
        AtomicWriter.write(s, text.replace("café", "café IF NOT EXISTS"));
        assertArrayEquals(text.replace("café", "café IF NOT EXISTS").getBytes(StandardCharsets.ISO_8859_1),
                Files.readAllBytes(f));
    }

    @Test
    void refuses_text_the_declared_encoding_cannot_hold() throws Exception {
        Path f = dir.resolve("latin.py");
        Files.write(f, "# coding: latin-1\nx = 1\n".getBytes(StandardCharsets.ISO_8859_1));
        SourceSnapshot s = SourceSnapshot.read(f);
        assertEquals(AtomicWriter.Outcome.UNENCODABLE, AtomicWriter.write(s, s.text() + "y = '€'\n"));
        assertEquals("# coding: latin-1\nx = 1\n", Files.readString(f, StandardCharsets.ISO_8859_1));
    }

    @Test
    void keeps_posix_permissions() throws Exception {
        Path f = dir.resolve("exec.py");
        Files.writeString(f, "x = 1\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
        AtomicWriter.write(SourceSnapshot.read(f), "x = 2\n");
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void refuses_to_overwrite_a_file_that_changed_since_it_was_read() throws Exception {
        Path f = dir.resolve("m.py");
        Files.writeString(f, "a = 1\n");
        SourceSnapshot s = SourceSnapshot.read(f);
        Files.writeString(f, "a = 1  # edited meanwhile\n");
        assertEquals(AtomicWriter.Outcome.CHANGED_ON_DISK, AtomicWriter.write(s, "a = 2\n"));
        assertEquals("a = 1  # edited meanwhile\n", Files.readString(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temp file is removed");
        }
    }

    @Test
    void writes_through_a_symlink_to_its_target() throws Exception {
        Path real = dir.resolve("real.py");
        Files.writeString(real, "a = 1\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.py"), real);
        AtomicWriter.write(SourceSnapshot.read(link), "a = 2\n");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("a = 2\n", Files.readString(real));
    }

    @Test
    void keeps_a_missing_trailing_newline_and_crlf_as_the_text_has_them() throws Exception {
        Path f = dir.resolve("m.py");
        Files.write(f, "a\r\nb".getBytes(StandardCharsets.UTF_8));
        SourceSnapshot s = SourceSnapshot.read(f);
        AtomicWriter.write(s, "a\r\nx\r\nb");
        assertArrayEquals("a\r\nx\r\nb".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f));
    }
}
