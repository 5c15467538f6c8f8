package dev.idemlint.rules.locks;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.migration.StatementLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.schema.RevisionStart;
import dev.idemlint.schema.SchemaTimeline;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Flags a revision transaction that holds ACCESS EXCLUSIVE locks on two or more tables that existed before it. */
public final class ExclusiveLocksHeldTogether implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        Settings s = ctx.settings();
        for (Migration m : LockedTable.reported(ctx)) {
            check(ctx.timeline(), m, s, ctx);
        }
    }

    /** The first statement of each of {@code m}'s transactions that locks a second existing table exclusively. */
    private static void check(SchemaTimeline t, Migration m, Settings s, RuleContext ctx) {
        List<Operation> up = m.upgrade();
        // per transaction: the first exclusively locked table, by its lower-case name; -1 once reported
        Map<Integer, Map<String, Integer>> held = new HashMap<>();
        int[] transactions = RevisionStart.transactions(m);
        for (int i = 0; i < up.size(); i++) {
            int tx = transactions[i];
            StatementLocks.TableLock lock = ctx.facts().tableLock(up.get(i));
            if (tx == RevisionStart.NO_TRANSACTION || lock == null
                    || lock.mode(s.postgresMajor()) != PostgresLocks.Mode.ACCESS_EXCLUSIVE
                    || !new LockedTable.At(t, m, i, up.get(i), s).existing(lock.table())) {
                continue;
            }
            Map<String, Integer> tables = held.computeIfAbsent(tx, k -> new LinkedHashMap<>());
            if (tables.containsKey(null)) {
                continue;
            }
            String key = lock.table().toLowerCase(Locale.ROOT);
            if (tables.isEmpty() || tables.containsKey(key)) {
                tables.putIfAbsent(key, i);
                continue;
            }
            Map.Entry<String, Integer> first = tables.entrySet().iterator().next();
            report(m, up.get(i), lock.table(), up.get(first.getValue()), ctx);
            tables.put(null, i);
        }
    }

    private static void report(Migration m, Operation op, String table, Operation first, RuleContext ctx) {
        String firstTable = ctx.facts().tableLock(first).table();
        int line = first.site().span() == null ? -1 : m.source().lines().line(first.site().span().start());
        ctx.report(m.source(), op.site(), "This statement locks \"" + table + "\" ACCESS EXCLUSIVE while its transaction"
                + " holds \"" + firstTable + "\"" + (line > 0 ? " (line " + line + ")" : "")
                + " ACCESS EXCLUSIVE too: both stop every read and write until the commit.")
                .help("Both tables existed before this revision, and PostgreSQL keeps each table lock until the"
                        + " transaction ends: a request that needs \"" + firstTable + "\" waits for everything the"
                        + " migration does afterwards, and one that holds \"" + table + "\" while it waits for \""
                        + firstTable + "\" deadlocks with the migration. Alembic runs a revision, and by default"
                        + " every pending revision of one `upgrade`, in one transaction: change one table per"
                        + " revision, and set `transaction_per_migration=True` in env.py's `context.configure(...)`"
                        + " so each revision commits (and lets go of its locks) before the next begins.")
                .emit();
    }
}
