package dev.idemlint.migration;

import dev.idemlint.source.Span;

/**
 * A column as declared by {@code sa.Column(...)} or in SQL. {@code enumType} is non-null for enum
 * columns; {@code foreignKeyName} is the explicit name of a ForeignKey (null when unnamed or none);
 * {@code foreignKey} tells whether it has one at all. {@code index}/{@code unique} reflect
 * {@code index=True}/{@code unique=True}. {@code name} is null when not a literal. {@code typeText} is the
 * type as written (a SQLAlchemy class's dotted name, or the SQL text); {@code formatType} is the type
 * PostgreSQL gives the column, as {@code format_type} prints it ({@link FormatType}), null when not known.
 * {@code references} is the table its foreign key references, as written ({@code "deployables"}, or
 * {@code "schema.table"}), null when it has none or the target is not a literal. {@code serial}: whether
 * PostgreSQL makes it a serial column ({@link Serial}).
 */
public record ColumnDef(String name, String typeText, String formatType, EnumTypeRef enumType, boolean index, boolean unique,
        boolean primaryKey, boolean foreignKey, String foreignKeyName, Span span, String references, Serial serial) {
    public ColumnDef {
        serial = serial == null ? Serial.NO : serial;
    }

    public ColumnDef(String name, String typeText, String formatType, EnumTypeRef enumType, boolean index,
            boolean unique, boolean primaryKey, boolean foreignKey, String foreignKeyName, Span span) {
        this(name, typeText, formatType, enumType, index, unique, primaryKey, foreignKey, foreignKeyName, span, null,
                Serial.NO);
    }

    /**
     * Whether PostgreSQL gets the column as {@code serial} (an owned sequence {@code <table>_<column>_seq}
     * and the default {@code nextval} of it). SQLAlchemy's PostgreSQL DDL compiler (1.4, 2.0:
     * {@code PGDDLCompiler.get_column_specification}) renders SERIAL, BIGSERIAL or SMALLSERIAL for the
     * table's autoincrement column ({@code PrimaryKeyConstraint._autoincrement_column}) when it has no
     * {@code Identity()}, no {@code Sequence} and no Python-side default; Alembic's {@code add_column}
     * renders a {@code primary_key=True} column the same way.
     */
    public enum Serial {
        /** Not serial, or not known to be. */
        NO,
        /** Written {@code serial}, {@code bigserial}, {@code smallserial} ({@code serial2/4/8}) in SQL. */
        SQL,
        /**
         * An integer {@code sa.Column} with {@code autoincrement} left at {@code "auto"} (or
         * {@code "ignore_fk"}), no foreign key (unless {@code "ignore_fk"}), no default, server default,
         * {@code Identity()}, {@code Sequence} or {@code Computed}: serial when it is the table's only
         * primary-key column.
         */
        AUTO,
        /** The same with {@code autoincrement=True}: serial when it is a primary-key column. */
        FORCED
    }
}
