package dev.idemlint.python;

import dev.idemlint.source.Span;
import java.util.List;

/**
 * Python statements the analyzer understands; the rest are {@link Opaque} (which still exposes the
 * expressions it contains). {@code span} covers the statement from its first token to the end of its
 * last token (not the trailing newline).
 */
public sealed interface Stmt {
    Span span();

    /** {@code a = b = value}. */
    record Assign(List<Expr> targets, Expr value, Span span) implements Stmt {
    }

    /** {@code target: annotation = value}; value may be null. */
    record AnnAssign(Expr target, Expr annotation, Expr value, Span span) implements Stmt {
    }

    /** {@code target += value}. */
    record AugAssign(Expr target, String op, Expr value, Span span) implements Stmt {
    }

    /** An expression on its own line, e.g. a call. */
    record ExprStmt(Expr expr, Span span) implements Stmt {
    }

    /** {@code return value}; value may be null. */
    record Return(Expr value, Span span) implements Stmt {
    }

    /** {@code import a.b as c}, {@code from x import y as z, *}. {@code module} is null for plain imports. */
    record Import(String module, List<ImportName> names, Span span) implements Stmt {
        /** The name {@code n} binds: its alias, else the first part of a plain import's ({@code import a.b}: a). */
        public String bound(ImportName n) {
            return n.alias() != null ? n.alias() : module == null ? n.name().split("\\.")[0] : n.name();
        }
    }

    /** {@code name} is the dotted name imported ("*" for a star import); {@code alias} may be null. */
    record ImportName(String name, String alias) {
    }

    /**
     * {@code def}/{@code async def}. {@code params} are the parameter names as written (with * or **
     * for star params); {@code decorators} the decorator expressions; {@code header} covers
     * {@code def ... :}; {@code body} never empty.
     */
    record FunctionDef(String name, List<String> params, List<Expr> decorators, boolean async,
            List<Stmt> body, Span header, Span span) implements Stmt {
    }

    record ClassDef(String name, List<Expr> bases, List<Expr> decorators, List<Stmt> body, Span span)
            implements Stmt {
    }

    /** {@code if}; an {@code elif} is a nested If as the only statement of {@code orelse}. */
    record If(Expr test, List<Stmt> body, List<Stmt> orelse, boolean elif, Span span) implements Stmt {
    }

    record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, boolean async, Span span)
            implements Stmt {
    }

    record While(Expr test, List<Stmt> body, List<Stmt> orelse, Span span) implements Stmt {
    }

    /** {@code with a as x, b:}; {@code header} covers {@code with ... :}. */
    record With(List<WithItem> items, List<Stmt> body, boolean async, Span header, Span span) implements Stmt {
    }

    /** {@code vars} may be null. */
    record WithItem(Expr context, Expr vars) {
    }

    record Try(List<Stmt> body, List<Handler> handlers, List<Stmt> orelse, List<Stmt> finalbody, Span span)
            implements Stmt {
    }

    /** {@code except Type as name:}; type and name may be null. */
    record Handler(Expr type, String name, List<Stmt> body, Span span) {
    }

    /**
     * Any other statement: pass, break, continue, del, global, nonlocal, raise, assert, match,
     * type aliases, or something the grammar only recognises loosely. {@code exprs} are the
     * expressions found in it (possibly empty); {@code body} holds nested statement blocks if any.
     */
    record Opaque(String kind, List<Expr> exprs, List<Stmt> body, Span span) implements Stmt {
    }
}
