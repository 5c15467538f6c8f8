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
 * {@code "schema.table"}), null when it has none or the target is not a literal.
 */
public record ColumnDef(String name, String typeText, String formatType, EnumTypeRef enumType, boolean index, boolean unique,
        boolean primaryKey, boolean foreignKey, String foreignKeyName, Span span, String references) {
    public ColumnDef(String name, String typeText, String formatType, EnumTypeRef enumType, boolean index,
            boolean unique, boolean primaryKey, boolean foreignKey, String foreignKeyName, Span span) {
        this(name, typeText, formatType, enumType, index, unique, primaryKey, foreignKey, foreignKeyName, span, null);
    }
}
