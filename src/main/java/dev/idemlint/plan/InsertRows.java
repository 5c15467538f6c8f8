package dev.idemlint.plan;

import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows an INSERT writes, when they are literals: {@code INSERT INTO t (a, b) VALUES (1, 'x'), ...}
 * in SQL, {@code op.bulk_insert(t, [{"a": 1, "b": "x"}, ...])} or {@code conn.execute(t.insert(), [...])}. Each row maps a column to its value
 * as PostgreSQL prints it as text ({@code null} for NULL). Anything else (a SELECT, a function call,
 * DEFAULT, a variable) gives no rows: null.
 */
final class InsertRows {
    private InsertRows() {
    }

    static List<Map<String, String>> of(Operation.Insert insert) {
        String sql = insert.site().sqlStatement();
        if (insert.site().origin() == Origin.RAW_SQL && sql != null) {
            return insert.columns() == null ? null : fromSql(sql, insert.columns(), bindParams(insert.site().call()));
        }
        Expr.Call call = insert.site().call();
        if (call == null) {
            return null;
        }
        if (insert.bulk()) {
            Arg rows = call.keyword("rows");
            Expr list = rows != null ? rows.value() : call.positional(1);
            return list == null ? null : fromPython(list);
        }
        // conn.execute(table.insert(), [{...}, ...]) or one dict
        Expr first = call.positional(0);
        Expr second = call.positional(1);
        if (first instanceof Expr.Call ins && ins.func() instanceof Expr.Attribute a && a.attr().equals("insert")
                && ins.args().isEmpty() && second != null) {
            return fromPython(second instanceof Expr.Dict d ? new Expr.ListExpr(List.of(d), d.span()) : second);
        }
        return null;
    }

    private static List<Map<String, String>> fromPython(Expr list) {
        if (!(list instanceof Expr.ListExpr l)) {
            return null;
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (Expr e : l.elements()) {
            if (!(e instanceof Expr.Dict d)) {
                return null;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < d.keys().size(); i++) {
                Expr k = d.keys().get(i);
                Expr v = d.values().get(i);
                if (!(k instanceof Expr.Str ks) || !ks.isConstant()) {
                    return null;
                }
                String value;
                if (v instanceof Expr.Str vs && vs.isConstant()) {
                    value = vs.constantText();
                } else if (v instanceof Expr.Num n && n.text().matches("-?\\d+(\\.\\d+)?")) {
                    value = n.text();
                } else if (v instanceof Expr.Const c && (c.text().equals("True") || c.text().equals("False")
                        || c.text().equals("None"))) {
                    value = c.text().equals("None") ? null : c.text().toLowerCase(Locale.ROOT);
                } else {
                    return null;
                }
                row.put(ks.constantText(), value);
            }
            out.add(row);
        }
        return out;
    }

    /**
     * Literal values bound to {@code :name} parameters: {@code conn.execute(sa.text(...), {"k": v})} or
     * {@code sa.text(...).bindparams(k=v)}; empty when there are none or they are not literals.
     */
    static Map<String, String> bindParams(Expr.Call call) {
        Map<String, String> out = new LinkedHashMap<>();
        if (call == null) {
            return out;
        }
        Expr second = call.positional(1);
        if (second instanceof Expr.Dict d) {
            List<Map<String, String>> rows = fromPython(new Expr.ListExpr(List.of(d), d.span()));
            if (rows != null) {
                out.putAll(rows.get(0));
            }
        }
        Expr first = call.positional(0);
        if (first instanceof Expr.Call b && b.func() instanceof Expr.Attribute a && a.attr().equals("bindparams")) {
            for (Arg arg : b.args()) {
                if (arg.keyword() != null) {
                    String v = literal(arg.value());
                    if (v != null) {
                        out.put(arg.keyword(), v);
                    }
                }
            }
        }
        return out;
    }

    private static String literal(Expr v) {
        if (v instanceof Expr.Str s && s.isConstant()) {
            return s.constantText();
        } else if (v instanceof Expr.Num n && n.text().matches("-?\\d+(\\.\\d+)?")) {
            return n.text();
        } else if (v instanceof Expr.Const c && (c.text().equals("True") || c.text().equals("False"))) {
            return c.text().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    static List<Map<String, String>> fromSql(String sql, List<String> columns) {
        return fromSql(sql, columns, Map.of());
    }

    /** Rows of {@code VALUES (...), (...)} made of literals (and bound literal parameters), or null. */
    static List<Map<String, String>> fromSql(String sql, List<String> columns, Map<String, String> params) {
        int at = keyword(sql, "VALUES");
        if (at < 0) {
            return selectRow(sql, columns, params);
        }
        List<Map<String, String>> out = new ArrayList<>();
        int i = at + "VALUES".length();
        int n = sql.length();
        while (true) {
            i = skipSpace(sql, i);
            if (i >= n || sql.charAt(i) != '(') {
                return null;
            }
            i++;
            List<String> values = new ArrayList<>();
            while (true) {
                i = skipSpace(sql, i);
                if (i >= n) {
                    return null;
                }
                char c = sql.charAt(i);
                if (c == '\'') {
                    StringBuilder sb = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= n) {
                            return null;
                        }
                        if (sql.charAt(i) == '\'') {
                            if (i + 1 < n && sql.charAt(i + 1) == '\'') {
                                sb.append('\'');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        sb.append(sql.charAt(i++));
                    }
                    values.add(sb.toString());
                } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                    int start = ++i;
                    while (i < n && Character.isJavaIdentifierPart(sql.charAt(i))) {
                        i++;
                    }
                    String param = sql.substring(start, i);
                    if (!params.containsKey(param)) {
                        return null;
                    }
                    values.add(params.get(param));
                } else {
                    int start = i;
                    while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '-'
                            || sql.charAt(i) == '_' || sql.charAt(i) == '.')) {
                        i++;
                    }
                    String word = sql.substring(start, i);
                    String lower = word.toLowerCase(Locale.ROOT);
                    if (word.matches("-?\\d+(\\.\\d+)?")) {
                        values.add(word);
                    } else if (lower.equals("null")) {
                        values.add(null);
                    } else if (lower.equals("true") || lower.equals("false")) {
                        values.add(lower);
                    } else {
                        return null;
                    }
                }
                i = skipSpace(sql, i);
                if (i < n && sql.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (i < n && sql.charAt(i) == ')') {
                    i++;
                    break;
                }
                return null;
            }
            if (values.size() != columns.size()) {
                return null;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < columns.size(); k++) {
                row.put(columns.get(k), values.get(k));
            }
            out.add(row);
            i = skipSpace(sql, i);
            if (i < n && sql.charAt(i) == ',') {
                i++;
                continue;
            }
            return out;
        }
    }

    /**
     * {@code INSERT INTO t (a, b) SELECT 1, 'x' [WHERE ...]}: one row of literals (no FROM), or null.
     */
    private static List<Map<String, String>> selectRow(String sql, List<String> columns, Map<String, String> params) {
        int at = keyword(sql, "SELECT");
        if (at < 0) {
            return null;
        }
        int end = keyword(sql, "WHERE");
        if (keyword(sql, "FROM") >= 0 && (end < 0 || keyword(sql, "FROM") < end)) {
            return null;
        }
        String list = sql.substring(at + "SELECT".length(), end < 0 ? sql.length() : end).trim();
        List<Map<String, String>> rows = fromSql("VALUES (" + list + ")", columns, params);
        return rows;
    }

    /** The first place {@code word} stands as a keyword outside quotes, or -1. */
    private static int keyword(String sql, String word) {
        boolean quoted = false;
        int w = word.length();
        for (int i = 0; i + w <= sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && sql.regionMatches(true, i, word, 0, w)
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))
                    && (i + w == sql.length() || !Character.isLetterOrDigit(sql.charAt(i + w)))) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
