package dev.idemlint.migration;

/** Constraint kinds; they differ in the SQLSTATE a duplicate raises. */
public enum ConstraintKind {
    FOREIGN_KEY, UNIQUE, CHECK, PRIMARY_KEY, EXCLUDE, UNKNOWN;

    /**
     * A duplicate UNIQUE/PRIMARY KEY/EXCLUDE constraint fails creating its index, which raises
     * duplicate_table (42P07); FK and CHECK raise duplicate_object (42710).
     */
    public boolean indexBacked() {
        return this == UNIQUE || this == PRIMARY_KEY || this == EXCLUDE;
    }

    /**
     * The kind Alembic's {@code drop_constraint(..., type_=...)} names ({@code "foreignkey"}, {@code "unique"},
     * {@code "check"}, {@code "primary"}); null for null or any other value.
     */
    public static ConstraintKind ofAlembicType(String type) {
        return type == null ? null : switch (type) {
            case "foreignkey" -> FOREIGN_KEY;
            case "unique" -> UNIQUE;
            case "check" -> CHECK;
            case "primary" -> PRIMARY_KEY;
            default -> null;
        };
    }
}
