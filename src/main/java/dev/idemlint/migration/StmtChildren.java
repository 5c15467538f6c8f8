package dev.idemlint.migration;

import dev.idemlint.python.Stmt;
import java.util.ArrayList;
import java.util.List;

/** The expressions and nested statements of a statement, for generic walks. */
final class StmtChildren {
    private StmtChildren() {
    }

    static List<Object> of(Stmt s) {
        List<Object> out = new ArrayList<>();
        if (s instanceof Stmt.Assign a) {
            out.addAll(a.targets());
            out.add(a.value());
        } else if (s instanceof Stmt.AnnAssign a) {
            out.add(a.target());
            if (a.value() != null) {
                out.add(a.value());
            }
        } else if (s instanceof Stmt.AugAssign a) {
            out.add(a.target());
            out.add(a.value());
        } else if (s instanceof Stmt.ExprStmt e) {
            out.add(e.expr());
        } else if (s instanceof Stmt.Return r) {
            if (r.value() != null) {
                out.add(r.value());
            }
        } else if (s instanceof Stmt.Import i) {
        } else if (s instanceof Stmt.FunctionDef f) {
            out.addAll(f.body());
        } else if (s instanceof Stmt.ClassDef c) {
            out.addAll(c.body());
        } else if (s instanceof Stmt.If i) {
            out.add(i.test());
            out.addAll(i.body());
            out.addAll(i.orelse());
        } else if (s instanceof Stmt.For f) {
            out.add(f.iter());
            out.addAll(f.body());
            out.addAll(f.orelse());
        } else if (s instanceof Stmt.While w) {
            out.add(w.test());
            out.addAll(w.body());
            out.addAll(w.orelse());
        } else if (s instanceof Stmt.With w) {
            for (Stmt.WithItem it : w.items()) {
                out.add(it.context());
            }
            out.addAll(w.body());
        } else if (s instanceof Stmt.Try t) {
            out.addAll(t.body());
            for (Stmt.Handler h : t.handlers()) {
                out.addAll(h.body());
            }
            out.addAll(t.orelse());
            out.addAll(t.finalbody());
        } else if (s instanceof Stmt.Opaque o) {
            out.addAll(o.exprs());
            out.addAll(o.body());
        }
        return out;
    }
}
