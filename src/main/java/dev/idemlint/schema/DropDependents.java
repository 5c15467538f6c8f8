package dev.idemlint.schema;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import java.util.Optional;

/**
 * What surely refuses a {@code DROP TABLE} without {@code CASCADE} on its revision's first run, asked of the state
 * the timeline's walk reaches there ({@link SchemaState#surelyDependent}): a foreign key of another table, or a
 * default copied by {@code LIKE ... INCLUDING DEFAULTS} that takes values from a sequence the table owns.
 */
public final class DropDependents {
    private DropDependents() {
    }

    /**
     * The dependent that surely makes operation {@code index} of {@code m}, the drop {@code d}, fail on the first
     * run; empty for another drop, a drop with {@code CASCADE}, a name not read, a revision whose path the tree does
     * not hold whole, or where nothing surely depends on the table.
     */
    public static Optional<SchemaState.Dependent> of(SchemaTimeline t, Migration m, int index, Operation.Drop d) {
        if (d.kind() != ObjectKind.TABLE || d.cascade() || d.name() == null || !t.complete(m)) {
            return Optional.empty();
        }
        ObjectRef table = SchemaTimeline.norm(Effects.ref(d, ObjectKind.TABLE, d.table(), d.name()));
        if (table == null) {
            return Optional.empty();
        }
        SchemaState state = t.before(m, index);
        return state == null ? Optional.empty() : state.surelyDependent(table);
    }
}
