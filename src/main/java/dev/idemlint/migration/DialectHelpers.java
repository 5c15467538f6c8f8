package dev.idemlint.migration;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.Stmt;
import dev.idemlint.source.SourceFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a test on a helper of the project that only asks which database it runs on: {@code if
 * is_postgresql(connection):} with {@code from utils.database import is_postgresql}, or {@code M.is_mysql(conn)}
 * with {@code from app import M}. The module is found as {@link ModelTables} finds one (from the revision's folder
 * up to the project's root, never through a link out of it), and the function's body is read, not run: it decides
 * only when every statement on its path is a docstring, an {@code if} on a dialect test ({@link DialectCheck}) or on
 * {@code param is None} / {@code is not None} of a parameter the call leaves to its default or gives a literal, or
 * a {@code return} of {@code True}, {@code False}, a dialect test or a call of another such function of the same
 * module (its arguments the caller's parameters or literals). Anything else (a query, a version read from the
 * server, an assignment) leaves the test undecided, as before. The answer is the same on the first run and the
 * re-run: the dialect does not change between them.
 */
final class DialectHelpers {
    /** Calls followed from one helper into another of its module. */
    private static final int MAX_DEPTH = 4;
    /** Statements read in one function body. */
    private static final int MAX_STATEMENTS = 32;
    private static final ModuleCache<Map<String, Function>> FUNCTIONS = new ModuleCache<>();

    /** A function of the module and the parameters whose default is {@code None}, read from its header's text. */
    private record Function(Stmt.FunctionDef def, java.util.Set<String> noneDefaults) {
    }

    /** A parameter's value where the body reads it: the default None, a literal, or not known. */
    private enum Value { NONE, NOT_NONE, UNKNOWN }

    private DialectHelpers() {
    }

    /**
     * Whether the then-branch of {@code if test:} runs on {@code dialect}, when {@code test} calls such a helper:
     * one imported from a project module, or one of the revision's own functions ({@code local}, its top-level
     * {@code def}s), or compares what a helper returns when that is the dialect's name ({@code get_engine_name() ==
     * "sqlite"} with {@code def get_engine_name(): return op.get_bind().engine.name}).
     */
    static Boolean thenRuns(Expr test, SourceFile revision, Map<String, List<String>> imported, Scope scope,
            Dialect dialect, Map<String, Stmt.FunctionDef> local) {
        boolean negated = test instanceof Expr.UnaryOp u && u.op().equals("not");
        Expr inner = negated ? ((Expr.UnaryOp) test).operand() : test;
        if (inner instanceof Expr.Call call) {
            Target t = target(call.func(), revision, imported, scope, local);
            if (t != null) {
                Boolean runs = call(t.functions(), t.functions().get(t.function()), call.args(), dialect, 0);
                return runs == null ? null : negated != runs;
            }
        }
        // `get_engine_name() == "sqlite"` in the revision: the helper's name read in place of its call
        Expr inlined = inline(test, c -> {
            Target t = target(c.func(), revision, imported, scope, local);
            return t == null ? null : new Callee(t.functions(), t.functions().get(t.function()));
        }, 0);
        return inlined == test ? null : DialectCheck.thenRuns(inlined, scope, dialect);
    }

    /** The functions of one module, by name ({@code null}: not one certain function of it). */
    private interface Lookup {
        Function get(String name);
    }

    /** The module functions a call's name resolves in, and the function's name there. */
    private record Target(Lookup functions, String function) {
    }

    /** A function to read in place of a call, and the functions of its module. */
    private record Callee(Lookup functions, Function function) {
    }

    /**
     * The helper {@code func} names in the revision: a name or {@code module.name} imported from a project module
     * ({@link ModelTables#module}), or a top-level function of the revision; null when it is neither or the name is
     * bound otherwise where the test reads it.
     */
    private static Target target(Expr func, SourceFile revision, Map<String, List<String>> imported, Scope scope,
            Map<String, Stmt.FunctionDef> local) {
        String module;
        String function;
        if (func instanceof Expr.Name n && !scope.binds(n.id()) && local.containsKey(n.id())
                && !imported.containsKey(n.id())) {
            String text = revision.text();
            return new Target(name -> {
                Stmt.FunctionDef d = local.get(name);
                return d == null || imported.containsKey(name) ? null
                        : new Function(d, noneDefaults(text.substring(d.header().start(), d.header().end())));
            }, n.id());
        } else if (func instanceof Expr.Name n && imported.containsKey(n.id()) && !scope.binds(n.id())) {
            module = imported.get(n.id()).get(0);
            function = imported.get(n.id()).get(1);
        } else if (func instanceof Expr.Attribute a && a.value() instanceof Expr.Name m
                && imported.containsKey(m.id()) && !scope.binds(m.id())) {
            module = imported.get(m.id()).get(0) + "." + imported.get(m.id()).get(1);
            function = a.attr();
        } else {
            return null;
        }
        ModelTables.Module found = ModelTables.module(revision, module);
        if (found == null || found.file() == null) {
            return null;
        }
        Map<String, Function> functions = functions(found.file(), found.top());
        return new Target(functions::get, function);
    }

    /**
     * The function {@code function} of the project module {@code module}, found as {@link #thenRuns} finds it (from
     * the revision's folder up to the root, its body parsed, never run); null when it is not one certain plain
     * function (not found, bound twice, decorated, async).
     */
    static Stmt.FunctionDef function(SourceFile revision, String module, String function) {
        return function(ModelTables.module(revision, module), function);
    }

    /** The function {@code function} of the module file {@code found} (see above); null when none is certain. */
    static Stmt.FunctionDef function(ModelTables.Module found, String function) {
        if (found == null || found.file() == null) {
            return null;
        }
        Function f = functions(found.file(), found.top()).get(function);
        return f == null || !f.def().decorators().isEmpty() || f.def().async() ? null : f.def();
    }

    private static Boolean call(Lookup functions, Function f, List<Arg> args, Dialect dialect,
            int depth) {
        if (f == null || depth > MAX_DEPTH || !f.def().decorators().isEmpty() || f.def().async()) {
            return null;
        }
        Map<String, Value> values = bind(f, args);
        return values == null ? null : body(functions, f.def().body(), values, dialect, depth);
    }

    /**
     * The parameters of {@code f} as the call leaves them: a literal argument is known, a parameter not given keeps
     * its default (None only is read); an argument that is not a literal is not known. Null when the call does not
     * fit the parameters read (star arguments, an unknown keyword, too many positionals).
     */
    private static Map<String, Value> bind(Function f, List<Arg> args) {
        Map<String, Value> values = new HashMap<>();
        List<String> params = f.def().params();
        for (String p : params) {
            if (p.startsWith("*")) {
                return null;
            }
            values.put(p, f.noneDefaults().contains(p) ? Value.NONE : Value.UNKNOWN);
        }
        int positional = 0;
        for (Arg a : args) {
            if (a.star() != 0) {
                return null;
            }
            String p = a.keyword() != null ? a.keyword() : positional < params.size() ? params.get(positional++) : null;
            if (p == null || !values.containsKey(p)) {
                return null;
            }
            values.put(p, valueOf(a.value()));
        }
        return values;
    }

    private static Value valueOf(Expr e) {
        if (e instanceof Expr.Const c) {
            return c.text().equals("None") ? Value.NONE : Value.NOT_NONE;
        }
        return e instanceof Expr.Str || e instanceof Expr.Tuple t && t.elements().stream().allMatch(
                x -> x instanceof Expr.Const || x instanceof Expr.Str) ? Value.NOT_NONE : Value.UNKNOWN;
    }

    private static Boolean body(Lookup functions, List<Stmt> body, Map<String, Value> values,
            Dialect dialect, int depth) {
        int read = 0;
        for (Stmt s : body) {
            if (++read > MAX_STATEMENTS) {
                return null;
            }
            if (s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Str) {
                continue;
            }
            if (s instanceof Stmt.If i) {
                Boolean then = test(functions, i.test(), values, dialect, depth);
                if (then == null) {
                    return null;
                }
                List<Stmt> taken = then ? i.body() : i.orelse();
                if (taken.isEmpty()) {
                    continue;
                }
                // a branch read must end the function: its answer is the helper's
                if (!(taken.get(taken.size() - 1) instanceof Stmt.Return)) {
                    return null;
                }
                return body(functions, taken, values, dialect, depth);
            }
            if (s instanceof Stmt.Return r) {
                return result(functions, r.value(), values, dialect, depth);
            }
            return null;
        }
        return null;
    }

    private static Boolean result(Lookup functions, Expr value, Map<String, Value> values,
            Dialect dialect, int depth) {
        if (value instanceof Expr.Const c && (c.text().equals("True") || c.text().equals("False"))) {
            return c.text().equals("True");
        }
        if (value instanceof Expr.Call c && c.func() instanceof Expr.Name n && !values.containsKey(n.id())
                && functions.get(n.id()) != null) {
            // the callee's arguments: the caller's parameters (as known here) or literals
            Function f = functions.get(n.id());
            if (depth >= MAX_DEPTH || !f.def().decorators().isEmpty() || f.def().async()) {
                return null;
            }
            Map<String, Value> passed = bind(f, c.args());
            if (passed == null) {
                return null;
            }
            int positional = 0;
            for (Arg a : c.args()) {
                String p = a.keyword() != null ? a.keyword() : f.def().params().get(positional++);
                if (a.value() instanceof Expr.Name given && values.containsKey(given.id())) {
                    passed.put(p, values.get(given.id()));
                }
            }
            return body(functions, f.def().body(), passed, dialect, depth + 1);
        }
        return test(functions, value, values, dialect, depth);
    }

    /**
     * A dialect test, or {@code param is None} / {@code is not None} of a parameter whose value is known; a call of a
     * function of the module that returns the dialect's name is read as that name.
     */
    private static Boolean test(Lookup functions, Expr test, Map<String, Value> values, Dialect dialect,
            int depth) {
        if (test instanceof Expr.Compare c && c.ops().size() == 1 && c.left() instanceof Expr.Name n
                && values.containsKey(n.id()) && c.comparators().get(0) instanceof Expr.Const k
                && k.text().equals("None") && (c.ops().get(0).equals("is") || c.ops().get(0).equals("is not"))) {
            Value v = values.get(n.id());
            if (v == Value.UNKNOWN) {
                return null;
            }
            return (v == Value.NONE) == c.ops().get(0).equals("is");
        }
        Expr inlined = inline(test, c -> c.func() instanceof Expr.Name n && !values.containsKey(n.id())
                && functions.get(n.id()) != null ? new Callee(functions, functions.get(n.id())) : null, depth);
        return DialectCheck.thenRuns(inlined, new Scope(null), dialect);
    }

    /**
     * {@code test} with each call of a helper that returns the dialect's name ({@code get_engine_name()} where
     * {@code def get_engine_name(): return op.get_bind().engine.name}) replaced by the expression it returns, in a
     * comparison, a {@code startswith} or their {@code not}/{@code and}/{@code or}; {@code test} itself when no call
     * was replaced. {@code resolve} finds a call's function (null: none certain).
     */
    private static Expr inline(Expr test, java.util.function.Function<Expr.Call, Callee> resolve, int depth) {
        if (depth > MAX_DEPTH) {
            return test;
        }
        if (test instanceof Expr.UnaryOp u && u.op().equals("not")) {
            Expr operand = inline(u.operand(), resolve, depth + 1);
            return operand == u.operand() ? test : new Expr.UnaryOp(u.op(), operand, u.span());
        }
        if (test instanceof Expr.BoolOp b) {
            List<Expr> values = new java.util.ArrayList<>();
            boolean changed = false;
            for (Expr v : b.values()) {
                Expr one = inline(v, resolve, depth + 1);
                changed |= one != v;
                values.add(one);
            }
            return changed ? new Expr.BoolOp(b.op(), List.copyOf(values), b.span()) : test;
        }
        if (test instanceof Expr.Compare c && c.ops().size() == 1) {
            Expr left = dialectName(c.left(), resolve, depth);
            Expr right = dialectName(c.comparators().get(0), resolve, depth);
            return left == null && right == null ? test : new Expr.Compare(left == null ? c.left() : left, c.ops(),
                    List.of(right == null ? c.comparators().get(0) : right), c.span());
        }
        if (test instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && a.attr().equals("startswith")) {
            Expr name = dialectName(a.value(), resolve, depth);
            return name == null ? test : new Expr.Call(new Expr.Attribute(name, a.attr(), a.attrSpan(), a.span()),
                    c.args(), c.argsSpan(), c.span());
        }
        return test;
    }

    /**
     * What a call of a helper returning the dialect's name returns: the read of the name itself ({@link
     * #readsDialectName}), followed through helpers that return another such call; null when {@code e} is not
     * such a call (a helper with parameters, a body doing anything but return).
     */
    private static Expr dialectName(Expr e, java.util.function.Function<Expr.Call, Callee> resolve, int depth) {
        if (depth > MAX_DEPTH || !(e instanceof Expr.Call c) || !c.args().isEmpty()) {
            return null;
        }
        Callee callee = resolve.apply(c);
        if (callee == null || callee.function() == null) {
            return null;
        }
        Stmt.FunctionDef def = callee.function().def();
        if (!def.decorators().isEmpty() || def.async() || !def.params().isEmpty()) {
            return null;
        }
        Expr returned = null;
        for (Stmt s : def.body()) {
            if (returned == null && s instanceof Stmt.ExprStmt x && x.expr() instanceof Expr.Str) {
                continue;
            }
            if (returned != null || !(s instanceof Stmt.Return r) || r.value() == null) {
                return null;
            }
            returned = r.value();
        }
        if (returned == null) {
            return null;
        }
        if (readsDialectName(returned)) {
            return returned;
        }
        Lookup inner = callee.functions();
        return dialectName(returned, x -> x.func() instanceof Expr.Name n && inner.get(n.id()) != null
                ? new Callee(inner, inner.get(n.id())) : null, depth + 1);
    }

    /**
     * {@code op.get_bind().engine.name}, {@code op.get_bind().dialect.name}, {@code context.get_context().dialect.name}
     * and the like: the name or driver of the dialect or engine of Alembic's connection or context, reached through
     * attributes and calls without arguments only.
     */
    private static boolean readsDialectName(Expr e) {
        if (!(e instanceof Expr.Attribute a) || !(a.attr().equals("name") || a.attr().equals("driver"))
                || !(a.value() instanceof Expr.Attribute owner)
                || !(owner.attr().equals("engine") || owner.attr().equals("dialect"))) {
            return false;
        }
        Expr x = owner.value();
        for (int i = 0; i < 8; i++) {
            if (x instanceof Expr.Name n) {
                return n.id().equals("op") || n.id().equals("context");
            }
            if (x instanceof Expr.Call c && c.args().isEmpty() && c.func() instanceof Expr.Attribute f
                    && (f.attr().equals("get_bind") || f.attr().equals("get_context"))) {
                x = f.value();
            } else if (x instanceof Expr.Attribute f && (f.attr().equals("engine") || f.attr().equals("bind")
                    || f.attr().equals("connection") || f.attr().equals("dialect"))) {
                x = f.value();
            } else {
                return false;
            }
        }
        return false;
    }

    private static Map<String, Function> functions(Path file, Path top) {
        byte[] bytes = ProjectReads.bytes(file, top);
        if (bytes == null) {
            return Map.of();
        }
        return FUNCTIONS.get(file, bytes, DialectHelpers::read);
    }

    private static Map<String, Function> read(Path file, byte[] bytes) {
        PythonModule m = ModelTables.parse(file, bytes);
        if (m == null) {
            // an unreadable or unparsable module decides nothing
            return Map.of();
        }
        String text = m.source().text();
        Map<String, Function> out = new HashMap<>();
        Map<String, Integer> bound = new HashMap<>();
        for (Stmt s : m.body()) {
            if (s instanceof Stmt.FunctionDef f) {
                out.put(f.name(), new Function(f, noneDefaults(text.substring(f.header().start(), f.header().end()))));
                bound.merge(f.name(), 1, Integer::sum);
            } else if (s instanceof Stmt.Assign a) {
                a.targets().forEach(t -> {
                    if (t instanceof Expr.Name n) {
                        bound.merge(n.id(), 2, Integer::sum);
                    }
                });
            } else if (!(s instanceof Stmt.ExprStmt || s instanceof Stmt.Import || s instanceof Stmt.ClassDef)) {
                // a module-level `if`, `try` or loop may bind a function another way: nothing is certain of it
                return Map.of();
            }
        }
        // a name bound twice is not one certain function
        out.keySet().removeIf(n -> bound.get(n) > 1);
        return Map.copyOf(out);
    }

    /**
     * The parameters of a {@code def} header written {@code name=None} (an annotation between allowed): the header
     * is cut at the commas outside brackets of its parameter list. One pass over the header.
     */
    private static java.util.Set<String> noneDefaults(String header) {
        java.util.Set<String> out = new java.util.HashSet<>();
        int open = header.indexOf('(');
        if (open < 0) {
            return out;
        }
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                String param = header.substring(start, i).strip();
                int eq = param.lastIndexOf('=');
                int name = 0;
                while (name < param.length() && Character.isJavaIdentifierPart(param.charAt(name))) {
                    name++;
                }
                if (eq > 0 && name > 0 && param.substring(eq + 1).strip().equals("None")) {
                    out.add(param.substring(0, name));
                }
                start = i + 1;
                if (c == ')') {
                    break;
                }
            }
        }
        return out;
    }
}
