package dev.idemlint.migration;

import dev.idemlint.source.Span;
import java.util.Set;

/**
 * Evidence that an operation is protected against re-runs. {@code conditions} lists the
 * exception condition names a DO block catches (lower case: duplicate_object, duplicate_table,
 * others); empty for other kinds. {@code polarity} says when the guarded code runs: +1 only while
 * the checked object exists (the then-branch of {@code if insp.has_table(t)}), -1 only while it is
 * missing ({@code if not insp.has_table(t)}), 0 when the analyzer cannot tell or the guard is not a
 * branch (DO blocks, drop-then-create pairs). {@code subjects} and {@code tableLevel} say what the
 * check looks at, so that a guard on one object does not count for another.
 */
public record Guard(GuardKind kind, Span span, String description, Set<String> conditions, int polarity,
        Set<String> subjects, boolean tableLevel) {
    public Guard(GuardKind kind, Span span, String description, Set<String> conditions) {
        this(kind, span, description, conditions, 0, Set.of(), false);
    }

    public static Guard of(GuardKind kind, Span span, String description) {
        return new Guard(kind, span, description, Set.of(), 0, Set.of(), false);
    }

    public Guard withPolarity(int p) {
        return new Guard(kind, span, description, conditions, Integer.signum(p), subjects, tableLevel);
    }

    /**
     * The names the check mentions (string literals, words of a catalog query, lower-cased) and
     * whether it checks a whole table ({@code has_table}); empty when it names nothing readable.
     */
    public Guard withSubjects(Set<String> names, boolean table) {
        return new Guard(kind, span, description, conditions, polarity, Set.copyOf(names), table);
    }

    /** True when the check names nothing readable, or names {@code name} (null means unknown: true). */
    public boolean mentions(String name) {
        return subjects.isEmpty() || name == null || subjects.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** True when the check names something readable and {@code name} is among it. */
    public boolean names(String name) {
        return name != null && subjects.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** True when the DO block catches {@code condition} (or catches everything with OTHERS). */
    public boolean catches(String condition) {
        return conditions.contains(condition) || conditions.contains("others");
    }

    /**
     * No guard, or one that protects nothing (a bare try/except, a check on another object): a real
     * check found later may take its place.
     */
    public static boolean protectsNothing(Guard g) {
        return g == null || g.kind() == GuardKind.TRY_EXCEPT || g.kind() == GuardKind.WRONG_OBJECT;
    }

    /** Protects an operation that creates something: it does not run while the object exists. */
    public boolean protectsCreate() {
        return !protectsNothing(this) && polarity <= 0;
    }

    /** Protects an operation that drops or renames something: it runs only while the object exists. */
    public boolean protectsDrop() {
        return !protectsNothing(this) && polarity >= 0;
    }
}
