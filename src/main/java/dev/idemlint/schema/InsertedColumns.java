package dev.idemlint.schema;

import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.SqlText;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns an INSERT writes, read again from its source because the operation model keeps only
 * the table: the column list of a raw {@code INSERT INTO t (a, b) ...}, or the keys of the row dicts
 * of {@code op.bulk_insert(t, [{...}, ...])}.
 */
public final class InsertedColumns {
    private static final Pattern INSERT = Pattern.compile(
            "\\bINSERT\\s+INTO\\s+(?:\"[^\"]*\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]*\"|[\\w$]+))*"
                    + "(?:\\s+AS\\s+[\\w$]+)?\\s*\\(([^()]*)\\)",
            Pattern.CASE_INSENSITIVE);

    private InsertedColumns() {
    }

    /** The inserted column names (unquoted identifiers folded to lower case), or null when not known. */
    public static Set<String> of(Operation.Insert insert) {
        if (insert.bulk()) {
            return bulk(insert.site().call());
        }
        if (insert.columns() != null) {
            return new LinkedHashSet<>(insert.columns());
        }
        if (insert.site().origin() == Origin.RAW_SQL) {
            return sql(insert.site().sqlStatement());
        }
        return null;
    }

    static Set<String> sql(String statement) {
        if (statement == null) {
            return null;
        }
        Matcher m = INSERT.matcher(statement);
        if (!m.find()) {
            return null;
        }
        String list = m.group(1).strip();
        if (list.isEmpty() || list.indexOf(SqlText.DYNAMIC) >= 0 || list.toUpperCase(Locale.ROOT).startsWith("SELECT")
                || list.toUpperCase(Locale.ROOT).startsWith("WITH") || list.toUpperCase(Locale.ROOT).startsWith("VALUES")) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : list.split(",")) {
            String p = part.strip();
            if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
                out.add(p.substring(1, p.length() - 1).replace("\"\"", "\""));
            } else if (p.matches("[A-Za-z_][\\w$]*")) {
                out.add(p.toLowerCase(Locale.ROOT));
            } else {
                return null;
            }
        }
        return out;
    }

    static Set<String> bulk(Expr.Call call) {
        if (call == null) {
            return null;
        }
        Arg kw = call.keyword("rows");
        Expr rows = kw != null ? kw.value() : call.positional(1);
        if (!(rows instanceof Expr.ListExpr list) || list.elements().isEmpty()) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (Expr row : list.elements()) {
            if (!(row instanceof Expr.Dict d)) {
                return null;
            }
            for (Expr k : d.keys()) {
                if (!(k instanceof Expr.Str s) || !s.isConstant()) {
                    return null;
                }
                out.add(s.constantText());
            }
        }
        return out;
    }
}
