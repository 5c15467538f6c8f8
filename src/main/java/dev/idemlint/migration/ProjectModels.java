package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StmtParts;
import dev.idemlint.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declarative classes a revision imports from its project, read as {@link DeclarativeModels} reads a class the
 * revision declares: {@code from app.Models.Crop import Crop}, app/Models/Crop.py declaring {@code class
 * Crop(Base): __tablename__ = "crops"; slug = Column(String(50), unique=True); ...}, makes {@code
 * session.add_all([Crop(slug="corn")])} an insert into "crops". The module is found as {@link ModelTables#module}
 * finds an application model's (from the revision's folder up to the project's root, never through a link out of
 * it) and read within the same bounds (at most 1 MiB, UTF-8, parsed, never run). The class's one base must be a
 * declarative base that maps nothing: a name the model's module binds once to {@code declarative_base()} (given
 * {@code metadata=} at most), or a class it declares, or imports from another module of the project found the same
 * way, whose one base is SQLAlchemy's {@code DeclarativeBase} and whose body holds only a docstring, {@code pass}
 * or {@code metadata = ...}. A mixin, a base with columns, table arguments or a registry of its own, a relative or
 * re-exported import, a module missing, too large, linked out of the root or not parsed: the class is not read,
 * and its rows are not known (no claim). At most two files are read per class, and a revision's look-ups are
 * bounded by {@link #MAX_CLASSES}.
 */
final class ProjectModels {
    /** How many imported names one revision looks up as model classes. */
    static final int MAX_CLASSES = 16;
    private static final ModuleCache<Read> READ = new ModuleCache<>();

    /**
     * What one module gives: its classes read (base not yet checked) with the name of their base, the names it
     * imports from other modules, and the names it declares as plain declarative bases.
     */
    private record Read(Map<String, Map.Entry<String, DeclarativeModels.Model>> classes,
            Map<String, List<String>> imported, Set<String> bases, boolean listens) {
        static final Read NONE = new Read(Map.of(), Map.of(), Set.of(), true);
    }

    /** The calls that register an event listener, which may change a row before it is written. */
    private static final Set<String> LISTENERS = Set.of("listen", "listens_for");
    /** How many enclosing packages' {@code __init__.py} are read for listeners. */
    private static final int MAX_PACKAGES = 8;

    private ProjectModels() {
    }

    /**
     * The class {@code cls} of module {@code module} (dotted, absolute) imported by {@code revision}, read as above,
     * or null.
     */
    static DeclarativeModels.Model of(SourceFile revision, String module, String cls) {
        Read m = module(revision, module);
        Map.Entry<String, DeclarativeModels.Model> c = m.classes().get(cls);
        if (c == null) {
            return null;
        }
        String base = c.getKey();
        if (m.bases().contains(base)) {
            return c.getValue();
        }
        List<String> from = m.imported().get(base);
        if (from == null || from.get(0).startsWith(".")) {
            return null;
        }
        return module(revision, from.get(0)).bases().contains(from.get(1)) ? c.getValue() : null;
    }

    /**
     * The classes of the revision {@code body} imports by {@code from M import C} from modules of its project, read as
     * above, by local name: only names imported once, bound by nothing else at its top level (an assignment, a class,
     * a function, a name bound in an if or try), called somewhere in the revision ({@code C(...)}); the first
     * {@link #MAX_CLASSES} of them; none, and no file read, when the revision calls no {@code add}, {@code add_all}
     * or {@code bulk_save_objects}.
     */
    static Map<String, DeclarativeModels.Model> imported(SourceFile revision, List<Stmt> body) {
        Map<String, Integer> count = new HashMap<>();
        Map<String, List<String>> from = new LinkedHashMap<>();
        for (Stmt s : body) {
            if (s instanceof Stmt.Import imp) {
                for (Stmt.ImportName n : imp.names()) {
                    String local = imp.bound(n);
                    count.merge(local, 1, Integer::sum);
                    if (ModelTables.lookedUp(imp.module()) && !n.name().equals("*")) {
                        from.put(local, List.of(imp.module(), n.name()));
                    }
                }
            } else if (s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef || s instanceof Stmt.Assign
                    || s instanceof Stmt.AnnAssign) {
                markBound(s, count, 2, false);
            } else {
                // a compound statement (if, try, for, with) binds its names at the top level too
                for (Stmt inner : StmtParts.blocks(s)) {
                    markBound(inner, count, 2, true);
                }
            }
        }
        if (from.isEmpty()) {
            return Map.of(); // nothing imported from a module of the project
        }
        Set<String> methods = new HashSet<>();
        Set<String> called = called(body, methods);
        if (!methods.contains("add") && !methods.contains("add_all") && !methods.contains("bulk_save_objects")) {
            return Map.of(); // no session writes anything: no file is read
        }
        Map<String, DeclarativeModels.Model> out = new HashMap<>();
        int asked = 0;
        for (Map.Entry<String, List<String>> e : from.entrySet()) {
            String local = e.getKey();
            if (count.get(local) != 1 || !called.contains(local)) {
                continue;
            }
            if (asked++ >= MAX_CLASSES) {
                break;
            }
            DeclarativeModels.Model m = of(revision, e.getValue().get(0), e.getValue().get(1));
            if (m != null) {
                out.put(local, m);
            }
        }
        return Map.copyOf(out);
    }

    /** The names {@code body} calls anywhere as {@code name(...)}; the methods it calls ({@code x.name(...)}) to {@code methods}. */
    private static Set<String> called(List<Stmt> body, Set<String> methods) {
        Set<String> out = new HashSet<>();
        ArrayDeque<Stmt> todo = new ArrayDeque<>(body);
        ArrayDeque<Expr> exprs = new ArrayDeque<>();
        while (!todo.isEmpty()) {
            Stmt s = todo.pop();
            exprs.addAll(StmtParts.expressions(s));
            todo.addAll(StmtParts.blocks(s));
            while (!exprs.isEmpty()) {
                Expr e = exprs.pop();
                if (e == null) {
                    continue;
                }
                if (e instanceof Expr.Call c && c.func() instanceof Expr.Name n) {
                    out.add(n.id());
                } else if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a) {
                    methods.add(a.attr());
                }
                for (int i = 0; i < e.childCount(); i++) {
                    exprs.push(e.child(i));
                }
            }
        }
        return out;
    }

    private static Read module(SourceFile revision, String module) {
        ModelTables.Module found = ModelTables.module(revision, module);
        if (found == null || found.file() == null) {
            return Read.NONE;
        }
        Read read = file(found.file(), found.top());
        if (read.listens()) {
            return Read.NONE;
        }
        // importing the module runs its packages' __init__.py first: a listener registered there counts too
        Path dir = found.file().getParent();
        if (found.file().getFileName().toString().equals("__init__.py")) {
            dir = dir == null ? null : dir.getParent();
        }
        int packages = module.split("\\.", -1).length - 1;
        for (int i = 0; i < packages && dir != null; i++, dir = dir.getParent()) {
            if (i >= MAX_PACKAGES) {
                return Read.NONE;
            }
            Path init = dir.resolve("__init__.py");
            if (ProjectReads.exists(init)
                    && file(init, found.top()).listens()) {
                return Read.NONE;
            }
        }
        return read;
    }

    /** Module file {@code file} read within the bounds of {@link ProjectReads#bytes}; {@link Read#NONE} if not. */
    private static Read file(Path file, Path top) {
        byte[] bytes = ProjectReads.bytes(file, top);
        if (bytes == null) {
            return Read.NONE;
        }
        return READ.get(file, bytes, ProjectModels::read);
    }

    private static Read read(Path file, byte[] bytes) {
        PythonModule m = ModelTables.parse(file, bytes);
        if (m == null) {
            return Read.NONE;
        }
        Scope scope = new Scope(null);
        Map<String, Integer> bound = new HashMap<>();
        Map<String, List<String>> imported = new HashMap<>();
        for (Stmt s : m.body()) {
            if (s instanceof Stmt.Assign a) {
                for (Expr t : a.targets()) {
                    if (t instanceof Expr.Name n) {
                        bound.merge(n.id(), 1, Integer::sum);
                        scope.bind(n.id(), a.value());
                    } else {
                        for (int i = 0; i < t.childCount(); i++) {
                            if (t.child(i) instanceof Expr.Name n) {
                                bound.merge(n.id(), 2, Integer::sum); // bound to a value not read
                            }
                        }
                    }
                }
            } else if (s instanceof Stmt.AnnAssign a && a.target() instanceof Expr.Name n) {
                bound.merge(n.id(), a.value() == null ? 2 : 1, Integer::sum);
                scope.bind(n.id(), a.value());
            } else if (s instanceof Stmt.ClassDef || s instanceof Stmt.FunctionDef || s instanceof Stmt.Import) {
                markBound(s, bound, 1, false);
                if (s instanceof Stmt.Import imp && imp.module() != null) {
                    imp.names().forEach(n -> imported.put(imp.bound(n), List.of(imp.module(), n.name())));
                }
            } else if (!(s instanceof Stmt.ExprStmt)) {
                // a compound statement (if, try, for, with) may bind any name: none of its names is certain
                for (Stmt inner : StmtParts.blocks(s)) {
                    markBound(inner, bound, 2, true);
                }
            }
        }
        Set<String> once = new HashSet<>();
        bound.forEach((n, k) -> {
            if (k == 1) {
                once.add(n);
            }
        });
        imported.keySet().retainAll(once);
        Set<String> bases = new HashSet<>();
        Map<String, Map.Entry<String, DeclarativeModels.Model>> classes = new HashMap<>();
        for (Stmt s : m.body()) {
            if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n
                    && once.contains(n.id()) && DeclarativeModels.declarativeBase(a.value())
                    && DeclarativeModels.fromSqlalchemy(((Expr.Call) a.value()).func(), imported)) {
                bases.add(n.id());
            } else if (s instanceof Stmt.ClassDef c && once.contains(c.name())) {
                if (plainBase(c, imported)) {
                    bases.add(c.name());
                    continue;
                }
                DeclarativeModels.Model model = DeclarativeModels.read(c, b -> true, imported);
                if (model != null) {
                    classes.put(c.name(), Map.entry(((Expr.Name) c.bases().get(0)).id(), model));
                }
            }
        }
        // a base the module also imports or binds again is not the one read
        bases.retainAll(once);
        Set<String> methods = new HashSet<>();
        Set<String> calls = called(m.body(), methods);
        boolean listens = !Collections.disjoint(calls, LISTENERS) || !Collections.disjoint(methods, LISTENERS);
        return new Read(Map.copyOf(classes), Map.copyOf(imported), Set.copyOf(bases), listens);
    }

    /**
     * Counts {@code weight} for every name statement {@code s} binds (1: a definition read, 2: bound to something not
     * read), and with {@code nested} 2 for those its blocks bind (a compound statement's; a function's or class's own
     * names are their scope's).
     */
    private static void markBound(Stmt s, Map<String, Integer> bound, int weight, boolean nested) {
        if (s instanceof Stmt.Assign a) {
            for (Expr t : a.targets()) {
                if (t instanceof Expr.Name n) {
                    bound.merge(n.id(), weight, Integer::sum);
                }
            }
        } else if (s instanceof Stmt.AnnAssign a && a.target() instanceof Expr.Name n) {
            bound.merge(n.id(), weight, Integer::sum);
        } else if (s instanceof Stmt.ClassDef c) {
            bound.merge(c.name(), weight, Integer::sum);
        } else if (s instanceof Stmt.FunctionDef f) {
            bound.merge(f.name(), weight, Integer::sum);
        } else if (s instanceof Stmt.Import imp) {
            imp.names().forEach(n -> bound.merge(imp.bound(n), weight, Integer::sum));
        }
        if (nested && !(s instanceof Stmt.FunctionDef) && !(s instanceof Stmt.ClassDef)) {
            for (Stmt inner : StmtParts.blocks(s)) {
                markBound(inner, bound, 2, true);
            }
        }
    }

    /**
     * {@code class Base(DeclarativeBase): pass}: one base, SQLAlchemy's {@code DeclarativeBase}, no decorator, and a
     * body of a docstring, {@code pass} or {@code metadata = ...} only (a naming convention maps no column).
     */
    private static boolean plainBase(Stmt.ClassDef c, Map<String, List<String>> imported) {
        if (!c.decorators().isEmpty() || c.bases().size() != 1
                || !"DeclarativeBase".equals(Names.lastPart(c.bases().get(0)))
                || !DeclarativeModels.fromSqlalchemy(c.bases().get(0), imported)
                || c.bases().get(0) instanceof Expr.Name n && !imported.get(n.id()).get(1).equals("DeclarativeBase")) {
            return false;
        }
        for (Stmt s : c.body()) {
            boolean doc = s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Str;
            boolean pass = s instanceof Stmt.Opaque o && o.kind().equals("pass");
            boolean metadata = s instanceof Stmt.Assign a && a.targets().size() == 1
                    && a.targets().get(0) instanceof Expr.Name n && n.id().equals("metadata");
            if (!doc && !pass && !metadata) {
                return false;
            }
        }
        return true;
    }
}
