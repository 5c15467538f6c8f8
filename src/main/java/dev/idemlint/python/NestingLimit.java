package dev.idemlint.python;

import java.util.Arrays;
import java.util.List;

/**
 * How deep an expression may nest: as deep as CPython compiles it, and no deeper.
 *
 * <p>CPython 3.11 walks the syntax tree recursively when it compiles a file (AST validation, the
 * symbol table, the code generator) and counts each level against three times the recursion limit
 * (1,000 by default), the Python frames of the caller included. An expression 3,000 levels deep
 * therefore never compiles, whoever imports the file: {@code compile()} raises "RecursionError:
 * maximum recursion depth exceeded during compilation" (a left-deep {@code 1+1+...},
 * {@code a.b.b...}, {@code f()()...}, {@code a[0][0]...}, {@code -(-...)}, {@code x if c else ...},
 * {@code 2**2**...}) or MemoryError (its parser's stack, from {@code lambda: lambda: ...} on). A
 * chain of about 2,990 terms still compiles when {@code compile()} is called from the top level, and
 * fewer when an importer calls it deeper (Alembic does), so below 3,000 a file is linted as any
 * other. Brackets stop at 200 levels and blocks at 100 in CPython's tokenizer (antlr/Layout), and
 * flat constructs ({@code a and b and ...}, {@code a < b < ...}, lists, calls' arguments) do not
 * nest at all.
 *
 * <p>Our expression records have at most CPython's levels (the same node per operator, call,
 * attribute, subscript, lambda, conditional; none for parentheses), so a tree this deep here is at
 * least as deep for CPython. Every walk of idemlint over expressions thus goes at most
 * {@link #MAX_DEPTH} levels deep, on any input.
 */
final class NestingLimit {
    /** Expression levels at which CPython 3.11 fails to compile a file, whoever compiles it. */
    static final int MAX_DEPTH = 3_000;

    private NestingLimit() {
    }

    /** The message of the located syntax error at the {@link #MAX_DEPTH}-th level. */
    static String message() {
        return "expression nested " + String.format("%,d", MAX_DEPTH) + " levels deep (CPython stops compiling it with"
                + " 'RecursionError: maximum recursion depth exceeded during compilation')";
    }

    /**
     * Throws a syntax error located at the first expression of {@code body} that lies {@link #MAX_DEPTH}
     * levels deep. Iterative: its own depth does not follow the input's (statement blocks stop at 100
     * levels in the tokenizer, so they are walked by recursion).
     */
    static void check(List<Stmt> body) {
        check(body, new Pending());
    }

    private static void check(List<Stmt> body, Pending todo) {
        for (Stmt s : body) {
            for (Expr top : StmtParts.expressions(s)) {
                todo.push(top, 1);
                while (todo.size > 0) {
                    todo.size--;
                    Expr e = todo.exprs[todo.size];
                    int d = todo.depths[todo.size];
                    if (d >= MAX_DEPTH) {
                        throw new PythonParser.InvalidSyntax(message(), e.span().start());
                    }
                    if (e instanceof Expr.Dict || e instanceof Expr.Str) {
                        // a dict's child(i) makes its children() list again, a string's counts its pieces from
                        // the first: quadratic in their entries, so one children() list each
                        for (Expr c : e.children()) {
                            todo.push(c, d + 1);
                        }
                    } else {
                        for (int i = 0, n = e.childCount(); i < n; i++) {
                            todo.push(e.child(i), d + 1);
                        }
                    }
                }
            }
            check(StmtParts.blocks(s), todo);
        }
    }

    /** The expressions still to visit, each with its depth: a stack of two arrays, reused for the whole file. */
    private static final class Pending {
        Expr[] exprs = new Expr[64];
        int[] depths = new int[64];
        int size;

        void push(Expr e, int depth) {
            if (size == exprs.length) {
                exprs = Arrays.copyOf(exprs, size * 2);
                depths = Arrays.copyOf(depths, size * 2);
            }
            exprs[size] = e;
            depths[size] = depth;
            size++;
        }
    }
}
