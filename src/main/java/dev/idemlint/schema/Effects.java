package dev.idemlint.schema;

import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.schema.Effect.Create;
import dev.idemlint.schema.Effect.Drop;
import dev.idemlint.schema.Effect.Forget;
import dev.idemlint.schema.Effect.Rename;
import dev.idemlint.schema.Effect.Require;
import dev.idemlint.schema.Effect.Shape;
import dev.idemlint.schema.Effect.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * What an operation does to the schema when it runs, as {@link Effect}s in PostgreSQL's order: the one
 * place this is decided. Names are as PostgreSQL stores them (raw SQL folds unquoted names to lower case;
 * SQLAlchemy quotes what op calls pass, so their case is kept) and unqualified: a client resolves them
 * through its search path. A name that is dynamic is never guessed: creating or renaming under one
 * changes nothing known, dropping one forgets everything.
 */
public final class Effects {
    private Effects() {
    }

    /**
     * How the project names what the code leaves unnamed: {@code postgresNames} is true when the
     * project's naming convention ({@code NamingConvention}) names no primary, unique or foreign key, so
     * PostgreSQL names them ({@link ConstraintNames#postgresDefault}); asked only for unnamed keys.
     */
    public record Naming(BooleanSupplier postgresNames) {
        /** A project whose convention is not known: unnamed keys get names that cannot be told. */
        public static final Naming UNKNOWN = new Naming(() -> false);

        /** PostgreSQL's name for an unnamed key on {@code table}, or null when it cannot be told. */
        String defaultName(Operation.AddConstraint c, String table) {
            ConstraintNames.Kind kind = c.kind() == null ? null : ConstraintNames.Kind.of(c.kind());
            boolean named = kind == ConstraintNames.Kind.PRIMARY_KEY || !c.columns().isEmpty()
                    && (kind == ConstraintNames.Kind.UNIQUE || kind == ConstraintNames.Kind.FOREIGN_KEY);
            return named && postgresNames.getAsBoolean() ? ConstraintNames.postgresDefault(kind, table, c.columns()) : null;
        }
    }

    /** The effects of {@code op} when it runs unconditionally. */
    public static List<Effect> of(Operation op, Naming naming) {
        List<Effect> out = new ArrayList<>();
        if (op instanceof Operation.Unknown u) {
            out.add(u.touches().isEmpty() ? Forget.everything() : Forget.named(u.touches()));
        } else if (op instanceof Operation.RawSql) {
            out.add(Forget.everything());
        } else if (op instanceof Operation.AddColumn a) {
            if (a.table() != null && a.column().name() != null) {
                out.add(column(op, table(op, a.table()), a.column(), a.ifNotExists()));
            }
        } else if (op instanceof Operation.CreateTable t) {
            createTable(op, t, out);
        } else if (op instanceof Operation.CreateIndex ix) {
            if (ix.name() != null) {
                QualifiedName owner = ix.table() == null ? null : table(op, ix.table());
                out.add(new Create(ObjectRef.of(ObjectKind.INDEX, qualified(op, ix.name())), ix.ifNotExists(),
                        Shape.index(owner, ix.unique(), columns(op, ix.columns()))));
            }
        } else if (op instanceof Operation.AddConstraint c) {
            addConstraint(op, c, naming, out);
        } else if (op instanceof Operation.CreateEnumType e) {
            if (e.name() != null) {
                out.add(new Create(ObjectRef.of(ObjectKind.TYPE, qualified(op, e.name())), e.checkFirst(),
                        Shape.enumType(e.labels())));
            }
        } else if (op instanceof Operation.CreateObject o) {
            ObjectRef ref = ref(op, o.kind(), o.table(), o.name());
            if (ref != null) {
                out.add(new Create(ref, o.ifNotExists() || o.orReplace()));
            }
        } else if (op instanceof Operation.Drop d) {
            ObjectRef ref = ref(op, d.kind(), d.table(), d.name());
            out.add(ref == null ? Forget.everything() : new Drop(ref, d.ifExists()));
        } else if (op instanceof Operation.Rename r) {
            // ALTER TYPE ... RENAME VALUE (kind OTHER, the type in table) changes labels, not objects
            if (r.kind() != ObjectKind.OTHER) {
                ObjectRef from = ref(op, r.kind(), r.table(), r.from());
                out.add(from == null || r.to() == null ? Forget.everything() : new Rename(from, name(r.to(), op)));
            }
        } else if (op instanceof Operation.Insert i) {
            if (i.table() != null) {
                out.add(new Write(ObjectRef.table(table(op, i.table())), null));
            }
        } else if (op instanceof Operation.AlterTypeAddValue v) {
            if (v.type() != null) {
                out.add(new Require(ObjectRef.of(ObjectKind.TYPE, qualified(op, v.type()))));
            }
        } else if (op instanceof Operation.Benign b) {
            if (b.table() != null && b.column() != null) {
                out.add(new Require(ObjectRef.in(ObjectKind.COLUMN, table(op, b.table()), name(b.column(), op))));
            }
        }
        return out;
    }

    private static void createTable(Operation op, Operation.CreateTable t, List<Effect> out) {
        if (t.table() == null) {
            return;
        }
        QualifiedName table = table(op, t.table());
        out.add(new Create(ObjectRef.table(table), t.ifNotExists(), Shape.relation('r')));
        for (ColumnDef c : t.columns()) {
            if (c.name() != null) {
                out.add(column(op, table, c, false));
            }
        }
        // PostgreSQL names the unnamed ones itself, free names on a new table: no conflict to track
        for (Operation.NamedConstraint nc : t.constraints()) {
            if (nc.name() != null) {
                out.add(new Create(ObjectRef.in(ObjectKind.CONSTRAINT, table, name(nc.name(), op)), false,
                        Shape.constraint(nc.kind(), columns(op, nc.columns()))));
            }
        }
    }

    private static void addConstraint(Operation op, Operation.AddConstraint c, Naming naming, List<Effect> out) {
        if (c.table() == null) {
            if (c.name() == null) {
                out.add(Forget.everything());
            }
            return;
        }
        QualifiedName table = table(op, c.table());
        Shape shape = Shape.constraint(c.kind(), columns(op, c.columns()));
        if (c.name() != null) {
            out.add(new Create(ObjectRef.in(ObjectKind.CONSTRAINT, table, name(c.name(), op)), false, shape));
            return;
        }
        String d = naming.defaultName(c, table.name());
        if (d == null) {
            // named by a convention, or by PostgreSQL past 63 bytes: any of the table's keys may be it
            out.add(Forget.tableKeys(table));
        } else {
            out.add(new Create(ObjectRef.in(ObjectKind.CONSTRAINT, table, d), false, shape.namedByPostgres()));
        }
    }

    private static Create column(Operation op, QualifiedName table, ColumnDef c, boolean ifNotExists) {
        return new Create(ObjectRef.in(ObjectKind.COLUMN, table, name(c.name(), op)), ifNotExists,
                Shape.column(c.formatType()));
    }

    /** The object {@code kind name} (on {@code table} when it lives in one), or null when a name is dynamic. */
    static ObjectRef ref(Operation op, ObjectKind kind, String table, String name) {
        if (name == null) {
            return null;
        }
        if (ObjectRef.tableScoped(kind)) {
            return table == null ? null : ObjectRef.in(kind, table(op, table), name(name, op));
        }
        return ObjectRef.of(kind, qualified(op, name));
    }

    private static QualifiedName table(Operation op, String table) {
        return qualified(op, table);
    }

    private static QualifiedName qualified(Operation op, String name) {
        return QualifiedName.of(name(name, op));
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
        if (n == null || op.site().origin() != Origin.RAW_SQL) {
            return n;
        }
        String sql = op.site().sqlStatement();
        if (sql != null && sql.contains("\"" + n + "\"")) {
            return n;
        }
        return n.toLowerCase(Locale.ROOT);
    }
}
