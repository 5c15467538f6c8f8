package dev.idemlint.fix;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Whole-file changes a fix may need besides text edits (renumbering, merge revisions). */
public sealed interface FileChange {
    /** Write a new file; never overwrites an existing one. */
    record Create(Path file, String content) implements FileChange {
    }

    /** Rename a file (after its text edits are applied). */
    record Move(Path from, Path to) implements FileChange {
        /**
         * {@code from} renamed to {@code newName} in its own directory, when that name is one plain
         * file name and both names survive the trip through a Java string: a file name is bytes, which
         * the JVM decodes in the locale's charset ({@code sun.jnu.encoding}), so under the POSIX locale
         * {@code café.py} reads as {@code caf??.py}, and a name built from that string would be another
         * file, or none. Empty when the rename cannot be made exactly.
         */
        public static Optional<Move> rename(Path from, String newName) {
            Path parent = from.getParent();
            Path own = from.getFileName();
            if (parent == null || own == null || newName.isEmpty() || newName.equals(".") || newName.equals("..")
                    || newName.indexOf('/') >= 0 || newName.indexOf('\\') >= 0 || newName.indexOf('\0') >= 0
                    || newName.getBytes(StandardCharsets.UTF_8).length > 255) {
                return Optional.empty();
            }
            try {
                if (!parent.resolve(own.toString()).equals(from)) {
                    return Optional.empty();
                }
                Path to = parent.resolve(newName);
                if (!to.getFileName().toString().equals(newName) || !to.getParent().equals(parent)) {
                    return Optional.empty();
                }
                return Optional.of(new Move(from, to));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
    }
}
