package dev.idemlint.rules.idempotency;

import dev.idemlint.fix.Fix;
import dev.idemlint.migration.GuardMatch;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.SqlRewriter;
import dev.idemlint.migration.SqlState;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags raw {@code CREATE SEQUENCE/SCHEMA/EXTENSION/VIEW/MATERIALIZED VIEW/FUNCTION/TRIGGER/POLICY...}
 * written without {@code IF NOT EXISTS} or {@code OR REPLACE}.
 */
public final class CreateStatementNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        for (Operation op : m.upgrade()) {
            if (!(op instanceof Operation.CreateObject c) || GuardMatch.createGuarded(op) || c.ifNotExists() || c.orReplace()
                    || c.kind() == ObjectKind.TYPE || c.kind() == ObjectKind.DOMAIN || c.kind() == ObjectKind.OTHER) {
                continue;
            }
            String what = RerunScenario.describe(c.kind(), c.name(), c.table());
            ctx.report(m.source(), op.site().span(),
                    RerunScenario.alreadyExists(state(c.kind()), what, "", op.site()))
                    .help(c.site().origin() == dev.idemlint.migration.Origin.OP_CALL
                            ? "alembic_utils' `op.create_entity` issues a plain CREATE: use `op.replace_entity(...)`,"
                                    + " which issues CREATE OR REPLACE (views, functions, triggers), or guard the call."
                            : remedy(c.kind(), ctx.settings().postgresMajor()))
                    .fixes(fixes(c, m.source(), ctx.settings().postgresMajor())).emit();
        }
    }

    /**
     * {@code IF NOT EXISTS} where PostgreSQL has it, {@code OR REPLACE} where it has that instead (the
     * statement then defines the object as this revision did, which on a fresh database is the same
     * thing), and a DO block catching the duplicate error for the rest. All SAFE.
     */
    static List<Fix> fixes(Operation.CreateObject c, SourceFile file, int pgMajor) {
        List<Fix> out = new ArrayList<>();
        SqlRewriter r = SqlRewriter.of(c.site(), file);
        if (r == null) {
            return out;
        }
        String condition = state(c.kind()).condition();
        String doTitle = "Wrap in a `DO` block catching `" + condition + "`";
        switch (c.kind()) {
            case SEQUENCE:
            case SCHEMA:
            case EXTENSION:
            case MATERIALIZED_VIEW:
            case COLLATION: {
                int at = r.afterCreateNoun(c.kind().sql(), false);
                // CREATE SCHEMA IF NOT EXISTS may not carry schema elements (CREATE TABLE ... inside it).
                boolean elements = c.kind() == ObjectKind.SCHEMA && r.find(at + 1, "CREATE") >= 0;
                if (at >= 0 && !elements) {
                    out.add(r.insertAfter(at, r.cased("IF NOT EXISTS"), "Add `IF NOT EXISTS`"));
                }
                break;
            }
            case VIEW:
            case FUNCTION:
            case PROCEDURE:
            case RULE:
                out.add(r.insertAfter(0, r.cased("OR REPLACE"), "Add `OR REPLACE`"));
                break;
            case AGGREGATE:
                out.add(pgMajor >= 12 ? r.insertAfter(0, r.cased("OR REPLACE"), "Add `OR REPLACE`")
                        : r.wrapInDoBlock(condition, -1, -1, doTitle));
                break;
            case TRIGGER:
                // OR REPLACE arrived in PostgreSQL 14 and is not allowed for constraint triggers.
                if (pgMajor >= 14 && !r.at(1, "CONSTRAINT")) {
                    out.add(r.insertAfter(0, r.cased("OR REPLACE"), "Add `OR REPLACE`"));
                } else {
                    out.add(r.wrapInDoBlock(condition, -1, -1, doTitle));
                }
                break;
            default:
                out.add(r.wrapInDoBlock(condition, -1, -1, doTitle));
        }
        Fix.dropMissing(out);
        return out;
    }

    public static SqlState state(ObjectKind kind) {
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
