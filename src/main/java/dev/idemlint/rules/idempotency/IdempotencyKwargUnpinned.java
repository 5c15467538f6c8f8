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
            String call;
            String kwarg;
            String pin;
            ServerFacts.Raised state;
            String what;
            String gone;
            if (op instanceof Operation.CreateIndex ix && ix.ifNotExists() && ix.name() != null
                    && !GuardMatch.createGuarded(m, op)) {
                call = "create_index";
                kwarg = "if_not_exists";
                pin = s.indexIfExistsUnpinned();
                state = facts.duplicate(ObjectKind.INDEX, null);
                what = RerunScenario.describe(ObjectKind.INDEX, ix.name(), null);
                gone = " already exists";
            } else if (op instanceof Operation.CreateTable t && t.ifNotExists() && t.table() != null
                    && !GuardMatch.createGuarded(m, op)) {
                call = "create_table";
                kwarg = "if_not_exists";
                pin = s.tableIfExistsUnpinned();
                state = facts.duplicate(ObjectKind.TABLE, null);
                what = RerunScenario.describe(ObjectKind.TABLE, t.table(), null);
                gone = " already exists";
            } else if (op instanceof Operation.Drop d && d.ifExists() && d.name() != null
                    && (d.kind() == ObjectKind.INDEX || d.kind() == ObjectKind.TABLE) && !GuardMatch.dropGuarded(m, op)) {
                boolean index = d.kind() == ObjectKind.INDEX;
                call = index ? "drop_index" : "drop_table";
                kwarg = "if_exists";
                pin = index ? s.indexIfExistsUnpinned() : s.tableIfExistsUnpinned();
                state = facts.dropMissing(d.kind());
                what = RerunScenario.describe(d.kind(), d.name(), null);
                gone = " is already gone";
            } else {
                continue;
            }
            if (pin == null || facts.tolerates(op.site(), state)) {
                continue;
            }
            boolean table = op instanceof Operation.CreateTable || op instanceof Operation.Drop d && d.kind() == ObjectKind.TABLE;
            String since = table ? "An Alembic older than 1.13.3"
                    : s.alembic().isLatest() ? "An Alembic older than 1.11.2 (1.13 with SQLAlchemy 1.x)"
                    : "Alembic " + s.alembic() + " with SQLAlchemy 1.x";
            ctx.report(m.source(), op.site(), "Re-running fails with " + state.label() + " where an unpinned Alembic"
                    + " ignores `" + kwarg + "=True`: " + what + gone + ".")
                    .help(facts.rerunWhy(op.site(), state) + since + " ignores `" + kwarg + "=True` on `" + call
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
}
