package dev.idemlint.schema;

import java.util.Objects;

/**
 * A name as PostgreSQL stores it, with the schema it lives in; {@code schema} null when the name is
 * unqualified and resolves through the search path (or when the state does not track schemas).
 */
public final class QualifiedName {
    private final String schema;
    private final String name;
    /**
     * Computed once: the timeline files every event by its object's name in hash maps, rebuilt on every run of
     * the language server from kept effects, and a name's strings are seldom in the cache by then.
     */
    private final int hash;

    public QualifiedName(String schema, String name) {
        this.schema = schema;
        this.name = Objects.requireNonNull(name, "name");
        this.hash = (schema == null ? 0 : schema.hashCode()) * 31 + name.hashCode();
    }

    public String schema() {
        return schema;
    }

    public String name() {
        return name;
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    /**
     * The schema PostgreSQL's default search path ({@code "$user", public}) puts unqualified names in: a
     * project's {@code public.x} and {@code x} are one object unless it sets another search path, which
     * the timeline reads as opaque (SET search_path) and a catalog names.
     */
    public static final String DEFAULT_SCHEMA = "public";

    /** {@code schema} as code that does not set the search path means it: null (unqualified) for {@code public}. */
    public static String searched(String schema) {
        return DEFAULT_SCHEMA.equals(schema) ? null : schema;
    }

    /** An unqualified name. */
    public static QualifiedName of(String name) {
        return new QualifiedName(null, name);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof QualifiedName q && hash == q.hash && name.equals(q.name)
                && Objects.equals(schema, q.schema);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** {@code billing.invoices}, or {@code invoices} when it lives in {@code current}: as messages show it. */
    public String shownFrom(String current) {
        return schema == null || schema.equals(current) ? name : toString();
    }

    @Override
    public String toString() {
        return schema == null ? name : String.join(".", schema, name);
    }
}
