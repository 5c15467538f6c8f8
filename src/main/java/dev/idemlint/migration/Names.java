package dev.idemlint.migration;

import dev.idemlint.python.Expr;

/** Dotted names of expressions: {@code sa.Column} for an Attribute chain over a Name. */
final class Names {
    private Names() {
    }

    /** "a.b.c" for a chain of attributes over a name, else null. */
    static String dotted(Expr e) {
        if (e instanceof Expr.Name n) {
            return n.id();
        }
        if (e instanceof Expr.Attribute a) {
            String base = dotted(a.value());
            return base == null ? null : base + "." + a.attr();
        }
        return null;
    }

    /** The last part of a dotted callee: "Column" for sa.Column, or null. */
    static String lastPart(Expr e) {
        if (e instanceof Expr.Name n) {
            return n.id();
        }
        if (e instanceof Expr.Attribute a) {
            return a.attr();
        }
        return null;
    }
}
