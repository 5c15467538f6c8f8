package dev.idemlint.python;

import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;
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
        for (List<Stmt> block : blockLists(s)) {
            out.addAll(block);
        }
        return out;
    }

    /** The blocks nested directly in the statement, each as it is held (not copied), in source order. */
    public static List<List<Stmt>> blockLists(Stmt s) {
        if (s instanceof Stmt.FunctionDef f) {
            return List.of(f.body());
        } else if (s instanceof Stmt.ClassDef c) {
            return List.of(c.body());
        } else if (s instanceof Stmt.If i) {
            return List.of(i.body(), i.orelse());
        } else if (s instanceof Stmt.For f) {
            return List.of(f.body(), f.orelse());
        } else if (s instanceof Stmt.While w) {
            return List.of(w.body(), w.orelse());
        } else if (s instanceof Stmt.With w) {
            return List.of(w.body());
        } else if (s instanceof Stmt.Try t) {
            List<List<Stmt>> out = new ArrayList<>();
            out.add(t.body());
            for (Stmt.Handler h : t.handlers()) {
                out.add(h.body());
            }
            out.add(t.orelse());
            out.add(t.finalbody());
            return out;
        } else if (s instanceof Stmt.Opaque o) {
            return List.of(o.body());
        }
        return List.of();
    }

    /** The call expression whose span is exactly {@code span}, anywhere under {@code root}, or null. */
    public static Expr.Call callAt(Expr root, Span span) {
        // only subtrees whose span holds the wanted one are entered
        return span == null ? null
                : firstCall(root, e -> e.span() == null || e.span().contains(span), c -> span.equals(c.span()));
    }

    /**
     * The first call under {@code root} ({@code root} itself, then its children in order, depth first) that
     * {@code match} accepts, entering only the expressions {@code enter} accepts; null when there is none.
     */
    public static Expr.Call firstCall(Expr root, Predicate<Expr> enter, Predicate<Expr.Call> match) {
        if (root == null || !enter.test(root)) {
            return null;
        }
        if (root instanceof Expr.Call c && match.test(c)) {
            return c;
        }
        for (int i = 0, n = root.childCount(); i < n; i++) {
            Expr.Call found = firstCall(root.child(i), enter, match);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The call expression whose span is exactly {@code span}, anywhere in {@code stmts}, or null. */
    public static Expr.Call callAt(List<Stmt> stmts, Span span) {
        // a block's statements follow one another in the source, so the search starts at the last one
        // that starts at or before the span (one lookup per operation of a 50,000-call upgrade() would
        // otherwise walk the whole body each time)
        for (int i = firstHolder(stmts, span); i < stmts.size(); i++) {
            Stmt s = stmts.get(i);
            if (s.span() != null && !s.span().contains(span)) {
                if (s.span().start() > span.start()) {
                    break;
                }
                continue;
            }
            for (Expr e : expressions(s)) {
                Expr.Call found = callAt(e, span);
                if (found != null) {
                    return found;
                }
            }
            for (List<Stmt> block : blockLists(s)) {
                Expr.Call found = callAt(block, span);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The index of the last statement of {@code stmts} starting at or before {@code span} (0 when none
     * does), found by bisection; 0 when a statement without a span leaves the order unknown.
     */
    private static int firstHolder(List<Stmt> stmts, Span span) {
        int lo = 0;
        int hi = stmts.size() - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span at = stmts.get(mid).span();
            if (at == null) {
                return 0;
            }
            if (at.start() <= span.start()) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
