package dev.idemlint.python;

import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

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
            t.handlers().forEach(h -> out.add(h.type()));
        } else if (s instanceof Stmt.Opaque o) {
            out.addAll(o.exprs());
        }
        out.removeIf(Objects::isNull);
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
            t.handlers().forEach(h -> out.addAll(h.body()));
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
        return firstCall(root, e -> e.span() == null || e.span().contains(span), c -> span.equals(c.span()));
    }

    /** The first call under {@code root} (itself included, depth first) that {@code match} accepts, or null. */
    public static Expr.Call firstCall(Expr root, Predicate<Expr.Call> match) {
        return firstCall(root, e -> true, match);
    }

    private static Expr.Call firstCall(Expr e, Predicate<Expr> enter, Predicate<Expr.Call> match) {
        if (!enter.test(e)) {
            return null;
        }
        if (e instanceof Expr.Call c && match.test(c)) {
            return c;
        }
        for (int i = 0, n = e.childCount(); i < n; i++) {
            Expr.Call found = firstCall(e.child(i), enter, match);
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
