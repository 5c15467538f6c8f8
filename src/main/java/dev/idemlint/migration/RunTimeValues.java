package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import java.util.ArrayDeque;
import java.util.Set;

/**
 * Whether a Python value is made when the migration runs, so that a re-run inserts a different one:
 * a call to a generator of fresh values ({@code uuid.uuid4()}, {@code datetime.utcnow()},
 * {@code func.now()}, {@code func.gen_random_uuid()}), or a value read from the database
 * ({@code conn.execute(...).scalar()}), anywhere inside the expression ({@code str(uuid4())},
 * {@code max_id + 1}). A name is followed to what it is bound to; a name bound to nothing we can
 * see (a parameter, a loop variable) is not made at run time: a loop over constants inserts the same
 * keys again.
 */
public final class RunTimeValues {
    /** Functions that return a new value on every call (Python's and SQL's, through {@code func.}). */
    static final Set<String> FRESH = Set.of("uuid1", "uuid4", "uuid6", "uuid7", "uuid_generate_v1",
            "uuid_generate_v1mc", "uuid_generate_v4", "gen_random_uuid", "now", "utcnow", "today", "time", "time_ns",
            "monotonic", "random", "randint", "randrange", "choice", "getrandbits", "token_hex", "token_urlsafe",
            "token_bytes", "urandom", "nextval", "clock_timestamp", "statement_timestamp", "transaction_timestamp",
            "current_timestamp", "localtimestamp", "ulid", "uuid", "nanoid", "ObjectId");
    /** Results read from the database when the migration runs. */
    static final Set<String> READS = Set.of("scalar", "scalar_one", "scalar_one_or_none", "first", "one",
            "one_or_none", "fetchone", "fetchall", "fetchmany", "execute");
    private static final int MAX_NODES = 256;
    private static final int MAX_NAMES = 16;

    private RunTimeValues() {
    }

    /** True when {@code e} is made at run time (see the class comment); false when it repeats or is unknown. */
    static boolean madeAtRunTime(Expr e, Scope scope) {
        if (e == null) {
            return false;
        }
        // an explicit stack bounded in nodes and name look-ups: linear, whatever the nesting
        ArrayDeque<Expr> todo = new ArrayDeque<>();
        todo.push(e);
        int nodes = 0;
        int names = 0;
        while (!todo.isEmpty() && nodes++ < MAX_NODES) {
            Expr cur = todo.pop();
            if (cur instanceof Expr.Name n) {
                Expr bound = scope == null || names++ >= MAX_NAMES ? null : scope.lookup(n.id());
                if (bound != null && bound != cur) {
                    todo.push(bound);
                }
                continue;
            }
            if (cur instanceof Expr.Call c) {
                String last = Names.lastPart(c.func());
                if (last != null && (FRESH.contains(last) || READS.contains(last))) {
                    return true;
                }
            }
            for (int i = 0, n = cur.childCount(); i < n; i++) {
                Expr child = cur.child(i);
                if (child != null) {
                    todo.push(child);
                }
            }
        }
        return false;
    }
}
