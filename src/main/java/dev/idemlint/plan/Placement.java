package dev.idemlint.plan;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.SchemaRef;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.Presence;
import dev.idemlint.schema.QualifiedName;
import dev.idemlint.schema.SchemaState;
import java.util.function.UnaryOperator;

/**
 * Where the objects an operation names are on the live database: the schema it names ({@code schema=},
 * a qualifier in SQL, the enclosing {@code batch_alter_table}), else the one the search path finds the
 * name in, else the current schema; names as the server stores them; and whether each is there in the
 * walk's {@link SchemaState}.
 */
final class Placement {
    private final SchemaState state;
    private final ServerFacts errors;
    private final Settings settings;

    Placement(SchemaState state, ServerFacts errors, Settings settings) {
        this.state = state;
        this.errors = errors;
        this.settings = settings;
    }

    /** A relation or type name with the schema it lives in (null when it cannot be told). */
    record Target(String schema, String name) {
        QualifiedName qualified() {
            return QualifiedName.of(schema, name);
        }
    }

    /**
     * The schema an operation names for {@code objectName} ({@link dev.idemlint.migration.OpSite#targets()}):
     * a raw statement's qualifier of that name, else the schema its call or batch names.
     */
    private static SchemaRef explicitSchema(Operation op, String objectName) {
        return op.site().targets().of(op.site().origin() == Origin.RAW_SQL ? objectName : null);
    }

    /** Where a relation the operation refers to is: its explicit schema, else the search path, else the current schema. */
    Target relTarget(Operation op, String name) {
        return searched(op, name, state::relationSchema);
    }

    /** Its explicit schema, else the first schema of the search path {@code lookup} finds it in, else the current one. */
    private Target searched(Operation op, String name, UnaryOperator<String> lookup) {
        SchemaRef s = explicitSchema(op, name);
        if (s.dynamic() || s.schema() != null) {
            return new Target(s.schema(), name);
        }
        String found = lookup.apply(name);
        return new Target(found != null ? found : state.currentSchema(), name);
    }

    /** Where an object the operation creates goes: its explicit schema, else the current schema. */
    Target createTarget(Operation op, String name) {
        SchemaRef s = explicitSchema(op, name);
        return new Target(s.schema() != null || s.dynamic() ? s.schema() : state.currentSchema(), name);
    }

    /** A type the operation refers to: explicit, else found through the search path, else the current schema. */
    Target typeTarget(Operation op, String name) {
        return searched(op, name, state::typeSchema);
    }

    private String indexSchema(Operation op, String name) {
        SchemaRef s = explicitSchema(op, name);
        if (s.dynamic() || s.schema() != null) {
            return s.schema();
        }
        String found = state.relationSchema(name);
        return found != null ? found : state.currentSchema();
    }

    /**
     * A name as the server stores it ({@link ServerFacts#foldsUnquotedNames}): folded as {@link Effects#name} folds
     * an unquoted SQL name, or as written.
     */
    String name(String n, Operation op) {
        return errors.foldsUnquotedNames() ? Effects.name(n, op) : n;
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
        String n = kind == ObjectKind.CONSTRAINT && c.constraintKind() == ConstraintKind.PRIMARY_KEY
                ? errors.primaryKeyName(name(c.key().name().name(), op)) : name(c.key().name().name(), op);
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
        return c.effective(settings) && (errors.namedTypes()
                || c.key().kind() != ObjectKind.TYPE && c.key().kind() != ObjectKind.DOMAIN);
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
