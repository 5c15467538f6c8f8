package dev.idemlint.migration;

import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One schema operation, whatever its spelling: {@code op.add_column}, {@code batch_op.add_column}
 * and {@code op.execute("ALTER TABLE t ADD COLUMN c ...")} are all {@link AddColumn}. Rules check
 * facts once; only fixes look at {@link OpSite#origin()}. Names are null when not known statically
 * (dynamic); rules never guess them.
 */
public sealed interface Operation {
    OpSite site();

    /** The same operation at another site (used to re-point diagnostics). */
    Operation withSite(OpSite site);

    /**
     * {@code ADD COLUMN}; {@code ifNotExists} from SQL or the kwarg (already version-checked: see kwargs).
     * {@code after}: the column MySQL's and MariaDB's {@code ADD COLUMN c ... AFTER a} places it after, null when
     * none is written (or it is dynamic).
     */
    record AddColumn(OpSite site, String table, ColumnDef column, boolean ifNotExists, String after)
            implements Operation {
        public AddColumn(OpSite site, String table, ColumnDef column, boolean ifNotExists) {
            this(site, table, column, ifNotExists, null);
        }

        @Override
        public Operation withSite(OpSite site) {
            return new AddColumn(site, table, column, ifNotExists, after);
        }
    }

    /**
     * {@code CREATE TABLE}; {@code columns} may be empty for raw SQL we could not read. {@code partitionOf}:
     * the parent table of {@code CREATE TABLE t PARTITION OF parent}, else null; {@code temporary}:
     * {@code CREATE TEMP|TEMPORARY TABLE}. {@code compiledTolerant}: an {@code op.create_table} that the
     * revision's own {@code @compiles(CreateTable)} hook renders {@code CREATE TABLE IF NOT EXISTS}, or renders in a
     * way not read ({@link CompiledCreateTable}): it passes on an existing table whatever Alembic's version.
     * {@code like}: the table of MySQL's {@code CREATE TABLE t LIKE old} or PostgreSQL's {@code CREATE TABLE t (LIKE
     * old ...)}, whose columns the new table gets (null: none). {@code likeIncludes}: what PostgreSQL's {@code LIKE}
     * copies besides, as its {@code INCLUDING} and {@code EXCLUDING} words leave it ({@code DEFAULTS},
     * {@code INDEXES}...: {@code ALL} spelled out), empty for MySQL's form (no sequence there for a default to use),
     * null when the words are not read.
     */
    record CreateTable(OpSite site, String table, List<ColumnDef> columns, boolean ifNotExists,
            List<NamedConstraint> constraints, String partitionOf, boolean temporary, boolean compiledTolerant,
            String like, Set<String> likeIncludes) implements Operation {
        public CreateTable(OpSite site, String table, List<ColumnDef> columns, boolean ifNotExists,
                List<NamedConstraint> constraints, String partitionOf, boolean temporary, boolean compiledTolerant) {
            this(site, table, columns, ifNotExists, constraints, partitionOf, temporary, compiledTolerant, null,
                    Set.of());
        }

        public CreateTable(OpSite site, String table, List<ColumnDef> columns, boolean ifNotExists,
                List<NamedConstraint> constraints) {
            this(site, table, columns, ifNotExists, constraints, null, false, false);
        }

        /** Whether CREATE TABLE passes on an existing table: SQL's IF NOT EXISTS, the keyword, or the hook. */
        public boolean tolerant() {
            return ifNotExists || compiledTolerant;
        }

        @Override
        public Operation withSite(OpSite site) {
            return new CreateTable(site, table, columns, ifNotExists, constraints, partitionOf, temporary,
                    compiledTolerant, like, likeIncludes);
        }
    }

    /**
     * A constraint declared inside CREATE TABLE / create_table: named ones, and unnamed UNIQUE / PRIMARY
     * KEY ones ({@code name} null). {@code columns} when known, else empty.
     */
    record NamedConstraint(ConstraintKind kind, String name, List<String> columns) {
        public NamedConstraint(ConstraintKind kind, String name) {
            this(kind, name, List.of());
        }
    }

    /** {@code CREATE [UNIQUE] INDEX}. */
    record CreateIndex(OpSite site, String name, String table, boolean unique, boolean ifNotExists,
            boolean concurrently, List<String> columns) implements Operation {
        public CreateIndex(OpSite site, String name, String table, boolean unique, boolean ifNotExists,
                boolean concurrently) {
            this(site, name, table, unique, ifNotExists, concurrently, List.of());
        }

        @Override
        public Operation withSite(OpSite site) {
            return new CreateIndex(site, name, table, unique, ifNotExists, concurrently, columns);
        }
    }

    /**
     * {@code ADD CONSTRAINT} / {@code op.create_foreign_key} etc. {@code ifNotExists} true means the
     * SQL says {@code ADD CONSTRAINT IF NOT EXISTS}, which PostgreSQL rejects (42601). {@code condition} is a
     * CHECK's condition as the SQL the server gets, when it is a constant string ({@code "a > 0"},
     * {@code sa.text("a > 0")}, the inside of {@code CHECK (...)}); null otherwise. {@code references} is the table an
     * op call's foreign key refers to, as written ({@link ConstraintNames#referredTable(Expr.Call, boolean)}); null
     * otherwise.
     */
    record AddConstraint(OpSite site, ConstraintKind kind, String name, String table, boolean ifNotExists,
            List<String> columns, String condition, String references) implements Operation {
        public AddConstraint(OpSite site, ConstraintKind kind, String name, String table, boolean ifNotExists) {
            this(site, kind, name, table, ifNotExists, List.of(), null, null);
        }

        public AddConstraint(OpSite site, ConstraintKind kind, String name, String table, boolean ifNotExists,
                List<String> columns) {
            this(site, kind, name, table, ifNotExists, columns, null, null);
        }

        public AddConstraint(OpSite site, ConstraintKind kind, String name, String table, boolean ifNotExists,
                List<String> columns, String condition) {
            this(site, kind, name, table, ifNotExists, columns, condition, null);
        }

        @Override
        public Operation withSite(OpSite site) {
            return new AddConstraint(site, kind, name, table, ifNotExists, columns, condition, references);
        }
    }

    /**
     * {@code CREATE TYPE ... AS ENUM} (raw or {@code ENUM(...).create(bind)}). {@code checkFirst} is
     * true for {@code .create(bind, checkfirst=True)}; {@code ifNotExists} true means the SQL says
     * {@code CREATE TYPE IF NOT EXISTS}, a syntax error (42601).
     */
    record CreateEnumType(OpSite site, String name, List<String> labels, boolean checkFirst, boolean ifNotExists)
            implements Operation {
        @Override
        public Operation withSite(OpSite site) {
            return new CreateEnumType(site, name, labels, checkFirst, ifNotExists);
        }
    }

    /**
     * Any other CREATE: sequence, schema, extension, view, function, trigger, domain, policy,
     * composite type... {@code ifNotExists}/{@code orReplace} as written. {@code function}: the function a
     * trigger executes ({@code EXECUTE FUNCTION f()}), as written; null when not a trigger or not read.
     */
    record CreateObject(OpSite site, ObjectKind kind, String name, String table, boolean ifNotExists,
            boolean orReplace, String function) implements Operation {
        public CreateObject(OpSite site, ObjectKind kind, String name, String table, boolean ifNotExists,
                boolean orReplace) {
            this(site, kind, name, table, ifNotExists, orReplace, null);
        }

        @Override
        public Operation withSite(OpSite site) {
            return new CreateObject(site, kind, name, table, ifNotExists, orReplace, function);
        }
    }

    /**
     * {@code DROP ...} / {@code drop_table} / {@code drop_column}...; {@code table} is set for columns, constraints,
     * triggers, policies. {@code cascade}: {@code DROP ... CASCADE} in SQL, which also drops what depends on the
     * object (the columns of a dropped type). {@code primaryKeyClause}: MySQL's {@code ALTER TABLE t DROP PRIMARY
     * KEY}, a drop of the table's one primary key, which names none ({@code name} is null). {@code concurrently}: an
     * index drop's call asks for {@code postgresql_concurrently} ({@link StatementLocks#concurrentlyAsked}), read
     * while the call is held (SQL says so in its text).
     */
    record Drop(OpSite site, ObjectKind kind, String name, String table, boolean ifExists, boolean cascade,
            boolean primaryKeyClause, boolean concurrently) implements Operation {
        public Drop(OpSite site, ObjectKind kind, String name, String table, boolean ifExists, boolean cascade,
                boolean primaryKeyClause) {
            this(site, kind, name, table, ifExists, cascade, primaryKeyClause, false);
        }

        public Drop(OpSite site, ObjectKind kind, String name, String table, boolean ifExists, boolean cascade) {
            this(site, kind, name, table, ifExists, cascade, false, false);
        }

        public Drop(OpSite site, ObjectKind kind, String name, String table, boolean ifExists) {
            this(site, kind, name, table, ifExists, false, false, false);
        }

        @Override
        public Operation withSite(OpSite site) {
            return new Drop(site, kind, name, table, ifExists, cascade, primaryKeyClause, concurrently);
        }

        /**
         * The kind of constraint {@code drop_constraint(..., type_=...)} says it drops ("foreignkey", "unique",
         * "check", "primary"), or null when the call says none, or none read; a primary key for SQL's
         * {@code DROP PRIMARY KEY}.
         */
        public ConstraintKind constraintType() {
            if (primaryKeyClause) {
                return ConstraintKind.PRIMARY_KEY;
            }
            Expr.Call call = site.call();
            Arg type = kind == ObjectKind.CONSTRAINT && call != null ? call.keyword("type_")
                    : null;
            return ConstraintKind.ofAlembicType(type == null ? null : NamingConventionReader.literal(type.value()));
        }

        /**
         * {@code drop_constraint(..., type_="primary")}: the table's primary key, whatever the name (a
         * table has at most one; Alembic sends the name it is given), or SQL's {@code DROP PRIMARY KEY}.
         */
        public boolean primaryKey() {
            if (primaryKeyClause) {
                return true;
            }
            Expr.Call call = site.call();
            Arg type = kind == ObjectKind.CONSTRAINT && call != null ? call.keyword("type_")
                    : null;
            return type != null && "primary".equals(NamingConventionReader.literal(type.value()));
        }
    }

    /** Renames of tables, columns, indexes, constraints, types, ... */
    /**
     * {@code ALTER ... RENAME} / {@code rename_table} / {@code alter_column(new_column_name=)}.
     * {@code ifExists}: {@code ALTER TABLE|INDEX|SEQUENCE|VIEW|MATERIALIZED VIEW IF EXISTS}, which skips a
     * missing relation with a notice: the renamed relation itself, or the table of a renamed column or
     * constraint (a missing column still fails, 42703). No form tolerates a taken target name (42P07).
     */
    record Rename(OpSite site, ObjectKind kind, String table, String from, String to, boolean ifExists)
            implements Operation {
        public Rename(OpSite site, ObjectKind kind, String table, String from, String to) {
            this(site, kind, table, from, to, false);
        }

        @Override
        public Operation withSite(OpSite site) {
            return new Rename(site, kind, table, from, to, ifExists);
        }
    }

    /**
     * {@code INSERT INTO table}. {@code onConflict} for ON CONFLICT; {@code guardedSelect} for an
     * {@code INSERT ... SELECT ... WHERE NOT EXISTS}; {@code bulk} for {@code op.bulk_insert}.
     * {@code columns} are the inserted column names, null when not known statically.
     * {@code madeAtRunTime} has one entry per inserted value position (the columns in order, or the
     * table's columns in order for {@code INSERT INTO t VALUES (...)}): true when every row's value
     * there is made when the statement runs ({@code gen_random_uuid()}, {@code nextval(...)},
     * {@code DEFAULT}, a subquery, a Python {@code uuid4()}), so a re-run writes a different one;
     * null when the values were not read. {@code typed}: the inserted columns whose types the code
     * declares (see {@link TypedColumn}). {@code source}: where the rows come from (see {@link RowSource}).
     * {@code literals}: per inserted column, the values its rows give it when every row gives a constant (a string
     * or a number, as its text); a column some row gives anything else, or no value, is absent.
     * {@code nulls} and {@code nullsOrZeros}: per value position as {@code madeAtRunTime}, true when every row's
     * value there is NULL (or NULL or the number 0): values an AUTO_INCREMENT column replaces with its next value on
     * MySQL and MariaDB; null when not read.
     */
    record Insert(OpSite site, String table, boolean onConflict, boolean guardedSelect, boolean bulk,
            List<String> columns, List<Boolean> madeAtRunTime, List<TypedColumn> typed, RowSource source,
            Map<String, Set<String>> literals, List<Boolean> nulls, List<Boolean> nullsOrZeros) implements Operation {
        public Insert {
            typed = typed == null ? List.of() : List.copyOf(typed);
            source = source == null ? RowSource.AS_WRITTEN : source;
            literals = literals == null ? Map.of() : Map.copyOf(literals);
        }

        public Insert(OpSite site, String table, boolean onConflict, boolean guardedSelect, boolean bulk,
                List<String> columns, List<Boolean> madeAtRunTime, List<TypedColumn> typed, RowSource source,
                Map<String, Set<String>> literals) {
            this(site, table, onConflict, guardedSelect, bulk, columns, madeAtRunTime, typed, source, literals, null,
                    null);
        }

        public Insert(OpSite site, String table, boolean onConflict, boolean guardedSelect, boolean bulk,
                List<String> columns, List<Boolean> madeAtRunTime, List<TypedColumn> typed, RowSource source) {
            this(site, table, onConflict, guardedSelect, bulk, columns, madeAtRunTime, typed, source, Map.of());
        }

        public Insert(OpSite site, String table, boolean onConflict, boolean guardedSelect, boolean bulk,
                List<String> columns, List<Boolean> madeAtRunTime, List<TypedColumn> typed) {
            this(site, table, onConflict, guardedSelect, bulk, columns, madeAtRunTime, typed, RowSource.AS_WRITTEN);
        }

        /**
         * Whether every row's value at {@code position} is one an AUTO_INCREMENT column replaces with its next value:
         * NULL, or also 0 when {@code zero} (MySQL and MariaDB without NO_AUTO_VALUE_ON_ZERO).
         */
        public boolean autoFilled(int position, boolean zero) {
            List<Boolean> l = zero ? nullsOrZeros : nulls;
            return l != null && position >= 0 && position < l.size() && l.get(position);
        }

        /** Whether the value at {@code position} is made at run time in every row. */
        public boolean madeAtRunTime(int position) {
            return madeAtRunTime != null && position >= 0 && position < madeAtRunTime.size()
                    && madeAtRunTime.get(position);
        }

        @Override
        public Operation withSite(OpSite site) {
            return new Insert(site, table, onConflict, guardedSelect, bulk, columns, madeAtRunTime, typed, source,
                    literals, nulls, nullsOrZeros);
        }
    }

    /** {@code ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'label'}. */
    record AlterTypeAddValue(OpSite site, String type, String label, boolean ifNotExists) implements Operation {
        @Override
        public Operation withSite(OpSite site) {
            return new AlterTypeAddValue(site, type, label, ifNotExists);
        }
    }

    /**
     * {@code ALTER TABLE t ALTER COLUMN c} acting on where the column's values come from: {@code ADD
     * GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY}, {@code DROP IDENTITY [IF EXISTS]}, {@code SET DEFAULT} and
     * {@code DROP DEFAULT} (which PostgreSQL refuses on an identity column). Names null when dynamic.
     */
    record ColumnIdentity(OpSite site, String table, String column, IdentityChange change) implements Operation {
        @Override
        public Operation withSite(OpSite site) {
            return new ColumnIdentity(site, table, column, change);
        }
    }

    /**
     * What a {@link ColumnIdentity} does; {@code UNREAD}: an identity action whose tail the reader did not
     * follow, so the column's identity and default may have changed in any way.
     */
    enum IdentityChange {
        ADD, DROP, DROP_IF_EXISTS, SET_DEFAULT, DROP_DEFAULT, UNREAD
    }

    /**
     * Statements that are naturally re-runnable or not schema-creating: alter_column (nullable,
     * default, type), UPDATE, DELETE, COMMENT, GRANT, SET, SELECT, CREATE OR REPLACE handled above...
     * {@code what} is a short label ("alter_column", "UPDATE"); {@code table}/{@code column} name the
     * column an {@code alter_column} changes (null otherwise or when not literal); for a {@code DELETE} or
     * {@code TRUNCATE} ({@link #DELETE}, {@link #TRUNCATE}) {@code table} is the table whose rows it removes,
     * null when not read. {@code typed}: for a
     * SQLAlchemy Core select, update or delete, the columns it names whose types the code declares (see
     * {@link TypedColumn}); {@code names}: for such a statement, the tables and columns it names through
     * lightweight tables (see {@link CoreName}), which it fails on when they are gone. {@code removes}: for a
     * {@code DELETE} whose whole WHERE is {@code c = 'v'} or {@code c IN ('v', ...)}, the column and the constants;
     * null when it may remove any row. {@code type}: for a statement on {@code column} that may change its type
     * ({@code alter_column(type_=...)}, {@code ALTER COLUMN c TYPE}), what it changes it to; null when it
     * changes no column's type.
     */
    record Benign(OpSite site, String what, String table, String column, List<TypedColumn> typed,
            List<CoreName> names, KeyFilter removes, TypeChange type) implements Operation {
        public Benign {
            typed = typed == null ? List.of() : List.copyOf(typed);
            names = names == null ? List.of() : List.copyOf(names);
        }

        public Benign(OpSite site, String what, String table, String column, List<TypedColumn> typed,
                List<CoreName> names, KeyFilter removes) {
            this(site, what, table, column, typed, names, removes, null);
        }

        public Benign(OpSite site, String what, String table, String column, List<TypedColumn> typed,
                List<CoreName> names) {
            this(site, what, table, column, typed, names, null);
        }

        /** A statement on {@code table}'s {@code column} that changes its type as {@code type} says. */
        public Benign(OpSite site, String what, String table, String column, TypeChange type) {
            this(site, what, table, column, List.of(), List.of(), null, type);
        }

        public Benign(OpSite site, String what, String table, String column, List<TypedColumn> typed) {
            this(site, what, table, column, typed, List.of());
        }

        /** {@code what} of a {@code DELETE FROM} (raw SQL or a Core {@code delete}). */
        public static final String DELETE = "DELETE";
        /** {@code what} of a {@code TRUNCATE}. */
        public static final String TRUNCATE = "TRUNCATE";
        /**
         * {@code what} of {@code op.get_bind().commit()}: SQLAlchemy 2.0 commits the transaction Alembic runs the
         * revision in, and what follows runs in one the connection begins by itself. No table is touched.
         */
        public static final String BIND_COMMIT = "bind commit";
        /** {@code what} of a query through the ORM over classes the revision declares ({@code session.query(M).all()}). */
        public static final String ORM_QUERY = "ORM query";

        public Benign(OpSite site, String what) {
            this(site, what, null, null);
        }

        /** Whether it removes rows of {@link #table} (which ones, for a DELETE, is not read). */
        public boolean removesRows() {
            return table != null && column == null && (DELETE.equals(what) || TRUNCATE.equals(what));
        }

        public Benign(OpSite site, String what, String table, String column) {
            this(site, what, table, column, List.of());
        }

        @Override
        public Operation withSite(OpSite site) {
            return new Benign(site, what, table, column, typed, names, removes, type);
        }
    }

    /**
     * A column a SQLAlchemy Core statement names through a lightweight table ({@code sa.table("t",
     * sa.column("c", sa.Float))}, {@code sa.Table} with its columns) with the type the code declares for
     * it there: SQLAlchemy processes the values it reads and binds by that type, not by the column's
     * type in the database. {@code table} as written, unqualified (a table with {@code schema=} is
     * not read); {@code column} has a literal name and a type known as {@code format_type} prints it.
     */
    record TypedColumn(String table, ColumnDef column) {
    }

    /**
     * A table ({@code column} null) or a column of one that a SQLAlchemy Core statement names through a
     * lightweight table that declares it ({@code sa.table("t", sa.column("c"))}, {@code sa.Table} without
     * reflection): {@code t.c.c} anywhere in the statement, every declared column of a table selected whole,
     * a {@code .values(...)} keyword of the statement's own table. SQLAlchemy renders each as {@code t.c} (or
     * opens {@code t}), so the statement fails on the server when it is gone. {@code table} as written,
     * unqualified; {@code at} is the offset of the name in the file, to order a statement's names.
     */
    record CoreName(String table, String column, int at) {
    }

    /**
     * Rows whose {@code column} holds one of {@code values} (constants as written, a string's text or a number), as a
     * {@code DELETE ... WHERE column = 'v'} or {@code WHERE column IN ('v', ...)} picks them; {@code column} as
     * PostgreSQL folds it.
     */
    record KeyFilter(String column, Set<String> values) {
        public KeyFilter {
            values = Set.copyOf(values);
        }
    }

    /** A SQL string before classification (the sql stage replaces it). */
    record RawSql(OpSite site) implements Operation {
        @Override
        public Operation withSite(OpSite site) {
            return new RawSql(site);
        }
    }

    /**
     * Something we could not read (dynamic SQL, unknown op, a helper defined elsewhere). Never flagged
     * by idempotency rules. {@code touches} holds the names it is known to act on (the string
     * arguments of a helper call, lower-cased); empty means it may touch anything. {@code batchTable}, on a
     * {@code batch_op} call not read, is the table of its {@code batch_alter_table} as written (null when the
     * name is not read, and on any other code): the one table whose keys and columns the call may change.
     */
    record Unknown(OpSite site, String what, Set<String> touches, String batchTable) implements Operation {
        public Unknown(OpSite site, String what) {
            this(site, what, Set.of());
        }

        public Unknown(OpSite site, String what, Set<String> touches) {
            this(site, what, touches, null);
        }

        @Override
        public Operation withSite(OpSite site) {
            return new Unknown(site, what, touches, batchTable);
        }
    }
}
