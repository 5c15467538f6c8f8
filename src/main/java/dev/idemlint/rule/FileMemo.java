package dev.idemlint.rule;

import dev.idemlint.migration.Migration;
import java.nio.file.Path;
import java.util.List;

/**
 * A revision's own work kept from an earlier run (the result cache's per-file entries): its model and
 * its per-file findings, read back while everything they depend on is unchanged, so that a tree with
 * one changed revision parses that one and runs the cross-file rules over the others' kept models.
 * The linter asks from its worker threads, so an implementation is safe for concurrent use.
 */
public interface FileMemo {
    /** The file's kept model and per-file findings (as found, before suppressions), or null. */
    Kept find(Path file);

    /** What the linter made of a file it read (not called for a file it could not model). */
    void keep(Path file, Migration model, List<Diagnostic> found);

    /** A file's model and its per-file findings, which point at the model's own source file. */
    record Kept(Migration model, List<Diagnostic> found) {
    }
}
