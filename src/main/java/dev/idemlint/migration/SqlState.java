package dev.idemlint.migration;

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
    INVALID_PARAMETER_VALUE("22023", "InvalidParameterValue"),
    OBJECT_NOT_IN_PREREQUISITE_STATE("55000", "ObjectNotInPrerequisiteState"),
    IN_FAILED_SQL_TRANSACTION("25P02", "InFailedSqlTransaction"),
    ACTIVE_SQL_TRANSACTION("25001", "ActiveSqlTransaction");

    private final String code;
    private final String pythonName;
    private final String label;

    SqlState(String code, String pythonName) {
        this.code = code;
        this.pythonName = pythonName;
        this.label = pythonName + " (" + code + ")";
    }

    public String code() {
        return code;
    }

    /** "DuplicateColumn (42701)". */
    public String label() {
        return label; // once per state: every finding's message names one
    }

    /** The condition name used in PL/pgSQL EXCEPTION clauses: duplicate_object. */
    public String condition() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
