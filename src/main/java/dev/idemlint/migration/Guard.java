package dev.idemlint.migration;

import dev.idemlint.source.Span;
import java.util.Set;

/**
 * Evidence that an operation is protected against re-runs. {@code conditions} lists the
 * exception condition names a DO block catches (lower case: duplicate_object, duplicate_table,
 * others); empty for other kinds.
 */
public record Guard(GuardKind kind, Span span, String description, Set<String> conditions) {
    public static Guard of(GuardKind kind, Span span, String description) {
        return new Guard(kind, span, description, Set.of());
    }

    /** True when the DO block catches {@code condition} (or catches everything with OTHERS). */
    public boolean catches(String condition) {
        return conditions.contains(condition) || conditions.contains("others");
    }
}
