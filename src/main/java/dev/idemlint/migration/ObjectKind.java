package dev.idemlint.migration;

/** Kinds of database objects an operation creates, drops or renames. */
public enum ObjectKind {
    TABLE("table"), COLUMN("column"), INDEX("index"), CONSTRAINT("constraint"), TYPE("type"),
    DOMAIN("domain"), SEQUENCE("sequence"), SCHEMA("schema"), EXTENSION("extension"), VIEW("view"),
    MATERIALIZED_VIEW("materialized view"), FUNCTION("function"), PROCEDURE("procedure"),
    TRIGGER("trigger"), POLICY("policy"), RULE("rule"), ROLE("role"), COLLATION("collation"),
    AGGREGATE("aggregate"), OPERATOR("operator"), OTHER("object");

    private final String sql;

    ObjectKind(String sql) {
        this.sql = sql;
    }

    /** The lower-case SQL noun: "materialized view". */
    public String sql() {
        return sql;
    }
}
