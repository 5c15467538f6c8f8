package dev.idemlint.schema;

import dev.idemlint.migration.Migration;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonSyntaxError;
import dev.idemlint.python.Stmt;
import dev.idemlint.source.Span;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells whether two places of one revision lie in different branches of the same {@code if}/
 * {@code else} ({@code if dialect == "sqlite": create_table(...) else: add_column(...)}): only one of
 * them runs, so neither comes "before" the other. The operation model keeps no branch structure, so
 * the file is parsed again, lazily and once, for the few revisions where it matters.
 */
final class Branches {
    private final Map<Migration, List<Stmt>> parsed = new IdentityHashMap<>();

    synchronized boolean exclusive(Migration m, Span a, Span b) {
        if (a == null || b == null) {
            return false;
        }
        List<Stmt> body = parsed.computeIfAbsent(m, Branches::parse);
        return exclusive(body, a, b);
    }

    private static List<Stmt> parse(Migration m) {
        if (!m.source().text().contains("else")) {
            return List.of();
        }
        try {
            return new PythonParser().parseShared(m.source()).body();
        } catch (PythonSyntaxError | RuntimeException e) {
            return List.of();
        }
    }

    private static boolean exclusive(List<Stmt> stmts, Span a, Span b) {
        for (Stmt s : stmts) {
            Span span = span(s);
            if (span == null || !span.contains(a) || !span.contains(b)) {
                continue;
            }
            if (s instanceof Stmt.If i) {
                boolean aBody = within(i.body(), a);
                boolean bBody = within(i.body(), b);
                boolean aElse = within(i.orelse(), a);
                boolean bElse = within(i.orelse(), b);
                if (aBody && bElse || aElse && bBody) {
                    return true;
                }
                return exclusive(aBody ? i.body() : i.orelse(), a, b);
            }
            for (List<Stmt> block : blocks(s)) {
                if (exclusive(block, a, b)) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    private static boolean within(List<Stmt> block, Span x) {
        for (Stmt s : block) {
            Span span = span(s);
            if (span != null && span.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static List<List<Stmt>> blocks(Stmt s) {
        if (s instanceof Stmt.FunctionDef f) {
            return List.of(f.body());
        }
        if (s instanceof Stmt.ClassDef c) {
            return List.of(c.body());
        }
        if (s instanceof Stmt.For f) {
            return List.of(f.body(), f.orelse());
        }
        if (s instanceof Stmt.While w) {
            return List.of(w.body(), w.orelse());
        }
        if (s instanceof Stmt.With w) {
            return List.of(w.body());
        }
        if (s instanceof Stmt.Try t) {
            return List.of(t.body(), t.orelse(), t.finalbody());
        }
        if (s instanceof Stmt.Opaque o) {
            return List.of(o.body());
        }
        return List.of();
    }

    private static Span span(Stmt s) {
        return s.span();
    }
}
