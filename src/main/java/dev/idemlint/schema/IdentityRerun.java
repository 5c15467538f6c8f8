package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Operation.IdentityChange;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.SqlState;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a column is an identity column when a revision runs again on the schema it left behind, and
 * the first identity statement of the revision that then fails. The revision's own statements are
 * applied once to a state where every column's identity is {@link Presence#UNKNOWN}, then again in order:
 * {@code ALTER COLUMN c ADD GENERATED ... AS IDENTITY} left a {@link Presence#PRESENT} identity, so on
 * the re-run {@code DROP DEFAULT} of {@code c} fails with {@code 42601} and the {@code ADD GENERATED}
 * with {@code 55000}. A guarded, conditional or unreadable statement, and anything that drops, renames
 * or creates the column's table or the column itself, makes the column's identity unknown again, and
 * unknown gives no failure.
 */
public final class IdentityRerun {
    private IdentityRerun() {
    }

    /** The statement that fails first and what PostgreSQL raises there. */
    public record Failure(Operation.ColumnIdentity op, SqlState state) {
    }

    /** The first identity statement of {@code upgrade} that fails on the re-run, or null. */
    public static Failure firstFailure(List<Operation> upgrade) {
        Map<List<String>, Presence> state = new HashMap<>();
        for (Operation op : upgrade) {
            apply(state, op);
        }
        for (Operation op : upgrade) {
            if (op instanceof Operation.ColumnIdentity ci && sure(ci)) {
                Presence p = state.getOrDefault(key(ci.table(), ci.column()), Presence.UNKNOWN);
                SqlState fails = switch (ci.change()) {
                    case ADD -> p == Presence.PRESENT ? PostgresFacts.identityAlreadyPresent() : null;
                    case DROP -> p == Presence.ABSENT ? PostgresFacts.identityMissing() : null;
                    case DROP_DEFAULT -> p == Presence.PRESENT ? PostgresFacts.dropDefaultOfIdentity() : null;
                    case DROP_IF_EXISTS -> null;
                };
                if (fails != null) {
                    return new Failure(ci, fails);
                }
            }
            apply(state, op);
        }
        return null;
    }

    private static void apply(Map<List<String>, Presence> state, Operation op) {
        if (op instanceof Operation.ColumnIdentity ci) {
            if (ci.table() == null || ci.column() == null) {
                forgetTable(state, ci.table());
            } else if (!sure(ci)) {
                state.remove(key(ci.table(), ci.column()));
            } else if (ci.change() == IdentityChange.ADD) {
                state.put(key(ci.table(), ci.column()), Presence.PRESENT);
            } else if (ci.change() != IdentityChange.DROP_DEFAULT) {
                state.put(key(ci.table(), ci.column()), Presence.ABSENT);
            }
        } else if (op instanceof Operation.Unknown u) {
            if (u.touches().isEmpty()) {
                state.clear();
            } else {
                state.keySet().removeIf(k -> u.touches().contains(k.get(0)) || u.touches().contains(k.get(1)));
            }
        } else if (op instanceof Operation.CreateTable c) {
            forgetTable(state, c.table());
        } else if (op instanceof Operation.AddColumn c) {
            forgetTable(state, c.table());
        } else if (op instanceof Operation.Drop d && (d.kind() == ObjectKind.TABLE || d.kind() == ObjectKind.COLUMN)) {
            forgetTable(state, d.kind() == ObjectKind.TABLE ? d.name() : d.table());
        } else if (op instanceof Operation.Rename r && (r.kind() == ObjectKind.TABLE || r.kind() == ObjectKind.COLUMN)) {
            forgetTable(state, r.kind() == ObjectKind.TABLE ? r.from() : r.table());
            if (r.kind() == ObjectKind.TABLE) {
                forgetTable(state, r.to());
            }
        }
    }

    /** Everything known of {@code table}'s columns, or of every column when the table is not known. */
    private static void forgetTable(Map<List<String>, Presence> state, String table) {
        if (table == null) {
            state.clear();
        } else {
            String t = table.toLowerCase(Locale.ROOT);
            state.keySet().removeIf(k -> k.get(0).equals(t));
        }
    }

    private static boolean sure(Operation op) {
        return op.site().guard() == null && !op.site().conditional();
    }

    private static List<String> key(String table, String column) {
        return List.of(table.toLowerCase(Locale.ROOT), column == null ? "" : column.toLowerCase(Locale.ROOT));
    }
}
