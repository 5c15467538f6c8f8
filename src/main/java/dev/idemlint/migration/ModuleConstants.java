package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StmtParts;
import dev.idemlint.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * String constants a revision imports from a module of its project: {@code from mavedb.models.published_variant
 * import signature}, that module assigning {@code signature = "published_variants_materialized_view"} at its top
 * level, makes {@code op.drop_index(f"idx_{signature}_ids", signature)} name its index and table. The module is found
 * as {@link ModelTables#module} finds an application model's, and read within the same bounds (at most 1 MiB, no link
 * out of the project's root, UTF-8, parsed). A name counts when the module assigns it exactly once among its
 * top-level statements, to a value that is a constant string there; anything else leaves the name unbound (no
 * claim). Only names the revision uses as a value are looked up; a look-up, found or not, is one of the model's
 * {@link ProjectReads}.
 */
final class ModuleConstants {
    private static final ModuleCache<Map<String, String>> CONSTANTS = new ModuleCache<>();

    private ModuleConstants() {
    }

    /**
     * The constant {@code name} of module {@code module} (dotted, absolute) imported by {@code revision}, or null.
     */
    static String of(SourceFile revision, String module, String name) {
        ModelTables.Module found = ModelTables.module(revision, module);
        if (found == null || found.file() == null) {
            return null;
        }
        byte[] bytes = ProjectReads.bytes(found.file(), found.top());
        if (bytes == null) {
            return null;
        }
        return CONSTANTS.get(found.file(), bytes, ModuleConstants::read).get(name);
    }

    private static Map<String, String> read(Path file, byte[] bytes) {
        PythonModule m = ModelTables.parse(file, bytes);
        if (m == null) {
            return Map.of();
        }
        Scope scope = new Scope(null);
        Map<String, Integer> assigned = new HashMap<>();
        for (Stmt s : m.body()) {
            if (s instanceof Stmt.Assign a) {
                for (Expr t : a.targets()) {
                    if (t instanceof Expr.Name n) {
                        assigned.merge(n.id(), 1, Integer::sum);
                        scope.bind(n.id(), a.value());
                    } else if (t instanceof Expr.Tuple || t instanceof Expr.ListExpr) {
                        // a tuple's names are bound to values not read: none of them counts
                        for (int i = 0; i < t.childCount(); i++) {
                            if (t.child(i) instanceof Expr.Name n) {
                                assigned.merge(n.id(), 2, Integer::sum);
                            }
                        }
                    }
                }
            } else if (s instanceof Stmt.AnnAssign a && a.target() instanceof Expr.Name n) {
                assigned.merge(n.id(), 1, Integer::sum);
                scope.bind(n.id(), a.value());
            }
        }
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, Integer> e : assigned.entrySet()) {
            String v = e.getValue() == 1 ? StringResolver.constant(scope.lookup(e.getKey()), scope) : null;
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return Map.copyOf(out);
    }

    /**
     * The names {@code body} uses as values anywhere (not only called, and not only as the receiver of an attribute:
     * a model class read as {@code Model.__table__} is {@link ModelTables}'s).
     */
    static Set<String> usedAsValues(List<Stmt> body) {
        Set<String> out = new HashSet<>();
        ArrayDeque<Stmt> todo = new ArrayDeque<>(body);
        while (!todo.isEmpty()) {
            Stmt s = todo.pop();
            for (Expr e : StmtParts.expressions(s)) {
                values(e, true, out);
            }
            todo.addAll(StmtParts.blocks(s));
        }
        return out;
    }

    /** An expression, and whether it stands where its value is read. */
    private record Item(Expr e, boolean value) {
    }

    private static void values(Expr e, boolean value, Set<String> out) {
        ArrayDeque<Item> todo = new ArrayDeque<>();
        todo.push(new Item(e, value));
        while (!todo.isEmpty()) {
            Item x = todo.pop();
            if (x.e() instanceof Expr.Name n) {
                if (x.value()) {
                    out.add(n.id());
                }
                continue;
            }
            Expr next = x.e();
            for (int i = 0, k = next == null ? 0 : next.childCount(); i < k; i++) {
                Expr c = next.child(i);
                if (c != null) {
                    todo.push(new Item(c, !(next instanceof Expr.Call call && c == call.func())
                            && !(next instanceof Expr.Attribute a && c == a.value())));
                }
            }
        }
    }
}
