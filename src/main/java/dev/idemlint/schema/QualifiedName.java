package dev.idemlint.schema;

import java.util.Objects;

/**
 * A name as PostgreSQL stores it, with the schema it lives in; {@code schema} null when the name is
 * unqualified and resolves through the search path (or when the state does not track schemas).
 */
public record QualifiedName(String schema, String name) {
    public QualifiedName {
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    /** An unqualified name. */
    public static QualifiedName of(String name) {
        return new QualifiedName(null, name);
    }

    /** The same name in {@code schema}. */
    public QualifiedName in(String schema) {
        return new QualifiedName(schema, name);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
