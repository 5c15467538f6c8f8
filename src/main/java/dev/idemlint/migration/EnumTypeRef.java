package dev.idemlint.migration;

import dev.idemlint.discovery.Settings;
import dev.idemlint.source.Span;
import java.util.List;

/**
 * An enum type used by a column: {@code sa.Enum(...)}, {@code postgresql.ENUM(...)} or a reference
 * to a module/local variable holding one. {@code name} is null when not given or not literal.
 * {@code createType} is the literal value of {@code create_type=} (null when absent).
 * {@code postgresqlDialect} is true for {@code postgresql.ENUM}/{@code ENUM} from the dialect, whose
 * create_type is honoured by every SQLAlchemy version; false for the generic {@code sa.Enum}, whose
 * create_type is ignored before SQLAlchemy 2.1. {@code nativeEnum} is false for
 * {@code native_enum=False} (no type is created at all). {@code span} covers the Enum call.
 * {@code createTypeArg} covers the {@code create_type=...} argument (null when absent). {@code check} says
 * whether the Enum makes a CHECK constraint of its name on the column's table ({@link Check}).
 */
public record EnumTypeRef(String name, List<String> labels, Boolean createType, boolean postgresqlDialect,
        boolean nativeEnum, Span span, Span createTypeArg, Check check) {
    /**
     * The CHECK constraint a non-native Enum ({@code native_enum=False}, or a value not read) makes on the
     * column's table in {@code create_table}, {@code add_column} and {@code alter_column(type_=...)}:
     * {@code create_constraint=True} always makes it; without the argument it is made before SQLAlchemy
     * 1.4 and not from 1.4 on, so it is unknown; {@code create_constraint=False} and a native Enum
     * (PostgreSQL and MySQL have native enums) make none.
     */
    public enum Check {
        NONE, MADE, UNKNOWN
    }

    /** Whether {@code create_table} emits CREATE TYPE for it: a native enum, no {@code create_type=False} honoured. */
    public boolean createdWithTable(Settings s) {
        return nativeEnum
                && !(Boolean.FALSE.equals(createType) && (postgresqlDialect || s.genericEnumCreateTypeHonoured()));
    }
}
