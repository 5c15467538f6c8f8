package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;

/**
 * A database object by kind and name. {@code table} is part of the identity only for objects that
 * live inside a table (columns, constraints, triggers, policies, rules); indexes and the rest are
 * schema-wide, as in PostgreSQL. Names are compared as written (schema qualifiers dropped).
 */
public final class ObjectKey {
    private final ObjectKind kind;
    private final String table;
    private final String name;
    /**
     * Computed with the key, on the worker that reads the revision: the timeline looks every key up
     * once it has all revisions, when the key's strings are long out of the cache (hashing them there
     * was a tenth of the project phase).
     */
    private final int hash;

    public ObjectKey(ObjectKind kind, String table, String name) {
        this.kind = kind;
        this.table = table;
        this.name = name;
        this.hash = (kind.ordinal() * 31 + (table == null ? 0 : table.hashCode())) * 31
                + (name == null ? 0 : name.hashCode());
    }

    public ObjectKind kind() {
        return kind;
    }

    public String table() {
        return table;
    }

    public String name() {
        return name;
    }

    /** The name without the schema the timeline qualifies it with ({@code billing.invoices} -> {@code invoices}). */
    public String bareName() {
        return SchemaTimeline.unqualified(name);
    }

    /** The table without its schema qualifier, or null. */
    public String bareTable() {
        return table == null ? null : SchemaTimeline.unqualified(table);
    }

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

    // Written out (a class, not a record): the timeline looks keys up in hash maps for every creation
    // and drop, and a record's generated equals/hashCode go through method handles C1 does not inline.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ObjectKey k && hash == k.hash && kind == k.kind
                && java.util.Objects.equals(table, k.table) && java.util.Objects.equals(name, k.name);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "ObjectKey[kind=" + kind + ", table=" + table + ", name=" + name + "]";
    }

    /** {@code column "custom_notes" of "players"}, {@code type "division"}. */
    public String describe() {
        String base = kind.sql() + " \"" + name + "\"";
        return table == null ? base : base + " of \"" + table + "\"";
    }
}
