package dev.idemlint.rules.idempotency;

import dev.idemlint.discovery.EnvTimeouts;
import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import java.util.List;

/** Flags {@code op.get_bind().commit()} in a revision whose version stamp env.py then never commits. */
public final class RevisionNeverStamped implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        Settings s = ctx.settings();
        EnvTimeouts env = s.envTimeouts();
        if (!ctx.facts().knowsStampAfterBindCommit()) {
            return;
        }
        // an env.py not read, or one that commits or runs in AUTOCOMMIT, may commit the stamp; SQLAlchemy before
        // 2.0 has no Connection.commit() (the call raises AttributeError)
        if (!env.read() || env.commit() != null || s.envMayAutocommit()
                || !s.sqlalchemy().isLatest() && !s.sqlalchemy().atLeast("2.0")) {
            return;
        }
        List<Operation> up = m.upgrade();
        for (int i = 0; i < up.size(); i++) {
            if (up.get(i) instanceof Operation.Benign b && Operation.Benign.BIND_COMMIT.equals(b.what())
                    && b.site().definite() && !insideAutocommitBlock(b)) {
                report(m, b, env, ctx);
                return;
            }
        }
    }

    /**
     * Inside {@code autocommit_block()} the commit ends the block's own transaction, not the one env.py began. After
     * {@code op.execute("COMMIT")} it still ends that one: psycopg2 commits the SQL, but SQLAlchemy's transaction
     * stays open until the connection commits it.
     */
    private static boolean insideAutocommitBlock(Operation op) {
        return op.site().autocommit() && !op.site().afterCommit();
    }

    private static void report(Migration m, Operation op, EnvTimeouts env, RuleContext ctx) {
        String where = env.env() == null ? "env.py" : env.env();
        ctx.report(m.source(), op.site(), "This commit ends the transaction env.py began, so Alembic's version stamp"
                + " after upgrade() is rolled back and every later upgrade runs this revision again.")
                .help("On SQLAlchemy 2.x `Connection.commit()` commits the transaction `context.begin_transaction()`"
                        + " began; what runs after it, the `UPDATE alembic_version` Alembic issues when upgrade()"
                        + " returns included, runs in a transaction the connection begins on its own, which "
                        + where + " never commits: closing the connection rolls it back. Remove the commit:"
                        + " `with op.get_context().autocommit_block():` commits what came before it by itself and"
                        + " begins a new transaction after it, which the stamp joins.")
                .emit();
    }
}
