package dev.idemlint.migration;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a PostgreSQL statement does to a table that already holds rows: the lock it takes on the table (and on the
 * table a foreign key references), whether it rewrites the table (a new {@code pg_class.relfilenode}: every row is
 * copied, and every index rebuilt) and whether it scans it (reads every row: to copy it, to build an index or to
 * check a constraint). The lock is held until the transaction ends; a rewrite or a scan is the time it is held for.
 *
 * <p>Rows whose versions include 15 are observed on a real PostgreSQL 15 server by {@code PostgresLocksTest}: the
 * statement runs in a transaction on a table with rows, and the test reads the backend's own {@code pg_locks}
 * (the strongest mode granted on the relation), {@code pg_class.relfilenode} before and after, and {@code
 * pg_stat_xact_user_tables.seq_scan}; a {@code CONCURRENTLY} statement, which runs outside a transaction block,
 * is observed from a second session while a third holds it waiting. Rows for other versions are
 * {@linkplain Row#observed() unproven}: they cite the release notes that changed the behaviour.
 */
public final class PostgresLocks {

    /** A table lock mode, weakest first, as {@code LOCK TABLE} and the documentation name it. */
    public enum Mode {
        ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
        ACCESS_EXCLUSIVE;

        /** {@code ACCESS EXCLUSIVE}. */
        public String sql() {
            return name().replace('_', ' ');
        }

        /** As {@code pg_locks.mode} shows it: {@code AccessExclusiveLock}. */
        public String pgLocks() {
            StringBuilder b = new StringBuilder();
            for (String w : name().split("_")) {
                b.append(w.charAt(0)).append(w.substring(1).toLowerCase(Locale.ROOT));
            }
            return b.append("Lock").toString();
        }

        /** Whether it conflicts with {@code ROW EXCLUSIVE}: INSERT, UPDATE and DELETE wait for it. */
        public boolean blocksWrites() {
            return compareTo(SHARE) >= 0;
        }

        /** Whether it conflicts with {@code ACCESS SHARE}: even a plain SELECT waits for it. */
        public boolean blocksReads() {
            return this == ACCESS_EXCLUSIVE;
        }

        /** What the lock stops, for a message: "every read and write", "every write". */
        public String stops() {
            return blocksReads() ? "every read and write" : blocksWrites() ? "every write" : "schema changes";
        }
    }

    /** A statement shape whose locking is in the table. */
    public enum Kind {
        /** {@code CREATE [UNIQUE] INDEX ... ON t}. */
        CREATE_INDEX,
        /** {@code CREATE INDEX CONCURRENTLY}, outside a transaction block. */
        CREATE_INDEX_CONCURRENTLY,
        /** {@code ALTER TABLE t ADD FOREIGN KEY ... REFERENCES r}, validated on the spot. */
        ADD_FOREIGN_KEY,
        /** The same with {@code NOT VALID}: existing rows are not checked. */
        ADD_FOREIGN_KEY_NOT_VALID,
        /** {@code ALTER TABLE t VALIDATE CONSTRAINT fk} in a transaction of its own. */
        VALIDATE_FOREIGN_KEY,
        /** {@code ALTER TABLE t ADD CHECK (...)}, validated on the spot. */
        ADD_CHECK,
        /** The same with {@code NOT VALID}. */
        ADD_CHECK_NOT_VALID,
        /** {@code ALTER TABLE t VALIDATE CONSTRAINT ck} in a transaction of its own. */
        VALIDATE_CHECK,
        /**
         * {@code VALIDATE CONSTRAINT} in the transaction that added the constraint {@code NOT VALID}: the add's
         * lock is still held while the validation scans.
         */
        VALIDATE_CHECK_AFTER_ADD,
        /**
         * {@code VALIDATE CONSTRAINT} in the transaction that added the foreign key {@code NOT VALID}: the add's SHARE
         * ROW EXCLUSIVE on both tables is still held while the validation scans.
         */
        VALIDATE_FOREIGN_KEY_AFTER_ADD,
        /** {@code ALTER COLUMN c TYPE} that changes the stored representation: {@code integer} to {@code bigint}. */
        ALTER_TYPE_REWRITE,
        /** {@code ALTER COLUMN c TYPE varchar(m)} from {@code varchar(n)}, {@code m >= n}. */
        ALTER_TYPE_VARCHAR_WIDER,
        /** {@code ALTER COLUMN c TYPE text} from {@code varchar(n)}. */
        ALTER_TYPE_VARCHAR_TO_TEXT,
        /** {@code ALTER COLUMN c TYPE numeric(q, s)} from {@code numeric(p, s)}, {@code q >= p}. */
        ALTER_TYPE_NUMERIC_WIDER,
        /**
         * {@code ALTER COLUMN c TYPE e USING c::text::e} to an enum type {@code e}: the cast goes through the type's
         * text form, so every row is converted and the table rewritten, whatever the column's type was (the same
         * enum's name after {@code ALTER TYPE ... RENAME} too).
         */
        ALTER_TYPE_TO_ENUM,
        /**
         * {@code ALTER COLUMN c TYPE varchar(n)} or {@code text} (with or without {@code USING c::text}) from an enum
         * type: an enum value is stored as the label's 4-byte OID, so every row is converted to its text and the table
         * rewritten.
         */
        ALTER_TYPE_FROM_ENUM,
        /**
         * {@code ALTER COLUMN c TYPE text COLLATE "C"} from {@code varchar} on an indexed column: the stored bytes
         * stay, but every index on the column is built again for the new collation.
         */
        ALTER_TYPE_COLLATION_INDEXED,
        /** {@code ALTER COLUMN c TYPE timestamptz} from {@code timestamp} while the session's time zone is UTC. */
        ALTER_TYPE_TIMESTAMP_TO_TIMESTAMPTZ_UTC,
        /** {@code ADD COLUMN c ... DEFAULT <constant>} (or a stable expression such as {@code now()}). */
        ADD_COLUMN_CONSTANT_DEFAULT,
        /** {@code ADD COLUMN c ... DEFAULT <volatile>}: {@code random()}, {@code gen_random_uuid()}, {@code clock_timestamp()}. */
        ADD_COLUMN_VOLATILE_DEFAULT,
        /** {@code ALTER COLUMN c SET NOT NULL} with no validated {@code CHECK (c IS NOT NULL)}. */
        SET_NOT_NULL,
        /** {@code ALTER COLUMN c SET NOT NULL} where a validated {@code CHECK (c IS NOT NULL)} exists. */
        SET_NOT_NULL_AFTER_CHECK,
        /**
         * {@code ALTER TABLE t ADD COLUMN c int NOT NULL}, no default: the table is read to find it empty (a row
         * fails the statement, 23502).
         */
        ADD_COLUMN_NOT_NULL,
        /**
         * {@code ALTER TABLE t ADD COLUMN c ... GENERATED ALWAYS AS (expr) STORED} (SQLAlchemy's {@code Computed},
         * which PostgreSQL stores): the expression is computed for every row, so the table is rewritten. PostgreSQL
         * 12 brought generated columns.
         */
        ADD_COLUMN_GENERATED_STORED,
        /** {@code ALTER TABLE t ADD COLUMN c int}, no default. */
        ADD_COLUMN,
        /**
         * {@code ALTER TABLE t ADD COLUMN c int REFERENCES r (id)}, one statement: the new column is NULL in every
         * row, and PostgreSQL adds the key without reading {@code t}; {@code r} is locked as for any foreign key.
         * A separate {@code ADD CONSTRAINT ... FOREIGN KEY (c)} after the column (what Alembic sends for a
         * column's {@code sa.ForeignKey}) reads every row (ADD_FOREIGN_KEY).
         */
        ADD_COLUMN_REFERENCES,
        /** {@code ALTER TABLE t DROP COLUMN c}. */
        DROP_COLUMN,
        /** {@code ALTER TABLE t RENAME COLUMN c TO d}. */
        RENAME_COLUMN,
        /** {@code ALTER TABLE t RENAME TO u}. */
        RENAME_TABLE,
        /** {@code DROP INDEX i} of an index on {@code t}, without {@code CONCURRENTLY}. */
        DROP_INDEX,
        /** {@code DROP INDEX CONCURRENTLY i}, outside a transaction block: waits for the transactions using it. */
        DROP_INDEX_CONCURRENTLY,
        /** {@code ALTER TABLE t DROP CONSTRAINT k}. */
        DROP_CONSTRAINT,
        /** {@code ALTER COLUMN c} changes that touch no row: {@code SET DEFAULT}, {@code DROP DEFAULT}, {@code DROP NOT NULL}. */
        ALTER_COLUMN,
        /** {@code ALTER TABLE t ADD UNIQUE (c)} or {@code ADD PRIMARY KEY}: builds the index under the table's lock. */
        ADD_UNIQUE
    }

    /**
     * One kind's behaviour on PostgreSQL {@code from} to {@code to} (majors, inclusive). {@code lock}: the strongest
     * mode taken on the table; {@code referencedLock}: on the table a foreign key references (null for other
     * kinds). {@code source}: for a row not observed here, the release notes that say so; null for an observed row.
     */
    public record Row(Kind kind, int from, int to, Mode lock, Mode referencedLock, boolean rewrites, boolean scans,
            String source) {
        public Row {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(lock, "lock");
        }

        /** Whether {@code PostgresLocksTest} observes the row on the PostgreSQL 15 server. */
        public boolean observed() {
            return source == null;
        }

        public boolean covers(int major) {
            return major >= from && major <= to;
        }
    }

    /** The server the observed rows are proven on. */
    public static final int OBSERVED_MAJOR = 15;
    private static final int FIRST = 9;
    private static final int LAST = 17;
    private static final String PG11 = "https://www.postgresql.org/docs/release/11.0/";
    private static final String PG12 = "https://www.postgresql.org/docs/release/12.0/";

    private static final List<Row> ROWS = List.of(
            seen(Kind.CREATE_INDEX, Mode.SHARE, false, true),
            seen(Kind.CREATE_INDEX_CONCURRENTLY, Mode.SHARE_UPDATE_EXCLUSIVE, false, true),
            new Row(Kind.ADD_FOREIGN_KEY, FIRST, LAST, Mode.SHARE_ROW_EXCLUSIVE, Mode.SHARE_ROW_EXCLUSIVE, false, true,
                    null),
            new Row(Kind.ADD_FOREIGN_KEY_NOT_VALID, FIRST, LAST, Mode.SHARE_ROW_EXCLUSIVE, Mode.SHARE_ROW_EXCLUSIVE,
                    false, false, null),
            new Row(Kind.VALIDATE_FOREIGN_KEY, FIRST, LAST, Mode.SHARE_UPDATE_EXCLUSIVE, Mode.ROW_SHARE, false, true,
                    null),
            seen(Kind.ADD_CHECK, Mode.ACCESS_EXCLUSIVE, false, true),
            seen(Kind.ADD_CHECK_NOT_VALID, Mode.ACCESS_EXCLUSIVE, false, false),
            seen(Kind.VALIDATE_CHECK, Mode.SHARE_UPDATE_EXCLUSIVE, false, true),
            seen(Kind.VALIDATE_CHECK_AFTER_ADD, Mode.ACCESS_EXCLUSIVE, false, true),
            new Row(Kind.VALIDATE_FOREIGN_KEY_AFTER_ADD, FIRST, LAST, Mode.SHARE_ROW_EXCLUSIVE,
                    Mode.SHARE_ROW_EXCLUSIVE, false, true, null),
            seen(Kind.ALTER_TYPE_REWRITE, Mode.ACCESS_EXCLUSIVE, true, true),
            seen(Kind.ALTER_TYPE_VARCHAR_WIDER, Mode.ACCESS_EXCLUSIVE, false, false),
            seen(Kind.ALTER_TYPE_VARCHAR_TO_TEXT, Mode.ACCESS_EXCLUSIVE, false, false),
            seen(Kind.ALTER_TYPE_NUMERIC_WIDER, Mode.ACCESS_EXCLUSIVE, false, false),
            seen(Kind.ALTER_TYPE_TO_ENUM, Mode.ACCESS_EXCLUSIVE, true, true),
            seen(Kind.ALTER_TYPE_FROM_ENUM, Mode.ACCESS_EXCLUSIVE, true, true),
            seen(Kind.ALTER_TYPE_COLLATION_INDEXED, Mode.ACCESS_EXCLUSIVE, false, true),
            // 12.0: "Allow ALTER TABLE ... SET DATA TYPE changing between timestamp and timestamptz to avoid a
            // table rewrite when the session time zone is UTC"
            new Row(Kind.ALTER_TYPE_TIMESTAMP_TO_TIMESTAMPTZ_UTC, FIRST, 11, Mode.ACCESS_EXCLUSIVE, null, true, true,
                    PG12),
            new Row(Kind.ALTER_TYPE_TIMESTAMP_TO_TIMESTAMPTZ_UTC, 12, LAST, Mode.ACCESS_EXCLUSIVE, null, false, false,
                    null),
            // 11.0: "Allow ALTER TABLE to add a column with a non-null default without doing a table rewrite"
            new Row(Kind.ADD_COLUMN_CONSTANT_DEFAULT, FIRST, 10, Mode.ACCESS_EXCLUSIVE, null, true, true, PG11),
            new Row(Kind.ADD_COLUMN_CONSTANT_DEFAULT, 11, LAST, Mode.ACCESS_EXCLUSIVE, null, false, false, null),
            seen(Kind.ADD_COLUMN_VOLATILE_DEFAULT, Mode.ACCESS_EXCLUSIVE, true, true),
            seen(Kind.SET_NOT_NULL, Mode.ACCESS_EXCLUSIVE, false, true),
            // 12.0: "Allow ALTER TABLE ... SET NOT NULL to avoid unnecessary table scans ... when a CHECK
            // constraint proves the column is not null"
            new Row(Kind.SET_NOT_NULL_AFTER_CHECK, FIRST, 11, Mode.ACCESS_EXCLUSIVE, null, false, true, PG12),
            new Row(Kind.SET_NOT_NULL_AFTER_CHECK, 12, LAST, Mode.ACCESS_EXCLUSIVE, null, false, false, null),
            // 12.0: "Add support for generated columns": before it the statement is a syntax error, taking nothing
            new Row(Kind.ADD_COLUMN_GENERATED_STORED, FIRST, 11, Mode.ACCESS_EXCLUSIVE, null, false, false, PG12),
            new Row(Kind.ADD_COLUMN_GENERATED_STORED, 12, LAST, Mode.ACCESS_EXCLUSIVE, null, true, true, null),
            seen(Kind.ADD_COLUMN, Mode.ACCESS_EXCLUSIVE, false, false),
            new Row(Kind.ADD_COLUMN_REFERENCES, FIRST, LAST, Mode.ACCESS_EXCLUSIVE, Mode.SHARE_ROW_EXCLUSIVE, false,
                    false, null),
            seen(Kind.ADD_COLUMN_NOT_NULL, Mode.ACCESS_EXCLUSIVE, false, true),
            seen(Kind.DROP_COLUMN, Mode.ACCESS_EXCLUSIVE, false, false),
            seen(Kind.RENAME_COLUMN, Mode.ACCESS_EXCLUSIVE, false, false),
            seen(Kind.RENAME_TABLE, Mode.ACCESS_EXCLUSIVE, false, false),
            seen(Kind.DROP_INDEX, Mode.ACCESS_EXCLUSIVE, false, false),
            seen(Kind.DROP_INDEX_CONCURRENTLY, Mode.SHARE_UPDATE_EXCLUSIVE, false, false),
            seen(Kind.DROP_CONSTRAINT, Mode.ACCESS_EXCLUSIVE, false, false),
            seen(Kind.ALTER_COLUMN, Mode.ACCESS_EXCLUSIVE, false, false),
            seen(Kind.ADD_UNIQUE, Mode.ACCESS_EXCLUSIVE, false, true));

    static {
        for (Kind k : Kind.values()) {
            for (int v = FIRST; v <= LAST; v++) {
                int major = v;
                long n = ROWS.stream().filter(r -> r.kind() == k && r.covers(major)).count();
                if (n != 1) {
                    throw new IllegalStateException(n + " rows for " + k + " on " + major);
                }
            }
        }
    }

    private PostgresLocks() {
    }

    /** A row observed on PostgreSQL 15, the same on every version idemlint supports. */
    private static Row seen(Kind kind, Mode lock, boolean rewrites, boolean scans) {
        return new Row(kind, FIRST, LAST, lock, null, rewrites, scans, null);
    }

    /** Every row. */
    public static List<Row> rows() {
        return ROWS;
    }

    /**
     * The row of {@code kind} on PostgreSQL {@code major} (a major outside the table's range reads as its nearest
     * end: a release older than 9 as 9, a newer one than 17 as 17).
     */
    public static Row of(Kind kind, int major) {
        int v = Math.max(FIRST, Math.min(LAST, major));
        for (Row r : ROWS) {
            if (r.kind() == kind && r.covers(v)) {
                return r;
            }
        }
        throw new IllegalStateException("no row for " + kind);
    }

    /**
     * Built-in functions PostgreSQL marks volatile ({@code pg_proc.provolatile = 'v'}, checked by {@code
     * PostgresLocksTest}) that a column default calls: such a default is computed for every row, so {@code ADD
     * COLUMN} with it rewrites the table ({@link Kind#ADD_COLUMN_VOLATILE_DEFAULT}). {@code now()}, {@code
     * statement_timestamp()} and {@code transaction_timestamp()} are stable: computed once, stored like a constant.
     */
    private static final Set<String> VOLATILE_DEFAULTS = Set.of("random", "gen_random_uuid",
            "clock_timestamp", "timeofday", "nextval");

    /** Stable built-ins a default calls without a rewrite, for the fact test. */
    private static final Set<String> STABLE_DEFAULTS = Set.of("now", "statement_timestamp",
            "transaction_timestamp");

    /** Whether a default calling the built-in {@code function} (any case) is computed row by row. */
    public static boolean volatileDefault(String function) {
        return VOLATILE_DEFAULTS.contains(function.toLowerCase(Locale.ROOT));
    }

    /** The volatile functions {@link #volatileDefault} knows, for the fact test. */
    public static Set<String> volatileDefaults() {
        return VOLATILE_DEFAULTS;
    }

    /** Stable functions whose defaults add a column without a rewrite, for the fact test. */
    public static Set<String> stableDefaults() {
        return STABLE_DEFAULTS;
    }

    /**
     * The kind of {@code ALTER COLUMN ... TYPE to} on a column of type {@code from} (both as {@code format_type}
     * prints them), or null when the table cannot tell (a type it does not know, either one unknown). A change the
     * table does not list as binary-coercible is {@link Kind#ALTER_TYPE_REWRITE} when both types are built-in ones
     * it knows the family of; a change to the same type is no change at all (null).
     */
    public static Kind typeChange(String from, String to) {
        if (from == null || to == null) {
            return null;
        }
        String a = from.strip().toLowerCase(Locale.ROOT);
        String b = to.strip().toLowerCase(Locale.ROOT);
        if (a.equals(b)) {
            return null;
        }
        if (a.startsWith("character varying") && b.startsWith("character varying")) {
            Integer n = length(a);
            Integer m = length(b);
            // varchar without a length has none to keep
            return m == null || n != null && m >= n ? Kind.ALTER_TYPE_VARCHAR_WIDER : Kind.ALTER_TYPE_REWRITE;
        }
        if (a.startsWith("character varying") && b.equals("text")) {
            return Kind.ALTER_TYPE_VARCHAR_TO_TEXT;
        }
        if (a.startsWith("numeric(") && b.startsWith("numeric")) {
            int[] p = precision(a);
            int[] q = b.equals("numeric") ? null : precision(b);
            if (p != null && b.equals("numeric")) {
                return Kind.ALTER_TYPE_NUMERIC_WIDER;
            }
            return p != null && q != null && q[1] == p[1] && q[0] >= p[0] ? Kind.ALTER_TYPE_NUMERIC_WIDER
                    : p == null || q == null ? null : Kind.ALTER_TYPE_REWRITE;
        }
        if (a.equals("timestamp without time zone") && b.equals("timestamp with time zone")) {
            return Kind.ALTER_TYPE_TIMESTAMP_TO_TIMESTAMPTZ_UTC;
        }
        return PostgresFacts.typeFamily(a) != null && PostgresFacts.typeFamily(b) != null ? Kind.ALTER_TYPE_REWRITE
                : null;
    }

    /** {@code n} of {@code character varying(n)}, null without one. */
    private static Integer length(String t) {
        int open = t.indexOf('(');
        int close = t.indexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        try {
            return Integer.parseInt(t.substring(open + 1, close).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {precision, scale} of {@code numeric(p[, s])}, null when not read. */
    private static int[] precision(String t) {
        int open = t.indexOf('(');
        int close = t.indexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        String[] parts = t.substring(open + 1, close).split(",");
        try {
            int p = Integer.parseInt(parts[0].strip());
            int s = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 0;
            return new int[] {p, s};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
