package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import java.util.ArrayDeque;
import java.util.Deque;
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

    private static final Pattern EXISTENCE_NAME = Pattern.compile(
            "(?i)(exist|^has_|_has_|^is_present|_present$|^missing|_missing$|^already_)");

    private GuardDetector() {
    }

    /** Evidence that {@code test} checks the database, or null. */
    static Guard detect(Expr test, Scope scope, Map<String, Stmt.FunctionDef> functions, Set<String> tainted) {
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(test);
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
            if (e instanceof Expr.Str s && CATALOG.matcher(s.constantText()).find()) {
                return Guard.of(GuardKind.CATALOG_QUERY, test.span(), "catalog query");
            }
            if (e instanceof Expr.Name n && scope != null) {
                Expr bound = scope.lookup(n.id());
                if (bound instanceof Expr.Str s && CATALOG.matcher(s.constantText()).find()) {
                    return Guard.of(GuardKind.CATALOG_QUERY, test.span(), "catalog query");
                }
            }
            for (Expr child : e.children()) {
                stack.push(child);
            }
        }
        return null;
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
        return detect(value, scope, functions, tainted) != null;
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
                e.children().forEach(stack::push);
            } else if (o instanceof Stmt s) {
                StmtChildren.of(s).forEach(stack::push);
            }
        }
        return false;
    }
}
