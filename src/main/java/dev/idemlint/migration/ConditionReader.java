package dev.idemlint.migration;

import dev.idemlint.migration.Guard.Condition;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code if} test from its expression tree into a {@link Condition} on the schema: SQLAlchemy
 * inspector calls ({@code has_table}, {@code has_index}, membership in the names
 * {@code get_table_names()}, {@code get_columns()}, {@code get_indexes()} and the constraint listings
 * give), catalog queries run through {@code execute(text(...))} and read with {@code scalar()},
 * {@code first()} or {@code fetchone()}, local helper functions that return such a test, names bound to
 * any of these, and {@code not}/{@code and}/{@code or} of them. Whatever else reads the database is
 * {@link Condition.Opaque} (unknown, never guessed); a test that does not read the database at all
 * (a dialect or configuration check) is no guard.
 */
final class ConditionReader {
    /** Deeper tests, or helpers calling helpers deeper than this, are opaque rather than a deep stack. */
    private static final int MAX_DEPTH = 24;

    private static final Set<String> INSPECTOR_METHODS = Set.of("has_table", "has_index", "has_column", "has_sequence",
            "has_schema", "has_type", "has_constraint", "has_enum", "get_columns", "get_indexes",
            "get_unique_constraints", "get_foreign_keys", "get_check_constraints", "get_pk_constraint",
            "get_table_names", "get_enums", "get_view_names", "get_sequence_names", "get_schema_names",
            "get_materialized_view_names", "get_multi_columns", "get_multi_indexes", "get_table_options",
            "get_temp_table_names", "get_sorted_table_and_fkc_names", "get_multi_foreign_keys",
            "get_multi_unique_constraints", "get_multi_pk_constraint", "get_multi_check_constraints");

    /** Inspector listings of a table's objects, each a list of dicts with a {@code "name"} key. */
    private static final Map<String, ObjectKind> TABLE_LISTINGS = Map.of("get_columns", ObjectKind.COLUMN,
            "get_indexes", ObjectKind.INDEX, "get_unique_constraints", ObjectKind.CONSTRAINT,
            "get_foreign_keys", ObjectKind.CONSTRAINT, "get_check_constraints", ObjectKind.CONSTRAINT);

    /** Inspector listings of names in a schema. */
    private static final Map<String, ObjectKind> SCHEMA_NAMES = Map.of("get_table_names", ObjectKind.TABLE,
            "get_view_names", ObjectKind.VIEW, "get_sequence_names", ObjectKind.SEQUENCE,
            "get_materialized_view_names", ObjectKind.MATERIALIZED_VIEW, "get_schema_names", ObjectKind.SCHEMA);

    private static final Set<String> ROW_READS = Set.of("first", "one_or_none", "fetchone", "fetchall",
            "scalar", "scalar_one_or_none", "scalars", "all", "count", "exists", "one", "scalar_one");

    /** Imported helpers we cannot see into, whose name says they check existence. */
    private static final Pattern EXISTENCE_NAME = Pattern.compile(
            "(?i)(exist|^has_|_has_|^is_present|_present$|^missing|_missing$|^already_)");

    static final Pattern CATALOG = Pattern.compile("(?i)\\b(pg_type|pg_class|pg_index|pg_indexes|pg_constraint"
            + "|pg_attribute|pg_namespace|pg_enum|pg_extension|pg_proc|pg_trigger|pg_policies|pg_policy"
            + "|pg_catalog|pg_tables|pg_views|pg_matviews|pg_sequences|pg_roles|pg_user|information_schema"
            + "|to_regclass|to_regtype|to_regproc|to_regnamespace|sqlite_master)\\b");
    private static final Pattern SELECT = Pattern.compile("(?is)^\\s*(WITH\\b.*\\bSELECT|SELECT)\\b");

    /** How strongly the test reads the database; the strongest evidence names the guard's kind. */
    private GuardKind evidence;
    private String description;
    private final Map<String, Stmt.FunctionDef> functions;
    private final Set<String> tainted;
    private final Set<Stmt.FunctionDef> active = new HashSet<>();

    private ConditionReader(Map<String, Stmt.FunctionDef> functions, Set<String> tainted) {
        this.functions = functions;
        this.tainted = tainted;
    }

    /** The guard {@code test} makes for its then-branch, or null when it does not read the database. */
    static Guard guard(Expr test, Scope scope, Map<String, Stmt.FunctionDef> functions, Set<String> tainted) {
        ConditionReader r = new ConditionReader(functions, tainted);
        Condition c = r.truth(r.read(test, scope, 0));
        if (r.evidence == null) {
            return null;
        }
        return new Guard(r.evidence, test.span(), r.description, Set.of(), c);
    }

    /**
     * The guard of the body of a loop over {@code items} when a local helper that reads the database builds them
     * ({@code for table, column in get_data():}, where get_data keeps the columns the inspector lists under one
     * name): how many times the body runs, on the first run and on the re-run, is what the helper reads then.
     * Null for any other loop (a listing read in place binds its item instead: OpExtractor).
     */
    static Guard loopOverHelper(Expr items, Scope scope, Map<String, Stmt.FunctionDef> functions,
            Set<String> tainted) {
        ConditionReader r = new ConditionReader(functions, tainted);
        r.read(items, scope, 0);
        if (r.evidence != GuardKind.HELPER) {
            return null;
        }
        return new Guard(GuardKind.HELPER, items.span(), "a loop over what " + r.description
                + " reads from the database", Set.of(), new Condition.Opaque(r.description + " lists"));
    }

    /** True when evaluating {@code value} reads the database (a local bound to it is a check's result). */
    static boolean readsSchema(Expr value, Scope scope, Map<String, Stmt.FunctionDef> functions, Set<String> tainted) {
        ConditionReader r = new ConditionReader(functions, tainted);
        r.read(value, scope, 0);
        return r.evidence != null;
    }

    /** What an expression is worth as a test. */
    private sealed interface Val {
    }

    /** A truth value. */
    private record Cond(Condition c) implements Val {
    }

    /** A list of object names: membership tests an object's existence. */
    private record NameList(ObjectKind kind, String schema, String table, boolean raises) implements Val {
    }

    /** An inspector listing of dicts with a "name" key ({@code get_columns("t")}). */
    private record Listing(ObjectKind kind, String schema, String table, boolean raises) implements Val {
    }

    /** One dict of a listing, as a loop variable over it. */
    private record Item(Listing of) implements Val {
    }

    /** A query's result, truthy exactly when {@code rows} holds. */
    private record Rows(Condition rows) implements Val {
    }

    private static final Val UNREAD = new Cond(new Condition.Opaque("unread"));

    private void saw(GuardKind kind, String desc) {
        if (evidence == null || rank(kind) > rank(evidence)) {
            evidence = kind;
            description = desc;
        }
    }

    private static int rank(GuardKind k) {
        return switch (k) {
            case DATA_QUERY -> 0;
            case HELPER -> 1;
            case CATALOG_QUERY -> 2;
            case INSPECTOR -> 3;
            default -> -1;
        };
    }

    private Condition truth(Val v) {
        if (v instanceof Cond c) {
            return c.c();
        }
        if (v instanceof Rows r) {
            return r.rows();
        }
        return new Condition.Opaque("a list's truth");
    }

    private Val read(Expr e, Scope scope, int depth) {
        if (e == null || depth > MAX_DEPTH) {
            return UNREAD;
        }
        if (e instanceof Expr.Name n) {
            Expr bound = scope == null ? null : scope.lookup(n.id());
            if (bound instanceof Expr.Opaque o && o.kind().equals(LOOP_ITEM) && !o.children().isEmpty()) {
                Val over = read(o.children().get(0), scope, depth + 1);
                return over instanceof Listing l ? new Item(l) : UNREAD;
            }
            if (bound != null && bound != e) {
                Val v = read(bound, scope, depth + 1);
                if (v != UNREAD || !tainted.contains(n.id())) {
                    return v;
                }
            }
            if (tainted.contains(n.id())) {
                saw(GuardKind.INSPECTOR, "condition on '" + n.id() + "', read from the database");
                return new Cond(new Condition.Opaque("'" + n.id() + "', read from the database"));
            }
            return UNREAD;
        }
        if (e instanceof Expr.UnaryOp u && u.op().equals("not")) {
            return new Cond(Condition.not(truth(read(u.operand(), scope, depth + 1))));
        }
        if (e instanceof Expr.BoolOp b) {
            List<Condition> parts = new ArrayList<>();
            for (Expr x : b.values()) {
                parts.add(truth(read(x, scope, depth + 1)));
            }
            return new Cond(b.op().equals("and") ? Condition.all(parts) : Condition.any(parts));
        }
        if (e instanceof Expr.Compare c) {
            return compare(c, scope, depth);
        }
        if (e instanceof Expr.Call c) {
            return call(c, scope, depth);
        }
        if (e instanceof Expr.Opaque o && (o.kind().equals("listcomp") || o.kind().equals("setcomp")
                || o.kind().equals("genexp")) && o.children().size() == 2) {
            // [c["name"] for c in insp.get_columns("t")]: the names of the listed objects
            Val over = read(o.children().get(1), scope, depth + 1);
            if (over instanceof Listing l && isNameKey(o.children().get(0))) {
                return new NameList(l.kind(), l.schema(), l.table(), l.raises());
            }
            if (over instanceof NameList) {
                return over;
            }
        }
        if (e instanceof Expr.Attribute a && a.attr().equals("rowcount")) {
            saw(GuardKind.DATA_QUERY, "row count of a previous statement");
            return new Cond(new Condition.Opaque("a row count"));
        }
        // anything else: unread, though what it reads still counts as evidence of a database check
        for (int i = 0, n = e.childCount(); i < n; i++) {
            read(e.child(i), scope, depth + 1);
        }
        if (e instanceof Expr.Str s && !s.bytes()) {
            String text = s.constantText();
            if (CATALOG.matcher(text).find()) {
                saw(GuardKind.CATALOG_QUERY, "catalog query");
            } else if (SELECT.matcher(text).find()) {
                saw(GuardKind.DATA_QUERY, "data query");
            }
        }
        return UNREAD;
    }

    /** The marker OpExtractor binds a loop variable to when the loop runs over an inspector listing. */
    static final String LOOP_ITEM = "inspector-item";

    private static boolean isNameKey(Expr e) {
        return e instanceof Expr.Subscript s && s.index() instanceof Expr.Str k && k.isConstant()
                && k.constantText().equals("name");
    }

    private Val compare(Expr.Compare c, Scope scope, int depth) {
        if (c.ops().size() != 1) {
            read(c.left(), scope, depth + 1);
            c.comparators().forEach(x -> read(x, scope, depth + 1));
            return new Cond(new Condition.Opaque("a chained comparison"));
        }
        String op = c.ops().get(0);
        Expr left = c.left();
        Expr right = c.comparators().get(0);
        if (op.equals("in") || op.equals("not in")) {
            Val names = read(right, scope, depth + 1);
            String name = StringResolver.constant(left, scope);
            if (names instanceof NameList n && name != null) {
                Condition x = exists(n.kind(), n.schema(), n.table(), name, n.raises());
                return new Cond(op.equals("in") ? x : Condition.not(x));
            }
            read(left, scope, depth + 1);
            return new Cond(new Condition.Opaque("a membership test"));
        }
        if (op.equals("==") || op.equals("!=")) {
            // item["name"] == "x", where item runs over an inspector listing
            for (int side = 0; side < 2; side++) {
                Expr item = side == 0 ? left : right;
                Expr other = side == 0 ? right : left;
                if (item instanceof Expr.Subscript s && isNameKey(s)) {
                    Val v = read(s.value(), scope, depth + 1);
                    String name = StringResolver.constant(other, scope);
                    if (v instanceof Item it && name != null) {
                        Listing l = it.of();
                        Condition x = exists(l.kind(), l.schema(), l.table(), name, l.raises());
                        return new Cond(op.equals("==") ? x : Condition.not(x));
                    }
                }
            }
        }
        Boolean empty = emptyValue(right, op);
        if (empty != null) {
            // x is None, x == 0, x > 0, x is not None: the left side's truth or its negation
            Condition t = truth(read(left, scope, depth + 1));
            return new Cond(empty ? Condition.not(t) : t);
        }
        read(left, scope, depth + 1);
        read(right, scope, depth + 1);
        return new Cond(new Condition.Opaque("a comparison"));
    }

    /** True when {@code x <op> right} holds exactly when x is empty/None/0, false when exactly when it is not, else null. */
    private static Boolean emptyValue(Expr right, String op) {
        boolean none = right instanceof Expr.Const k && (k.text().equals("None") || k.text().equals("False"));
        boolean zero = right instanceof Expr.Num n && n.text().equals("0");
        boolean one = right instanceof Expr.Num n && n.text().equals("1");
        boolean isTrue = right instanceof Expr.Const k && k.text().equals("True");
        return switch (op) {
            case "is", "==" -> none || zero ? Boolean.TRUE : isTrue ? Boolean.FALSE : null;
            case "is not", "!=" -> none || zero ? Boolean.FALSE : isTrue ? Boolean.TRUE : null;
            case ">" -> zero ? Boolean.FALSE : null;
            case ">=" -> one ? Boolean.FALSE : null;
            case "<" -> one ? Boolean.TRUE : null;
            default -> null;
        };
    }

    /**
     * The test that {@code name} is among a listing's names. A relation's {@code schema.name} is split: a catalog
     * query may list names joined that way. (The inspector's own lookups take a name as written.)
     */
    private static Condition exists(ObjectKind kind, String schema, String table, String name, boolean raises) {
        if (ObjectKind.TABLE == kind || ObjectKind.VIEW == kind || ObjectKind.SEQUENCE == kind
                || ObjectKind.MATERIALIZED_VIEW == kind) {
            int dot = name.indexOf('.');
            if (schema == null && dot > 0 && dot == name.lastIndexOf('.')) {
                return new Condition.Exists(kind, name.substring(0, dot), null, name.substring(dot + 1), raises);
            }
        }
        return new Condition.Exists(kind, schema, table, name, raises);
    }

    private Val call(Expr.Call c, Scope scope, int depth) {
        String last = Names.lastPart(c.func());
        if (last != null && INSPECTOR_METHODS.contains(last) && c.func() instanceof Expr.Attribute) {
            saw(GuardKind.INSPECTOR, "inspector." + last + "()");
            return inspector(last, c, scope);
        }
        if (c.func() instanceof Expr.Attribute a && ROW_READS.contains(a.attr())) {
            Val q = query(a.value(), a.attr(), scope, depth);
            if (q != null) {
                return q;
            }
        }
        if (c.func() instanceof Expr.Name fn) {
            if ((fn.id().equals("any") || fn.id().equals("bool")) && c.args().size() == 1 && c.args().get(0).keyword() == null) {
                Expr arg = c.args().get(0).value();
                if (fn.id().equals("any") && arg instanceof Expr.Opaque o && o.kind().equals("genexp")
                        && o.children().size() == 2) {
                    // any(c["name"] == "x" for c in insp.get_columns("t"))
                    Val over = read(o.children().get(1), scope, depth + 1);
                    if (over instanceof Listing l && o.children().get(0) instanceof Expr.Compare cmp
                            && cmp.ops().size() == 1 && cmp.ops().get(0).equals("==") && isNameKey(cmp.left())) {
                        String name = StringResolver.constant(cmp.comparators().get(0), scope);
                        if (name != null) {
                            return new Cond(exists(l.kind(), l.schema(), l.table(), name, l.raises()));
                        }
                    }
                }
                return new Cond(truth(read(arg, scope, depth + 1)));
            }
            Stmt.FunctionDef def = functions.get(fn.id());
            if (def != null) {
                GuardKind before = evidence;
                Val v = helper(def, c, scope, depth);
                if (v != null) {
                    if (evidence != null && evidence != before && evidence != GuardKind.DATA_QUERY) {
                        // a local helper that checks the database is the guard, whatever it asks inside
                        evidence = GuardKind.HELPER;
                        description = fn.id() + "()";
                    }
                    return v;
                }
            } else if (EXISTENCE_NAME.matcher(fn.id()).find()) {
                saw(GuardKind.HELPER, fn.id() + "()");
                for (Arg a : c.args()) {
                    read(a.value(), scope, depth + 1);
                }
                return new Cond(new Condition.Opaque(fn.id() + "(), which idemlint cannot see into"));
            }
        } else if (last != null && EXISTENCE_NAME.matcher(last).find()) {
            saw(GuardKind.HELPER, last + "()");
            read(c.func(), scope, depth + 1);
            return new Cond(new Condition.Opaque(last + "(), which idemlint cannot see into"));
        }
        for (int i = 0, n = c.childCount(); i < n; i++) {
            read(c.child(i), scope, depth + 1);
        }
        return UNREAD;
    }

    private static String schemaArg(Expr.Call c, Scope scope) {
        Arg s = c.keyword("schema");
        return s == null ? null : StringResolver.constant(s.value(), scope);
    }

    private static String arg(Expr.Call c, int i, String keyword, Scope scope) {
        Arg k = c.keyword(keyword);
        Expr e = k != null ? k.value() : c.positional(i);
        return e == null ? null : StringResolver.constant(e, scope);
    }

    private Val inspector(String method, Expr.Call c, Scope scope) {
        String schema = schemaArg(c, scope);
        if (c.keyword("schema") != null && schema == null) {
            return new Cond(new Condition.Opaque("a check in a schema named at run time"));
        }
        switch (method) {
            case "has_table": {
                // the inspector looks the name up as written: has_table("a.b") asks for a table named "a.b"
                String t = arg(c, 0, "table_name", scope);
                return t == null ? UNREAD : new Cond(new Condition.Exists(ObjectKind.TABLE, schema, null, t, false));
            }
            case "has_index": {
                String t = arg(c, 0, "table_name", scope);
                String ix = arg(c, 1, "index_name", scope);
                return t == null || ix == null ? UNREAD
                        : new Cond(new Condition.Exists(ObjectKind.INDEX, schema, t, ix, false));
            }
            case "has_sequence": {
                String s = arg(c, 0, "sequence_name", scope);
                return s == null ? UNREAD : new Cond(new Condition.Exists(ObjectKind.SEQUENCE, schema, null, s, false));
            }
            case "has_schema": {
                String s = arg(c, 0, "schema_name", scope);
                return s == null ? UNREAD : new Cond(new Condition.Exists(ObjectKind.SCHEMA, null, null, s, false));
            }
            default:
                break;
        }
        if (TABLE_LISTINGS.containsKey(method)) {
            String t = arg(c, 0, "table_name", scope);
            return t == null ? UNREAD : new Listing(TABLE_LISTINGS.get(method), schema, t, true);
        }
        if (SCHEMA_NAMES.containsKey(method)) {
            return new NameList(SCHEMA_NAMES.get(method), schema, null, false);
        }
        if (method.equals("get_enums")) {
            return new Listing(ObjectKind.TYPE, schema, null, false);
        }
        return UNREAD;
    }

    /**
     * {@code bind.execute(text(sql), params).scalar()} and its kin: truthy exactly when the catalog has
     * the object the query looks for, when the query and the way its rows are read say so. Null when
     * {@code receiver} is no {@code execute} call.
     */
    private Val query(Expr receiver, String read, Scope scope, int depth) {
        Expr r = receiver;
        if (r instanceof Expr.Name n && scope != null && scope.lookup(n.id()) instanceof Expr.Call bound) {
            r = bound;
        }
        if (!(r instanceof Expr.Call ex) || !"execute".equals(Names.lastPart(ex.func())) || ex.args().isEmpty()) {
            return null;
        }
        read(ex.func(), scope, depth + 1);
        Expr sqlArg = ex.args().get(0).value();
        String sql = StringResolver.constant(sqlArg, scope);
        if (sql == null) {
            SqlText partial = StringResolver.resolve(sqlArg, scope);
            sql = partial == null ? null : partial.text();
            for (Arg a : ex.args()) {
                read(a.value(), scope, depth + 1);
            }
            if (sql != null && CATALOG.matcher(sql).find()) {
                saw(GuardKind.CATALOG_QUERY, "catalog query");
                return new Cond(new Condition.Opaque("a catalog query built at run time"));
            }
            if (sql != null && SELECT.matcher(sql).find()) {
                saw(GuardKind.DATA_QUERY, "data query");
            }
            saw(GuardKind.DATA_QUERY, "rows read from the database");
            return new Cond(new Condition.Opaque("a query built at run time"));
        }
        if (!CATALOG.matcher(sql).find()) {
            saw(GuardKind.DATA_QUERY, "data query");
            return new Cond(new Condition.Opaque("a data query"));
        }
        saw(GuardKind.CATALOG_QUERY, "catalog query");
        Map<String, String> params = new HashMap<>();
        if (ex.args().size() > 1 && ex.args().get(1).value() instanceof Expr.Dict d) {
            for (int i = 0; i < d.keys().size(); i++) {
                String k = d.keys().get(i) == null ? null : StringResolver.constant(d.keys().get(i), scope);
                String v = StringResolver.constant(d.values().get(i), scope);
                if (k != null && v != null) {
                    params.put(k, v);
                }
            }
        }
        for (Arg a : ex.args()) {
            if (a.keyword() != null) {
                String v = StringResolver.constant(a.value(), scope);
                if (v != null) {
                    params.put(a.keyword(), v);
                }
            }
        }
        Condition c = CatalogQuery.read(sql, params, read);
        return new Rows(c);
    }

    /**
     * A local function called in the test: its straight-line body (assignments, then one {@code return})
     * read with the call's arguments bound to its parameters. Null when it is not such a function.
     */
    private Val helper(Stmt.FunctionDef def, Expr.Call call, Scope scope, int depth) {
        if (!active.add(def)) {
            return null;
        }
        try {
            Scope inner = new Scope(scope);
            List<String> params = def.params().stream().map(OpExtractor::paramName).toList();
            int positional = 0;
            for (Arg a : call.args()) {
                if (a.star() != 0) {
                    return opaqueHelper(def, depth);
                }
            }
            for (String p : params) {
                inner.unbind(p);
            }
            for (Arg a : call.args()) {
                if (a.keyword() == null) {
                    if (positional < params.size()) {
                        inner.bind(params.get(positional), a.value());
                    }
                    positional++;
                } else if (params.contains(a.keyword())) {
                    inner.bind(a.keyword(), a.value());
                }
            }
            for (Stmt s : def.body()) {
                if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n) {
                    inner.bind(n.id(), a.value());
                } else if (s instanceof Stmt.Return r) {
                    GuardKind before = evidence;
                    Val v = read(r.value(), inner, depth + 1);
                    if (evidence != before || evidence != null && rank(evidence) > 0) {
                        if (evidence != GuardKind.INSPECTOR && evidence != GuardKind.CATALOG_QUERY) {
                            saw(GuardKind.HELPER, def.name() + "()");
                        }
                    }
                    return v;
                } else if (!(s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Str)) {
                    return opaqueHelper(def, depth);
                }
            }
            return opaqueHelper(def, depth);
        } finally {
            active.remove(def);
        }
    }

    /** A helper whose body is not one test: a guard only when it reads the database somewhere. */
    private Val opaqueHelper(Stmt.FunctionDef def, int depth) {
        if (checksDatabase(def, depth)) {
            saw(GuardKind.HELPER, def.name() + "()");
            return new Cond(new Condition.Opaque(def.name() + "(), whose body is not one test"));
        }
        return null;
    }

    private boolean checksDatabase(Stmt.FunctionDef def, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        ArrayDeque<Object> stack = new ArrayDeque<>(def.body());
        while (!stack.isEmpty()) {
            Object o = stack.pop();
            if (o instanceof Expr e) {
                if (e instanceof Expr.Call c) {
                    String last = Names.lastPart(c.func());
                    if (last != null && INSPECTOR_METHODS.contains(last)) {
                        return true;
                    }
                    if (c.func() instanceof Expr.Name fn && functions.containsKey(fn.id())
                            && functions.get(fn.id()) != def && active.add(functions.get(fn.id()))) {
                        try {
                            if (checksDatabase(functions.get(fn.id()), depth + 1)) {
                                return true;
                            }
                        } finally {
                            active.remove(functions.get(fn.id()));
                        }
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

    /**
     * What a query on PostgreSQL's catalog looks for: one relation of the catalog, filtered by equality on
     * the columns that name objects ({@code WHERE table_name = 't' AND column_name = 'c'}), its rows read in
     * a way whose truth is the object's existence. Anything else is opaque.
     */
    static final class CatalogQuery {
        private CatalogQuery() {
        }

        /** catalog relation -> (kind, name column, table column, schema column). */
        private record Shape(ObjectKind kind, String name, String table, String schema) {
        }

        private static final Map<String, Shape> SHAPES = Map.ofEntries(
                Map.entry("information_schema.tables", new Shape(ObjectKind.TABLE, "table_name", null, "table_schema")),
                Map.entry("information_schema.columns", new Shape(ObjectKind.COLUMN, "column_name", "table_name", "table_schema")),
                Map.entry("information_schema.table_constraints", new Shape(ObjectKind.CONSTRAINT, "constraint_name", "table_name", "table_schema")),
                Map.entry("information_schema.schemata", new Shape(ObjectKind.SCHEMA, "schema_name", null, null)),
                Map.entry("information_schema.sequences", new Shape(ObjectKind.SEQUENCE, "sequence_name", null, "sequence_schema")),
                Map.entry("information_schema.views", new Shape(ObjectKind.VIEW, "table_name", null, "table_schema")),
                Map.entry("pg_tables", new Shape(ObjectKind.TABLE, "tablename", null, "schemaname")),
                Map.entry("pg_indexes", new Shape(ObjectKind.INDEX, "indexname", "tablename", "schemaname")),
                Map.entry("pg_type", new Shape(ObjectKind.TYPE, "typname", null, null)),
                Map.entry("pg_constraint", new Shape(ObjectKind.CONSTRAINT, "conname", null, null)),
                Map.entry("pg_extension", new Shape(ObjectKind.EXTENSION, "extname", null, null)),
                Map.entry("pg_namespace", new Shape(ObjectKind.SCHEMA, "nspname", null, null)),
                Map.entry("pg_proc", new Shape(ObjectKind.FUNCTION, "proname", null, null)),
                Map.entry("pg_sequences", new Shape(ObjectKind.SEQUENCE, "sequencename", null, "schemaname")),
                Map.entry("pg_views", new Shape(ObjectKind.VIEW, "viewname", null, "schemaname")),
                Map.entry("pg_matviews", new Shape(ObjectKind.MATERIALIZED_VIEW, "matviewname", null, "schemaname")),
                Map.entry("pg_class", new Shape(ObjectKind.TABLE, "relname", null, null)),
                Map.entry("pg_roles", new Shape(ObjectKind.ROLE, "rolname", null, null)));

        // Matched against the query without its end (trailing whitespace, one ';'), whitespace possessive, a
        // keyword's run of whitespace taken from its start: a `\s*;?\s*$` tail, or a lazy group before a
        // backtracking `\s+`, retries every split of a whitespace run, cubic in its length.
        private static final Pattern FROM = Pattern.compile(
                "(?is)^\\s*+select\\s++(.+?)(?<!\\s)\\s++from\\s++((?:pg_catalog\\.)?[a-z_]++(?:\\.[a-z_]++)?)"
                        + "(?:\\s++(?:as\\s++)?([a-z_]\\w*+))?\\s++where\\s++(.+)$");
        private static final Pattern EXISTS_WRAP = Pattern.compile("(?is)^\\s*+select\\s++(not\\s++)?exists\\s*+\\((.*)\\)$");
        private static final Pattern EQ = Pattern.compile(
                "(?is)^(?:[a-z_]\\w*\\.)?([a-z_]\\w*)\\s*=\\s*(?:'([^']*)'|:([a-z_]\\w*)|%\\(([a-z_]\\w*)\\)s)(?:::\\w+)?$");
        private static final Pattern TO_REG = Pattern.compile(
                "(?is)^\\s*+select\\s++(to_regclass|to_regtype)\\s*+\\(\\s*+(?:'([^']*)'|:([a-z_]\\w*))\\s*+\\)(?:::\\w+)?"
                        + "(?:\\s*+(is\\s++not\\s++null|is\\s++null))?$");
        /** One item of a plain select list; the list is split on its commas (a repeated group recurses per item). */
        private static final Pattern LIST_ITEM = Pattern.compile("(?i)[a-z_][\\w.]*");
        private static final Pattern COUNT = Pattern.compile("(?is)^count\\s*\\(\\s*(\\*|1|[a-z_][\\w.]*)\\s*\\)$");
        private static final Pattern AND = Pattern.compile("(?i)(?<!\\s)\\s++and\\s++");
        private static final Pattern OUTER_PARENS = Pattern.compile("^\\(|\\)$");
        private static final Pattern SPACES = Pattern.compile("\\s+");

        /** Whether {@code c} is a regex {@code \\s}: the whitespace the patterns above skip. */
        private static boolean space(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
        }

        /** {@code sql} without its end: trailing whitespace, then one {@code ;} and the whitespace before it. */
        private static String withoutEnd(String sql) {
            int end = sql.length();
            while (end > 0 && space(sql.charAt(end - 1))) {
                end--;
            }
            if (end > 0 && sql.charAt(end - 1) == ';') {
                end--;
                while (end > 0 && space(sql.charAt(end - 1))) {
                    end--;
                }
            }
            return sql.substring(0, end);
        }

        /** {@code 1}, {@code *}, {@code true}, or names separated by commas. */
        private static boolean simpleList(String list) {
            if (list.equals("1") || list.equals("*") || list.equalsIgnoreCase("true")) {
                return true;
            }
            for (String item : list.split(",", -1)) {
                int from = 0;
                int to = item.length();
                while (from < to && space(item.charAt(from))) {
                    from++;
                }
                while (to > from && space(item.charAt(to - 1))) {
                    to--;
                }
                if (!LIST_ITEM.matcher(item.substring(from, to)).matches()) {
                    return false;
                }
            }
            return true;
        }

        static Condition read(String query, Map<String, String> params, String read) {
            String sql = withoutEnd(query);
            boolean scalar = read.equals("scalar") || read.equals("scalar_one_or_none") || read.equals("scalar_one");
            boolean rows = read.equals("first") || read.equals("fetchone") || read.equals("one_or_none")
                    || read.equals("fetchall") || read.equals("all");
            Matcher reg = TO_REG.matcher(sql);
            if (reg.matches()) {
                // to_regclass('t') is NULL when there is no such relation; a row comes back either way
                String name = reg.group(2) != null ? reg.group(2) : params.get(reg.group(3));
                if (!scalar || name == null || name.indexOf('"') >= 0) {
                    return new Condition.Opaque("a catalog query");
                }
                ObjectKind kind = reg.group(1).equalsIgnoreCase("to_regclass") ? ObjectKind.TABLE : ObjectKind.TYPE;
                Condition x = qualified(kind, name);
                String tail = reg.group(4) == null ? "" : SPACES.matcher(reg.group(4).toLowerCase(Locale.ROOT)).replaceAll(" ");
                return tail.equals("is null") ? Condition.not(x) : x;
            }
            Matcher ex = EXISTS_WRAP.matcher(sql);
            if (ex.matches()) {
                // SELECT EXISTS (SELECT ...): one row holding a boolean
                Condition x = where(withoutEnd(ex.group(2)), params);
                if (!scalar || x == null) {
                    return new Condition.Opaque("a catalog query");
                }
                return ex.group(1) != null ? Condition.not(x) : x;
            }
            Matcher f = FROM.matcher(sql);
            if (!f.matches()) {
                return new Condition.Opaque("a catalog query");
            }
            String list = f.group(1).trim();
            boolean count = COUNT.matcher(list).matches();
            // count(*) always returns a row: only its value (scalar) says whether the object is there
            if (count ? !scalar : !(simpleList(list) && (scalar || rows))) {
                return new Condition.Opaque("a catalog query");
            }
            Condition x = where(sql, params);
            return x == null ? new Condition.Opaque("a catalog query") : x;
        }

        private static Condition qualified(ObjectKind kind, String name) {
            int dot = name.indexOf('.');
            return dot > 0 && dot == name.lastIndexOf('.')
                    ? new Condition.Exists(kind, name.substring(0, dot), null, name.substring(dot + 1), false)
                    : new Condition.Exists(kind, null, null, name, false);
        }

        /** The object a single-catalog {@code SELECT ... FROM catalog WHERE a = 'x' AND ...} looks for, or null. */
        private static Condition where(String select, Map<String, String> params) {
            Matcher f = FROM.matcher(select);
            if (!f.matches()) {
                return null;
            }
            String relation = f.group(2).toLowerCase(Locale.ROOT).replace("pg_catalog.", "");
            Shape shape = SHAPES.get(relation);
            String alias = f.group(3);
            if (shape == null || alias != null && Set.of("where", "join", "on", "inner", "left").contains(
                    alias.toLowerCase(Locale.ROOT))) {
                return null;
            }
            Map<String, String> eq = new HashMap<>();
            for (String part : AND.split(f.group(4))) {
                Matcher m = EQ.matcher(OUTER_PARENS.matcher(part.trim()).replaceAll(""));
                if (!m.matches()) {
                    return null; // OR, LIKE, a join condition, a subquery: not read
                }
                String value = m.group(2) != null ? m.group(2) : params.get(m.group(3) != null ? m.group(3) : m.group(4));
                if (value == null) {
                    return null;
                }
                eq.put(m.group(1).toLowerCase(Locale.ROOT), value);
            }
            String name = eq.remove(shape.name());
            if (name == null) {
                return null;
            }
            String table = shape.table() == null ? null : eq.remove(shape.table());
            String schema = shape.schema() == null ? null : eq.remove(shape.schema());
            ObjectKind kind = shape.kind();
            if (relation.equals("pg_class")) {
                String relkind = eq.remove("relkind");
                if (relkind != null) {
                    kind = switch (relkind) {
                        case "i", "I" -> ObjectKind.INDEX;
                        case "S" -> ObjectKind.SEQUENCE;
                        case "v" -> ObjectKind.VIEW;
                        case "m" -> ObjectKind.MATERIALIZED_VIEW;
                        default -> ObjectKind.TABLE;
                    };
                }
            }
            eq.remove("contype");
            eq.remove("table_catalog");
            eq.remove("constraint_type");
            eq.remove("typtype");
            if (!eq.isEmpty()) {
                return null; // another filter (a column of some other table): unread
            }
            if (kind == ObjectKind.COLUMN && table == null) {
                return null;
            }
            return new Condition.Exists(kind, schema, table, name, false);
        }
    }
}
