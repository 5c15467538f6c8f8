package dev.idemlint.schema;

import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.EnumTypeRef;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.schema.Creation.Tolerance;
import dev.idemlint.schema.Creation.Via;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one revision's operations into what its timeline files ({@link SchemaTimeline.Recorded}): the
 * {@link Effect}s {@link Effects#of} gives each operation, and the {@link Creation}s among them in their order, each
 * annotated with where it comes from in the code (its span, its column, whether a guard or Alembic's version decides
 * it). Runs on the worker that reads the revision, before the revision has a place in the graph.
 */
final class CreationRecorder {

    /**
     * How the timeline names the project's keys: it does not depend on the target's settings, so it
     * names what the code leaves unnamed the way PostgreSQL and SQLAlchemy's default convention do
     * ({@link Creation#derivedName} says so, for rules that must not trust such a name), and records the
     * enum types {@code sa.Enum(create_type=False)} makes before SQLAlchemy 2.1, marked
     * {@link Creation#sqlalchemyDependent} and resolved at query time ({@link Creation#effective}).
     */
    private static final Effects.Naming NAMING = new Effects.Naming(
            () -> true, () -> NamingConvention.SQLALCHEMY_DEFAULT, () -> false);

    private static final Pattern SEARCH_PATH = Pattern.compile(
            "(?is)^\\s*(set\\s+(session\\s+|local\\s+)?search_path|select\\s+set_config\\s*\\(\\s*'search_path')");

    private final Migration m;
    private final SchemaTimeline.Recorded fx;
    /** The columns of the table statement recorded last, looked up for each object it makes. */
    private TableColumns lastColumns;

    private CreationRecorder(SchemaTimeline.Recorded fx) {
        this.m = fx.migration;
        this.fx = fx;
    }

    /** What {@code m}'s upgrade() makes: of every operation, or (non-null {@code engine}) of one multidb engine's. */
    static SchemaTimeline.Recorded record(Migration m, String engine) {
        SchemaTimeline.Recorded fx = new SchemaTimeline.Recorded(m);
        CreationRecorder r = new CreationRecorder(fx);
        for (int k = 0; k < fx.upgrade.size(); k++) {
            Operation op = fx.upgrade.get(k);
            if (engine == null || engine.equals(op.site().engine())) {
                r.record(k, op);
            }
        }
        return fx;
    }

    private void record(int index, Operation op) {
        List<Effect> effects = Effects.of(op, NAMING);
        fx.effects.set(index, effects);
        for (Effect e : effects) {
            if (e instanceof Effect.Create c) {
                create(index, op, c.object(), c.tolerant(), c.shape(), false);
            } else if (e instanceof Effect.Rename r) {
                create(index, op, r.target(), false, Effect.Shape.NONE, true);
            } else if (e instanceof Effect.Serial x) {
                // the serial's sequence: named by PostgreSQL (a taken name makes it take the next free
                // one), owned by its column's table
                create(index, op, ObjectRef.of(ObjectKind.SEQUENCE, x.sequence()), x.tolerant(),
                        serialSequence(x), false);
            }
        }
        if (setsSearchPath(op)) {
            // unqualified names now resolve elsewhere: nothing after it is known by name
            fx.searchPaths.add(index);
        }
    }

    /**
     * A creation, annotated from the operation: how it comes about ({@link Via}), what to point at,
     * whether the code names it, and whether a guard or the target's versions decide it.
     */
    private void create(int index, Operation op, ObjectRef raw, boolean tolerant, Effect.Shape shape,
            boolean renamed) {
        ObjectRef key = SchemaTimeline.norm(raw);
        ColumnDef column = null;
        EnumTypeRef enumType = null;
        Via via;
        if (renamed) {
            via = Via.RENAME;
        } else if (op instanceof Operation.CreateTable ct) {
            via = key.kind() == ObjectKind.TABLE ? Via.STATEMENT
                    : key.kind() == ObjectKind.TYPE ? Via.TABLE_EVENT : Via.TABLE_ELEMENT;
            TableColumns columns = tableColumns(ct.columns());
            column = columnOf(columns, key, shape);
            if (via == Via.TABLE_EVENT) {
                enumType = enumOf(columns, key);
                column = enumType == null ? null : columnUsing(columns, enumType);
            }
        } else if (op instanceof Operation.AddColumn ac) {
            column = columnOf(TableColumns.of(List.of(ac.column())), key, shape);
            via = key.kind() == ObjectKind.COLUMN ? Via.STATEMENT : Via.TABLE_ELEMENT;
        } else {
            via = Via.STATEMENT;
        }
        Span span = op.site().span();
        if (column != null && !(key.kind() == ObjectKind.CONSTRAINT && !derived(op, key)
                && !key.name().name().equals(column.foreignKeyName()))) {
            span = SchemaTimeline.within(column.span(), span);
        }
        boolean guarded = GuardMatch.guarded(m, op);
        boolean dependent = false;
        if (enumType != null) {
            span = SchemaTimeline.within(enumType.span(), span);
            // A has_table guard keeps the re-run away, but on the first run it lets CREATE TYPE through
            // even when an ancestor already made the type: only a check on the type itself counts.
            guarded = guarded && checksTypes(op.site().guard());
            dependent = Boolean.FALSE.equals(enumType.createType());
        }
        Tolerance tol = tolerance(op, key, tolerant, via);
        fx.creations.add(new Creation(key, m, index, op, span, via, guarded, tol, !renamed && derived(op, key),
                dependent, key.kind() == ObjectKind.COLUMN ? column : null, shape));
    }

    private TableColumns tableColumns(List<ColumnDef> columns) {
        if (lastColumns == null || lastColumns.columns() != columns) {
            lastColumns = TableColumns.of(columns);
        }
        return lastColumns;
    }

    /** The shape of a serial's sequence: a sequence of {@code x}'s column, named by PostgreSQL. */
    private static Effect.Shape serialSequence(Effect.Serial x) {
        return new Effect.Shape(null, null, false, List.of(x.column().name().name()), null, x.column().table(), true, 'S');
    }

    /**
     * A table statement's columns by name and by the name of the enum type they use, in order: a table of many
     * columns makes an object for each, and scanning them for each would be quadratic.
     */
    private record TableColumns(List<ColumnDef> columns, Map<String, List<ColumnDef>> byName,
            Map<String, List<ColumnDef>> byEnum) {
        static TableColumns of(List<ColumnDef> columns) {
            Map<String, List<ColumnDef>> byName = new HashMap<>();
            Map<String, List<ColumnDef>> byEnum = new HashMap<>();
            for (ColumnDef c : columns) {
                byName.computeIfAbsent(c.name(), k -> new ArrayList<>(1)).add(c);
                if (c.enumType() != null) {
                    byEnum.computeIfAbsent(c.enumType().name(), k -> new ArrayList<>(1)).add(c);
                }
            }
            return new TableColumns(columns, byName, byEnum);
        }
    }

    /**
     * The column of {@code table} a creation comes from: the column itself, the one an
     * {@code index=True}, {@code unique=True} or {@code ForeignKey} is declared on, a serial's sequence's;
     * null for the rest.
     */
    private static ColumnDef columnOf(TableColumns table, ObjectRef key, Effect.Shape shape) {
        String name = key.kind() == ObjectKind.COLUMN ? key.name().name()
                : shape.columns() != null && shape.columns().size() == 1
                        && shape.constraintKind() != ConstraintKind.PRIMARY_KEY ? shape.columns().get(0) : null;
        if (name == null) {
            return null;
        }
        for (ColumnDef c : table.byName().getOrDefault(name, List.of())) {
            if ((key.kind() == ObjectKind.COLUMN || key.kind() == ObjectKind.SEQUENCE
                    || key.kind() == ObjectKind.INDEX && c.index()
                    || shape.constraintKind() == ConstraintKind.UNIQUE && c.unique()
                    || shape.constraintKind() == ConstraintKind.FOREIGN_KEY && (c.foreignKey()
                            || key.name().name().equals(c.foreignKeyName())))) {
                return c;
            }
        }
        return null;
    }

    /** The first native enum of {@code table} named like {@code type}: the one whose event makes it. */
    private static EnumTypeRef enumOf(TableColumns table, ObjectRef type) {
        for (ColumnDef c : table.byEnum().getOrDefault(type.name().name(), List.of())) {
            EnumTypeRef e = c.enumType();
            if (e.nativeEnum() && !(Boolean.FALSE.equals(e.createType()) && e.postgresqlDialect())) {
                return e;
            }
        }
        return null;
    }

    private static ColumnDef columnUsing(TableColumns table, EnumTypeRef e) {
        for (ColumnDef c : table.byEnum().getOrDefault(e.name(), List.of())) {
            if (c.enumType() == e) {
                return c;
            }
        }
        return null;
    }

    /** True when the code does not write {@code key}'s name: a key or index named by default. */
    private static boolean derived(Operation op, ObjectRef key) {
        if (key.kind() != ObjectKind.CONSTRAINT && key.kind() != ObjectKind.INDEX) {
            return false;
        }
        String n = key.name().name();
        if (op instanceof Operation.CreateTable ct) {
            for (Operation.NamedConstraint nc : ct.constraints()) {
                if (nc.name() != null && n.equals(Effects.name(nc.name(), op))) {
                    return false;
                }
            }
            return !writtenOnAColumn(ct.columns(), n, op);
        }
        if (op instanceof Operation.AddColumn ac) {
            return !writtenOnAColumn(List.of(ac.column()), n, op);
        }
        return op instanceof Operation.AddConstraint a && a.name() == null;
    }

    private static boolean writtenOnAColumn(List<ColumnDef> columns, String name, Operation op) {
        for (ColumnDef c : columns) {
            if (c.foreignKeyName() != null && name.equals(Effects.name(c.foreignKeyName(), op))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a creation passes on an existing object: never when its effect is not tolerant; when it is,
     * Alembic's {@code if_not_exists=True} depends on Alembic's version, SQL's IF NOT EXISTS does not. The
     * parts of a CREATE TABLE share its tolerance; an {@code index=True} index is a CREATE INDEX of its own.
     */
    private static Tolerance tolerance(Operation op, ObjectRef key, boolean tolerant, Via via) {
        boolean opCall = op.site().origin() == Origin.OP_CALL || op.site().origin() == Origin.BATCH_OP;
        if (op instanceof Operation.CreateTable ct && via == Via.TABLE_ELEMENT && key.kind() != ObjectKind.INDEX) {
            tolerant = ct.tolerant();
        } else if (via != Via.STATEMENT) {
            return tolerant ? Tolerance.ALWAYS : Tolerance.NONE;
        }
        if (!tolerant) {
            return Tolerance.NONE;
        }
        if (!opCall || op instanceof Operation.CreateTable ct && ct.compiledTolerant()) {
            return Tolerance.ALWAYS;
        }
        return op instanceof Operation.CreateTable ? Tolerance.TABLE_KWARG
                : op instanceof Operation.AddColumn ? Tolerance.COLUMN_KWARG
                : op instanceof Operation.CreateIndex ? Tolerance.INDEX_KWARG : Tolerance.ALWAYS;
    }

    /** {@code SET search_path ...} in raw SQL. */
    private static boolean setsSearchPath(Operation op) {
        OpSite site = op.site();
        return site.sql() != null && site.sqlStart() >= 0
                && SEARCH_PATH.matcher(site.sql().text()).region(site.sqlStart(), site.sqlEnd()).find();
    }

    /** Whether a guard inspects types (get_enums, pg_type, a DO block) rather than tables or columns. */
    private static boolean checksTypes(Guard g) {
        if (g == null) {
            return false;
        }
        String d = g.description().toLowerCase(Locale.ROOT);
        switch (g.kind()) {
            case INSPECTOR:
                return d.contains("get_enums") || g.checks(x -> x.kind() == ObjectKind.TYPE);
            case HELPER:
                return d.contains("enum") || d.contains("type") || g.checks(x -> x.kind() == ObjectKind.TYPE);
            case OPAQUE_CONDITION:
            case CATALOG_QUERY:
            case DO_BLOCK_EXCEPTION:
            case PLPGSQL_IF:
                return true;
            default:
                return false;
        }
    }
}
