package dev.idemlint.schema;

import dev.idemlint.migration.SqlState;

/**
 * A statement that fails on the state it meets: the object it trips on, the SQLSTATE PostgreSQL raises
 * (from {@link dev.idemlint.migration.PostgresFacts}), and whether the object is there when it should
 * not be ({@code alreadyThere}) or missing.
 */
public record Conflict(ObjectRef object, SqlState sqlState, boolean alreadyThere) {
    /** "column players.custom_notes already exists". */
    public String reason() {
        return object.describe() + (alreadyThere ? " already exists" : " does not exist");
    }
}
