package dev.idemlint.migration;

import dev.idemlint.source.Span;
import java.util.Set;

/**
 * Evidence that an operation is protected against re-runs. {@code conditions} lists the
 * exception condition names a DO block catches (lower case: duplicate_object, duplicate_table,
 * others); empty for other kinds. {@code polarity} says when the guarded code runs: +1 only while
 * the checked object exists (the then-branch of {@code if insp.has_table(t)}), -1 only while it is
 * missing ({@code if not insp.has_table(t)}), 0 when the analyzer cannot tell or the guard is not a
 * branch (DO blocks, drop-then-create pairs).
 */
public record Guard(GuardKind kind, Span span, String description, Set<String> conditions, int polarity) {
    public Guard(GuardKind kind, Span span, String description, Set<String> conditions) {
        this(kind, span, description, conditions, 0);
    }

    public static Guard of(GuardKind kind, Span span, String description) {
        return new Guard(kind, span, description, Set.of(), 0);
    }

    public Guard withPolarity(int p) {
        return new Guard(kind, span, description, conditions, Integer.signum(p));
    }

    /** True when the DO block catches {@code condition} (or catches everything with OTHERS). */
    public boolean catches(String condition) {
        return conditions.contains(condition) || conditions.contains("others");
    }

    /** Protects an operation that creates something: it does not run while the object exists. */
    public boolean protectsCreate() {
        return polarity <= 0;
    }

    /** Protects an operation that drops or renames something: it runs only while the object exists. */
    public boolean protectsDrop() {
        return polarity >= 0;
    }
}
