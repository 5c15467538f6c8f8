package dev.idemlint.plan;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.Presence;
import dev.idemlint.schema.QualifiedName;
import dev.idemlint.schema.SchemaState;
import dev.idemlint.sql.QualifiedNames;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the objects an operation names are on the live database: the schema it names ({@code schema=},
 * a qualifier in SQL, the enclosing {@code batch_alter_table}), else the one the search path finds the
 * name in, else the current schema; names as the server stores them; and whether each is there in the
 * walk's {@link SchemaState}.
 */
final class Placement {
    private final SchemaState state;
    private final ServerErrors errors;
    private final Settings settings;
    /** The revision being walked: a batch op's schema is its enclosing call's, read from its text. */
    private Migration walking;

    Placement(SchemaState state, ServerErrors errors, Settings settings) {
        this.state = state;
        this.errors = errors;
        this.settings = settings;
    }

    void walking(Migration m) {
        walking = m;
    }

    /** A relation or type name with the schema it lives in (null when it cannot be told). */
    record Target(String schema, String name) {
        QualifiedName qualified() {
            return QualifiedName.of(schema, name);
        }
    }

    private static final String UNKNOWN_SCHEMA = "\u0000unknown";
    /** {@code schema=} in a {@code batch_alter_table(...)} call: group 1 a literal, group 2 anything else. */
    private static final Pattern BATCH_SCHEMA = Pattern.compile(
            "\\bschema\\s*=\\s*(?:[rRuU]?[\"']([^\"']*)[\"']|(\\w[\\w.]*))");
    /** Explicit schemas worked out, per operation and name: an op call's syntax may have to be parsed again. */
    private final Map<Operation, Map<String, String>> schemas = new IdentityHashMap<>();
    private static final String NONE = "\u0000none";

    private String explicitSchema(Operation op, String objectName) {
        Map<String, String> byName = schemas.computeIfAbsent(op, k -> new HashMap<>());
        String key = op.site().origin() == Origin.RAW_SQL && objectName != null ? objectName : "";
        String s = byName.get(key);
        if (s == null) {
            s = findSchema(op, objectName);
            byName.put(key, s == null ? NONE : s);
            return s;
        }
        return s.equals(NONE) ? null : s;
    }

    /** The schema an operation names explicitly: {@code schema=} of an op call, a qualifier in SQL; null when none. */
    private String findSchema(Operation op, String objectName) {
        if (op.site().origin() == Origin.RAW_SQL) {
            String sql = op.site().sqlStatement();
            if (sql == null || objectName == null) {
                return null;
            }
            return QualifiedNames.qualifierOf(sql, objectName);
        }
        if (op.site().origin() == Origin.BATCH_OP) {
            // the schema of a batch op is the enclosing batch_alter_table call's: the nearest one before it
            String text = walking == null ? "" : walking.source().text();
            int at = text.lastIndexOf("batch_alter_table(", op.site().span().start());
            if (at < 0) {
                return UNKNOWN_SCHEMA;
            }
            int depth = 0;
            int end = at + "batch_alter_table".length();
            for (; end < text.length(); end++) {
                char c = text.charAt(end);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            Matcher b = BATCH_SCHEMA.matcher(text.substring(at, Math.min(end + 1, text.length())));
            if (!b.find()) {
                return null;
            }
            return b.group(1) != null ? b.group(1) : b.group(2).equals("None") ? null : UNKNOWN_SCHEMA;
        }
        Expr.Call call = op.site().call();
        if (call == null) {
            return null;
        }
        Arg arg = call.keyword("schema");
        if (arg == null) {
            return null;
        }
        if (arg.value() instanceof Expr.Str s && s.isConstant()) {
            return s.constantText();
        }
        if (arg.value() instanceof Expr.Name n && n.id().equals("None")) {
            return null;
        }
        return UNKNOWN_SCHEMA;
    }

    /** Where a relation the operation refers to is: its explicit schema, else the search path, else the current schema. */
    Target relTarget(Operation op, String name) {
        return searched(op, name, state::relationSchema);
    }

    /** Its explicit schema, else the first schema of the search path {@code lookup} finds it in, else the current one. */
    private Target searched(Operation op, String name, java.util.function.UnaryOperator<String> lookup) {
        String s = explicitSchema(op, name);
        if (UNKNOWN_SCHEMA.equals(s)) {
            return new Target(null, name);
        }
        if (s != null) {
            return new Target(s, name);
        }
        String found = lookup.apply(name);
        return new Target(found != null ? found : state.currentSchema(), name);
    }

    /** Where an object the operation creates goes: its explicit schema, else the current schema. */
    Target createTarget(Operation op, String name) {
        String s = explicitSchema(op, name);
        if (UNKNOWN_SCHEMA.equals(s)) {
            return new Target(null, name);
        }
        return new Target(s != null ? s : state.currentSchema(), name);
    }

    /** A type the operation refers to: explicit, else found through the search path, else the current schema. */
    Target typeTarget(Operation op, String name) {
        return searched(op, name, state::typeSchema);
    }

    private String indexSchema(Operation op, String name) {
        String s = explicitSchema(op, name);
        if (UNKNOWN_SCHEMA.equals(s)) {
            return null;
        }
        if (s != null) {
            return s;
        }
        String found = state.relationSchema(name);
        return found != null ? found : state.currentSchema();
    }

    /**
     * A name as the server stores it: PostgreSQL folds unquoted SQL names ({@link Effects#name}); MySQL
     * and MariaDB keep them as written (table names are case-sensitive where the file system is).
     */
    String name(String n, Operation op) {
        return errors.mysql() ? n : Effects.name(n, op);
    }

    static String bare(String name) {
        return name == null ? null : name.substring(name.lastIndexOf('.') + 1);
    }

    /** The object an operation names, placed in its schema; null when its place cannot be told. */
    ObjectRef objectRef(Operation op, ObjectKind kind, String table, String objectName) {
        String n = name(objectName, op);
        if (ObjectRef.tableScoped(kind)) {
            if (table == null) {
                return null;
            }
            Target t = relTarget(op, name(table, op));
            return t.schema() == null ? null : ObjectRef.in(kind, t.qualified(), n);
        }
        return switch (kind) {
            case TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE -> placed(kind, relTarget(op, n));
            case INDEX -> {
                String schema = table != null ? relTarget(op, name(table, op)).schema() : indexSchema(op, n);
                yield schema == null ? null : ObjectRef.of(kind, QualifiedName.of(schema, n));
            }
            case TYPE, DOMAIN -> placed(kind, typeTarget(op, n));
            case SCHEMA, EXTENSION, ROLE -> ObjectRef.of(kind, QualifiedName.of(n));
            default -> placed(kind, createTarget(op, n));
        };
    }

    private static ObjectRef placed(ObjectKind kind, Target t) {
        return t.schema() == null ? null : ObjectRef.of(kind, t.qualified());
    }

    Presence objectFact(Operation op, ObjectKind kind, String table, String objectName) {
        ObjectRef ref = objectRef(op, kind, table, objectName);
        return ref == null || !SchemaState.catalogKind(kind) ? Presence.UNKNOWN : state.presence(ref);
    }

    /** Whether a creation's object exists now; null when its place cannot be told. */
    Presence fact(Operation op, Creation c) {
        ObjectRef k = key(op, c);
        if (k == null) {
            return null;
        }
        if (!SchemaState.catalogKind(k.kind())) {
            return Presence.UNKNOWN;
        }
        if (MysqlForeignKeys.unnamed(errors, c)) {
            QualifiedName r = c.shape().references();
            return MysqlForeignKeys.presence(state, k, c, r == null || r.schema() != null ? r
                    : relTarget(op, r.name()).schema() == null ? null : relTarget(op, r.name()).qualified());
        }
        if (k.kind() == ObjectKind.CONSTRAINT && c.constraintKind() != null && c.constraintKind().indexBacked()) {
            // the key's index takes its name among the relations
            Presence rel = state.presence(ObjectRef.of(ObjectKind.INDEX, k.name()));
            if (rel != Presence.ABSENT) {
                return rel;
            }
        }
        return state.presence(k);
    }

    /** Where a creation's object lives: its schema, its table for table-scoped kinds; null when not known. */
    ObjectRef key(Operation op, Creation c) {
        // the timeline qualifies names outside public ("billing.invoices"); the walk places them itself
        ObjectKind kind = c.key().kind();
        // MySQL and MariaDB name every primary key PRIMARY, whatever name the statement gives it
        String n = errors.mysql() && kind == ObjectKind.CONSTRAINT && c.constraintKind() == ConstraintKind.PRIMARY_KEY
                ? "PRIMARY" : name(c.key().name().name(), op);
        if (ObjectRef.tableScoped(kind)) {
            if (c.key().table() == null) {
                return null;
            }
            Target t = relTarget(op, name(c.key().table().name(), op));
            return t.schema() == null ? null : ObjectRef.in(kind, t.qualified(), n);
        }
        switch (kind) {
            case INDEX: {
                String table = Effects.tableOf(op);
                String schema = table != null ? relTarget(op, name(table, op)).schema() : createTarget(op, n).schema();
                return schema == null ? null : new ObjectRef(kind, QualifiedName.of(schema, n),
                        table == null ? null : QualifiedName.of(schema, name(table, op)));
            }
            case SCHEMA, EXTENSION, ROLE:
                return ObjectRef.of(kind, QualifiedName.of(n));
            default:
                return placed(kind, createTarget(op, n));
        }
    }

    /** An object of {@link Effects#of} (unqualified) in the schema the operation puts it in; null when not followed. */
    ObjectRef place(Operation op, ObjectRef r) {
        if (!SchemaState.catalogKind(r.kind())) {
            return null;
        }
        String table = r.table() != null ? r.table().name() : Effects.tableOf(op);
        return objectRef(op, r.kind(), table, r.name().name());
    }

    /**
     * Whether a creation happens on this server: as the project's SQLAlchemy decides, and on MySQL and
     * MariaDB never for a type (an ENUM is part of its column there).
     */
    boolean effective(Creation c) {
        return c.effective(settings) && !(errors.mysql()
                && (c.key().kind() == ObjectKind.TYPE || c.key().kind() == ObjectKind.DOMAIN));
    }

    /** {@code billing.invoices}, or {@code invoices} in the current schema: a name as messages show it. */
    String shown(QualifiedName name) {
        return name.shownFrom(state.currentSchema());
    }

    /** "column players.custom_notes", "index billing.ix_invoices_total": a creation as messages name it. */
    String describe(Operation op, Creation c) {
        ObjectRef k = key(op, c);
        String kind = c.key().kind().sql();
        if (k != null && MysqlForeignKeys.unnamed(errors, c)) {
            return MysqlForeignKeys.describe(shown(k.table()), c);
        }
        return kind + " " + (k == null ? c.name() : k.path(state.currentSchema()));
    }
}
