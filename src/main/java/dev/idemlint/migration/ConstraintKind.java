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
}
