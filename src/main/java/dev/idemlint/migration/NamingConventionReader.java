package dev.idemlint.migration;

import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonSyntaxError;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StmtParts;
import dev.idemlint.python.StrPiece;
import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows env.py's {@code target_metadata} to the {@code MetaData(naming_convention=...)} it names,
 * without running anything: module-level assignments, imports of project modules ({@code from app.models
 * import Base} is {@code app/models.py} or {@code app/models/__init__.py} under env.py's folder, its
 * ancestors up to the project root, or {@code src/}), {@code declarative_base(metadata=...)}, classes
 * deriving from {@code DeclarativeBase} with a {@code metadata = MetaData(...)} attribute, Flask-SQLAlchemy's
 * {@code SQLAlchemy(metadata=...)}, {@code SQLModel.metadata}, and convention dicts written as literals,
 * {@code dict(...)} calls or names of either.
 *
 * <p>When env.py's target cannot be followed (a function returns it, Flask-Migrate's
 * {@code current_app.extensions}), the project's Python files are searched: none mentioning
 * {@code naming_convention} means SQLAlchemy's default; exactly one convention dict gives that one,
 * marked inexact; anything else is unknown.
 */
final class NamingConventionReader {
    private static final int MAX_DEPTH = 12;
    private static final int MAX_SCAN_FILES = 5_000;
    private static final Map<String, String> CLASS_KEYS = Map.of("PrimaryKeyConstraint", "pk",
            "UniqueConstraint", "uq", "ForeignKeyConstraint", "fk", "CheckConstraint", "ck", "Index", "ix");

    private final Path root;
    private final PythonParser parser = new PythonParser();
    private final Map<Path, PythonModule> modules = new HashMap<>();
    private int depth;
    /** {@link #lookup} answers by name and module file. */
    private final Map<List<Object>, Val> looked = new HashMap<>();

    NamingConventionReader(Path projectRoot) {
        this.root = projectRoot.toAbsolutePath().normalize();
    }

    /** What an expression evaluates to, as far as naming conventions go. */
    private sealed interface Val {
        /** A MetaData with this convention. */
        record Meta(NamingConvention convention) implements Val {
        }

        /** Something with a {@code .metadata}: a declarative base, a registry, Flask-SQLAlchemy's db. */
        record Base(Val metadata) implements Val {
        }

        record Module(Path file) implements Val {
        }

        /** A name from outside the project ({@code sqlmodel.SQLModel}). */
        record External(String dotted) implements Val {
        }

        record Conv(Map<String, String> templates, Set<String> computed) implements Val {
        }

        record None() implements Val {
        }

        record Unknown(String why) implements Val {
        }
    }

    /** A module and the file it came from. */
    private record Ctx(PythonModule module, Path file) {
    }

    NamingConvention read(Path envPy) {
        Path env = envPy.toAbsolutePath().normalize();
        PythonModule m = module(env);
        if (m == null) {
            return fallback("env.py cannot be parsed");
        }
        Ctx ctx = new Ctx(m, env);
        List<Expr.Call> configures = new ArrayList<>();
        collectCalls(m.body(), "configure", configures);
        if (configures.isEmpty()) {
            return fallback("env.py calls no context.configure");
        }
        Val found = null;
        for (Expr.Call c : configures) {
            for (Arg a : c.args()) {
                if (a.star() == 2) {
                    return fallback("context.configure gets **kwargs");
                }
            }
            Arg tm = c.keyword("target_metadata");
            if (tm == null) {
                continue;
            }
            Val v = eval(tm.value(), ctx);
            if (found != null && !found.equals(v)) {
                return fallback("env.py configures two different target_metadata");
            }
            found = v;
        }
        if (found == null || found instanceof Val.None) {
            return withSource(NamingConvention.SQLALCHEMY_DEFAULT, "env.py gives no target_metadata");
        }
        Val meta = found instanceof Val.Base b ? b.metadata() : found;
        if (meta instanceof Val.Meta mt) {
            return mt.convention();
        }
        return fallback(meta instanceof Val.Unknown u ? u.why() : "target_metadata is not a MetaData");
    }

    private static NamingConvention withSource(NamingConvention c, String source) {
        return new NamingConvention(c.templates(), c.computed(), c.unknownReason(), c.exact(), source);
    }

    // ---- fallback: the project's only convention

    private NamingConvention fallback(String why) {
        List<Path> mentioning = new ArrayList<>();
        int[] seenFiles = {0};
        try {
            Files.walkFileTree(root, Set.of(), 12, new SimpleFileVisitor<>() {

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (n.startsWith(".") || n.equals("node_modules")
                            || n.equals("venv") || n.equals("site-packages") || n.equals("__pycache__")
                            || n.equals("versions") || n.equals("build") || n.equals("dist"));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!file.toString().endsWith(".py")) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (++seenFiles[0] > MAX_SCAN_FILES) {
                        return FileVisitResult.TERMINATE;
                    }
                    try {
                        if (Files.readString(file, StandardCharsets.UTF_8).contains("naming_convention")) {
                            mentioning.add(file);
                        }
                    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                        // undecodable: cannot mention it in a way we could read anyway
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return NamingConvention.unknown(why + "; the project could not be searched: " + e.getMessage());
        }
        if (seenFiles[0] > MAX_SCAN_FILES) {
            return NamingConvention.unknown(why + "; the project has too many Python files to search them all");
        }
        if (mentioning.isEmpty()) {
            return new NamingConvention(NamingConvention.SQLALCHEMY_DEFAULT.templates(), Set.of(), null, false,
                    why + "; no file of the project mentions naming_convention");
        }
        Set<Val.Conv> conventions = new LinkedHashSet<>();
        for (Path f : mentioning) {
            PythonModule m = module(f.toAbsolutePath().normalize());
            if (m == null) {
                return NamingConvention.unknown(why + "; " + root.relativize(f) + " cannot be parsed");
            }
            List<Expr.Call> calls = new ArrayList<>();
            collectCalls(m.body(), "MetaData", calls);
            for (Expr.Call c : calls) {
                Arg nc = c.keyword("naming_convention");
                if (nc != null) {
                    Val v = eval(nc.value(), new Ctx(m, f.toAbsolutePath().normalize()));
                    if (!(v instanceof Val.Conv conv)) {
                        return NamingConvention.unknown(why + "; a naming_convention in " + root.relativize(f)
                                + " cannot be read");
                    }
                    conventions.add(conv);
                }
            }
        }
        if (conventions.size() != 1) {
            return NamingConvention.unknown(why + "; the project has " + conventions.size()
                    + " naming conventions that could be the one in use");
        }
        Val.Conv only = conventions.iterator().next();
        return new NamingConvention(only.templates(), only.computed(), null, false,
                why + "; the project's only naming_convention");
    }

    // ---- evaluation

    private Val eval(Expr e, Ctx ctx) {
        if (++depth > MAX_DEPTH * 4) {
            depth--;
            return new Val.Unknown("the definition chain is too long to follow");
        }
        try {
            if (e instanceof Expr.Const c && c.text().equals("None")) {
                return new Val.None();
            } else if (e instanceof Expr.Name n) {
                return lookup(n.id(), ctx);
            } else if (e instanceof Expr.Attribute a) {
                return attribute(eval(a.value(), ctx), a.attr());
            } else if (e instanceof Expr.Call c) {
                return call(c, ctx);
            } else if (e instanceof Expr.Dict d) {
                return dict(d);
            } else if (e instanceof Expr.ListExpr || e instanceof Expr.Tuple) {
                // target_metadata=[a, b]: a list has no naming_convention, and Alembic's ops then build a
                // plain MetaData() (operations/schemaobj.py checks hasattr(target_metadata, "naming_convention"))
                return new Val.Meta(NamingConvention.SQLALCHEMY_DEFAULT);
            }
            return new Val.Unknown("an expression that cannot be evaluated statically");
        } finally {
            depth--;
        }
    }

    private Val attribute(Val of, String attr) {
        if (of instanceof Val.Module mod) {
            Ctx inner = ctxOf(mod.file());
            Val v = inner == null ? new Val.Unknown(display(mod.file()) + " cannot be parsed") : lookup(attr, inner);
            if (v instanceof Val.Unknown && mod.file().getFileName().toString().equals("__init__.py")) {
                // a submodule of the package (airflow.models.base), imported elsewhere or lazily
                Path dir = mod.file().getParent();
                for (Path sub : List.of(dir.resolve(attr + ".py"), dir.resolve(attr).resolve("__init__.py"))) {
                    if (Files.isRegularFile(sub)) {
                        return new Val.Module(sub.normalize());
                    }
                }
            }
            return v;
        }
        if (of instanceof Val.Base b && attr.equals("metadata")) {
            return b.metadata();
        }
        if (of instanceof Val.Base b && attr.equals("Model")) {
            return b; // Flask-SQLAlchemy: db.Model.metadata is db.metadata
        }
        if (of instanceof Val.External x) {
            return attr.equals("metadata") && x.dotted().endsWith("SQLModel")
                    ? new Val.Meta(NamingConvention.SQLALCHEMY_DEFAULT) : new Val.External(x.dotted() + "." + attr);
        }
        return of instanceof Val.Unknown ? of : new Val.Unknown("." + attr + " of a value that has no such attribute statically");
    }

    private Val call(Expr.Call c, Ctx ctx) {
        String callee = Names.lastPart(c.func());
        if (callee == null) {
            return new Val.Unknown("a call of a computed function");
        }
        switch (callee) {
            case "MetaData": {
                Arg nc = c.keyword("naming_convention");
                if (nc == null) {
                    return new Val.Meta(NamingConvention.SQLALCHEMY_DEFAULT);
                }
                Val v = eval(nc.value(), ctx);
                if (v instanceof Val.Conv conv) {
                    // MetaData(naming_convention={}) keeps SQLAlchemy's default; any other dict replaces it
                    Map<String, String> t = conv.templates().isEmpty() && conv.computed().isEmpty()
                            ? NamingConvention.SQLALCHEMY_DEFAULT.templates() : conv.templates();
                    return new Val.Meta(new NamingConvention(t, conv.computed(), null, true,
                            display(ctx.file()) + ":" + line(ctx, c)));
                }
                if (v instanceof Val.None) {
                    return new Val.Meta(NamingConvention.SQLALCHEMY_DEFAULT);
                }
                return v instanceof Val.Unknown u ? u : new Val.Unknown("naming_convention is not a dict");
            }
            case "declarative_base", "registry", "SQLAlchemy": {
                Arg md = c.keyword("metadata");
                if (md != null) {
                    Val v = eval(md.value(), ctx);
                    return v instanceof Val.Meta ? new Val.Base(v) : unknownOr(v, "metadata= is not a MetaData");
                }
                Arg mc = c.keyword("model_class");
                if (mc != null) {
                    return eval(mc.value(), ctx);
                }
                if (callee.equals("declarative_base") && c.keyword("cls") != null) {
                    return eval(c.keyword("cls").value(), ctx);
                }
                return new Val.Base(new Val.Meta(NamingConvention.SQLALCHEMY_DEFAULT));
            }
            case "generate_base": {
                return c.func() instanceof Expr.Attribute a ? eval(a.value(), ctx)
                        : new Val.Unknown("generate_base() of an unknown registry");
            }
            case "dict": {
                if (!c.args().isEmpty() && c.args().get(0).keyword() == null) {
                    return new Val.Unknown("dict(...) with positional arguments");
                }
                Map<String, String> templates = new LinkedHashMap<>();
                Set<String> computed = new LinkedHashSet<>();
                for (Arg a : c.args()) {
                    if (a.star() != 0) {
                        return new Val.Unknown("dict(**...)");
                    }
                    put(a.keyword(), a.value(), templates, computed);
                }
                return new Val.Conv(templates, computed);
            }
            default:
                return new Val.Unknown(callee + "(...) is computed at run time");
        }
    }

    private static Val unknownOr(Val v, String why) {
        return v instanceof Val.Unknown ? v : new Val.Unknown(why);
    }

    private Val dict(Expr.Dict d) {
        Map<String, String> templates = new LinkedHashMap<>();
        Set<String> computed = new LinkedHashSet<>();
        for (int i = 0; i < d.keys().size(); i++) {
            Expr k = d.keys().get(i);
            if (k == null) {
                return new Val.Unknown("a convention dict with ** unpacking");
            }
            String key = literal(k);
            if (key == null) {
                String cls = Names.lastPart(k);
                key = cls == null ? null : CLASS_KEYS.get(cls);
            }
            if (key == null) {
                return new Val.Unknown("a convention dict key that is not a string or a constraint class");
            }
            put(key, d.values().get(i), templates, computed);
        }
        return new Val.Conv(templates, computed);
    }

    private static void put(String key, Expr value, Map<String, String> templates, Set<String> computed) {
        String v = literal(value);
        if (v == null) {
            computed.add(key); // a token function or a template built by code
        } else {
            templates.put(key, v);
        }
    }

    // ---- names

    /** The value {@code id} is bound to at module level, following imports into the project. */
    /**
     * The value {@code id} has in {@code ctx}'s module, each asked once per reader: a package importing its own
     * submodule ({@code from optuna import storages} in optuna/__init__.py) or star imports in a ring would
     * otherwise ask the same question again without end, and diamonds of imports again and again. While a
     * question is being answered it answers itself as unknown, so a ring ends there.
     */
    private Val lookup(String id, Ctx ctx) {
        List<Object> key = List.of(id, ctx.file());
        Val known = looked.get(key);
        if (known != null) {
            return known;
        }
        looked.put(key, new Val.Unknown(id + " is defined in terms of itself in " + display(ctx.file())));
        Val v = lookupIn(id, ctx);
        looked.put(key, v);
        return v;
    }

    private Val lookupIn(String id, Ctx ctx) {
        Stmt binding = null;
        for (Stmt s : ctx.module().body()) {
            if (binds(s, id)) {
                binding = s;
            } else if (s instanceof Stmt.If i && typeCheckingOnly(i.test()) && !bindsIn(i.orelse(), id)
                    && !bindsIn(i.body(), id)) {
                continue;
            } else if (s instanceof Stmt.If i && typeCheckingOnly(i.test())) {
                // `if TYPE_CHECKING: Base = Any else: Base = ...`: at run time only the else branch runs
                Stmt runtime = null;
                for (Stmt inner : i.orelse()) {
                    if (binds(inner, id)) {
                        runtime = inner;
                    } else if (bindsNested(inner, id)) {
                        return new Val.Unknown(id + " is bound conditionally in " + display(ctx.file()));
                    }
                }
                if (runtime != null) {
                    binding = runtime;
                }
            } else if (bindsNested(s, id)) {
                return new Val.Unknown(id + " is bound conditionally in " + display(ctx.file()));
            }
        }
        if (binding == null) {
            for (Stmt s : ctx.module().body()) {
                if (s instanceof Stmt.Import imp && imp.module() != null && imp.names().size() == 1
                        && imp.names().get(0).name().equals("*")) {
                    Path target = resolveModule(imp.module(), ctx.file());
                    Ctx inner = target == null ? null : ctxOf(target);
                    if (inner != null) {
                        Val v = lookup(id, inner);
                        if (!(v instanceof Val.Unknown)) {
                            return v;
                        }
                    }
                }
            }
            return new Val.Unknown(id + " is not defined in " + display(ctx.file()));
        }
        if (binding instanceof Stmt.Assign a) {
            return eval(a.value(), ctx);
        } else if (binding instanceof Stmt.AnnAssign a && a.value() != null) {
            return eval(a.value(), ctx);
        } else if (binding instanceof Stmt.ClassDef c) {
            return classValue(c, ctx);
        } else if (binding instanceof Stmt.Import imp) {
            return imported(imp, id, ctx);
        }
        return new Val.Unknown(id + " is defined by code that cannot be evaluated statically");
    }

    private Val imported(Stmt.Import imp, String id, Ctx ctx) {
        for (Stmt.ImportName n : imp.names()) {
            String bound = n.alias() != null ? n.alias() : imp.module() == null ? n.name().split("\\.")[0] : n.name();
            if (!bound.equals(id)) {
                continue;
            }
            if (imp.module() == null) {
                String dotted = n.alias() != null ? n.name() : n.name().split("\\.")[0];
                Path file = resolveModule(dotted, ctx.file());
                return file == null ? new Val.External(dotted) : new Val.Module(file);
            }
            Path from = resolveModule(imp.module(), ctx.file());
            if (from == null) {
                return new Val.External(imp.module() + "." + n.name());
            }
            Path sub = resolveModule(imp.module().endsWith(".") ? imp.module() + n.name() : imp.module() + "." + n.name(),
                    ctx.file());
            Ctx inner = ctxOf(from);
            if (inner == null) {
                return new Val.Unknown(display(from) + " cannot be parsed");
            }
            Val v = lookup(n.name(), inner);
            if (v instanceof Val.Unknown && sub != null) {
                return new Val.Module(sub);
            }
            return v;
        }
        return new Val.Unknown(id + " is not imported by that statement");
    }

    private Val classValue(Stmt.ClassDef c, Ctx ctx) {
        for (Stmt s : c.body()) {
            if (binds(s, "metadata")) {
                Val v = s instanceof Stmt.Assign a ? eval(a.value(), ctx)
                        : s instanceof Stmt.AnnAssign an && an.value() != null ? eval(an.value(), ctx)
                        : new Val.Unknown("metadata of class " + c.name() + " is not a plain assignment");
                return v instanceof Val.Meta ? new Val.Base(v) : unknownOr(v, "metadata of " + c.name() + " is not a MetaData");
            }
        }
        for (Expr b : c.bases()) {
            String last = Names.lastPart(b);
            if (last != null && (last.equals("DeclarativeBase") || last.equals("DeclarativeBaseNoMeta")
                    || last.equals("SQLModel"))) {
                return new Val.Base(new Val.Meta(NamingConvention.SQLALCHEMY_DEFAULT));
            }
            Val v = eval(b, ctx);
            if (v instanceof Val.Base) {
                return v;
            }
            if (v instanceof Val.External x && x.dotted().endsWith("SQLModel")) {
                return new Val.Base(new Val.Meta(NamingConvention.SQLALCHEMY_DEFAULT));
            }
        }
        return new Val.Unknown("class " + c.name() + " has no metadata that can be followed");
    }

    private static boolean binds(Stmt s, String id) {
        if (s instanceof Stmt.Assign a) {
            return a.targets().stream().anyMatch(t -> t instanceof Expr.Name n && n.id().equals(id));
        } else if (s instanceof Stmt.AnnAssign a) {
            return a.target() instanceof Expr.Name n && n.id().equals(id);
        } else if (s instanceof Stmt.ClassDef c) {
            return c.name().equals(id);
        } else if (s instanceof Stmt.FunctionDef f) {
            return f.name().equals(id);
        } else if (s instanceof Stmt.Import imp) {
            return imp.names().stream().anyMatch(n -> id.equals(n.alias() != null ? n.alias()
                    : imp.module() == null ? n.name().split("\\.")[0] : n.name()));
        }
        return false;
    }

    /** {@code TYPE_CHECKING} or {@code typing.TYPE_CHECKING}: false whenever the code runs. */
    private static boolean typeCheckingOnly(Expr test) {
        return "TYPE_CHECKING".equals(Names.lastPart(test));
    }

    private static boolean bindsIn(List<Stmt> block, String id) {
        for (Stmt s : block) {
            if (binds(s, id) || bindsNested(s, id)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a compound statement binds {@code id} in one of its blocks (an if, a try, a with). */
    private static boolean bindsNested(Stmt s, String id) {
        if (s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef) {
            return false; // their own scope
        }
        List<List<Stmt>> blocks = List.of(StmtParts.blocks(s));
        for (List<Stmt> block : blocks) {
            for (Stmt inner : block) {
                if (binds(inner, id) || bindsNested(inner, id)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- modules

    /** The file of a module named in an import, relative ({@code .models}) or absolute, within the project. */
    private Path resolveModule(String name, Path fromFile) {
        int level = 0;
        while (level < name.length() && name.charAt(level) == '.') {
            level++;
        }
        String rest = name.substring(level);
        List<Path> bases = new ArrayList<>();
        if (level > 0) {
            Path base = fromFile.getParent();
            for (int i = 1; i < level && base != null; i++) {
                base = base.getParent();
            }
            if (base != null) {
                bases.add(base);
            }
        } else {
            for (Path d = fromFile.getParent(); d != null && d.startsWith(root); d = d.getParent()) {
                bases.add(d);
            }
            bases.add(root.resolve("src"));
        }
        String rel = rest.replace('.', '/');
        for (Path base : bases) {
            Path dir = rel.isEmpty() ? base : base.resolve(rel);
            if (!rel.isEmpty() && Files.isRegularFile(base.resolve(rel + ".py"))) {
                return base.resolve(rel + ".py").normalize();
            }
            if (Files.isRegularFile(dir.resolve("__init__.py"))) {
                return dir.resolve("__init__.py").normalize();
            }
        }
        return null;
    }

    private Ctx ctxOf(Path file) {
        PythonModule m = module(file);
        return m == null ? null : new Ctx(m, file);
    }

    private PythonModule module(Path file) {
        if (modules.containsKey(file)) {
            return modules.get(file);
        }
        PythonModule m = null;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            m = parser.parse(SourceFile.of(file, display(file), text));
        } catch (IOException | PythonSyntaxError | RuntimeException e) {
            m = null;
        }
        modules.put(file, m);
        return m;
    }

    private String display(Path file) {
        return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
    }

    private static int line(Ctx ctx, Expr e) {
        return ctx.module().source().lines().line(e.span().start());
    }

    // ---- syntax helpers

    /** The value of a plain string literal (no f-string field, not bytes), else null. */
    static String literal(Expr e) {
        if (!(e instanceof Expr.Str s) || s.bytes()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (StrPiece p : s.pieces()) {
            if (p.dynamic()) {
                return null;
            }
            sb.append(p.text());
        }
        return sb.toString();
    }

    /** Every call whose callee ends in {@code last}, anywhere in the statements. */
    private static void collectCalls(List<Stmt> body, String last, List<Expr.Call> out) {
        for (Stmt s : body) {
            for (Expr e : StmtParts.expressions(s)) {
                collectCalls(e, last, out);
            }
            collectCalls(StmtParts.blocks(s), last, out);
        }
    }

    private static void collectCalls(Expr e, String last, List<Expr.Call> out) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Call c && last.equals(Names.lastPart(c.func()))) {
            out.add(c);
        }
        for (int i = 0; i < e.childCount(); i++) {
            collectCalls(e.child(i), last, out);
        }
    }
}
