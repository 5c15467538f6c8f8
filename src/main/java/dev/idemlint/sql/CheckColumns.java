package dev.idemlint.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns a CHECK condition names, as PostgreSQL stores them (unquoted names folded to lower case): the
 * columns whose {@code DROP COLUMN} takes the check with it. Certainty only: the condition is read when it is
 * made of names, literals, operators, parentheses, function calls, {@code ::type} and {@code CAST(x AS type)}
 * casts, typed literals ({@code date '2020-01-01'}) and the keywords of boolean, comparison, {@code IN},
 * {@code LIKE}, {@code BETWEEN}, {@code IS [NOT] DISTINCT FROM} and {@code CASE} expressions. Anything else (a
 * qualified name, a keyword of another syntax such as {@code EXTRACT(year FROM d)}, {@code AT TIME ZONE},
 * {@code COLLATE}, {@code INTERVAL '1' DAY}, a subquery, a parameter or a dynamic part) makes it unread: null.
 * A name equal to the table's may be the table's whole row; the caller tells that.
 */
public final class CheckColumns {

    /** Keywords of the expressions read here: never a column. */
    private static final Set<String> SYNTAX = Set.of("AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE", "IN",
            "LIKE", "ILIKE", "SIMILAR", "TO", "ESCAPE", "BETWEEN", "SYMMETRIC", "ASYMMETRIC", "CASE", "WHEN",
            "THEN", "ELSE", "END", "DISTINCT", "FROM", "UNKNOWN", "ISNULL", "NOTNULL", "ARRAY", "ANY", "ALL", "SOME",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "CURRENT_USER",
            "SESSION_USER", "CURRENT_ROLE", "CURRENT_CATALOG", "CURRENT_SCHEMA", "USER", "CAST");

    /**
     * PostgreSQL's reserved, column-name and type-or-function-name keywords not in {@link #SYNTAX}: where one
     * stands the condition uses a syntax not read here (a call of one is read as a call).
     */
    private static final Set<String> OTHER_KEYWORDS = Set.of("ANALYSE", "ANALYZE", "AS", "ASC", "BOTH", "CHECK",
            "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "DEFAULT", "DEFERRABLE", "DESC", "DO", "EXCEPT", "FETCH",
            "FOR", "FOREIGN", "GRANT", "GROUP", "HAVING", "INITIALLY", "INTERSECT", "INTO", "LATERAL", "LEADING",
            "LIMIT", "OFFSET", "ON", "ONLY", "ORDER", "PLACING", "PRIMARY", "REFERENCES", "RETURNING", "SELECT",
            "TABLE", "TRAILING", "UNION", "UNIQUE", "USING", "VARIADIC", "WHERE", "WINDOW", "WITH",
            "BIGINT", "BIT", "BOOLEAN", "CHAR", "CHARACTER", "COALESCE", "DEC", "DECIMAL", "EXISTS", "EXTRACT",
            "FLOAT", "GREATEST", "GROUPING", "INOUT", "INT", "INTEGER", "INTERVAL", "LEAST", "NATIONAL", "NCHAR",
            "NONE", "NORMALIZE", "NULLIF", "NUMERIC", "OUT", "OVERLAY", "POSITION", "PRECISION", "REAL", "ROW",
            "SETOF", "SMALLINT", "SUBSTRING", "TIME", "TIMESTAMP", "TREAT", "TRIM", "VALUES", "VARCHAR",
            "AUTHORIZATION", "BINARY", "COLLATION", "CONCURRENTLY", "CROSS", "FREEZE", "FULL", "INNER", "JOIN",
            "LEFT", "NATURAL", "OUTER", "OVERLAPS", "RIGHT", "TABLESAMPLE", "VERBOSE", "AT", "ZONE", "OPERATOR");

    /** Calls whose arguments have a syntax of their own ({@code EXTRACT(year FROM d)}): not read. */
    private static final Set<String> SPECIAL_CALLS = Set.of("EXTRACT", "OVERLAY", "POSITION", "SUBSTRING", "TRIM",
            "NORMALIZE", "TREAT", "EXISTS", "INTERVAL", "ROW", "COLLATION");

    /** Words that continue a type name after its first word ({@code double precision}, {@code timestamp with time zone}). */
    private static final Set<String> TYPE_WORDS = Set.of("PRECISION", "VARYING", "WITH", "WITHOUT", "TIME", "ZONE");

    private CheckColumns() {
    }

    /** The distinct columns {@code condition} names, in order; null when it is not read. */
    public static List<String> of(String condition) {
        if (condition == null) {
            return null;
        }
        List<SqlToken> t = SqlLexer.tokenize(condition);
        if (t.isEmpty() || !SqlToken.allClosed(t)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            SqlToken k = t.get(i);
            SqlToken next = i + 1 < t.size() ? t.get(i + 1) : null;
            if (k.dynamic() || k.kind() == SqlToken.Kind.PARAM || k.kind() == SqlToken.Kind.DOLLAR) {
                return null;
            }
            if (k.isOp("::")) {
                i = type(t, i + 1);
                if (i < 0) {
                    return null;
                }
                continue;
            }
            if (k.isOp(".") || k.isOp(";")) {
                return null;
            }
            if (!k.isNameLike()) {
                i++;
                continue;
            }
            String word = k.kind() == SqlToken.Kind.WORD ? k.text().toUpperCase(Locale.ROOT) : null;
            if (next != null && next.isOp(".")) {
                // a qualified name: the table's, or a schema's function
                return null;
            }
            if (word != null && word.equals("AS")) {
                // CAST(x AS type)
                i = type(t, i + 1);
                if (i < 0) {
                    return null;
                }
                continue;
            }
            if (next != null && next.isOp("(")) {
                if (word != null && SPECIAL_CALLS.contains(word)) {
                    return null;
                }
                i++;
                continue;
            }
            if (word != null && SYNTAX.contains(word)) {
                i++;
                continue;
            }
            if (next != null && next.kind() == SqlToken.Kind.STRING) {
                if (word != null && OTHER_KEYWORDS.contains(word) && !typeLiteral(word)) {
                    return null;
                }
                // a typed literal: date '2020-01-01'
                i += 2;
                continue;
            }
            if (word != null && OTHER_KEYWORDS.contains(word)) {
                return null;
            }
            String column = k.identifier();
            if (column == null) {
                return null;
            }
            if (!out.contains(column)) {
                out.add(column);
            }
            i++;
        }
        return out;
    }

    private static boolean typeLiteral(String word) {
        return word.equals("TIMESTAMP") || word.equals("TIME") || word.equals("BOOLEAN") || word.equals("REAL")
                || word.equals("INTEGER") || word.equals("INT") || word.equals("NUMERIC") || word.equals("DECIMAL")
                || word.equals("BIGINT") || word.equals("SMALLINT") || word.equals("CHAR") || word.equals("VARCHAR");
    }

    /** Past the type name that starts at {@code i}: words, a modifier in parentheses, array brackets; -1 when not one. */
    private static int type(List<SqlToken> t, int i) {
        if (i >= t.size() || !t.get(i).isNameLike() || t.get(i).dynamic()) {
            return -1;
        }
        String first = t.get(i).text().toUpperCase(Locale.ROOT);
        if (first.equals("INTERVAL")) {
            // interval's fields (interval day to second) are words of their own
            return -1;
        }
        i++;
        if (i < t.size() && t.get(i).isOp(".")) {
            // schema.type
            if (i + 1 >= t.size() || !t.get(i + 1).isNameLike()) {
                return -1;
            }
            i += 2;
        }
        while (i < t.size() && t.get(i).kind() == SqlToken.Kind.WORD && !t.get(i).dynamic()
                && TYPE_WORDS.contains(t.get(i).text().toUpperCase(Locale.ROOT))) {
            i++;
        }
        if (i < t.size() && t.get(i).isOp("(")) {
            i++;
            while (i < t.size() && !t.get(i).isOp(")")) {
                if (t.get(i).kind() != SqlToken.Kind.NUMBER && !t.get(i).isOp(",")) {
                    return -1;
                }
                i++;
            }
            if (i >= t.size()) {
                return -1;
            }
            i++;
        }
        while (i + 1 < t.size() && t.get(i).isOp("[") && t.get(i + 1).isOp("]")) {
            i += 2;
        }
        return i;
    }
}
