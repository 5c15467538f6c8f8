package dev.idemlint.migration;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StrPiece;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the {@link Migration} of one parsed file: header, constants, upgrade/downgrade operations. */
public final class MigrationReader {
    /** Reads a revision as it runs on PostgreSQL. */
    public Migration read(PythonModule module) {
        return read(module, Dialect.POSTGRESQL);
    }

    /**
     * Reads a revision as it runs on {@code dialect}: dialect tests decide which branches count. What the reading
     * asked of the project's other files is the model's {@link Migration#reads}.
     */
    public Migration read(PythonModule module, Dialect dialect) {
        try (ProjectReads.Recording reads = ProjectReads.recording()) {
            return read(module, dialect, reads);
        }
    }

    private Migration read(PythonModule module, Dialect dialect, ProjectReads.Recording reads) {
        Scope moduleScope = new Scope(null);
        Map<String, Stmt.FunctionDef> functions = new HashMap<>();
        List<Stmt.FunctionDef> defined = new ArrayList<>();
        Set<String> opNames = new HashSet<>(Set.of("op"));
        Map<String, String> opFunctions = new HashMap<>();
        Map<String, List<String>> imported = new HashMap<>();
        Assigned<String> revision = null;
        Assigned<List<String>> down = null;
        Assigned<List<String>> labels = null;
        Assigned<List<String>> depends = null;
        Set<String> usedAsValues = null;
        for (Stmt s : module.body()) {
            Expr target = null;
            Expr value = null;
            if (s instanceof Stmt.Assign a && a.targets().size() == 1) {
                target = a.targets().get(0);
                value = a.value();
            } else if (s instanceof Stmt.AnnAssign a && a.value() != null) {
                target = a.target();
                value = a.value();
            } else if (s instanceof Stmt.FunctionDef f) {
                functions.put(f.name(), f);
                defined.add(f);
            } else if (s instanceof Stmt.Import imp && imp.module() != null && imp.module().startsWith("alembic")) {
                for (Stmt.ImportName n : imp.names()) {
                    if (n.name().equals("op") && n.alias() != null) {
                        opNames.add(n.alias());
                    } else if (imp.module().equals("alembic.op") && !n.name().equals("*")) {
                        // `from alembic.op import execute`: the name calls op's function of that name
                        opFunctions.put(imp.bound(n), n.name());
                    }
                }
            } else if (s instanceof Stmt.Import imp && imp.module() != null) {
                for (Stmt.ImportName n : imp.names()) {
                    String local = imp.bound(n);
                    imported.put(local, List.of(imp.module(), n.name()));
                    if (usedAsValues == null && ModelTables.lookedUp(imp.module())) {
                        usedAsValues = ModuleConstants.usedAsValues(module.body());
                    }
                    String constant = usedAsValues != null && usedAsValues.contains(local)
                            ? ModuleConstants.of(module.source(), imp.module(), n.name())
                            : null;
                    if (constant != null) {
                        // a string constant of a project module: its text, with no place in the revision's source
                        moduleScope.bind(local, SideFiles.str(constant, imp.span()));
                    }
                }
            }
            if (s instanceof Stmt.Assign a && a.targets().size() > 1) {
                for (Expr t : a.targets()) {
                    if (t instanceof Expr.Name n) {
                        moduleScope.bind(n.id(), a.value());
                    }
                }
            }
            if (target instanceof Expr.Name n) {
                moduleScope.bind(n.id(), value);
                switch (n.id()) {
                    case "revision" -> revision = single(s, value, moduleScope);
                    case "down_revision" -> down = list(s, value, moduleScope);
                    case "branch_labels" -> labels = symbolic(list(s, value, moduleScope), value, moduleScope);
                    case "depends_on" -> depends = list(s, value, moduleScope);
                    default -> {
                    }
                }
            }
            SideFiles.bind(s, module.source(), moduleScope);
        }
        RevisionHeader header = new RevisionHeader(revision, down, labels, depends, docHeader(module, revision, down));
        Map<String, DeclarativeModels.Model> models = DeclarativeModels.of(module.body(), moduleScope, imported);
        // classes imported from the project's modules: read for what a session writes, not for queries
        Map<String, DeclarativeModels.Model> sessionModels = new HashMap<>(
                ProjectModels.imported(module.source(), module.body()));
        sessionModels.keySet().removeIf(n -> models.containsKey(n) || moduleScope.binds(n));
        sessionModels.putAll(models);
        List<Operation> ops = new ArrayList<>();
        Stmt.FunctionDef up = functions.get("upgrade");
        Stmt.FunctionDef downFn = functions.get("downgrade");
        for (Phase phase : Phase.values()) {
            Stmt.FunctionDef fn = phase == Phase.UPGRADE ? up : downFn;
            if (fn == null) {
                continue;
            }
            EngineDispatch dispatch = EngineDispatch.of(fn, defined);
            if (dispatch == null) {
                OpExtractor x = new OpExtractor(module.source(), functions, moduleScope, opNames, opFunctions, dialect,
                        imported, models, Map.copyOf(sessionModels));
                ops.addAll(x.extract(fn, phase));
                continue;
            }
            // one extractor per engine: each database runs its function on its own connection and transaction
            for (EngineDispatch.Engine e : dispatch.engines()) {
                OpExtractor x = new OpExtractor(module.source(), functions, moduleScope, opNames, opFunctions, dialect,
                        imported, models, Map.copyOf(sessionModels));
                ops.addAll(x.extract(e.function(), phase, e.name()));
            }
        }
        return new Migration(module.source(), header, List.copyOf(ops), module, reads.reads());
    }

    private static Assigned<String> single(Stmt s, Expr value, Scope scope) {
        String v = StringResolver.constant(value, scope);
        boolean none = value instanceof Expr.Const c && c.text().equals("None");
        return new Assigned<>(v, s.span(), value.span(), v != null || none);
    }

    private static Assigned<List<String>> list(Stmt s, Expr value, Scope scope) {
        Expr v = ColumnReader.deref(value, scope);
        if (v instanceof Expr.Const c && c.text().equals("None")) {
            return new Assigned<>(List.of(), s.span(), value.span(), true);
        }
        List<Expr> items = null;
        if (v instanceof Expr.Tuple t) {
            items = t.elements();
        } else if (v instanceof Expr.ListExpr l) {
            items = l.elements();
        } else if (v instanceof Expr.Opaque o && o.kind().equals("set")) {
            items = o.children();
        }
        if (items == null) {
            String one = StringResolver.constant(v, scope);
            return one == null ? new Assigned<>(null, s.span(), value.span(), false)
                    : new Assigned<>(List.of(one), s.span(), value.span(), true);
        }
        List<String> out = new ArrayList<>();
        for (Expr e : items) {
            String one = StringResolver.constant(e, scope);
            if (one == null) {
                return new Assigned<>(null, s.span(), value.span(), false);
            }
            out.add(one);
        }
        return new Assigned<>(List.copyOf(out), s.span(), value.span(), true);
    }

    /**
     * Labels given by imported constants ({@code branch_labels = (cli.EXPAND_BRANCH,)}, neutron) are
     * labels all the same: keep the constant's dotted name so the graph knows the branch is labelled.
     */
    private static Assigned<List<String>> symbolic(Assigned<List<String>> read, Expr value, Scope scope) {
        if (read.resolved()) {
            return read;
        }
        Expr v = ColumnReader.deref(value, scope);
        List<Expr> items = v instanceof Expr.Tuple t ? t.elements() : v instanceof Expr.ListExpr l ? l.elements()
                : List.of(v);
        List<String> out = new ArrayList<>();
        for (Expr e : items) {
            String c = StringResolver.constant(e, scope);
            String name = c != null ? c : Names.dotted(e);
            if (name == null) {
                return read;
            }
            out.add(name);
        }
        return new Assigned<>(List.copyOf(out), read.statement(), read.valueSpan(), false);
    }

    /**
     * The docstring's header fields. A value equal to what the module assigns ({@code revision},
     * a single {@code down_revision}) is that same string: both are kept to the end of the run.
     */
    private static DocHeader docHeader(PythonModule module, Assigned<String> revision, Assigned<List<String>> down) {
        if (module.body().isEmpty() || !(module.body().get(0) instanceof Stmt.ExprStmt e)
                || !(e.expr() instanceof Expr.Str str) || str.pieces().size() != 1) {
            return DocHeader.NONE;
        }
        StrPiece piece = str.pieces().get(0);
        if (piece.dynamic()) {
            return DocHeader.NONE;
        }
        String text = piece.text();
        String rev = null;
        Span revSpan = null;
        String revises = null;
        Span revisesSpan = null;
        String date = null;
        for (DocFields.Field f : DocFields.scan(text)) {
            String key = f.key();
            String value = text.substring(f.start(), f.end());
            Span span = value.isEmpty() ? null
                    : new Span(piece.sourceOffset(f.start()), piece.sourceOffset(f.end() - 1) + 1);
            switch (key) {
                case "Revision ID" -> {
                    if (rev == null) {
                        rev = same(value, revision == null ? null : revision.value());
                        revSpan = span;
                    }
                }
                case "Revises" -> {
                    if (revises == null) {
                        revises = same(value, down == null || down.value() == null || down.value().size() != 1
                                ? null : down.value().get(0));
                        revisesSpan = span;
                    }
                }
                default -> {
                    if (date == null) {
                        date = value;
                    }
                }
            }
        }
        return new DocHeader(rev, revSpan, revises, revisesSpan, date);
    }

    /** {@code assigned} when it equals {@code value}, else {@code value}. */
    private static String same(String value, String assigned) {
        return value.equals(assigned) ? assigned : value;
    }
}
