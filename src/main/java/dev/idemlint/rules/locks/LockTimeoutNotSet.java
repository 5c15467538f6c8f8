package dev.idemlint.rules.locks;

import dev.idemlint.discovery.EnvTimeouts;
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
import java.util.List;

/** Flags the first statement of a revision that waits for a blocking lock on an existing table with no lock_timeout. */
public final class LockTimeoutNotSet implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        Settings s = ctx.settings();
        if (s.envTimeouts().mayBoundLockWaits()) {
            return;
        }
        for (Migration m : LockedTable.reported(ctx)) {
            SchemaTimeline t = ctx.timeline();
            List<Operation> up = m.upgrade();
            for (int i = 0; i < up.size(); i++) {
                StatementLocks.TableLock lock = ctx.facts().tableLock(up.get(i));
                if (lock == null || !lock.mode(s.postgresMajor()).blocksWrites()
                        || !new LockedTable.At(t, m, i, up.get(i), s).existing(lock.table())) {
                    continue;
                }
                if (!RevisionStart.lockTimeoutSet(m, i)) {
                    report(m, up.get(i), lock, s, ctx);
                    break;
                }
            }
        }
    }

    private static void report(Migration m, Operation op, StatementLocks.TableLock lock, Settings s, RuleContext ctx) {
        PostgresLocks.Mode mode = lock.mode(s.postgresMajor());
        EnvTimeouts env = s.envTimeouts();
        String where = env.env() == null ? "env.py (beside the versions folder)" : env.env();
        String statement = env.statementTimeout() == null ? ""
                : " The `statement_timeout` set at " + env.statementTimeout() + " bounds the wait only by the whole"
                + " statement's time, which must be long enough for the slowest migration.";
        ctx.report(m.source(), op.site(), "This statement waits for " + (mode.sql().startsWith("A") || mode.sql().startsWith("E") ? "an " : "a ")
                + mode.sql() + " lock on \"" + lock.table()
                + "\" with no lock_timeout, and while it waits behind a running query every "
                + (mode.blocksReads() ? "read and write" : "write") + " of \"" + lock.table() + "\" queues behind it.")
                .help("\"" + lock.table() + "\" existed before this revision, and neither "
                        + (env.env() == null ? "env.py" : env.env()) + " nor the"
                        + " revision sets `lock_timeout` before this statement. Set it for every"
                        + " migration in " + where + ": in `run_migrations_online`, run"
                        + " `connection.execute(sa.text(\"SET lock_timeout = '5s'\"))` before `context.configure(...)`"
                        + " (or pass `connect_args={\"options\": \"-c lock_timeout=5s\"}` to the engine), or at the"
                        + " start of this revision `op.execute(\"SET lock_timeout = '5s'\")`. A statement that cannot"
                        + " get its lock in time then fails with SQLSTATE 55P03 and the deploy can be retried, instead"
                        + " of stopping the application until the query ahead of it ends." + statement)
                .emit();
    }
}
