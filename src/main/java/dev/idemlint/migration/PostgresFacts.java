package dev.idemlint.migration;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What PostgreSQL raises or tolerates for each kind of object: whether {@code CREATE} takes
 * {@code IF NOT EXISTS} or {@code OR REPLACE} (and from which major version), whether {@code DROP}
 * takes {@code IF EXISTS}, and the SQLSTATE of a duplicate {@code CREATE}, of a {@code DROP} or an
 * {@code ALTER ... RENAME} of a missing object. The condition name a DO block's handler must catch
 * is {@link SqlState#condition()} of {@link Row#duplicate()}.
 *
 * <p>Every row is checked on a real server by {@code PostgresFactsTableTest} (SQLSTATEs, and the
 * syntax as PostgreSQL 15 accepts or rejects it). The versions a clause arrived in are from the
 * release notes and the {@code CREATE} pages of the PostgreSQL documentation: {@code IF NOT EXISTS}
 * for tables and extensions 9.1, schemas 9.3, indexes and sequences 9.5, {@code ADD COLUMN}, servers
 * and user mappings 9.6, materialized views, statistics (new in 10) and collations 10; {@code OR
 * REPLACE} for aggregates 12, triggers 14 (not for constraint triggers). A 9.x release is written
 * {@code 9}, as {@code Settings.postgresMajor} holds it.
 *
 * <p>Not every duplicate is a {@code duplicate_*} condition: the text search objects have no check of
 * their own and a second {@code CREATE} fails on the catalog's unique index with {@code 23505}.
 * {@code DROP INDEX} of a missing index is {@code 42704} but {@code ALTER INDEX ... RENAME} of one is
 * {@code 42P01} (it looks up a relation); {@code DROP FOREIGN TABLE} likewise gives {@code 42704} where
 * {@code ALTER FOREIGN TABLE ... RENAME} gives {@code 42P01}.
 */
public final class PostgresFacts {
    /** A clause PostgreSQL never accepted for the kind. */
    public static final int NEVER = Integer.MAX_VALUE;
    /** A clause every release idemlint supports accepts. */
    private static final int ALWAYS = 9;

    /**
     * One kind's facts. {@code ifNotExistsFrom}/{@code orReplaceFrom}/{@code dropIfExistsFrom}: the
     * first major version with the clause, {@link #NEVER} when none has it. {@code renameMissing}
     * is null when the kind has no {@code ALTER ... RENAME}.
     */
    public record Row(ObjectKind kind, int ifNotExistsFrom, int orReplaceFrom, int dropIfExistsFrom,
            SqlState duplicate, SqlState dropMissing, SqlState renameMissing) {
        public Row {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(duplicate, "duplicate");
            Objects.requireNonNull(dropMissing, "dropMissing");
        }

        public boolean ifNotExists(int pgMajor) {
            return pgMajor >= ifNotExistsFrom;
        }

        public boolean orReplace(int pgMajor) {
            return pgMajor >= orReplaceFrom;
        }

        public boolean dropIfExists(int pgMajor) {
            return pgMajor >= dropIfExistsFrom;
        }

        /** The PL/pgSQL condition a DO block must catch to swallow a duplicate: {@code duplicate_object}. */
        public String condition() {
            return duplicate.condition();
        }

        /** The upper-case noun after CREATE: "MATERIALIZED VIEW". */
        public String noun() {
            return kind.sql().toUpperCase(Locale.ROOT);
        }
    }

    private static final SqlState DUP_REL = SqlState.DUPLICATE_TABLE;
    private static final SqlState DUP_OBJ = SqlState.DUPLICATE_OBJECT;
    private static final SqlState DUP_FN = SqlState.DUPLICATE_FUNCTION;
    private static final SqlState NO_REL = SqlState.UNDEFINED_TABLE;
    private static final SqlState NO_OBJ = SqlState.UNDEFINED_OBJECT;
    private static final SqlState NO_FN = SqlState.UNDEFINED_FUNCTION;

    private static final List<Row> ROWS = List.of(
            row(ObjectKind.TABLE, ALWAYS, NEVER, DUP_REL, NO_REL, NO_REL),
            row(ObjectKind.COLUMN, ALWAYS, NEVER, SqlState.DUPLICATE_COLUMN, SqlState.UNDEFINED_COLUMN,
                    SqlState.UNDEFINED_COLUMN),
            row(ObjectKind.INDEX, ALWAYS, NEVER, DUP_REL, NO_OBJ, NO_REL),
            // FOREIGN KEY and CHECK; the other constraint kinds differ: duplicate(ConstraintKind).
            row(ObjectKind.CONSTRAINT, NEVER, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.SEQUENCE, ALWAYS, NEVER, DUP_REL, NO_REL, NO_REL),
            row(ObjectKind.TYPE, NEVER, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.DOMAIN, NEVER, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.VIEW, NEVER, ALWAYS, DUP_REL, NO_REL, NO_REL),
            row(ObjectKind.MATERIALIZED_VIEW, 10, NEVER, DUP_REL, NO_REL, NO_REL),
            row(ObjectKind.FUNCTION, NEVER, ALWAYS, DUP_FN, NO_FN, NO_FN),
            row(ObjectKind.PROCEDURE, NEVER, 11, DUP_FN, NO_FN, NO_FN),
            row(ObjectKind.AGGREGATE, NEVER, 12, DUP_FN, NO_FN, NO_FN),
            row(ObjectKind.OPERATOR, NEVER, NEVER, DUP_FN, NO_FN, null),
            row(ObjectKind.TRIGGER, NEVER, 14, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.POLICY, NEVER, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.RULE, NEVER, ALWAYS, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.STATISTICS, 10, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.PUBLICATION, NEVER, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.SUBSCRIPTION, NEVER, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.SCHEMA, ALWAYS, NEVER, SqlState.DUPLICATE_SCHEMA, SqlState.INVALID_SCHEMA_NAME,
                    SqlState.INVALID_SCHEMA_NAME),
            row(ObjectKind.EXTENSION, ALWAYS, NEVER, DUP_OBJ, NO_OBJ, null),
            row(ObjectKind.EVENT_TRIGGER, NEVER, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.CAST, NEVER, NEVER, DUP_OBJ, NO_OBJ, null),
            row(ObjectKind.COLLATION, 10, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.CONVERSION, NEVER, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.LANGUAGE, NEVER, ALWAYS, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.TEXT_SEARCH_CONFIGURATION, NEVER, NEVER, SqlState.UNIQUE_VIOLATION, NO_OBJ, NO_OBJ),
            row(ObjectKind.TEXT_SEARCH_DICTIONARY, NEVER, NEVER, SqlState.UNIQUE_VIOLATION, NO_OBJ, NO_OBJ),
            row(ObjectKind.TEXT_SEARCH_PARSER, NEVER, NEVER, SqlState.UNIQUE_VIOLATION, NO_OBJ, NO_OBJ),
            row(ObjectKind.TEXT_SEARCH_TEMPLATE, NEVER, NEVER, SqlState.UNIQUE_VIOLATION, NO_OBJ, NO_OBJ),
            row(ObjectKind.FOREIGN_TABLE, ALWAYS, NEVER, DUP_REL, NO_OBJ, NO_REL),
            row(ObjectKind.SERVER, ALWAYS, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.FOREIGN_DATA_WRAPPER, NEVER, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.USER_MAPPING, ALWAYS, NEVER, DUP_OBJ, NO_OBJ, null),
            row(ObjectKind.OPERATOR_CLASS, NEVER, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.OPERATOR_FAMILY, NEVER, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.ACCESS_METHOD, NEVER, NEVER, DUP_OBJ, NO_OBJ, null),
            row(ObjectKind.TRANSFORM, NEVER, ALWAYS, DUP_OBJ, NO_OBJ, null),
            row(ObjectKind.ROLE, NEVER, NEVER, DUP_OBJ, NO_OBJ, NO_OBJ),
            row(ObjectKind.DATABASE, NEVER, NEVER, SqlState.DUPLICATE_DATABASE, SqlState.INVALID_CATALOG_NAME,
                    SqlState.INVALID_CATALOG_NAME));

    private static final Map<ObjectKind, Row> BY_KIND = new EnumMap<>(ObjectKind.class);

    /** An object the analyzer could not name the kind of: the generic conditions. */
    private static final Row UNKNOWN_KIND = new Row(ObjectKind.OTHER, NEVER, NEVER, ALWAYS, DUP_OBJ, NO_OBJ, NO_OBJ);

    static {
        for (Row r : ROWS) {
            if (BY_KIND.put(r.kind(), r) != null) {
                throw new IllegalStateException("two rows for " + r.kind());
            }
        }
    }

    private PostgresFacts() {
    }

    private static Row row(ObjectKind kind, int ifNotExistsFrom, int orReplaceFrom, SqlState duplicate,
            SqlState dropMissing, SqlState renameMissing) {
        // DROP ... IF EXISTS: every kind in every supported release.
        return new Row(kind, ifNotExistsFrom, orReplaceFrom, ALWAYS, duplicate, dropMissing, renameMissing);
    }

    /** Every row, one per kind PostgreSQL can CREATE. */
    public static List<Row> rows() {
        return ROWS;
    }

    /** The row of {@code kind}; {@link ObjectKind#OTHER} gets the generic {@code duplicate_object}/{@code undefined_object}. */
    public static Row of(ObjectKind kind) {
        return BY_KIND.getOrDefault(kind, UNKNOWN_KIND);
    }

    /** What a second CREATE of a {@code kind} raises. */
    public static SqlState duplicate(ObjectKind kind) {
        return of(kind).duplicate();
    }

    /**
     * What a second {@code ADD CONSTRAINT} raises: a table has one primary key, so another fails with
     * {@code 42P16} whatever its name; UNIQUE and EXCLUDE constraints fail creating their index, a
     * relation ({@code 42P07}); FOREIGN KEY and CHECK (and a kind not known) {@code 42710}.
     */
    public static SqlState duplicate(ConstraintKind kind) {
        if (kind == ConstraintKind.PRIMARY_KEY) {
            return SqlState.INVALID_TABLE_DEFINITION;
        }
        return kind != null && kind.indexBacked() ? duplicate(ObjectKind.INDEX) : duplicate(ObjectKind.CONSTRAINT);
    }

    /**
     * The PL/pgSQL conditions a DO block catches for a duplicate of a constraint of {@code kind} ({@link
     * #duplicate(ConstraintKind)}): a primary key may also meet its index's name taken.
     */
    public static String duplicateConditions(ConstraintKind kind) {
        return switch (kind) {
            case PRIMARY_KEY -> "invalid_table_definition or duplicate_table";
            case UNIQUE, EXCLUDE -> "duplicate_table";
            case FOREIGN_KEY, CHECK -> "duplicate_object";
            default -> "duplicate_object or duplicate_table";
        };
    }

    /**
     * What an {@code ALTER ... RENAME} onto a name that is taken raises: the kind's duplicate, except the
     * text search objects, whose rename checks the name itself ({@code 42710}) where a second CREATE trips
     * over the catalog's unique index ({@code 23505}). A UNIQUE, PRIMARY KEY or EXCLUDE constraint renames
     * its index first: a taken relation name fails as an index rename does ({@link #renameTaken(ObjectKind)
     * renameTaken(INDEX)}, {@code 42P07}), a taken constraint name with {@code 42710}.
     */
    public static SqlState renameTaken(ObjectKind kind) {
        return switch (kind) {
            case TEXT_SEARCH_CONFIGURATION, TEXT_SEARCH_DICTIONARY, TEXT_SEARCH_PARSER, TEXT_SEARCH_TEMPLATE ->
                    SqlState.DUPLICATE_OBJECT;
            default -> duplicate(kind);
        };
    }

    /**
     * What {@code DROP TABLE} (or {@code DROP COLUMN}, {@code DROP CONSTRAINT}) without {@code CASCADE}
     * raises when another object depends on the one dropped, such as a foreign key of another table that
     * references the table: {@code 2BP01}. With {@code CASCADE} PostgreSQL drops the dependent foreign-key
     * constraints (not their tables) instead. A table's foreign key to itself goes with the table.
     */
    public static SqlState dropWithDependents() {
        return SqlState.DEPENDENT_OBJECTS_STILL_EXIST;
    }

    /**
     * What {@code DROP INDEX n} raises when {@code n} is the index of a UNIQUE, PRIMARY KEY or EXCLUDE
     * constraint (which PostgreSQL names after the constraint): {@code 2BP01} ("cannot drop index n because
     * constraint n on table t requires it"), with {@code IF EXISTS} and with {@code CASCADE} too; the
     * constraint is dropped with {@code ALTER TABLE t DROP CONSTRAINT n}, which takes its index. MySQL and
     * MariaDB have no such constraint apart from its index: there {@code DROP INDEX} drops the key.
     */
    public static SqlState dropIndexOfConstraint() {
        return SqlState.DEPENDENT_OBJECTS_STILL_EXIST;
    }

    /**
     * What {@code ALTER TABLE v DROP CONSTRAINT [IF EXISTS] n} raises when {@code v} is a view: {@code 42809}
     * wrong_object_type ("is not a table"), checked before the constraint is looked up, so {@code IF EXISTS}
     * does not skip it. A view has no row in {@code pg_constraint}.
     */
    public static SqlState dropConstraintOfView() {
        return SqlState.WRONG_OBJECT_TYPE;
    }

    /**
     * What PostgreSQL raises for the labels of an enum type: {@code ALTER TYPE t ADD VALUE 'a'} of a label
     * the type has, and {@code RENAME VALUE 'b' TO 'a'} onto one, raise {@code 42710} ("enum label already
     * exists", {@code labelTaken}); {@code RENAME VALUE 'a' TO 'b'} of a label it lacks raises {@code 22023}
     * ("is not an existing enum label", {@code labelMissing}). {@code ADD VALUE IF NOT EXISTS} (9.3) skips a
     * label the type has; {@code RENAME VALUE} has no {@code IF EXISTS}.
     */
    public record LabelFacts(SqlState labelTaken, SqlState labelMissing) {
    }

    private static final LabelFacts LABELS = new LabelFacts(SqlState.DUPLICATE_OBJECT, SqlState.INVALID_PARAMETER_VALUE);

    /** The facts of enum labels ({@link LabelFacts}). */
    public static LabelFacts labels() {
        return LABELS;
    }

    /**
     * The PL/pgSQL condition names a DO block's handler may name by {@code SQLSTATE '...'} that {@link SqlState}
     * does not list, by code (lower case): the duplicate errors of other objects and the privilege error.
     */
    private static final Map<String, String> OTHER_CONDITIONS = Map.ofEntries(
            Map.entry("42712", "duplicate_alias"), Map.entry("42p03", "duplicate_cursor"),
            Map.entry("42p05", "duplicate_prepared_statement"), Map.entry("42501", "insufficient_privilege"));

    /**
     * {@code WHEN SQLSTATE '42000'}: the condition of class 42 as a whole, which catches every {@code 42xxx}
     * error (so every {@code duplicate_*} and {@code undefined_*} one).
     */
    public static final String CLASS_42 = "syntax_error_or_access_rule_violation";

    /** The condition name of an SQLSTATE code, as a handler's {@code WHEN} names it; the code itself when none is known. */
    public static String condition(String code) {
        String c = code.toLowerCase(Locale.ROOT);
        if (c.equals("42000")) {
            return CLASS_42;
        }
        for (SqlState s : SqlState.values()) {
            if (s.code().equalsIgnoreCase(c)) {
                return s.condition();
            }
        }
        return OTHER_CONDITIONS.getOrDefault(c, c);
    }

    /** Every condition {@link #CLASS_42} catches that a re-run may raise: the {@code 42xxx} ones known here. */
    public static Set<String> class42Conditions() {
        Set<String> out = new TreeSet<>(OTHER_CONDITIONS.values());
        for (SqlState s : SqlState.values()) {
            if (s.code().startsWith("42")) {
                out.add(s.condition());
            }
        }
        return out;
    }

    /** The codes of {@link #condition} beyond {@link SqlState}, lower case, for the fact test. */
    public static Set<String> otherConditionCodes() {
        return OTHER_CONDITIONS.keySet();
    }

    /**
     * What a statement on an object that lives on a table raises when the table is missing: {@code ALTER TABLE t
     * ADD|DROP COLUMN|CONSTRAINT ...}, {@code ALTER TABLE t RENAME COLUMN}, {@code CREATE INDEX ... ON t},
     * {@code CREATE TRIGGER ... ON t} raise {@code 42P01} (undefined_table) before they look their own object up,
     * with or without their own {@code IF [NOT] EXISTS}; {@code ALTER TABLE IF EXISTS t} skips the statement
     * instead. {@code DROP TRIGGER|POLICY|RULE IF EXISTS n ON t} skips a missing table too
     * ({@link #dropSkipsMissingTable}); {@code DROP INDEX n} never names its table.
     */
    public static SqlState tableMissing() {
        return SqlState.UNDEFINED_TABLE;
    }

    /** Whether {@code DROP <kind> IF EXISTS n ON t} skips a missing table {@code t} (with a notice) as a missing {@code n}. */
    public static boolean dropSkipsMissingTable(ObjectKind kind) {
        return kind == ObjectKind.TRIGGER || kind == ObjectKind.POLICY || kind == ObjectKind.RULE;
    }

    /** What a DROP of a missing {@code kind} raises. */
    public static SqlState dropMissing(ObjectKind kind) {
        return of(kind).dropMissing();
    }

    /** What an ALTER ... RENAME of a missing {@code kind} raises (the drop's when it has no RENAME). */
    public static SqlState renameMissing(ObjectKind kind) {
        Row r = of(kind);
        return r.renameMissing() != null ? r.renameMissing() : r.dropMissing();
    }

    /**
     * The family of values a {@code format_type} holds, as a driver hands them to the code that reads
     * them (psycopg2 converts by the column's type OID): {@code number} (the integer, floating-point and
     * numeric types, and {@code oid}: the ones SQLAlchemy's PostgreSQL Float and Numeric result
     * processors accept), {@code string}, {@code boolean}, {@code date}, {@code time}, {@code timestamp}
     * (with or without time zone), {@code interval}, {@code binary}, {@code json}, {@code uuid},
     * {@code network address}, {@code mac address}, {@code bit string}, {@code money}, {@code xml},
     * {@code text search}, and {@code <family> array}. Null for a user type (an enum, a domain) or one
     * this table does not know: its family cannot be told from its name.
     */
    public static String typeFamily(String formatType) {
        if (formatType == null) {
            return null;
        }
        if (formatType.endsWith("[]")) {
            String element = typeFamily(formatType.substring(0, formatType.length() - 2));
            return element == null || element.endsWith(" array") ? null : element + " array";
        }
        String t = formatType;
        int paren = t.indexOf('(');
        String head = paren < 0 ? t : t.substring(0, paren);
        return switch (head) {
            case "smallint", "integer", "bigint", "real", "double precision", "numeric", "oid" -> "number";
            case "text", "character varying", "character", "name", "\"char\"" -> "string";
            case "boolean" -> "boolean";
            case "date" -> "date";
            case "bytea" -> "binary";
            case "json", "jsonb" -> "json";
            case "uuid" -> "uuid";
            case "inet", "cidr" -> "network address";
            case "macaddr", "macaddr8" -> "mac address";
            case "bit", "bit varying" -> "bit string";
            case "money" -> "money";
            case "xml" -> "xml";
            case "tsvector", "tsquery" -> "text search";
            default -> t.startsWith("timestamp") ? "timestamp" : t.startsWith("time") ? "time"
                    : t.startsWith("interval") ? "interval" : null;
        };
    }

    /**
     * What {@code ALTER TABLE t ALTER COLUMN c ...} raises on a column's identity (PostgreSQL 15,
     * {@code ATExecAddIdentity}, {@code ATExecDropIdentity}, {@code ATExecColumnDefault}): {@code ADD
     * GENERATED ... AS IDENTITY} on a column that already is one, and {@code DROP IDENTITY} (without
     * {@code IF EXISTS}) on one that is not, fail with {@code 55000}; {@code DROP DEFAULT} (like {@code
     * SET DEFAULT}) on an identity column fails with {@code 42601} ("column ... is an identity column").
     * {@code ADD GENERATED} on a column without {@code NOT NULL}, or on one that has a default, fails with
     * {@code 55000} as well. The identity's own sequence is named as a serial's ({@code t_c_seq}, the next
     * free name when that one is taken) and the column needs it: after {@code DROP SEQUENCE t_c_seq} of a
     * serial column the identity's sequence takes that name, so a second {@code DROP SEQUENCE [IF EXISTS]
     * t_c_seq} fails with {@code 2BP01}, not {@code 42P01}.
     */
    public static SqlState identityAlreadyPresent() {
        return SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE;
    }

    /**
     * Built-in functions a type conversion ({@code ALTER COLUMN ... TYPE ... USING f(c, ...)}) calls on the column,
     * by argument count, with the {@link #typeFamily families} their first argument takes (PostgreSQL 15's
     * {@code pg_proc}; a {@code character varying}, {@code character} or {@code name} argument reaches {@code
     * text} by an implicit cast, and every number type reaches {@code double precision}; no other type has an
     * implicit cast to either). Checked by {@code PostgresFactsTest}.
     */
    private static final Map<String, Map<Integer, Set<String>>> CONVERSION_FUNCTIONS = Map.of(
            "string_to_array", Map.of(2, Set.of("string"), 3, Set.of("string")),
            "regexp_split_to_array", Map.of(2, Set.of("string"), 3, Set.of("string")),
            "split_part", Map.of(3, Set.of("string")),
            "to_date", Map.of(2, Set.of("string")),
            "to_number", Map.of(2, Set.of("string")),
            "to_timestamp", Map.of(1, Set.of("number"), 2, Set.of("string")),
            // upper and lower have forms for ranges and multiranges too, of no family here
            "upper", Map.of(1, Set.of("string")),
            "lower", Map.of(1, Set.of("string")),
            "initcap", Map.of(1, Set.of("string")));

    /**
     * True when {@code function} with {@code arity} arguments, the first the column, has no form for a column of
     * type {@code formatType}: {@code USING string_to_array(tags, ',')} on a {@code text[]} column fails with
     * 42883 (undefined_function). False for a function not in the table, an argument count it has no form of
     * (that fails on the first run too), and a type of no known family (a user type, a domain).
     */
    public static boolean conversionFails(String function, int arity, String formatType) {
        return functionFails(function, arity, typeFamily(formatType));
    }

    /**
     * As {@link #conversionFails(String, int, String)} on a column of an enum type: an enum reaches no type but
     * itself, {@code anyenum} and {@code anyelement} by an implicit cast (its cast to text is an assignment cast
     * only), so every known conversion function fails on it (42883). Checked by {@code PostgresFactsTest}.
     */
    public static boolean conversionFailsOnEnum(String function, int arity) {
        return functionFails(function, arity, ENUM);
    }

    /** The family of an enum type, which {@link #typeFamily} cannot tell from its name. */
    private static final String ENUM = "enum";

    private static boolean functionFails(String function, int arity, String family) {
        Set<String> takes = CONVERSION_FUNCTIONS.getOrDefault(function, Map.of()).get(arity);
        return takes != null && family != null && !takes.contains(family);
    }

    /**
     * Type families with no {@code +} or {@code -} operator that takes an integer on the right (PostgreSQL 15's
     * {@code pg_operator}: a timestamp, a time and an interval add an interval, a date adds an integer), so {@code c
     * + 18000} on such a column fails with 42883 (undefined_function, "operator does not exist") when the statement
     * is planned, on an empty table too. Checked by {@code PostgresFactsTest}.
     */
    private static final Set<String> NO_INTEGER_SHIFT = Set.of("timestamp", "time", "interval");

    /** Families a column keeps when an integer is added or subtracted: a number stays a number, a date a date. */
    private static final Set<String> KEPT_BY_SHIFT = Set.of("number", "date");

    /**
     * True when adding an integer constant to a column of type {@code formatType}, or subtracting one, fails
     * (42883): a timestamp, a time or an interval column. False for a type of no known family.
     */
    public static boolean shiftFails(String formatType) {
        String family = typeFamily(formatType);
        return family != null && NO_INTEGER_SHIFT.contains(family);
    }

    /**
     * True when the conversion {@code change} reads fails on a column of type {@code formatType} (42883): its shift by
     * an integer has no operator for the type ({@link #shiftFails}), or its function has no form for the type (after
     * a shift, which keeps a number a number and a date a date; after a shift on any other type nothing is known).
     * A column whose type is the one {@code change} makes, a native {@code sa.Enum}, is an enum
     * ({@link #conversionFailsOnEnum}): {@code cast(upper(chambre) as chambre)} fails on it once it is converted.
     */
    public static boolean conversionFails(TypeChange change, String formatType) {
        EnumTypeRef e = change.enumType();
        if (e != null && e.nativeEnum() && formatType != null && formatType.equals(change.formatType())) {
            return change.shift() == null && change.function() != null
                    && conversionFailsOnEnum(change.function(), change.arity());
        }
        if (change.shift() != null) {
            if (shiftFails(formatType)) {
                return true;
            }
            String family = typeFamily(formatType);
            if (family == null || !KEPT_BY_SHIFT.contains(family)) {
                return false;
            }
        }
        return change.function() != null && conversionFails(change.function(), change.arity(), formatType);
    }

    /** Families whose casts {@link #castMissing} knows, as sources (an array of any of them too). */
    private static final Set<String> CAST_SOURCES = Set.of("number", "string", "boolean", "date", "timestamp", "time",
            "interval", "json", "uuid", "binary", "network address");

    /**
     * True when PostgreSQL 15 has no cast from a value of type {@code from} to {@code to} (both {@code format_type}),
     * so {@code c::to} or {@code CAST(c AS to)} on a column of type {@code from} fails with 42846 (cannot_coerce)
     * when the statement is parsed, on an empty table too ({@code pg_cast}, read with every pair on the server):
     * to {@code json} or {@code jsonb} only text types and the JSON types cast; to {@code uuid} only text types; to
     * {@code smallint}, {@code integer}, {@code bigint} or {@code numeric} text and number types, {@code jsonb}, and
     * a {@code boolean} to {@code integer} only; to {@code boolean} text types, {@code integer} and {@code jsonb}. False
     * for any other target, a source of another family (a user type, a domain: it may cast as its base type), and a
     * type not known. Checked by {@code PostgresFactsTest}.
     */
    public static boolean castMissing(String from, String to) {
        String family = typeFamily(from);
        if (family == null || to == null || from.equals(to)
                || !CAST_SOURCES.contains(family.endsWith(" array") ? family.substring(0, family.length() - 6) : family)) {
            return false;
        }
        boolean array = family.endsWith(" array");
        String base = from.indexOf('(') < 0 ? from : from.substring(0, from.indexOf('('));
        boolean text = !array && family.equals("string");
        return switch (to) {
            case "json", "jsonb" -> !text && !(!array && family.equals("json"));
            case "uuid" -> !text && !(!array && family.equals("uuid"));
            case "smallint", "integer", "bigint", "numeric" -> !text && !(!array && family.equals("number"))
                    && !(!array && base.equals("jsonb")) && !(!array && base.equals("boolean") && to.equals("integer"));
            case "boolean" -> !text && !(!array && (base.equals("boolean") || base.equals("integer")
                    || base.equals("jsonb")));
            default -> false;
        };
    }

    /** The error of a cast PostgreSQL has not ({@link #castMissing}): cannot_coerce. */
    public static SqlState castMissing() {
        return SqlState.CANNOT_COERCE;
    }

    /** The conversion functions known, with the argument counts each has a form of. */
    public static Map<String, Set<Integer>> conversionFunctions() {
        TreeMap<String, Set<Integer>> out = new TreeMap<>();
        CONVERSION_FUNCTIONS.forEach((f, forms) -> out.put(f, new TreeSet<>(forms.keySet())));
        return out;
    }

    /**
     * Functions of one text argument a data statement applies to a column ({@code UPDATE t SET c = upper(c)}); {@code
     * trim(c)} is {@code pg_catalog.btrim(c)}. Each has forms for {@code text} alone (and {@code bytea} for the trims),
     * which a {@code character varying}, {@code character} or {@code name} column reaches by an implicit cast.
     */
    private static final Set<String> TEXT_FUNCTIONS = Set.of("upper", "lower", "initcap", "btrim", "ltrim", "rtrim",
            "trim");

    /**
     * Families of column type ({@link #readFamily}) that none of {@link #TEXT_FUNCTIONS} and no {@code ~~}
     * ({@code LIKE}) or {@code ~~*} ({@code ILIKE}) operator takes: an enum, a number and {@code json}/{@code jsonb}
     * reach {@code text} by no implicit cast, so {@code upper(c)} fails with 42883 ("function upper(mood) does not
     * exist") and {@code c LIKE 'x'} with 42883 ("operator does not exist: mood ~~ unknown") when the statement is
     * parsed, on an empty table too. Checked by {@code PostgresFactsTest}.
     */
    private static final Set<String> NO_TEXT_READ = Set.of(ENUM, "number", "json");

    /**
     * The family {@link #readFamily} reads a column of: an enum when its type is a native enum ({@code nativeEnum},
     * which {@link #typeFamily} cannot tell from the type's name), else {@link #typeFamily}'s.
     */
    public static String readFamily(String formatType, boolean nativeEnum) {
        return nativeEnum ? ENUM : typeFamily(formatType);
    }

    /**
     * What a data statement raises when it applies {@code function} to a column of type {@code formatType} as its one
     * argument ({@code upper(c)}): 42883 for a {@link #TEXT_FUNCTIONS text function} on an enum, a number or a json
     * column; null when nothing is known to fail.
     */
    public static SqlState textFunctionFails(String function, String formatType, boolean nativeEnum) {
        return TEXT_FUNCTIONS.contains(function) && NO_TEXT_READ.contains(readFamily(formatType, nativeEnum))
                ? SqlState.UNDEFINED_FUNCTION : null;
    }

    /** What {@code c [NOT] LIKE ...} or {@code c [NOT] ILIKE ...} raises on a column of type {@code formatType}: 42883 on an enum, a number or a json column; else null. */
    public static SqlState likeFails(String formatType, boolean nativeEnum) {
        return NO_TEXT_READ.contains(readFamily(formatType, nativeEnum)) ? SqlState.UNDEFINED_FUNCTION : null;
    }

    /** The integer types, whose input takes only an optional sign and digits (and, from PostgreSQL 16, a radix prefix and underscores between digits). */
    private static final Set<String> INTEGER_TYPES = Set.of("smallint", "integer", "bigint");

    /**
     * What {@code c = 'v'} ({@code <>}, {@code !=}, either side) raises on a column of type {@code formatType} when
     * the statement is parsed: {@code json} has no equality operator (42883, "operator does not exist: json =
     * unknown"); PostgreSQL coerces the constant to the column's type there, so a constant that is no JSON value
     * for {@code jsonb} (blank, or starting with no character a JSON value starts with) and one with no digit for
     * an integer type fail with 22P02 (invalid_text_representation). Null when nothing is known to fail: an enum's
     * labels may not be the ones the code declares, a number type other than an integer takes {@code 'NaN'}.
     * Checked by {@code PostgresFactsTest}.
     */
    public static SqlState comparisonFails(String literal, String formatType, boolean nativeEnum) {
        if (nativeEnum || formatType == null || literal == null) {
            return null;
        }
        if (formatType.equals("json")) {
            return SqlState.UNDEFINED_FUNCTION;
        }
        if (formatType.equals("jsonb")) {
            String v = literal.strip();
            return v.isEmpty() || "{[\"-0123456789tfn".indexOf(v.charAt(0)) < 0 ? SqlState.INVALID_TEXT_REPRESENTATION
                    : null;
        }
        if (INTEGER_TYPES.contains(formatType)) {
            return literal.chars().noneMatch(c -> c >= '0' && c <= '9') ? SqlState.INVALID_TEXT_REPRESENTATION : null;
        }
        return null;
    }

    /** What a conversion whose function takes no form of the column's type raises: 42883. */
    public static SqlState conversionFunctionMissing() {
        return SqlState.UNDEFINED_FUNCTION;
    }

    /**
     * True when a column of type {@code formatType} can never be an identity column: PostgreSQL takes
     * {@code smallint}, {@code integer} and {@code bigint} only ({@code ADD GENERATED} on another type fails
     * with 22023). False when the type is unknown, a user type, or one of those.
     */
    public static boolean identityImpossible(String formatType) {
        // a user type (a domain) or one the fact table does not know may be an integer underneath
        return typeFamily(formatType) != null && !List.of("smallint", "integer", "bigint").contains(formatType);
    }

    /**
     * Names PostgreSQL can read as a function applied to a whole row. In {@code t.c}, when table {@code t} has no
     * column {@code c}, the parser tries the call {@code c(t)} (functional notation): {@code t.count} is
     * {@code count(t)} and succeeds, {@code t.rank} fails with 42809 (an ordered-set aggregate), so neither fails
     * with 42703. The built-in functions that take one argument of any row type ({@code "any"}, {@code anyelement},
     * {@code anycompatible}, {@code anynonarray}, {@code record}, alone or with defaults: {@code pg_proc} of
     * PostgreSQL 15, checked by {@code PostgresNamesFactsTest}), and, as a margin for user functions, the common
     * aggregates and window functions.
     */
    private static final Set<String> ROW_FUNCTIONS = Set.of(
            "any_out", "anycompatible_out", "anycompatiblenonarray_out", "anyelement_out", "anynonarray_out",
            "array_agg", "concat", "count", "cume_dist", "dense_rank", "first_value", "hash_record", "json_agg",
            "json_build_array", "json_build_object", "jsonb_agg", "jsonb_build_array", "jsonb_build_object", "lag",
            "last_value", "lead", "mode", "num_nonnulls", "num_nulls", "percent_rank", "pg_collation_for",
            "pg_column_compression", "pg_column_size", "pg_typeof", "quote_literal", "quote_nullable", "rank",
            "record_out", "record_send", "row_to_json", "to_json", "to_jsonb",
            "row_number", "ntile", "nth_value", "max", "min", "sum", "avg", "every", "bool_and", "bool_or",
            "string_agg", "json_object_agg", "jsonb_object_agg", "percentile_cont", "percentile_disc");

    /** Whether {@code t.name} may be the call {@code name(t)} when {@code t} has no column {@code name}. */
    public static boolean rowFunction(String name) {
        return ROW_FUNCTIONS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The built-in row functions, for the fact test. */
    public static Set<String> rowFunctions() {
        return ROW_FUNCTIONS;
    }

    /** {@code DROP IDENTITY} of a column that is no identity column. */
    public static SqlState identityMissing() {
        return SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE;
    }

    /** {@code DROP DEFAULT} of an identity column. */
    public static SqlState dropDefaultOfIdentity() {
        return SqlState.SYNTAX_ERROR;
    }

    /** {@code SET DEFAULT} of an identity column ("column ... is an identity column"). */
    public static SqlState setDefaultOfIdentity() {
        return SqlState.SYNTAX_ERROR;
    }

    /** {@code ADD GENERATED ... AS IDENTITY} on a column that has a default ("already has a default value"). */
    public static SqlState identityOverDefault() {
        return SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE;
    }

    /**
     * What a drop raises while a column's default of another table is {@code nextval} of a sequence the drop takes
     * (PostgreSQL 15): {@code CREATE TABLE copy (LIKE old INCLUDING DEFAULTS)}, and {@code INCLUDING ALL}, copy a
     * serial column's default {@code nextval('old_id_seq')} as it is, so the copy's column needs the sequence old's
     * column owns, and {@code DROP TABLE old}, {@code ALTER TABLE old DROP COLUMN id} and {@code DROP SEQUENCE
     * old_id_seq} fail with {@code 2BP01} ("default value for column id of table copy depends on sequence
     * old_id_seq") until the copy's default is dropped; {@code CASCADE} drops that default, not the column. A copy of
     * the copy takes the same default. A plain {@code LIKE} (or {@code EXCLUDING DEFAULTS}) copies no default, and
     * {@code INCLUDING IDENTITY} gives an identity column's copy a sequence of its own. {@code ALTER TABLE old RENAME}
     * keeps the sequence and its users.
     */
    public static SqlState defaultUsesSequence() {
        return SqlState.DEPENDENT_OBJECTS_STILL_EXIST;
    }

    /** {@code DROP SEQUENCE} of an identity column's sequence, which the column requires. */
    public static SqlState dropIdentitySequence() {
        return SqlState.DEPENDENT_OBJECTS_STILL_EXIST;
    }

    /**
     * What a serial column ({@code serial}, {@code bigserial}, {@code smallserial}) makes and what it raises
     * (PostgreSQL 15, {@code transformColumnDefinition}): a sequence named by {@code ChooseRelationName} as
     * {@code <table>_<column>_seq} (truncated to 63 bytes as key names are), or the next free name
     * {@code ..._seq1} when that relation name is taken; {@code OWNED BY} the column, so {@code DROP TABLE}
     * and {@code DROP COLUMN} drop it, while {@code ALTER TABLE ... RENAME} and {@code RENAME COLUMN} keep
     * its name; the column's default {@code nextval('<sequence>'::regclass)}, so {@code CREATE SEQUENCE} of
     * that name afterwards fails with {@code 42P07} and {@code DROP SEQUENCE} of it fails with {@code 2BP01}
     * while the default uses it (after {@code ALTER COLUMN ... DROP DEFAULT} it succeeds; {@code CASCADE}
     * drops the default, not the column). {@code CREATE TABLE IF NOT EXISTS} of a table that is there makes
     * no sequence.
     */
    public static SqlState dropSequenceInUse() {
        return SqlState.DEPENDENT_OBJECTS_STILL_EXIST;
    }

    /**
     * What a re-run fails with when the statement raises the error {@code label} of the driver's class {@code
     * dbapiClass}: that error, or, under a plain try/except catching it, "InFailedSqlTransaction (25P02) after a
     * swallowed ..." (the transaction stays aborted and the next statement, at the latest Alembic's version
     * update, fails).
     */
    public static String rerunFailure(String label, String dbapiClass, OpSite site) {
        return swallowed(site, dbapiClass) ? SqlState.IN_FAILED_SQL_TRANSACTION.label() + " after a swallowed "
                + label : label;
    }

    /**
     * The start of a re-run rule's help: why the statement runs again inside {@code autocommit_block()}
     * (it commits on its own, so a retry after a later failure repeats it), and why a try/except catching the
     * driver's class {@code dbapiClass} does not help (PostgreSQL aborts the transaction on the first error);
     * empty otherwise.
     */
    public static String rerunWhy(OpSite site, String dbapiClass) {
        String out = "";
        if (swallowed(site, dbapiClass)) {
            String handler = site.guard().description();
            out += ("try/except".equals(handler) ? "The try/except" : "`" + handler + "`") + " catches the error in"
                    + " Python, but PostgreSQL has already aborted the transaction, so the next statement fails. ";
        }
        if (site.autocommit() && site.afterCommit()) {
            out += "An earlier COMMIT in this revision ended Alembic's transaction, so the statement commits on its"
                    + " own, and a retry after a later failure runs it again. ";
        } else if (site.autocommit()) {
            out += "Inside autocommit_block() the statement commits on its own, so a retry after a later"
                    + " failure runs it again. ";
        }
        return out;
    }

    private static boolean swallowed(OpSite site, String dbapiClass) {
        return site.guard() != null && site.guard().catchesClass(dbapiClass);
    }

    /**
     * The {@link ServerFacts} of a PostgreSQL project whose server is of major version {@code major}: the rows
     * above; a revision runs in one transaction, so no try/except lets an error past.
     */
    public record Server(int major) implements ServerFacts {
        @Override
        public String server() {
            return "PostgreSQL";
        }

        @Override
        public boolean commitsEachStatement() {
            return false;
        }

        @Override
        public Raised dropIndexOfConstraint() {
            return Raised.of(PostgresFacts.dropIndexOfConstraint());
        }

        @Override
        public boolean rejectsIfNotExists(Operation op) {
            return op instanceof Operation.AddConstraint c && c.ifNotExists()
                    || op instanceof Operation.CreateEnumType t && t.ifNotExists()
                    || op instanceof Operation.CreateObject c && c.ifNotExists() && c.kind() != ObjectKind.OTHER
                            && !PostgresFacts.of(c.kind()).ifNotExists(major);
        }

        @Override
        public boolean checksRelationKindFirst() {
            return true;
        }

        @Override
        public Raised dropSequenceInUse() {
            return Raised.of(PostgresFacts.dropSequenceInUse());
        }

        @Override
        public Raised dropWithDependents() {
            return Raised.of(PostgresFacts.dropWithDependents());
        }

        @Override
        public boolean numbersUnnamedForeignKeys() {
            return false;
        }

        @Override
        public boolean foldsUnquotedNames() {
            return true;
        }

        @Override
        public boolean doubleQuotesNames() {
            return true;
        }

        @Override
        public boolean indexNamesPerSchema() {
            return true;
        }

        @Override
        public boolean alterTypeUsing() {
            return true;
        }

        @Override
        public boolean readsCheckedByType() {
            return true;
        }

        @Override
        public boolean knowsStampAfterBindCommit() {
            return true;
        }

        @Override
        public boolean errorAbortsTransaction() {
            return true;
        }

        @Override
        public boolean knowsLocks() {
            return true;
        }

        @Override
        public boolean toRegclass() {
            return true;
        }

        @Override
        public boolean identityColumns() {
            return true;
        }

        @Override
        public boolean formatTypes() {
            return true;
        }

        @Override
        public Raised concurrentlyInTransaction() {
            return Raised.of(SqlState.ACTIVE_SQL_TRANSACTION);
        }

        @Override
        public String primaryKeyName(String written) {
            return written;
        }

        @Override
        public StatementLocks.TableLock tableLock(Operation op) {
            return StatementLocks.of(op);
        }

        @Override
        public boolean has(ObjectKind kind) {
            return true;
        }

        @Override
        public boolean namedTypes() {
            return true;
        }

        @Override
        public boolean doBlocks() {
            return true;
        }

        @Override
        public boolean alterTableIfExists() {
            return true;
        }

        @Override
        public boolean onConflict() {
            return true;
        }

        @Override
        public Raised duplicate(ObjectKind kind, ConstraintKind constraint) {
            return Raised.of(kind == ObjectKind.CONSTRAINT ? PostgresFacts.duplicate(constraint)
                    : PostgresFacts.duplicate(kind));
        }

        @Override
        public Raised dropMissing(ObjectKind kind) {
            return Raised.of(PostgresFacts.dropMissing(kind));
        }

        @Override
        public Raised renameMissing(ObjectKind kind) {
            return Raised.of(PostgresFacts.renameMissing(kind));
        }

        @Override
        public Raised renameTaken(ObjectKind kind) {
            return Raised.of(PostgresFacts.renameTaken(kind));
        }

        @Override
        public Raised renameTaken(ObjectKind kind, SqlState found) {
            return Raised.of(found);
        }

        @Override
        public Raised statementColumnMissing() {
            return null;
        }

        @Override
        public Raised undefinedTable() {
            return Raised.of(SqlState.UNDEFINED_TABLE);
        }

        @Override
        public Raised undefinedColumn() {
            return Raised.of(SqlState.UNDEFINED_COLUMN);
        }

        @Override
        public Raised uniqueViolation() {
            return Raised.of(SqlState.UNIQUE_VIOLATION);
        }

        @Override
        public Raised notNullViolation() {
            return Raised.of(SqlState.NOT_NULL_VIOLATION);
        }

        @Override
        public boolean ifNotExists(ObjectKind kind) {
            return of(kind).ifNotExists(major);
        }

        @Override
        public boolean dropIfExists(ObjectKind kind) {
            return of(kind).dropIfExists(major);
        }

        @Override
        public boolean orReplace(ObjectKind kind) {
            return of(kind).orReplace(major);
        }

        @Override
        public boolean tolerates(OpSite site, Raised error) {
            return false;
        }

        @Override
        public String failure(Raised error, OpSite site) {
            return rerunFailure(error.label(), error.driverClass(), site);
        }

        @Override
        public String rerunWhy(OpSite site, Raised error) {
            return PostgresFacts.rerunWhy(site, error.driverClass());
        }
    }
}
