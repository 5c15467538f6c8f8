package dev.idemlint.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names a data statement ({@code SELECT}, {@code WITH}, {@code UPDATE}, {@code INSERT}, {@code DELETE}) reads,
 * from one pass over its tokens: string literals, dollar bodies, comments and quoted identifiers are the lexer's,
 * so a name inside a literal or a comment is no read. Names are as written (a quoted identifier's content);
 * dynamic names are never taken.
 *
 * @param tables the relation named right after {@code FROM}, {@code JOIN}, {@code UPDATE} or {@code INTO}
 *     (its last part when schema-qualified; {@code IS DISTINCT FROM} names none), in order
 * @param dynamicTable whether such a relation is named by a dynamic part: the statement may open any table
 * @param columns each {@code table.column} written with plain words or backticks (in {@code a.b.c}, both
 *     {@code a.b} and {@code b.c}), in order; a double-quoted part is not taken
 * @param aliases the aliases of {@code FROM t a}, {@code JOIN t AS a}, {@code UPDATE t a} (plain words), lower-cased,
 *     each to its table; an alias given to two tables, or a keyword in an alias's place, is left out
 * @param bare the lower-cased words and quoted identifiers not written right after a {@code .} nor right before
 *     a {@code (} (a function call): the names a bare column reference can take, each with the offset of its first
 *     occurrence
 * @param anotherFromItem whether the statement has {@code USING}, or a comma after a {@code FROM} before the
 *     next {@code WHERE}/{@code GROUP}/{@code ORDER}/{@code LIMIT}/{@code RETURNING}/{@code HAVING}: another
 *     table may own a bare name
 * @param oneSelectAtMost whether {@code SELECT} is written at most once, and then first: no subquery
 * @param insertSelect for {@code INSERT INTO t [(...)] SELECT ... FROM y ...} with one {@code SELECT}, whose
 *     {@code FROM} opens the one static table {@code y} (no other FROM item, no {@code USING}): {@code y} and
 *     the bare names of the {@code SELECT} up to {@code ON}/{@code RETURNING} (the target {@code t} is not in
 *     its scope); else null
 * @param subqueries the scopes of the subqueries that can name no column of another query: a {@code (SELECT ...)}
 *     right after {@code FROM} or {@code JOIN} (not {@code LATERAL}), or the body of a {@code WITH} query, inside
 *     no other subquery (a subquery in {@code WHERE} or a select list may name an outer query's columns, and so
 *     may the ones within it); each counted when its own {@code FROM} opens one static table that is no
 *     {@code WITH} query's name, with no other FROM item, {@code JOIN}, {@code USING} or set operation: every bare
 *     name of it outside its own subqueries can only be a column of that table
 */
public record StatementReads(List<String> tables, boolean dynamicTable, List<Column> columns,
        Map<String, String> aliases, Map<String, Integer> bare, boolean anotherFromItem, boolean oneSelectAtMost,
        InsertSelect insertSelect, List<Scope> subqueries) {

    /** A subquery's one table, whether the subquery gives it an alias, and its bare names (see {@link #bare}). */
    public record Scope(String table, boolean aliased, Map<String, Integer> bare) {
    }

    /** {@code table.column} as written at offset {@code at}; {@code table} may be an alias. */
    public record Column(String table, String column, int at) {
    }

    /** The one table {@code table} a {@code INSERT ... SELECT} reads from, and the bare names of its SELECT. */
    public record InsertSelect(String table, Map<String, Integer> bare) {
    }

    private static final Set<String> OPENING = Set.of("from", "join", "update", "into");
    private static final Set<String> ALIASING = Set.of("from", "join", "update");
    private static final Set<String> FROM_LIST_END = Set.of("where", "group", "order", "limit", "returning", "having");

    /** Words that may follow a table name and are no alias. */
    private static final Set<String> NOT_ALIASES = Set.of("where", "set", "on", "join", "left", "right", "inner",
            "outer", "full", "cross", "natural", "using", "group", "order", "limit", "offset", "returning", "having",
            "union", "except", "intersect", "window", "for", "lateral", "only", "as");

    /** The reads of the statement {@code sql[from, to)}. */
    public static StatementReads of(String sql, int from, int to) {
        List<SqlToken> toks = SqlLexer.tokenize(sql, from, to);
        List<String> tables = new ArrayList<>();
        boolean dynamicTable = tables(toks, tables);
        boolean anotherFromItem = anotherFromItem(toks);
        return new StatementReads(tables, dynamicTable, columns(sql, toks), aliases(toks), bare(toks, 0, toks.size()),
                anotherFromItem, oneSelectAtMost(toks), insertSelect(toks, anotherFromItem), subqueries(toks));
    }

    /** Words that end a one-table FROM list of a subquery. */
    private static final Set<String> SCOPE_FROM_END = Set.of("where", "group", "order", "limit", "offset", "having",
            "window", "fetch", "for");

    private static List<Scope> subqueries(List<SqlToken> toks) {
        int[] close = new int[toks.size()];
        List<Integer> open = new ArrayList<>();
        for (int k = 0; k < toks.size(); k++) {
            close[k] = -1;
            if (toks.get(k).isOp("(")) {
                open.add(k);
            } else if (toks.get(k).isOp(")") && !open.isEmpty()) {
                close[open.remove(open.size() - 1)] = k;
            }
        }
        if (!open.isEmpty()) {
            return List.of();
        }
        Set<String> withNames = withNames(toks);
        List<Scope> out = new ArrayList<>();
        // the ends of the subqueries that may name an outer query's columns, enclosing what is read now
        int otherUntil = -1;
        for (int k = 0; k + 1 < toks.size(); k++) {
            if (!toks.get(k).isOp("(") || !toks.get(k + 1).is("SELECT") || k <= otherUntil) {
                continue;
            }
            if (!derived(toks, k)) {
                otherUntil = close[k];
                continue;
            }
            Scope scope = scope(toks, k + 1, close[k], close, withNames);
            if (scope != null) {
                out.add(scope);
            }
        }
        return out;
    }

    /** Whether the {@code (SELECT} at {@code k} is a FROM item (not LATERAL) or the body of a WITH query. */
    private static boolean derived(List<SqlToken> toks, int k) {
        if (k == 0) {
            return false;
        }
        String before = keyword(toks.get(k - 1));
        if (before.equals("from") || before.equals("join")) {
            return true;
        }
        if (before.equals("materialized")) {
            int a = k - 2 >= 0 && toks.get(k - 2).is("NOT") ? k - 3 : k - 2;
            return a >= 0 && toks.get(a).is("AS") && withQuery(toks, a);
        }
        return before.equals("as") && withQuery(toks, k - 1);
    }

    /** Whether the {@code AS} at {@code a} follows a WITH query's name (and column list). */
    private static boolean withQuery(List<SqlToken> toks, int a) {
        int n = a - 1;
        if (n >= 0 && toks.get(n).isOp(")")) {
            while (n >= 0 && !toks.get(n).isOp("(")) {
                n--;
            }
            n--;
        }
        if (n < 1 || !toks.get(n).isNameLike()) {
            return false;
        }
        SqlToken before = toks.get(n - 1);
        return before.is("WITH") || before.is("RECURSIVE") || before.isOp(",");
    }

    /** The names of the statement's WITH queries, lower-cased. */
    private static Set<String> withNames(List<SqlToken> toks) {
        Set<String> out = new HashSet<>();
        for (int k = 0; k < toks.size(); k++) {
            if (toks.get(k).is("AS") && withQuery(toks, k)) {
                int n = k - 1;
                if (toks.get(n).isOp(")")) {
                    while (!toks.get(n).isOp("(")) {
                        n--;
                    }
                    n--;
                }
                out.add(toks.get(n).text().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The scope of the SELECT {@code toks[select, end)}; null when it does not open one table alone. */
    private static Scope scope(List<SqlToken> toks, int select, int end, int[] close, Set<String> withNames) {
        Map<String, Integer> bare = new HashMap<>();
        String table = null;
        boolean aliased = false;
        boolean inFrom = false;
        int k = select + 1;
        while (k < end) {
            SqlToken t = toks.get(k);
            String word = keyword(t);
            if (t.dynamic() || t.is("SELECT") || "union".equals(word) || "intersect".equals(word)
                    || "except".equals(word) || "join".equals(word) || "using".equals(word)
                    || "lateral".equals(word) || inFrom && t.isOp(",")) {
                return null;
            }
            if (t.isOp("(") && k + 1 < end && toks.get(k + 1).is("SELECT")) {
                // a subquery of its own: a scope of its own, or one that may name this one's columns
                k = close[k] + 1;
                continue;
            }
            if (inFrom && SCOPE_FROM_END.contains(word)) {
                inFrom = false;
            }
            if ("from".equals(word) && !(k > 0 && toks.get(k - 1).is("DISTINCT"))) {
                int name = relation(toks, k + 1);
                if (table != null || name < 0 || name >= end || toks.get(k + 1).dynamic() || toks.get(name).dynamic()) {
                    return null;
                }
                table = toks.get(name).text();
                int a = name + 1;
                if (a < end && "as".equals(keyword(toks.get(a)))) {
                    a++;
                }
                aliased = a < end && !keyword(toks.get(a)).isEmpty() && !SCOPE_FROM_END.contains(keyword(toks.get(a)))
                        && !NOT_ALIASES.contains(keyword(toks.get(a)));
                if (a < end && !aliased && !SCOPE_FROM_END.contains(keyword(toks.get(a)))) {
                    // a FROM item not read here: a quoted alias, a column alias list, TABLESAMPLE...
                    return null;
                }
                if (aliased && a + 1 < end && !SCOPE_FROM_END.contains(keyword(toks.get(a + 1)))) {
                    return null;
                }
                inFrom = true;
                k = aliased ? a + 1 : a;
                continue;
            }
            if (!inFrom) {
                bare(toks, k, k + 1).forEach(bare::putIfAbsent);
            }
            k++;
        }
        if (table == null || withNames.contains(table.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return new Scope(table, aliased, bare);
    }

    /** The lower-cased text of a static unquoted word, else the empty string (no keyword). */
    private static String keyword(SqlToken t) {
        return t != null && t.kind() == SqlToken.Kind.WORD && !t.dynamic() ? t.text().toLowerCase(Locale.ROOT) : "";
    }

    private static SqlToken at(List<SqlToken> toks, int k) {
        return k < toks.size() ? toks.get(k) : null;
    }

    /** The position of the last part of the (at most once qualified) name at {@code k}; -1 when none is there. */
    private static int relation(List<SqlToken> toks, int k) {
        SqlToken first = at(toks, k);
        if (first == null || !first.isNameLike()) {
            return -1;
        }
        SqlToken dot = at(toks, k + 1);
        SqlToken second = at(toks, k + 2);
        return dot != null && dot.isOp(".") && second != null && second.isNameLike() ? k + 2 : k;
    }

    private static boolean opening(List<SqlToken> toks, int k) {
        return OPENING.contains(keyword(toks.get(k))) && !(k > 0 && toks.get(k - 1).is("DISTINCT"));
    }

    /**
     * Adds the relations the statement opens, as written, to {@code out}; true when one of them is named (or
     * qualified) by a dynamic part, which is left out.
     */
    private static boolean tables(List<SqlToken> toks, List<String> out) {
        boolean dynamic = false;
        for (int k = 0; k < toks.size(); k++) {
            int name = opening(toks, k) ? relation(toks, k + 1) : -1;
            if (name < 0) {
                continue;
            }
            if (toks.get(k + 1).dynamic() || toks.get(name).dynamic()) {
                dynamic = true;
            } else {
                out.add(toks.get(name).text());
            }
            k = name;
        }
        return dynamic;
    }

    /** A part of {@code table.column}: a static plain word, or a backtick-quoted identifier (MySQL's). */
    private static boolean columnPart(String sql, SqlToken t) {
        return t != null && !t.dynamic() && (t.kind() == SqlToken.Kind.WORD
                || t.kind() == SqlToken.Kind.QUOTED && sql.charAt(t.start()) == '`');
    }

    private static List<Column> columns(String sql, List<SqlToken> toks) {
        List<Column> out = new ArrayList<>();
        for (int k = 0; k + 2 < toks.size(); k++) {
            if (columnPart(sql, toks.get(k)) && toks.get(k + 1).isOp(".") && columnPart(sql, toks.get(k + 2))) {
                out.add(new Column(toks.get(k).text(), toks.get(k + 2).text(), toks.get(k).start()));
            }
        }
        return out;
    }

    private static Map<String, String> aliases(List<SqlToken> toks) {
        Map<String, String> out = new HashMap<>();
        Set<String> twice = new HashSet<>();
        for (int k = 0; k < toks.size(); k++) {
            if (!ALIASING.contains(keyword(toks.get(k)))) {
                continue;
            }
            int name = relation(toks, k + 1);
            if (name < 0 || keyword(toks.get(k + 1)).isEmpty() || keyword(toks.get(name)).isEmpty()
                    || keyword(at(toks, name + 1)).isEmpty()) {
                continue;
            }
            int a = name + 1;
            if ("as".equals(keyword(toks.get(a))) && !keyword(at(toks, a + 1)).isEmpty()) {
                a++;
            }
            String table = toks.get(name).text();
            String alias = keyword(toks.get(a));
            if (NOT_ALIASES.contains(alias) || out.containsKey(alias) && !out.get(alias).equalsIgnoreCase(table)) {
                twice.add(alias);
            } else {
                out.put(alias, table);
            }
            k = a;
        }
        twice.forEach(out::remove);
        return out;
    }

    /** The bare names of {@code toks[from, to)}. */
    private static Map<String, Integer> bare(List<SqlToken> toks, int from, int to) {
        Map<String, Integer> out = new HashMap<>();
        for (int k = from; k < to; k++) {
            SqlToken t = toks.get(k);
            SqlToken before = k > 0 ? toks.get(k - 1) : null;
            SqlToken after = at(toks, k + 1);
            if (t.isNameLike() && !t.dynamic() && !(before != null && before.isOp(".") && before.end() == t.start())
                    && !(after != null && after.isOp("("))) {
                out.putIfAbsent(t.text().toLowerCase(Locale.ROOT), t.start());
            }
        }
        return out;
    }

    private static InsertSelect insertSelect(List<SqlToken> toks, boolean anotherFromItem) {
        if (anotherFromItem || toks.size() < 4 || !toks.get(0).is("INSERT") || !toks.get(1).is("INTO")) {
            return null;
        }
        int k = relation(toks, 2);
        if (k < 0 || toks.get(2).dynamic() || toks.get(k).dynamic()) {
            return null;
        }
        k++;
        if (at(toks, k) != null && toks.get(k).isOp("(")) {
            // the target's column list: names and commas only
            k++;
            while (at(toks, k) != null && (toks.get(k).isNameLike() || toks.get(k).isOp(","))) {
                k++;
            }
            if (at(toks, k) == null || !toks.get(k).isOp(")")) {
                return null;
            }
            k++;
        }
        if (at(toks, k) == null || !toks.get(k).is("SELECT")) {
            return null;
        }
        int select = k;
        int end = toks.size();
        String table = null;
        for (int j = select + 1; j < toks.size(); j++) {
            String word = keyword(toks.get(j));
            if (toks.get(j).is("SELECT") || toks.get(j).dynamic() || "join".equals(word) || "into".equals(word)
                    || toks.get(j).isOp("(") && !(j > 0 && toks.get(j - 1).kind() == SqlToken.Kind.WORD)) {
                // a subquery, a second table, a dynamic part, or a parenthesis that is no function call
                return null;
            }
            if (("on".equals(word) || "returning".equals(word)) && end == toks.size()) {
                end = j;
            }
            if ("from".equals(word) && end == toks.size()) {
                int name = relation(toks, j + 1);
                if (table != null || name < 0 || toks.get(j + 1).dynamic() || toks.get(name).dynamic()) {
                    return null;
                }
                table = toks.get(name).text();
                j = name;
            }
        }
        return table == null ? null : new InsertSelect(table, bare(toks, select + 1, end));
    }

    private static boolean anotherFromItem(List<SqlToken> toks) {
        boolean inFromList = false;
        for (SqlToken t : toks) {
            String word = keyword(t);
            if ("using".equals(word) || inFromList && t.isOp(",")) {
                return true;
            }
            if ("from".equals(word)) {
                inFromList = true;
            } else if (FROM_LIST_END.contains(word)) {
                inFromList = false;
            }
        }
        return false;
    }

    private static boolean oneSelectAtMost(List<SqlToken> toks) {
        int selects = 0;
        for (SqlToken t : toks) {
            selects += t.is("SELECT") ? 1 : 0;
        }
        return selects == 0 || selects == 1 && toks.get(0).is("SELECT");
    }
}
