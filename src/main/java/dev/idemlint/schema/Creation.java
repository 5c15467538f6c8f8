package dev.idemlint.schema;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.List;

/**
 * One place where an object comes into existence: a {@link Effect.Create} (or the target of an
 * {@link Effect.Rename}) that {@link Effects#of} gives {@code operation}, the {@code index}-th operation
 * of {@code migration}'s {@code upgrade()}, and the {@code span} to point at (the enum call for an
 * enum type a {@code create_table} creates, the column for a column or an {@code index=True}).
 * {@code tolerance} says whether it fails when the object is already there (IF NOT EXISTS, OR
 * REPLACE, {@code checkfirst=True}, Alembic's {@code if_not_exists=True} where supported). {@code derivedName}
 * means the name is not written in the code: PostgreSQL's or SQLAlchemy's default naming gave it
 * ({@code ix_t_c}, {@code t_c_key}, {@code t_pkey}), which a project's naming convention may change.
 * {@code column} is set for columns; {@code shape} is the effect's (a constraint's kind, an enum type's
 * labels, a key's columns).
 */
public record Creation(ObjectRef key, Migration migration, int index, Operation operation, Span span, Via via,
        boolean guarded, Tolerance tolerance, boolean derivedName, boolean sqlalchemyDependent, ColumnDef column,
        Effect.Shape shape) {

    /** Whether a creation passes when the object is already there. */
    public enum Tolerance {
        /** Plain CREATE: fails on a duplicate. */
        NONE,
        /** IF NOT EXISTS / OR REPLACE in SQL, {@code checkfirst=True}: never fails on a duplicate. */
        ALWAYS,
        /** {@code create_table(if_not_exists=True)}: honoured from Alembic 1.13.3, ignored before. */
        TABLE_KWARG,
        /** {@code add_column(if_not_exists=True)}: from Alembic 1.16.0 (a TypeError before). */
        COLUMN_KWARG,
        /** {@code create_index(if_not_exists=True)}: from Alembic 1.11.2/1.13.0. */
        INDEX_KWARG
    }

    /** How the object is created. */
    public enum Via {
        /** The operation itself creates it: CREATE TABLE, ADD COLUMN, CREATE INDEX, CREATE TYPE... */
        STATEMENT,
        /**
         * SQLAlchemy's before-create event of {@code op.create_table} emits CREATE TYPE for an enum
         * column. Alembic keeps one memo of the enum names it created per migration context, so a
         * second such event for the same name within one {@code alembic upgrade} run emits nothing.
         */
        TABLE_EVENT,
        /** Part of a CREATE TABLE / ADD COLUMN: a column, an {@code index=True} index, a key constraint. */
        TABLE_ELEMENT,
        /** A rename gives an existing object this name. */
        RENAME
    }

    /** The constraint's kind, or null. */
    public ConstraintKind constraintKind() {
        return shape.constraintKind();
    }

    /** An enum type's labels, empty when not known. */
    public List<String> labels() {
        return shape.labels() == null ? List.of() : shape.labels();
    }

    /**
     * The name as the timeline's messages show it: qualified by its schema outside the default one
     * ({@code billing.invoices}); a table-scoped object's name bare.
     */
    public String name() {
        return SchemaTimeline.shown(ObjectRef.tableScoped(key.kind()) ? QualifiedName.of(key.name().name()) : key.name());
    }

    /** {@code column "custom_notes" of "players"}, {@code type "division"}. */
    public String describe() {
        String base = key.kind().sql() + " \"" + name() + "\"";
        return !ObjectRef.tableScoped(key.kind()) ? base : base + " of \"" + SchemaTimeline.shown(key.table()) + "\"";
    }

    public SourceFile file() {
        return migration.source();
    }

    public int line() {
        return file().lines().line(span.start());
    }

    /** "e09c9e678004_add_division.py:14". */
    public String where() {
        return file().fileName() + ":" + line();
    }

    /** True when this creation does not fail on an existing object with the target's versions. */
    public boolean tolerant(Settings s) {
        return switch (tolerance) {
            case ALWAYS -> true;
            case TABLE_KWARG -> s.tableIfExistsSupported();
            case COLUMN_KWARG -> s.columnIfExistsSupported();
            case INDEX_KWARG -> s.indexIfExistsSupported();
            default -> false;
        };
    }

    /**
     * False only for {@code sa.Enum(..., create_type=False)} when the target's SQLAlchemy honours the
     * flag (2.1 and later); SQLAlchemy before 2.1 drops it and creates the type anyway.
     */
    public boolean effective(Settings s) {
        return !sqlalchemyDependent || !s.genericEnumCreateTypeHonoured();
    }

    /**
     * A part of the CREATE TABLE {@code op} that cannot clash once the table itself does not: its columns
     * and table-scoped constraints, and every constraint or serial sequence PostgreSQL names itself (it picks
     * a free name: {@code t_pkey1}, {@code t_id_seq1}). Indexes SQLAlchemy names ({@code index=True}) are separate statements and can.
     */
    public boolean insideNewTable(Operation op) {
        if (key().kind() == ObjectKind.CONSTRAINT && derivedName()
                || key().kind() == ObjectKind.SEQUENCE && shape().postgresNamed()) {
            // a serial's sequence takes the next free name too (t_id_seq1)
            return true;
        }
        return op instanceof Operation.CreateTable && via() == Via.TABLE_ELEMENT
                && (key().kind() == ObjectKind.COLUMN || key().kind() == ObjectKind.CONSTRAINT
                        && (constraintKind() == null || !constraintKind().indexBacked()));
    }
}
