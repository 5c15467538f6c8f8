package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether an {@code if} condition checks the database for the object: an inspector
 * method, a catalog query, a local helper that does either, a name bound to such a check, or an
 * imported helper whose name says it checks existence. Dialect and config checks are not guards.
 */
final class GuardDetector {
    static final Set<String> INSPECTOR_METHODS = Set.of("has_table", "has_index", "has_column", "has_sequence",
            "has_schema", "has_type", "has_constraint", "has_enum", "get_columns", "get_indexes",
            "get_unique_constraints", "get_foreign_keys", "get_check_constraints", "get_pk_constraint",
            "get_table_names", "get_enums", "get_view_names", "get_sequence_names", "get_schema_names",
            "get_materialized_view_names", "get_multi_columns", "get_multi_indexes", "get_table_options",
            "get_temp_table_names", "get_sorted_table_and_fkc_names", "get_multi_foreign_keys",
            "get_multi_unique_constraints", "get_multi_pk_constraint", "get_multi_check_constraints");

    static final Pattern CATALOG = Pattern.compile("(?i)\\b(pg_type|pg_class|pg_index|pg_indexes|pg_constraint"
            + "|pg_attribute|pg_namespace|pg_enum|pg_extension|pg_proc|pg_trigger|pg_policies|pg_policy"
            + "|pg_catalog|pg_tables|pg_views|pg_matviews|pg_sequences|pg_roles|pg_user|information_schema"
            + "|to_regclass|to_regtype|to_regproc|to_regnamespace|sqlite_master)\\b");

    private static final Set<String> ROW_READS = Set.of("first", "one_or_none", "fetchone", "fetchall",
            "scalar", "scalar_one_or_none", "scalars", "all", "count", "exists");

    private static final Pattern EXISTENCE_NAME = Pattern.compile(
            "(?i)(exist|^has_|_has_|^is_present|_present$|^missing|_missing$|^already_)");

    private GuardDetector() {
    }

    private static final Pattern SELECT = Pattern.compile("(?is)^\\s*(WITH\\b.*\\bSELECT|SELECT)\\b");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern RELATION = Pattern.compile(
            "\\b(?:from|join|into|update|table)\\s+((?:\"?[a-z_][\\w$]*\"?\\.)?\"?[a-z_][\\w$]*\"?)");

    private static final String UNREADABLE = "\u0000unreadable";

    private static void addName(java.util.Set<String> out, String name) {
        out.add(name);
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            out.add(name.substring(dot + 1));
        }
    }
    private static final Pattern TABLE_CATALOG = Pattern.compile(
            "(?i)\\b(information_schema\\s*\\.\\s*tables|pg_tables|to_regclass|pg_class)\\b");
    private static final Pattern OBJECT_CATALOG = Pattern.compile(
            "(?i)\\b(columns|pg_attribute|pg_index|pg_indexes|pg_constraint|pg_type|pg_enum|table_constraints)\\b");

    /** Evidence that {@code test} checks the database, with what it checks, or null. */
    static Guard detect(Expr test, Scope scope, Map<String, Stmt.FunctionDef> functions, Set<String> tainted) {
        Guard g = detectKind(test, scope, functions, tainted);
        if (g == null) {
            return null;
        }
        java.util.Set<String> subjects = new java.util.HashSet<>();
        StringBuilder sql = new StringBuilder();
        collect(test, scope, functions, subjects, sql, 0);
        if (subjects.contains(UNREADABLE)) {
            subjects.clear(); // a name built at run time: trust the check rather than guess what it names
        }
        String desc = g.description().toLowerCase(java.util.Locale.ROOT);
        boolean table = desc.contains("has_table") || desc.contains("get_table_names")
                || g.kind() == GuardKind.HELPER && desc.contains("table") && !desc.matches(
                        "(?s).*(column|index|constraint|enum|type|fk|key).*")
                || g.kind() == GuardKind.CATALOG_QUERY && TABLE_CATALOG.matcher(sql).find()
                        && !OBJECT_CATALOG.matcher(sql).find();
        return g.withSubjects(subjects, table);
    }

    /** Lower-cased string literals of the test (and of names and no-argument helpers it uses), and SQL words. */
    private static void collect(Expr e, Scope scope, Map<String, Stmt.FunctionDef> functions,
            java.util.Set<String> out, StringBuilder sql, int depth) {
        if (e == null || depth > 6) {
            return;
        }
        if (e instanceof Expr.BinOp b && (b.op().equals("+") || b.op().equals("%"))) {
            String resolved = StringResolver.constant(b, scope);
            if (resolved != null) {
                out.add(resolved.toLowerCase(java.util.Locale.ROOT));
                return;
            }
            if (StringResolver.resolve(b, scope) != null) {
                out.add(UNREADABLE); // a string built from parts we cannot read
                return;
            }
        }
        if (e instanceof Expr.Str s) {
            if (!s.isConstant()) {
                String resolved = StringResolver.constant(s, scope);
                if (resolved == null) {
                    out.add(UNREADABLE);
                    return;
                }
                out.add(resolved.toLowerCase(java.util.Locale.ROOT));
                return;
            }
            String text = s.constantText();
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (lower.indexOf(' ') >= 0 || lower.indexOf('\n') >= 0) {
                // A query: its quoted literals and the relations it reads name what it checks.
                sql.append(text).append('\n');
                boolean named = false;
                java.util.regex.Matcher q = QUOTED.matcher(lower);
                while (q.find()) {
                    addName(out, q.group(1));
                    named = true;
                }
                java.util.regex.Matcher r = RELATION.matcher(lower);
                while (r.find()) {
                    addName(out, r.group(1).replace("\"", ""));
                    named = true;
                }
                if (!named) {
                    // no query after all: a name with a space or a newline in it ("my column"), as in
                    // the guards the fixes write
                    out.add(lower);
                }
            } else {
                out.add(lower);
                int dot = lower.lastIndexOf('.');
                if (dot >= 0) {
                    out.add(lower.substring(dot + 1));
                }
            }
        }
        if (e instanceof Expr.Name n && scope != null) {
            Expr bound = scope.lookup(n.id());
            if (bound != null && bound != e) {
                collect(bound, scope, functions, out, sql, depth + 1);
            }
        }
        if (e instanceof Expr.Call c && c.func() instanceof Expr.Name fn && c.args().isEmpty()) {
            Stmt.FunctionDef def = functions.get(fn.id());
            if (def != null) {
                collectBody(def.body(), scope, functions, out, sql, depth + 1);
            }
        }
        for (int i = 0, n = e.childCount(); i < n; i++) {
            collect(e.child(i), scope, functions, out, sql, depth + 1);
        }
    }

    /** What a no-argument helper's body checks: the literals of all its statements. */
    private static void collectBody(List<Stmt> body, Scope scope, Map<String, Stmt.FunctionDef> functions,
            java.util.Set<String> out, StringBuilder sql, int depth) {
        for (Stmt st : body) {
            for (Expr x : dev.idemlint.python.StmtParts.expressions(st)) {
                collect(x, scope, functions, out, sql, depth);
            }
            collectBody(dev.idemlint.python.StmtParts.blocks(st), scope, functions, out, sql, depth);
        }
    }

    private static Guard detectKind(Expr test, Scope scope, Map<String, Stmt.FunctionDef> functions,
            Set<String> tainted) {
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(test);
        Guard rows = null;
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            if (e instanceof Expr.Name n && tainted.contains(n.id())) {
                return Guard.of(GuardKind.INSPECTOR, test.span(), "condition on '" + n.id() + "', read from the database");
            }
            if (e instanceof Expr.Call c) {
                String last = Names.lastPart(c.func());
                if (last != null && INSPECTOR_METHODS.contains(last)) {
                    return Guard.of(GuardKind.INSPECTOR, test.span(), "inspector." + last + "()");
                }
                if (last != null && c.func() instanceof Expr.Name fn) {
                    Stmt.FunctionDef def = functions.get(fn.id());
                    if (def != null && checksDatabase(def, scope, functions, 0)) {
                        return Guard.of(GuardKind.HELPER, test.span(), fn.id() + "()");
                    }
                }
                if (last != null && EXISTENCE_NAME.matcher(last).find()) {
                    return Guard.of(GuardKind.HELPER, test.span(), last + "()");
                }
            }
            // `if res.rowcount == 0:` after an UPDATE, `if not session.query(...).first():`: the
            // branch runs only while the rows are missing (the upsert idiom of data migrations).
            // Weaker evidence than a catalog or inspector check: kept only if nothing better turns up.
            if (rows == null && e instanceof Expr.Attribute a && a.attr().equals("rowcount")) {
                rows = Guard.of(GuardKind.DATA_QUERY, test.span(), "row count of a previous statement");
            }
            if (rows == null && e instanceof Expr.Call c && c.func() instanceof Expr.Attribute fa
                    && ROW_READS.contains(fa.attr())) {
                rows = Guard.of(GuardKind.DATA_QUERY, test.span(), "rows read from the database");
            }
            if (e instanceof Expr.Str s && CATALOG.matcher(s.constantText()).find()) {
                return Guard.of(GuardKind.CATALOG_QUERY, test.span(), "catalog query");
            }
            if (e instanceof Expr.Str s && SELECT.matcher(s.constantText()).find()) {
                return Guard.of(GuardKind.DATA_QUERY, test.span(), "data query");
            }
            if (e instanceof Expr.Name n && scope != null) {
                Expr bound = scope.lookup(n.id());
                if (bound instanceof Expr.Str s && CATALOG.matcher(s.constantText()).find()) {
                    return Guard.of(GuardKind.CATALOG_QUERY, test.span(), "catalog query");
                }
                if (bound instanceof Expr.Str s && SELECT.matcher(s.constantText()).find()) {
                    return Guard.of(GuardKind.DATA_QUERY, test.span(), "data query");
                }
            }
            for (int i = 0, n = e.childCount(); i < n; i++) {
                stack.push(e.child(i));
            }
        }
        return rows;
    }

    /**
     * Which way an existence check points: +1 when the condition is true while the object exists
     * ({@code insp.has_table(t)}, {@code "c" in cols}), -1 when it is true while the object is missing
     * ({@code not ...}, {@code not in}, {@code == 0}, {@code is None}), 0 when the analyzer cannot tell
     * ({@code and}/{@code or} mixes).
     */
    static int polarity(Expr test) {
        if (test instanceof Expr.UnaryOp u && u.op().equals("not")) {
            return -polarity(u.operand());
        }
        if (test instanceof Expr.BoolOp) {
            return 0;
        }
        if (test instanceof Expr.Compare c && c.ops().size() == 1) {
            String op = c.ops().get(0);
            Expr right = c.comparators().get(0);
            boolean empty = right instanceof Expr.Const k && (k.text().equals("None") || k.text().equals("False"))
                    || right instanceof Expr.Num n && n.text().equals("0");
            switch (op) {
                case "not in":
                    return -1;
                case "in":
                    return 1;
                case "==":
                case "is":
                    return empty ? -1 : 0;
                case "!=":
                case "is not":
                case ">":
                    return empty ? 1 : 0;
                default:
                    return 0;
            }
        }
        return 1;
    }

    /** True when evaluating {@code value} reads the database schema (used to taint locals). */
    static boolean readsSchema(Expr value, Scope scope, Map<String, Stmt.FunctionDef> functions, Set<String> tainted) {
        // Runs for every assignment: only the kind of evidence, not what the check names.
        return detectKind(value, scope, functions, tainted) != null;
    }

    /** A local function whose body consults the inspector or the catalog. */
    static boolean checksDatabase(Stmt.FunctionDef def, Scope scope, Map<String, Stmt.FunctionDef> functions,
            int depth) {
        if (depth > 4) {
            return false;
        }
        Deque<Object> stack = new ArrayDeque<>(def.body());
        while (!stack.isEmpty()) {
            Object o = stack.pop();
            if (o instanceof Expr e) {
                if (e instanceof Expr.Call c) {
                    String last = Names.lastPart(c.func());
                    if (last != null && INSPECTOR_METHODS.contains(last)) {
                        return true;
                    }
                    if (c.func() instanceof Expr.Name fn && functions.containsKey(fn.id())
                            && functions.get(fn.id()) != def
                            && checksDatabase(functions.get(fn.id()), scope, functions, depth + 1)) {
                        return true;
                    }
                }
                if (e instanceof Expr.Str s && CATALOG.matcher(s.constantText()).find()) {
                    return true;
                }
                for (Expr child : e.children()) {
                    stack.push(child);
                }
            } else if (o instanceof Stmt s) {
                for (Object child : StmtChildren.of(s)) {
                    stack.push(child);
                }
            }
        }
        return false;
    }
}
