package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads dialect tests such as {@code if op.get_bind().dialect.name == "sqlite":}. idemlint targets
 * PostgreSQL, so a branch that only runs on another database is not part of the migration here.
 */
final class DialectCheck {
    private static final Set<String> POSTGRES = Set.of("postgresql", "postgres", "psycopg2", "asyncpg", "psycopg");
    private static final Set<String> OTHERS = Set.of("sqlite", "mysql", "mariadb", "oracle", "mssql");

    private DialectCheck() {
    }

    /**
     * TRUE when the then-branch runs on PostgreSQL and the else-branch does not, FALSE for the
     * opposite, null when the test is not a plain dialect comparison.
     */
    static Boolean thenRunsOnPostgres(Expr test, Scope scope) {
        if (test instanceof Expr.UnaryOp u && u.op().equals("not")) {
            Boolean inner = thenRunsOnPostgres(u.operand(), scope);
            return inner == null ? null : !inner;
        }
        if (!(test instanceof Expr.Compare c) || c.ops().size() != 1) {
            return null;
        }
        Expr left = c.left();
        Expr right = c.comparators().get(0);
        List<String> names;
        Expr subject;
        if ((names = constants(right, scope)) != null) {
            subject = left;
        } else if ((names = constants(left, scope)) != null) {
            subject = right;
        } else {
            return null;
        }
        if (!mentionsDialect(subject, scope, 0) || names.isEmpty()) {
            return null;
        }
        boolean matchesPostgres = false;
        for (String n : names) {
            if (!POSTGRES.contains(n) && !OTHERS.contains(n)) {
                return null;
            }
            matchesPostgres |= POSTGRES.contains(n);
        }
        switch (c.ops().get(0)) {
            case "==":
            case "in":
            case "is":
                return matchesPostgres;
            case "!=":
            case "not in":
            case "is not":
                return !matchesPostgres;
            default:
                return null;
        }
    }

    private static List<String> constants(Expr e, Scope scope) {
        List<Expr> items = e instanceof Expr.Tuple t ? t.elements() : e instanceof Expr.ListExpr l ? l.elements()
                : e instanceof Expr.Opaque o && o.kind().equals("set") ? o.children() : List.of(e);
        List<String> out = new ArrayList<>();
        for (Expr item : items) {
            if (!(item instanceof Expr.Str) && !(item instanceof Expr.Name)) {
                return null;
            }
            String v = StringResolver.constant(item, scope);
            if (v == null) {
                return null;
            }
            out.add(v.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static boolean mentionsDialect(Expr e, Scope scope, int depth) {
        if (depth > 6 || e == null) {
            return false;
        }
        if (e instanceof Expr.Attribute a && (a.attr().equals("dialect") || a.attr().equals("driver"))) {
            return true;
        }
        // engine.name / bind.name / op.get_bind().engine.name
        if (e instanceof Expr.Attribute a && a.attr().equals("name")) {
            String base = Names.dotted(a.value());
            String lower = base == null ? "" : base.toLowerCase(Locale.ROOT);
            if (lower.contains("engine") || lower.contains("bind") || lower.contains("conn")
                    || a.value() instanceof Expr.Attribute inner && inner.attr().equals("engine")) {
                return true;
            }
        }
        if (e instanceof Expr.Name n) {
            String id = n.id().toLowerCase(Locale.ROOT);
            if (id.contains("dialect")) {
                return true;
            }
            Expr bound = scope == null ? null : scope.lookup(n.id());
            return bound != null && bound != e && mentionsDialect(bound, scope, depth + 1);
        }
        for (int i = 0, n = e.childCount(); i < n; i++) {
            if (mentionsDialect(e.child(i), scope, depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
