package dev.idemlint.migration;

import java.util.Objects;

/**
 * What the statement meets when its revision runs again on the schema it left behind, as the re-run check
 * worked it out from the statements before it: the SQLSTATE PostgreSQL raises there and why ("table
 * \"attach_handles\" has a foreign key to it"). Set only where that differs from what a re-run rule assumes
 * of the statement alone (the object it drops or renames is gone). {@code goneTable}: the name of the table
 * the statement works on, when what it trips on is that table being gone (a later statement of the revision
 * dropped or renamed it: {@link PostgresFacts#tableMissing}); null otherwise. {@code dependent}: the table, on the
 * default schema, whose foreign key keeps the dropped table alive ({@link PostgresFacts#dropWithDependents}); null
 * otherwise.
 */
public record RerunFailure(SqlState state, String reason, String goneTable, String dependent) {
    public RerunFailure {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    public RerunFailure(SqlState state, String reason, String goneTable) {
        this(state, reason, goneTable, null);
    }

    public RerunFailure(SqlState state, String reason) {
        this(state, reason, null, null);
    }
}
