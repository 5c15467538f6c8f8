package dev.idemlint.python;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;

/** Structural invariants every parse must satisfy: spans inside the file and nested in their parents. */
final class SpanChecks {
    private SpanChecks() {
    }

    static void check(Stmt s, String text) {
        Span span = s.span();
        assertTrue(span.end() <= text.length(), () -> "statement past end of file: " + s);
        for (Expr e : exprs(s)) {
            check(e, span, text);
        }
        for (Stmt child : bodies(s)) {
            assertTrue(span.contains(child.span()), () -> "nested statement outside parent: " + child);
            check(child, text);
        }
    }

    private static void check(Expr e, Span parent, String text) {
        assertTrue(parent.contains(e.span()), () -> "expression " + e.span() + " outside " + parent + ": " + e);
        assertTrue(e.span().end() <= text.length());
        if (e instanceof Expr.Str str) {
            for (StrPiece p : str.pieces()) {
                assertTrue(str.span().contains(p.token()), () -> "piece outside string: " + str);
                if (!p.dynamic()) {
                    assertTrue(p.sourceOffsets().length == p.text().length() + 1, "offsets length");
                    for (int o : p.sourceOffsets()) {
                        assertTrue(p.token().start() <= o && o < p.token().end(), "offset outside token");
                    }
                    checkOffsets(p, text);
                }
            }
        }
        List<Expr> children = e.children();
        assertTrue(e.childCount() == children.size(), () -> "childCount " + e.childCount() + " for " + e);
        for (int i = 0; i < children.size(); i++) {
            int index = i;
            assertTrue(e.child(i) == children.get(i), () -> "child " + index + " of " + e);
        }
        for (Expr child : children) {
            if (child != null) {
                check(child, e.span(), text);
            }
        }
    }

    /**
     * Offsets never go backwards, and a decoded char comes from the same source char unless an
     * escape (a backslash) or a line ending produced it.
     */
    private static void checkOffsets(StrPiece p, String text) {
        for (int i = 0; i < p.text().length(); i++) {
            int o = p.sourceOffset(i);
            char decoded = p.text().charAt(i);
            char source = text.charAt(o);
            boolean sameEscape = i > 0 && p.sourceOffset(i - 1) == o;
            int index = i;
            assertTrue(decoded == source || source == '\\' || sameEscape || decoded == '\n' && source == '\r',
                    () -> "char " + index + " of " + p.token() + " maps to '" + source + "'");
            assertTrue(i == 0 || p.sourceOffset(i - 1) <= o, "offsets go backwards");
        }
        assertTrue(p.text().isEmpty() || p.sourceOffset(p.text().length() - 1) < p.sourceOffset(p.text().length()));
    }

    static List<Expr> exprs(Stmt s) {
        List<Expr> out = new ArrayList<>(StmtParts.expressions(s));
        if (s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef) {
            // decorators are checked with their definition's header elsewhere
            out.removeIf(e -> s instanceof Stmt.FunctionDef f && f.decorators().contains(e)
                    || s instanceof Stmt.ClassDef c && c.decorators().contains(e));
        }
        return out;
    }

    static List<Stmt> bodies(Stmt s) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt child : StmtParts.blocks(s)) {
            // match statements: the cases' bodies, not the case wrappers
            if (s instanceof Stmt.Opaque && child instanceof Stmt.Opaque c && c.kind().equals("case")) {
                out.addAll(c.body());
            } else {
                out.add(child);
            }
        }
        return out;
    }
}
