package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.SqlState;

/**
 * Flags raw {@code CREATE SEQUENCE/SCHEMA/EXTENSION/VIEW/MATERIALIZED VIEW/FUNCTION/TRIGGER/POLICY...}
 * written without {@code IF NOT EXISTS} or {@code OR REPLACE}.
 */
public final class CreateStatementNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        for (Operation op : m.upgrade()) {
            if (!(op instanceof Operation.CreateObject c) || op.site().createGuarded() || c.ifNotExists() || c.orReplace()
                    || c.kind() == ObjectKind.TYPE || c.kind() == ObjectKind.DOMAIN || c.kind() == ObjectKind.OTHER) {
                continue;
            }
            String what = RerunScenario.describe(c.kind(), c.name(), c.table());
            ctx.report(m.source(), op.site().span(), "Re-running this revision fails with " + state(c.kind()).label()
                    + " because " + what + " already exists, " + RerunScenario.when(op.site()) + ".")
                    .help(remedy(c.kind(), ctx.settings().postgresMajor())).emit();
        }
    }

    static SqlState state(ObjectKind kind) {
        switch (kind) {
            case SEQUENCE:
            case VIEW:
            case MATERIALIZED_VIEW:
            case TABLE:
            case INDEX:
                return SqlState.DUPLICATE_TABLE;
            case SCHEMA:
                return SqlState.DUPLICATE_SCHEMA;
            case FUNCTION:
            case PROCEDURE:
            case AGGREGATE:
            case OPERATOR:
                return SqlState.DUPLICATE_FUNCTION;
            default:
                return SqlState.DUPLICATE_OBJECT;
        }
    }

    static String remedy(ObjectKind kind, int pgMajor) {
        String doBlock = "wrap it in `DO $$ BEGIN ...; EXCEPTION WHEN " + state(kind).condition()
                + " THEN null; END $$`";
        switch (kind) {
            case SEQUENCE:
            case SCHEMA:
            case EXTENSION:
            case MATERIALIZED_VIEW:
            case COLLATION:
                return "Write `CREATE " + kind.sql().toUpperCase(java.util.Locale.ROOT) + " IF NOT EXISTS`.";
            case VIEW:
            case FUNCTION:
            case PROCEDURE:
            case RULE:
                return "Write `CREATE OR REPLACE " + kind.sql().toUpperCase(java.util.Locale.ROOT) + "`.";
            case AGGREGATE:
                return pgMajor >= 12 ? "Write `CREATE OR REPLACE AGGREGATE` (PostgreSQL 12+)." : "PostgreSQL "
                        + pgMajor + " has no `OR REPLACE` for aggregates: " + doBlock + ".";
            case TRIGGER:
                return pgMajor >= 14
                        ? "Write `CREATE OR REPLACE TRIGGER` (PostgreSQL 14+), or `DROP TRIGGER IF EXISTS` first."
                        : "PostgreSQL " + pgMajor + " has no `CREATE OR REPLACE TRIGGER` (it arrived in 14): write"
                                + " `DROP TRIGGER IF EXISTS ... ON ...;` before it, or " + doBlock + ".";
            case POLICY:
                return "PostgreSQL has no `CREATE POLICY IF NOT EXISTS`: write `DROP POLICY IF EXISTS ... ON ...;`"
                        + " before it, or " + doBlock + ".";
            default:
                return "PostgreSQL has no `IF NOT EXISTS` here: " + doBlock + ".";
        }
    }
}
