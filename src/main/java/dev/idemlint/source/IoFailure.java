package dev.idemlint.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An I/O failure in words, the way the system says it ("permission denied", "no such file or
 * directory"), for every message that names a file: reading input, writing fixes, settings.
 */
public final class IoFailure {
    private IoFailure() {
    }

    /**
     * The system's reason for {@code e}, without the path the JDK puts in front (often a temporary
     * file's): callers name the file themselves.
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return "symlink loop";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
