package dev.idemlint.discovery;

import dev.idemlint.source.IoFailure;
import dev.idemlint.source.Printable;
import java.io.IOException;
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
        return new InputProblem(path, IoFailure.describe(e));
    }

    /**
     * {@code path: message} or {@code path:line: message}, the form reporters print; control and
     * bidi characters of a file name or of text quoted from a file are written as escapes.
     */
    public String render() {
        return Printable.line((warning ? "warning: " : "") + path + (line > 0 ? ":" + line : "") + ": " + message);
    }

}
