package dev.idemlint.db;

import java.util.List;

/**
 * What a live database holds, read in one snapshot: the server, the schema new objects go to, the
 * search path, the rows of the version table, and the objects of every user schema (system schemas
 * left out), and the cluster's roles. Names are exactly as PostgreSQL stores them. Relation and constraint kinds are the
 * catalog's letters ({@code pg_class.relkind}, {@code pg_constraint.contype}, {@code pg_type.typtype},
 * {@code pg_proc.prokind}). {@code foreignKeys} gives the columns and referred table of each foreign key
 * where the session reads them (MySQL and MariaDB, whose unnamed foreign keys are compared by what they
 * join, not by name); empty otherwise.
 */
public record Catalog(String serverVersion, String currentSchema, List<String> searchPath, VersionTable versionTable,
        List<String> schemas, List<Relation> relations, List<Column> columns, List<Index> indexes,
        List<Constraint> constraints, List<Type> types, List<Routine> routines, List<Trigger> triggers,
        List<Extension> extensions, List<Policy> policies, List<String> roles, List<ForeignKey> foreignKeys) {

    /** A snapshot without the columns of its foreign keys. */
    public Catalog(String serverVersion, String currentSchema, List<String> searchPath, VersionTable versionTable,
            List<String> schemas, List<Relation> relations, List<Column> columns, List<Index> indexes,
            List<Constraint> constraints, List<Type> types, List<Routine> routines, List<Trigger> triggers,
            List<Extension> extensions, List<Policy> policies, List<String> roles) {
        this(serverVersion, currentSchema, searchPath, versionTable, schemas, relations, columns, indexes, constraints,
                types, routines, triggers, extensions, policies, roles, List.of());
    }

    /**
     * The version table Alembic reads: where it was looked for ({@code schema} null means the search
     * path), where it was {@code found} (null when it does not exist) and its rows.
     */
    public record VersionTable(String schema, String name, String found, List<String> rows) {
        public boolean exists() {
            return found != null;
        }
    }

    /** A table (r, p), view (v), materialized view (m), sequence (S), index (i, I), foreign table (f) or composite type (c). */
    public record Relation(String schema, String name, char kind) {
    }

    /**
     * A column with its type as {@code format_type} prints it and its default expression (null when
     * none; {@code identity} or {@code generated} for those columns, which fill themselves).
     * {@code ownedSequence}: the sequence the column owns ({@code pg_depend} deptype {@code a} of a serial or
     * {@code OWNED BY}, {@code i} of an identity), in the table's schema as PostgreSQL requires; null when none.
     */
    public record Column(String schema, String table, String name, String type, String defaultExpr, boolean notNull,
            String ownedSequence) {
        /** A column that owns no sequence, or a server that does not say. */
        public Column(String schema, String table, String name, String type, String defaultExpr, boolean notNull) {
            this(schema, table, name, type, defaultExpr, notNull, null);
        }
    }

    /**
     * An index; {@code columns} are its key columns in order, null for an expression or partial index
     * (whose conflicts a column comparison cannot tell).
     */
    public record Index(String schema, String name, String table, boolean unique, List<String> columns) {
    }

    /** A table constraint: p(rimary key), u(nique), f(oreign key), c(heck), x (exclusion), t (trigger). */
    public record Constraint(String schema, String table, String name, char type) {
    }

    /** A type other than an array or a table's row type: e(num, with its labels in order), d(omain), c(omposite), r(ange), b(ase). */
    public record Type(String schema, String name, char kind, List<String> labels) {
    }

    /** A function (f), procedure (p), aggregate (a) or window function (w). */
    public record Routine(String schema, String name, char kind) {
    }

    public record Trigger(String schema, String table, String name) {
    }

    public record Extension(String name, String schema, String version) {
    }

    public record Policy(String schema, String table, String name) {
    }

    /**
     * The foreign key {@code name} of a table (also listed in {@link #constraints}): its local columns in
     * order and the table they refer to.
     */
    public record ForeignKey(String schema, String table, String name, List<String> columns, String referredSchema,
            String referredTable) {
    }
}
