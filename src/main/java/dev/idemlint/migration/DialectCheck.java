package dev.idemlint.migration;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.python.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads dialect tests such as {@code if op.get_bind().dialect.name == "mysql":}, {@code if bind and
 * bind.engine.name in ("mysql", "mariadb"):}, {@code engine.name.startswith("mysql")} or
 * {@code isinstance(bind.dialect, PGDialect)} and decides
 * them for the dialect the project is linted for: a branch that cannot run there is not part of the
 * migration, the branch that runs is. A test that is not a plain dialect comparison is left undecided.
 *
 * <p>The names are SQLAlchemy's {@code Dialect.name} and {@code Dialect.driver}: a
 * {@code mysql+pymysql://} URL reports {@code "mysql"} whatever the server is, MariaDB included;
 * only SQLAlchemy's MariaDB-only URL ({@code mariadb+pymysql://}, SQLAlchemy 1.4+) reports
 * {@code "mariadb"}. So on MariaDB a {@code "mysql"} test is true (the URL MySQL-targeting projects
 * deploy with), and a {@code "mariadb"} test is taken as the code's author meant it: true on MariaDB,
 * false on MySQL. {@code context.is_offline_mode()} is false: the runs analysed are online ones (with
 * {@code --sql} Alembic prints the SQL and runs nothing).
 */
final class DialectCheck {
    /** Dialect and driver names, each with the database families where a test for it is true. */
    private static final Map<String, Set<Dialect.Kind>> NAMES = Map.ofEntries(
            Map.entry("postgresql", Set.of(Dialect.Kind.POSTGRESQL)),
            Map.entry("postgres", Set.of(Dialect.Kind.POSTGRESQL)),
            Map.entry("psycopg2", Set.of(Dialect.Kind.POSTGRESQL)),
            Map.entry("psycopg", Set.of(Dialect.Kind.POSTGRESQL)),
            Map.entry("asyncpg", Set.of(Dialect.Kind.POSTGRESQL)),
            Map.entry("pg8000", Set.of(Dialect.Kind.POSTGRESQL)),
            Map.entry("mysql", Set.of(Dialect.Kind.MYSQL, Dialect.Kind.MARIADB)),
            Map.entry("pymysql", Set.of(Dialect.Kind.MYSQL, Dialect.Kind.MARIADB)),
            Map.entry("mysqldb", Set.of(Dialect.Kind.MYSQL, Dialect.Kind.MARIADB)),
            Map.entry("mysqlconnector", Set.of(Dialect.Kind.MYSQL, Dialect.Kind.MARIADB)),
            Map.entry("mariadbconnector", Set.of(Dialect.Kind.MYSQL, Dialect.Kind.MARIADB)),
            Map.entry("asyncmy", Set.of(Dialect.Kind.MYSQL, Dialect.Kind.MARIADB)),
            Map.entry("aiomysql", Set.of(Dialect.Kind.MYSQL, Dialect.Kind.MARIADB)),
            Map.entry("cymysql", Set.of(Dialect.Kind.MYSQL, Dialect.Kind.MARIADB)),
            Map.entry("mariadb", Set.of(Dialect.Kind.MARIADB)),
            Map.entry("sqlite", Set.of()),
            Map.entry("pysqlite", Set.of()),
            Map.entry("aiosqlite", Set.of()),
            Map.entry("oracle", Set.of()),
            Map.entry("cx_oracle", Set.of()),
            Map.entry("oracledb", Set.of()),
            Map.entry("mssql", Set.of()),
            Map.entry("pymssql", Set.of()));
    /** {@code not}/{@code and}/{@code or} nesting read; deeper tests stay undecided. */
    private static final int MAX_DEPTH = 8;

    private DialectCheck() {
    }

    /**
     * Whether the SQLAlchemy dialect or driver {@code name} ({@code "mysql"}, {@code "postgresql"}) is the one
     * {@code dialect} runs as; null for a name not known here.
     */
    static Boolean names(String name, Dialect dialect) {
        Set<Dialect.Kind> kinds = name == null || dialect == null ? null : NAMES.get(name.toLowerCase(Locale.ROOT));
        return kinds == null ? null : kinds.contains(dialect.kind());
    }

    /**
     * TRUE when the then-branch runs on {@code dialect} (and the else-branch does not), FALSE for the
     * opposite, null when the test is not decided by the dialect alone.
     */
    static Boolean thenRuns(Expr test, Scope scope, Dialect dialect) {
        return decide(test, scope, dialect.kind(), 0);
    }

    /**
     * The part of an undecided {@code and} left once its dialect tests that hold are taken out
     * ({@code dialect.name == "postgresql" and not insp.has_table("t")} on PostgreSQL is the
     * inspector check); null when nothing was taken out.
     */
    static Expr residual(Expr test, Scope scope, Dialect dialect) {
        if (!(test instanceof Expr.BoolOp b) || !b.op().equals("and")) {
            return null;
        }
        List<Expr> rest = new ArrayList<>();
        for (Expr v : b.values()) {
            if (!Boolean.TRUE.equals(decide(v, scope, dialect.kind(), 1))) {
                rest.add(v);
            }
        }
        if (rest.size() == b.values().size() || rest.isEmpty()) {
            return null;
        }
        return rest.size() == 1 ? rest.get(0) : new Expr.BoolOp("and", List.copyOf(rest), b.span());
    }

    private static Boolean decide(Expr test, Scope scope, Dialect.Kind kind, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (test instanceof Expr.UnaryOp u && u.op().equals("not")) {
            Boolean inner = decide(u.operand(), scope, kind, depth + 1);
            return inner == null ? null : !inner;
        }
        if (test instanceof Expr.BoolOp b) {
            return boolOp(b, scope, kind, depth);
        }
        if (test instanceof Expr.Call c && c.args().isEmpty() && "is_offline_mode".equals(Names.lastPart(c.func()))) {
            // context.is_offline_mode(): true only under `alembic upgrade --sql`, which runs nothing on a database
            return false;
        }
        if (test instanceof Expr.Call c && "isinstance".equals(Names.dotted(c.func()))) {
            return isInstance(c, scope, kind);
        }
        if (test instanceof Expr.Call c && namedTest(c, scope) != null) {
            return NAMES.get(namedTest(c, scope)).contains(kind);
        }
        if (test instanceof Expr.Call c) {
            return startsWith(c, scope, kind);
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
        boolean matches = false;
        for (String n : names) {
            Set<Dialect.Kind> kinds = NAMES.get(n);
            if (kinds == null) {
                return null;
            }
            matches |= kinds.contains(kind);
        }
        return switch (c.ops().get(0)) {
            case "==", "in", "is" -> matches;
            case "!=", "not in", "is not" -> !matches;
            default -> null;
        };
    }

    /**
     * {@code and}/{@code or} of dialect tests; an operand that is the migration's connection
     * ({@code bind and bind.engine.name == "mysql"}) is always true when upgrade() runs.
     */
    private static Boolean boolOp(Expr.BoolOp b, Scope scope, Dialect.Kind kind, int depth) {
        return b.truth(v -> isConnection(v, scope) ? Boolean.TRUE : decide(v, scope, kind, depth + 1));
    }

    /**
     * {@code isinstance(context.connection.engine.dialect, PGDialect)}, also with a tuple of classes: SQLAlchemy's
     * dialect classes by their name ({@code PGDialect_psycopg2} is a {@code PGDialect}; its MariaDB dialect is a
     * {@code MySQLDialect}). Null for a class not known here or a first argument that is no dialect.
     */
    private static Boolean isInstance(Expr.Call c, Scope scope, Dialect.Kind kind) {
        if (c.args().size() != 2 || c.args().stream().anyMatch(a -> a.keyword() != null || a.star() != 0)
                || !mentionsDialect(c.args().get(0).value(), scope, 0)) {
            return null;
        }
        Expr classes = c.args().get(1).value();
        List<Expr> items = classes instanceof Expr.Tuple t ? t.elements() : List.of(classes);
        boolean matches = false;
        for (Expr item : items) {
            String name = Names.lastPart(item);
            Set<Dialect.Kind> kinds = name == null ? null : DIALECT_CLASSES.entrySet().stream()
                    .filter(e -> name.equals(e.getKey()) || name.startsWith(e.getKey() + "_"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (kinds == null) {
                return null;
            }
            matches |= kinds.contains(kind);
        }
        return matches;
    }

    /** SQLAlchemy's dialect base classes; a driver's class adds {@code _driver} to the name. */
    private static final Map<String, Set<Dialect.Kind>> DIALECT_CLASSES = Map.of(
            "PGDialect", Set.of(Dialect.Kind.POSTGRESQL),
            "MySQLDialect", Set.of(Dialect.Kind.MYSQL, Dialect.Kind.MARIADB),
            "MariaDBDialect", Set.of(Dialect.Kind.MARIADB),
            "SQLiteDialect", Set.of(),
            "OracleDialect", Set.of(),
            "MSDialect", Set.of());

    /**
     * The dialect name of a helper named for one and given the migration's connection alone: {@code
     * is_postgresql(op.get_bind())}, {@code db.is_mysql(conn)} where {@code conn = op.get_bind()}. Its answer is the
     * dialect's (the name says which), the same on every run; with another argument ({@code min_version=}) the
     * helper may ask the server's version too, and the test stays undecided. Null when not such a call.
     */
    private static String namedTest(Expr.Call c, Scope scope) {
        String name = Names.lastPart(c.func());
        if (name == null || !name.startsWith("is_") || c.args().size() != 1 || c.args().get(0).keyword() != null
                || c.args().get(0).star() != 0 || !isConnection(c.args().get(0).value(), scope)) {
            return null;
        }
        String dialect = name.substring(3).toLowerCase(Locale.ROOT);
        return NAMES.containsKey(dialect) ? dialect : null;
    }

    /** {@code engine.name.startswith("mysql")}, also with a tuple of prefixes. */
    private static Boolean startsWith(Expr.Call c, Scope scope, Dialect.Kind kind) {
        if (!(c.func() instanceof Expr.Attribute a) || !a.attr().equals("startswith") || c.args().size() != 1
                || c.args().get(0).keyword() != null || c.args().get(0).star() != 0
                || !mentionsDialect(a.value(), scope, 0)) {
            return null;
        }
        List<String> prefixes = constants(c.args().get(0).value(), scope);
        if (prefixes == null || prefixes.isEmpty()) {
            return null;
        }
        boolean known = false;
        for (String prefix : prefixes) {
            for (Map.Entry<String, Set<Dialect.Kind>> e : NAMES.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    known = true;
                    if (e.getValue().contains(kind)) {
                        return true;
                    }
                }
            }
        }
        return known ? Boolean.FALSE : null;
    }

    /**
     * {@code op.get_bind()} or a name bound to it: Alembic hands upgrade() a connection (a mock one
     * with {@code --sql}), never None.
     */
    private static boolean isConnection(Expr e, Scope scope) {
        Expr v = ColumnReader.deref(e, scope);
        return v instanceof Expr.Call c && c.args().isEmpty() && "get_bind".equals(Names.lastPart(c.func()));
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
