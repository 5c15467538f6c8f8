package dev.idemlint.python;

import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;

/** The direct parts of a statement, for generic walks: its expressions and its nested blocks. */
public final class StmtParts {
    private StmtParts() {
    }

    /** Every expression the statement holds directly (targets, values, tests, annotations...). */
    public static List<Expr> expressions(Stmt s) {
        List<Expr> out = new ArrayList<>();
        if (s instanceof Stmt.Assign a) {
            out.addAll(a.targets());
            out.add(a.value());
        } else if (s instanceof Stmt.AnnAssign a) {
            out.add(a.target());
            out.add(a.annotation());
            out.add(a.value());
        } else if (s instanceof Stmt.AugAssign a) {
            out.add(a.target());
            out.add(a.value());
        } else if (s instanceof Stmt.ExprStmt e) {
            out.add(e.expr());
        } else if (s instanceof Stmt.Return r) {
            out.add(r.value());
        } else if (s instanceof Stmt.If i) {
            out.add(i.test());
        } else if (s instanceof Stmt.For f) {
            out.add(f.target());
            out.add(f.iter());
        } else if (s instanceof Stmt.While w) {
            out.add(w.test());
        } else if (s instanceof Stmt.With w) {
            for (Stmt.WithItem item : w.items()) {
                out.add(item.context());
                out.add(item.vars());
            }
        } else if (s instanceof Stmt.FunctionDef f) {
            out.addAll(f.decorators());
        } else if (s instanceof Stmt.ClassDef c) {
            out.addAll(c.decorators());
            out.addAll(c.bases());
        } else if (s instanceof Stmt.Try t) {
            for (Stmt.Handler h : t.handlers()) {
                out.add(h.type());
            }
        } else if (s instanceof Stmt.Opaque o) {
            out.addAll(o.exprs());
        }
        for (int i = out.size() - 1; i >= 0; i--) {
            if (out.get(i) == null) {
                out.remove(i);
            }
        }
        return out;
    }

    /** The statements of every block nested directly in the statement, in source order. */
    public static List<Stmt> blocks(Stmt s) {
        List<Stmt> out = new ArrayList<>();
        if (s instanceof Stmt.FunctionDef f) {
            out.addAll(f.body());
        } else if (s instanceof Stmt.ClassDef c) {
            out.addAll(c.body());
        } else if (s instanceof Stmt.If i) {
            out.addAll(i.body());
            out.addAll(i.orelse());
        } else if (s instanceof Stmt.For f) {
            out.addAll(f.body());
            out.addAll(f.orelse());
        } else if (s instanceof Stmt.While w) {
            out.addAll(w.body());
            out.addAll(w.orelse());
        } else if (s instanceof Stmt.With w) {
            out.addAll(w.body());
        } else if (s instanceof Stmt.Try t) {
            out.addAll(t.body());
            for (Stmt.Handler h : t.handlers()) {
                out.addAll(h.body());
            }
            out.addAll(t.orelse());
            out.addAll(t.finalbody());
        } else if (s instanceof Stmt.Opaque o) {
            out.addAll(o.body());
        }
        return out;
    }

    /** The call expression whose span is exactly {@code span}, anywhere under {@code root}, or null. */
    public static Expr.Call callAt(Expr root, Span span) {
        if (root == null || span == null) {
            return null;
        }
        // only subtrees whose span holds the wanted one are entered
        if (root.span() != null && !root.span().contains(span)) {
            return null;
        }
        if (root instanceof Expr.Call c && span.equals(c.span())) {
            return c;
        }
        for (int i = 0, n = root.childCount(); i < n; i++) {
            Expr.Call found = callAt(root.child(i), span);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The call expression whose span is exactly {@code span}, anywhere in {@code stmts}, or null. */
    public static Expr.Call callAt(List<Stmt> stmts, Span span) {
        for (Stmt s : stmts) {
            if (s.span() != null && !s.span().contains(span)) {
                continue;
            }
            for (Expr e : expressions(s)) {
                Expr.Call found = callAt(e, span);
                if (found != null) {
                    return found;
                }
            }
            Expr.Call found = callAt(blocks(s), span);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
