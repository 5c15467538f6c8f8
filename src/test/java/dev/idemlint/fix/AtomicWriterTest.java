package dev.idemlint.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_run_writes_every_file_or_none_and_names_the_file_that_failed() throws Exception {
        Path a = dir.resolve("a.py");
        Path b = dir.resolve("b.py");
        Files.writeString(a, "a = 1\n");
        Files.writeString(b, "b = 1\n");
        // the file system refuses the third change: its directory does not exist
        Path nowhere = dir.resolve("gone/merge.py");
        AtomicWriter.Result r = AtomicWriter.commit(List.of(
                new AtomicWriter.Change.Rewrite(SourceSnapshot.read(a), "a = 2\n"),
                new AtomicWriter.Change.Rewrite(SourceSnapshot.read(b), "b = 2\n"),
                new AtomicWriter.Change.Create(nowhere, "m = 1\n", SourceSnapshot.read(a).encoding())));
        assertFalse(r.committed());
        assertEquals(1, r.failures().size(), r.failures().toString());
        AtomicWriter.Failure f = r.failures().get(0);
        assertEquals(AtomicWriter.Outcome.IO_ERROR, f.outcome());
        assertEquals(nowhere, f.file());
        assertEquals("no such file or directory", f.describe());
        assertEquals("a = 1\n", Files.readString(a));
        assertEquals("b = 1\n", Files.readString(b));
        assertEquals(List.of("a.py", "b.py"), names(), "no temporary file is left");
    }

    @Test
    void a_file_edited_during_the_run_stops_every_write() throws Exception {
        Path a = dir.resolve("a.py");
        Path b = dir.resolve("b.py");
        Files.writeString(a, "a = 1\n");
        Files.writeString(b, "b = 1\n");
        SourceSnapshot sa = SourceSnapshot.read(a);
        SourceSnapshot sb = SourceSnapshot.read(b);
        Files.writeString(b, "b = 1  # edited\n");
        AtomicWriter.Result r = AtomicWriter.commit(List.of(new AtomicWriter.Change.Rewrite(sa, "a = 2\n"),
                new AtomicWriter.Change.Rewrite(sb, "b = 2\n")));
        assertEquals(List.of(AtomicWriter.Outcome.CHANGED_ON_DISK),
                r.failures().stream().map(AtomicWriter.Failure::outcome).toList());
        assertEquals("a = 1\n", Files.readString(a));
        assertEquals("b = 1  # edited\n", Files.readString(b));
        assertEquals(List.of("a.py", "b.py"), names());
    }

    @Test
    void a_hard_linked_file_is_written_in_place_so_every_name_sees_the_fix() throws Exception {
        Path f = dir.resolve("m.py");
        Files.writeString(f, "a = 1\n" + "x".repeat(5000) + "\n");
        Path other = Files.createLink(dir.resolve("same.py"), f);
        Object inode = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertEquals(AtomicWriter.Outcome.WRITTEN, AtomicWriter.write(SourceSnapshot.read(f), "a = 2\n"));
        assertEquals("a = 2\n", Files.readString(f));
        assertEquals("a = 2\n", Files.readString(other), "the other name still shares the file");
        assertEquals(inode, Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        assertEquals(2, ((Number) Files.getAttribute(f, "unix:nlink")).intValue());
        assertEquals(List.of("m.py", "same.py"), names());
    }

    @Test
    void a_new_file_gets_the_mode_the_umask_gives_any_new_file() throws Exception {
        // Files.createFile without attributes asks for 0666, less the umask, as open(path, "w") does
        Path reference = Files.createFile(dir.resolve("reference.py"));
        Path merge = dir.resolve("0003_merge_heads.py");
        assertTrue(AtomicWriter.create(merge, "x = 1\n", SourceSnapshot.read(reference).encoding()));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(merge)));
    }

    @Test
    void keeps_the_owner_and_group_where_the_process_may_give_them() throws Exception {
        Path f = dir.resolve("theirs.py");
        Files.writeString(f, "x = 1\n");
        UserPrincipal nobody;
        try {
            nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(f, nobody);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            Assumptions.abort("this process cannot give files away (not root): " + e);
            return;
        }
        AtomicWriter.write(SourceSnapshot.read(f), "x = 2\n");
        assertEquals("x = 2\n", Files.readString(f));
        assertEquals(nobody, Files.getOwner(f));
    }

    @Test
    void temporary_names_are_ascii_whatever_the_target_is_called() throws Exception {
        Path tmp = AtomicWriter.createTemp(dir, "0001_caf\u00e9_\u00fcber_" + "\u00e9".repeat(300) + ".py", ".idemlint.tmp",
                null);
        String name = tmp.getFileName().toString();
        assertTrue(name.matches("\\.0001_caf_+ber_+\\.[0-9a-z]+\\.idemlint\\.tmp") && name.length() < 80, name);
    }
}
