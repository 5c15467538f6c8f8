package dev.idemlint.plan;

import dev.idemlint.migration.Guard;
import dev.idemlint.migration.Guard.Condition;
import dev.idemlint.migration.Guard.Truth;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.SqlState;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.Presence;
import dev.idemlint.schema.SchemaState;

/**
 * Whether an operation runs on the live database: its guard's condition evaluated on the walk's
 * {@link SchemaState} (each object test answered by {@link GuardMatch#eval}), and the guards that fail
 * themselves before the operation.
 */
final class GuardCheck {

    /**
     * RUNS, SKIPS or MAYBE on this database; GUARDED_INSERT: an insert under a check of the rows already
     * there ({@code if count == 0:}), which the lint counts as its guard: it never fails, and its rows may
     * or may not be written.
     */
    enum Run { RUNS, SKIPS, MAYBE, GUARDED_INSERT }

    private final SchemaState state;

    GuardCheck(SchemaState state) {
        this.state = state;
    }

    /**
     * Whether the operation runs on this database: its guard's condition evaluated on the state (each
     * object test answered by the catalog, three-valued), {@link Run#MAYBE} when that is unknown.
     */
    Run run(Operation op, RerunVerdicts verdicts) {
        Guard g = op.site().guard();
        if (g == null || verdicts.settled(op)) {
            // the re-run check settles a statement only under a guard that keeps nothing from running: it runs
            return Run.RUNS;
        }
        switch (g.kind()) {
            case TRY_EXCEPT, WRONG_OBJECT, SAVEPOINT, DO_BLOCK_EXCEPTION:
                if (g.settledTry()) {
                    // a try/except under a condition on configuration runs where that condition holds
                    break;
                }
                return Run.RUNS;
            case DATA_QUERY:
                return op instanceof Operation.Insert ? Run.GUARDED_INSERT : Run.MAYBE;
            case OPAQUE_CONDITION:
                return Run.MAYBE;
            default:
                break;
        }
        Condition c = g.condition();
        if (c == null) {
            return Run.MAYBE;
        }
        if (op instanceof Operation.Insert && c.atoms().isEmpty() && g.description().startsWith("condition on")) {
            // a value read from the database earlier decides whether the rows go in: the lint's row guard
            return Run.GUARDED_INSERT;
        }
        return switch (c.eval(x -> GuardMatch.eval(x, state))) {
            case TRUE -> Run.RUNS;
            case FALSE -> Run.SKIPS;
            case UNKNOWN -> Run.MAYBE;
        };
    }

    /**
     * SQLAlchemy's inspector raises NoSuchTableError when {@code get_columns("t")} and its kin are
     * asked about a table that is not there: the guard itself fails, before the operation. Only when the
     * test certainly reaches that call ({@code has_table("t") and ...} stops before it).
     */
    Outcome.Fails inspectorOnMissingTable(Operation op) {
        Guard g = op.site().guard();
        if (g == null || g.kind() != GuardKind.INSPECTOR || g.condition() == null) {
            return null;
        }
        Condition.Exists[] raising = new Condition.Exists[1];
        boolean[] unsure = new boolean[1];
        g.condition().eval(x -> {
            Truth t = GuardMatch.eval(x, state);
            if (raising[0] == null && !unsure[0] && x.raisesWithoutTable() && x.table() != null) {
                ObjectRef table = tableOf(x);
                if (table != null && state.presence(table) == Presence.ABSENT) {
                    raising[0] = x;
                }
            }
            unsure[0] |= t == Truth.UNKNOWN;
            return t;
        });
        if (raising[0] == null) {
            return null;
        }
        Condition.Exists x = raising[0];
        return new Outcome.Fails(null, "NoSuchTableError", "the guard's inspector lists the " + x.kind().sql()
                + "s of \"" + x.table() + "\" and finds no table " + x.table(), tableOf(x), false);
    }

    private ObjectRef tableOf(Condition.Exists x) {
        return GuardMatch.placed(new Condition.Exists(ObjectKind.TABLE, x.schema(), null, x.table(), false), state);
    }

    /** The condition name a PL/pgSQL handler catches {@code sqlstate} by, or "" when it is not one we know. */
    static String condition(String sqlstate) {
        for (SqlState s : SqlState.values()) {
            if (s.code().equals(sqlstate)) {
                return s.condition();
            }
        }
        return "";
    }
}
