package dev.idemlint.discovery;

import dev.idemlint.source.Printable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A path that could not be used (missing, unreadable, symlink loop, bad config), with a human
 * message and, for problems inside a file such as a config error, the 1-based line (0 = none). A
 * {@code warning} is something left out on purpose that costs no finding (a folder outside the
 * project an alembic.ini or a symlink names): it is printed, and the exit code does not change.
 */
public record InputProblem(Path path, int line, String message, boolean warning) {
    public InputProblem(Path path, int line, String message) {
        this(path, line, message, false);
    }

    public InputProblem(Path path, String message) {
        this(path, 0, message);
    }

    /** The problem an I/O failure on this path means, in words rather than an exception name. */
    public static InputProblem of(Path path, IOException e) {
        return new InputProblem(path, describe(e));
    }

    /**
     * {@code path: message} or {@code path:line: message}, the form reporters print; control and
     * bidi characters of a file name or of text quoted from a file are written as escapes.
     */
    public String render() {
        return Printable.line((warning ? "warning: " : "") + path + (line > 0 ? ":" + line : "") + ": " + message);
    }

    static String describe(IOException e) {
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
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
