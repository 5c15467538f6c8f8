package dev.idemlint.python;

import java.util.List;
import java.util.stream.Collectors;

/** Compact, span-free rendering of syntax nodes so tests can assert whole shapes in one line. */
final class NodeDump {
    private NodeDump() {
    }

    static String of(List<Stmt> stmts) {
        return stmts.stream().map(NodeDump::of).collect(Collectors.joining("; "));
    }

    static String of(Stmt s) {
        if (s instanceof Stmt.ExprStmt e) {
            return of(e.expr());
        }
        if (s instanceof Stmt.Assign a) {
            return a.targets().stream().map(NodeDump::of).collect(Collectors.joining(" = ")) + " = " + of(a.value());
        }
        if (s instanceof Stmt.AnnAssign a) {
            return of(a.target()) + ": " + of(a.annotation()) + (a.value() == null ? "" : " = " + of(a.value()));
        }
        if (s instanceof Stmt.AugAssign a) {
            return of(a.target()) + " " + a.op() + " " + of(a.value());
        }
        if (s instanceof Stmt.Return r) {
            return "return" + (r.value() == null ? "" : " " + of(r.value()));
        }
        if (s instanceof Stmt.Import i) {
            return "import " + (i.module() == null ? "" : i.module() + ":")
                    + i.names().stream().map(n -> n.name() + (n.alias() == null ? "" : " as " + n.alias()))
                            .collect(Collectors.joining(","));
        }
        if (s instanceof Stmt.FunctionDef f) {
            return (f.async() ? "async " : "") + "def " + f.name() + f.params() + decorators(f.decorators())
                    + " {" + of(f.body()) + "}";
        }
        if (s instanceof Stmt.ClassDef c) {
            return "class " + c.name() + exprs(c.bases()) + decorators(c.decorators()) + " {" + of(c.body()) + "}";
        }
        if (s instanceof Stmt.If i) {
            return (i.elif() ? "elif " : "if ") + of(i.test()) + " {" + of(i.body()) + "}"
                    + (i.orelse().isEmpty() ? "" : " else {" + of(i.orelse()) + "}");
        }
        if (s instanceof Stmt.For f) {
            return (f.async() ? "async " : "") + "for " + of(f.target()) + " in " + of(f.iter()) + " {" + of(f.body())
                    + "}" + (f.orelse().isEmpty() ? "" : " else {" + of(f.orelse()) + "}");
        }
        if (s instanceof Stmt.While w) {
            return "while " + of(w.test()) + " {" + of(w.body()) + "}"
                    + (w.orelse().isEmpty() ? "" : " else {" + of(w.orelse()) + "}");
        }
        if (s instanceof Stmt.With w) {
            return (w.async() ? "async " : "") + "with " + w.items().stream()
                    .map(i -> of(i.context()) + (i.vars() == null ? "" : " as " + of(i.vars())))
                    .collect(Collectors.joining(", ")) + " {" + of(w.body()) + "}";
        }
        if (s instanceof Stmt.Try t) {
            return "try {" + of(t.body()) + "}" + t.handlers().stream()
                    .map(h -> " except " + (h.type() == null ? "" : of(h.type())) + (h.name() == null ? "" : " as " + h.name())
                            + " {" + of(h.body()) + "}")
                    .collect(Collectors.joining())
                    + (t.orelse().isEmpty() ? "" : " else {" + of(t.orelse()) + "}")
                    + (t.finalbody().isEmpty() ? "" : " finally {" + of(t.finalbody()) + "}");
        }
        var o = (Stmt.Opaque) s;
        return o.kind() + exprs(o.exprs()) + (o.body().isEmpty() ? "" : " {" + of(o.body()) + "}");
    }

    private static String decorators(List<Expr> decorators) {
        return decorators.isEmpty() ? "" : " @" + exprs(decorators);
    }

    private static String exprs(List<Expr> exprs) {
        return "(" + exprs.stream().map(NodeDump::of).collect(Collectors.joining(", ")) + ")";
    }

    static String of(Expr e) {
        if (e == null) {
            return "null";
        }
        if (e instanceof Expr.Name n) {
            return n.id();
        }
        if (e instanceof Expr.Attribute a) {
            return of(a.value()) + "." + a.attr();
        }
        if (e instanceof Expr.Call c) {
            return of(c.func()) + "(" + c.args().stream().map(a -> (a.star() == 1 ? "*" : a.star() == 2 ? "**" : "")
                    + (a.keyword() == null ? "" : a.keyword() + "=") + of(a.value())).collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof Expr.Str s) {
            return (s.bytes() ? "b" : "") + s.pieces().stream()
                    .map(p -> p.dynamic() ? "{" + of(p.expr()) + "}" : "'" + p.text() + "'")
                    .collect(Collectors.joining("+", "Str[", "]"));
        }
        if (e instanceof Expr.Num n) {
            return n.text();
        }
        if (e instanceof Expr.Const c) {
            return c.text();
        }
        if (e instanceof Expr.Tuple t) {
            return "Tuple" + exprs(t.elements());
        }
        if (e instanceof Expr.ListExpr l) {
            return "List" + exprs(l.elements());
        }
        if (e instanceof Expr.Dict d) {
            StringBuilder sb = new StringBuilder("Dict(");
            for (int i = 0; i < d.values().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(d.keys().get(i) == null ? "**" : of(d.keys().get(i)) + ": ")
                        .append(of(d.values().get(i)));
            }
            return sb.append(")").toString();
        }
        if (e instanceof Expr.BinOp b) {
            return "(" + of(b.left()) + " " + b.op() + " " + of(b.right()) + ")";
        }
        if (e instanceof Expr.UnaryOp u) {
            return "(" + u.op() + " " + of(u.operand()) + ")";
        }
        if (e instanceof Expr.BoolOp b) {
            return b.values().stream().map(NodeDump::of).collect(Collectors.joining(" " + b.op() + " ", "(", ")"));
        }
        if (e instanceof Expr.Compare c) {
            StringBuilder sb = new StringBuilder("(").append(of(c.left()));
            for (int i = 0; i < c.ops().size(); i++) {
                sb.append(' ').append(c.ops().get(i)).append(' ').append(of(c.comparators().get(i)));
            }
            return sb.append(")").toString();
        }
        if (e instanceof Expr.Subscript s) {
            return of(s.value()) + "[" + of(s.index()) + "]";
        }
        var o = (Expr.Opaque) e;
        return o.kind() + exprs(o.children());
    }
}
