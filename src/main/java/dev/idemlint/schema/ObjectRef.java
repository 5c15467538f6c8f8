package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;
import java.util.Objects;

/**
 * One database object's identity: its kind, its schema-qualified name and, for the objects that live
 * in a table (columns, constraints, triggers, policies, rules), that table. Two refs of kinds that
 * share a PostgreSQL namespace (a table and an index, a type and a domain) name the same slot in a
 * {@link SchemaState}.
 */
public record ObjectRef(ObjectKind kind, QualifiedName name, QualifiedName table) {
    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (tableScoped(kind) && table == null) {
            throw new IllegalArgumentException(kind.sql() + " " + name + " needs its table");
        }
        if (!tableScoped(kind)) {
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

    /** "column players.custom_notes", "index ix_players_name". */
    public String describe() {
        return kind.sql() + " " + (table != null ? table + "." + name.name() : name.toString());
    }
}
