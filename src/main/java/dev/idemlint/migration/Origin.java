package dev.idemlint.migration;

/** How an operation was spelled in the migration; only fixes care. */
public enum Origin {
    /** {@code op.add_column(...)} and friends. */
    OP_CALL,
    /** {@code batch_op.add_column(...)} inside {@code with op.batch_alter_table(...) as batch_op}. */
    BATCH_OP,
    /** A statement inside a SQL string passed to {@code op.execute} / {@code conn.execute} / {@code text()}. */
    RAW_SQL,
    /** {@code postgresql.ENUM(...).create(bind)} and similar SQLAlchemy DDL calls. */
    SQLALCHEMY_DDL,
    /**
     * A SQLAlchemy DDL construct executed as a statement: {@code op.execute(CreateSequence(Sequence("s")))},
     * {@code op.execute(postgresql.CreateEnumType(e))}. It takes no {@code checkfirst}: it runs as written.
     */
    DDL_ELEMENT,
    /**
     * A row the ORM writes through a session on the migration's connection: {@code session.add(Model(...))} then
     * {@code session.flush()} or {@code commit()}, {@code session.bulk_save_objects([...])}, of a declarative class
     * the revision declares. No SQL text to rewrite.
     */
    ORM_SESSION,
    /** A statement-level call of a function the migration does not define (an imported helper): effects unknown. */
    CALL;

    /** An Alembic operation, {@code op.} or {@code batch_op.}: it takes Alembic's keywords ({@code if_exists=}). */
    public boolean alembicOp() {
        return this == OP_CALL || this == BATCH_OP;
    }
}
