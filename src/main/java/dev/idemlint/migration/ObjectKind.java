package dev.idemlint.migration;

/**
 * Kinds of database objects an operation creates, drops or renames: every kind PostgreSQL has a
 * {@code CREATE} for. {@link PostgresFacts} says what each raises or tolerates.
 */
public enum ObjectKind {
    TABLE("table"), COLUMN("column"), INDEX("index"), CONSTRAINT("constraint"), TYPE("type"),
    DOMAIN("domain"), SEQUENCE("sequence"), SCHEMA("schema"), EXTENSION("extension"), VIEW("view"),
    MATERIALIZED_VIEW("materialized view"), FUNCTION("function"), PROCEDURE("procedure"),
    TRIGGER("trigger"), POLICY("policy"), RULE("rule"), ROLE("role"), COLLATION("collation"),
    AGGREGATE("aggregate"), OPERATOR("operator"), STATISTICS("statistics"), PUBLICATION("publication"),
    SUBSCRIPTION("subscription"), EVENT_TRIGGER("event trigger"), CAST("cast"), CONVERSION("conversion"),
    LANGUAGE("language"), TEXT_SEARCH_CONFIGURATION("text search configuration"),
    TEXT_SEARCH_DICTIONARY("text search dictionary"), TEXT_SEARCH_PARSER("text search parser"),
    TEXT_SEARCH_TEMPLATE("text search template"), FOREIGN_TABLE("foreign table"), SERVER("server"),
    FOREIGN_DATA_WRAPPER("foreign data wrapper"), USER_MAPPING("user mapping"), OPERATOR_CLASS("operator class"),
    OPERATOR_FAMILY("operator family"), ACCESS_METHOD("access method"), TRANSFORM("transform"),
    DATABASE("database"), OTHER("object");

    private final String sql;

    ObjectKind(String sql) {
        this.sql = sql;
    }

    /** The lower-case SQL noun: "materialized view". */
    public String sql() {
        return sql;
    }
}
