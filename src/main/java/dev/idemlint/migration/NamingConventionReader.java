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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
 * <p>Flask-Migrate's {@code current_app.extensions['migrate'].db} is the db given to {@code Migrate(app, db)}
 * or {@code migrate.init_app(app, db)}: the project's Python files are searched for those calls, and exactly one
 * distinct db is followed like any other {@code SQLAlchemy(metadata=...)}. A parameterless env.py function made of
 * ifs and returns of one value (Flask-Migrate's {@code get_metadata()}) gives that value, and
 * {@code **extensions['migrate'].configure_args} is accepted when no Migrate call passes target_metadata= or **.
 *
 * <p>When env.py's target cannot be followed otherwise, the project's Python files are searched: none mentioning
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
    private Val migrateDb;
    /** The tokens the project's files are searched for, all in one walk ({@link #projectFiles}). */
    private static final List<String> SEARCHED = List.of("naming_convention", "Migrate(", ".init_app(");
    /** The files of the project that mention a searched token (null: not walked yet). */
    private List<Mention> scanned;
    /** Whether the walk stopped at {@link #MAX_SCAN_FILES}. */
    private boolean scanTooLarge;

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

        /** Flask-Migrate's {@code current_app.extensions['migrate']}: its {@code .db} is the one given to Migrate. */
        record MigrateConfig() implements Val {
        }

        /** Flask-SQLAlchemy 3's {@code db.metadatas}: the {@code None} key is {@code db.metadata}. */
        record Metadatas(Val metadata) implements Val {
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
                if (a.star() == 2 && !(migrateConfigureArgs(a.value(), m) && migrateDb() instanceof Val.Base)) {
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
            Path assigning = conventionAssignedIn();
            if (assigning != null) {
                // which MetaData `x.naming_convention = ...` replaces the convention of is not followed
                return NamingConvention.unknown("a naming_convention is assigned to a MetaData in "
                        + display(assigning) + " after it is made");
            }
            return mt.convention();
        }
        return fallback(meta instanceof Val.Unknown u ? u.why() : "target_metadata is not a MetaData");
    }

    /** A module read on the way to target_metadata that assigns {@code x.naming_convention}, or null. */
    private Path conventionAssignedIn() {
        Path first = null;
        for (Map.Entry<Path, PythonModule> e : modules.entrySet()) {
            if (e.getValue() != null && (first == null || e.getKey().compareTo(first) < 0)) {
                List<Expr> assigned = new ArrayList<>();
                collectConventionAssignments(e.getValue().body(), assigned);
                first = assigned.isEmpty() ? first : e.getKey();
            }
        }
        return first;
    }

    private static NamingConvention withSource(NamingConvention c, String source) {
        return new NamingConvention(c.templates(), c.computed(), c.unknownReason(), c.exact(), source);
    }

    // ---- fallback: the project's only convention

    private NamingConvention fallback(String why) {
        List<Path> mentioning;
        try {
            mentioning = projectFiles("naming_convention");
        } catch (IOException e) {
            return NamingConvention.unknown(why + "; the project could not be searched: " + e.getMessage());
        }
        if (mentioning == null) {
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
            List<Expr> given = new ArrayList<>();
            for (Expr.Call c : calls) {
                Arg nc = c.keyword("naming_convention");
                if (nc != null) {
                    given.add(nc.value());
                }
            }
            // db.Model.metadata.naming_convention = {...} replaces the convention of a MetaData made elsewhere
            collectConventionAssignments(m.body(), given);
            for (Expr value : given) {
                Val v = eval(value, new Ctx(m, f.toAbsolutePath().normalize()));
                if (!(v instanceof Val.Conv conv)) {
                    return NamingConvention.unknown(why + "; a naming_convention in " + root.relativize(f)
                            + " cannot be read");
                }
                conventions.add(conv);
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

    /**
     * The project's Python files (outside virtualenvs, build output and migration versions) whose text
     * holds one of {@code tokens} (each one of {@link #SEARCHED}), in the order the walk met them, or null
     * when the project has more than {@link #MAX_SCAN_FILES} of them. The project is walked and its files read
     * once for every searched token ({@link #scan}).
     */
    private List<Path> projectFiles(String... tokens) throws IOException {
        if (scanned == null) {
            scanned = scan();
        }
        if (scanned.isEmpty() && scanTooLarge) {
            return null;
        }
        int wanted = 0;
        for (String t : tokens) {
            wanted |= 1 << SEARCHED.indexOf(t);
        }
        List<Path> out = new ArrayList<>();
        for (Mention m : scanned) {
            if ((m.tokens() & wanted) != 0) {
                out.add(m.file());
            }
        }
        return out;
    }

    /** A project file that mentions searched tokens: bit i for {@code SEARCHED.get(i)}. */
    private record Mention(Path file, int tokens) {
    }

    /** Every project file that mentions a searched token; empty, with {@link #scanTooLarge} set, past the limit. */
    private List<Mention> scan() throws IOException {
        List<Mention> out = new ArrayList<>();
        int[] seenFiles = {0};
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
                    int tokens = mentions(Files.readAllBytes(file), SEARCHED);
                    if (tokens != 0) {
                        out.add(new Mention(file, tokens));
                    }
                } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                    // unreadable: cannot hold Python we could read anyway
                }
                return FileVisitResult.CONTINUE;
            }
        });
        scanTooLarge = seenFiles[0] > MAX_SCAN_FILES;
        return scanTooLarge ? List.of() : out;
    }

    /**
     * Which of the ASCII {@code tokens} the UTF-8 text {@code bytes} holds: bit i for {@code tokens.get(i)}; 0
     * for none, and for bytes that are not UTF-8 (they cannot hold Python we could read anyway). The tokens
     * are looked for in the bytes read one char each (ISO-8859-1: a copy, no decoding), where an ASCII token
     * matches exactly where the UTF-8 text holds it; only a file that holds one is decoded, to check it.
     */
    static int mentions(byte[] bytes, List<String> tokens) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        int found = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (raw.contains(tokens.get(i))) {
                found |= 1 << i;
            }
        }
        if (found != 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                return 0;
            }
        }
        return found;
    }

    // ---- Flask-Migrate

    /**
     * The {@code db} the project hands Flask-Migrate: {@code Migrate(app, db)} stores it, and
     * {@code migrate.init_app(app, db)} replaces it when given (flask_migrate/__init__.py keeps
     * {@code self.db = db} in both, and {@code extensions['migrate'].db} is that attribute). Exactly one
     * distinct db across the project is followed; none, several, or one bound in a way that cannot be
     * read gives Unknown, and the caller's fallback then decides as before.
     */
    private Val migrateDb() {
        if (migrateDb != null) {
            return migrateDb;
        }
        migrateDb = new Val.Unknown("Flask-Migrate's db is still being resolved"); // a cycle through env.py
        List<Path> files;
        try {
            files = projectFiles("Migrate(", ".init_app(");
        } catch (IOException e) {
            return migrateDb = new Val.Unknown("the project could not be searched for Flask-Migrate's db");
        }
        if (files == null) {
            return migrateDb = new Val.Unknown("the project has too many Python files to search for Flask-Migrate's db");
        }
        Set<Val> dbs = new LinkedHashSet<>();
        for (Path f : files) {
            Path file = f.toAbsolutePath().normalize();
            Ctx ctx = ctxOf(file);
            if (ctx == null) {
                continue; // a file that cannot be parsed is reported by nothing here; its calls stay unseen
            }
            migrateCalls(ctx.module().body(), List.of(), ctx, dbs);
        }
        if (dbs.size() != 1) {
            return migrateDb = new Val.Unknown("the project gives Flask-Migrate " + dbs.size()
                    + " different db objects that could be the one in use");
        }
        Val only = dbs.iterator().next();
        return migrateDb = only instanceof Val.Base ? only : unknownOr(only, "Flask-Migrate's db is not a SQLAlchemy()");
    }

    /** Adds the db of every Migrate(...) and Migrate's init_app(...) in these statements. */
    private void migrateCalls(List<Stmt> body, List<Stmt.FunctionDef> enclosing, Ctx ctx, Set<Val> dbs) {
        for (Stmt s : body) {
            List<Stmt.FunctionDef> inner = enclosing;
            if (s instanceof Stmt.FunctionDef f) {
                inner = new ArrayList<>(enclosing);
                inner.add(f);
            }
            for (Expr e : StmtParts.expressions(s)) {
                List<Expr.Call> calls = new ArrayList<>();
                collectCalls(e, "Migrate", calls);
                collectCalls(e, "init_app", calls);
                for (Expr.Call c : calls) {
                    migrateCall(c, enclosing, ctx, dbs);
                }
            }
            migrateCalls(StmtParts.blocks(s), inner, ctx, dbs);
        }
    }

    private void migrateCall(Expr.Call c, List<Stmt.FunctionDef> enclosing, Ctx ctx, Set<Val> dbs) {
        boolean ctor = "Migrate".equals(Names.lastPart(c.func()));
        if (!ctor && !(c.func() instanceof Expr.Attribute a && isMigrate(a.value(), enclosing, ctx))) {
            return; // another extension's init_app
        }
        for (Arg a : c.args()) {
            if (a.star() != 0 || "target_metadata".equals(a.keyword())) {
                // extra keywords become configure_args, which env.py may spread into context.configure
                dbs.add(new Val.Unknown("Migrate(...) gets *args, **kwargs or target_metadata="));
                return;
            }
        }
        Arg kw = c.keyword("db");
        Expr db = kw != null ? kw.value() : c.positional(1);
        if (db == null || db instanceof Expr.Const k && k.text().equals("None")) {
            return; // keeps the db given elsewhere
        }
        if (db instanceof Expr.Name n) {
            Stmt local = localBinding(n.id(), enclosing);
            if (local instanceof Stmt.Import imp) {
                dbs.add(imported(imp, n.id(), ctx)); // `from app.extensions import db` inside create_app()
                return;
            } else if (local != null) {
                dbs.add(new Val.Unknown(n.id() + " given to Migrate is local to a function"));
                return;
            }
        }
        dbs.add(eval(db, ctx));
    }

    /**
     * How the innermost enclosing function that binds {@code id} binds it: the import statement when that is
     * its only binding there and sits directly in the function's body, else the function itself; null when
     * no enclosing function binds it (the module's binding is the one).
     */
    private static Stmt localBinding(String id, List<Stmt.FunctionDef> enclosing) {
        for (int i = enclosing.size() - 1; i >= 0; i--) {
            Stmt.FunctionDef f = enclosing.get(i);
            if (f.params().stream().anyMatch(p -> p.replace("*", "").split("[:=]")[0].trim().equals(id))) {
                return f;
            }
            if (!bindsIn(f.body(), id)) {
                continue;
            }
            Stmt only = null;
            for (Stmt s : f.body()) {
                if (binds(s, id) && s instanceof Stmt.Import && only == null) {
                    only = s;
                } else if (binds(s, id) || bindsNested(s, id)) {
                    return f;
                }
            }
            return only == null ? f : only;
        }
        return null;
    }

    private boolean isMigrate(Expr e, List<Stmt.FunctionDef> enclosing, Ctx ctx) {
        if (e instanceof Expr.Name n) {
            Stmt local = localBinding(n.id(), enclosing);
            if (local instanceof Stmt.Import imp && imp.module() != null) {
                return importsMigrate(imp, n.id(), ctx, 0);
            } else if (local != null) {
                return false;
            }
        }
        return isMigrate(e, ctx, 0);
    }

    /** Whether {@code e} is a Flask-Migrate object: a Migrate(...) call or a module-level name bound to one. */
    private boolean isMigrate(Expr e, Ctx ctx, int hops) {
        if (e instanceof Expr.Call c) {
            return "Migrate".equals(Names.lastPart(c.func()));
        }
        if (!(e instanceof Expr.Name n) || hops > MAX_DEPTH) {
            return false;
        }
        Stmt binding = null;
        for (Stmt s : ctx.module().body()) {
            if (binds(s, n.id())) {
                binding = s;
            }
        }
        if (binding instanceof Stmt.Assign a) {
            return isMigrate(a.value(), ctx, hops + 1);
        }
        return binding instanceof Stmt.Import imp && imp.module() != null && importsMigrate(imp, n.id(), ctx, hops);
    }

    private boolean importsMigrate(Stmt.Import imp, String id, Ctx ctx, int hops) {
        for (Stmt.ImportName in : imp.names()) {
            if (id.equals(imp.bound(in))) {
                Path from = resolveModule(imp.module(), ctx.file());
                Ctx inner = from == null ? null : ctxOf(from);
                return inner != null && isMigrate(new Expr.Name(in.name(), imp.span()), inner, hops + 1);
            }
        }
        return false;
    }

    /**
     * Whether {@code e} is Flask-Migrate's {@code extensions['migrate'].configure_args}, directly or through a
     * name every assignment in env.py binds to it. Those are the extra keywords given to Migrate(...) or
     * init_app(...); {@link #migrateCall} refuses a project that passes target_metadata= or ** there.
     */
    private static boolean migrateConfigureArgs(Expr e, PythonModule env) {
        if (e instanceof Expr.Attribute a) {
            return a.attr().equals("configure_args") && isMigrateConfig(a.value());
        }
        if (!(e instanceof Expr.Name n)) {
            return false;
        }
        List<Expr> values = new ArrayList<>();
        if (!assignments(env.body(), n.id(), values) || values.isEmpty()) {
            return false;
        }
        return values.stream().allMatch(v -> v instanceof Expr.Attribute a && a.attr().equals("configure_args")
                && isMigrateConfig(a.value()));
    }

    /** The values assigned to {@code id} anywhere in these statements; false when it is bound otherwise. */
    private static boolean assignments(List<Stmt> body, String id, List<Expr> out) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name t
                    && t.id().equals(id)) {
                out.add(a.value());
            } else if (binds(s, id) || s instanceof Stmt.FunctionDef f && f.params().stream()
                    .anyMatch(p -> p.replace("*", "").split("[:=]")[0].trim().equals(id))) {
                return false;
            } else {
                List<Expr> targets = new ArrayList<>();
                if (s instanceof Stmt.Assign a) {
                    targets.addAll(a.targets());
                } else if (s instanceof Stmt.For f) {
                    targets.add(f.target());
                } else if (s instanceof Stmt.AugAssign g) {
                    targets.add(g.target());
                } else if (s instanceof Stmt.With w) {
                    w.items().forEach(item -> targets.add(item.vars()));
                }
                for (Expr t : targets) {
                    if (t != null && mentionsName(t, id)) {
                        return false; // an unpacking, loop, with or augmented target binds it otherwise
                    }
                }
            }
            if (!assignments(StmtParts.blocks(s), id, out)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mentionsName(Expr e, String id) {
        if (e instanceof Expr.Name n && n.id().equals(id)) {
            return true;
        }
        for (int i = 0; i < e.childCount(); i++) {
            if (e.child(i) != null && mentionsName(e.child(i), id)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} is Flask-Migrate's {@code <app>.extensions['migrate']}. */
    private static boolean isMigrateConfig(Expr e) {
        return e instanceof Expr.Subscript sub && sub.value() instanceof Expr.Attribute a
                && a.attr().equals("extensions") && "migrate".equals(literal(sub.index()));
    }

    private Val subscript(Expr.Subscript sub, Ctx ctx) {
        if (isMigrateConfig(sub)) {
            return new Val.MigrateConfig();
        }
        Val of = eval(sub.value(), ctx);
        if (of instanceof Val.Metadatas m && sub.index() instanceof Expr.Const k && k.text().equals("None")) {
            return m.metadata();
        }
        return unknownOr(of, "a subscript that cannot be evaluated statically");
    }

    /** A function defined at module level by {@code def id(...)}, when that is the name's only binding. */
    private static Stmt.FunctionDef moduleFunction(String id, Ctx ctx) {
        Stmt.FunctionDef found = null;
        for (Stmt s : ctx.module().body()) {
            if (binds(s, id)) {
                found = s instanceof Stmt.FunctionDef f && found == null ? f : null;
                if (found == null) {
                    return null;
                }
            } else if (bindsNested(s, id)) {
                return null;
            }
        }
        return found;
    }

    /**
     * What a function without parameters returns, when its body is only ifs and returns of module-level
     * values (Flask-Migrate's {@code get_metadata()}: {@code db.metadatas[None]} or {@code db.metadata}, the
     * same MetaData) and every return gives the same value.
     */
    private Val returned(Stmt.FunctionDef f, Ctx ctx) {
        if (!f.params().isEmpty()) {
            return new Val.Unknown(f.name() + "() takes parameters");
        }
        List<Expr> values = new ArrayList<>();
        if (!returns(f.body(), values, true) || values.isEmpty()) {
            return new Val.Unknown(f.name() + "() computes its result");
        }
        Val result = null;
        for (Expr v : values) {
            Val r = v == null ? new Val.None() : eval(v, ctx);
            if (r instanceof Val.Unknown || result != null && !result.equals(r)) {
                return r instanceof Val.Unknown ? r : new Val.Unknown(f.name() + "() returns different values");
            }
            result = r;
        }
        return result;
    }

    private static boolean returns(List<Stmt> body, List<Expr> out, boolean first) {
        for (int i = 0; i < body.size(); i++) {
            Stmt s = body.get(i);
            if (s instanceof Stmt.Return r) {
                out.add(r.value());
            } else if (s instanceof Stmt.If iff) {
                if (!returns(iff.body(), out, false) || !returns(iff.orelse(), out, false)) {
                    return false;
                }
            } else if (!(s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Str && first && i == 0)) {
                return false; // anything but a docstring may bind a local or have an effect
            }
        }
        return true;
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
            } else if (e instanceof Expr.Subscript sub) {
                return subscript(sub, ctx);
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
        if (of instanceof Val.Base b && attr.equals("metadatas")) {
            return new Val.Metadatas(b.metadata());
        }
        if (of instanceof Val.MigrateConfig && attr.equals("db")) {
            return migrateDb();
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
                if (c.func() instanceof Expr.Name n && c.args().isEmpty()) {
                    Stmt.FunctionDef f = moduleFunction(n.id(), ctx);
                    if (f != null) {
                        return returned(f, ctx);
                    }
                }
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
            if (!imp.bound(n).equals(id)) {
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
            return imp.names().stream().anyMatch(n -> id.equals(imp.bound(n)));
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

    /** The values of {@code x.naming_convention = value} statements anywhere in {@code body}. */
    private static void collectConventionAssignments(List<Stmt> body, List<Expr> out) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a) {
                for (Expr t : a.targets()) {
                    if (t instanceof Expr.Attribute at && at.attr().equals("naming_convention")) {
                        out.add(a.value());
                    }
                }
            } else if (s instanceof Stmt.AnnAssign a && a.value() != null
                    && a.target() instanceof Expr.Attribute at && at.attr().equals("naming_convention")) {
                out.add(a.value());
            }
            collectConventionAssignments(StmtParts.blocks(s), out);
        }
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
