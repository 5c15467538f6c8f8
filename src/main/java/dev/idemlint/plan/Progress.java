package dev.idemlint.plan;

import dev.idemlint.migration.Migration;
import dev.idemlint.schema.SchemaState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How far the walk has got: what the advice on a failure depends on besides the state. */
final class Progress {
    /** The revisions the upgrade applies, in order. */
    List<Migration> pending = List.of();
    /** The revision being walked. */
    Migration walking;
    /** The first revision that fails: what follows is planned as if it had been fixed. */
    String firstFailed;
    /** Who created each object during the walk. */
    final Map<SchemaState.Slot, String> createdBy = new HashMap<>();

    /** The pending revisions after the one being walked (none when it is not pending). */
    List<Migration> after() {
        int at = pending.indexOf(walking);
        return at < 0 ? List.of() : pending.subList(at + 1, pending.size());
    }
}
