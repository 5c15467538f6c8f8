package dev.idemlint.migration;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.Version;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What MariaDB and MySQL raise or tolerate for each kind of object: whether its create statement takes
 * {@code IF NOT EXISTS} or {@code OR REPLACE}, whether its drop takes {@code IF EXISTS}, and the error
 * number and name of a duplicate create, of a drop and of a rename of a missing object. Neither runs
 * DDL in a transaction: each statement commits, and the DML before it too, so a revision that fails
 * half way stays half applied.
 *
 * <p>The MariaDB rows are checked on a real MariaDB 10.11 by {@code MysqlFactsTableTest} (error numbers,
 * and each clause accepted or rejected as the row says). The MySQL 8.0 rows come from the MySQL 8.0
 * Reference Manual ({@code ALTER TABLE}, {@code CREATE INDEX}, {@code CREATE TRIGGER}: {@code IF NOT
 * EXISTS} for triggers, functions and procedures from 8.0.29) and its error reference; no MySQL server
 * is available here, so they are {@link Row#proven() unproven}. Traps the rows encode: MariaDB rejects
 * {@code ADD CONSTRAINT IF NOT EXISTS uq UNIQUE (a)} and {@code ADD CONSTRAINT IF NOT EXISTS fk FOREIGN KEY}
 * (error 1064); the forms it accepts are {@code ADD UNIQUE KEY IF NOT EXISTS uq (a)} and {@code ADD
 * CONSTRAINT fk FOREIGN KEY IF NOT EXISTS (a)}. A UNIQUE constraint is an index: a duplicate fails as a
 * duplicate key name (1061), as an index does. A second foreign key of the same name fails in InnoDB
 * with 1005 (errno 121), not with a duplicate-name error. MySQL 8.0 has no {@code IF [NOT] EXISTS} on any
 * column, index or constraint clause of ALTER TABLE, and none on CREATE/DROP INDEX.
 */
public final class MysqlFacts {

    /** A server error as clients report it: {@code (1060, "Duplicate column name 'c'")}. */
    public record MysqlError(int number, String name) {
        /** "1060 ER_DUP_FIELDNAME". */
        public String label() {
            return number + " " + name;
        }

        /**
         * The PEP 249 class the driver raises it as, which SQLAlchemy re-raises as the {@code sqlalchemy.exc}
         * class of the same name: PyMySQL's {@code err.error_map} (mysqlclient's is alike) makes duplicate
         * entries and foreign key failures {@code IntegrityError}, a missing table, an existing database and
         * syntax errors {@code ProgrammingError}, and every other server error numbered 1000 or more
         * {@code OperationalError}: 1050, 1060, 1061, 1091 among them. As {@link Guard#conditions()} names it.
         */
        public String driverClass() {
            return MysqlFacts.driverClass(number);
        }
    }

    /** {@link MysqlError#driverClass()} of error {@code number}. */
    public static String driverClass(int number) {
        return switch (number) {
            case 1062, 1216, 1217, 1451, 1452, 1215, 1048 -> "integrity_error";
            case 1007, 1146, 1064, 1149, 1102, 1103, 1110, 1111, 1112, 1113, 1179, 1166 -> "programming_error";
            default -> "operational_error";
        };
    }

    public static final MysqlError TABLE_EXISTS = new MysqlError(1050, "ER_TABLE_EXISTS_ERROR");
    public static final MysqlError BAD_TABLE = new MysqlError(1051, "ER_BAD_TABLE_ERROR");
    public static final MysqlError NO_SUCH_TABLE = new MysqlError(1146, "ER_NO_SUCH_TABLE");
    public static final MysqlError DUP_FIELDNAME = new MysqlError(1060, "ER_DUP_FIELDNAME");
    public static final MysqlError BAD_FIELD = new MysqlError(1054, "ER_BAD_FIELD_ERROR");
    public static final MysqlError DUP_KEYNAME = new MysqlError(1061, "ER_DUP_KEYNAME");
    public static final MysqlError CANT_DROP_FIELD_OR_KEY = new MysqlError(1091, "ER_CANT_DROP_FIELD_OR_KEY");
    public static final MysqlError KEY_DOES_NOT_EXIST = new MysqlError(1176, "ER_KEY_DOES_NOT_EXISTS");
    public static final MysqlError MULTIPLE_PRI_KEY = new MysqlError(1068, "ER_MULTIPLE_PRI_KEY");
    public static final MysqlError CANT_CREATE_TABLE = new MysqlError(1005, "ER_CANT_CREATE_TABLE");
    public static final MysqlError DUP_CONSTRAINT_NAME = new MysqlError(1826, "ER_DUP_CONSTRAINT_NAME");
    public static final MysqlError UNKNOWN_VIEW = new MysqlError(4092, "ER_UNKNOWN_VIEW");
    public static final MysqlError UNKNOWN_SEQUENCES = new MysqlError(4091, "ER_UNKNOWN_SEQUENCES");
    public static final MysqlError TRG_ALREADY_EXISTS = new MysqlError(1359, "ER_TRG_ALREADY_EXISTS");
    public static final MysqlError TRG_DOES_NOT_EXIST = new MysqlError(1360, "ER_TRG_DOES_NOT_EXIST");
    public static final MysqlError SP_ALREADY_EXISTS = new MysqlError(1304, "ER_SP_ALREADY_EXISTS");
    public static final MysqlError SP_DOES_NOT_EXIST = new MysqlError(1305, "ER_SP_DOES_NOT_EXIST");
    public static final MysqlError DB_CREATE_EXISTS = new MysqlError(1007, "ER_DB_CREATE_EXISTS");
    public static final MysqlError DB_DROP_EXISTS = new MysqlError(1008, "ER_DB_DROP_EXISTS");
    /** An insert whose key a row already has. */
    public static final MysqlError DUP_ENTRY = new MysqlError(1062, "ER_DUP_ENTRY");
    /** An insert that gives a NOT NULL column without a default no value (strict sql_mode, both servers' default). */
    public static final MysqlError NO_DEFAULT_FOR_FIELD = new MysqlError(1364, "ER_NO_DEFAULT_FOR_FIELD");
    // MySQL 8.0 only (its error reference): named differently or numbered differently from MariaDB's.
    private static final MysqlError MYSQL_FK_DUP_NAME = new MysqlError(1826, "ER_FK_DUP_NAME");
    private static final MysqlError MYSQL_CHECK_DUP_NAME = new MysqlError(3822, "ER_CHECK_CONSTRAINT_DUP_NAME");
    private static final MysqlError MYSQL_KEY_DOES_NOT_EXITS = new MysqlError(1176, "ER_KEY_DOES_NOT_EXITS");
    private static final MysqlError MYSQL_CHECK_NOT_FOUND = new MysqlError(3821, "ER_CHECK_CONSTRAINT_NOT_FOUND");

    /**
     * One kind's facts on one server. {@code renameMissing} is null when the kind has no rename.
     * {@code proven}: checked on a real server by {@code MysqlFactsTableTest}; false for rows from a manual.
     */
    public record Row(ObjectKind kind, boolean ifNotExists, boolean orReplace, boolean dropIfExists,
            MysqlError duplicate, MysqlError dropMissing, MysqlError renameMissing, boolean proven) {
        public Row {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(duplicate, "duplicate");
            Objects.requireNonNull(dropMissing, "dropMissing");
        }
    }

    private static final List<Row> MARIADB = List.of(
            new Row(ObjectKind.TABLE, true, true, true, TABLE_EXISTS, BAD_TABLE, NO_SUCH_TABLE, true),
            new Row(ObjectKind.COLUMN, true, false, true, DUP_FIELDNAME, CANT_DROP_FIELD_OR_KEY, BAD_FIELD, true),
            new Row(ObjectKind.INDEX, true, true, true, DUP_KEYNAME, CANT_DROP_FIELD_OR_KEY, KEY_DOES_NOT_EXIST, true),
            // CHECK constraints; the other kinds differ: duplicate(ConstraintKind).
            new Row(ObjectKind.CONSTRAINT, true, false, true, DUP_CONSTRAINT_NAME, CANT_DROP_FIELD_OR_KEY, null, true),
            new Row(ObjectKind.VIEW, true, true, true, TABLE_EXISTS, UNKNOWN_VIEW, NO_SUCH_TABLE, true),
            new Row(ObjectKind.SEQUENCE, true, true, true, TABLE_EXISTS, UNKNOWN_SEQUENCES, NO_SUCH_TABLE, true),
            new Row(ObjectKind.TRIGGER, true, true, true, TRG_ALREADY_EXISTS, TRG_DOES_NOT_EXIST, null, true),
            new Row(ObjectKind.FUNCTION, true, true, true, SP_ALREADY_EXISTS, SP_DOES_NOT_EXIST, null, true),
            new Row(ObjectKind.PROCEDURE, true, true, true, SP_ALREADY_EXISTS, SP_DOES_NOT_EXIST, null, true),
            new Row(ObjectKind.DATABASE, true, true, true, DB_CREATE_EXISTS, DB_DROP_EXISTS, null, true));

    private static final List<Row> MYSQL_8_0 = List.of(
            new Row(ObjectKind.TABLE, true, false, true, TABLE_EXISTS, BAD_TABLE, NO_SUCH_TABLE, false),
            new Row(ObjectKind.COLUMN, false, false, false, DUP_FIELDNAME, CANT_DROP_FIELD_OR_KEY, BAD_FIELD, false),
            new Row(ObjectKind.INDEX, false, false, false, DUP_KEYNAME, CANT_DROP_FIELD_OR_KEY, MYSQL_KEY_DOES_NOT_EXITS,
                    false),
            new Row(ObjectKind.CONSTRAINT, false, false, false, MYSQL_CHECK_DUP_NAME, MYSQL_CHECK_NOT_FOUND, null, false),
            new Row(ObjectKind.VIEW, false, true, true, TABLE_EXISTS, BAD_TABLE, NO_SUCH_TABLE, false),
            new Row(ObjectKind.TRIGGER, true, false, true, TRG_ALREADY_EXISTS, TRG_DOES_NOT_EXIST, null, false),
            new Row(ObjectKind.FUNCTION, true, false, true, SP_ALREADY_EXISTS, SP_DOES_NOT_EXIST, null, false),
            new Row(ObjectKind.PROCEDURE, true, false, true, SP_ALREADY_EXISTS, SP_DOES_NOT_EXIST, null, false),
            new Row(ObjectKind.DATABASE, true, false, true, DB_CREATE_EXISTS, DB_DROP_EXISTS, null, false));

    private static final Map<ObjectKind, Row> MARIADB_BY_KIND = index(MARIADB);
    private static final Map<ObjectKind, Row> MYSQL_BY_KIND = index(MYSQL_8_0);

    private MysqlFacts() {
    }

    private static Map<ObjectKind, Row> index(List<Row> rows) {
        Map<ObjectKind, Row> m = new EnumMap<>(ObjectKind.class);
        for (Row r : rows) {
            if (m.put(r.kind(), r) != null) {
                throw new IllegalStateException("two rows for " + r.kind());
            }
        }
        return m;
    }

    /** The MariaDB rows (proven on MariaDB 10.11). */
    public static List<Row> mariadb() {
        return MARIADB;
    }

    /** The MySQL 8.0 rows (from its manual). */
    public static List<Row> mysql() {
        return MYSQL_8_0;
    }

    /**
     * The row of {@code kind} on the dialect's server; null when the server has no such object (a MySQL
     * sequence) or the dialect is PostgreSQL. A schema is a database on both.
     */
    public static Row of(Dialect dialect, ObjectKind kind) {
        if (dialect == null || !dialect.mysqlFamily()) {
            return null;
        }
        ObjectKind k = kind == ObjectKind.SCHEMA ? ObjectKind.DATABASE : kind;
        return (dialect.isMariaDb() ? MARIADB_BY_KIND : MYSQL_BY_KIND).get(k);
    }

    /**
     * What a second {@code ADD CONSTRAINT} raises: a second primary key 1068 whatever its name; a UNIQUE
     * constraint is an index (1061); a foreign key of a taken name fails in InnoDB (MariaDB 1005, MySQL 8.0
     * 1826 ER_FK_DUP_NAME); CHECK and kinds not known the CONSTRAINT row's.
     */
    public static MysqlError duplicate(Dialect dialect, ConstraintKind kind) {
        if (kind == ConstraintKind.PRIMARY_KEY) {
            return MULTIPLE_PRI_KEY;
        }
        if (kind == ConstraintKind.UNIQUE) {
            return DUP_KEYNAME;
        }
        if (kind == ConstraintKind.FOREIGN_KEY) {
            return dialect.isMariaDb() ? CANT_CREATE_TABLE : MYSQL_FK_DUP_NAME;
        }
        return of(dialect, ObjectKind.CONSTRAINT).duplicate();
    }

    /**
     * What a rename of {@code kind} onto a taken name raises: the kind's duplicate (a column 1060, a table, view or
     * sequence 1050, an index 1061), for the kinds that have a rename ({@link Row#renameMissing()}); null for the
     * others. The old name is looked up first: where it is missing too, the rename fails as {@code renameMissing}
     * (a column's {@code CHANGE} and {@code RENAME COLUMN} with 1054), and {@code CHANGE COLUMN IF EXISTS} of a
     * column that is there still fails on a taken new name (MariaDB 10.11, {@code MysqlFactsTableTest}).
     */
    public static MysqlError renameTaken(Dialect dialect, ObjectKind kind) {
        Row row = of(dialect, kind);
        return row == null || row.renameMissing() == null ? null : row.duplicate();
    }

    /**
     * What an {@code ALTER TABLE} raises when a column one of its clauses names is missing: 1054, for the whole
     * statement before any new name is compared. {@code ADD COLUMN b ... AFTER a} with {@code a} missing fails with
     * 1054 where {@code b} exists too, and so does {@code CHANGE a b ..., CHANGE c a ...} with {@code c} missing where
     * {@code b} is taken. {@code ADD COLUMN IF NOT EXISTS} skips an existing column before it looks at the placement:
     * no error. MariaDB 10.11 ({@code MysqlFactsTableTest}); MySQL 8.0's {@code ALTER TABLE} shares the order (its
     * manual names no other), unproven here.
     */
    public static MysqlError statementColumnMissing() {
        return BAD_FIELD;
    }

    /** The first MariaDB whose {@code ALTER TABLE} takes {@code IF EXISTS}. */
    private static final Version MARIADB_ALTER_TABLE_IF_EXISTS = Version.parse("10.5.2");

    /** The {@link ServerFacts} of a MySQL or MariaDB project, answered from the rows above. */
    public record Server(Dialect dialect) implements ServerFacts {
        public Server {
            Objects.requireNonNull(dialect, "dialect");
        }

        @Override
        public String server() {
            return dialect.isMariaDb() ? "MariaDB" : "MySQL";
        }

        @Override
        public boolean commitsEachStatement() {
            return true;
        }

        @Override
        public Raised dropIndexOfConstraint() {
            return null;
        }

        @Override
        public boolean rejectsIfNotExists(Operation op) {
            return false;
        }

        @Override
        public boolean checksRelationKindFirst() {
            return false;
        }

        @Override
        public Raised dropSequenceInUse() {
            return null;
        }

        @Override
        public Raised dropWithDependents() {
            return null;
        }

        @Override
        public boolean numbersUnnamedForeignKeys() {
            return true;
        }

        @Override
        public boolean foldsUnquotedNames() {
            return false;
        }

        @Override
        public boolean doubleQuotesNames() {
            return false;
        }

        @Override
        public boolean indexNamesPerSchema() {
            return false;
        }

        @Override
        public boolean alterTypeUsing() {
            return false;
        }

        @Override
        public boolean readsCheckedByType() {
            return false;
        }

        @Override
        public boolean knowsStampAfterBindCommit() {
            return false;
        }

        @Override
        public boolean errorAbortsTransaction() {
            return false;
        }

        @Override
        public boolean knowsLocks() {
            return false;
        }

        @Override
        public boolean toRegclass() {
            return false;
        }

        @Override
        public boolean identityColumns() {
            return false;
        }

        @Override
        public boolean formatTypes() {
            return false;
        }

        @Override
        public Raised concurrentlyInTransaction() {
            return null;
        }

        @Override
        public String primaryKeyName(String written) {
            return "PRIMARY";
        }

        @Override
        public StatementLocks.TableLock tableLock(Operation op) {
            return null;
        }

        @Override
        public boolean has(ObjectKind kind) {
            return of(dialect, kind) != null;
        }

        @Override
        public boolean namedTypes() {
            return false;
        }

        @Override
        public boolean doBlocks() {
            return false;
        }

        /** MariaDB from 10.5.2 (its release notes; a version not given is taken as the latest); never MySQL. */
        @Override
        public boolean alterTableIfExists() {
            return dialect.isMariaDb() && (dialect.version().isLatest()
                    || dialect.version().compareTo(MARIADB_ALTER_TABLE_IF_EXISTS) >= 0);
        }

        @Override
        public boolean onConflict() {
            return false;
        }

        @Override
        public Raised duplicate(ObjectKind kind, ConstraintKind constraint) {
            if (kind == ObjectKind.CONSTRAINT && constraint != null) {
                return Raised.of(MysqlFacts.duplicate(dialect, constraint));
            }
            if (kind == ObjectKind.CONSTRAINT) {
                return Raised.of(MysqlFacts.duplicate(dialect, ConstraintKind.UNKNOWN));
            }
            Row row = of(dialect, kind);
            return Raised.of(row == null ? TABLE_EXISTS : row.duplicate());
        }

        /** The kind's row; a kind the server has no row for (a MySQL 8.0 sequence) as a missing table: 1051. */
        @Override
        public Raised dropMissing(ObjectKind kind) {
            Row row = of(dialect, kind);
            return Raised.of(row == null ? BAD_TABLE : row.dropMissing());
        }

        /**
         * SQLAlchemy drops a foreign key, a unique key and a primary key by {@code DROP FOREIGN KEY}, {@code DROP
         * INDEX} and {@code DROP PRIMARY KEY}, which raise 1091 when it is not there (MySQL's CHECK row, 3821, is
         * DROP CHECK's).
         */
        @Override
        public Raised dropMissing(ObjectKind kind, ConstraintKind constraint) {
            return kind == ObjectKind.CONSTRAINT && (constraint == ConstraintKind.FOREIGN_KEY
                    || constraint == ConstraintKind.UNIQUE || constraint == ConstraintKind.PRIMARY_KEY)
                    ? Raised.of(CANT_DROP_FIELD_OR_KEY) : dropMissing(kind);
        }

        /** The kind's row; a kind without a rename of its own, or without a row, as a missing table: 1146. */
        @Override
        public Raised renameMissing(ObjectKind kind) {
            Row row = of(dialect, kind);
            return Raised.of(row == null || row.renameMissing() == null ? NO_SUCH_TABLE : row.renameMissing());
        }

        @Override
        public Raised renameTaken(ObjectKind kind) {
            MysqlError e = MysqlFacts.renameTaken(dialect, kind);
            return e == null ? null : Raised.of(e);
        }

        /** The kind's own: the server checks the new name of the object it renames, whatever PostgreSQL met. */
        @Override
        public Raised renameTaken(ObjectKind kind, SqlState found) {
            return renameTaken(kind);
        }

        @Override
        public Raised statementColumnMissing() {
            return Raised.of(MysqlFacts.statementColumnMissing());
        }

        @Override
        public Raised undefinedTable() {
            return Raised.of(NO_SUCH_TABLE);
        }

        @Override
        public Raised undefinedColumn() {
            return Raised.of(BAD_FIELD);
        }

        @Override
        public Raised uniqueViolation() {
            return Raised.of(DUP_ENTRY);
        }

        @Override
        public Raised notNullViolation() {
            return Raised.of(NO_DEFAULT_FOR_FIELD);
        }

        @Override
        public boolean ifNotExists(ObjectKind kind) {
            Row row = of(dialect, kind);
            return row != null && row.ifNotExists();
        }

        @Override
        public boolean dropIfExists(ObjectKind kind) {
            Row row = of(dialect, kind);
            return row != null && row.dropIfExists();
        }

        @Override
        public boolean orReplace(ObjectKind kind) {
            Row row = of(dialect, kind);
            return row != null && row.orReplace();
        }

        /**
         * A try/except around the statement that lets {@code error} past: MySQL aborts no transaction on an
         * error, so a caught duplicate lets the revision go on and the re-run does not fail. Only when a handler
         * catches the class the driver raises it as ({@link MysqlError#driverClass()}; {@code IntegrityError}
         * catches no 1061) and does not re-raise or exit ({@code sys.exit(1)} fails the upgrade all the same).
         */
        @Override
        public boolean tolerates(OpSite site, Raised error) {
            return site.guard() != null && site.guard().catchesClass(error.driverClass());
        }

        /** The error itself: one that a try/except catches lets the revision go on ({@link #tolerates}). */
        @Override
        public String failure(Raised error, OpSite site) {
            return error.label();
        }

        @Override
        public String rerunWhy(OpSite site, Raised error) {
            return "MySQL and MariaDB commit each DDL statement on its own: when a later statement of the revision"
                    + " fails, this one stays applied and the next upgrade runs it again. ";
        }
    }
}
