package dev.idemlint.plan;

import dev.idemlint.migration.SqlState;
import dev.idemlint.schema.ObjectRef;

/** What one operation does to the walk: it runs, it fails, or the walk cannot tell. */
sealed interface Outcome {

    Ok OK = new Ok();

    /** It runs (or is skipped) and the walk knows the result. */
    record Ok() implements Outcome {
    }

    /** It fails: {@code sqlstate} (null for a Python error), what is wrong, the object named. */
    record Fails(String sqlstate, String label, String reason, ObjectRef object, boolean alreadyThere)
            implements Outcome {
        Fails(SqlState s, String reason, ObjectRef object, boolean alreadyThere) {
            this(s.code(), s.label(), reason, object, alreadyThere);
        }

        /** Fails whatever the schema holds: a syntax error, CONCURRENTLY in a transaction, a TypeError. */
        boolean stateFree() {
            return sqlstate == null || sqlstate.equals(SqlState.SYNTAX_ERROR.code())
                    || sqlstate.equals(SqlState.ACTIVE_SQL_TRANSACTION.code());
        }
    }

    /**
     * The walk cannot tell what it does. {@code creates}/{@code drops}: it may have made or removed
     * objects the walk does not know of.
     */
    record Lost(String reason, boolean creates, boolean drops) implements Outcome {
        Lost(String reason) {
            this(reason, false, false);
        }
    }
}
