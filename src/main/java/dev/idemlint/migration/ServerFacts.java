package dev.idemlint.migration;

import dev.idemlint.discovery.Dialect;

/**
 * What the project's server raises or tolerates, asked by rules and {@code plan} instead of asking which
 * server it is: the error a statement raises ({@link Raised}, a PostgreSQL SQLSTATE or a MySQL/MariaDB error
 * number), whether a try/except lets it past, whether each DDL statement commits on its own, and which guard
 * clauses a fix may write. {@link PostgresFacts.Server} and {@link MysqlFacts.Server} answer from their
 * facts tables; {@link #of} picks one for the project's dialect.
 */
public interface ServerFacts {

    /**
     * One error: {@code code} is what the plan reports ({@code 42701}, {@code 1060}), {@code label} what a
     * message says ({@code DuplicateColumn (42701)}, {@code error 1060 ER_DUP_FIELDNAME}), {@code driverClass}
     * the DB-API class the driver raises it as ({@code operational_error}), as {@link Guard#conditions()} names it.
     */
    record Raised(String code, String label, String driverClass) {
        public static Raised of(SqlState s) {
            return new Raised(s.code(), s.label(), s.dbapiClass());
        }

        public static Raised of(MysqlFacts.MysqlError e) {
            return new Raised(Integer.toString(e.number()), "error " + e.label(), e.driverClass());
        }
    }

    /** The facts of {@code dialect}'s server; {@code postgresMajor} is the PostgreSQL major version the project targets. */
    static ServerFacts of(Dialect dialect, int postgresMajor) {
        return dialect != null && dialect.mysqlFamily() ? new MysqlFacts.Server(dialect)
                : new PostgresFacts.Server(postgresMajor);
    }

    /** "PostgreSQL", "MySQL" or "MariaDB", for prose. */
    String server();

    /**
     * Whether each DDL statement commits on its own (MySQL, MariaDB): a revision that fails half way stays
     * half applied and the next upgrade runs its first statements again. False where the revision runs in one
     * transaction (PostgreSQL), which has DO blocks, named types and transactional DDL instead.
     */
    boolean commitsEachStatement();

    /**
     * Whether an error aborts the transaction the statement runs in, so that nothing but a rollback (or a
     * savepoint's) runs after it until the transaction ends (PostgreSQL, 25P02); MySQL and MariaDB abort no
     * transaction on an error, so a try/except that catches it lets the revision go on ({@link #tolerates}).
     */
    boolean errorAbortsTransaction();

    /**
     * Whether the facts hold this server's table locks ({@link PostgresLocks}, observed on PostgreSQL): the lock
     * rules and plan's lock report speak only where they do. MySQL's and MariaDB's locks are not among them.
     */
    boolean knowsLocks();

    /** The table lock {@code op} takes on this server ({@link StatementLocks}), or null: none the facts know. */
    StatementLocks.TableLock tableLock(Operation op);

    /**
     * Whether the server runs a PL/pgSQL {@code DO} block, whose {@code EXCEPTION WHEN} handler is the guard
     * form of a statement without {@code IF NOT EXISTS}; elsewhere the guard is the inspector's.
     */
    boolean doBlocks();

    /**
     * Whether {@code INSERT} takes {@code ON CONFLICT ... DO NOTHING}, the form that skips rows whose key exists;
     * MySQL and MariaDB write {@code INSERT IGNORE} (or {@code ON DUPLICATE KEY UPDATE}) instead.
     */
    boolean onConflict();

    /**
     * Whether the server has named types ({@code CREATE TYPE ... AS ENUM}); MySQL and MariaDB write an enum
     * into its column.
     */
    boolean namedTypes();

    /**
     * Whether {@code ALTER TABLE IF EXISTS t ...} skips the whole statement while {@code t} is missing (PostgreSQL;
     * MariaDB from 10.5.2, a note 1146 and no error, shown on 10.11); MySQL 8.0 has no {@code ALTER TABLE IF EXISTS}.
     */
    boolean alterTableIfExists();

    /**
     * Whether the server has {@code to_regclass()}, which finds an index by the name an expression computes, so a
     * guard can look it up without the inspector.
     */
    boolean toRegclass();

    /**
     * Whether the server has identity columns ({@code GENERATED ... AS IDENTITY}, {@code ALTER COLUMN ... ADD
     * GENERATED}); MySQL and MariaDB have AUTO_INCREMENT instead.
     */
    boolean identityColumns();

    /**
     * Whether a column's type is compared as PostgreSQL's {@code format_type} prints it, the form the model renders
     * a declared type in ({@link FormatType}); MySQL's {@code COLUMN_TYPE} is another form and is not compared.
     */
    boolean formatTypes();

    /**
     * The error {@code CREATE} or {@code DROP INDEX CONCURRENTLY} raises inside a transaction block, or null where
     * the server has no {@code CONCURRENTLY} (MySQL, MariaDB).
     */
    Raised concurrentlyInTransaction();

    /**
     * What {@code DROP INDEX} raises on the index of a UNIQUE or PRIMARY KEY constraint, which needs it
     * ({@link PostgresFacts#dropIndexOfConstraint}); null where such a constraint is its index, so the drop
     * takes the key with it (MySQL, MariaDB).
     */
    Raised dropIndexOfConstraint();

    /**
     * Whether raw SQL statement {@code op} writes an {@code IF NOT EXISTS} the server's grammar has not, so its first
     * run fails with a syntax error: PostgreSQL has none on {@code ADD CONSTRAINT}, {@code CREATE TYPE} and the
     * kinds its facts table says (by version). The MySQL and MariaDB clauses are the kwargs'
     * ({@link dev.idemlint.discovery.Dialect#takesAlterIfExists}), read apart.
     */
    boolean rejectsIfNotExists(Operation op);

    /**
     * Whether a drop on a relation that is a view fails before the dropped object is looked up ({@code ALTER TABLE v
     * DROP CONSTRAINT [IF EXISTS] c}: 42809 wrong_object_type on PostgreSQL), so {@code IF EXISTS} does not skip it;
     * the MySQL and MariaDB facts hold no such row.
     */
    boolean checksRelationKindFirst();

    /**
     * What {@code DROP SEQUENCE} raises while a column's default still uses the sequence
     * ({@link PostgresFacts#dropSequenceInUse}), or null where the facts know no sequence a default owns (MySQL,
     * MariaDB).
     */
    Raised dropSequenceInUse();

    /**
     * What a drop raises while another object depends on the one dropped, without {@code CASCADE} (a foreign key
     * of another table referencing the table, a constraint owning the index: {@link PostgresFacts#dropWithDependents},
     * 2BP01); null where the facts table holds no such row (MySQL, MariaDB).
     */
    Raised dropWithDependents();

    /**
     * Whether the server names a foreign key created without a name by a counter ({@code <table>_ibfk_<n>}, the
     * next free n: MySQL, MariaDB), so a second run adds one more key and a key is found by what it joins, never
     * by a name; PostgreSQL names it after its table and columns ({@code <table>_<cols>_fkey}).
     */
    boolean numbersUnnamedForeignKeys();

    /**
     * Whether the server folds an unquoted SQL name to lower case before it stores or looks it up (PostgreSQL,
     * {@code Effects#name}); MySQL and MariaDB keep names as written (table names are case-sensitive where the file
     * system is).
     */
    boolean foldsUnquotedNames();

    /**
     * Whether the server reads a double-quoted word as a name ({@code "t"}: PostgreSQL), the quoting of the SQL a fix
     * writes through {@code op.execute}; MySQL and MariaDB read it as a string (unless {@code ANSI_QUOTES} is set).
     */
    boolean doubleQuotesNames();

    /**
     * Whether an index's name is unique among the relations of its schema, so a table renamed away keeps its index
     * names from a table created again under its old name (PostgreSQL: an index is a relation); MySQL and MariaDB
     * name indexes per table.
     */
    boolean indexNamesPerSchema();

    /**
     * Whether a unique key is the index of its name, so that dropping that index drops the key (MySQL, MariaDB);
     * PostgreSQL refuses to drop an index a constraint owns. The model holds the two as one object where this holds
     * ({@code SchemaState#unknown(boolean)}, {@code SchemaTimeline#build(List, Map, boolean)}).
     */
    default boolean uniqueKeyIsIndex() {
        return !indexNamesPerSchema();
    }

    /**
     * Whether {@code ALTER COLUMN ... TYPE} converts each value by a {@code USING} expression the revision writes
     * ({@code postgresql_using}), so a re-run that meets the column converted already runs that expression on the
     * new type (PostgreSQL); MySQL's {@code MODIFY} converts by the server's own casts.
     */
    boolean alterTypeUsing();

    /**
     * Whether a data statement's functions, {@code LIKE} and comparisons with a constant are resolved by the
     * column's type when the statement is parsed, before a row is read, so a read the column's new type does not
     * take fails on an empty table too (PostgreSQL: {@code PostgresFacts#textFunctionFails}, {@code likeFails},
     * {@code comparisonFails}). MariaDB converts: {@code UPPER()} and {@code LIKE} take an ENUM, a number and JSON,
     * and a constant that is no number fails only against the rows it is compared with, under strict mode.
     */
    boolean readsCheckedByType();

    /**
     * Whether the facts know what becomes of the version stamp after a revision's {@code op.get_bind().commit()}:
     * observed on PostgreSQL ({@code NeverStampedProofTest}); what the MySQL and MariaDB drivers do with the stamp's
     * transaction is not.
     */
    boolean knowsStampAfterBindCommit();

    /**
     * The name the server stores for a primary key written {@code written}: MySQL and MariaDB name every primary
     * key {@code PRIMARY}; PostgreSQL keeps the name given.
     */
    String primaryKeyName(String written);

    /**
     * Whether the server has objects of {@code kind} at all: MySQL and MariaDB have no types, extensions or
     * schemas apart from databases; PostgreSQL answers every kind (a kind without a row of its own as an object).
     */
    boolean has(ObjectKind kind);

    /** A second creation of an object of {@code kind} ({@code constraint}: its kind, for a constraint; may be null). */
    Raised duplicate(ObjectKind kind, ConstraintKind constraint);

    /** A drop of an object of {@code kind} that is not there. */
    Raised dropMissing(ObjectKind kind);

    /**
     * A drop of a constraint of kind {@code constraint} (null: not known) that is not there; the kind's own
     * {@link #dropMissing(ObjectKind)} unless the server drops that kind of constraint by another statement.
     */
    default Raised dropMissing(ObjectKind kind, ConstraintKind constraint) {
        return dropMissing(kind);
    }

    /** A rename of an object of {@code kind} that is not there. */
    Raised renameMissing(ObjectKind kind);

    /**
     * What a rename of an object of {@code kind} onto a name that is taken raises ({@link
     * PostgresFacts#renameTaken}; MySQL and MariaDB: the kind's duplicate, {@link MysqlFacts#renameTaken}), the
     * failure the re-run check finds where the revision makes the old name again after renaming it; null where
     * the server has no rename of the kind.
     */
    Raised renameTaken(ObjectKind kind);

    /**
     * {@link #renameTaken(ObjectKind)} where the re-run check met the taken name as {@code found}, PostgreSQL's
     * SQLSTATE of the object it met there (a key's index is renamed first, so a taken index name fails as an index
     * rename does, 42P07); null as {@link #renameTaken(ObjectKind)} is.
     */
    Raised renameTaken(ObjectKind kind, SqlState found);

    /**
     * What an {@code ALTER TABLE} raises when a column one of its clauses names is missing (a {@code CHANGE}'s or
     * {@code RENAME COLUMN}'s old name, an {@code ADD COLUMN}'s {@code AFTER}): MySQL and MariaDB resolve those for
     * the whole statement before they compare new names, so it fails with 1054 even where a clause's new name is
     * taken too ({@link MysqlFacts#statementColumnMissing}). Null where the server has no such order (PostgreSQL).
     */
    Raised statementColumnMissing();

    Raised undefinedTable();

    Raised undefinedColumn();

    Raised uniqueViolation();

    Raised notNullViolation();

    /** Whether the create statement of {@code kind} takes {@code IF NOT EXISTS} on this server and version. */
    boolean ifNotExists(ObjectKind kind);

    /** Whether the drop statement of {@code kind} takes {@code IF EXISTS}. */
    boolean dropIfExists(ObjectKind kind);

    /** Whether the create statement of {@code kind} takes {@code OR REPLACE}. */
    boolean orReplace(ObjectKind kind);

    /**
     * Whether the statement at {@code site} lets {@code error} past so the revision goes on: a try/except whose
     * handler catches the driver's class of it, on a server that aborts no transaction on an error. Never on
     * PostgreSQL: the handler catches the error in Python, but the transaction is aborted.
     */
    boolean tolerates(OpSite site, Raised error);

    /**
     * The error {@code op} raises when it runs again over what its first run left: a creation finds its object
     * ({@link #duplicate}), a drop or a rename misses it ({@link #dropMissing}, {@link #renameMissing}); null for a
     * statement that raises none of these.
     */
    default Raised rerunRaises(Operation op) {
        return op instanceof Operation.AddColumn ? duplicate(ObjectKind.COLUMN, null)
                : op instanceof Operation.CreateTable ? duplicate(ObjectKind.TABLE, null)
                : op instanceof Operation.CreateIndex ? duplicate(ObjectKind.INDEX, null)
                : op instanceof Operation.AddConstraint c ? duplicate(ObjectKind.CONSTRAINT, c.kind())
                : op instanceof Operation.Drop d ? dropMissing(d.kind())
                : op instanceof Operation.Rename r ? renameMissing(r.kind()) : null;
    }

    /**
     * Whether {@code op} may fail on the rows its table holds, whatever the schema: a unique index, a key or a check
     * the rows break, a column added as a key, a column's type or nullability changed ({@code alter_column},
     * {@code ALTER TABLE ... MODIFY / CHANGE}) that a value does not fit.
     */
    default boolean failsOnRows(Operation op) {
        if (op instanceof Operation.CreateIndex i) {
            return i.unique();
        }
        if (op instanceof Operation.AddConstraint c) {
            return c.kind() != ConstraintKind.UNKNOWN;
        }
        if (op instanceof Operation.AddColumn a) {
            return a.column().unique() || a.column().primaryKey() || a.column().foreignKey();
        }
        return op instanceof Operation.Benign b && (b.what().equals("alter_column")
                || b.what().equals("ALTER TABLE ... MODIFY") || b.what().equals("ALTER TABLE ... CHANGE"));
    }

    /**
     * What the re-run of the statement at {@code site} fails with when it raises {@code error}: the error, or
     * what a swallowed error leads to on a server that aborts the transaction.
     */
    String failure(Raised error, OpSite site);

    /**
     * The start of a re-run rule's help: why the statement at {@code site} runs again, and why a try/except
     * around it catching {@code error} does not help; empty when the message says enough.
     */
    String rerunWhy(OpSite site, Raised error);

    /** "Re-running this revision fails with error 1060 ER_DUP_FIELDNAME because column "c" of "t" already exists." */
    default String alreadyExists(Raised error, String what, String note, OpSite site) {
        return "Re-running this revision fails with " + failure(error, site) + " because " + what + " already exists"
                + note + when(site) + ".";
    }

    /**
     * The configuration condition a statement runs under, as a message ends with it (" when `ENV` is not
     * production"): the re-run fails in the runs where it holds ({@link GuardKind#SETTING}); empty otherwise.
     */
    static String when(OpSite site) {
        Guard g = site.guard();
        return g != null && (g.settled() || g.settledTry()) && g.condition() != null
                ? " when " + Guard.Condition.describe(g.condition())
                : "";
    }
}
