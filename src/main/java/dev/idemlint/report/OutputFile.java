package dev.idemlint.report;

import dev.idemlint.fix.AtomicWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes a report or baseline file as UTF-8 through a temporary file in the same directory and a
 * rename, so a CI step that uploads it never sees half a file.
 */
public final class OutputFile {
    private OutputFile() {
    }

    /** What goes into the file, written as UTF-8 through {@code out}. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Utf8Output out) throws IOException;
    }

    public static void write(Path target, String content) throws IOException {
        write(target, new Body() {
            @Override
            public void writeTo(Utf8Output out) throws IOException {
                out.append(content);
            }
        });
    }

    /**
     * Streams {@code body} into the temporary file: a big report is never held as one string (at
     * 3,700 files that string and its copies were 70 MB of peak memory).
     */
    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // ASCII temporary name (any output name works under the POSIX locale); the old file's mode, or
        // that of a new file under the umask (0644 usually), as a shell redirection would give
        Set<PosixFilePermission> mode = null;
        try {
            mode = Files.exists(abs) ? Files.getPosixFilePermissions(abs) : null;
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's defaults apply
        }
        Path tmp = AtomicWriter.createTemp(dir, abs.getFileName().toString(), ".tmp", mode);
        try {
            try (OutputStream file = Files.newOutputStream(tmp)) {
                Utf8Output out = new Utf8Output(file);
                body.writeTo(out);
                out.flush();
            }
            if (mode != null) {
                Files.setPosixFilePermissions(tmp, mode); // the umask may have taken bits the old file had
            }
            AtomicWriter.atomicReplace(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
