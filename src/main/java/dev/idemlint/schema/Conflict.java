package dev.idemlint.schema;

import dev.idemlint.migration.SqlState;

/**
 * A statement that fails on the state it meets: the object it trips on, the SQLSTATE PostgreSQL raises
 * (from {@link dev.idemlint.migration.PostgresFacts}), whether the object (or, with {@code about}, the
 * attribute of it) is there when it should not be ({@code alreadyThere}) or missing, and what of the
 * object the statement trips on.
 */
public record Conflict(ObjectRef object, SqlState sqlState, boolean alreadyThere, About about) {
    /**
     * What trips the statement: the object being there or not ({@code OBJECT}); a column's identity
     * ({@code IDENTITY}); a column's default ({@code DEFAULT}); a sequence an identity column needs
     * ({@code IDENTITY_SEQUENCE}); a serial's sequence its column's default still takes values from
     * ({@code SEQUENCE_IN_USE}); a relation of another kind than the statement takes, there under the name it
     * names ({@code NOT_A_TABLE}: {@code ALTER TABLE ... DROP CONSTRAINT} on a view); a column's type, which the
     * conversion's function takes no form of ({@code TYPE}: {@code ALTER COLUMN ... TYPE ... USING f(c)}); a column
     * of another table whose default, copied by {@code LIKE ... INCLUDING DEFAULTS}, takes values from a sequence the
     * drop takes with it ({@code DEFAULT_USES_SEQUENCE}).
     */
    public enum About { OBJECT, IDENTITY, DEFAULT, IDENTITY_SEQUENCE, SEQUENCE_IN_USE, NOT_A_TABLE, TYPE,
        DEFAULT_USES_SEQUENCE }

    public Conflict(ObjectRef object, SqlState sqlState, boolean alreadyThere) {
        this(object, sqlState, alreadyThere, About.OBJECT);
    }

    /** "column players.custom_notes already exists". */
    public String reason() {
        String what = object.describe();
        return switch (about) {
            case OBJECT -> what + (alreadyThere ? " already exists" : " does not exist");
            case IDENTITY -> what + (alreadyThere ? " is already an identity column" : " is not an identity column");
            case DEFAULT -> what + " already has a default";
            case IDENTITY_SEQUENCE -> what + " belongs to an identity column, which needs it";
            case SEQUENCE_IN_USE -> what + " is still the default of its serial column";
            case NOT_A_TABLE -> what + " is not a table";
            case TYPE -> what + " already has the new type";
            case DEFAULT_USES_SEQUENCE -> "the default of " + what + " still takes values from its sequence";
        };
    }
}
