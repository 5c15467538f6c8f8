package dev.idemlint.rules.fix;

import dev.idemlint.fix.Fix;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StmtParts;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Guards a data statement of upgrade() together with the statements that use its result: {@code result =
 * conn.execute(...)} and the plain statements after it that read {@code result} ({@code assert result.rowcount
 * <= 3}) go under one {@code if <condition>:}, so that skipping the read skips every use of what it returned.
 * Applied only where that is certain: the read is a statement of upgrade() itself, a bare call or an
 * assignment to one plain name; the statements taken along are the ones after it up to the last that names it
 * or a name they assign, each an {@code assert} or an assignment to one plain name (no call statement, no
 * block); no statement of upgrade() outside them names any of those names; and none of them runs an operation.
 * Null otherwise. Always UNSAFE: it changes control flow.
 */
public final class ReadBlockWrapper {
    private ReadBlockWrapper() {
    }

    /**
     * The guard fix for {@code read} under {@code condition} ({@link GuardWrapper#INSPECTOR} stands for the
     * inspector, asked through {@code op}); {@code upgrade} holds the operations of upgrade(), in order.
     */
    public static Fix wrap(SourceFile file, Operation read, List<Operation> upgrade, String condition, String title) {
        OpSite site = read.site();
        SourceLayout layout = SourceLayout.of(file);
        PythonModule module = layout.module();
        if (site.indirect() || site.call() == null || site.statement() == null || module == null
                || !layout.binds("op") || condition == null) {
            return null;
        }
        List<Stmt> body = RunWrapper.upgradeBody(module);
        int k = RunWrapper.indexOf(body, site.statement());
        if (k < 0) {
            return null;
        }
        Stmt first = body.get(k);
        String name = null;
        if (first instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n) {
            name = n.id();
        } else if (!(first instanceof Stmt.ExprStmt e && e.expr().span().equals(site.call().span()))) {
            return null;
        }
        // the statements after the read up to the last one naming what the block binds: the read's name, and
        // every name the statements taken along assign (a skipped assignment must leave no name used later)
        int last = k;
        Set<String> bound = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        if (name != null) {
            bound.add(name);
            todo.push(name);
        }
        int scanned = k;
        while (!todo.isEmpty()) {
            int use = lastUse(body, k, todo.pop());
            if (use < 0) {
                return null;
            }
            last = Math.max(last, use);
            for (int i = scanned + 1; i <= last; i++) {
                String target = plainTarget(body.get(i));
                if (target == null) {
                    return null;
                }
                if (!target.isEmpty() && bound.add(target)) {
                    todo.push(target);
                }
            }
            scanned = Math.max(scanned, last);
        }
        Span span = new Span(first.span().start(), body.get(last).span().end());
        for (Operation o : upgrade) {
            Span at = o.site().statement() != null ? o.site().statement() : o.site().call() == null ? null
                    : o.site().call().span();
            if (o != read && (at == null || span.contains(at))) {
                return null; // another operation would be skipped with the read
            }
        }
        return RunWrapper.wrap(file, body.subList(k, last + 1), condition, title);
    }

    /**
     * The plain name a statement taken along with the read binds: empty for an {@code assert} or {@code pass},
     * the target of an assignment to one plain name; null for anything else (a call, a block, an attribute or
     * item assigned), which could act on what the code after the block sees.
     */
    private static String plainTarget(Stmt s) {
        if (s instanceof Stmt.Opaque o && o.body().isEmpty() && (o.kind().equals("assert") || o.kind().equals("pass"))) {
            return "";
        }
        Expr target = s instanceof Stmt.Assign a && a.targets().size() == 1 ? a.targets().get(0)
                : s instanceof Stmt.AugAssign a ? a.target() : s instanceof Stmt.AnnAssign a ? a.target() : null;
        return target instanceof Expr.Name n ? n.id() : null;
    }

    /**
     * The index of the last statement of {@code body} that names {@code name}, when every statement naming it
     * is at or after {@code k}; -1 when one before {@code k} names it. Each statement is walked once, without
     * recursion.
     */
    private static int lastUse(List<Stmt> body, int k, String name) {
        int last = k;
        for (int i = 0; i < body.size(); i++) {
            if (i != k && names(body.get(i), name)) {
                if (i < k) {
                    return -1;
                }
                last = i;
            }
        }
        return last;
    }

    /** Whether {@code root} or a statement or expression nested in it names {@code name}. */
    private static boolean names(Stmt root, String name) {
        ArrayDeque<Stmt> stmts = new ArrayDeque<>();
        ArrayDeque<Expr> exprs = new ArrayDeque<>();
        stmts.push(root);
        while (!stmts.isEmpty()) {
            Stmt s = stmts.pop();
            if (s instanceof Stmt.FunctionDef f && f.params().contains(name)) {
                return true; // a parameter of that name: left alone, like any other binding of it
            }
            StmtParts.expressions(s).forEach(exprs::push);
            StmtParts.blocks(s).forEach(stmts::push);
            while (!exprs.isEmpty()) {
                Expr e = exprs.pop();
                if (e instanceof Expr.Name n && n.id().equals(name)) {
                    return true;
                }
                for (int i = 0, c = e.childCount(); i < c; i++) {
                    if (e.child(i) != null) {
                        exprs.push(e.child(i));
                    }
                }
            }
        }
        return false;
    }
}
