package dev.idemlint.migration;

import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import dev.idemlint.source.SourceFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test on a helper of the project that only reads tables the revision leaves alone: {@code if not
 * legacy_utils.is_migration_needed(84): return}, whose body reflects the catalog for the membership of one literal
 * table name and runs {@code SELECT version FROM migrate_version}. Between a revision's first run and its re-run only
 * that revision runs, so when the revision never names those tables and calls no other helper of the project, the
 * helper answers the same on both runs: the test is read as a condition on configuration ({@link GuardKind#SETTING}).
 * The body is read, not run ({@link DialectHelpers#function}); it is read-only when every statement is a docstring, an
 * assignment to a name, an {@code if}, a {@code return} or a {@code try} of such statements, and every call is one of:
 * {@code MetaData()} (or {@code MetaData(bind=...)}), its {@code reflect(bind=...)}, {@code get_bind()}, {@code
 * text()} of one literal plain {@code SELECT ... FROM t}, {@code execute()} of such a text and a row read of its
 * result, a logging call, or a builtin conversion. A reflected MetaData may only be asked whether a literal name is
 * among its tables. Anything else (a write, DDL, a call not read, a query not read) leaves the test unknown.
 * Besides the helper, the revision may use other names of the project only as values that touch no database: a
 * column type class that renders as a plain type ({@link ProjectTypes}), a function of the project read-only by the
 * same rules ({@code default=utils.generate_uuid}, {@code utils.split_host_port(row["value"])}, a function that only
 * registers oslo.config options), and the tables such a function reads must be left alone too.
 */
final class ReadOnlyHelpers {
    private static final Pattern SELECT = Pattern.compile(
            "(?is)\\s*SELECT\\s+(?:count\\(\\*\\)|[\\w\\s,.*])+?\\s+FROM\\s+`?(\\w+)`?"
            + "(\\s+WHERE\\s+[\\w\\s=<>'.]+)?\\s*;?\\s*");
    private static final Set<String> ROW_READS = Set.of("scalar", "scalar_one", "scalar_one_or_none", "first",
            "fetchone", "fetchall", "one", "one_or_none", "all");
    private static final Set<String> LOGGERS = Set.of("log", "logger", "logging", "_log", "_logger");
    private static final Set<String> LOG_LEVELS = Set.of("debug", "info", "warning", "warn", "error", "exception");
    private static final Set<String> BUILTINS = Set.of("int", "str", "bool", "len");
    private static final Set<String> LIBRARIES = Set.of("alembic", "sqlalchemy", "oslo_log", "logging");
    /** Folders above the revision searched for the helper's package. */
    private static final int MAX_LEVELS = 8;
    /**
     * The most guards on a project helper read in one revision: each reads the revision's text again, and a real
     * revision has one; past it a guard stays a condition on unknown state.
     */
    static final int MAX_GUARDS = 16;
    /** Distinct project names looked up for one guard ({@link #valueUse}): past it the guard stays unknown. */
    private static final int MAX_USES = 16;
    private static final Pattern MEMBER = Pattern.compile("\\.([A-Za-z_]\\w*)\\b(?!\\s*\\.)");
    /**
     * Library calls a read-only function of the project may make for a value, by the dotted origin of the name it
     * calls them on: they make a value and touch no database; and oslo.config's {@code cfg.CONF}, the configuration,
     * the same on both runs.
     */
    private static final Map<String, Set<String>> VALUE_CALLS = Map.of("oslo_utils.uuidutils", Set.of("generate_uuid"),
            "uuid", Set.of("uuid1", "uuid4"), "oslo_utils.timeutils", Set.of("utcnow"), "oslo_config.cfg",
            Set.of("CONF"));
    /**
     * Methods that register options on oslo.config's configuration object ({@code conf.register_opts(OPTS,
     * group=G)}): they change the process's configuration, no database, the same on both runs.
     */
    private static final Set<String> CONFIG_METHODS = Set.of("register_group", "register_opts", "register_opt",
            "register_cli_opts", "register_cli_opt");
    /** Methods of {@code str} a read-only function may call on a local value. */
    private static final Set<String> STR_METHODS = Set.of("split", "rsplit", "strip", "lstrip", "rstrip", "lower",
            "upper", "startswith", "endswith", "replace", "partition", "rpartition", "format");
    /** Statements read in one body, nested ones included. */
    private static final int MAX_STATEMENTS = 64;

    /** The condition, and whether a helper of the project was looked up for it (counted by {@link #MAX_GUARDS}). */
    record Reading(Guard.Condition condition, boolean lookedUp) {
        static final Reading NONE = new Reading(null, false);
    }

    private final Set<String> metadata = new HashSet<>();
    private final Map<String, Expr> locals = new HashMap<>();
    private final Set<String> tables = new HashSet<>();
    /** The imports of a read-only function's module ({@link #VALUE_CALLS}); empty for a guard. */
    private Map<String, String> moduleImports = Map.of();
    private int statements;

    private ReadOnlyHelpers() {
    }

    /**
     * {@code test} as a condition the same on both runs, when it is {@code [not] module.f(literals)} of a read-only
     * helper whose tables {@code revision} never names; else {@link Reading#NONE}.
     */
    static Reading read(Expr test, SourceFile revision, Map<String, List<String>> imported, Scope scope) {
        boolean negated = test instanceof Expr.UnaryOp u && u.op().equals("not");
        Expr inner = negated ? ((Expr.UnaryOp) test).operand() : test;
        if (!(inner instanceof Expr.Call call) || !call.args().stream().allMatch(
                a -> a.star() == 0 && (a.value() instanceof Expr.Const || a.value() instanceof Expr.Num
                        || a.value() instanceof Expr.Str))) {
            return Reading.NONE;
        }
        String module;
        String function;
        String alias;
        if (call.func() instanceof Expr.Name n && imported.containsKey(n.id()) && !scope.binds(n.id())) {
            module = imported.get(n.id()).get(0);
            function = imported.get(n.id()).get(1);
            alias = n.id();
        } else if (call.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name m
                && imported.containsKey(m.id()) && !scope.binds(m.id())) {
            module = imported.get(m.id()).get(0) + "." + imported.get(m.id()).get(1);
            function = a.attr();
            alias = m.id();
        } else {
            return Reading.NONE;
        }
        Stmt.FunctionDef def = DialectHelpers.function(revision, module, function);
        if (def == null) {
            def = DialectHelpers.function(enclosing(revision, module), function);
        }
        if (def == null || def.params().stream().anyMatch(p -> p.startsWith("*"))) {
            return new Reading(null, true);
        }
        ReadOnlyHelpers r = new ReadOnlyHelpers();
        for (String p : def.params()) {
            r.locals.put(OpExtractor.paramName(p), null);
        }
        if (!r.block(def.body()) || !leavesAlone(revision, r.tables, imported, alias, function)) {
            return new Reading(null, true);
        }
        String shown = "`" + Names.dotted(call.func()) + "(" + arguments(call) + ")`";
        Guard.Condition c = new Guard.Condition.Setting(shown + " is true", shown + " is false");
        return new Reading(negated ? Guard.Condition.not(c) : c, true);
    }

    /**
     * Module {@code module} as a file of a package that holds the revision: {@code senlin.db.sqlalchemy.alembic.x}
     * imported by {@code senlin/db/sqlalchemy/alembic/versions/r.py} is {@code senlin/db/sqlalchemy/alembic/x.py},
     * read only inside the folder of the top package ({@code senlin/}), and only when that folder lies in the
     * revision's checkout ({@link ModelTables#checkout}): nothing above the checkout is read. Null when the
     * module's package is not one of the revision's folders, or no checkout marker is found above the revision.
     */
    private static ModelTables.Module enclosing(SourceFile revision, String module) {
        if (revision == null || revision.path() == null || module.startsWith(".")) {
            return null;
        }
        String[] parts = module.split("\\.");
        Path dir = revision.path().toAbsolutePath().getParent();
        Path checkout = dir == null ? null : ModelTables.checkout(dir, MAX_LEVELS);
        if (checkout == null) {
            return null; // no checkout marks where the project ends: nothing above the revision's folder is read
        }
        for (int up = 0; up < MAX_LEVELS && dir != null; up++, dir = dir.getParent()) {
            // dir as the package parts[0..k): its name is parts[k - 1], its parents the parts before
            for (int k = parts.length - 1; k >= 1; k--) {
                Path top = dir;
                boolean matches = true;
                for (int j = k - 1; j >= 0 && matches; j--) {
                    // a folder without __init__.py is a namespace package, imported all the same
                    matches = top != null && top.getFileName() != null && top.getFileName().toString().equals(parts[j]);
                    if (matches && j > 0) {
                        top = top.getParent();
                    }
                }
                Path file = dir.resolve(String.join("/", Arrays.copyOfRange(parts, k, parts.length)) + ".py");
                if (matches && top.startsWith(checkout)
                        && ProjectReads.regularFile(file, false)) {
                    return new ModelTables.Module(file, top);
                }
            }
        }
        return null;
    }

    /**
     * The file of the project module {@code module} the revision imports: found as {@link ModelTables#module} finds
     * it (from the revision's folder up to the project's root), else as a package that holds the revision ({@link
     * #enclosing}); null when neither finds it.
     */
    static ModelTables.Module locate(SourceFile revision, String module) {
        ModelTables.Module found = ModelTables.module(revision, module);
        return found != null && found.file() != null ? found : enclosing(revision, module);
    }

    /**
     * Whether {@code name} of the project module {@code module} is a function whose body is read-only by the rules
     * above, given the module's imports ({@link #VALUE_CALLS}); the tables it reads are added to {@code read}.
     */
    private static boolean readOnlyFunction(SourceFile revision, String module, String name, Set<String> read) {
        ModelTables.Module found = locate(revision, module);
        Stmt.FunctionDef def = DialectHelpers.function(found, name);
        if (def == null || def.params().stream().anyMatch(p -> p.startsWith("*"))) {
            return false;
        }
        ReadOnlyHelpers r = new ReadOnlyHelpers();
        r.moduleImports = ProjectTypes.facts(found, module).imports();
        for (String p : def.params()) {
            r.locals.put(OpExtractor.paramName(p), null);
        }
        if (!r.block(def.body())) {
            return false;
        }
        read.addAll(r.tables);
        return true;
    }

    private static String arguments(Expr.Call call) {
        StringBuilder b = new StringBuilder();
        for (Arg a : call.args()) {
            String v = a.value() instanceof Expr.Const k ? k.text() : a.value() instanceof Expr.Num k ? k.text()
                    : "'" + StringResolver.constant(a.value(), new Scope(null)) + "'";
            b.append(b.length() == 0 ? "" : ", ").append(a.keyword() == null ? "" : a.keyword() + "=").append(v);
        }
        return b.length() > 24 ? "..." : b.toString();
    }

    /**
     * Whether the revision's text names none of {@code tables} (any case, as a word) and uses no name of the project
     * but {@code alias.function}, an inert column type class ({@link ProjectTypes}) or a read-only function ({@link
     * #readOnlyFunction}, whose tables it must leave alone too), each as a value (an argument, a keyword's value, the
     * right side of an assignment), never bound again or asked for an attribute: a name imported from a module outside
     * the libraries read is used nowhere else. At most {@link #MAX_USES} distinct names are looked up.
     */
    private static boolean leavesAlone(SourceFile revision, Set<String> tables, Map<String, List<String>> imported,
            String alias, String function) {
        String text = codeOnly(revision.text());
        Set<String> read = new HashSet<>(tables);
        Map<String, Boolean> known = new HashMap<>();
        for (Map.Entry<String, List<String>> e : imported.entrySet()) {
            String root = e.getValue().get(0).split("\\.", 2)[0];
            if (LIBRARIES.contains(root)) {
                continue;
            }
            Matcher m = Pattern.compile("(?<![\\w.])" + Pattern.quote(e.getKey()) + "\\b").matcher(text);
            while (m.find()) {
                boolean importLine = lineOf(text, m.start()).matches("\\s*(from|import)\\s.*");
                if (importLine) {
                    continue;
                }
                if (e.getKey().equals(alias) && text.startsWith("." + function + "(", m.end())) {
                    continue;
                }
                if (!valueUse(revision, text, m.start(), m.end(), e.getValue(), known, read)) {
                    return false;
                }
            }
        }
        // a table is named in SQL, inside a string: the whole text is searched for it
        String lower = revision.text().toLowerCase(Locale.ROOT);
        for (String t : read) {
            if (Pattern.compile("\\b" + Pattern.quote(t.toLowerCase(Locale.ROOT)) + "\\b").matcher(lower).find()) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code text} with its comments and the insides of its string literals blanked, offsets and line ends kept: a
     * name in {@code CONF['service:central']} or in a comment is no use of the imported {@code central}. An f-string
     * is kept whole (its fields are code); an unclosed literal is blanked to the end of the text.
     */
    static String codeOnly(String text) {
        char[] out = text.toCharArray();
        int i = 0;
        int n = out.length;
        while (i < n) {
            char c = out[i];
            if (c == '#') {
                while (i < n && out[i] != '\n' && out[i] != '\r') {
                    out[i++] = ' ';
                }
                continue;
            }
            if (c != '\'' && c != '"') {
                i++;
                continue;
            }
            boolean fString = false;
            for (int p = i - 1; p >= 0 && p >= i - 2 && Character.isLetter(text.charAt(p)); p--) {
                fString |= text.charAt(p) == 'f' || text.charAt(p) == 'F';
            }
            boolean triple = i + 2 < n && out[i + 1] == c && out[i + 2] == c;
            int quotes = triple ? 3 : 1;
            int j = i + quotes;
            while (j < n) {
                if (out[j] == '\\') {
                    j += 2;
                } else if (out[j] == c && (!triple || j + 2 < n && out[j + 1] == c && out[j + 2] == c)) {
                    break;
                } else if (!triple && (out[j] == '\n' || out[j] == '\r')) {
                    break; // a one-line literal ends at its line's end
                } else {
                    j++;
                }
            }
            int end = Math.min(j, n);
            if (!fString) {
                for (int k = i + quotes; k < end; k++) {
                    if (out[k] != '\n' && out[k] != '\r') {
                        out[k] = ' ';
                    }
                }
            }
            i = end + (end < n ? quotes : 0);
        }
        return new String(out);
    }

    /**
     * Whether the use of an imported project name at {@code [start, end)} ({@code UUID}, {@code types.Dict()}, {@code
     * utils.generate_uuid}, {@code lambda: timeutils.utcnow()}) is a value of an inert column type, a read-only function
     * or a library value of {@link #VALUE_CALLS}: written after {@code (}, {@code ,}, {@code =}, {@code [} or {@code :}
     * (or a call as a statement of its own), followed by one of {@code ( ) , ]} or a line's end, and not assigned to.
     */
    private static boolean valueUse(SourceFile revision, String text, int start, int end, List<String> from,
            Map<String, Boolean> known, Set<String> read) {
        String module = from.get(0);
        String name = from.get(1);
        Matcher member = MEMBER.matcher(text).region(end, text.length());
        if (member.lookingAt()) {
            module = module + "." + name;
            name = member.group(1);
            end = member.end();
        }
        int before = start - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t'
                || text.charAt(before) == '\n' || text.charAt(before) == '\r')) {
            before--;
        }
        int after = end;
        while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
            after++;
        }
        // a statement of its own (`central.register_opts(CONF)`) is a call, its line holding nothing before it
        boolean statement = lineOf(text, start).substring(0, start - text.lastIndexOf('\n', start) - 1).isBlank()
                && after < text.length() && text.charAt(after) == '(';
        if (!statement && (before < 0 || "(,=[:".indexOf(text.charAt(before)) < 0
                || text.charAt(before) == '=' && before > 0 && "=!<>".indexOf(text.charAt(before - 1)) >= 0)) {
            return false;
        }
        if (after < text.length() && "(),]\r\n".indexOf(text.charAt(after)) < 0) {
            return false;
        }
        // `(UUID) = x`, `[types.Dict] = y`: a closing bracket then an assignment binds the name
        int closing = after;
        while (closing < text.length() && " \t)]".indexOf(text.charAt(closing)) >= 0) {
            closing++;
        }
        if (closing > after && closing < text.length() && text.charAt(closing) == '='
                && !text.startsWith("==", closing)) {
            return false;
        }
        String key = module + ":" + name;
        Boolean ok = known.get(key);
        if (ok == null) {
            if (known.size() >= MAX_USES) {
                return false;
            }
            String m = module;
            String n = name;
            ok = VALUE_CALLS.getOrDefault(m, Set.of()).contains(n) || ProjectTypes.inert(revision, m, n)
                    || readOnlyFunction(revision, m, n, read);
            known.put(key, ok);
        }
        return ok;
    }

    private static String lineOf(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private boolean block(List<Stmt> body) {
        for (Stmt s : body) {
            if (++statements > MAX_STATEMENTS || !stmt(s)) {
                return false;
            }
        }
        return true;
    }

    private boolean stmt(Stmt s) {
        if (s instanceof Stmt.ExprStmt e) {
            return e.expr() instanceof Expr.Str || expr(e.expr());
        }
        if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Tuple t
                && t.elements().stream().allMatch(x -> x instanceof Expr.Name n && !metadata.contains(n.id()))) {
            // `(host, port) = value.split(":", 1)`: each name holds a part of a value
            t.elements().forEach(x -> locals.put(((Expr.Name) x).id(), null));
            return expr(a.value());
        }
        if (s instanceof Stmt.Assign a) {
            if (a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name n) || metadata.contains(n.id())) {
                return false;
            }
            if (a.value() instanceof Expr.Call c && "MetaData".equals(last(c.func())) && (c.args().isEmpty()
                    || c.args().size() == 1 && "bind".equals(c.args().get(0).keyword())
                    && expr(c.args().get(0).value()))) {
                metadata.add(n.id());
                return true;
            }
            locals.put(n.id(), a.value());
            return expr(a.value());
        }
        if (s instanceof Stmt.Return r) {
            return r.value() == null || expr(r.value());
        }
        if (s instanceof Stmt.If i) {
            return expr(i.test()) && block(i.body()) && block(i.orelse());
        }
        if (s instanceof Stmt.Try t) {
            for (Stmt.Handler h : t.handlers()) {
                if (!block(h.body())) {
                    return false;
                }
            }
            return block(t.body()) && block(t.orelse()) && block(t.finalbody());
        }
        return false;
    }

    private boolean expr(Expr e) {
        if (e == null || e instanceof Expr.Const || e instanceof Expr.Num) {
            return true;
        }
        if (e instanceof Expr.Str s) {
            return s.pieces().stream().noneMatch(p -> p.dynamic());
        }
        if (e instanceof Expr.Name n) {
            return !metadata.contains(n.id());
        }
        if (e instanceof Expr.Compare c && c.ops().size() == 1 && (c.ops().get(0).equals("in")
                || c.ops().get(0).equals("not in")) && reflectedTables(c.comparators().get(0))) {
            String name = StringResolver.constant(c.left(), new Scope(null));
            if (name == null) {
                return false;
            }
            tables.add(name);
            return true;
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        if (e instanceof Expr.Attribute || e instanceof Expr.Compare || e instanceof Expr.BoolOp
                || e instanceof Expr.UnaryOp || e instanceof Expr.Subscript || e instanceof Expr.Tuple) {
            return e.children().stream().allMatch(this::expr);
        }
        return false;
    }

    /** {@code meta.tables} or {@code meta.tables.keys()} of a reflected MetaData. */
    private boolean reflectedTables(Expr e) {
        if (e instanceof Expr.Call c && c.args().isEmpty() && c.func() instanceof Expr.Attribute k
                && k.attr().equals("keys")) {
            e = k.value();
        }
        return e instanceof Expr.Attribute a && a.attr().equals("tables") && a.value() instanceof Expr.Name n
                && metadata.contains(n.id());
    }

    private boolean call(Expr.Call c) {
        String last = last(c.func());
        if (last == null) {
            return false;
        }
        if (c.func() instanceof Expr.Name n && BUILTINS.contains(n.id()) && !locals.containsKey(n.id())) {
            return args(c);
        }
        if (c.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name n
                && LOGGERS.contains(n.id().toLowerCase(Locale.ROOT)) && LOG_LEVELS.contains(a.attr())) {
            return args(c);
        }
        if (c.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name n && locals.containsKey(n.id())
                && (STR_METHODS.contains(a.attr()) || CONFIG_METHODS.contains(a.attr()))) {
            return args(c);
        }
        if (c.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name n && !locals.containsKey(n.id())
                && VALUE_CALLS.getOrDefault(moduleImports.getOrDefault(n.id(), ""), Set.of()).contains(a.attr())) {
            return args(c);
        }
        if (last.equals("get_bind") && c.args().isEmpty() && c.func() instanceof Expr.Attribute a
                && a.value() instanceof Expr.Name n && (n.id().equals("op") || n.id().equals("context"))) {
            return true;
        }
        if (last.equals("reflect") && c.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name n
                && metadata.contains(n.id())) {
            return c.args().size() == 1 && "bind".equals(c.args().get(0).keyword()) && expr(c.args().get(0).value());
        }
        if (last.equals("reflect") && c.func() instanceof Expr.Attribute a && "MetaData".equals(last(a.value()))
                && c.args().size() == 1 && c.args().get(0).keyword() == null
                && c.args().get(0).value() instanceof Expr.Name n && metadata.contains(n.id())) {
            // `sa.MetaData.reflect(metadata)` of a MetaData bound to the connection
            return true;
        }
        if (last.equals("text") && c.args().size() == 1 && c.args().get(0).keyword() == null) {
            return select(c);
        }
        if (last.equals("execute") && c.func() instanceof Expr.Attribute a && c.args().size() == 1
                && c.args().get(0).keyword() == null) {
            Expr sql = c.args().get(0).value();
            if (sql instanceof Expr.Name n && locals.get(n.id()) != null) {
                sql = locals.get(n.id());
            }
            return sql instanceof Expr.Call t && "text".equals(last(t.func())) && select(t) && expr(a.value());
        }
        if (ROW_READS.contains(last) && c.args().isEmpty() && c.func() instanceof Expr.Attribute a
                && a.value() instanceof Expr.Call inner && "execute".equals(last(inner.func()))) {
            return call(inner);
        }
        return false;
    }

    /** {@code text("SELECT ... FROM t")}: one plain SELECT of one table, recorded in {@link #tables}. */
    private boolean select(Expr.Call text) {
        String sql = StringResolver.constant(text.args().get(0).value(), new Scope(null));
        Matcher m = sql == null ? null : SELECT.matcher(sql);
        if (m == null || !m.matches()) {
            return false;
        }
        tables.add(m.group(1));
        return true;
    }

    private boolean args(Expr.Call c) {
        return c.args().stream().allMatch(a -> a.star() == 0 && expr(a.value()));
    }

    private static String last(Expr func) {
        return func instanceof Expr.Name n ? n.id() : func instanceof Expr.Attribute a ? a.attr() : null;
    }
}
