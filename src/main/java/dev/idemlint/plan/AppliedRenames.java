package dev.idemlint.plan;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.schema.Presence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the renames a failing revision has left to run are already done on the database. A revision that
 * renames columns of a table and then the table ({@code alter_column("bay", "x", new_column_name="y")},
 * {@code rename_table("bay", "cluster")}) fails on a database an earlier run left it on with "no such
 * table": the old name is gone because the revision itself renamed it, not because the schema is behind
 * the stamp. Each rename is judged where it ends: a column renamed on a table the revision renames later is
 * looked for under the table's last name. Applied when the new name is there and the old one is not.
 */
final class AppliedRenames {

    /** The presence of {@code kind name} (on {@code table} for a column) as the operation places it. */
    @FunctionalInterface
    interface Lookup {
        Presence of(Operation op, ObjectKind kind, String table, String name);
    }

    /** One rename: "table bay to cluster", "column cluster.x to y", and whether it is already done. */
    record Item(String what, Presence applied) {
    }

    private AppliedRenames() {
    }

    /**
     * The renames of {@code ops} from index {@code from} on, each with whether it is applied; null when
     * something else is left to run from there (a statement other than a rename of a table or column, or a
     * rename whose names are dynamic), which the renames alone cannot vouch for.
     */
    static List<Item> of(List<Operation> ops, int from, Lookup lookup) {
        if (from < 0 || from >= ops.size()) {
            return null;
        }
        // the name each table ends with once the later table renames of the revision have run
        Map<String, String> last = new HashMap<>();
        String[] finalTable = new String[ops.size()];
        String[] finalTarget = new String[ops.size()];
        for (int i = ops.size() - 1; i >= from; i--) {
            if (!(ops.get(i) instanceof Operation.Rename r) || r.from() == null || r.to() == null
                    || r.kind() != ObjectKind.TABLE && (r.kind() != ObjectKind.COLUMN || r.table() == null)) {
                return null;
            }
            if (r.kind() == ObjectKind.TABLE) {
                finalTarget[i] = last.getOrDefault(r.to(), r.to());
                last.put(r.from(), finalTarget[i]);
            } else {
                finalTable[i] = last.getOrDefault(r.table(), r.table());
            }
        }
        List<Item> out = new ArrayList<>();
        for (int i = from; i < ops.size(); i++) {
            Operation.Rename r = (Operation.Rename) ops.get(i);
            if (r.kind() == ObjectKind.TABLE) {
                out.add(new Item("table " + r.from() + " to " + r.to(), applied(
                        lookup.of(r, ObjectKind.TABLE, null, finalTarget[i]),
                        lookup.of(r, ObjectKind.TABLE, null, r.from()))));
            } else {
                // on the table's last name, or, when the table renames after it have not run, on its name here
                String table = finalTable[i];
                Presence done = applied(lookup.of(r, ObjectKind.COLUMN, table, r.to()),
                        lookup.of(r, ObjectKind.COLUMN, table, r.from()));
                if (done == Presence.UNKNOWN && !table.equals(r.table())
                        && lookup.of(r, ObjectKind.TABLE, null, table) == Presence.ABSENT) {
                    table = r.table();
                    done = applied(lookup.of(r, ObjectKind.COLUMN, table, r.to()),
                            lookup.of(r, ObjectKind.COLUMN, table, r.from()));
                }
                out.add(new Item("column " + String.join(".", table, r.from()) + " to " + r.to(), done));
            }
        }
        return out;
    }

    private static Presence applied(Presence target, Presence source) {
        if (target == Presence.PRESENT && source == Presence.ABSENT) {
            return Presence.PRESENT;
        }
        return source == Presence.PRESENT && target == Presence.ABSENT ? Presence.ABSENT : Presence.UNKNOWN;
    }
}
