package dev.idemlint.rules.idempotency;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.schema.GuardMatch;

/**
 * Warns where a re-run relies on an index or table kwarg that an Alembic the project does not rule out ignores,
 * on every server that takes the clause the kwarg renders ({@link Settings#indexIfExistsUnpinned}: MySQL 8.0 has
 * no {@code CREATE INDEX IF NOT EXISTS}, which unsupported-alembic-kwarg reports); the error is the server's.
 */
public final class IdempotencyKwargUnpinned implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        Settings s = ctx.settings();
        ServerFacts facts = ctx.facts();
        for (Operation op : m.upgrade()) {
            Origin o = op.site().origin();
            if (!o.alembicOp()) {
                continue;
            }
            Target k = target(m, op);
            if (k == null) {
                continue;
            }
            boolean table = k.kind() == ObjectKind.TABLE;
            String pin = table ? s.tableIfExistsUnpinned() : s.indexIfExistsUnpinned();
            ServerFacts.Raised state = k.drop() ? facts.dropMissing(k.kind()) : facts.duplicate(k.kind(), null);
            if (pin == null || facts.tolerates(op.site(), state)) {
                continue;
            }
            String kwarg = k.drop() ? "if_exists" : "if_not_exists";
            String what = RerunScenario.describe(k.kind(), k.name(), null)
                    + (k.drop() ? " is already gone" : " already exists");
            String since = table ? "An Alembic older than 1.13.3"
                    : s.alembic().isLatest() ? "An Alembic older than 1.11.2 (1.13 with SQLAlchemy 1.x)"
                    : "Alembic " + s.alembic() + " with SQLAlchemy 1.x";
            ctx.report(m.source(), op.site(), "Re-running fails with " + state.label() + " where an unpinned Alembic"
                    + " ignores `" + kwarg + "=True`: " + what + ".")
                    .help(facts.rerunWhy(op.site(), state) + since + " ignores `" + kwarg + "=True` on `" + k.call()
                            + "` without an error. No pin of the project (requirements, pyproject.toml, a lock"
                            + " file) names its " + (pin.startsWith("SQLAlchemy") ? "SQLAlchemy" : "Alembic")
                            + " version, so idemlint cannot tell whether the keyword works. Pin `" + pin + "`"
                            + (pin.equals("alembic>=1.13") ? " (or `alembic>=1.11.2` with `SQLAlchemy>=2.0`)"
                                    : pin.startsWith("SQLAlchemy") ? " (or `alembic>=1.13`)" : "")
                            + "; a lower bound that admits an older version is no such pin. Or pass"
                            + " `--alembic-version`/`--sqlalchemy-version` when the pin is where idemlint does not"
                            + " look, or guard the call with the inspector, which works on every version.")
                    .emit();
        }
    }

    /** An unguarded op call whose re-run rests on its {@code if_not_exists=True} / {@code if_exists=True}. */
    private record Target(String call, ObjectKind kind, String name, boolean drop) {
    }

    /** The call's target when it passes the kwarg, names an index or a table and nothing guards it; else null. */
    private static Target target(Migration m, Operation op) {
        if (op instanceof Operation.CreateIndex ix && ix.ifNotExists() && ix.name() != null) {
            return GuardMatch.guarded(m, op) ? null
                    : new Target("create_index", ObjectKind.INDEX, ix.name(), false);
        }
        if (op instanceof Operation.CreateTable t && t.ifNotExists() && t.table() != null) {
            return GuardMatch.guarded(m, op) ? null
                    : new Target("create_table", ObjectKind.TABLE, t.table(), false);
        }
        if (op instanceof Operation.Drop d && d.ifExists() && d.name() != null
                && (d.kind() == ObjectKind.INDEX || d.kind() == ObjectKind.TABLE) && !GuardMatch.guarded(m, op)) {
            return new Target(d.kind() == ObjectKind.INDEX ? "drop_index" : "drop_table", d.kind(), d.name(), true);
        }
        return null;
    }
}
