package dev.idemlint.schema;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.EnumTypeRef;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.RowSource;
import dev.idemlint.migration.SchemaRef;
import dev.idemlint.schema.Effect.AlterColumn;
import dev.idemlint.schema.Effect.Create;
import dev.idemlint.schema.Effect.Drop;
import dev.idemlint.schema.Effect.Forget;
import dev.idemlint.schema.Effect.Rename;
import dev.idemlint.schema.Effect.Require;
import dev.idemlint.schema.Effect.Serial;
import dev.idemlint.schema.Effect.Shape;
import dev.idemlint.schema.Effect.TypedUse;
import dev.idemlint.schema.Effect.Write;
import dev.idemlint.sql.CheckColumns;
import dev.idemlint.sql.QuotedIdentifiers;
import dev.idemlint.sql.StatementMemo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What an operation does to the schema when it runs, as {@link Effect}s in PostgreSQL's order: the one
 * place this is decided. Names are as PostgreSQL stores them (raw SQL folds unquoted names to lower case;
 * SQLAlchemy quotes what op calls pass, so their case is kept) and unqualified: a client resolves them
 * through its search path. A name that is dynamic is never guessed: creating under one changes nothing
 * known (but a type made under one may be the one a later enum column needs: that forgets everything), dropping or
 * renaming away one forgets every object of its kind (of its table, when that is known).
 */
public final class Effects {
    private Effects() {
    }

    /**
     * How the project names what the code leaves unnamed: {@code postgresNames} is true when the
     * project's naming convention ({@code NamingConvention}) names no primary, unique or foreign key, so
     * PostgreSQL names them ({@link ConstraintNames#postgresDefault}); asked only for unnamed keys.
     * {@code convention} names what SQLAlchemy creates for a column ({@code index=True} as
     * {@code ix_%(column_0_label)s}, {@code unique=True}, a primary key). {@code enumCreateTypeHonoured}:
     * the target's SQLAlchemy honours {@code sa.Enum(create_type=False)} (2.1 and later; before, the
     * generic Enum drops the flag and {@code create_table} creates the type anyway). {@code uniqueKeyIsIndex}: the
     * server names a unique key as the index it is, one object under one name ({@code ServerFacts#uniqueKeyIsIndex}:
     * MySQL, MariaDB), which the states of a re-run check hold so ({@link SchemaState#unknown(boolean)}).
     */
    public record Naming(BooleanSupplier postgresNames, Supplier<NamingConvention> convention,
            BooleanSupplier enumCreateTypeHonoured, boolean uniqueKeyIsIndex) {
        /** A project whose convention is not known: unnamed keys get names that cannot be told. */
        public static final Naming UNKNOWN = new Naming(() -> false);

        /** Naming on a server where a unique key and its index are two objects (PostgreSQL). */
        public Naming(BooleanSupplier postgresNames, Supplier<NamingConvention> convention,
                BooleanSupplier enumCreateTypeHonoured) {
            this(postgresNames, convention, enumCreateTypeHonoured, false);
        }

        /** This naming on a server where a unique key is its index when {@code keyIsIndex}. */
        public Naming uniqueKeyIsIndex(boolean keyIsIndex) {
            return keyIsIndex == uniqueKeyIsIndex ? this
                    : new Naming(postgresNames, convention, enumCreateTypeHonoured, keyIsIndex);
        }

        /**
         * Naming from {@code postgresNames} alone: when it holds the convention is SQLAlchemy's default
         * (it names indexes only), otherwise no derived name can be told; SQLAlchemy before 2.1.
         */
        public Naming(BooleanSupplier postgresNames) {
            this(postgresNames, () -> postgresNames.getAsBoolean() ? NamingConvention.SQLALCHEMY_DEFAULT
                    : NamingConvention.unknown("the project's naming convention is not known"), () -> false);
        }

        /**
         * PostgreSQL's name for an unnamed key on {@code table}, or null when it cannot be told. A project's
         * naming convention names what SQLAlchemy renders, never raw SQL: PostgreSQL names that.
         */
        String defaultName(Operation.AddConstraint c, String table) {
            ConstraintNames.Kind kind = c.kind() == null ? null : ConstraintNames.Kind.of(c.kind());
            boolean named = kind == ConstraintNames.Kind.PRIMARY_KEY || !c.columns().isEmpty()
                    && (kind == ConstraintNames.Kind.UNIQUE || kind == ConstraintNames.Kind.FOREIGN_KEY);
            return named && (c.site().origin() == Origin.RAW_SQL || postgresNames.getAsBoolean())
                    ? ConstraintNames.postgresDefault(kind, table, c.columns()) : null;
        }

        /** The name SQLAlchemy (or PostgreSQL, when the convention leaves it) gives {@code t}, or null. */
        ConstraintNames.Name.Given derived(ConstraintNames.Target t) {
            return ConstraintNames.name(convention.get(), t) instanceof ConstraintNames.Name.Given g ? g : null;
        }
    }

    /**
     * The effects of {@code op} when it runs unconditionally. What a creation forgets (a name it makes that
     * cannot be read) it may only make; what a drop forgets it may only take ({@link Forget#reach}).
     */
    public static List<Effect> of(Operation op, Naming naming) {
        List<Effect> out = effects(op, naming);
        Forget.Reach reach = op instanceof Operation.Drop ? Forget.Reach.TAKES
                : creation(op) ? Forget.Reach.MAKES : null;
        if (reach != null) {
            out.replaceAll(e -> e instanceof Forget f ? f.reaching(reach) : e);
        }
        return out;
    }

    /** The operations that make objects and take none. */
    static boolean creation(Operation op) {
        return op instanceof Operation.CreateTable || op instanceof Operation.AddColumn
                || op instanceof Operation.CreateIndex || op instanceof Operation.AddConstraint
                || op instanceof Operation.CreateEnumType || op instanceof Operation.CreateObject;
    }

    private static List<Effect> effects(Operation op, Naming naming) {
        List<Effect> out = new ArrayList<>();
        if (op instanceof Operation.Unknown u) {
            out.add(u.touches().isEmpty() ? unread(op, u) : Forget.named(u.touches()));
        } else if (op instanceof Operation.RawSql) {
            out.add(Forget.everything());
        } else if (op instanceof Operation.AddColumn a) {
            QualifiedName table = table(op, a.table());
            if (table != null && a.column().name() != null) {
                out.add(column(op, table, a.column(), a.ifNotExists()));
                ColumnDef.Serial sc = a.column().serial();
                if (sc == ColumnDef.Serial.SQL || a.column().primaryKey() && sc != ColumnDef.Serial.NO) {
                    // Alembic renders a primary-key column as a create_table does its only one: SERIAL
                    out.add(serial(table, name(a.column().name(), op), a.ifNotExists()));
                }
                // Alembic's add_column never fires the before-create event: no enum type is made here
                columnParts(op, table, a.table(), a.column(), naming, out);
                if (a.column().primaryKey()) {
                    primaryKey(table, a.table(), List.of(a.column().name()), naming, out);
                }
            } else if (a.table() != null && table == null) {
                out.add(Forget.everything());
            } else if (table != null) {
                // a column whose name is not read: any column of the table may be there now
                out.add(Forget.kind(ObjectKind.COLUMN, table).reaching(Forget.Reach.MAKES));
            }
        } else if (op instanceof Operation.CreateTable t) {
            createTable(op, t, naming, out);
        } else if (op instanceof Operation.CreateIndex ix) {
            QualifiedName name = qualified(op, ix.name(), ix.table() != null ? ix.table() : ix.name());
            if (ix.name() == null && op.site().origin() != Origin.RAW_SQL) {
                // an index whose name is not read: any index name may be taken now (an unnamed CREATE INDEX
                // takes a fresh generated name)
                out.add(Forget.made(ObjectKind.INDEX));
            }
            if (name != null) {
                QualifiedName owner = ix.table() == null ? null : table(op, ix.table());
                out.add(new Create(new ObjectRef(ObjectKind.INDEX, name, owner), ix.ifNotExists(),
                        Shape.index(ix.unique(), columns(op, ix.columns()))));
            }
        } else if (op instanceof Operation.AddConstraint c) {
            addConstraint(op, c, naming, out);
        } else if (op instanceof Operation.CreateEnumType e) {
            QualifiedName name = qualified(op, e.name(), e.name());
            if (name != null) {
                out.add(new Create(ObjectRef.of(ObjectKind.TYPE, name), e.checkFirst() || e.ifNotExists(),
                        Shape.enumType(e.labels())));
            } else if (e.name() == null) {
                // a type whose name cannot be read, as create_table's enum types (enumTypes)
                out.add(Forget.made(ObjectKind.TYPE));
            }
        } else if (op instanceof Operation.CreateObject o) {
            ObjectRef ref = ref(op, o.kind(), o.table(), o.name());
            if (ref != null) {
                out.add(o.kind() == ObjectKind.TRIGGER
                        ? new Create(ref, o.ifNotExists() || o.orReplace(), Shape.trigger(o.function() == null ? null
                                : qualified(op, o.function(), o.function())))
                        : new Create(ref, o.ifNotExists() || o.orReplace()));
            } else if (o.name() == null && (o.kind() == ObjectKind.TYPE || o.kind() == ObjectKind.DOMAIN)) {
                out.add(Forget.made(o.kind()));
            }
        } else if (op instanceof Operation.Drop d) {
            QualifiedName table = d.table() == null ? null : table(op, d.table());
            if (naming.uniqueKeyIsIndex() && d.primaryKey() && table != null) {
                // MySQL's DROP PRIMARY KEY, which Alembic sends whatever name it is given: the table's primary key
                out.add(new Drop(ObjectRef.in(ObjectKind.INDEX, table, "PRIMARY"), d.ifExists(), d.cascade()));
                return out;
            }
            ObjectRef ref = ref(op, d.kind(), d.table(), d.name());
            out.add(ref == null ? unread(op, d.kind(), d.table()) : new Drop(ref, d.ifExists(), d.cascade()));
            if (ref == null && d.primaryKey() && table != null) {
                // the name is read at run time, but a table has one primary key: it is that one
                out.add(new Effect.PrimaryKey(table, Presence.ABSENT));
            }
        } else if (op instanceof Operation.Rename r) {
            // ALTER TYPE ... RENAME VALUE (kind OTHER, the type in table) changes labels, not objects:
            // ObjectKind has no label kind, so labels stay in SchemaState (addLabel, renameLabel)
            if (r.kind() != ObjectKind.OTHER) {
                ObjectRef from = ref(op, r.kind(), r.table(), r.from());
                if (from != null && r.to() != null) {
                    out.add(new Rename(from, name(r.to(), op), r.ifExists()));
                } else {
                    out.add(unread(op, r.kind(), r.table()));
                    ObjectRef to = from == null ? ref(op, r.kind(), r.table(), r.to()) : null;
                    if (to != null) {
                        // some object may now be called so
                        out.add(Forget.object(to));
                    }
                }
            }
        } else if (op instanceof Operation.Insert i) {
            typedUses(i.typed(), out);
            QualifiedName table = table(op, i.table());
            if (table != null) {
                RowSource from = i.source();
                QualifiedName copied = from.kind() == RowSource.Kind.COPY
                        ? table(op, from.tables().get(0)) : null;
                out.add(new Write(ObjectRef.table(table), null, from.kind(),
                        copied == null ? null : ObjectRef.table(copied), i.literals()));
            }
        } else if (op instanceof Operation.AlterTypeAddValue v) {
            QualifiedName type = qualified(op, v.type(), v.type());
            if (type != null) {
                out.add(new Require(ObjectRef.of(ObjectKind.TYPE, type)));
            }
        } else if (op instanceof Operation.ColumnIdentity ci) {
            columnIdentity(op, ci, out);
        } else if (op instanceof Operation.Benign b) {
            typedUses(b.typed(), out);
            QualifiedName table = table(op, b.table());
            if (table != null && b.removesRows()) {
                Operation.KeyFilter only = Operation.Benign.DELETE.equals(b.what()) ? b.removes() : null;
                out.add(only == null ? new Effect.RemoveRows(ObjectRef.table(table))
                        : new Effect.RemoveRows(ObjectRef.table(table), only.column(), only.values()));
            }
            if (table != null && b.column() != null) {
                ObjectRef column = ObjectRef.in(ObjectKind.COLUMN, table, name(b.column(), op));
                out.add(new Require(column));
                if ("alter_column".equals(b.what())) {
                    // server_default= sets or drops the default, and an sa.Identity() there adds an identity
                    out.add(new AlterColumn(column, AlterColumn.Change.UNKNOWN, null));
                }
                if (b.type() != null) {
                    out.add(new Effect.ColumnType(column, b.type()));
                    if (b.type().enumType() != null) {
                        // Alembic adds the new type's constraints after ALTER COLUMN ... TYPE
                        enumCheck(op, table, b.table(), b.column(), b.type().enumType(), naming, out);
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code ALTER COLUMN c} on the column's identity or default: the column must exist, then its identity
     * or default changes. The identity's sequence is named as a serial's ({@code t_c_seq}); a dynamic table
     * or column makes every column's identity of the table (of every table) unknown.
     */
    private static void columnIdentity(Operation op, Operation.ColumnIdentity ci, List<Effect> out) {
        QualifiedName table = table(op, ci.table());
        if (table == null || ci.column() == null) {
            out.add(ci.table() != null && table != null ? Forget.kind(ObjectKind.COLUMN, table)
                    : Forget.kind(ObjectKind.COLUMN, null));
            return;
        }
        String column = name(ci.column(), op);
        ObjectRef ref = ObjectRef.in(ObjectKind.COLUMN, table, column);
        out.add(new Require(ref));
        AlterColumn.Change change = switch (ci.change()) {
            case ADD -> AlterColumn.Change.ADD_IDENTITY;
            case DROP -> AlterColumn.Change.DROP_IDENTITY;
            case DROP_IF_EXISTS -> AlterColumn.Change.DROP_IDENTITY_IF_EXISTS;
            case SET_DEFAULT -> AlterColumn.Change.SET_DEFAULT;
            case DROP_DEFAULT -> AlterColumn.Change.DROP_DEFAULT;
            case UNREAD -> AlterColumn.Change.UNKNOWN;
        };
        QualifiedName sequence = QualifiedName.of(table.schema(),
                ConstraintNames.postgresDefault(ConstraintNames.Kind.SEQUENCE, table.name(), List.of(column)));
        out.add(new AlterColumn(ref, change, sequence));
    }

    /**
     * The columns a SQLAlchemy Core statement names with the types the code declares for them, named as
     * SQLAlchemy sends them (quoted when their case needs it) on the search path's table.
     */
    private static void typedUses(List<Operation.TypedColumn> typed, List<Effect> out) {
        for (Operation.TypedColumn t : typed) {
            if (t.table() != null && t.column().name() != null && t.column().formatType() != null) {
                out.add(new TypedUse(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of(t.table()), t.column().name()),
                        t.column().formatType(), t.column().typeText()));
            }
        }
    }

    /**
     * A drop or rename of a {@code kind} whose name (or schema, or table) cannot be read: any object of
     * that kind may be gone, in {@code table} when it is known ({@link SchemaState} adds what PostgreSQL
     * takes along without {@code CASCADE}). Raw SQL that says {@code CASCADE}, or whose text is not there
     * to read, may take dependent objects anywhere: everything is forgotten. Alembic's {@code drop_*} calls
     * never cascade. A {@code drop_constraint} that says its constraint's type (foreign key, unique, check)
     * takes one of that type: those of another type known to the state stay.
     */
    private static Forget unread(Operation op, ObjectKind kind, String table) {
        if (op.site().origin() == Origin.RAW_SQL) {
            String sql = op.site().sqlStatement();
            if (sql == null || CASCADE.matcher(sql).find()) {
                return Forget.everything();
            }
        }
        QualifiedName t = table == null ? null : table(op, table);
        ConstraintKind k = op instanceof Operation.Drop d ? d.constraintType() : null;
        // MySQL's DROP PRIMARY KEY takes the primary key and nothing else
        boolean narrowed = k == ConstraintKind.FOREIGN_KEY || k == ConstraintKind.UNIQUE || k == ConstraintKind.CHECK
                || op instanceof Operation.Drop d && d.primaryKeyClause();
        return t != null && narrowed ? Forget.constraints(t, k) : Forget.kind(kind, t);
    }

    private static final Pattern CASCADE = Pattern.compile(
            "(?i)\\bcascade\\b");

    /**
     * What code not read forgets when no name of it was read ({@link Operation.Unknown#touches} empty): everything,
     * keeping the keys and column order of the tables its text does not name ({@link Forget#unread}). A
     * {@code batch_op} call alters its batch's table and no other: it forgets that table's keys, or every table's
     * when the batch's table is not read. SQL that says {@code CASCADE} may reach tables it does not name: it
     * forgets the tables' keys too.
     */
    private static Forget unread(Operation op, Operation.Unknown u) {
        String sql = op.site().sqlStatement();
        if (u.what().startsWith("batch_op.")) {
            return u.batchTable() == null ? Forget.everything()
                    : Forget.unread(Set.of(u.batchTable().toLowerCase(Locale.ROOT)));
        }
        if (sql != null && CASCADE.matcher(sql).find()) {
            return Forget.everything();
        }
        Set<String> words = new HashSet<>();
        if (sql != null) {
            for (String w : WORD.split(sql)) {
                if (!w.isEmpty()) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return Forget.unread(words);
    }

    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}_$]+");

    private static void createTable(Operation op, Operation.CreateTable t, Naming naming, List<Effect> out) {
        if (t.table() == null) {
            return;
        }
        QualifiedName table = table(op, t.table());
        if (table == null) {
            out.add(Forget.everything());
            return;
        }
        enumTypes(t, naming, out);
        QualifiedName parent = t.partitionOf() == null ? null : table(op, t.partitionOf());
        if (t.partitionOf() != null && parent == null) {
            out.add(Forget.everything());
            return;
        }
        out.add(new Create(ObjectRef.table(table), t.tolerant(), Shape.table(parent, t.temporary())));
        if (t.like() != null) {
            // the copied table's keys and indexes (MySQL copies them, PostgreSQL's INCLUDING clauses some under new
            // names) are not followed: any may be there; its columns are those the state knows old has
            QualifiedName from = table(op, t.like());
            out.add(Forget.kind(ObjectKind.COLUMN, table));
            out.add(Forget.tableKeys(table));
            if (from != null && !t.tolerant()) {
                // IF NOT EXISTS passes on a table there, whose columns stay its own: not known
                out.add(new Effect.CopyColumns(from, table, t.likeIncludes() == null ? Presence.UNKNOWN
                        : t.likeIncludes().contains("DEFAULTS") ? Presence.PRESENT : Presence.ABSENT));
            }
        }
        List<String> pk = new ArrayList<>();
        List<String> serial = serialColumns(t);
        for (ColumnDef c : t.columns()) {
            if (c.name() != null) {
                out.add(column(op, table, c, false));
                if (serial.contains(c.name())) {
                    out.add(serial(table, name(c.name(), op), t.tolerant()));
                }
                if (c.primaryKey()) {
                    pk.add(c.name());
                }
            }
            columnParts(op, table, t.table(), c, naming, out);
        }
        // a PrimaryKeyConstraint element is the table's one primary key: SQLAlchemy takes it in place of the
        // columns' primary_key=True (sa.Column("id", primary_key=True) beside sa.PrimaryKeyConstraint("id") is
        // one key, not two)
        if (!pk.isEmpty() && t.constraints().stream().noneMatch(nc -> nc.kind() == ConstraintKind.PRIMARY_KEY)) {
            primaryKey(table, t.table(), pk, naming, out);
        }
        for (Operation.NamedConstraint nc : t.constraints()) {
            if (nc.name() != null) {
                out.add(new Create(ObjectRef.in(ObjectKind.CONSTRAINT, table, name(nc.name(), op)), false,
                        Shape.constraint(nc.kind(), columns(op, nc.columns()))));
            } else if ((nc.kind() == ConstraintKind.UNIQUE || nc.kind() == ConstraintKind.PRIMARY_KEY
                    || nc.kind() == ConstraintKind.FOREIGN_KEY) && columns(op, nc.columns()) != null) {
                // named by the convention, else by PostgreSQL (the next free name: never a conflict)
                key(table, t.table(), ConstraintNames.Kind.of(nc.kind()), nc.kind(), columns(op, nc.columns()),
                        null, naming, out);
            }
        }
    }

    /**
     * The columns of {@code t} PostgreSQL makes serial: those written {@code serial} in SQL, and the one
     * SQLAlchemy renders SERIAL ({@code PrimaryKeyConstraint._autoincrement_column}): the only primary-key
     * column when its {@code autoincrement} is left at {@code "auto"}, or the primary-key column marked
     * {@code autoincrement=True}. A primary key whose columns cannot be read decides nothing.
     */
    private static List<String> serialColumns(Operation.CreateTable t) {
        List<String> out = new ArrayList<>();
        List<String> pk = new ArrayList<>();
        boolean pkKnown = true;
        for (ColumnDef c : t.columns()) {
            if (c.name() == null) {
                pkKnown &= !c.primaryKey();
            } else if (c.primaryKey()) {
                pk.add(c.name());
            }
            if (c.name() != null && c.serial() == ColumnDef.Serial.SQL) {
                out.add(c.name());
            }
        }
        for (Operation.NamedConstraint nc : t.constraints()) {
            if (nc.kind() == ConstraintKind.PRIMARY_KEY) {
                if (nc.columns() == null || nc.columns().isEmpty() || nc.columns().stream().anyMatch(Objects::isNull)) {
                    pkKnown = false;
                } else {
                    nc.columns().stream().filter(c -> !pk.contains(c)).forEach(pk::add);
                }
            }
        }
        if (!pkKnown) {
            return out;
        }
        for (ColumnDef c : t.columns()) {
            if (c.name() != null && pk.contains(c.name()) && (c.serial() == ColumnDef.Serial.FORCED
                    || c.serial() == ColumnDef.Serial.AUTO && pk.size() == 1)) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** The serial's sequence of {@code column}: named {@code <table>_<column>_seq} when that name is free. */
    private static Serial serial(QualifiedName table, String column, boolean tolerant) {
        return new Serial(ObjectRef.in(ObjectKind.COLUMN, table, column), QualifiedName.of(table.schema(),
                ConstraintNames.postgresDefault(ConstraintNames.Kind.SEQUENCE, table.name(), List.of(column))), tolerant);
    }

    /**
     * The enum types SQLAlchemy's before-create event of {@code create_table} makes, before the table:
     * one plain CREATE TYPE per native enum name ({@code checkfirst=False}), none for
     * {@code native_enum=False} nor for {@code create_type=False} where it is honoured (the dialect's
     * {@code postgresql.ENUM} always, the generic {@code sa.Enum} from SQLAlchemy 2.1). The type is not
     * qualified: {@code sa.Enum} does not inherit the table's schema by default.
     */
    private static void enumTypes(Operation.CreateTable t, Naming naming, List<Effect> out) {
        Set<String> made = new HashSet<>();
        for (ColumnDef c : t.columns()) {
            EnumTypeRef e = c.enumType();
            if (e == null || !e.nativeEnum() || Boolean.FALSE.equals(e.createType())
                    && (e.postgresqlDialect() || naming.enumCreateTypeHonoured().getAsBoolean())) {
                continue;
            }
            if (e.name() == null) {
                // CREATE TYPE of a name not read: some type (and its array type) may be there, nothing else
                out.add(Forget.made(ObjectKind.TYPE));
            } else if (made.add(e.name())) {
                out.add(new Create(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of(e.name())), false,
                        Shape.enumType(e.labels())));
            }
        }
    }

    /**
     * What SQLAlchemy makes with a column: its {@code index=True} index (CREATE INDEX after the table or
     * column, named by the convention's {@code ix}), its {@code unique=True} key and its
     * {@code ForeignKey}. A name the convention does not tell makes the table's keys unknown.
     */
    private static void columnParts(Operation op, QualifiedName table, String rawTable, ColumnDef c, Naming naming,
            List<Effect> out) {
        if (c.name() != null && c.index()) {
            ConstraintNames.Name.Given n = naming.derived(target(ConstraintNames.Kind.INDEX, table, rawTable, c.name()));
            out.add(n == null ? Forget.tableKeys(table) : new Create(new ObjectRef(ObjectKind.INDEX,
                    QualifiedName.of(table.schema(), n.name()), table), false, Shape.index(false, List.of(c.name()))));
        }
        if (c.name() != null && c.unique()) {
            key(table, rawTable, ConstraintNames.Kind.UNIQUE, ConstraintKind.UNIQUE, List.of(c.name()), null, naming, out);
        }
        if (c.foreignKeyName() != null) {
            out.add(new Create(ObjectRef.in(ObjectKind.CONSTRAINT, table, name(c.foreignKeyName(), op)), false,
                    referring(Shape.constraint(ConstraintKind.FOREIGN_KEY, c.name() == null ? null : List.of(c.name())),
                            referenced(op, c.references()))));
        } else if (c.foreignKey() && c.name() != null) {
            key(table, rawTable, ConstraintNames.Kind.FOREIGN_KEY, ConstraintKind.FOREIGN_KEY, List.of(c.name()),
                    referenced(op, c.references()), naming, out);
        }
    }

    /**
     * The CHECK constraint a non-native Enum on {@code column} makes on {@code table} ({@link EnumTypeRef.Check})
     * when {@code alter_column(type_=...)} gives the column that type (Alembic adds the type's constraints after
     * the ALTER; {@code create_table} and {@code add_column} make it too, not modelled here),
     * named as the Enum or, without a name, by PostgreSQL, unless the convention's {@code ck} template names it.
     * Unless {@code create_constraint=True} says it is made, SQLAlchemy's version decides (made before 1.4):
     * the name becomes unknown, present or not. When the convention is not known the Enum's own name is
     * taken as the one at stake; a name the convention makes but that cannot be told makes the table's
     * keys unknown.
     */
    private static void enumCheck(Operation op, QualifiedName table, String rawTable, String column, EnumTypeRef e,
            Naming naming, List<Effect> out) {
        if (e.check() == EnumTypeRef.Check.NONE) {
            return;
        }
        String name = null;
        if (column != null) {
            ConstraintNames.Target t = ConstraintNames.Target.of(ConstraintNames.Kind.CHECK, rawTable, List.of(column))
                    .named(e.name()).inSchema(table.schema());
            ConstraintNames.Name.Given g = naming.derived(t);
            name = g != null ? g.name() : e.name() != null && naming.convention().get().isUnknown() ? e.name() : null;
        }
        if (name == null) {
            out.add(Forget.tableKeys(table));
            return;
        }
        ObjectRef ref = ObjectRef.in(ObjectKind.CONSTRAINT, table, name(name, op));
        out.add(e.check() == EnumTypeRef.Check.MADE
                ? new Create(ref, false, Shape.constraint(ConstraintKind.CHECK, List.of(column))) : Forget.object(ref));
    }

    private static void primaryKey(QualifiedName table, String rawTable, List<String> columns,
            Naming naming, List<Effect> out) {
        key(table, rawTable, ConstraintNames.Kind.PRIMARY_KEY, ConstraintKind.PRIMARY_KEY, columns, null, naming, out);
    }

    /**
     * An unnamed key SQLAlchemy renders inline: named by the convention, else by PostgreSQL; {@code referred}
     * the table a foreign key refers to, when known.
     */
    private static void key(QualifiedName table, String rawTable, ConstraintNames.Kind kind, ConstraintKind ck,
            List<String> columns, QualifiedName referred, Naming naming, List<Effect> out) {
        ConstraintNames.Name.Given n = naming.derived(
                ConstraintNames.Target.of(kind, rawTable, columns).inSchema(table.schema()));
        if (n == null) {
            madeUnnamed(table, ck, out);
            return;
        }
        Shape shape = referring(Shape.constraint(ck, columns), referred);
        out.add(new Create(ObjectRef.in(ObjectKind.CONSTRAINT, table, n.name()), false,
                n.origin() == ConstraintNames.Origin.POSTGRES_DEFAULT ? shape.namedByPostgres() : shape));
    }

    private static ConstraintNames.Target target(ConstraintNames.Kind kind, QualifiedName table, String rawTable,
            String column) {
        return ConstraintNames.Target.of(kind, rawTable, List.of(column)).inSchema(table.schema());
    }

    private static void addConstraint(Operation op, Operation.AddConstraint c, Naming naming, List<Effect> out) {
        if (c.table() == null) {
            if (c.name() == null) {
                out.add(Forget.everything());
            }
            return;
        }
        QualifiedName table = table(op, c.table());
        if (table == null) {
            out.add(Forget.everything());
            return;
        }
        Shape shape = Shape.constraint(c.kind(), c.kind() == ConstraintKind.CHECK ? checkColumns(c, table)
                : c.kind() == ConstraintKind.EXCLUDE ? expressionColumns(columns(op, c.columns()), table)
                : columns(op, c.columns()));
        if (c.kind() == ConstraintKind.FOREIGN_KEY) {
            shape = referring(shape, referenced(op, ConstraintNames.referredTable(op)));
        }
        if (c.name() != null) {
            out.add(new Create(ObjectRef.in(ObjectKind.CONSTRAINT, table, name(c.name(), op)), false, shape));
            return;
        }
        if (ConstraintNames.nameNotRead(c)) {
            // a name the code reads at run time (insp.get_pk_constraint("t")["name"]) is neither the convention's
            // nor PostgreSQL's: it may be any name of the table's keys, one this revision dropped included
            out.add(Forget.kind(ObjectKind.CONSTRAINT, table));
            madeUnnamed(table, c.kind(), out);
            return;
        }
        String d = naming.defaultName(c, table.name());
        if (d == null) {
            // named by a convention, or by PostgreSQL past 63 bytes: any of the table's keys may be it
            madeUnnamed(table, c.kind(), out);
        } else {
            out.add(new Create(ObjectRef.in(ObjectKind.CONSTRAINT, table, d), false, shape.namedByPostgres()));
        }
    }

    /**
     * A {@code kind} key made under a name that cannot be told: any of the table's keys may be it, and a
     * primary key is the table's one.
     */
    private static void madeUnnamed(QualifiedName table, ConstraintKind kind, List<Effect> out) {
        out.add(Forget.tableKeys(table));
        if (kind == ConstraintKind.PRIMARY_KEY) {
            out.add(new Effect.PrimaryKey(table, Presence.PRESENT));
        }
    }

    private static Shape referring(Shape shape, QualifiedName referred) {
        return referred == null ? shape : shape.referencing(referred);
    }

    private static Create column(Operation op, QualifiedName table, ColumnDef c, boolean ifNotExists) {
        Shape shape = Shape.column(c.formatType());
        QualifiedName target = referenced(op, c.references());
        return new Create(ObjectRef.in(ObjectKind.COLUMN, table, name(c.name(), op)), ifNotExists,
                target == null ? shape : shape.referencing(target));
    }

    /**
     * The table a foreign key's {@code "table"} or {@code "schema.table"} names: SQLAlchemy renders the
     * reference with the schema written there and no other (not the referencing table's {@code schema=}),
     * so an unqualified one resolves through the search path.
     */
    private static QualifiedName referenced(Operation op, String written) {
        if (written == null || written.isEmpty()) {
            return null;
        }
        int dot = written.lastIndexOf('.');
        String t = name(written.substring(dot + 1), op);
        return dot < 0 ? QualifiedName.of(t)
                : QualifiedName.of(QualifiedName.searched(name(written.substring(0, dot), op)), t);
    }

    /**
     * The object {@code kind name} (on {@code table} when it lives in one), or null when a name or its
     * schema is dynamic. Schemas and extensions are database-wide: never qualified.
     */
    public static ObjectRef ref(Operation op, ObjectKind kind, String table, String name) {
        if (name == null) {
            return null;
        }
        if (ObjectRef.tableScoped(kind)) {
            QualifiedName t = table(op, table);
            return t == null ? null : ObjectRef.in(kind, t, name(name, op));
        }
        if (kind == ObjectKind.SCHEMA || kind == ObjectKind.EXTENSION) {
            return ObjectRef.of(kind, QualifiedName.of(name(name, op)));
        }
        QualifiedName q = qualified(op, name, table != null ? table : name);
        if (q != null && kind == ObjectKind.INDEX && table != null) {
            // drop_index(..., table_name=): the index's table, in the index's schema
            return new ObjectRef(kind, q, QualifiedName.of(q.schema(), name(table, op)));
        }
        return q == null ? null : ObjectRef.of(kind, q);
    }

    /** {@code table} in the schema {@code op} names for it, or null when either is dynamic. */
    private static QualifiedName table(Operation op, String table) {
        return qualified(op, table, table);
    }

    /**
     * {@code name} in the schema {@code op} places {@code schemaTarget} in ({@link OpSite#targets()}; unqualified
     * for the search path's and {@code public}), or null when the name or the schema is dynamic. Schemas are
     * matched in lower case, a quoted one too.
     */
    private static QualifiedName qualified(Operation op, String name, String schemaTarget) {
        if (name == null) {
            return null;
        }
        SchemaRef schema = op.site().targets().of(schemaTarget);
        if (schema.dynamic()) {
            return null;
        }
        return QualifiedName.of(schema.schema() == null ? null
                : QualifiedName.searched(schema.schema().toLowerCase(Locale.ROOT)), name(name, op));
    }

    /**
     * The columns a CHECK's condition names, which a {@code DROP COLUMN} of one of them takes it with; null when
     * the condition is not read, or names the table (its whole row may be read there).
     */
    private static List<String> checkColumns(Operation.AddConstraint c, QualifiedName table) {
        return expressionColumns(CheckColumns.of(c.condition()), table);
    }

    /** Columns read from expressions, or null when not read or when one may be the table's whole row. */
    private static List<String> expressionColumns(List<String> named, QualifiedName table) {
        return named == null || named.stream().anyMatch(table.name()::equalsIgnoreCase) ? null : named;
    }

    private static List<String> columns(Operation op, List<String> columns) {
        if (columns == null || columns.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>(columns.size());
        for (String c : columns) {
            if (c == null) {
                return null;
            }
            out.add(name(c, op));
        }
        return out;
    }

    /**
     * A name as PostgreSQL stores it: SQLAlchemy quotes what op calls pass (case kept), raw SQL folds
     * unquoted names to lower case.
     */
    public static String name(String n, Operation op) {
        OpSite site = op.site();
        if (n == null || site.origin() != Origin.RAW_SQL) {
            return n;
        }
        return site.sql() != null && site.sqlStart() >= 0 && quoted(site).contains(n) ? n : n.toLowerCase(Locale.ROOT);
    }

    /** The quoted identifiers of the raw statement asked last: an operation's names are folded one by one. */
    private static final StatementMemo<Set<String>> QUOTED = new StatementMemo<>();

    private static Set<String> quoted(OpSite site) {
        return QUOTED.get(site.sql(), site.sqlStart(), site.sqlEnd(),
                () -> QuotedIdentifiers.in(site.sql().text(), site.sqlStart(), site.sqlEnd()));
    }

    /** The table an operation acts on (for a table's own drop or rename, that table), or null. */
    public static String tableOf(Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return a.table();
        } else if (op instanceof Operation.CreateTable c) {
            return c.table();
        } else if (op instanceof Operation.CreateIndex i) {
            return i.table();
        } else if (op instanceof Operation.AddConstraint c) {
            return c.table();
        } else if (op instanceof Operation.CreateObject c) {
            return c.table();
        } else if (op instanceof Operation.Drop d) {
            return d.kind() == ObjectKind.TABLE ? d.name() : d.table();
        } else if (op instanceof Operation.Rename r) {
            return r.kind() == ObjectKind.TABLE ? r.from() : r.table();
        } else if (op instanceof Operation.Insert i) {
            return i.table();
        }
        return null;
    }

    /**
     * The table an operation acts on that must already exist (PostgreSQL raises 42P01 before anything
     * else when it does not), or null.
     */
    public static String requiredTable(Operation op) {
        if (op instanceof Operation.Benign b) {
            return b.column() == null ? null : b.table();
        }
        boolean required = op instanceof Operation.AddColumn || op instanceof Operation.CreateIndex
                || op instanceof Operation.AddConstraint || op instanceof Operation.Insert
                || op instanceof Operation.CreateObject c && (c.kind() == ObjectKind.TRIGGER
                        || c.kind() == ObjectKind.POLICY)
                || op instanceof Operation.Drop d && (d.kind() == ObjectKind.COLUMN
                        || d.kind() == ObjectKind.CONSTRAINT)
                || op instanceof Operation.Rename r && (r.kind() == ObjectKind.COLUMN
                        || r.kind() == ObjectKind.CONSTRAINT);
        return required ? tableOf(op) : null;
    }

    /**
     * An operation on an object whose name is not known statically (an unnamed index or constraint is
     * not one: PostgreSQL names it itself).
     */
    public static boolean dynamicName(Operation op) {
        if (op instanceof Operation.CreateTable c) {
            return c.table() == null;
        } else if (op instanceof Operation.AddColumn a) {
            return a.table() == null || a.column().name() == null;
        } else if (op instanceof Operation.CreateEnumType e) {
            return e.name() == null;
        } else if (op instanceof Operation.CreateObject c) {
            return c.name() == null;
        } else if (op instanceof Operation.Drop d) {
            return d.name() == null;
        } else if (op instanceof Operation.Rename r) {
            return r.from() == null || r.to() == null;
        }
        return false;
    }

    /**
     * Whether a column is NOT NULL without a default, read from how it is written ({@code text}, its
     * source: {@code nullable=False}, {@code server_default=}, {@code NOT NULL}, {@code DEFAULT}, serial
     * and identity columns); the single integer primary key of a create_table ({@code singlePk}) is
     * SERIAL, as SQLAlchemy renders it unless {@code autoincrement=False}.
     */
    public static boolean required(ColumnDef c, String text, boolean rawSql, boolean singlePk) {
        String t = text.toLowerCase(Locale.ROOT);
        boolean notNull = c.primaryKey() || (rawSql ? t.contains("not null") : t.replace(" ", "").contains("nullable=false"));
        boolean fills = rawSql ? t.contains("default") || t.contains("serial") || t.contains("generated")
                : t.contains("server_default") || t.contains("identity(") || t.contains("computed(")
                        || c.primaryKey() && singlePk && c.typeText() != null && c.typeText().contains("Integer")
                                && !t.replace(" ", "").contains("autoincrement=false");
        return notNull && !fills;
    }

    /**
     * Whether a drop tolerates a missing object: {@code IF EXISTS} in SQL, or the {@code if_exists=True}
     * kwarg where the project's Alembic honours it (older ones pass it on and ignore it).
     */
    public static boolean tolerant(Operation.Drop d, Settings s) {
        if (!d.ifExists() || d.site().origin() == Origin.RAW_SQL || d.site().origin() == Origin.SQLALCHEMY_DDL) {
            return d.ifExists();
        }
        return switch (d.kind()) {
            case TABLE -> s.tableIfExistsSupported();
            case INDEX -> s.indexIfExistsSupported();
            case COLUMN -> s.columnIfExistsSupported();
            case CONSTRAINT -> s.constraintIfExistsSupported();
            default -> true;
        };
    }
}
