package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir
    Path dir;

    @Test
    void a_streamed_report_lands_whole_as_utf8_and_replaces_the_old_file() throws IOException {
        Path target = dir.resolve("reports/out.json");
        OutputFile.write(target, "old");
        OutputFile.write(target, out -> {
            for (int i = 0; i < 100_000; i++) {
                out.append("é😀\n");
            }
        });
        assertEquals("é😀\n".repeat(100_000), Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(1, files(target.getParent()), "no temporary file left behind");
    }

    @Test
    void a_report_that_fails_half_way_leaves_the_old_file_and_no_temporary_file() throws IOException {
        Path target = dir.resolve("out.sarif");
        OutputFile.write(target, "previous run");
        assertThrows(IOException.class, () -> OutputFile.write(target, out -> {
            out.append("{\"half\": ");
            throw new IOException("reporter failed");
        }));
        assertEquals("previous run", Files.readString(target));
        assertEquals(1, files(dir));
    }

    @Test
    void a_new_report_gets_the_umask_mode_and_a_rewritten_one_keeps_its_mode() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path target = dir.resolve("r\u00e9sum\u00e9.json");
        OutputFile.write(target, "{}");
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(target));
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        OutputFile.write(target, "{\"again\": 1}");
        assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(target)));
    }

    private static long files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }
}
