package dev.idemlint.migration;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type as PostgreSQL's {@code format_type(atttypid, atttypmod)} prints it once the column
 * exists: {@code character varying(32)}, {@code numeric(10,2)}, {@code timestamp with time zone},
 * {@code integer[]}. PostgreSQL keeps a type's modifier (length, precision and scale, fractional
 * seconds, interval fields) but not an array's dimensions, resolves aliases ({@code int4},
 * {@code timestamptz}, {@code serial}) to the base type, and quotes a user type's name where
 * {@code quote_ident} would. Each mapping below was read back with {@code format_type} on PostgreSQL
 * 15 ({@code FormatTypeTest} holds the results; PlanProofTest's typed chain checks the common ones with
 * real Alembic). Null means the type is not known: a type idemlint cannot read is never reported as
 * different.
 */
public final class FormatType {
    private FormatType() {
    }

    /** Types whose name is their {@code format_type} (lower case), aliases mapped to the base type. */
    private static final Map<String, String> PLAIN = Map.ofEntries(
            Map.entry("integer", "integer"), Map.entry("int", "integer"), Map.entry("int4", "integer"),
            Map.entry("serial", "integer"), Map.entry("serial4", "integer"),
            Map.entry("bigint", "bigint"), Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"),
            Map.entry("serial8", "bigint"),
            Map.entry("smallint", "smallint"), Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"),
            Map.entry("serial2", "smallint"),
            Map.entry("boolean", "boolean"), Map.entry("bool", "boolean"),
            Map.entry("real", "real"), Map.entry("float4", "real"),
            Map.entry("double precision", "double precision"), Map.entry("float8", "double precision"),
            Map.entry("text", "text"), Map.entry("date", "date"), Map.entry("bytea", "bytea"),
            Map.entry("json", "json"), Map.entry("jsonb", "jsonb"), Map.entry("uuid", "uuid"),
            Map.entry("inet", "inet"), Map.entry("cidr", "cidr"), Map.entry("macaddr", "macaddr"),
            Map.entry("macaddr8", "macaddr8"), Map.entry("money", "money"), Map.entry("tsvector", "tsvector"),
            Map.entry("tsquery", "tsquery"), Map.entry("xml", "xml"), Map.entry("oid", "oid"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timetz", "time with time zone"));

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACED_OPEN = Pattern.compile("\\s*\\(\\s*");
    private static final Pattern SPACED_CLOSE = Pattern.compile("\\s*([),])");
    private static final Pattern SPACED_COMMA = Pattern.compile(",\\s*");
    private static final Pattern VARCHAR = Pattern.compile("(?:character varying|varchar)(?:\\((\\d+)\\))?");
    private static final Pattern CHAR = Pattern.compile("(?:character|char|nchar|national character)(?:\\((\\d+)\\))?");
    private static final Pattern NUMERIC = Pattern.compile("(?:numeric|decimal)(?:\\((\\d+)(?:,(\\d+))?\\))?");
    private static final Pattern FLOAT = Pattern.compile("float(?:\\((\\d+)\\))?");
    private static final Pattern DATETIME = Pattern.compile(
            "(timestamp|time)(?:\\((\\d+)\\))?(?: (with|without) time zone)?");
    private static final Pattern DATETIME_TZ = Pattern.compile("(timestamptz|timetz)\\((\\d+)\\)");
    private static final Pattern INTERVAL = Pattern.compile("interval(?: (year|month|day|hour|minute|second"
            + "|year to month|day to hour|day to minute|day to second|hour to minute|hour to second"
            + "|minute to second))?(?:\\((\\d+)\\))?");
    private static final Pattern BIT = Pattern.compile("(bit varying|varbit|bit)(?:\\((\\d+)\\))?");
    private static final Pattern ARRAY_SUFFIX = Pattern.compile("(?:\\s*\\[\\s*\\d*\\s*\\])+$|\\s+array(?:\\s*\\[\\s*\\d*\\s*\\])?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")+)\"");
    private static final Pattern LOWER_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

    /**
     * {@link #ofSql}'s answers by text. A project spells few distinct types and every column asks
     * again; reading each with the expressions below was 5-7% of a cold lint's samples
     * (bench/NOTES.md). Bounded, so no input grows it past {@code KNOWN_MAX} texts.
     */
    private static final Map<String, Optional<String>> KNOWN = new ConcurrentHashMap<>();
    private static final int KNOWN_MAX = 4096;

    /**
     * The {@code format_type} of a type written in SQL DDL ({@code varchar(32)}, {@code NUMERIC(10, 2)},
     * {@code timestamptz}, {@code int[]}, {@code INTEGER ARRAY}, an enum's or domain's name); null when
     * it is not one of the types this class knows, or is schema-qualified.
     */
    public static String ofSql(String ddl) {
        if (ddl == null || ddl.isBlank() || ddl.length() > 200) {
            return null;
        }
        Optional<String> known = KNOWN.get(ddl);
        if (known == null) {
            known = Optional.ofNullable(read(ddl));
            if (KNOWN.size() < KNOWN_MAX) {
                KNOWN.put(ddl, known);
            }
        }
        return known.orElse(null);
    }

    private static String read(String ddl) {
        String t = ddl.strip();
        boolean array = false;
        Matcher a = ARRAY_SUFFIX.matcher(t);
        if (a.find()) {
            array = true;
            t = t.substring(0, a.start()).strip();
        }
        String base = base(t);
        return base == null ? null : array ? base + "[]" : base;
    }

    private static String base(String t) {
        Matcher q = QUOTED.matcher(t);
        if (q.matches()) {
            return userType(q.group(1).replace("\"\"", "\""));
        }
        if (t.indexOf('"') >= 0) {
            return null;
        }
        // PostgreSQL folds unquoted words; spaces inside parentheses and before them do not matter
        String s = SPACES.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ");
        s = SPACED_OPEN.matcher(s).replaceAll("(");
        s = SPACED_CLOSE.matcher(s).replaceAll("$1");
        s = SPACED_COMMA.matcher(s).replaceAll(",");
        String plain = PLAIN.get(s);
        if (plain != null) {
            return plain;
        }
        Matcher m;
        if ((m = VARCHAR.matcher(s)).matches()) {
            return m.group(1) == null ? "character varying" : "character varying(" + m.group(1) + ")";
        }
        if ((m = CHAR.matcher(s)).matches()) {
            return "character(" + (m.group(1) == null ? "1" : m.group(1)) + ")";
        }
        if ((m = NUMERIC.matcher(s)).matches()) {
            if (m.group(1) == null) {
                return "numeric";
            }
            return "numeric(" + m.group(1) + "," + (m.group(2) == null ? "0" : m.group(2)) + ")";
        }
        if ((m = FLOAT.matcher(s)).matches()) {
            if (m.group(1) == null) {
                return "double precision";
            }
            int p = Integer.parseInt(m.group(1));
            // float(1) to float(24) is real, float(25) to float(53) double precision, others an error
            return p >= 1 && p <= 24 ? "real" : p >= 25 && p <= 53 ? "double precision" : null;
        }
        if ((m = DATETIME.matcher(s)).matches()) {
            String precision = m.group(2) == null ? "" : "(" + m.group(2) + ")";
            return m.group(1) + precision + ("with".equals(m.group(3)) ? " with time zone" : " without time zone");
        }
        if ((m = DATETIME_TZ.matcher(s)).matches()) {
            return (m.group(1).equals("timestamptz") ? "timestamp" : "time") + "(" + m.group(2) + ") with time zone";
        }
        if ((m = INTERVAL.matcher(s)).matches()) {
            return "interval" + (m.group(1) == null ? "" : " " + m.group(1)) + (m.group(2) == null ? "" : "(" + m.group(2) + ")");
        }
        if ((m = BIT.matcher(s)).matches()) {
            boolean varying = !m.group(1).equals("bit");
            if (varying) {
                return m.group(2) == null ? "bit varying" : "bit varying(" + m.group(2) + ")";
            }
            return "bit(" + (m.group(2) == null ? "1" : m.group(2)) + ")";
        }
        if (IDENTIFIER.matcher(t).matches() && !RESERVED_TYPE_WORDS.contains(s)) {
            return userType(s);
        }
        return null;
    }

    /** Words that start a built-in type spelled in several words, or a type this class does not know. */
    private static final Set<String> RESERVED_TYPE_WORDS = Set.of("double", "character",
            "national", "bit", "timestamp", "time", "interval", "varchar", "char", "numeric", "decimal", "float",
            "array", "setof", "table");

    /**
     * A user type (an enum, a domain, an extension's type) as {@code format_type} prints it when it is
     * in the search path: its name, double-quoted when {@code quote_ident} would quote it.
     */
    public static String userType(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return LOWER_IDENTIFIER.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * Whether two {@code format_type} strings name the same type: equal, or equal once the double quotes
     * {@code quote_ident} adds to a reserved word ({@code "user"}) are set aside.
     */
    public static boolean same(String a, String b) {
        return a.equals(b) || a.replace("\"", "").equals(b.replace("\"", ""));
    }
}
