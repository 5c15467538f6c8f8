package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;

/**
 * A database object by kind and name. {@code table} is part of the identity only for objects that
 * live inside a table (columns, constraints, triggers, policies, rules); indexes and the rest are
 * schema-wide, as in PostgreSQL. Names are compared as written (schema qualifiers dropped).
 */
public record ObjectKey(ObjectKind kind, String table, String name) {

    public static ObjectKey of(ObjectKind kind, String table, String name) {
        return new ObjectKey(kind, tableScoped(kind) ? table : null, name);
    }

    public static ObjectKey type(String name) {
        return new ObjectKey(ObjectKind.TYPE, null, name);
    }

    public static ObjectKey table(String name) {
        return new ObjectKey(ObjectKind.TABLE, null, name);
    }

    public static ObjectKey column(String table, String name) {
        return new ObjectKey(ObjectKind.COLUMN, table, name);
    }

    public static boolean tableScoped(ObjectKind kind) {
        return kind == ObjectKind.COLUMN || kind == ObjectKind.CONSTRAINT || kind == ObjectKind.TRIGGER
                || kind == ObjectKind.POLICY || kind == ObjectKind.RULE;
    }

    // Written out: the timeline looks keys up in hash maps for every creation and drop, and a
    // record's generated equals/hashCode go through method handles that C1 does not inline.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ObjectKey k && kind == k.kind && java.util.Objects.equals(table, k.table)
                && java.util.Objects.equals(name, k.name);
    }

    @Override
    public int hashCode() {
        return (kind.ordinal() * 31 + (table == null ? 0 : table.hashCode())) * 31 + (name == null ? 0 : name.hashCode());
    }

    /** {@code column "custom_notes" of "players"}, {@code type "division"}. */
    public String describe() {
        String base = kind.sql() + " \"" + name + "\"";
        return table == null ? base : base + " of \"" + table + "\"";
    }
}
