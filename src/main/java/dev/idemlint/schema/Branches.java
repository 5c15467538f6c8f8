package dev.idemlint.schema;

import dev.idemlint.migration.Migration;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonSyntaxError;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StmtParts;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells whether two places of one revision lie in different arms of the same {@code if}/{@code else}
 * ({@code if dialect == "sqlite": create_table(...) else: add_column(...)}): only one of them runs,
 * so neither comes "before" the other. The operation model keeps no branch structure, so the file is
 * parsed again, lazily and once, for the few revisions where it matters, and only the extents of
 * each {@code if}'s two arms are kept (four offsets per {@code if} with an {@code else}).
 */
final class Branches {
    private static final int[] NONE = new int[0];
    private final Map<Migration, int[]> arms = new IdentityHashMap<>();

    synchronized boolean exclusive(Migration m, Span a, Span b) {
        if (a == null || b == null) {
            return false;
        }
        int[] r = arms.get(m);
        if (r == null) {
            r = arms(m);
            arms.put(m, r);
        }
        for (int i = 0; i < r.length; i += 4) {
            boolean aBody = within(r[i], r[i + 1], a);
            boolean bBody = within(r[i], r[i + 1], b);
            boolean aElse = within(r[i + 2], r[i + 3], a);
            boolean bElse = within(r[i + 2], r[i + 3], b);
            if (aBody && bElse || aElse && bBody) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(int start, int end, Span x) {
        return start <= x.start() && x.end() <= end;
    }

    /** body start, body end, else start, else end of every {@code if} with an {@code else} arm. */
    private static int[] arms(Migration m) {
        if (!m.source().text().contains("else")) {
            return NONE;
        }
        List<Stmt> body;
        try {
            body = new PythonParser().parseShared(m.source()).body();
        } catch (PythonSyntaxError | RuntimeException e) {
            return NONE;
        }
        ArrayList<Integer> out = new ArrayList<>();
        collect(body, out);
        int[] r = new int[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r.length == 0 ? NONE : r;
    }

    private static void collect(List<Stmt> stmts, List<Integer> out) {
        for (Stmt s : stmts) {
            if (s instanceof Stmt.If i && !i.body().isEmpty() && !i.orelse().isEmpty()) {
                Span body = extent(i.body());
                Span orelse = extent(i.orelse());
                if (body != null && orelse != null) {
                    out.add(body.start());
                    out.add(body.end());
                    out.add(orelse.start());
                    out.add(orelse.end());
                }
            }
            collect(StmtParts.blocks(s), out);
        }
    }

    /** From the first statement's start to the last one's end. */
    private static Span extent(List<Stmt> block) {
        Span first = block.get(0).span();
        Span last = block.get(block.size() - 1).span();
        return first == null || last == null ? null : new Span(first.start(), last.end());
    }
}
