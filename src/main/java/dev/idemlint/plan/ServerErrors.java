package dev.idemlint.plan;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.MysqlFacts;
import dev.idemlint.migration.MysqlFacts.MysqlError;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.SqlState;

/**
 * The error a failing statement raises on the plan's server: PostgreSQL's SQLSTATE and condition
 * ({@link PostgresFacts}), or MySQL's and MariaDB's error number and name ({@link MysqlFacts}, the
 * server's own rows). {@code code} is what the plan reports ({@code 42701}, {@code 1060}); {@code label}
 * what its message says ({@code DuplicateColumn (42701)}, {@code error 1060 ER_DUP_FIELDNAME}).
 */
record ServerErrors(Dialect dialect) {

    /** One error: its code and its words. */
    record Raised(String code, String label) {
        static Raised of(SqlState s) {
            return new Raised(s.code(), s.label());
        }

        static Raised of(MysqlError e) {
            return new Raised(Integer.toString(e.number()), "error " + e.label());
        }
    }

    boolean mysql() {
        return dialect.mysqlFamily();
    }

    /** A second creation of an object of {@code kind} ({@code constraint}: its kind, for a constraint). */
    Raised duplicate(ObjectKind kind, ConstraintKind constraint) {
        if (!mysql()) {
            return Raised.of(kind == ObjectKind.CONSTRAINT ? PostgresFacts.duplicate(constraint) : PostgresFacts.duplicate(kind));
        }
        if (kind == ObjectKind.CONSTRAINT) {
            return Raised.of(MysqlFacts.duplicate(dialect, constraint == null ? ConstraintKind.UNKNOWN : constraint));
        }
        MysqlFacts.Row row = MysqlFacts.of(dialect, kind);
        return Raised.of(row == null ? MysqlFacts.TABLE_EXISTS : row.duplicate());
    }

    /** A drop of an object of {@code kind} that is not there. */
    Raised dropMissing(ObjectKind kind) {
        if (!mysql()) {
            return Raised.of(PostgresFacts.dropMissing(kind));
        }
        MysqlFacts.Row row = MysqlFacts.of(dialect, kind);
        return Raised.of(row == null ? MysqlFacts.CANT_DROP_FIELD_OR_KEY : row.dropMissing());
    }

    /** A rename of an object of {@code kind} that is not there. */
    Raised renameMissing(ObjectKind kind) {
        if (!mysql()) {
            return Raised.of(PostgresFacts.renameMissing(kind));
        }
        MysqlFacts.Row row = MysqlFacts.of(dialect, kind);
        return Raised.of(row == null || row.renameMissing() == null ? MysqlFacts.BAD_FIELD : row.renameMissing());
    }

    Raised undefinedTable() {
        return mysql() ? Raised.of(MysqlFacts.NO_SUCH_TABLE) : Raised.of(SqlState.UNDEFINED_TABLE);
    }

    Raised undefinedColumn() {
        return mysql() ? Raised.of(MysqlFacts.BAD_FIELD) : Raised.of(SqlState.UNDEFINED_COLUMN);
    }

    Raised uniqueViolation() {
        return mysql() ? Raised.of(MysqlFacts.DUP_ENTRY) : Raised.of(SqlState.UNIQUE_VIOLATION);
    }

    Raised notNullViolation() {
        return mysql() ? Raised.of(MysqlFacts.NO_DEFAULT_FOR_FIELD) : Raised.of(SqlState.NOT_NULL_VIOLATION);
    }
}
