package dev.idemlint.migration;

import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The declarative classes a revision file declares for itself ({@code Base = declarative_base()}, then {@code
 * class QueryEngine(Base): __tablename__ = "query_engine"; id = sa.Column(sa.Integer, primary_key=True); ...}),
 * read only where what the class maps is certain from the file: one base, a module name bound to a bare {@code
 * declarative_base()} (or one given only {@code metadata=}); no decorator; a literal {@code __tablename__}; and a
 * body of {@code Column(...)} assignments whose names are literal (the attribute's name, or a string given first),
 * an optional {@code __table_args__} tuple of constraint calls, a docstring, {@code pass} and plain methods. A
 * mixin, {@code __table__}, a class inheriting from another model, {@code deferred}, {@code column_property},
 * {@code relationship}, {@code __mapper_args__} or anything else leaves the class unread: an ORM query over it
 * then names nothing.
 */
final class DeclarativeModels {
    /** A declarative class read: its table as written, and every column it maps by attribute, in order. */
    record Model(String table, Map<String, String> columns) {
        Model {
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    private DeclarativeModels() {
    }

    /** The classes of {@code body} (a module's statements) read as above, by class name. */
    static Map<String, Model> of(List<Stmt> body, Scope moduleScope, Map<String, List<String>> imported) {
        Map<String, Model> out = new HashMap<>();
        Map<String, Integer> declared = new HashMap<>();
        for (Stmt s : body) {
            if (s instanceof Stmt.ClassDef c) {
                declared.merge(c.name(), 1, Integer::sum);
                Model m = read(c, moduleScope, imported);
                if (m != null) {
                    out.put(c.name(), m);
                }
            }
        }
        // a class name declared twice, or bound by an assignment too, is not one certain class
        out.keySet().removeIf(n -> declared.get(n) > 1 || moduleScope.binds(n));
        return Map.copyOf(out);
    }

    private static Model read(Stmt.ClassDef c, Scope scope, Map<String, List<String>> imported) {
        return read(c, base -> declarativeBase(scope.lookup(base)), imported);
    }

    /**
     * Class {@code c} read as above, its one base a name {@code plainBase} accepts as a declarative base that maps
     * nothing of its own; null when it is not one.
     */
    static Model read(Stmt.ClassDef c, Predicate<String> plainBase, Map<String, List<String>> imported) {
        if (!c.decorators().isEmpty() || c.bases().size() != 1 || !(c.bases().get(0) instanceof Expr.Name base)
                || !plainBase.test(base.id())) {
            return null;
        }
        String table = null;
        Map<String, String> columns = new LinkedHashMap<>();
        for (Stmt s : c.body()) {
            if (s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Str
                    || s instanceof Stmt.Opaque o && o.kind().equals("pass")) {
                continue;
            }
            if (s instanceof Stmt.FunctionDef f && f.decorators().isEmpty() && !f.name().startsWith("__")) {
                continue; // a plain method maps nothing
            }
            if (!(s instanceof Stmt.Assign a) || a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name n)) {
                return null;
            }
            switch (n.id()) {
                case "__tablename__" -> {
                    table = NamingConventionReader.literal(a.value());
                    if (table == null) {
                        return null;
                    }
                }
                case "__table_args__" -> {
                    if (!constraintsOnly(a.value())) {
                        return null;
                    }
                }
                default -> {
                    String column = column(n.id(), a.value(), imported);
                    if (column == null || columns.containsKey(n.id()) || columns.containsValue(column)) {
                        return null;
                    }
                    columns.put(n.id(), column);
                }
            }
        }
        return table == null || columns.isEmpty() ? null : new Model(table, columns);
    }

    /** {@code declarative_base()} with nothing but {@code metadata=}: no mixin class, no metaclass. */
    static boolean declarativeBase(Expr e) {
        return e instanceof Expr.Call call && "declarative_base".equals(Names.lastPart(call.func()))
                && call.args().stream().allMatch(a -> "metadata".equals(a.keyword()));
    }

    /** A tuple of constraint or index calls (which add no mapped column), nothing else. */
    private static boolean constraintsOnly(Expr e) {
        if (!(e instanceof Expr.Tuple t)) {
            return false;
        }
        for (Expr item : t.elements()) {
            String last = item instanceof Expr.Call call ? Names.lastPart(call.func()) : null;
            if (last == null || !(last.endsWith("Constraint") || last.equals("Index"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The name of the column {@code attribute = Column(...)} maps: a literal string given first, or the attribute's
     * name when the first argument is a type ({@code sa.Integer}, {@code sa.String(255)}, {@code ForeignKey(...)},
     * a type imported from SQLAlchemy) or there is none; null when it is anything else.
     */
    private static String column(String attribute, Expr value, Map<String, List<String>> imported) {
        if (!(value instanceof Expr.Call call) || !"Column".equals(Names.lastPart(call.func()))) {
            return null;
        }
        for (Arg a : call.args()) {
            if (a.star() != 0 || "key".equals(a.keyword())) {
                return null;
            }
        }
        Expr first = call.positional(0);
        if (first == null) {
            return attribute;
        }
        if (first instanceof Expr.Str) {
            return NamingConventionReader.literal(first);
        }
        Expr type = first instanceof Expr.Call c ? c.func() : first;
        return fromSqlalchemy(type, imported) ? attribute : null;
    }

    /**
     * Whether {@code e} is a name SQLAlchemy gives: {@code sa.X}, {@code sqlalchemy.X}, {@code postgresql.X} or
     * {@code X} where the first name is imported from a {@code sqlalchemy} module (a type, {@code ForeignKey}).
     */
    static boolean fromSqlalchemy(Expr e, Map<String, List<String>> imported) {
        Expr root = e;
        while (root instanceof Expr.Attribute a) {
            root = a.value();
        }
        if (!(root instanceof Expr.Name n)) {
            return false;
        }
        if (root != e && (n.id().equals("sa") || n.id().equals("sqlalchemy"))) {
            return true;
        }
        List<String> from = imported.get(n.id());
        return from != null && from.get(0).startsWith("sqlalchemy");
    }
}
