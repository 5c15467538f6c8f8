package dev.idemlint.python;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;

/** Structural invariants every parse must satisfy: spans inside the file and nested in their parents. */
final class SpanChecks {
    private SpanChecks() {
    }

    static void check(Stmt s, int fileLength) {
        Span span = s.span();
        assertTrue(span.end() <= fileLength, () -> "statement past end of file: " + s);
        for (Expr e : exprs(s)) {
            check(e, span, fileLength);
        }
        for (Stmt child : bodies(s)) {
            assertTrue(span.contains(child.span()), () -> "nested statement outside parent: " + child);
            check(child, fileLength);
        }
    }

    private static void check(Expr e, Span parent, int fileLength) {
        assertTrue(parent.contains(e.span()), () -> "expression " + e.span() + " outside " + parent + ": " + e);
        assertTrue(e.span().end() <= fileLength);
        if (e instanceof Expr.Str str) {
            for (StrPiece p : str.pieces()) {
                assertTrue(str.span().contains(p.token()), () -> "piece outside string: " + str);
                if (!p.dynamic()) {
                    assertTrue(p.sourceOffsets().length == p.text().length() + 1, "offsets length");
                    for (int o : p.sourceOffsets()) {
                        assertTrue(p.token().start() <= o && o < p.token().end(), "offset outside token");
                    }
                }
            }
        }
        for (Expr child : e.children()) {
            if (child != null) {
                check(child, e.span(), fileLength);
            }
        }
    }

    static List<Expr> exprs(Stmt s) {
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
        } else if (s instanceof Stmt.ClassDef c) {
            out.addAll(c.bases());
        } else if (s instanceof Stmt.Try t) {
            t.handlers().forEach(h -> out.add(h.type()));
        } else if (s instanceof Stmt.Opaque o) {
            out.addAll(o.exprs());
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    static List<Stmt> bodies(Stmt s) {
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
            for (Stmt child : o.body()) {
                if (child instanceof Stmt.Opaque c && c.kind().equals("case")) {
                    out.addAll(c.body());
                } else {
                    out.add(child);
                }
            }
        }
        return out;
    }
}
