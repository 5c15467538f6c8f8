package dev.idemlint.schema;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names each transaction of a revision ({@link RevisionStart#transaction}) brings back: for every object an
 * operation makes or renames something to, and every object one drops or renames away, the last position in each
 * transaction where that happens. Built once per revision, in one pass over its upgrade, so that asking about one
 * operation costs a hash lookup: a rule that asks for each of a revision's thousands of statements stays linear.
 * PostgreSQL's DDL is transactional, so a name taken away and brought back before the transaction commits is never
 * missing for another session.
 */
public final class NamesBroughtBack {
    private record Key(int transaction, ObjectRef object) {
    }

    private final int[] transactions;
    private final Map<Key, Integer> lastIn = new HashMap<>();
    private final Map<Key, Integer> lastOut = new HashMap<>();

    private NamesBroughtBack(int[] transactions) {
        this.transactions = transactions;
    }

    public static NamesBroughtBack of(Migration m) {
        NamesBroughtBack names = new NamesBroughtBack(RevisionStart.transactions(m));
        List<Operation> ops = m.upgrade();
        for (int i = 0; i < ops.size(); i++) {
            int tx = names.transactions[i];
            if (tx == RevisionStart.NO_TRANSACTION) {
                continue;
            }
            for (Effect e : Effects.of(ops.get(i), Effects.Naming.UNKNOWN)) {
                if (e instanceof Effect.Create c) {
                    names.lastIn.put(new Key(tx, SchemaTimeline.norm(c.object())), i);
                } else if (e instanceof Effect.Rename r) {
                    names.lastOut.put(new Key(tx, SchemaTimeline.norm(r.object())), i);
                    names.lastIn.put(new Key(tx, SchemaTimeline.norm(r.target())), i);
                } else if (e instanceof Effect.Drop d) {
                    names.lastOut.put(new Key(tx, SchemaTimeline.norm(d.object())), i);
                }
            }
        }
        return names;
    }

    /**
     * Whether {@code object}, which operation {@code index} takes away, stands again when that operation's
     * transaction commits: a later operation of the same transaction makes it (or renames something to it), and no
     * operation after that one takes it away again. Never for an operation outside any transaction block (an
     * autocommit block, after a {@code COMMIT}), nor for a null object (a dynamic name).
     */
    public boolean back(int index, ObjectRef object) {
        if (object == null || index < 0 || index >= transactions.length
                || transactions[index] == RevisionStart.NO_TRANSACTION) {
            return false;
        }
        Key key = new Key(transactions[index], SchemaTimeline.norm(object));
        Integer in = lastIn.get(key);
        Integer out = lastOut.get(key);
        return in != null && in > index && (out == null || in > out);
    }
}
