package dev.idemlint.migration;

import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import java.util.Locale;

/**
 * The table lock each operation takes on PostgreSQL, as a {@link PostgresLocks.Kind} whose row says the mode: what
 * the rules about holding and waiting for locks ask of a statement, whatever else it does. A statement whose lock
 * is not in the facts table, or whose table is not read, takes none here: the rules stay silent rather than guess.
 */
public final class StatementLocks {
    private StatementLocks() {
    }

    /** The label the statement classifier gives {@code ALTER TABLE t VALIDATE CONSTRAINT c}, with its table. */
    public static final String VALIDATE = "ALTER TABLE ... VALIDATE CONSTRAINT";

    /** {@code kind}'s lock on {@code table}, as the operation names it. */
    public record TableLock(String table, PostgresLocks.Kind kind) {
        /** The mode on PostgreSQL {@code major}. */
        public PostgresLocks.Mode mode(int major) {
            return PostgresLocks.of(kind, major).lock();
        }
    }

    /** The table lock {@code op} takes, or null when it takes none the facts table knows. */
    public static TableLock of(Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return lock(a.table(), PostgresLocks.Kind.ADD_COLUMN);
        }
        if (op instanceof Operation.CreateIndex ix) {
            return ix.concurrently() ? null : lock(ix.table(), PostgresLocks.Kind.CREATE_INDEX);
        }
        if (op instanceof Operation.AddConstraint c) {
            return switch (c.kind()) {
                case FOREIGN_KEY -> lock(c.table(), PostgresLocks.Kind.ADD_FOREIGN_KEY);
                case CHECK -> lock(c.table(), PostgresLocks.Kind.ADD_CHECK);
                case UNIQUE, PRIMARY_KEY -> lock(c.table(), PostgresLocks.Kind.ADD_UNIQUE);
                default -> null;
            };
        }
        if (op instanceof Operation.Drop d) {
            return switch (d.kind()) {
                case COLUMN -> lock(d.table(), PostgresLocks.Kind.DROP_COLUMN);
                case CONSTRAINT -> lock(d.table(), PostgresLocks.Kind.DROP_CONSTRAINT);
                case INDEX -> concurrently(d) ? null : lock(d.table(), PostgresLocks.Kind.DROP_INDEX);
                default -> null;
            };
        }
        if (op instanceof Operation.Rename r) {
            return switch (r.kind()) {
                case TABLE -> lock(r.from(), PostgresLocks.Kind.RENAME_TABLE);
                case COLUMN -> lock(r.table(), PostgresLocks.Kind.RENAME_COLUMN);
                default -> null;
            };
        }
        if (op instanceof Operation.ColumnIdentity ci) {
            return lock(ci.table(), PostgresLocks.Kind.ALTER_COLUMN);
        }
        if (op instanceof Operation.Benign b && VALIDATE.equals(b.what())) {
            // the validated table's lock is SHARE UPDATE EXCLUSIVE for a CHECK and a foreign key alike; in the
            // transaction that added the constraint NOT VALID, validate-in-same-transaction says which lock is held
            return lock(b.table(), PostgresLocks.Kind.VALIDATE_CHECK);
        }
        if (op instanceof Operation.Benign b && b.column() != null
                && ("alter_column".equals(b.what()) || b.what().startsWith("ALTER TABLE"))) {
            return lock(b.table(), b.type() != null ? PostgresLocks.Kind.ALTER_TYPE_REWRITE
                    : PostgresLocks.Kind.ALTER_COLUMN);
        }
        return null;
    }

    private static TableLock lock(String table, PostgresLocks.Kind kind) {
        return table == null ? null : new TableLock(table, kind);
    }

    /**
     * {@code DROP INDEX CONCURRENTLY}, or {@code drop_index(..., postgresql_concurrently=True)}; also true when the
     * operation has no call, so that no lock is claimed that is not known.
     */
    public static boolean concurrently(Operation.Drop d) {
        String sql = d.site().sqlStatement();
        if (sql != null) {
            return sql.toUpperCase(Locale.ROOT).contains("CONCURRENTLY");
        }
        // the call is not kept: take the drop as concurrent rather than claim a lock not known
        return d.site().callRef() == null || d.concurrently();
    }

    /**
     * Whether {@code call} asks for {@code postgresql_concurrently}: the keyword is there and not {@code False} (a
     * value not read is taken as asking, so that no lock is claimed that is not known).
     */
    public static boolean concurrentlyAsked(Expr.Call call) {
        Arg kw = call == null ? null : call.keyword("postgresql_concurrently");
        return kw != null && !(kw.value() instanceof Expr.Name n && n.id().equals("False"));
    }
}
