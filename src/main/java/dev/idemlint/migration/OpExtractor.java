package dev.idemlint.migration;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.Settings;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StmtParts;
import dev.idemlint.python.StrPiece;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks {@code upgrade()} and {@code downgrade()} and turns Alembic calls into {@link Operation}s,
 * expanding local helper functions and {@code for} loops over literal lists, tracking guards,
 * batch blocks and autocommit blocks.
 */
final class OpExtractor {
    private static final int MAX_HELPER_DEPTH = 6;
    private static final Set<String> EXECUTE_METHODS = Set.of("execute", "exec_driver_sql", "executescript");
    private static final Set<String> BENIGN_OPS = Set.of("create_table_comment", "drop_table_comment",
            "inline_literal", "get_bind", "get_context", "f", "implementation_for", "invoke", "run_async");
    private final SourceFile file;
    /** Names the revision imports at module level ({@code from M import C as A}): alias to [module, name]. */
    private final Map<String, List<String>> imported;
    /** The declarative classes the revision file declares whose mapping is certain ({@link DeclarativeModels}). */
    private final Map<String, DeclarativeModels.Model> models;
    /**
     * Those and the classes the revision imports from its project ({@link ProjectModels}): what a session's {@code
     * add}, {@code add_all} and {@code bulk_save_objects} write is read for both.
     */
    private final Map<String, DeclarativeModels.Model> sessionModels;
    /** The guards on a project helper read in this revision ({@link ReadOnlyHelpers#MAX_GUARDS}). */
    private int helperGuards;
    private final Map<String, Stmt.FunctionDef> moduleFunctions;
    private final Scope moduleScope;
    /** Per module name, whether the file binds it once ({@link #boundOnce}). */
    private final Map<String, Boolean> boundOnce = new HashMap<>();
    private final Set<String> opNames;
    /** Names bound by {@code from alembic.op import execute [as x]}: the local name, the op function it is. */
    private final Map<String, String> opFunctions;
    /** The database the project is linted for: decides {@code if bind.dialect.name == ...} branches. */
    private final Dialect dialect;
    /** {@link ServerFacts#errorAbortsTransaction()} of the project's server. */
    private final boolean errorAbortsTransaction;
    private final List<Operation> out = new ArrayList<>();
    private CompiledCreateTable compiled;
    /** The multidb engine whose function is walked ({@link OpSite#engine()}), or null. */
    private String engine;
    /**
     * Table expressions of {@code batch_alter_table(..., recreate="always")} blocks, by identity: Alembic builds
     * a fresh table from the reflected one (or {@code copy_from}) plus the batch's ops, keyed by name, copies the
     * rows and swaps it in, so what such a batch adds replaces a same-named column, index or constraint instead of
     * colliding with it (a re-run on MariaDB 10.11 with Alembic 1.8.1 succeeds).
     */
    private final Set<Expr> rebuiltBatchTables = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The schema each {@code batch_alter_table} block places its ops in, by its table expression's identity. */
    private final Map<Expr, SchemaRef> batchSchemas = new IdentityHashMap<>();
    /** {@link #facts(Stmt)}, by statement node. */
    private final Map<Stmt, StmtFacts> facts = new IdentityHashMap<>();
    /** Batch ops that only add to the rebuilt table. */
    private static final Set<String> REBUILT_ADDITIONS = Set.of("add_column", "create_index",
            "create_unique_constraint", "create_foreign_key", "create_check_constraint", "create_primary_key");
    /**
     * Set once the function runs {@code op.execute("COMMIT")}: psycopg2 does not see that commit, so
     * what follows runs outside any transaction (the pre-autocommit_block way to build indexes
     * concurrently).
     */
    private boolean committed;
    /** Whether a statement walked so far executes {@code COMMIT} as SQL (see {@link #ownTransactions(Ctx, Stmt.Try)}). */
    private boolean sqlCommitted;

    /** The targets of the loops over items not known that enclose the statement being walked. */
    private final Set<String> loopVariables = new HashSet<>();
    /** The names a loop over a literal list binds to its item, for the iteration walked ({@link #itemTest}). */
    private final Set<String> literalItems = new HashSet<>();

    /**
     * Per-walk state; copied when entering a guarded block, a batch block or a helper. {@code conditional}:
     * what is walked may not run every time the function runs (see {@link OpSite#conditional()}).
     */
    private record Ctx(Phase phase, Scope scope, Map<String, Stmt.FunctionDef> functions, Set<String> tainted,
            Map<String, Expr> batches, Guard guard, boolean autocommit, boolean indirect, int depth,
            Span statement, boolean conditional) {
        Ctx withGuard(Guard g) {
            return new Ctx(phase, scope, functions, tainted, batches, g, autocommit, indirect, depth, statement,
                    conditional);
        }

        Ctx withStatement(Span s) {
            return new Ctx(phase, scope, functions, tainted, batches, guard, autocommit, indirect, depth, s,
                    conditional);
        }

        Ctx asConditional() {
            return conditional ? this
                    : new Ctx(phase, scope, functions, tainted, batches, guard, autocommit, indirect, depth, statement,
                            true);
        }

        Ctx child(Scope s, Map<String, Stmt.FunctionDef> fns, Set<String> taint, Map<String, Expr> b,
                boolean auto, boolean ind, int d) {
            return new Ctx(phase, s, fns, taint, b, guard, auto, ind, d, statement, conditional);
        }
    }

    OpExtractor(SourceFile file, Map<String, Stmt.FunctionDef> moduleFunctions, Scope moduleScope,
            Set<String> opNames, Map<String, String> opFunctions, Dialect dialect, Map<String, List<String>> imported,
            Map<String, DeclarativeModels.Model> models, Map<String, DeclarativeModels.Model> sessionModels) {
        this.file = file;
        this.sessionModels = sessionModels;
        this.opFunctions = opFunctions;
        this.imported = imported;
        this.models = models;
        this.moduleFunctions = moduleFunctions;
        this.moduleScope = moduleScope;
        this.opNames = opNames;
        this.dialect = dialect;
        // a transaction fact, the same on every PostgreSQL version
        this.errorAbortsTransaction = ServerFacts.of(dialect, Settings.DEFAULT.postgresMajor())
                .errorAbortsTransaction();
    }

    /** The module's {@code @compiles(CreateTable)} hooks, read at the first create_table. */
    private CompiledCreateTable compiled() {
        if (compiled == null) {
            compiled = CompiledCreateTable.of(moduleFunctions.values(), dialect);
        }
        return compiled;
    }

    /**
     * Whether the then-branch of {@code if test:} runs on the project's database: a call of a helper of the project
     * whose body only asks the dialect ({@link DialectHelpers}; its body is read before its name is trusted), else a
     * dialect test ({@link DialectCheck}), else a test whose truth an environment value's type fixes
     * ({@link SettingTest#decided}); null when none decides it.
     */
    private Boolean thenRuns(Expr test, Scope scope) {
        Boolean helper = DialectHelpers.thenRuns(test, file, imported, scope, dialect, moduleFunctions);
        if (helper != null) {
            return helper;
        }
        Boolean onDialect = DialectCheck.thenRuns(test, scope, dialect);
        if (onDialect != null) {
            return onDialect;
        }
        // `MULTI_COLUMN = False` at module level, then `if MULTI_COLUMN:`: the same value on every run
        Boolean constant = constantTest(test, scope, 0);
        // `if os.environ.get("X") == 3:` never runs: an environment variable is a string, never a number
        return constant != null ? constant : SettingTest.decided(test, scope);
    }

    /**
     * The truth of a test of module constants bound once to a literal ({@code MULTI_COLUMN = False}, then {@code if
     * MULTI_COLUMN:}), and {@code not}/{@code and}/{@code or} of them and of literals; null when any part is anything
     * else, or the name is bound anywhere else in the file (a second assignment, a {@code global}, a loop target, a
     * local of the same name): then which value the test sees is not certain.
     */
    private Boolean constantTest(Expr test, Scope scope, int depth) {
        if (depth > 16) {
            return null;
        }
        if (test instanceof Expr.UnaryOp u && u.op().equals("not")) {
            Boolean inner = constantTest(u.operand(), scope, depth + 1);
            return inner == null ? null : !inner;
        }
        if (test instanceof Expr.BoolOp b) {
            return b.truth(v -> constantTest(v, scope, depth + 1));
        }
        if (test instanceof Expr.Name n) {
            Expr bound = scope.lookup(n.id());
            return bound != null && bound == moduleScope.lookup(n.id()) && boundOnce(n.id())
                    ? SettingTest.literalTruth(bound) : null;
        }
        return SettingTest.literalTruth(test);
    }

    /**
     * Whether the file binds {@code name} once: one assignment to it anywhere in the text (a keyword argument of the
     * same name counts too, which can only keep a constant unread), and no {@code global}, {@code for}, {@code as},
     * {@code import} or {@code del} naming it. A scan of the text, not of the tree: it over-counts, never under.
     */
    private boolean boundOnce(String name) {
        return boundOnce.computeIfAbsent(name, k -> {
            String text = file.text();
            String q = java.util.regex.Pattern.quote(k);
            java.util.regex.Matcher assign = java.util.regex.Pattern.compile(
                    "(?<![\\w.])" + q + "\\s*(?::[^=\\n]*)?(?:[-+*/|&%^@]|//|\\*\\*|<<|>>)?=(?!=)"
                            + "|(?<![\\w.])" + q + "\\s*,[^\\n=]*=(?!=)"
                            + "|,\\s*" + q + "\\s*(?:,[^\\n=]*)?=(?!=)").matcher(text);
            int n = 0;
            while (assign.find() && n < 2) {
                n++;
            }
            return n == 1 && !java.util.regex.Pattern.compile("\\b(?:global|nonlocal|for|as|import|del)\\b[^\\n]*(?<![\\w.])"
                    + q + "(?!\\w)").matcher(text).find();
        });
    }

    /** The operations of {@code fn}, run as {@code engine}'s function of a multidb revision (null: any other). */
    List<Operation> extract(Stmt.FunctionDef fn, Phase phase, String engine) {
        this.engine = engine;
        return extract(fn, phase);
    }

    List<Operation> extract(Stmt.FunctionDef fn, Phase phase) {
        Scope scope = new Scope(moduleScope);
        for (String p : fn.params()) {
            scope.unbind(paramName(p));
        }
        Ctx ctx = new Ctx(phase, scope, new HashMap<>(moduleFunctions), new HashSet<>(), new HashMap<>(), null,
                false, false, 0, fn.span(), false);
        Set<String> active = new HashSet<>();
        active.add(fn.name());
        walkBlock(fn.body(), ctx, active);
        return out;
    }

    static String paramName(String p) {
        String s = p.replace("*", "").trim();
        int colon = s.indexOf(':');
        if (colon >= 0) {
            s = s.substring(0, colon);
        }
        int eq = s.indexOf('=');
        if (eq >= 0) {
            s = s.substring(0, eq);
        }
        return s.trim();
    }

    private void walkBlock(List<Stmt> body, Ctx ctx, Set<String> active) {
        Ctx current = ctx;
        for (Stmt s : body) {
            // Inside a helper, operations keep pointing at the upgrade() statement that called it.
            Guard early = walkStmt(s, current.depth() > 0 ? current : current.withStatement(s.span()), active);
            if (early != null && Guard.protectsNothing(current.guard())
                    && (current.guard() == null || !current.guard().settledTry())) {
                // `if inspector.has_table("t"): return` guards everything after it in the block.
                current = current.withGuard(early);
            } else if (early != null && (early.kind() == GuardKind.CONFIGURATION
                    || current.guard().kind() == GuardKind.CONFIGURATION || early.settled()
                    || current.guard().settled() || current.guard().settledTry())) {
                current = current.withGuard(Guard.nested(current.guard(), early));
            } else if (early != null) {
                // `if "t" not in tables: return` then `if "c" in columns: return`: the rest runs when both let it
                current = current.withGuard(Guard.both(current.guard(), early));
            }
            if (leavesOnDialect(s, current.scope())) {
                // `if bind.dialect.name != "postgresql": return` on MySQL: the rest never runs
                break;
            }
            boolean settled = early != null && early.settled() && current.guard() != null && current.guard().settled();
            if (mayLeave(s, current.scope()) && !settled) {
                // `if flag_from_helper(): return`: what follows runs only when the test is false
                current = current.asConditional();
            }
        }
    }

    /** Walks one statement; returns a guard that applies to the rest of the block (early return). */
    private Guard walkStmt(Stmt s, Ctx ctx, Set<String> active) {
        if (s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Call c && bindCommit(c, ctx.scope())) {
            // the commit ends the transaction it runs in, as a COMMIT statement does: its site is read before
            // `committed` is set
            out.add(new Operation.Benign(site(c, Origin.OP_CALL, ctx), Operation.Benign.BIND_COMMIT));
        }
        if (!committed && leavesTransaction(s)) {
            committed = true;
        }
        if (!sqlCommitted && executesCommit(s)) {
            sqlCommitted = true;
        }
        forgetMutated(s, ctx.scope());
        if (s instanceof Stmt.ExprStmt e) {
            if (e.expr() instanceof Expr.Call call && foreignCall(call, ctx)) {
                out.add(new Operation.Unknown(site(call, Origin.CALL, ctx), "call to " + Names.dotted(call.func()),
                        stringArgs(call, ctx)));
            }
            visit(e.expr(), ctx, active);
        } else if (s instanceof Stmt.Assign a) {
            visit(a.value(), ctx, active);
            boolean taint = ConditionReader.readsSchema(a.value(), ctx.scope(), ctx.functions(), ctx.tainted());
            Expr value = a.value() instanceof Expr.Call c && returned.containsKey(c) ? returned.get(c) : a.value();
            Expr.Str side = SideFiles.handleText(value, ctx.scope());
            value = side != null ? side : value;
            for (Expr t : a.targets()) {
                bindTarget(t, dialectArm(value, ctx.scope()), ctx, taint);
            }
        } else if (s instanceof Stmt.AnnAssign a) {
            if (a.value() != null) {
                visit(a.value(), ctx, active);
                bindTarget(a.target(), a.value(), ctx,
                        ConditionReader.readsSchema(a.value(), ctx.scope(), ctx.functions(), ctx.tainted()));
            }
        } else if (s instanceof Stmt.AugAssign a) {
            visit(a.value(), ctx, active);
            if (a.target() instanceof Expr.Name n && a.op().equals("+=")) {
                Expr old = ctx.scope().lookup(n.id());
                ctx.scope().bind(n.id(), old == null ? null
                        : new Expr.BinOp(old, "+", a.value(), a.span()));
            } else if (a.target() instanceof Expr.Name n) {
                ctx.scope().unbind(n.id());
            }
        } else if (s instanceof Stmt.Return r) {
            if (r.value() != null) {
                visit(r.value(), ctx, active);
            }
        } else if (s instanceof Stmt.If i) {
            visit(i.test(), ctx, active);
            Boolean runs = thenRuns(i.test(), ctx.scope());
            if (runs != null) {
                // `if dialect == "sqlite":` never runs on the project's database: only the branch that does counts.
                walkBlock(runs ? i.body() : i.orelse(), ctx, active);
                return null;
            }
            Boolean item = itemTest(i.test(), ctx.scope(), 0);
            item = item != null ? item : literalType(i.test(), ctx);
            if (item != null) {
                // `for t in ["a", "user"]: if t == "user":` each item of a literal list is known: only the branch
                // that runs for this item counts. Such a test reads the item alone, whatever SQL text the item holds
                // (`isinstance(cmd[0], str)` of `("SELECT 1", "SELECT 1")` reads no rows).
                walkBlock(item ? i.body() : i.orelse(), ctx, active);
                return null;
            }
            Expr residual = DialectCheck.residual(i.test(), ctx.scope(), dialect);
            // The guard of the then-branch runs under the test, the else-branch under its negation.
            Guard g = ConditionReader.guard(residual != null ? residual : i.test(), ctx.scope(), ctx.functions(),
                    ctx.tainted());
            Guard.Condition setting = g == null && !mentions(i.test(), loopVariables)
                    ? SettingTest.read(residual != null ? residual : i.test(), ctx.scope(), ctx.tainted()) : null;
            if (setting == null && g == null && !mentions(i.test(), loopVariables)
                    && helperGuards < ReadOnlyHelpers.MAX_GUARDS) {
                // a helper of the project that reads only tables this revision leaves alone answers the same on
                // the re-run as on the first run (ReadOnlyHelpers)
                ReadOnlyHelpers.Reading read = ReadOnlyHelpers.read(i.test(), file, imported, ctx.scope());
                helperGuards += read.lookedUp() ? 1 : 0;
                setting = read.condition();
            }
            if (setting != null) {
                // a test of configuration (`os.environ["ENV"] != "production"`, `settings.X`, an -x argument): it
                // comes out on the re-run as on the first run, so the branch re-runs exactly when it ran
                g = Guard.setting(i.test().span(), setting);
            } else if (g == null && !mentions(i.test(), loopVariables)) {
                // a test that reads no database and is not read (a helper's answer, a parameter): the branch may
                // or may not run, on the first run and on the re-run alike. A test of the item of a loop over
                // items not known (`for name, table in metadata.tables.items(): if name == "t":`) picks the item
                // the body works on, as the loop itself does: it is read as the loop is.
                g = Guard.configuration(i.test().span());
            }
            // The innermost check is the most specific one: it replaces an enclosing guard (a condition decided
            // outside the database is joined to it instead: see Guard.nested).
            boolean fresh = g != null;
            Guard then = fresh ? Guard.nested(ctx.guard(), g) : null;
            Guard otherwise = fresh ? Guard.nested(ctx.guard(), g.negated()) : null;
            // a branch under configuration alone is conditional through its guard, which keeps it from any
            // first-run claim (OpSite.definite); the re-run check reads the guard (schema/RerunSimulation)
            Ctx arm = ctx.asConditional();
            Set<String> rebound = reboundByEitherArm(i, ctx.scope());
            walkBlock(i.body(), fresh ? (then.settled() ? ctx : arm).withGuard(then) : arm, active);
            walkBlock(i.orelse(), fresh ? (otherwise.settled() ? ctx : arm).withGuard(otherwise) : arm, active);
            // which arm ran is not known here: a name the arms leave bound to different values holds either one
            rebound.forEach(ctx.scope()::unbind);
            if (g != null && i.orelse().isEmpty() && endsFlow(i.body()) && !endsInRaise(i.body())) {
                // `if <check>: return` leaves the rest of the block to the other case. `if <check>: raise` does
                // not: the revision fails there, so whenever it completes (and a re-run follows) the rest ran.
                return g.negated();
            }
        } else if (s instanceof Stmt.For f) {
            walkFor(f, ctx, active);
            return returnsOnListedItem(f, ctx);
        } else if (s instanceof Stmt.While w) {
            visit(w.test(), ctx, active);
            walkBlock(w.body(), loopCtx(ctx).asConditional(), active);
            walkBlock(w.orelse(), ctx.asConditional(), active);
        } else if (s instanceof Stmt.With w) {
            walkWith(w, ctx, active);
        } else if (s instanceof Stmt.Try t) {
            // try/except is no guard on PostgreSQL: the failed statement aborts the transaction and the
            // next one fails with 25P02; only a savepoint (begin_nested) inside it rolls back alone.
            // handlers that all end in `raise` swallow nothing: the body runs as if unwrapped
            boolean reraises = t.handlers().stream().allMatch(h -> reraises(h.body(), ctx.scope()));
            Ctx body = reraises ? ctx : ctx.asConditional();
            if (ctx.guard() == null && !reraises) {
                boolean savepoint = usesSavepoint(t.body());
                body = body.withGuard(savepoint
                        ? Guard.of(GuardKind.SAVEPOINT, t.span(), "savepoint (begin_nested) in try/except")
                        : ownTransactions(ctx, t)
                                ? new Guard(GuardKind.SAVEPOINT, t.span(), ctx.autocommit()
                                        ? "try/except in autocommit_block()" : "try/except after a COMMIT",
                                        ExceptClauses.tolerated(t))
                                : new Guard(GuardKind.TRY_EXCEPT, t.span(), "try/except", ExceptClauses.tolerated(t)));
            } else if (!reraises && ctx.guard().settled() && !ctx.conditional() && !usesSavepoint(t.body())
                    && !ownTransactions(ctx, t)) {
                // `if not helper_is_true(): return` (a test of configuration) then `try: ... except E:`: where the
                // test lets the body run it is a plain try/except body, on the first run and on the re-run
                body = body.withGuard(Guard.trySetting(ctx.guard(), t.span(), "try/except",
                        ExceptClauses.tolerated(t)));
            }
            walkBlock(t.body(), body, active);
            boolean aborted = ctx.guard() == null && !reraises && !ownTransactions(ctx, t) && errorAbortsTransaction
                    && !usesSavepoint(t.body()) && statementsOnly(t.body(), ctx, true);
            for (Stmt.Handler h : t.handlers()) {
                Ctx handler = ctx.asConditional();
                if (aborted && statementsOnly(h.body(), ctx, false)) {
                    handler = handler.withGuard(Guard.of(GuardKind.AFTER_ABORT, h.span(),
                            "except handler after a failed statement (25P02)"));
                } else if (ctx.guard() == null && reraises(h.body(), ctx.scope())) {
                    // a handler that always raises ends the revision in failure, and no enclosing try swallows
                    // it: in a run that completed it never ran
                    handler = handler.withGuard(Guard.of(GuardKind.AFTER_ABORT, h.span(),
                            "except handler that raises"));
                }
                walkBlock(h.body(), handler, active);
            }
            walkBlock(t.orelse(), t.handlers().isEmpty() ? ctx : ctx.asConditional(), active);
            walkBlock(t.finalbody(), ctx, active);
        } else if (s instanceof Stmt.FunctionDef f) {
            ctx.functions().put(f.name(), f);
        } else if (s instanceof Stmt.ClassDef c) {
        } else if (s instanceof Stmt.Import i) {
        } else if (s instanceof Stmt.Opaque o) {
            for (Expr e : o.exprs()) {
                visit(e, ctx, active);
            }
            walkBlock(o.body(), ctx, active);
        }
        return null;
    }

    /**
     * The truth of a test of the items of loops over literal lists ({@code for t in ["a", "user"]: if t == "user":}),
     * each bound to its literal for the iteration walked: {@code ==}, {@code !=}, {@code in}, {@code not in} of
     * such items and literals, a string item's truth and its {@code startswith}/{@code endswith} of a literal,
     * {@code not}, {@code and}, {@code or}. Null when any part is something else.
     */
    private Boolean itemTest(Expr test, Scope scope, int depth) {
        if (depth > 16 || !mentions(test, literalItems)) {
            return null;
        }
        if (test instanceof Expr.UnaryOp u && u.op().equals("not")) {
            Boolean b = itemTest(u.operand(), scope, depth + 1);
            return b == null ? null : !b;
        }
        if (test instanceof Expr.BoolOp b) {
            boolean and = b.op().equals("and");
            for (Expr v : b.values()) {
                Boolean t = itemTest(v, scope, depth + 1);
                if (t == null) {
                    return null;
                }
                if (t != and) {
                    return t;
                }
            }
            return and;
        }
        if (test instanceof Expr.Name) {
            // `if line:` on an item that is a string: true when it is not empty
            String v = itemValue(test, scope);
            return v == null || !v.startsWith("s:") ? null : v.length() > 2;
        }
        if (test instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
                && (a.attr().equals("startswith") || a.attr().equals("endswith")) && c.args().size() == 1
                && c.args().get(0).keyword() == null && c.args().get(0).star() == 0) {
            // `line.startswith("--")` of an item that is a string and a literal
            String v = itemValue(a.value(), scope);
            String affix = StringResolver.constant(c.args().get(0).value(), scope);
            if (v == null || !v.startsWith("s:") || affix == null || !(c.args().get(0).value() instanceof Expr.Str)) {
                return null;
            }
            String text = v.substring(2);
            return a.attr().equals("startswith") ? text.startsWith(affix) : text.endsWith(affix);
        }
        if (test instanceof Expr.Compare c && c.ops().size() == 1) {
            String left = itemValue(c.left(), scope);
            Expr right = c.comparators().get(0);
            String op = c.ops().get(0);
            if (left == null) {
                return null;
            }
            if (op.equals("==") || op.equals("!=")) {
                String r = itemValue(right, scope);
                return r == null ? null : left.equals(r) == op.equals("==");
            }
            if ((op.equals("in") || op.equals("not in")) && (right instanceof Expr.Tuple || right instanceof Expr.ListExpr)) {
                List<String> values = new ArrayList<>();
                for (Expr e : right.children()) {
                    String v = itemValue(e, scope);
                    if (v == null) {
                        return null;
                    }
                    values.add(v);
                }
                return values.contains(left) == op.equals("in");
            }
        }
        return null;
    }

    /**
     * The truth of {@code isinstance(x, str)} (a type or a tuple of {@code str}, {@code bytes}, {@code list},
     * {@code tuple}, {@code dict}, {@code int}, {@code float}, {@code bool}), also under {@code not}, where {@code
     * x} is bound to a value written in the code: a literal, or a function of this file by its name (a function is
     * none of these types). This is how a helper run on each item of a literal list tells its items apart ({@code
     * for cmd in [add_types, "UPDATE ..."]: _execute(conn, cmd)} with {@code if isinstance(cmd, str):
     * conn.execute(cmd) else: cmd(conn)}). Null for anything else, or a type name the code rebinds.
     */
    private static Boolean literalType(Expr test, Ctx ctx) {
        if (test instanceof Expr.UnaryOp u && u.op().equals("not")) {
            Boolean b = literalType(u.operand(), ctx);
            return b == null ? null : !b;
        }
        if (!(test instanceof Expr.Call c) || !(c.func() instanceof Expr.Name f) || !f.id().equals("isinstance")
                || ctx.scope().binds("isinstance") || c.args().size() != 2
                || c.args().stream().anyMatch(a -> a.keyword() != null || a.star() != 0)) {
            return null;
        }
        String type = literalTypeOf(boundItem(c.args().get(0).value(), ctx.scope()), ctx, 0);
        Expr classes = c.args().get(1).value();
        List<Expr> names = classes instanceof Expr.Tuple t ? t.elements() : List.of(classes);
        if (type == null || names.isEmpty()) {
            return null;
        }
        boolean matches = false;
        for (Expr n : names) {
            if (!(n instanceof Expr.Name tn) || !BUILTIN_TYPES.contains(tn.id()) || ctx.scope().binds(tn.id())
                    || ctx.functions().containsKey(tn.id())) {
                return null;
            }
            // bool is a subclass of int
            matches |= tn.id().equals(type) || tn.id().equals("int") && type.equals("bool");
        }
        return matches;
    }

    /**
     * The value a name is bound to, or item {@code k} of the list or tuple it is bound to ({@code cmd[0]} for
     * {@code cmd} an item {@code (add_roles, "DELETE ...")} of a literal list); null when not known.
     */
    private static Expr boundItem(Expr e, Scope scope) {
        if (e instanceof Expr.Name x) {
            return scope.binds(x.id()) ? scope.lookup(x.id()) : null;
        }
        if (e instanceof Expr.Subscript sub && sub.value() instanceof Expr.Name x && scope.binds(x.id())
                && sub.index() instanceof Expr.Num k && k.text().matches("[0-9]{1,3}")) {
            Expr v = scope.lookup(x.id());
            List<Expr> items = v instanceof Expr.Tuple t ? t.elements() : v instanceof Expr.ListExpr l ? l.elements()
                    : null;
            int i = Integer.parseInt(k.text());
            return items == null || i >= items.size() ? null : items.get(i);
        }
        return null;
    }

    private static final Set<String> BUILTIN_TYPES = Set.of("str", "bytes", "list", "tuple", "dict", "int", "float",
            "bool");

    /**
     * The builtin type of a value written in the code ({@code "str"}, {@code "list"}...), {@code "function"} for
     * a function of this file named and not rebound, both arms of {@code a if c else b} when they agree; else null.
     */
    private static String literalTypeOf(Expr v, Ctx ctx, int depth) {
        if (v == null || depth > 8) {
            return null;
        }
        if (v instanceof Expr.Str str) {
            return str.bytes() ? "bytes" : "str";
        }
        if (v instanceof Expr.ListExpr) {
            return "list";
        }
        if (v instanceof Expr.Tuple) {
            return "tuple";
        }
        if (v instanceof Expr.Dict) {
            return "dict";
        }
        if (v instanceof Expr.Num n) {
            String t = n.text().toLowerCase(Locale.ROOT);
            return t.endsWith("j") ? null : t.contains(".") || !t.startsWith("0x") && t.contains("e") ? "float" : "int";
        }
        if (v instanceof Expr.Const k) {
            return k.text().equals("True") || k.text().equals("False") ? "bool" : null;
        }
        if (v instanceof Expr.Name n && !ctx.scope().binds(n.id()) && ctx.functions().containsKey(n.id())) {
            return "function";
        }
        if (v instanceof Expr.Opaque o && o.kind().equals(FORMATTED)) {
            return "str";
        }
        if (v instanceof Expr.Opaque o && o.kind().equals("ifexp") && o.children().size() == 3) {
            String a = literalTypeOf(o.children().get(0), ctx, depth + 1);
            return a != null && a.equals(literalTypeOf(o.children().get(2), ctx, depth + 1)) ? a : null;
        }
        return null;
    }

    /** A literal string, or a literal loop's item bound to one: its text with a kind mark; else null. */
    private String itemValue(Expr e, Scope scope) {
        Expr v = e instanceof Expr.Name n && literalItems.contains(n.id()) ? scope.lookup(n.id()) : e;
        if (v instanceof Expr.Str s && s.isConstant() && !s.bytes()) {
            return "s:" + s.constantText();
        }
        return v instanceof Expr.Num num ? "n:" + num.text() : null;
    }

    /** List methods after which an item of the literal a list was made from may be gone or replaced. */
    private static final Set<String> TAKES_ITEMS = Set.of("remove", "pop", "clear", "__delitem__", "__setitem__",
            "sort", "reverse", "update", "setdefault", "popitem");

    /**
     * Unbinds a name bound to a literal list or dict when {@code s} may take items out of it or replace them
     * ({@code cols.remove(c)}, {@code cols.pop()}, {@code del cols[0]}, {@code cols[0] = c}, {@code kw.update(...)}):
     * what it holds is then not read. Appending to a list keeps every literal item ({@link #tableElements}).
     */
    private static void forgetMutated(Stmt s, Scope scope) {
        List<Expr> touched = new ArrayList<>();
        if (s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
                && TAKES_ITEMS.contains(a.attr())) {
            touched.add(a.value());
        } else if (s instanceof Stmt.Opaque o && o.kind().equals("del")) {
            touched.addAll(o.exprs());
        } else if (s instanceof Stmt.Assign a) {
            touched.addAll(a.targets());
        }
        for (Expr t : touched) {
            Expr list = t instanceof Expr.Subscript sub ? sub.value() : t instanceof Expr.Tuple ? null
                    : s instanceof Stmt.ExprStmt ? t : null;
            Expr bound = list instanceof Expr.Name n ? scope.lookup(n.id()) : null;
            if (bound instanceof Expr.ListExpr || bound instanceof Expr.Dict) {
                scope.forget(((Expr.Name) list).id());
            }
        }
    }

    /**
     * Inside {@code autocommit_block()} on a server where an error aborts the transaction (PostgreSQL) each
     * statement commits on its own, so an error a try/except swallows aborts no transaction: the handler keeps the
     * revision going as a savepoint would (the same guard kind). Where no error aborts a transaction (MySQL,
     * MariaDB) a try/except keeps its own reading, by the classes its handlers catch.
     */
    private boolean ownTransactions(Ctx ctx) {
        return ctx.autocommit() && errorAbortsTransaction;
    }

    /**
     * {@link #ownTransactions} for a try statement: also after a {@code COMMIT} executed as SQL earlier in the
     * revision or first in the try body. psycopg2 begins a transaction only when it has none of its own, and a
     * {@code COMMIT} sent as SQL ends the server's transaction behind its back, so every later statement commits on
     * its own and an error a handler swallows aborts nothing (PostgreSQL 15, SQLAlchemy 1.4 and 2.0). SQLAlchemy
     * 2.0's {@code connection.commit()} is not one: the connection begins a new transaction at its next statement.
     */
    private boolean ownTransactions(Ctx ctx, Stmt.Try t) {
        return ownTransactions(ctx) || errorAbortsTransaction
                && (sqlCommitted || !t.body().isEmpty() && executesCommit(t.body().get(0)));
    }

    /** A statement that executes {@code COMMIT} as SQL: {@code op.execute("COMMIT")}, {@code conn.execute(text("COMMIT"))}. */
    private static boolean executesCommit(Stmt s) {
        if (!(s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Call c && c.func() instanceof Expr.Attribute f
                && (f.attr().equals("execute") || f.attr().equals("exec_driver_sql")))) {
            return false;
        }
        Expr first = c.positional(0);
        String sql = first == null ? null : NamingConventionReader.literal(
                first instanceof Expr.Call t && t.positional(0) != null ? t.positional(0) : first);
        return sql != null && endsTransaction(sql);
    }

    /**
     * Whether {@code block} is Alembic operations only ({@code op.add_column(...)}, a {@code with
     * op.batch_alter_table(...) as b:} of {@code b.} calls), and holds one: an error it raises is the database's.
     * {@code execute}: whether {@code op.execute} counts (a handler's may end the aborted transaction with a
     * ROLLBACK, after which its later statements run).
     */
    private boolean statementsOnly(List<Stmt> block, Ctx ctx, boolean execute) {
        boolean any = false;
        for (Stmt s : block) {
            if (s instanceof Stmt.Opaque o && o.kind().equals("pass")) {
                continue;
            }
            if (s instanceof Stmt.With w && w.items().size() == 1
                    && w.items().get(0).context() instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
                    && a.attr().equals("batch_alter_table") && opReceiver(a.value(), ctx)
                    && w.items().get(0).vars() instanceof Expr.Name b) {
                for (Stmt inner : w.body()) {
                    if (!(inner instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Call ic
                            && ic.func() instanceof Expr.Attribute ia && ia.value() instanceof Expr.Name in
                            && in.id().equals(b.id()) && (execute || !ia.attr().equals("execute")))) {
                        return false;
                    }
                }
                any |= !w.body().isEmpty();
                continue;
            }
            if (!(s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
                    && opReceiver(a.value(), ctx) && (execute || !a.attr().equals("execute")))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * The op function a called name is ({@code execute} after {@code from alembic.op import execute}), not shadowed
     * by a local or a function of this file; null otherwise.
     */
    private String opFunction(Expr.Name name, Ctx ctx) {
        String f = opFunctions.get(name.id());
        return f == null || ctx.scope().lookup(name.id()) != null || ctx.functions().containsKey(name.id()) ? null : f;
    }

    /** Whether {@code e} names Alembic's {@code op} module (not a local of that name). */
    private boolean opReceiver(Expr e, Ctx ctx) {
        return e instanceof Expr.Name n && opNames.contains(n.id()) && ctx.scope().lookup(n.id()) == null;
    }

    /** {@code with conn.begin_nested():} (a SAVEPOINT) anywhere at the top of a try body. */
    private static boolean usesSavepoint(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.With w) {
                for (Stmt.WithItem item : w.items()) {
                    if (item.context() instanceof Expr.Call c && "begin_nested".equals(Names.lastPart(c.func()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * True when {@code s} may leave the function before the statements after it: an {@code if} (or
     * {@code try}) with a {@code return} somewhere inside, other than one whose test the analyzer
     * decides for PostgreSQL. A {@code raise} fails the revision, so it leaves nothing to follow.
     */
    private boolean mayLeave(Stmt s, Scope scope) {
        if (s instanceof Stmt.If i) {
            Boolean runs = thenRuns(i.test(), scope);
            if (runs != null) {
                return containsReturn(runs ? i.body() : i.orelse(), scope);
            }
        }
        if (s instanceof Stmt.If || s instanceof Stmt.Try || s instanceof Stmt.For || s instanceof Stmt.While
                || s instanceof Stmt.With) {
            return containsReturn(StmtParts.blocks(s), scope);
        }
        return false;
    }

    /**
     * True when {@code s} is a dialect test whose branch that runs on the project's database always
     * ends in {@code return}, {@code raise} or {@code continue}, through elif chains (read in a loop:
     * their nesting is the input's).
     */
    private boolean leavesOnDialect(Stmt s, Scope scope) {
        Stmt current = s;
        while (current instanceof Stmt.If i) {
            Boolean runs = thenRuns(i.test(), scope);
            if (runs == null) {
                return false;
            }
            List<Stmt> branch = runs ? i.body() : i.orelse();
            if (branch.isEmpty()) {
                return false;
            }
            if (endsFlow(branch)) {
                return true;
            }
            current = branch.get(branch.size() - 1);
        }
        return false;
    }

    /** A {@code return} that may run on the project's database: dialect tests' other branches never do. */
    private boolean containsReturn(List<Stmt> stmts, Scope scope) {
        for (Stmt s : stmts) {
            if (!facts(s).returns()) {
                continue;
            }
            Boolean runs = s instanceof Stmt.If i ? thenRuns(i.test(), scope) : null;
            List<Stmt> inner = runs == null ? StmtParts.blocks(s) : runs ? ((Stmt.If) s).body() : ((Stmt.If) s).orelse();
            if (s instanceof Stmt.Return || !(s instanceof Stmt.FunctionDef) && containsReturn(inner, scope)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when an except handler's body raises on the project's database: it ends in {@code raise}, or, after
     * plain statements (assignments, expressions, imports), meets a dialect test whose branch that runs there
     * raises ({@code if op.get_bind().dialect.name != "sqlite": raise e}). Any other flow: false.
     */
    private boolean reraises(List<Stmt> body, Scope scope) {
        if (endsInRaise(body)) {
            return true;
        }
        for (Stmt s : body) {
            if (s instanceof Stmt.Opaque o && o.kind().equals("raise")) {
                return true;
            }
            if (s instanceof Stmt.If i) {
                Boolean runs = thenRuns(i.test(), scope);
                return runs != null && reraises(runs ? i.body() : i.orelse(), scope);
            }
            if (!(s instanceof Stmt.Assign || s instanceof Stmt.AnnAssign || s instanceof Stmt.AugAssign
                    || s instanceof Stmt.ExprStmt || s instanceof Stmt.Import)) {
                return false;
            }
        }
        return false;
    }

    /**
     * The names whose value after the undecided {@code if} depends on the arm that ran: bound by both arms, or by
     * one arm while bound before it. A name only one arm binds, unbound before, holds that arm's value wherever it
     * is read after the {@code if} without a NameError.
     */
    private Set<String> reboundByEitherArm(Stmt.If i, Scope scope) {
        Set<String> then = assignedNames(i.body());
        Set<String> otherwise = assignedNames(i.orelse());
        Set<String> out = new HashSet<>();
        for (String n : then) {
            if (otherwise.contains(n) || scope.binds(n)) {
                out.add(n);
            }
        }
        for (String n : otherwise) {
            if (scope.binds(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The plain names a block assigns, in nested blocks too but not in nested functions or classes. */
    private Set<String> assignedNames(List<Stmt> block) {
        Set<String> out = new HashSet<>();
        ArrayDeque<Stmt> todo = new ArrayDeque<>(block);
        while (!todo.isEmpty()) {
            Stmt s = todo.pop();
            if (!facts(s).assigns()) {
                continue;
            }
            List<Expr> targets = s instanceof Stmt.Assign a ? a.targets()
                    : s instanceof Stmt.AnnAssign a ? List.of(a.target())
                    : s instanceof Stmt.AugAssign a ? List.of(a.target()) : List.of();
            ArrayDeque<Expr> names = new ArrayDeque<>(targets);
            while (!names.isEmpty()) {
                Expr t = names.pop();
                if (t instanceof Expr.Name n) {
                    out.add(n.id());
                } else if (t instanceof Expr.Tuple tuple) {
                    names.addAll(tuple.elements());
                } else if (t instanceof Expr.ListExpr list) {
                    names.addAll(list.elements());
                }
            }
            todo.addAll(StmtParts.blocks(s));
        }
        return out;
    }

    /**
     * What a statement's text holds, read once per statement node: a {@code return} anywhere in it outside nested
     * functions (any branch, decided or not), an assignment outside nested functions and classes. False means
     * {@link #containsReturn} and {@link #assignedNames} find nothing there, so an {@code elif} chain, whose k-th
     * arm sits k {@code else} blocks deep, is not read again at each arm.
     */
    private record StmtFacts(boolean returns, boolean assigns) {
    }

    private StmtFacts facts(Stmt stmt) {
        StmtFacts known = facts.get(stmt);
        if (known != null) {
            return known;
        }
        return PostOrder.fold(stmt, StmtParts::blocks, facts, (s, inner) -> {
            boolean returns = s instanceof Stmt.Return;
            boolean assigns = s instanceof Stmt.Assign || s instanceof Stmt.AnnAssign || s instanceof Stmt.AugAssign;
            for (Stmt t : inner) {
                returns |= facts.get(t).returns();
                assigns |= facts.get(t).assigns();
            }
            return new StmtFacts(returns && !(s instanceof Stmt.FunctionDef),
                    assigns && !(s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef));
        });
    }

    /**
     * The guard {@code for c in insp.get_columns("t"): if c["name"] == "x": return} puts on the rest of its block:
     * the rest runs when no listed object passes the check, the negation of the check on the object it names. Null
     * for any other loop.
     */
    private static Guard returnsOnListedItem(Stmt.For f, Ctx ctx) {
        if (!(f.target() instanceof Expr.Name n) || !f.orelse().isEmpty() || f.body().size() != 1
                || !(f.body().get(0) instanceof Stmt.If i) || !i.orelse().isEmpty() || i.body().isEmpty()
                || !(i.body().get(i.body().size() - 1) instanceof Stmt.Return)
                || !ConditionReader.readsSchema(f.iter(), ctx.scope(), ctx.functions(), ctx.tainted())) {
            return null;
        }
        Scope item = new Scope(ctx.scope());
        item.bind(n.id(), new Expr.Opaque(ConditionReader.LOOP_ITEM, List.of(f.iter()), f.iter().span()));
        Guard g = ConditionReader.guard(i.test(), item, ctx.functions(), ctx.tainted());
        return g == null || g.kind() != GuardKind.INSPECTOR ? null : g.negated();
    }

    private static boolean endsInRaise(List<Stmt> body) {
        return !body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.Opaque o && o.kind().equals("raise");
    }

    private static boolean endsFlow(List<Stmt> body) {
        if (body.isEmpty()) {
        return false;
        }
        Stmt last = body.get(body.size() - 1);
        return last instanceof Stmt.Return
                || last instanceof Stmt.Opaque o && (o.kind().equals("raise") || o.kind().equals("continue"));
    }

    private void bindTarget(Expr target, Expr value, Ctx ctx, boolean taint) {
        if (target instanceof Expr.Name n) {
            ctx.scope().bind(n.id(), value);
            if (taint) {
                ctx.tainted().add(n.id());
            } else {
                ctx.tainted().remove(n.id());
            }
        } else if (target instanceof Expr.Tuple t) {
            List<Expr> values = value instanceof Expr.Tuple vt && vt.elements().size() == t.elements().size()
                    ? vt.elements() : null;
            for (int i = 0; i < t.elements().size(); i++) {
                Expr el = t.elements().get(i);
                if (el instanceof Expr.Name n) {
                    if (values != null) {
                        ctx.scope().bind(n.id(), values.get(i));
                    } else {
                        ctx.scope().unbind(n.id());
                    }
                    if (taint) {
                        ctx.tainted().add(n.id());
                    }
                }
            }
        }
    }

    /**
     * The arm of {@code a if test else b} that runs on the project's database when {@code test} asks the dialect
     * ({@link #thenRuns}): {@code "UPDATE ... `values`" if is_mysql() else "UPDATE ... \"values\""}; {@code e}
     * itself for anything else.
     */
    private Expr dialectArm(Expr e, Scope scope) {
        for (int i = 0; i < 8 && e instanceof Expr.Opaque o && o.kind().equals("ifexp") && o.children().size() == 3;
                i++) {
            Boolean runs = thenRuns(o.children().get(1), scope);
            if (runs == null) {
                return e;
            }
            e = o.children().get(runs ? 0 : 2);
        }
        return e;
    }

    private Ctx loopCtx(Ctx ctx) {
        return ctx.child(new Scope(ctx.scope()), ctx.functions(), ctx.tainted(), ctx.batches(), ctx.autocommit(),
                true, ctx.depth());
    }

    private void walkFor(Stmt.For f, Ctx ctx, Set<String> active) {
        visit(f.iter(), ctx, active);
        List<Expr> items = LoopItems.of(f.iter(), ctx.scope(), file.text());
        if (items != null) {
            Set<String> bound = new HashSet<>();
            if (f.target() instanceof Expr.Name n && !literalItems.contains(n.id())) {
                bound.add(n.id());
            }
            literalItems.addAll(bound);
            try {
                for (Expr item : items) {
                    Ctx c = loopCtx(ctx);
                    bindTarget(f.target(), dialectArm(item, ctx.scope()), c, false);
                    walkBlock(f.body(), c, active);
                }
            } finally {
                literalItems.removeAll(bound);
            }
        } else {
            // unknown items: the body may run any number of times, or never
            Ctx c = loopCtx(ctx).asConditional();
            Guard helperItems = ConditionReader.loopOverHelper(f.iter(), ctx.scope(), ctx.functions(), ctx.tainted());
            if (helperItems != null) {
                // items a local helper builds from what it reads in the database: a re-run's loop runs over what
                // the first run left, as under `if helper():`
                c = c.withGuard(Guard.nested(ctx.guard(), helperItems));
            }
            names(f.target(), c.scope()::unbind);
            Set<String> added = new HashSet<>();
            names(f.target(), added::add);
            added.removeAll(loopVariables);
            loopVariables.addAll(added);
            if (f.target() instanceof Expr.Name n && ConditionReader.readsSchema(f.iter(), ctx.scope(), ctx.functions(),
                    ctx.tainted())) {
                // `for col in insp.get_columns("t"):` the body runs once per object the inspector lists,
                // so `if col["name"] == "old":` inside is a check on that object
                c.scope().bind(n.id(), new Expr.Opaque(ConditionReader.LOOP_ITEM, List.of(f.iter()), f.iter().span()));
            } else if (RunTimeValues.madeAtRunTime(f.iter(), ctx.scope())) {
                // rows the revision reads (for row in conn.execute(...).fetchall()): what the body takes from
                // them is made at run time, and a re-run reads what the first run left
                Scope scope = c.scope();
                names(f.target(), id -> scope.bind(id, f.iter()));
            }
            try {
                walkBlock(f.body(), c, active);
            } finally {
                loopVariables.removeAll(added);
            }
        }
        walkBlock(f.orelse(), ctx, active);
    }

    /** Each name in {@code target}, an assignment's or loop's, to {@code out} (with repeats), in source order. */
    private static void names(Expr target, Consumer<String> out) {
        if (target instanceof Expr.Name n) {
            out.accept(n.id());
        } else {
            for (Expr c : target.children()) {
                names(c, out);
            }
        }
    }

    /** Whether {@code e} reads any of {@code names}. */
    private static boolean mentions(Expr e, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        if (e instanceof Expr.Name n) {
            return names.contains(n.id());
        }
        for (Expr c : e.children()) {
            if (mentions(c, names)) {
                return true;
            }
        }
        return false;
    }

    private void walkWith(Stmt.With w, Ctx ctx, Set<String> active) {
        Map<String, Expr> batches = ctx.batches();
        boolean autocommit = ctx.autocommit();
        Guard suppressed = null;
        boolean savepoint = false;
        for (Stmt.WithItem item : w.items()) {
            Expr c = item.context();
            if (c instanceof Expr.Call call) {
                String last = Names.lastPart(call.func());
                savepoint |= "begin_nested".equals(last);
                if (suppressed == null && isSuppress(call)) {
                    // with contextlib.suppress(E): a try/except E: pass around the body, and no guard on PostgreSQL
                    // for the same reason (the failed statement aborts the transaction: 25P02 at the next one)
                    suppressed = new Guard(GuardKind.TRY_EXCEPT, w.span(), "contextlib.suppress",
                            ExceptClauses.caught(call.args().stream().filter(a -> a.keyword() == null && a.star() == 0)
                                    .map(Arg::value).toList()));
                    continue;
                }
                if ("batch_alter_table".equals(last) && item.vars() instanceof Expr.Name v) {
                    batches = new HashMap<>(batches);
                    Expr table = call.positional(0);
                    if (table == null && call.keyword("table_name") != null) {
                        table = call.keyword("table_name").value();
                    }
                    batches.put(v.id(), table);
                    SchemaRef schema = schemaKeyword(call, "schema", ctx);
                    batchSchemas.put(table, schema.source() == SchemaRef.Source.WRITTEN
                            ? new SchemaRef(schema.schema(), SchemaRef.Source.BATCH) : schema);
                    if (table != null && call.keyword("recreate") != null
                            && "always".equals(str(call.keyword("recreate").value(), ctx))) {
                        rebuiltBatchTables.add(table);
                    }
                    continue;
                }
                if ("autocommit_block".equals(last)) {
                    autocommit = true;
                    continue;
                }
            }
            visit(c, ctx, active);
            Expr handle = c instanceof Expr.Call open && item.vars() instanceof Expr.Name
                    ? SideFiles.opened(open, file, ctx.scope()) : null;
            if (handle != null) {
                // `with open(os.path.join(os.path.dirname(__file__), "x.sql")) as f:` beside the revision: the
                // handle reads the file's text (SideFiles)
                ctx.scope().bind(((Expr.Name) item.vars()).id(), handle);
            } else if (item.vars() != null) {
                names(item.vars(), ctx.scope()::unbind);
            }
        }
        Ctx inner = ctx.child(ctx.scope(), ctx.functions(), ctx.tainted(), batches, autocommit, ctx.indirect(),
                ctx.depth());
        if (suppressed != null) {
            inner = inner.asConditional();
            if (ctx.guard() == null) {
                inner = inner.withGuard(savepoint || usesSavepoint(w.body())
                        ? Guard.of(GuardKind.SAVEPOINT, w.span(), "savepoint (begin_nested) in contextlib.suppress")
                        : ownTransactions(inner)
                                ? suppressed.withKind(GuardKind.SAVEPOINT, "contextlib.suppress in autocommit_block()")
                                : suppressed);
            }
        }
        walkBlock(w.body(), inner, active);
    }

    /**
     * {@code contextlib.suppress(...)} or a bare {@code suppress(...)} (as {@code from contextlib import suppress}
     * binds it) with at least one class and nothing else passed.
     */
    private static boolean isSuppress(Expr.Call call) {
        String name = Names.dotted(call.func());
        return ("contextlib.suppress".equals(name) || "suppress".equals(name)) && !call.args().isEmpty()
                && call.args().stream().allMatch(a -> a.keyword() == null && a.star() == 0);
    }

    /** Calls at statement level that change nothing in the database: logging, printing, session upkeep. */
    /**
     * The standard library's file system calls: they reach no database. Not {@code os.system}, {@code os.popen} or
     * {@code subprocess} (a shell may run psql), nor {@code os._exit} (what follows never runs).
     */
    private static final Set<String> FILE_SYSTEM_CALLS = Set.of("os.rename", "os.replace", "os.remove", "os.unlink",
            "os.mkdir", "os.makedirs", "os.rmdir", "os.removedirs", "os.listdir", "os.chmod", "os.path.exists",
            "os.path.isdir", "os.path.isfile", "os.path.join", "shutil.move", "shutil.copy", "shutil.copy2",
            "shutil.copyfile", "shutil.copytree", "shutil.rmtree");

    private static final Set<String> HARMLESS_CALLS = Set.of("print", "warn", "debug", "info", "warning", "error",
            "exception", "critical", "log", "commit", "rollback", "close", "flush", "add", "add_all", "expunge",
            "append", "extend", "update", "setdefault", "pop", "remove", "discard", "clear", "sleep", "inspect",
            "get_bind", "get_context", "begin", "begin_nested", "execution_options", "reflect", "echo", "write",
            "assert_called", "configure", "invalidate", "dispose", "register", "set", "notice");

    /**
     * A statement-level call of a function this migration does not define and the analyzer does not
     * model ({@code reflect.drop_unique_constraints("groups", [...])}, {@code create_views(op)}): it
     * may create or drop anything.
     */
    /**
     * The function of this file a called name runs: its own, or the one a name is bound to (a parameter given it, an
     * item of a literal list of functions: {@code for cmd in [add_types, ...]: cmd(conn)}); null for none.
     */
    private static Stmt.FunctionDef localFunction(Expr.Name name, Ctx ctx) {
        Stmt.FunctionDef own = ctx.functions().get(name.id());
        if (own != null) {
            return own;
        }
        return ctx.scope().lookup(name.id()) instanceof Expr.Name bound && !ctx.scope().binds(bound.id())
                ? ctx.functions().get(bound.id()) : null;
    }

    private boolean foreignCall(Expr.Call call, Ctx ctx) {
        Expr func = call.func();
        String last = Names.lastPart(func);
        if (last == null || HARMLESS_CALLS.contains(last)) {
            return false;
        }
        if (last.equals("bulk_save_objects") && !sessionModels.isEmpty() && func instanceof Expr.Attribute b
                && b.value() instanceof Expr.Name session && sessionOf(session, ctx.scope()) != null
                && call.positional(0) != null && ormRows(ColumnReader.deref(call.positional(0), ctx.scope()), false,
                        call.args().size() == 1, ctx) != null) {
            return false; // rows of classes the revision declares, on the migration's connection: read as inserts
        }
        if (func instanceof Expr.Name n) {
            return localFunction(n, ctx) == null && opFunction(n, ctx) == null;
        }
        if (func instanceof Expr.Attribute a) {
            Expr r = a.value();
            if (r instanceof Expr.Name rn && (opNames.contains(rn.id()) && ctx.scope().lookup(rn.id()) == null
                    || ctx.batches().containsKey(rn.id()))) {
                return false;
            }
            if (EXECUTE_METHODS.contains(last) || last.equals("create") || last.equals("drop")) {
                return false;
            }
            String root = Names.dotted(r);
            // a revision that moves an upload folder (`os.rename`, `shutil.move`) changes no table
            return root == null || !(root.startsWith("log") || root.startsWith("LOG") || root.equals("warnings")
                    || root.equals("sys.stdout") || root.equals("click")
                    || FILE_SYSTEM_CALLS.contains(root + "." + last) && ctx.scope().lookup(root.split("\\.", 2)[0]) == null);
        }
        return false;
    }

    /** The constant string arguments of {@code call}, lower-cased (strings inside list arguments too). */
    private Set<String> stringArgs(Expr.Call call, Ctx ctx) {
        Set<String> out = new HashSet<>();
        for (Arg a : call.args()) {
            Expr v = a.value();
            List<Expr> items = v instanceof Expr.ListExpr l ? l.elements() : v instanceof Expr.Tuple t ? t.elements()
                    : List.of(v);
            for (Expr item : items) {
                String str = StringResolver.constant(item, ctx.scope());
                if (str != null) {
                    out.add(str.toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(out);
    }

    /** Finds operations in an expression; an op call's own arguments are not searched again. */
    private void visit(Expr e, Ctx ctx, Set<String> active) {
        if (e instanceof Expr.Call call) {
            if (handleCall(call, ctx, active)) {
                return;
            }
        }
        for (int i = 0, n = e.childCount(); i < n; i++) {
            visit(e.child(i), ctx, active);
        }
    }

    private boolean handleCall(Expr.Call call, Ctx ctx, Set<String> active) {
        Expr func = call.func();
        if (func instanceof Expr.Subscript item && boundItem(item, ctx.scope()) instanceof Expr.Name fn
                && !ctx.scope().binds(fn.id()) && ctx.functions().containsKey(fn.id())) {
            // `cmd[0]()` for `cmd` an item (add_roles, "DELETE ...") of a literal list: the function it names
            Stmt.FunctionDef helper = ctx.functions().get(fn.id());
            if (!active.contains(helper.name()) && ctx.depth() < MAX_HELPER_DEPTH) {
                expandHelper(helper, call, ctx, active);
                return true;
            }
            return false;
        }
        if (func instanceof Expr.Name fn) {
            Stmt.FunctionDef helper = localFunction(fn, ctx);
            if (helper != null && !active.contains(helper.name()) && ctx.depth() < MAX_HELPER_DEPTH) {
                expandHelper(helper, call, ctx, active);
                return true;
            }
            String imported = helper == null ? opFunction(fn, ctx) : null;
            return imported != null && opCall(imported, call, null, Origin.OP_CALL, ctx);
        }
        if (!(func instanceof Expr.Attribute attr)) {
            return false;
        }
        String method = attr.attr();
        Expr receiver = attr.value();
        if (receiver instanceof Expr.Name rn && opNames.contains(rn.id()) && ctx.scope().lookup(rn.id()) == null) {
            return opCall(method, call, null, Origin.OP_CALL, ctx);
        }
        if (receiver instanceof Expr.Name rn && ctx.batches().containsKey(rn.id())) {
            return opCall(method, call, ctx.batches().get(rn.id()), Origin.BATCH_OP, ctx);
        }
        if (EXECUTE_METHODS.contains(method) && call.positional(0) != null) {
            executeSql(call.positional(0), call, ctx);
            return true;
        }
        if (!sessionModels.isEmpty() && ORM_SESSION_METHODS.contains(method) && receiver instanceof Expr.Name rn
                && sessionOf(rn, ctx.scope()) instanceof Expr.Call session) {
            ormSessionCall(method, call, session, ctx);
            return true;
        }
        if (ormQuery(call, ctx)) {
            out.add(new Operation.Benign(site(call, Origin.RAW_SQL, ctx), Operation.Benign.ORM_QUERY, null, null, List.of(),
                    coreNames(call, ctx)));
            return true;
        }
        if ((method.equals("create") || method.equals("drop")) && call.positional(0) != null) {
            Expr target = ColumnReader.deref(receiver, ctx.scope());
            if (ColumnReader.isEnumCall(target)) {
                EnumTypeRef ref = ColumnReader.enumType(target, ctx.scope());
                // postgresql.ENUM.create()/drop() default to checkfirst=True; the generic
                // SchemaType.create()/drop() of sa.Enum default to False.
                Boolean explicit = ColumnReader.bool(call.keyword("checkfirst"));
                boolean checkFirst = explicit != null ? explicit : ref.postgresqlDialect();
                OpSite site = site(call, Origin.SQLALCHEMY_DDL, ctx);
                if (method.equals("create")) {
                    out.add(new Operation.CreateEnumType(site, ref.name(), ref.labels(), checkFirst, false));
                } else {
                    out.add(new Operation.Drop(site, ObjectKind.TYPE, ref.name(), null, checkFirst));
                }
                return true;
            }
            // sa.Table("t", meta, ...).create(bind) / sa.Index("ix", ...).create(bind): checkfirst
            // defaults to False, so a re-run hits the existing table or index.
            if (target instanceof Expr.Call tc && call.positional(0) != null) {
                String cls = Names.lastPart(tc.func());
                boolean checkFirst = ColumnReader.isTrue(call.keyword("checkfirst"));
                OpSite site = site(call, Origin.SQLALCHEMY_DDL, ctx);
                if ("Table".equals(cls)) {
                    String name = str(tc.positional(0), ctx);
                    List<ColumnDef> columns = new ArrayList<>();
                    for (Arg a : tc.args()) {
                        Expr v = a.keyword() == null && a.star() == 0 ? ColumnReader.deref(a.value(), ctx.scope()) : null;
                        if (v != null && ColumnReader.isColumnCall(v)) {
                            columns.add(ColumnReader.read(v, ctx.scope()));
                        }
                    }
                    out.add(method.equals("create")
                            ? new Operation.CreateTable(site, name, List.copyOf(columns), checkFirst, List.of())
                            : new Operation.Drop(site, ObjectKind.TABLE, name, null, checkFirst));
                    return true;
                }
                if ("Index".equals(cls)) {
                    String name = str(tc.positional(0), ctx);
                    out.add(method.equals("create")
                            ? new Operation.CreateIndex(site, name, null, ColumnReader.isTrue(tc.keyword("unique")),
                                    checkFirst, ColumnReader.isTrue(tc.keyword("postgresql_concurrently")))
                            : new Operation.Drop(site, ObjectKind.INDEX, name, null, checkFirst, false, false,
                                    StatementLocks.concurrentlyAsked(call)));
                    return true;
                }
            }
        }
        return false;
    }

    /** The methods of a session on the migration's connection read by {@link #ormSessionCall}. */
    private static final Set<String> ORM_SESSION_METHODS = Set.of("add", "add_all", "bulk_save_objects", "flush",
            "commit", "rollback", "close", "expunge", "expunge_all");

    /**
     * Per session ({@code Session(bind=op.get_bind())}, by identity), the rows {@code add}/{@code add_all} gave it
     * that no flush has written yet: each the site of its call and its rows by declarative class.
     */
    private final Map<Expr, List<Map.Entry<OpSite, Map<String, List<Expr.Call>>>>> pendingRows =
            new IdentityHashMap<>();
    /** Per session, the inserts a flush wrote that no commit has made the session's own yet. */
    private final Map<Expr, List<Operation>> flushedRows = new IdentityHashMap<>();

    /**
     * The session {@code name} is bound to when it is one on the connection Alembic runs the migration on: {@code
     * Session(bind=op.get_bind())} (also {@code sa.orm.Session(...)}, {@code orm.Session(conn)} with {@code conn}
     * bound to {@code op.get_bind()}, {@code sessionmaker(bind=...)()}); null for any other.
     */
    private Expr sessionOf(Expr.Name name, Scope scope) {
        Expr s = ColumnReader.deref(name, scope);
        if (!(s instanceof Expr.Call c)) {
            return null;
        }
        Expr.Call made = c;
        if (c.func() instanceof Expr.Call maker && "sessionmaker".equals(Names.lastPart(maker.func()))
                && c.args().isEmpty()) {
            made = maker; // sessionmaker(bind=conn)(): the factory's bind
        } else if (!"Session".equals(Names.lastPart(c.func()))) {
            return null;
        }
        for (Arg a : made.args()) {
            if (a.star() != 0 || a.keyword() != null && !a.keyword().equals("bind")) {
                return null; // autoflush=, autocommit=, a binds= map: read no further
            }
        }
        Expr bind = made.keyword("bind") != null ? made.keyword("bind").value()
                : made.args().size() == 1 ? made.positional(0) : null;
        return bind != null && migrationConnection(bind, scope) ? s : null;
    }

    /**
     * A call on a session on the migration's connection ({@link #sessionOf}). {@code add(Model(...))} and {@code
     * add_all([...])} of declarative classes the revision declares ({@link DeclarativeModels}) are kept until a flush
     * or commit of that session in the same case writes them, as one {@link Operation.Insert} per class at the add's
     * site; {@code bulk_save_objects([...])} writes at once. A row given anything but keywords naming the class's
     * attributes leaves the call unread (nothing is written that is known). A rollback or close before a commit
     * drops what the session flushed: no insert is claimed for it.
     */
    private void ormSessionCall(String method, Expr.Call call, Expr session, Ctx ctx) {
        switch (method) {
            case "add", "add_all", "bulk_save_objects" -> {
                Map<String, List<Expr.Call>> rows = ormRows(method.equals("add") ? call.positional(0)
                        : call.positional(0) == null ? null : ColumnReader.deref(call.positional(0), ctx.scope()),
                        method.equals("add"), call.args().size() == 1, ctx);
                if (rows == null) {
                    return;
                }
                OpSite site = site(call, Origin.ORM_SESSION, ctx, SchemaRef.SEARCH_PATH);
                if (method.equals("bulk_save_objects")) {
                    flushedRows.computeIfAbsent(session, k -> new ArrayList<>()).addAll(ormInserts(site, rows));
                } else {
                    pendingRows.computeIfAbsent(session, k -> new ArrayList<>()).add(Map.entry(site, rows));
                }
            }
            case "flush", "commit" -> {
                List<Map.Entry<OpSite, Map<String, List<Expr.Call>>>> pending = pendingRows.remove(session);
                for (Map.Entry<OpSite, Map<String, List<Expr.Call>>> p : pending == null ? List.<Map.Entry<OpSite,
                        Map<String, List<Expr.Call>>>>of() : pending) {
                    OpSite added = p.getKey();
                    // the flush runs whenever the add did: it is unconditional, or in the add's own case
                    boolean writes = ctx.guard() == null && !ctx.conditional() || ctx.guard() == added.guard()
                            && ctx.conditional() == added.conditional() && !ctx.indirect();
                    if (writes && call.args().isEmpty()) {
                        flushedRows.computeIfAbsent(session, k -> new ArrayList<>())
                                .addAll(ormInserts(added, p.getValue()));
                    }
                }
                if (method.equals("commit")) {
                    flushedRows.remove(session);
                }
            }
            default -> {
                // rollback, close, expunge: what was flushed and not committed may be undone, what was added is
                // not written
                pendingRows.remove(session);
                List<Operation> undone = flushedRows.remove(session);
                if (undone != null) {
                    out.removeIf(o -> undone.stream().anyMatch(u -> u == o));
                }
            }
        }
    }

    /**
     * The rows an ORM call writes, by declarative class: {@code add}'s one object, the objects of a literal list or
     * tuple otherwise; each a call of a class the revision declares with keywords only, each naming an attribute the
     * class maps. Null for anything else.
     */
    private Map<String, List<Expr.Call>> ormRows(Expr arg, boolean one, boolean alone, Ctx ctx) {
        if (arg == null || !alone) {
            return null;
        }
        List<Expr> objects = one ? List.of(arg) : arg instanceof Expr.ListExpr l ? l.elements()
                : arg instanceof Expr.Tuple t ? t.elements() : null;
        if (objects == null || objects.isEmpty()) {
            return null;
        }
        Map<String, List<Expr.Call>> out = new LinkedHashMap<>();
        for (Expr o : objects) {
            Expr d = ColumnReader.deref(o, ctx.scope());
            if (!(d instanceof Expr.Call c) || !(c.func() instanceof Expr.Name cls)
                    || !sessionModels.containsKey(cls.id()) || ctx.scope().binds(cls.id())) {
                return null;
            }
            Map<String, String> attributes = sessionModels.get(cls.id()).columns();
            for (Arg a : c.args()) {
                if (a.star() != 0 || a.keyword() == null || !attributes.containsKey(a.keyword())) {
                    return null;
                }
            }
            out.computeIfAbsent(cls.id(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    /**
     * One insert per class of {@code rows}, added to the operations: the columns every row of the class gives a
     * literal written in place (a string, a number, {@code True}/{@code False}), with the strings each gives.
     * A column some row gives anything else (a name, a call, {@code None}) or leaves out is not one the insert is
     * known to write: a key on it is never matched.
     */
    private List<Operation> ormInserts(OpSite site, Map<String, List<Expr.Call>> rows) {
        List<Operation> made = new ArrayList<>();
        for (Map.Entry<String, List<Expr.Call>> byClass : rows.entrySet()) {
            DeclarativeModels.Model model = sessionModels.get(byClass.getKey());
            List<String> columns = new ArrayList<>();
            Map<String, Set<String>> literals = new HashMap<>();
            for (Map.Entry<String, String> attr : model.columns().entrySet()) {
                Set<String> strings = new HashSet<>();
                boolean every = true;
                boolean allStrings = true;
                for (Expr.Call row : byClass.getValue()) {
                    Arg given = row.keyword(attr.getKey());
                    Expr v = given == null ? null : given.value();
                    if (v instanceof Expr.Str str && !str.bytes() && str.pieces().size() == 1
                            && !str.pieces().get(0).dynamic()) {
                        strings.add(str.pieces().get(0).text());
                    } else if (v instanceof Expr.Num || v instanceof Expr.Const k
                            && (k.text().equals("True") || k.text().equals("False"))) {
                        allStrings = false;
                    } else {
                        every = false;
                    }
                }
                if (every) {
                    columns.add(attr.getValue());
                    if (allStrings) {
                        literals.put(attr.getValue(), strings);
                    }
                }
            }
            List<Boolean> fresh = columns.stream().map(c -> false).toList();
            Operation.Insert ins = new Operation.Insert(site, model.table(), false, false, false, columns, fresh,
                    List.of(), RowSource.AS_WRITTEN, literals);
            made.add(ins);
            out.add(ins);
        }
        return made;
    }

    /** The methods that run a {@code session.query(...)} and fetch its rows. */
    private static final Set<String> QUERY_RUNS = Set.of("all", "first", "one", "one_or_none", "scalar", "count");
    /** The methods of a query that keep the columns it selects (no {@code options}, join or entity change). */
    private static final Set<String> QUERY_FILTERS = Set.of("filter", "filter_by", "order_by", "limit", "offset",
            "distinct");

    /**
     * Whether {@code call} runs an ORM query over declarative classes the file declares: {@code
     * session.query(Model).all()} (also {@code first}, {@code one}, {@code one_or_none}, {@code scalar},
     * {@code count}), through {@code filter}, {@code filter_by}, {@code order_by}, {@code limit}, {@code offset}
     * and {@code distinct} only, each entity a class read by {@link DeclarativeModels} or a column attribute of
     * one. SQLAlchemy then selects every column each class maps (or the attributes named), so the query fails on
     * the server when one is gone. {@code options(...)} ({@code load_only}, {@code defer}), joins, {@code
     * with_entities} and any other entity leave it unread.
     */
    private boolean ormQuery(Expr.Call call, Ctx ctx) {
        if (!(call.func() instanceof Expr.Attribute run) || !QUERY_RUNS.contains(run.attr()) || !call.args().isEmpty()
                || models.isEmpty()) {
            return false;
        }
        Expr q = run.value();
        while (q instanceof Expr.Call c && c.func() instanceof Expr.Attribute f && QUERY_FILTERS.contains(f.attr())) {
            q = f.value();
        }
        if (!(q instanceof Expr.Call query) || !(query.func() instanceof Expr.Attribute f) || !f.attr().equals("query")
                || isOpReceiver(f.value()) || query.args().isEmpty()) {
            return false;
        }
        Map<Expr, DeclaredTable> memo = new IdentityHashMap<>();
        for (Arg a : query.args()) {
            if (a.keyword() != null || a.star() != 0) {
                return false;
            }
            Expr v = a.value();
            DeclaredTable t = v instanceof Expr.Attribute at ? namedTable(at.value(), ctx, memo)
                    : namedTable(v, ctx, memo);
            if (t == null || !t.model() || v instanceof Expr.Attribute at && !t.attributes().containsKey(at.attr())) {
                return false;
            }
        }
        return true;
    }

    private void expandHelper(Stmt.FunctionDef helper, Expr.Call call, Ctx ctx, Set<String> active) {
        Scope scope = new Scope(moduleScope);
        List<String> params = helper.params();
        // a parameter names the batch its argument is (`drop_cols(batch_op)` runs `b.drop_column(...)` in that batch);
        // one bound to anything else shadows a batch of the caller's of its name
        Map<String, Expr> batches = ctx.batches();
        int pos = 0;
        for (String raw : params) {
            String p = paramName(raw);
            if (batches.containsKey(p)) {
                batches = new HashMap<>(batches);
                batches.remove(p);
            }
            if (raw.startsWith("*")) {
                scope.unbind(p);
                continue;
            }
            Arg kw = call.keyword(p);
            Expr value = kw != null ? kw.value() : call.positional(pos);
            if (kw == null) {
                pos++;
            }
            if (value == null) {
                scope.unbind(p);
            } else {
                scope.bind(p, substitute(value, ctx.scope()));
                if (value instanceof Expr.Name arg && ctx.batches().containsKey(arg.id())) {
                    batches = new HashMap<>(batches);
                    batches.put(p, ctx.batches().get(arg.id()));
                }
            }
        }
        Set<String> taint = new HashSet<>();
        Ctx inner = new Ctx(ctx.phase(), scope, new HashMap<>(ctx.functions()), taint, batches, ctx.guard(),
                ctx.autocommit(), true, ctx.depth() + 1, ctx.statement(), ctx.conditional());
        active.add(helper.name());
        try {
            walkBlock(helper.body(), inner, active);
        } finally {
            active.remove(helper.name());
        }
        List<Stmt> body = helper.body();
        if (!body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.Return r && r.value() != null
                && returns(body) == 1) {
            Expr literal = spelledOut(r.value(), scope, helper.span(), 0);
            if (literal != null) {
                returned.put(call, literal);
            }
        }
    }

    /**
     * What calls of functions of this file returned, when the function's one {@code return} ends its body and
     * returns a list or tuple written out ({@link #spelledOut}): {@code all_commands = get_commands()} then holds
     * the helper's literal, so a loop over it walks its items.
     */
    private final Map<Expr.Call, Expr> returned = new IdentityHashMap<>();
    /** An f-string item of a helper's returned literal ({@link #spelledOut}): a str of unknown text. */
    private static final String FORMATTED = "formatted string";

    /** The {@code return} statements of a function body, nested blocks included (not nested functions). */
    private static int returns(List<Stmt> body) {
        int n = 0;
        for (Stmt s : body) {
            if (s instanceof Stmt.Return) {
                n++;
            } else if (!(s instanceof Stmt.FunctionDef) && !(s instanceof Stmt.ClassDef)) {
                n += returns(StmtParts.blocks(s));
            }
        }
        return n;
    }

    /**
     * {@code e} as a list or tuple literal with each item resolved in the helper's {@code scope}: a string without
     * fields, a function of this file by name, a nested list or tuple; a name the helper binds is replaced by its
     * value, and an f-string's fields the helper fills with strings known in whole are written into it ({@link
     * #filled}). Any other item becomes an unknown value, so no name of the helper is read in the caller's scope.
     * Null when {@code e} is no list or tuple. {@code helper}: the helper's extent.
     */
    private Expr spelledOut(Expr e, Scope scope, Span helper, int depth) {
        Expr v = e;
        for (int i = 0; i < 8 && v instanceof Expr.Name n && scope.binds(n.id()) && scope.lookup(n.id()) != null; i++) {
            v = scope.lookup(n.id());
        }
        if (depth > 4) {
            return null;
        }
        if (v instanceof Expr.ListExpr || v instanceof Expr.Tuple) {
            List<Expr> items = new ArrayList<>();
            for (Expr item : v.children()) {
                Expr one = spelledOut(item, scope, helper, depth + 1);
                items.add(one != null ? one : new Expr.Opaque("unknown", List.of(), item.span()));
            }
            return v instanceof Expr.ListExpr l ? new Expr.ListExpr(List.copyOf(items), l.span())
                    : new Expr.Tuple(List.copyOf(items), v.span());
        }
        if (depth == 0) {
            return null;
        }
        if (v instanceof Expr.Str str && str.isConstant()) {
            return v;
        }
        if (v instanceof Expr.Str str && !str.bytes()) {
            // an f-string whose fields the helper's names fill: its text where each field is known in whole, else a
            // string whose text is not known here
            Expr known = filled(str, scope, helper, 0);
            return known != null ? known : new Expr.Opaque(FORMATTED, List.of(), v.span());
        }
        return v instanceof Expr.Name n && !scope.binds(n.id()) && moduleFunctions.containsKey(n.id()) ? v : null;
    }

    /**
     * The f-string {@code str} of a helper with each field replaced by the string literal it holds in the helper's
     * {@code scope}, so that it reads the same in any scope: a field (no conversion, no format spec) that names a
     * string literal through the helper's names ({@code system_name = "`system`" if is_mysql() else "system"}, a
     * dialect test decided) or a parameter bound to one at the call, or an f-string written in the helper whose
     * fields are such. Null when a field is anything else.
     */
    private static Expr filled(Expr.Str str, Scope scope, Span helper, int depth) {
        if (depth > 4 || str.bytes()) {
            return null;
        }
        List<StrPiece> pieces = new ArrayList<>(str.pieces().size());
        for (StrPiece p : str.pieces()) {
            if (!p.dynamic()) {
                pieces.add(p);
                continue;
            }
            if (p.expr() == null || p.text().indexOf('!') >= 0 || p.text().indexOf(':') >= 0) {
                return null;
            }
            Expr v = p.expr();
            for (int i = 0; i < 8 && v instanceof Expr.Name n && scope.lookup(n.id()) != null; i++) {
                v = scope.lookup(n.id());
            }
            if (!(v instanceof Expr.Str value) || value.bytes()) {
                return null;
            }
            if (!value.isConstant()) {
                // an f-string of the caller's would read its fields in the wrong scope: only the helper's own
                boolean own = value.span() != null && helper != null && value.span().start() >= helper.start()
                        && value.span().end() <= helper.end();
                value = own ? (Expr.Str) filled(value, scope, helper, depth + 1) : null;
                if (value == null) {
                    return null;
                }
            }
            pieces.add(new StrPiece(p.text(), true, value, (StrPiece.Offsets) null, p.token(), p.prefix(), p.quote()));
        }
        return new Expr.Str(List.copyOf(pieces), false, str.span());
    }

    /** Replaces a name by what it is bound to in the caller, so the callee resolves it. */
    private static Expr substitute(Expr value, Scope scope) {
        Expr v = value;
        for (int i = 0; i < 8 && v instanceof Expr.Name n; i++) {
            Expr b = scope.lookup(n.id());
            if (b == null) {
                break;
            }
            v = b;
        }
        return v;
    }

    private OpSite site(Expr.Call call, Origin origin, Ctx ctx) {
        return site(call, origin, ctx, origin == Origin.RAW_SQL ? SchemaRef.SEARCH_PATH : schemaOf(call, origin, ctx));
    }

    private OpSite site(Expr.Call call, Origin origin, Ctx ctx, SchemaRef schema) {
        return new OpSite(origin, ctx.phase(), pointAt(call.span(), ctx), new CallRef(file, call), ctx.statement(), null, -1, -1,
                ctx.guard(), ctx.autocommit() || committed, ctx.indirect(), ctx.conditional(),
                committed && !ctx.autocommit(), engine, SchemaRef.Targets.all(schema));
    }

    /**
     * The schema an op call or a DDL element names for its object: the call's {@code schema=} keyword
     * ({@code source_schema=} of {@code create_foreign_key}, whose {@code schema=} is no keyword), or for
     * {@code op.execute(CreateSequence(Sequence("s", schema="api")))} the element's, read only where the
     * construct and its element are written out in the call.
     */
    private SchemaRef schemaOf(Expr.Call call, Origin origin, Ctx ctx) {
        Expr.Call named = call;
        if (origin == Origin.DDL_ELEMENT) {
            named = call.positional(0) instanceof Expr.Call ddl && ddl.positional(0) instanceof Expr.Call element
                    ? element : null;
        }
        if (named == null) {
            return SchemaRef.SEARCH_PATH;
        }
        String function = Names.lastPart(named.func());
        return schemaKeyword(named, "create_foreign_key".equals(function) ? "source_schema" : "schema", ctx);
    }

    /**
     * The schema a call's {@code keyword} names: a constant string, written there or resolved as any other
     * argument is (a module constant, a constant imported from the project), {@code None} or no keyword the search
     * path's, anything else an unread one.
     */
    private static SchemaRef schemaKeyword(Expr.Call call, String keyword, Ctx ctx) {
        Arg arg = call.keyword(keyword);
        if (arg == null || arg.value() instanceof Expr.Const k && k.text().equals("None")) {
            return SchemaRef.SEARCH_PATH;
        }
        String schema = StringResolver.constant(arg.value(), ctx.scope());
        return schema != null ? new SchemaRef(schema, SchemaRef.Source.WRITTEN) : SchemaRef.UNREAD;
    }

    /**
     * Diagnostics point at the call, unless it sits in a helper function: then at the statement of
     * upgrade() that called the helper, so each call of the helper gets its own finding.
     */
    private static Span pointAt(Span call, Ctx ctx) {
        return ctx.statement() == null || ctx.statement().contains(call) ? call : ctx.statement();
    }

    /** The positional arguments of {@code call} as constant strings ({@code UniqueConstraint("a", "b")}); empty when any is not. */
    private List<String> positionalStrings(Expr.Call call, Ctx ctx) {
        List<String> out = new ArrayList<>();
        for (Arg a : call.args()) {
            if (a.keyword() != null) {
                continue;
            }
            String v = a.star() == 0 ? str(a.value(), ctx) : null;
            if (v == null) {
                return List.of();
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    /** The constant strings of a list or tuple argument, in order; empty when any is unknown. */
    private List<String> strings(Expr e, Ctx ctx) {
        Expr d = e == null ? null : ColumnReader.deref(e, ctx.scope());
        List<Expr> items = d instanceof Expr.ListExpr l ? l.elements() : d instanceof Expr.Tuple t ? t.elements() : null;
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Expr item : items) {
            String v = str(item, ctx);
            if (v == null) {
                return List.of();
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    /**
     * The columns of {@code create_exclude_constraint}'s {@code ("column", "operator")} elements from positional
     * {@code from} on: the columns DROP COLUMN takes the constraint with. Empty when an element is not a constant
     * column name or a {@code where=} predicate uses columns not read here.
     */
    private List<String> excludeColumns(Expr.Call call, int from, Ctx ctx) {
        if (call.keyword("where") != null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = from; call.positional(i) != null; i++) {
            // a string names a column; sa.text(...) or sa.column(...) is an expression, which is not read
            Expr d = ColumnReader.deref(call.positional(i), ctx.scope());
            Expr target = d instanceof Expr.Tuple t && t.elements().size() == 2
                    ? ColumnReader.deref(t.elements().get(0), ctx.scope()) : null;
            String column = target == null || target instanceof Expr.Call ? null : str(target, ctx);
            if (column == null) {
                return List.of();
            }
            out.add(column);
        }
        return List.copyOf(out);
    }

    private String str(Expr e, Ctx ctx) {
        if (e == null) {
            return null;
        }
        Expr d = e;
        if (d instanceof Expr.Call c) {
            String last = Names.lastPart(c.func());
            if (("f".equals(last) || "conv".equals(last) || "quoted_name".equals(last)) && c.positional(0) != null) {
                d = c.positional(0);
            }
        }
        return StringResolver.constant(d, ctx.scope());
    }

    /**
     * The name a drop sends: {@code op.f(name)} ({@code conv}) longer than the identifier limit is sent truncated
     * with SQLAlchemy's hash, as {@link ConstraintNames} names a created object, so a drop and a create of one
     * {@code op.f} name are one object.
     */
    private String convName(Expr e, Ctx ctx) {
        String name = str(e, ctx);
        boolean conv = e instanceof Expr.Call c && "f".equals(Names.lastPart(c.func()));
        return conv && name != null ? ConstraintNames.sqlalchemyTruncate(name) : name;
    }

    private Expr arg(Expr.Call call, int pos, String keyword) {
        Arg kw = call.keyword(keyword);
        if (kw != null) {
            return kw.value();
        }
        return call.positional(pos);
    }

    private boolean flag(Expr.Call call, String keyword) {
        return ColumnReader.isTrue(call.keyword(keyword));
    }

    /** Maps op.X / batch_op.X calls. {@code batchTable} is non-null for batch ops. */
    private boolean opCall(String method, Expr.Call call, Expr batchTable, Origin origin, Ctx ctx) {
        boolean batch = batchTable != null;
        int b = batch ? 1 : 0;
        String table = batch ? str(batchTable, ctx) : null;
        OpSite site = batch ? site(call, origin, ctx, batchSchemas.getOrDefault(batchTable, SchemaRef.SEARCH_PATH))
                : site(call, origin, ctx);
        call = withKeywordsOf(call, ctx);
        if (batch && rebuiltBatchTables.contains(batchTable) && REBUILT_ADDITIONS.contains(method)) {
            out.add(new Operation.Benign(site, "batch_op." + method + " on a table rebuilt by recreate=\"always\""));
            return true;
        }
        switch (method) {
            case "add_column" -> {
                if (!batch) {
                    table = str(arg(call, 0, "table_name"), ctx);
                }
                Expr col = arg(call, 1 - b, "column");
                Expr colCall = col == null ? null : ColumnReader.deref(col, ctx.scope());
                ColumnDef def = colCall != null && ColumnReader.isColumnCall(colCall)
                        ? ColumnReader.read(colCall, ctx.scope())
                        : new ColumnDef(null, null, null, null, false, false, false, false, null, call.span());
                out.add(new Operation.AddColumn(site, table, def, flag(call, "if_not_exists")));
            }
            case "drop_column" -> {
                if (!batch) {
                    table = str(arg(call, 0, "table_name"), ctx);
                }
                String col = str(arg(call, 1 - b, "column_name"), ctx);
                out.add(new Operation.Drop(site, ObjectKind.COLUMN, col, table, flag(call, "if_exists")));
            }
            case "create_table" -> {
                String name = str(arg(call, 0, "table_name"), ctx);
                List<ColumnDef> columns = new ArrayList<>();
                List<Operation.NamedConstraint> constraints = new ArrayList<>();
                for (Expr element : tableElements(call, ctx)) {
                    Expr v = ColumnReader.deref(element, ctx.scope());
                    if (ColumnReader.isColumnCall(v)) {
                        columns.add(ColumnReader.read(v, ctx.scope()));
                    } else if (v instanceof Expr.Call cc) {
                        ConstraintKind kind = constraintKind(Names.lastPart(cc.func()));
                        // use_alter=True: SQLAlchemy leaves the constraint out of CREATE TABLE (the project
                        // adds it later with create_foreign_key)
                        boolean key = kind == ConstraintKind.UNIQUE || kind == ConstraintKind.PRIMARY_KEY;
                        if (kind != null && (cc.keyword("name") != null || key)
                                && !ColumnReader.isTrue(cc.keyword("use_alter"))) {
                            String cname = cc.keyword("name") == null ? null : str(cc.keyword("name").value(), ctx);
                            constraints.add(new Operation.NamedConstraint(kind, cname, key ? positionalStrings(cc, ctx)
                                    : List.of()));
                        }
                    }
                }
                out.add(new Operation.CreateTable(site, name, List.copyOf(columns), flag(call, "if_not_exists"),
                        List.copyOf(constraints), null, false,
                        compiled().of(call, ctx.scope()) != CompiledCreateTable.Rendering.PLAIN));
            }
            case "drop_table" -> out.add(new Operation.Drop(site, ObjectKind.TABLE,
                    str(arg(call, 0, "table_name"), ctx), null, flag(call, "if_exists")));
            case "create_index" -> {
                String name = convName(arg(call, 0, "index_name"), ctx);
                if (!batch) {
                    table = str(arg(call, 1, "table_name"), ctx);
                }
                boolean concurrently = flag(call, "postgresql_concurrently");
                out.add(new Operation.CreateIndex(site, name, table, flag(call, "unique"),
                        flag(call, "if_not_exists"), concurrently, strings(arg(call, 2 - b, "columns"), ctx)));
            }
            case "drop_index" -> {
                String name = convName(arg(call, 0, "index_name"), ctx);
                if (!batch) {
                    table = str(arg(call, 1, "table_name"), ctx);
                }
                out.add(new Operation.Drop(site, ObjectKind.INDEX, name, table, flag(call, "if_exists"), false, false,
                        StatementLocks.concurrentlyAsked(call)));
            }
            case "create_foreign_key" -> {
                String name = convName(arg(call, 0, "constraint_name"), ctx);
                if (!batch) {
                    table = str(arg(call, 1, "source_table"), ctx);
                }
                out.add(new Operation.AddConstraint(site, ConstraintKind.FOREIGN_KEY, name, table, false,
                        strings(arg(call, 3 - b, "local_cols"), ctx), null, origin.alembicOp()
                                ? ConstraintNames.referredTable(site.call(), origin == Origin.BATCH_OP) : null));
            }
            case "create_unique_constraint", "create_check_constraint", "create_primary_key",
                    "create_exclude_constraint" -> {
                ConstraintKind kind = switch (method) {
                    case "create_unique_constraint" -> ConstraintKind.UNIQUE;
                    case "create_check_constraint" -> ConstraintKind.CHECK;
                    case "create_primary_key" -> ConstraintKind.PRIMARY_KEY;
                    default -> ConstraintKind.EXCLUDE;
                };
                String name = convName(arg(call, 0, "constraint_name"), ctx);
                if (!batch) {
                    table = str(arg(call, 1, "table_name"), ctx);
                }
                List<String> cols = kind == ConstraintKind.UNIQUE || kind == ConstraintKind.PRIMARY_KEY
                        ? strings(arg(call, 2 - b, "columns"), ctx)
                        : kind == ConstraintKind.EXCLUDE ? excludeColumns(call, 2 - b, ctx) : List.of();
                // a CHECK's condition SQLAlchemy sends as written: a string or sa.text(...)
                Expr condition = kind == ConstraintKind.CHECK ? arg(call, 2 - b, "condition") : null;
                out.add(new Operation.AddConstraint(site, kind, name, table, false, cols,
                        condition == null ? null : StringResolver.constant(condition, ctx.scope())));
            }
            case "drop_constraint" -> {
                String name = convName(arg(call, 0, "constraint_name"), ctx);
                if (!batch) {
                    table = str(arg(call, 1, "table_name"), ctx);
                }
                out.add(new Operation.Drop(site, ObjectKind.CONSTRAINT, name, table, flag(call, "if_exists")));
            }
            case "rename_table" -> out.add(new Operation.Rename(site, ObjectKind.TABLE, null,
                    str(arg(call, 0, "old_table_name"), ctx), str(arg(call, 1, "new_table_name"), ctx)));
            case "alter_column" -> {
                if (!batch) {
                    table = str(arg(call, 0, "table_name"), ctx);
                }
                String col = str(arg(call, 1 - b, "column_name"), ctx);
                Arg newName = call.keyword("new_column_name");
                if (newName != null && !(newName.value() instanceof Expr.Const)) {
                    out.add(new Operation.Rename(site, ObjectKind.COLUMN, table, col, str(newName.value(), ctx)));
                } else {
                    Arg type = call.keyword("type_");
                    Arg using = call.keyword("postgresql_using");
                    out.add(type == null ? new Operation.Benign(site, "alter_column", table, col)
                            : new Operation.Benign(site, "alter_column", table, col, TypeChange.of(
                                    ColumnReader.formatType(type.value(), ctx.scope()),
                                    using == null ? null : str(using.value(), ctx), col)
                                    .withEnum(ColumnReader.enumType(type.value(), ctx.scope()))));
                }
            }
            case "bulk_insert" -> {
                Rows rows = rows(arg(call, 1, "rows"), ctx);
                Expr inserted = arg(call, 0, "table");
                out.add(new Operation.Insert(site, tableOf(inserted, ctx), false, false, true,
                        rows == null ? null : rows.keys(), rows == null ? null : rows.madeAtRunTime(),
                        inserted == null || rows == null ? List.of() : typedColumns(inserted, rows.keys(), ctx),
                        RowSource.AS_WRITTEN, rows == null ? Map.of() : rows.literals()));
            }
            case "execute" -> {
                Expr sql = arg(call, 0, "sqltext");
                if (sql == null) {
                    out.add(new Operation.Unknown(site, "op.execute"));
                } else {
                    executeSql(sql, call, ctx);
                }
            }
            case "create_sequence", "drop_sequence" -> out.add(new Operation.Unknown(site, "op." + method));
            case "create_entity", "drop_entity", "replace_entity" -> out.add(entity(method, call, site, ctx));
            case "batch_alter_table" -> out.add(new Operation.Benign(site, "batch_alter_table"));
            default -> {
                if (BENIGN_OPS.contains(method)) {
                    return false;
                }
                out.add(new Operation.Unknown(site, (batch ? "batch_op." : "op.") + method, Set.of(), table));
            }
        }
        return true;
    }

    /**
     * The positional arguments of {@code create_table}, with the literal items of a list or tuple passed as
     * {@code *columns} ({@code cols: list[sa.schema.SchemaItem] = [...]; op.create_table("t", *cols)}): they are
     * there whatever the code appends to it after. A list the code may take items out of is not bound to its
     * literal any more ({@link #mutates}), and is not read.
     */
    private static List<Expr> tableElements(Expr.Call call, Ctx ctx) {
        List<Expr> out = new ArrayList<>();
        for (Arg a : call.args()) {
            if (a.keyword() != null || a.star() == 2) {
                continue;
            }
            if (a.star() == 0) {
                out.add(a.value());
                continue;
            }
            Expr items = ColumnReader.deref(a.value(), ctx.scope());
            if (items instanceof Expr.ListExpr l) {
                out.addAll(l.elements());
            } else if (items instanceof Expr.Tuple t) {
                out.addAll(t.elements());
            }
        }
        return out;
    }

    /**
     * {@code call} with each {@code **kwargs} whose name is bound to a dict literal of string keys spelled out as
     * keyword arguments ({@code ix = {"index_name": op.f("ix_a"), "columns": ["a"]}; op.create_index(table_name="t",
     * **ix)}), for reading its arguments only (its site keeps the call written). A dict the code may change after
     * it is bound is no longer bound to its literal ({@link #forgetMutated}); any other {@code **} is left in place.
     */
    private static Expr.Call withKeywordsOf(Expr.Call call, Ctx ctx) {
        if (call.args().stream().noneMatch(a -> a.star() == 2)) {
            return call;
        }
        List<Arg> args = new ArrayList<>(call.args().size());
        for (Arg a : call.args()) {
            Expr d = a.star() == 2 ? ColumnReader.deref(a.value(), ctx.scope()) : null;
            List<Arg> spelled = d instanceof Expr.Dict dict ? keywords(dict, ctx) : null;
            if (spelled == null) {
                args.add(a);
            } else {
                args.addAll(spelled);
            }
        }
        return new Expr.Call(call.func(), List.copyOf(args), call.argsSpan(), call.span());
    }

    /** The entries of a dict literal as keyword arguments; null when a key is not a constant string or is a {@code **}. */
    private static List<Arg> keywords(Expr.Dict dict, Ctx ctx) {
        List<Arg> out = new ArrayList<>(dict.keys().size());
        for (int i = 0; i < dict.keys().size(); i++) {
            Expr k = dict.keys().get(i);
            String key = k == null ? null : StringResolver.constant(k, ctx.scope());
            if (key == null) {
                return null;
            }
            Expr v = dict.values().get(i);
            out.add(new Arg(key, 0, v, v.span()));
        }
        return out;
    }

    /**
     * alembic_utils entities: {@code op.create_entity(PGFunction(...))} issues a plain CREATE
     * FUNCTION/VIEW/TRIGGER/POLICY, {@code op.drop_entity} a plain DROP, {@code op.replace_entity}
     * CREATE OR REPLACE (PGExtension: CREATE EXTENSION, DROP EXTENSION, and no replace). Entity kinds whose SQL
     * we have not checked stay unknown.
     */
    private Operation entity(String method, Expr.Call call, OpSite site, Ctx ctx) {
        Expr e = call.positional(0) == null ? null : ColumnReader.deref(call.positional(0), ctx.scope());
        ObjectKind kind = null;
        String name = null;
        String table = null;
        if (e instanceof Expr.Call c) {
            String cls = Names.lastPart(c.func());
            kind = cls == null ? null : switch (cls) {
                case "PGFunction" -> ObjectKind.FUNCTION;
                case "PGView" -> ObjectKind.VIEW;
                case "PGMaterializedView" -> ObjectKind.MATERIALIZED_VIEW;
                case "PGTrigger" -> ObjectKind.TRIGGER;
                case "PGPolicy" -> ObjectKind.POLICY;
                // CREATE EXTENSION "name" WITH SCHEMA s / DROP EXTENSION "name"; alembic_utils has no
                // create-or-replace for extensions (replace_entity raises NotImplementedError)
                case "PGExtension" -> method.equals("replace_entity") ? null : ObjectKind.EXTENSION;
                default -> null;
            };
            Arg signature = c.keyword("signature");
            String sig = signature == null ? null : StringResolver.constant(signature.value(), ctx.scope());
            if (sig != null && kind == ObjectKind.EXTENSION) {
                name = sig.trim(); // quoted in the statement: the name as written
            } else if (sig != null) {
                int paren = sig.indexOf('(');
                name = (paren >= 0 ? sig.substring(0, paren) : sig).trim().toLowerCase(Locale.ROOT);
            }
            Arg onEntity = c.keyword("on_entity");
            String on = onEntity == null ? null : StringResolver.constant(onEntity.value(), ctx.scope());
            if (on != null) {
                table = on.substring(on.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            }
        }
        if (kind == null) {
            return new Operation.Unknown(site, "op." + method);
        }
        return switch (method) {
            case "create_entity" -> new Operation.CreateObject(site, kind, name, table, false, false);
            case "replace_entity" -> new Operation.CreateObject(site, kind, name, table, false, true);
            default -> new Operation.Drop(site, kind, name, table, false);
        };
    }

    private static ConstraintKind constraintKind(String callee) {
        if (callee == null) {
            return null;
        }
        return switch (callee) {
            case "PrimaryKeyConstraint" -> ConstraintKind.PRIMARY_KEY;
            case "UniqueConstraint" -> ConstraintKind.UNIQUE;
            case "ForeignKeyConstraint" -> ConstraintKind.FOREIGN_KEY;
            case "CheckConstraint" -> ConstraintKind.CHECK;
            case "ExcludeConstraint" -> ConstraintKind.EXCLUDE;
            default -> null;
        };
    }

    private String tableOf(Expr e, Ctx ctx) {
        Expr t = ColumnReader.deref(e, ctx.scope());
        if (t instanceof Expr.Call c) {
            String last = Names.lastPart(c.func());
            if ("table".equals(last) || "Table".equals(last) || "create_table".equals(last)) {
                return str(c.positional(0), ctx);
            }
        }
        // an application model the revision imports: Model.__table__ (op.bulk_insert, .insert()), or the class
        // itself (sa.insert(Model)); its table is the one its module declares
        Expr model = t instanceof Expr.Attribute a && a.attr().equals("__table__") ? a.value() : t;
        if (model instanceof Expr.Name n && !ctx.scope().binds(n.id())) {
            List<String> from = imported.get(n.id());
            if (from != null) {
                return ModelTables.of(file, from.get(0), from.get(1)).orElse(null);
            }
        }
        return null;
    }

    /**
     * Whether a statement (its own expressions, not its nested blocks) may leave Alembic's transaction,
     * so that what follows runs outside it or in a state we cannot tell: a {@code .commit()} or
     * {@code .rollback()} of any connection or session ({@code op.get_bind().commit()} is SQLAlchemy 2.0's
     * way; 1.4's Connection has no commit and raises AttributeError), an {@code AUTOCOMMIT} isolation level
     * ({@code execution_options(isolation_level="AUTOCOMMIT")}, a psycopg2 {@code set_isolation_level},
     * {@code .autocommit = True}), or a connection executing {@code COMMIT} itself. The extractor marks what
     * follows as outside the transaction, which keeps first-run claims about transactions away from it.
     */
    private static boolean leavesTransaction(Stmt s) {
        if (s instanceof Stmt.Assign a) {
            for (Expr t : a.targets()) {
                if (t instanceof Expr.Attribute at && at.attr().equals("autocommit")) {
                    return true;
                }
            }
        }
        for (Expr e : StmtParts.expressions(s)) {
            if (leavesTransaction(e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean leavesTransaction(Expr e) {
        if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute f) {
            switch (f.attr()) {
                case "commit", "rollback":
                    if (c.args().isEmpty()) {
                        return true;
                    }
                    break;
                case "set_isolation_level", "set_session":
                    return true;
                case "execution_options": {
                    Arg level = c.keyword("isolation_level");
                    if (level != null) {
                        String v = NamingConventionReader.literal(level.value());
                        if (v == null || v.equalsIgnoreCase("AUTOCOMMIT")) {
                            return true;
                        }
                    }
                    break;
                }
                case "execute", "exec_driver_sql": {
                    // a connection's own COMMIT (op.execute's is handled where the op is read)
                    Expr first = c.positional(0);
                    String sql = first == null ? null : NamingConventionReader.literal(
                            first instanceof Expr.Call t && t.positional(0) != null ? t.positional(0) : first);
                    if (sql != null && !isOpReceiver(f.value()) && endsTransaction(sql)) {
                        return true;
                    }
                    break;
                }
                default:
                    break;
            }
        }
        for (int i = 0; i < e.childCount(); i++) {
            if (leavesTransaction(e.child(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code op.get_bind().commit()} with no arguments, or {@code .commit()} of a name bound to {@code op.get_bind()}
     * or {@code op.get_context().bind} / {@code .connection}: SQLAlchemy 2.0's commit of the connection Alembic
     * runs the migrations on. A session's {@code commit()} is not one: a session bound to a connection already in a
     * transaction leaves that transaction open.
     */
    private boolean bindCommit(Expr.Call c, Scope scope) {
        if (!(c.func() instanceof Expr.Attribute f) || !f.attr().equals("commit") || !c.args().isEmpty()) {
            return false;
        }
        return migrationConnection(f.value(), scope);
    }

    /**
     * Whether {@code r} is the connection Alembic runs the migration on: {@code op.get_bind()}, {@code
     * op.get_context().bind} or {@code .connection}, or a name bound to one of them.
     */
    private boolean migrationConnection(Expr r, Scope scope) {
        // a chain of names bound to names: a few steps, never a walk the input's depth decides
        for (int steps = 0; steps < 4 && r instanceof Expr.Name n && !isOpReceiver(n); steps++) {
            r = scope.lookup(n.id());
        }
        if (r instanceof Expr.Call g && g.func() instanceof Expr.Attribute ga && ga.attr().equals("get_bind")) {
            return isOpReceiver(ga.value()) || ga.value() instanceof Expr.Name gn && opNames.contains(gn.id());
        }
        return r instanceof Expr.Attribute a && (a.attr().equals("bind") || a.attr().equals("connection"))
                && a.value() instanceof Expr.Call gc && gc.func() instanceof Expr.Attribute ca
                && ca.attr().equals("get_context") && isOpReceiver(ca.value());
    }

    /** {@code op} itself: its execute is an operation, read by {@link #executeSql}. */
    private static boolean isOpReceiver(Expr e) {
        return e instanceof Expr.Name n && n.id().equals("op");
    }

    /** {@code COMMIT}, {@code END} or {@code COMMIT TRANSACTION}, any case, semicolons and blanks around. */
    static boolean endsTransaction(String sql) {
        // strip, drop trailing semicolons, strip again: bounds only, so long SQL is not copied
        int start = 0;
        int end = sql.length();
        while (end > start && Character.isWhitespace(sql.charAt(end - 1))) {
            end--;
        }
        while (end > start && sql.charAt(end - 1) == ';') {
            end--;
        }
        while (end > start && Character.isWhitespace(sql.charAt(end - 1))) {
            end--;
        }
        while (start < end && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        if (end - start > "COMMIT TRANSACTION".length()) {
            return false;
        }
        String bare = sql.substring(start, end).toUpperCase(Locale.ROOT);
        return bare.equals("COMMIT") || bare.equals("END") || bare.equals("COMMIT TRANSACTION");
    }

    private void executeSql(Expr sqlExpr, Expr.Call call, Ctx ctx) {
        OpSite base = site(call, Origin.RAW_SQL, ctx);
        SqlText sql = StringResolver.resolve(sqlExpr, ctx.scope());
        if (sql != null) {
            Set<String> binds = runtimeBinds(sqlExpr, call, ctx);
            if (!binds.isEmpty()) {
                sql = sql.withRuntimeBinds(binds);
            }
            out.add(new Operation.RawSql(new OpSite(Origin.RAW_SQL, ctx.phase(), pointAt(call.span(), ctx),
                    base.callRef(), ctx.statement(),
                    sql, 0, sql.text().length(), ctx.guard(), ctx.autocommit() || committed, ctx.indirect(), ctx.conditional(),
                    committed && !ctx.autocommit(), engine)));
            if (endsTransaction(sql.text())) {
                committed = true;
                sqlCommitted = true;
            }
            return;
        }
        Expr d = ColumnReader.deref(sqlExpr, ctx.scope());
        Operation ddl = ddlElement(d, call, ctx);
        if (ddl != null) {
            out.add(ddl);
        } else if (containsCall(d, "insert")) {
            boolean conflict = containsCall(d, "on_conflict_do_nothing") || containsCall(d, "on_conflict_do_update");
            Expr.Call insert = findCall(d, "insert");
            String table = null;
            // sa.insert(t) is an attribute call too: its table is the argument, not the module it is called on
            if (insert != null && insert.positional(0) != null) {
                table = tableOf(insert.positional(0), ctx); // sa.insert(sa.table("t", ...)), insert(t)
            }
            if (table == null && insert != null && insert.func() instanceof Expr.Attribute a) {
                table = tableOf(a.value(), ctx); // sa.table("t", ...).insert(), also t.insert(values)
            }
            Rows rows = insertedRows(d, call.positional(1), ctx);
            out.add(new Operation.Insert(base, table, conflict, false, false, rows == null ? null : rows.keys(),
                    rows == null ? null : rows.madeAtRunTime(), typedColumns(d, rows == null ? List.of() : rows.keys(),
                            ctx)));
        } else if (containsCall(d, "delete")) {
            // sa.delete(t) names its table as the argument, t.delete() as what it is called on
            Expr.Call delete = findCall(d, "delete");
            String table = delete.positional(0) != null ? tableOf(delete.positional(0), ctx)
                    : delete.func() instanceof Expr.Attribute a ? tableOf(a.value(), ctx) : null;
            out.add(new Operation.Benign(base, Operation.Benign.DELETE, table, null, typedColumns(d, List.of(), ctx),
                    coreNames(d, ctx)));
        } else if (containsCall(d, "update") || containsCall(d, "select")) {
            out.add(new Operation.Benign(base, "sqlalchemy expression", null, null, typedColumns(d, List.of(), ctx),
                    coreNames(d, ctx)));
        } else {
            out.add(new Operation.Unknown(base, "dynamic SQL"));
        }
    }

    /**
     * A SQLAlchemy DDL construct executed as a statement, which compiles to one plain statement:
     * {@code CreateSequence(Sequence("s"))} is {@code CREATE SEQUENCE s} ({@code if_not_exists=True}, SQLAlchemy
     * 2.0, adds {@code IF NOT EXISTS}), {@code DropSequence} a {@code DROP SEQUENCE}, the PostgreSQL dialect's
     * {@code CreateEnumType(e)} a {@code CREATE TYPE e AS ENUM (...)} with no check first, {@code DropEnumType(e)}
     * a {@code DROP TYPE}. The element's {@code schema=} qualifies the object ({@code Sequence("s", schema="api")}
     * is {@code api.s}), read where the element is written out in the call ({@link #schemaOf}).
     * Null for any other construct, or one whose object is not read (a {@code schema=} on an element bound to a
     * variable, a keyword not known here): the caller keeps it unknown.
     */
    private Operation ddlElement(Expr d, Expr.Call call, Ctx ctx) {
        if (!(d instanceof Expr.Call c) || c.positional(0) == null || c.args().size() > 2) {
            return null;
        }
        String cls = Names.lastPart(c.func());
        if (cls == null) {
            return null;
        }
        boolean create = cls.startsWith("Create");
        String tolerance = create ? "if_not_exists" : "if_exists";
        for (Arg a : c.args()) {
            if (a.star() != 0 || a.keyword() != null && !a.keyword().equals(tolerance)) {
                return null;
            }
        }
        Arg tolerant = c.keyword(tolerance);
        Boolean tolerates = tolerant == null ? Boolean.FALSE : ColumnReader.bool(tolerant);
        Expr element = ColumnReader.deref(c.positional(0), ctx.scope());
        // the schema is read from the call as written: the construct and its element must be spelled out in it
        boolean schemaRead = !(element instanceof Expr.Call e) || e.keyword("schema") == null
                || call.positional(0) == d && c.positional(0) == element;
        if (!schemaRead) {
            return null;
        }
        OpSite site = site(call, Origin.DDL_ELEMENT, ctx);
        switch (cls) {
            case "CreateSequence", "DropSequence" -> {
                if (tolerates == null || !(element instanceof Expr.Call seq)
                        || !"Sequence".equals(Names.lastPart(seq.func()))) {
                    return null;
                }
                String name = seq.positional(0) == null ? null : str(seq.positional(0), ctx);
                return create ? new Operation.CreateObject(site, ObjectKind.SEQUENCE, name, null, tolerates, false)
                        : new Operation.Drop(site, ObjectKind.SEQUENCE, name, null, tolerates);
            }
            case "CreateEnumType", "DropEnumType" -> {
                // the dialect's constructs take the element alone: no IF [NOT] EXISTS in CREATE TYPE
                if (tolerant != null || !ColumnReader.isEnumCall(element)) {
                    return null;
                }
                EnumTypeRef ref = ColumnReader.enumType(element, ctx.scope());
                return create ? new Operation.CreateEnumType(site, ref.name(), ref.labels(), false, false)
                        : new Operation.Drop(site, ObjectKind.TYPE, ref.name(), null, false);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * A lightweight table ({@code sa.table}, {@code sa.Table}): its name as written, its typed columns by name,
     * every column it declares with a literal name, in order, and whether it reflects more from the database
     * ({@code autoload_with=}, {@code autoload=}): then what it renders depends on what is there. For a
     * declarative class the file declares ({@link DeclarativeModels}), {@code attributes} maps each attribute to
     * the column it maps (empty for a table), and no column is typed.
     */
    private record DeclaredTable(String name, Map<String, ColumnDef> columns, List<String> declared,
            boolean reflected, Map<String, String> attributes) {
        DeclaredTable(String name, Map<String, ColumnDef> columns, List<String> declared, boolean reflected) {
            this(name, columns, declared, reflected, Map.of());
        }

        boolean model() {
            return !attributes.isEmpty();
        }
    }

    /**
     * {@code e} as a lightweight table whose name is a literal, with the columns it declares with a
     * name and a known type; null when it is not one, or names a schema (the statement's table would
     * then not be found on the search path).
     */
    private DeclaredTable declaredTable(Expr e, Ctx ctx, Map<Expr, DeclaredTable> memo) {
        DeclaredTable t = namedTable(e, ctx, memo);
        return t == null || t.model() ? null : t;
    }

    /**
     * {@code e} as a lightweight table ({@link #declaredTable}) or as a declarative class the file declares
     * ({@link DeclarativeModels}), named by a class name no scope binds to anything else.
     */
    private DeclaredTable namedTable(Expr e, Ctx ctx, Map<Expr, DeclaredTable> memo) {
        if (e instanceof Expr.Name n && models.containsKey(n.id()) && !ctx.scope().binds(n.id())) {
            DeclarativeModels.Model m = models.get(n.id());
            return memo.computeIfAbsent(e, k -> new DeclaredTable(m.table(), Map.of(),
                    List.copyOf(m.columns().values()), false, m.columns()));
        }
        Expr d = ColumnReader.deref(e, ctx.scope());
        Expr built = tableBuiltBy(d, ctx);
        d = built != null ? built : d;
        // a table named many times in one statement is read once (and is one table, compared by identity)
        if (memo.containsKey(d)) {
            return memo.get(d);
        }
        DeclaredTable t = readTable(d, ctx);
        memo.put(d, t);
        return t;
    }

    /**
     * The lightweight table a call of a function of this file without parameters returns ({@code def _files():
     * return sa.table("rom_files", sa.column("id"), ...)}), when the function is one statement returning a
     * {@code table(...)} call whose name is a literal and whose arguments name nothing: each call builds the same
     * table, whatever the caller's names. Null otherwise.
     */
    private static Expr tableBuiltBy(Expr d, Ctx ctx) {
        if (!(d instanceof Expr.Call c) || !c.args().isEmpty() || !(c.func() instanceof Expr.Name n)
                || ctx.scope().binds(n.id())) {
            return null;
        }
        Stmt.FunctionDef f = ctx.functions().get(n.id());
        if (f == null || !f.params().isEmpty() || !f.decorators().isEmpty() || f.async()) {
            return null;
        }
        List<Stmt> body = f.body();
        int first = body.get(0) instanceof Stmt.ExprStmt doc && doc.expr() instanceof Expr.Str ? 1 : 0;
        if (body.size() != first + 1 || !(body.get(first) instanceof Stmt.Return r)
                || !(r.value() instanceof Expr.Call t) || !"table".equals(Names.lastPart(t.func()))
                || !(t.positional(0) instanceof Expr.Str)
                || t.args().stream().anyMatch(a -> a.star() != 0 || a.value() instanceof Expr.Name)) {
            return null;
        }
        return t;
    }

    private DeclaredTable readTable(Expr d, Ctx ctx) {
        if (!(d instanceof Expr.Call c) || !("table".equals(Names.lastPart(c.func()))
                || "Table".equals(Names.lastPart(c.func())))) {
            return null;
        }
        Arg schema = c.keyword("schema");
        if (schema != null && !(schema.value() instanceof Expr.Const k && k.text().equals("None"))) {
            return null;
        }
        Expr first = c.positional(0);
        String name = first == null ? null : str(first, ctx);
        if (name == null) {
            return null;
        }
        Map<String, ColumnDef> columns = new LinkedHashMap<>();
        List<String> declared = new ArrayList<>();
        boolean reflected = false;
        for (Arg a : c.args()) {
            if (a.keyword() != null || a.star() != 0) {
                reflected |= a.star() != 0 || a.keyword() != null && a.keyword().startsWith("autoload");
                continue;
            }
            if (a.value() == first) {
                continue;
            }
            Expr v = ColumnReader.deref(a.value(), ctx.scope());
            if (columnCall(v)) {
                ColumnDef def = ColumnReader.read(v, ctx.scope());
                if (def.name() != null && def.formatType() != null) {
                    columns.putIfAbsent(def.name(), def);
                }
                if (def.name() != null && !declared.contains(def.name())) {
                    declared.add(def.name());
                }
            }
        }
        return new DeclaredTable(name, columns, declared, reflected);
    }

    /** {@code sa.Column(...)} or the lightweight {@code sa.column(...)}: the same name and type arguments. */
    private static boolean columnCall(Expr e) {
        return e instanceof Expr.Call c && ("Column".equals(Names.lastPart(c.func()))
                || "column".equals(Names.lastPart(c.func())));
    }

    /** Statement builders whose receiver ({@code t.update()}) or first argument ({@code sa.update(t)}) is its table. */
    private static final Set<String> STATEMENT_CALLS = Set.of("select", "update", "delete", "insert", "select_from");

    /**
     * The columns a SQLAlchemy Core statement names through lightweight tables that declare their
     * types, as {@link Operation.TypedColumn}s: {@code t.c.name} (or {@code t.columns.name}) anywhere in
     * it, every declared column of a table selected whole ({@code sa.select([t])}, {@code t.select()}),
     * the keywords of {@code .values(...)} and the row keys {@code written} on the statement's own table,
     * and an {@code sa.column("c", Type)} written in a statement on one table. Names the code does not
     * declare with a type are left out. The walk is iterative and bounded by the expression's size.
     */
    private List<Operation.TypedColumn> typedColumns(Expr stmt, List<String> written, Ctx ctx) {
        Map<List<String>, Operation.TypedColumn> found = new LinkedHashMap<>();
        Map<Expr, DeclaredTable> memo = new IdentityHashMap<>();
        Set<DeclaredTable> tables = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ColumnDef> loose = new ArrayList<>();
        List<String> valueKeys = new ArrayList<>(written);
        DeclaredTable target = declaredTable(stmt, ctx, memo);
        ArrayDeque<Expr> todo = new ArrayDeque<>();
        todo.push(stmt);
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            DeclaredTable t = declaredTable(e, ctx, memo);
            if (t != null) {
                tables.add(t);
                continue; // its own column calls are declarations, not uses
            }
            if (e instanceof Expr.Attribute a && a.value() instanceof Expr.Attribute c
                    && (c.attr().equals("c") || c.attr().equals("columns"))) {
                DeclaredTable of = declaredTable(c.value(), ctx, memo);
                if (of != null) {
                    use(of, a.attr(), found);
                    continue;
                }
            }
            if (e instanceof Expr.Call call) {
                String last = Names.lastPart(call.func());
                if (columnCall(call)) {
                    ColumnDef def = ColumnReader.read(call, ctx.scope());
                    if (def.name() != null && def.formatType() != null) {
                        loose.add(def);
                    }
                    continue;
                }
                if (last != null && STATEMENT_CALLS.contains(last)) {
                    DeclaredTable own = call.func() instanceof Expr.Attribute f ? declaredTable(f.value(), ctx, memo)
                            : null;
                    DeclaredTable arg = call.positional(0) == null ? null : declaredTable(call.positional(0), ctx, memo);
                    DeclaredTable of = own != null ? own : arg;
                    if (of != null && target == null) {
                        target = of;
                    }
                    if (last.equals("select")) {
                        selectedWhole(call, own, ctx, memo, found);
                    }
                } else if ("values".equals(last)) {
                    for (Arg a : call.args()) {
                        if (a.keyword() != null) {
                            valueKeys.add(a.keyword());
                        }
                    }
                }
            }
            for (int i = e.childCount() - 1; i >= 0; i--) {
                todo.push(e.child(i));
            }
        }
        DeclaredTable on = target != null ? target : tables.size() == 1 ? tables.iterator().next() : null;
        if (on != null) {
            for (String k : valueKeys) {
                use(on, k, found);
            }
            for (ColumnDef def : loose) {
                found.putIfAbsent(List.of(on.name(), def.name()), new Operation.TypedColumn(on.name(), def));
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * The tables and columns a SQLAlchemy Core statement names through lightweight tables that declare them
     * ({@link Operation.CoreName}), in the order they are written: each table the statement names, each
     * {@code t.c.name} (or {@code t.columns.name}) of a declared column, every declared column of a table
     * selected whole, and the {@code .values(...)} keywords of the statement's own table. A table that reflects
     * its columns from the database is left out, and with it the statement's other names are still taken: each
     * one is rendered as written. The walk is iterative and bounded by the expression's size.
     */
    private List<Operation.CoreName> coreNames(Expr stmt, Ctx ctx) {
        Map<Expr, DeclaredTable> memo = new IdentityHashMap<>();
        LinkedHashMap<List<String>, Operation.CoreName> found = new LinkedHashMap<>();
        DeclaredTable target = null;
        List<Arg> values = new ArrayList<>();
        ArrayDeque<Expr> todo = new ArrayDeque<>();
        todo.push(stmt);
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            DeclaredTable t = namedTable(e, ctx, memo);
            if (t != null) {
                name(t, null, e.span().start(), found);
                continue; // its own column calls are declarations, not uses
            }
            DeclaredTable cls = e instanceof Expr.Attribute a ? namedTable(a.value(), ctx, memo) : null;
            if (cls != null && cls.model()) {
                // Model.attribute: the column it maps (another attribute, a method, names no column)
                name(cls, null, e.span().start(), found);
                name(cls, cls.attributes().get(((Expr.Attribute) e).attr()), e.span().start(), found);
                continue;
            }
            if (e instanceof Expr.Attribute a && a.value() instanceof Expr.Attribute c
                    && (c.attr().equals("c") || c.attr().equals("columns"))) {
                DeclaredTable of = declaredTable(c.value(), ctx, memo);
                if (of != null) {
                    name(of, null, e.span().start(), found);
                    name(of, of.declared().contains(a.attr()) ? a.attr() : null, e.span().start(), found);
                    continue;
                }
            }
            if (e instanceof Expr.Call call) {
                String last = Names.lastPart(call.func());
                if (last != null && STATEMENT_CALLS.contains(last)) {
                    DeclaredTable own = call.func() instanceof Expr.Attribute f ? declaredTable(f.value(), ctx, memo)
                            : null;
                    DeclaredTable arg = call.positional(0) == null ? null : declaredTable(call.positional(0), ctx, memo);
                    target = target != null ? target : own != null ? own : arg;
                    if (last.equals("select")) {
                        for (DeclaredTable whole : wholeTables(call, own, ctx, memo, true)) {
                            whole.declared().forEach(c -> name(whole, c, call.span().start(), found));
                        }
                    }
                } else if ("query".equals(last)) {
                    // session.query(Model, ...): every column each class given whole maps
                    for (DeclaredTable whole : wholeTables(call, null, ctx, memo, true)) {
                        whole.declared().forEach(c -> name(whole, c, call.span().start(), found));
                    }
                } else if ("values".equals(last)) {
                    call.args().stream().filter(a -> a.keyword() != null).forEach(values::add);
                }
            }
            for (int i = e.childCount() - 1; i >= 0; i--) {
                todo.push(e.child(i));
            }
        }
        for (Arg a : values) {
            if (target != null && target.declared().contains(a.keyword())) {
                name(target, a.keyword(), a.value().span().start(), found);
            }
        }
        return List.copyOf(found.values());
    }

    /** Adds table {@code t} ({@code column} null) or its column, once, unless {@code t} reflects its columns. */
    private static void name(DeclaredTable t, String column, int at, Map<List<String>, Operation.CoreName> found) {
        if (!t.reflected()) {
            found.putIfAbsent(Arrays.asList(t.name(), column), new Operation.CoreName(t.name(), column, at));
        }
    }

    /** The tables a select takes whole: its receiver ({@code t.select()}), {@code sa.select(t)}, {@code sa.select([t, ...])}. */
    private List<DeclaredTable> wholeTables(Expr.Call select, DeclaredTable receiver, Ctx ctx,
            Map<Expr, DeclaredTable> memo, boolean classes) {
        List<DeclaredTable> whole = new ArrayList<>();
        if (receiver != null) {
            whole.add(receiver);
        }
        for (Arg a : select.args()) {
            if (a.keyword() != null) {
                continue;
            }
            Expr v = ColumnReader.deref(a.value(), ctx.scope());
            List<Expr> items = v instanceof Expr.ListExpr l ? l.elements() : v instanceof Expr.Tuple t ? t.elements()
                    : List.of(v);
            for (Expr item : items) {
                DeclaredTable t = classes ? namedTable(item, ctx, memo) : declaredTable(item, ctx, memo);
                if (t != null) {
                    whole.add(t);
                }
            }
        }
        return whole;
    }

    /** {@code t.select()}, {@code sa.select(t)}, {@code sa.select([t, ...])}: every column {@code t} declares. */
    private void selectedWhole(Expr.Call select, DeclaredTable receiver, Ctx ctx, Map<Expr, DeclaredTable> memo,
            Map<List<String>, Operation.TypedColumn> found) {
        for (DeclaredTable t : wholeTables(select, receiver, ctx, memo, false)) {
            for (String column : t.columns().keySet()) {
                use(t, column, found);
            }
        }
    }

    private static void use(DeclaredTable t, String column, Map<List<String>, Operation.TypedColumn> found) {
        ColumnDef def = column == null ? null : t.columns().get(column);
        if (def != null) {
            found.putIfAbsent(List.of(t.name(), column), new Operation.TypedColumn(t.name(), def));
        }
    }

    /**
     * Row dict keys in order, per key whether every row's value is made at run time, and per key the string
     * literals its rows give it when every row gives one (see {@link Operation.Insert#literals}).
     */
    private record Rows(List<String> keys, List<Boolean> madeAtRunTime, Map<String, Set<String>> literals) {
        Rows(List<String> keys, List<Boolean> madeAtRunTime) {
            this(keys, madeAtRunTime, Map.of());
        }
    }

    /**
     * What a SQLAlchemy Core insert writes: the keyword names of {@code .values(a=..)}, or the keys of
     * the row dicts given to {@code .values({...})} / {@code conn.execute(stmt, [{...}])}; null when
     * not readable.
     */
    private Rows insertedRows(Expr stmt, Expr params, Ctx ctx) {
        Expr.Call values = findCall(stmt, "values");
        Expr rows = params;
        if (values != null) {
            List<String> keywords = new ArrayList<>(values.args().size());
            List<Boolean> runtime = new ArrayList<>(values.args().size());
            for (Arg a : values.args()) {
                if (a.keyword() != null) {
                    keywords.add(a.keyword());
                    runtime.add(RunTimeValues.madeAtRunTime(a.value(), ctx.scope()));
                }
            }
            if (!keywords.isEmpty() && keywords.size() == values.args().size()) {
                return new Rows(List.copyOf(keywords), List.copyOf(runtime));
            }
            rows = values.positional(0);
        }
        return rows(rows, ctx);
    }

    /**
     * The keys of row dicts ({@code [{"code": "x", "label": "y"}, ...]} or one dict), as written, all
     * rows together, and whether each key's value is made at run time in every row that has it; null
     * when any row or key is not readable.
     */
    /**
     * The rows of {@code [dict(zip(columns, row)) for row in data]} (also {@code dict(list(zip(...)))}), as the
     * keys and values each row gets: {@code columns} a literal list of names or {@code [c.name for c in
     * t.columns]} of a lightweight {@code table("t", column("id"), ...)} whose arguments are all named columns,
     * {@code data} a literal list of literal tuples or lists; {@code zip} pairs them in order and stops at the
     * shorter. Null for any other expression (a name rebound, a filter in the comprehension, a row not written
     * out), which then is not read as rows.
     */
    private List<List<Map.Entry<String, Expr>>> zipped(Expr r, Ctx ctx) {
        if (!(r instanceof Expr.Opaque comp) || !comp.kind().equals("listcomp") || comp.children().size() != 2) {
            return null;
        }
        String target = comprehensionTarget(comp);
        Expr element = comp.children().get(0);
        if (target == null || !(element instanceof Expr.Call d) || !builtin(d, "dict", ctx)) {
            return null;
        }
        Expr inner = d.positional(0);
        if (inner instanceof Expr.Call l && builtin(l, "list", ctx)) {
            inner = l.positional(0);
        }
        if (!(inner instanceof Expr.Call zip) || !builtin(zip, "zip", ctx) || zip.args().size() != 2
                || !(zip.positional(1) instanceof Expr.Name row) || !row.id().equals(target)) {
            return null;
        }
        List<String> columns = columnNames(ColumnReader.deref(zip.positional(0), ctx.scope()), ctx);
        Expr data = ColumnReader.deref(comp.children().get(1), ctx.scope());
        List<Expr> items = data instanceof Expr.ListExpr l ? l.elements() : data instanceof Expr.Tuple t
                ? t.elements() : null;
        if (columns == null || items == null || items.isEmpty()) {
            return null;
        }
        List<List<Map.Entry<String, Expr>>> out = new ArrayList<>();
        for (Expr item : items) {
            List<Expr> values = item instanceof Expr.Tuple t ? t.elements() : item instanceof Expr.ListExpr l
                    ? l.elements() : null;
            if (values == null || values.stream().anyMatch(v -> v instanceof Expr.Opaque o && o.kind().equals("starred"))) {
                return null;
            }
            List<Map.Entry<String, Expr>> entries = new ArrayList<>();
            for (int i = 0; i < Math.min(columns.size(), values.size()); i++) {
                entries.add(Map.entry(columns.get(i), values.get(i)));
            }
            out.add(entries);
        }
        return out;
    }

    /** {@code call} is {@code name(x)} of the builtin {@code name} (not rebound), one positional argument each. */
    private static boolean builtin(Expr.Call call, String name, Ctx ctx) {
        return call.func() instanceof Expr.Name n && n.id().equals(name) && !ctx.scope().binds(name)
                && call.args().stream().allMatch(a -> a.keyword() == null && a.star() == 0)
                && (name.equals("zip") || call.args().size() == 1);
    }

    /**
     * The names a list of column names gives, in order: a literal list or tuple of strings, or {@code [c.name for
     * c in t.columns]} (or {@code t.c}) of a lightweight table whose every argument after its name is a {@code
     * column("name", ...)}; null otherwise.
     */
    private List<String> columnNames(Expr e, Ctx ctx) {
        List<Expr> items = e instanceof Expr.ListExpr l ? l.elements() : e instanceof Expr.Tuple t ? t.elements()
                : null;
        if (items != null) {
            List<String> out = new ArrayList<>();
            for (Expr item : items) {
                String name = item instanceof Expr.Str ? StringResolver.constant(item, ctx.scope()) : null;
                if (name == null) {
                    return null;
                }
                out.add(name);
            }
            return out;
        }
        if (!(e instanceof Expr.Opaque comp) || !comp.kind().equals("listcomp") || comp.children().size() != 2
                || !(comp.children().get(0) instanceof Expr.Attribute a) || !a.attr().equals("name")
                || !(a.value() instanceof Expr.Name c) || !c.id().equals(comprehensionTarget(comp))
                || !(comp.children().get(1) instanceof Expr.Attribute cols)
                || !(cols.attr().equals("columns") || cols.attr().equals("c"))) {
            return null;
        }
        Expr t = ColumnReader.deref(cols.value(), ctx.scope());
        if (!(t instanceof Expr.Call table) || !"table".equals(Names.lastPart(table.func()))
                || table.args().isEmpty() || str(table.positional(0), ctx) == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Arg arg : table.args().subList(1, table.args().size())) {
            Expr v = arg.keyword() != null || arg.star() != 0 ? null : ColumnReader.deref(arg.value(), ctx.scope());
            String name = columnCall(v) ? ColumnReader.read((Expr.Call) v, ctx.scope()).name() : null;
            if (name == null || out.contains(name)) {
                return null;
            }
            out.add(name);
        }
        return out;
    }

    /**
     * The one name a comprehension's {@code for} binds, read from the text between its element and its iterable
     * ({@code [... for row in data]}); null for a tuple target or anything else.
     */
    private String comprehensionTarget(Expr.Opaque comp) {
        int from = comp.children().get(0).span().end();
        int to = comp.children().get(1).span().start();
        String text = file.text();
        if (from > to || to > text.length()) {
            return null;
        }
        java.util.regex.Matcher m = COMPREHENSION_FOR.matcher(text.substring(from, to));
        return m.matches() ? m.group(1) : null;
    }

    private static final java.util.regex.Pattern COMPREHENSION_FOR = java.util.regex.Pattern.compile(
            "\\s*for\\s+([A-Za-z_][A-Za-z_0-9]*)\\s+in\\s*");

    private Rows rows(Expr rows, Ctx ctx) {
        Expr r = rows == null ? null : ColumnReader.deref(rows, ctx.scope());
        List<List<Map.Entry<String, Expr>>> written = zipped(r, ctx);
        if (written == null) {
            List<Expr> dicts = r instanceof Expr.ListExpr l ? l.elements() : r == null ? List.of() : List.of(r);
            written = new ArrayList<>();
            for (Expr row : dicts) {
                if (!(ColumnReader.deref(row, ctx.scope()) instanceof Expr.Dict dict)) {
                    return null;
                }
                List<Map.Entry<String, Expr>> entries = new ArrayList<>();
                for (int i = 0; i < dict.keys().size(); i++) {
                    Expr k = dict.keys().get(i);
                    String key = k == null ? null : StringResolver.constant(k, ctx.scope());
                    if (key == null) {
                        return null;
                    }
                    entries.add(Map.entry(key, dict.values().get(i)));
                }
                written.add(entries);
            }
        }
        if (written.isEmpty()) {
            return null;
        }
        LinkedHashMap<String, Boolean> keys = new LinkedHashMap<>();
        Map<String, Set<String>> literals = new HashMap<>();
        Map<String, Integer> literalRows = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        for (List<Map.Entry<String, Expr>> row : written) {
            Set<String> given = new HashSet<>();
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, Expr> entry : row) {
                String key = entry.getKey();
                boolean runtime = RunTimeValues.madeAtRunTime(entry.getValue(), ctx.scope());
                keys.merge(key, runtime, Boolean::logicalAnd);
                if (!seen.add(key)) {
                    repeated.add(key); // the last value wins in Python
                }
                // only a string written in the row itself: a name may be bound more than once
                if (entry.getValue() instanceof Expr.Str v && !v.bytes() && v.pieces().size() == 1
                        && !v.pieces().get(0).dynamic()) {
                    literals.computeIfAbsent(key, x -> new HashSet<>()).add(v.pieces().get(0).text());
                    given.add(key);
                }
            }
            given.forEach(key -> literalRows.merge(key, 1, Integer::sum));
        }
        int rowCount = written.size();
        // a key some row leaves out or gives another value has no literals
        literals.keySet().removeIf(key -> literalRows.get(key) != rowCount || repeated.contains(key));
        return new Rows(List.copyOf(keys.keySet()), List.copyOf(keys.values()), literals);
    }

    /**
     * The bind parameters of a textual statement whose values are made at run time in every row:
     * {@code conn.execute(sa.text("... :id ..."), {"id": uuid4()})} (or a list of such dicts), and
     * {@code sa.text(...).bindparams(id=uuid4())}.
     */
    /** Keywords of {@code execute} that are no bind parameter. */
    private static final Set<String> EXECUTE_KEYWORDS = Set.of("parameters", "execution_options",
            "multiparams", "params", "_parent_execute_state", "_add_event", "bind_arguments");

    private Set<String> runtimeBinds(Expr sqlExpr, Expr.Call call, Ctx ctx) {
        Set<String> out = new HashSet<>();
        Expr.Call bind = findCall(ColumnReader.deref(sqlExpr, ctx.scope()), "bindparams");
        if (bind != null) {
            for (Arg a : bind.args()) {
                if (a.keyword() != null && RunTimeValues.madeAtRunTime(a.value(), ctx.scope())) {
                    out.add(a.keyword());
                }
            }
        }
        // SQLAlchemy 1.x: conn.execute(text("... :id ..."), id=uuid4()) passes the keywords as the parameters
        for (Arg a : call.args()) {
            if (a.keyword() != null && !EXECUTE_KEYWORDS.contains(a.keyword())
                    && RunTimeValues.madeAtRunTime(a.value(), ctx.scope())) {
                out.add(a.keyword());
            }
        }
        Expr params = call.args().size() > 1 ? arg(call, 1, "parameters") : call.keyword("parameters") == null ? null
                : call.keyword("parameters").value();
        Rows rows = params == null ? null : rows(params, ctx);
        if (rows != null) {
            for (int i = 0; i < rows.keys().size(); i++) {
                if (rows.madeAtRunTime().get(i)) {
                    out.add(rows.keys().get(i));
                }
            }
        }
        // positional values for psycopg2's %s placeholders: conn.execute("... VALUES (%s, %s)", [uuid4(), x])
        Expr p = params == null ? null : ColumnReader.deref(params, ctx.scope());
        List<Expr> values = p instanceof Expr.ListExpr l ? l.elements() : p instanceof Expr.Tuple t ? t.elements() : null;
        if (values != null && values.stream().noneMatch(v -> v instanceof Expr.Dict || v instanceof Expr.ListExpr
                || v instanceof Expr.Tuple || v instanceof Expr.Opaque)) {
            for (int i = 0; i < values.size(); i++) {
                if (RunTimeValues.madeAtRunTime(values.get(i), ctx.scope())) {
                    out.add(SqlText.positionalBind(i));
                }
            }
        }
        return out;
    }

    private static Expr.Call findCall(Expr e, String name) {
        return StmtParts.firstCall(e, x -> true, c -> name.equals(Names.lastPart(c.func())));
    }

    private static boolean containsCall(Expr e, String name) {
        return findCall(e, name) != null;
    }
}
