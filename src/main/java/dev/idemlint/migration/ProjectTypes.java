package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.Stmt;
import dev.idemlint.source.SourceFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A column type class of the project that makes no database object of its own: {@code sa.Column("id", UUID)} with
 * {@code from designate.sqlalchemy.types import UUID}, or {@code sa.Column("spec", types.Dict)} with {@code from
 * senlin.db.sqlalchemy import types}. SQLAlchemy renders a {@code TypeDecorator} as its {@code impl} (or what {@code
 * load_dialect_impl} gives for the dialect) and a {@code UserDefinedType} as what {@code get_col_spec} returns, inside
 * the statement that uses it: the statement makes the column and nothing else. Only a class the module file shows
 * whole is read ({@link ReadOnlyHelpers#locate}, inside the checkout): one plain base, {@code TypeDecorator} or
 * {@code UserDefinedType} imported from SQLAlchemy; no decorator, metaclass or keyword in its header; a body of a
 * docstring, literal assignments, {@code impl} set to a SQLAlchemy type that is no {@code SchemaType} ({@code Enum}
 * makes a type on PostgreSQL and {@code Boolean} a constraint), and methods among the value and rendering hooks.
 * The module itself holds only imports of libraries (no other module of the project, whose import could register
 * an event), definitions, assignments and {@code associate_with}/{@code as_mutable} of the mutable extension. Anything
 * else leaves the class opaque.
 */
final class ProjectTypes {
    /** SQLAlchemy types that render as a column type alone: no {@code SchemaType} (Enum, Boolean) among them. */
    private static final Set<String> PLAIN_TYPES = Set.of("String", "Text", "Unicode", "UnicodeText", "CHAR",
            "VARCHAR", "NCHAR", "NVARCHAR", "TEXT", "CLOB", "Integer", "SmallInteger", "BigInteger", "INTEGER", "INT",
            "SMALLINT", "BIGINT", "Numeric", "Float", "DECIMAL", "NUMERIC", "FLOAT", "REAL", "DOUBLE", "Date",
            "DateTime", "Time", "DATE", "DATETIME", "TIME", "TIMESTAMP", "LargeBinary", "BINARY", "VARBINARY", "BLOB",
            "JSON", "LONGTEXT", "MEDIUMTEXT", "TINYTEXT", "LONGBLOB", "MEDIUMBLOB", "UUID", "Uuid", "INET", "CIDR",
            "BYTEA", "JSONB");
    private static final Set<String> BASES = Set.of("TypeDecorator", "UserDefinedType");
    /**
     * Methods SQLAlchemy calls on values bound or read ({@code process_bind_param}...) or to render the type for a
     * dialect; none is given a connection.
     */
    private static final Set<String> HOOKS = Set.of("process_bind_param", "process_result_value",
            "process_literal_param", "load_dialect_impl", "get_col_spec", "bind_processor", "result_processor",
            "literal_processor", "copy", "coerce_compared_value", "compare_values", "bind_expression",
            "column_expression", "python_type", "__repr__");
    /** Module-level calls of the mutable extension: they listen for ORM mapper events, never for DDL. */
    private static final Set<String> MODULE_CALLS = Set.of("associate_with", "as_mutable");
    /** Decorators that only make a method of another kind. */
    private static final Set<String> DEFINING = Set.of("classmethod", "staticmethod", "property");
    private static final ModuleCache<Facts> FACTS = new ModuleCache<>();

    /** What a module file shows: its inert type classes, and each name it imports as its dotted origin. */
    record Facts(Set<String> inert, Map<String, String> imports) {
        static final Facts NONE = new Facts(Set.of(), Map.of());
    }

    private ProjectTypes() {
    }

    /** Whether class {@code cls} of the project module {@code module} is an inert column type (see above). */
    static boolean inert(SourceFile revision, String module, String cls) {
        return facts(ReadOnlyHelpers.locate(revision, module), module).inert().contains(cls);
    }

    /** The facts of the project module {@code module} found at {@code found}; none when it is not read. */
    static Facts facts(ModelTables.Module found, String module) {
        if (found == null || found.file() == null) {
            return Facts.NONE;
        }
        byte[] bytes = ProjectReads.bytes(found.file(), found.top());
        if (bytes == null) {
            return Facts.NONE;
        }
        String top = module.split("\\.", 2)[0];
        return FACTS.get(found.file(), bytes, (file, b) -> read(file, b, top));
    }

    private static Facts read(Path file, byte[] bytes, String project) {
        PythonModule m = ModelTables.parse(file, bytes);
        if (m == null) {
            // an unreadable or unparsable module shows nothing whole
            return Facts.NONE;
        }
        String text = m.source().text();
        Map<String, String> imports = new HashMap<>();
        Set<String> rebound = new HashSet<>();
        for (Stmt s : m.body()) {
            if (s instanceof Stmt.Assign a) {
                a.targets().forEach(t -> rebound.add(t instanceof Expr.Name n ? n.id() : ""));
            } else if (s instanceof Stmt.FunctionDef f) {
                rebound.add(f.name());
            } else if (s instanceof Stmt.ClassDef c) {
                rebound.add(c.name());
            } else if (s instanceof Stmt.Import imp) {
                for (Stmt.ImportName n : imp.names()) {
                    imports.put(imp.bound(n),
                            imp.module() == null ? (n.alias() != null ? n.name() : n.name().split("\\.", 2)[0])
                                    : imp.module() + "." + n.name());
                }
            }
        }
        // a name imported and bound again is not certainly the import
        imports.keySet().removeAll(rebound);
        return new Facts(inert(m, text, project), Map.copyOf(imports));
    }

    private static Set<String> inert(PythonModule m, String text, String project) {
        Map<String, List<String>> sqlalchemy = new HashMap<>();
        Map<String, Integer> bound = new HashMap<>();
        Set<String> out = new HashSet<>();
        for (Stmt s : m.body()) {
            if (s instanceof Stmt.Import imp) {
                for (Stmt.ImportName n : imp.names()) {
                    String from = imp.module() != null ? imp.module() : n.name();
                    if (from.startsWith(".") || from.split("\\.", 2)[0].equals(project) || n.name().equals("*")) {
                        return Set.of();
                    }
                    String alias = imp.bound(n);
                    bound.merge(alias, 1, Integer::sum);
                    if (from.equals("sqlalchemy") || from.startsWith("sqlalchemy.")) {
                        sqlalchemy.put(alias, List.of(imp.module() == null ? "" : imp.module(), n.name()));
                    }
                }
            } else if (s instanceof Stmt.ClassDef c) {
                bound.merge(c.name(), 1, Integer::sum);
                if (plainClass(c, text, sqlalchemy)) {
                    out.add(c.name());
                } else if (!definitionsOnly(c, text)) {
                    // a class body runs on import: one that is more than definitions may run anything
                    return Set.of();
                }
            } else if (s instanceof Stmt.FunctionDef f) {
                bound.merge(f.name(), 1, Integer::sum);
                if (!f.decorators().isEmpty()) {
                    // `@event.listens_for(Table, "after_create")`: a decorator may register DDL
                    return Set.of();
                }
            } else if (s instanceof Stmt.Assign a) {
                for (Expr t : a.targets()) {
                    if (!(t instanceof Expr.Name n)) {
                        return Set.of();
                    }
                    bound.merge(n.id(), 1, Integer::sum);
                }
                if (!(a.value() instanceof Expr.Const || a.value() instanceof Expr.Num || a.value() instanceof Expr.Str
                        || a.value() instanceof Expr.Name || a.value() instanceof Expr.Attribute)) {
                    return Set.of();
                }
            } else if (s instanceof Stmt.ExprStmt e) {
                if (!(e.expr() instanceof Expr.Str || e.expr() instanceof Expr.Call c && c.func() instanceof Expr.Attribute
                        k && MODULE_CALLS.contains(k.attr()))) {
                    return Set.of();
                }
            } else {
                // a module-level `if`, `try` or loop may bind a class another way or run anything
                return Set.of();
            }
        }
        // a name bound twice (a class, then an assignment to it) is not one certain class
        out.removeIf(n -> bound.get(n) > 1);
        return Set.copyOf(out);
    }

    private static boolean plainClass(Stmt.ClassDef c, String text, Map<String, List<String>> sqlalchemy) {
        if (!c.decorators().isEmpty() || c.bases().size() != 1 || c.body().isEmpty()) {
            return false;
        }
        // the header's keywords (`metaclass=M`) are not kept by the parser: its text is read
        String header = header(c, text);
        if (header.indexOf('=') >= 0 || header.contains("*")) {
            return false;
        }
        if (!BASES.contains(Names.lastPart(c.bases().get(0))) || !fromSqlalchemy(c.bases().get(0), sqlalchemy)) {
            return false;
        }
        boolean typeDecorator = "TypeDecorator".equals(Names.lastPart(c.bases().get(0)));
        boolean impl = false;
        for (Stmt s : c.body()) {
            if (s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Str) {
                continue;
            }
            if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n) {
                if (n.id().equals("impl")) {
                    Expr v = a.value() instanceof Expr.Call call ? call.func() : a.value();
                    impl = PLAIN_TYPES.contains(Names.lastPart(v)) && fromSqlalchemy(v, sqlalchemy);
                    if (!impl) {
                        return false;
                    }
                } else if (n.id().startsWith("_") || !(a.value() instanceof Expr.Const || a.value() instanceof Expr.Num
                        || a.value() instanceof Expr.Str)) {
                    return false;
                }
                continue;
            }
            if (s instanceof Stmt.FunctionDef f && HOOKS.contains(f.name()) && !f.async()
                    && (f.decorators().isEmpty() || f.name().equals("python_type") && f.decorators().size() == 1
                    && f.decorators().get(0) instanceof Expr.Name d && d.id().equals("property"))) {
                continue;
            }
            return false;
        }
        // a TypeDecorator without impl fails when used; a UserDefinedType renders get_col_spec
        return impl || !typeDecorator;
    }

    /** A class whose body, run on import, only defines: methods, a docstring, literal attributes. */
    private static boolean definitionsOnly(Stmt.ClassDef c, String text) {
        if (!c.decorators().isEmpty() || !c.bases().stream().allMatch(b -> b instanceof Expr.Name
                || b instanceof Expr.Attribute) || c.body().isEmpty() || header(c, text).indexOf('=') >= 0) {
            return false;
        }
        for (Stmt s : c.body()) {
            boolean plain = s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Str
                    || s instanceof Stmt.FunctionDef f && f.decorators().stream().allMatch(d -> d instanceof Expr.Name n
                    && DEFINING.contains(n.id()))
                    || s instanceof Stmt.Assign a && a.targets().stream().allMatch(t -> t instanceof Expr.Name)
                    && (a.value() instanceof Expr.Const || a.value() instanceof Expr.Num || a.value() instanceof Expr.Str
                    || a.value() instanceof Expr.Name || a.value() instanceof Expr.Attribute);
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** The text of a class's header, from {@code class} to its body: the parser keeps no keyword of it. */
    private static String header(Stmt.ClassDef c, String text) {
        int bodyStart = c.body().get(0).span().start();
        return text.substring(c.span().start(), Math.max(c.span().start(), bodyStart));
    }

    /** {@code TypeDecorator}, {@code types.TypeDecorator} or {@code sa.types.X} with the first name from SQLAlchemy. */
    private static boolean fromSqlalchemy(Expr e, Map<String, List<String>> sqlalchemy) {
        Expr root = e;
        while (root instanceof Expr.Attribute a) {
            root = a.value();
        }
        return root instanceof Expr.Name n && sqlalchemy.containsKey(n.id());
    }
}
