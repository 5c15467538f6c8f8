package dev.idemlint.rule;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.schema.SchemaTimeline;
import java.nio.file.Path;
import java.util.List;

/**
 * A revision's own work kept from an earlier run (the result cache's per-file entries): its model and
 * its per-file findings, read back while everything they depend on is unchanged, so that a tree with
 * one changed revision parses that one and runs the cross-file rules over the others' kept models
 * (the Language Server keeps them in memory between runs, with their schema timeline effects).
 * The linter asks from its worker threads, so an implementation is safe for concurrent use.
 */
public interface FileMemo {
    /** The file's kept model and per-file findings (as found, before suppressions), or null. */
    Kept find(Path file);

    /**
     * What the linter made of a file it read (not called for a file it could not model), before it lets
     * the model's syntax go; {@code effects} are the revision's part of the schema timeline (null when the
     * run builds no timeline or the file is no revision).
     */
    void keep(Path file, Migration model, List<Diagnostic> found, SchemaTimeline.Recorded effects);

    /**
     * The run's naming convention, told before the first {@link #find}: per-file findings depend on it, so a
     * memo whose key does not hold it lets go of what it kept under another one.
     */
    default void naming(NamingConvention convention) {
    }

    /**
     * A file's model and its per-file findings, which point at the model's own source file, and its
     * timeline effects when kept (null: the linter computes them from the model).
     */
    record Kept(Migration model, List<Diagnostic> found, SchemaTimeline.Recorded effects) {
        public Kept(Migration model, List<Diagnostic> found) {
            this(model, found, null);
        }
    }
}
