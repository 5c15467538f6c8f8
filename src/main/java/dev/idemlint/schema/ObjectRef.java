package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;
import java.util.Objects;

/**
 * One database object's identity: its kind, its schema-qualified name and, for the objects that live
 * in a table (columns, constraints, triggers, policies, rules), that table. An index names its table too
 * when it is known (null otherwise): its name is unique per schema, but it lives on the table, goes with
 * it, and {@code get_indexes(table)} lists only that table's. Two refs of kinds that share a PostgreSQL
 * namespace (a table and an index, a type and a domain) name the same slot in a {@link SchemaState}.
 */
public record ObjectRef(ObjectKind kind, QualifiedName name, QualifiedName table) {
    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (tableScoped(kind) && table == null) {
            throw new IllegalArgumentException(kind.sql() + " " + name + " needs its table");
        }
        if (!tableScoped(kind) && kind != ObjectKind.INDEX) {
            table = null;
        }
    }

    /** An object that does not live in a table. */
    public static ObjectRef of(ObjectKind kind, QualifiedName name) {
        return new ObjectRef(kind, name, null);
    }

    public static ObjectRef table(QualifiedName name) {
        return of(ObjectKind.TABLE, name);
    }

    /** A column, constraint, trigger, policy or rule of {@code table}; the name shares its table's schema. */
    public static ObjectRef in(ObjectKind kind, QualifiedName table, String name) {
        return new ObjectRef(kind, QualifiedName.of(table.schema(), name), table);
    }

    /** Kinds whose names are unique per table, not per schema. */
    public static boolean tableScoped(ObjectKind kind) {
        return kind == ObjectKind.COLUMN || kind == ObjectKind.CONSTRAINT || kind == ObjectKind.TRIGGER
                || kind == ObjectKind.POLICY || kind == ObjectKind.RULE;
    }

    // Written out, as QualifiedName's: the timeline looks refs up in hash maps for every event.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ObjectRef r && kind == r.kind && name.equals(r.name)
                && Objects.equals(table, r.table);
    }

    @Override
    public int hashCode() {
        return (kind.ordinal() * 31 + name.hashCode()) * 31 + (table == null ? 0 : table.hashCode());
    }

    /** "column players.custom_notes", "index ix_players_name". */
    public String describe() {
        return kind.sql() + " " + path(null);
    }

    /**
     * {@code players.custom_notes}, {@code billing.invoices}: its name, in its table for the kinds that
     * live in one, the schema left out where it is {@code current}.
     */
    public String path(String current) {
        return tableScoped(kind) ? String.join(".", table.shownFrom(current), name.name()) : name.shownFrom(current);
    }
}
