package dev.idemlint.migration;

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
 * {@code createTypeArg} covers the {@code create_type=...} argument (null when absent).
 */
public record EnumTypeRef(String name, List<String> labels, Boolean createType, boolean postgresqlDialect,
        boolean nativeEnum, Span span, Span createTypeArg) {
}
