package dev.idemlint.migration;

import java.util.Locale;

/** PostgreSQL errors a re-run hits, with the psycopg2 class name users see in their logs. */
public enum SqlState {
    DUPLICATE_COLUMN("42701", "DuplicateColumn"),
    DUPLICATE_TABLE("42P07", "DuplicateTable"),
    DUPLICATE_OBJECT("42710", "DuplicateObject"),
    DUPLICATE_SCHEMA("42P06", "DuplicateSchema"),
    DUPLICATE_FUNCTION("42723", "DuplicateFunction"),
    DUPLICATE_DATABASE("42P04", "DuplicateDatabase"),
    INVALID_TABLE_DEFINITION("42P16", "InvalidTableDefinition"),
    UNDEFINED_COLUMN("42703", "UndefinedColumn"),
    UNDEFINED_TABLE("42P01", "UndefinedTable"),
    UNDEFINED_OBJECT("42704", "UndefinedObject"),
    UNDEFINED_FUNCTION("42883", "UndefinedFunction"),
    WRONG_OBJECT_TYPE("42809", "WrongObjectType"),
    INVALID_SCHEMA_NAME("3F000", "InvalidSchemaName"),
    INVALID_CATALOG_NAME("3D000", "InvalidCatalogName"),
    SYNTAX_ERROR("42601", "SyntaxError"),
    UNIQUE_VIOLATION("23505", "UniqueViolation"),
    DEPENDENT_OBJECTS_STILL_EXIST("2BP01", "DependentObjectsStillExist"),
    NOT_NULL_VIOLATION("23502", "NotNullViolation"),
    CANNOT_COERCE("42846", "CannotCoerce"),
    INVALID_PARAMETER_VALUE("22023", "InvalidParameterValue"),
    INVALID_TEXT_REPRESENTATION("22P02", "InvalidTextRepresentation"),
    OBJECT_NOT_IN_PREREQUISITE_STATE("55000", "ObjectNotInPrerequisiteState"),
    IN_FAILED_SQL_TRANSACTION("25P02", "InFailedSqlTransaction"),
    ACTIVE_SQL_TRANSACTION("25001", "ActiveSqlTransaction");

    private final String code;
    private final String label;

    SqlState(String code, String pythonName) {
        this.code = code;
        this.label = pythonName + " (" + code + ")";
    }

    public String code() {
        return code;
    }

    /** "DuplicateColumn (42701)". */
    public String label() {
        return label; // once per state: every finding's message names one
    }

    /**
     * The DB-API class psycopg (2 and 3) raises this state as, named as {@link ExceptClauses} names what an
     * except clause catches: class 23 an {@code integrity_error}; classes 20, 21, 3D, 3F, 42 and 44 a
     * {@code programming_error}; 08, 26-28, 34, 40, 5x and HV an {@code operational_error}; 22 a
     * {@code data_error}; 0A a {@code not_supported_error}; the others (24, 25, 2B, 2D, 2F, 38, 39, 3B, F0, P0,
     * XX) an {@code internal_error}.
     */
    public String dbapiClass() {
        String c = code.substring(0, 2);
        return switch (c) {
            case "23" -> "integrity_error";
            case "20", "21", "3D", "3F", "42", "44" -> "programming_error";
            case "08", "26", "27", "28", "34", "40", "53", "54", "55", "57", "58", "HV" -> "operational_error";
            case "22" -> "data_error";
            case "0A" -> "not_supported_error";
            default -> "internal_error";
        };
    }

    /** The condition name used in PL/pgSQL EXCEPTION clauses: duplicate_object. */
    public String condition() {
        return name().toLowerCase(Locale.ROOT);
    }
}
