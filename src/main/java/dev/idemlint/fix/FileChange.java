package dev.idemlint.fix;

import java.nio.file.Path;

/** Whole-file changes a fix may need besides text edits (renumbering, merge revisions). */
public sealed interface FileChange {
    /** Write a new file; never overwrites an existing one. */
    record Create(Path file, String content) implements FileChange {
    }

    /** Rename a file (after its text edits are applied). */
    record Move(Path from, Path to) implements FileChange {
    }
}
