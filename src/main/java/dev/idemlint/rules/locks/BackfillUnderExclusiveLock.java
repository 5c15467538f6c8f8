package dev.idemlint.rules.locks;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.migration.StatementLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.schema.CommittedRerun;
import dev.idemlint.schema.RevisionStart;
import dev.idemlint.schema.SchemaTimeline;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Flags a data statement on a table that existed before the revision, after its transaction locked it ACCESS EXCLUSIVE. */
public final class BackfillUnderExclusiveLock implements ProjectRule {
    /** The data statements that write rows: each reads and writes every row it matches while the lock is held. */
    private static final Set<String> WRITES = Set.of("UPDATE", "DELETE", "INSERT");

    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        for (Migration m : LockedTable.reported(ctx)) {
            check(ctx.timeline(), m, ctx.settings(), ctx);
        }
    }

    private static void check(SchemaTimeline t, Migration m, Settings s, RuleContext ctx) {
        List<Operation> up = m.upgrade();
        CommittedRerun reads = null;
        // per transaction: the statement that first locked each existing table ACCESS EXCLUSIVE, by lower-case
        // name; every later write of the table in that transaction runs under the lock
        Map<Integer, Map<String, Operation>> locked = new HashMap<>();
        int[] transactions = RevisionStart.transactions(m);
        for (int i = 0; i < up.size(); i++) {
            Operation op = up.get(i);
            int tx = transactions[i];
            if (tx == RevisionStart.NO_TRANSACTION) {
                continue;
            }
            Map<String, Operation> held = locked.computeIfAbsent(tx, k -> new HashMap<>());
            if (!held.isEmpty() && writesRows(op)) {
                if (reads == null) {
                    reads = ctx.dataReads(m);
                }
                for (Map.Entry<String, Operation> e : held.entrySet()) {
                    if (writes(op, e.getKey(), reads)) {
                        report(m, op, e.getValue(), ctx);
                        break;
                    }
                }
                continue;
            }
            StatementLocks.TableLock lock = ctx.facts().tableLock(op);
            if (lock != null && lock.mode(s.postgresMajor()) == PostgresLocks.Mode.ACCESS_EXCLUSIVE
                    && new LockedTable.At(t, m, i, op, s).existing(lock.table())) {
                held.putIfAbsent(lock.table().toLowerCase(Locale.ROOT), op);
            }
        }
    }

    /** An {@code INSERT} (a {@code bulk_insert} too), {@code UPDATE} or {@code DELETE}. */
    private static boolean writesRows(Operation op) {
        return op instanceof Operation.Insert
                || op instanceof Operation.Benign b && b.what() != null && WRITES.contains(b.what().toUpperCase(Locale.ROOT));
    }

    private static boolean writes(Operation op, String table, CommittedRerun reads) {
        if (op instanceof Operation.Insert i) {
            return i.table() != null && i.table().toLowerCase(Locale.ROOT).equals(table);
        }
        return reads.opens(op, table);
    }

    private static void report(Migration m, Operation op, Operation lockedBy, RuleContext ctx) {
        String table = ctx.facts().tableLock(lockedBy).table();
        int line = lockedBy.site().span() == null ? -1 : m.source().lines().line(lockedBy.site().span().start());
        ctx.report(m.source(), op.site(), "This statement writes rows of \"" + table + "\" while its transaction holds"
                + " the ACCESS EXCLUSIVE lock " + (line > 0 ? "taken at line " + line : "an earlier statement took")
                + ": every read and write of it waits until the commit.")
                .help("\"" + table + "\" existed before this revision, and PostgreSQL keeps a table lock until the"
                        + " transaction ends, so the application stops for as long as the backfill runs. Commit"
                        + " the schema change first: put the backfill after it in"
                        + " `with op.get_context().autocommit_block():` (or in a revision of its own with"
                        + " `transaction_per_migration=True`), in batches on a large table.")
                .emit();
    }
}
