package dev.idemlint.rules.idempotency;

import dev.idemlint.fix.Fix;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.GoneTable;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.fix.SqlRewriter;
import dev.idemlint.schema.Conflict;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.RerunSimulation;
import dev.idemlint.source.SourceFile;
import java.util.List;

/** Flags the first statement on a column's identity that fails when the revision runs again. */
public final class ColumnIdentityNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        if (!ctx.facts().identityColumns()
                || m.upgrade().stream().noneMatch(op -> op instanceof Operation.ColumnIdentity)) {
            return; // identity columns and these statements are PostgreSQL's
        }
        for (Operation op : m.upgrade()) {
            if (op instanceof Operation.ColumnIdentity) {
                GoneTable.reported(m, ctx, op, null);
            }
        }
        // the first failure that trips on a column's identity (the other re-run rules report the rest): the
        // re-run stops there, so the identity statements after it are never reached
        ctx.rerunAnswers(m).conflicts().stream()
                .filter(f -> f.conflict().about() == Conflict.About.IDENTITY
                        || f.conflict().about() == Conflict.About.DEFAULT
                        || f.conflict().about() == Conflict.About.IDENTITY_SEQUENCE)
                .findFirst()
                .ifPresent(f -> report(m, f, ctx));
    }

    private static void report(Migration m, RerunSimulation.Failure f, RuleContext ctx) {
        Operation op = f.op();
        Conflict c = f.conflict();
        ObjectRef o = c.object();
        String column = op instanceof Operation.ColumnIdentity ci
                ? RerunScenario.describe(ObjectKind.COLUMN, ci.column(), ci.table())
                : RerunScenario.describe(o.kind(), o.name().name(), o.table() == null ? null : o.table().name());
        String because = switch (c.about()) {
            case IDENTITY -> column + (c.alreadyThere() ? " is already an identity column"
                    : " is no longer an identity column");
            case DEFAULT -> column + " already has a default";
            default -> column + " now belongs to an identity column, which needs it";
        };
        boolean dropped = c.about() == Conflict.About.IDENTITY && !c.alreadyThere();
        ctx.report(m.source(), op.site(), "Re-running this revision fails with " + RerunScenario.failure(c.sqlState(), op.site())
                + " because " + because + RerunScenario.end(op.site()))
                .help(RerunScenario.why(op.site(), c.sqlState()) + (dropped
                        ? "Write `DROP IDENTITY IF EXISTS`: PostgreSQL skips it on a column that is no identity column."
                        : "PostgreSQL has no `IF NOT EXISTS` for `ADD GENERATED ... AS IDENTITY` and refuses `DROP DEFAULT` on an identity column: run the column's change only"
                        + " while it is not an identity column yet (`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM"
                        + " information_schema.columns WHERE table_name = ... AND column_name = ... AND"
                        + " is_identity = 'YES') THEN ...; END IF; END $$`), or guard it with the inspector."))
                .fix(dropped && op instanceof Operation.ColumnIdentity ci ? ifExists(ci, m.source()) : null)
                .emit();
    }

    /**
     * {@code DROP IDENTITY} becomes {@code DROP IDENTITY IF EXISTS}: SAFE, it only tolerates an identity
     * already dropped, so the schema it leaves is the same.
     */
    private static Fix ifExists(Operation.ColumnIdentity ci, SourceFile file) {
        SqlRewriter r = SqlRewriter.of(ci.site(), file);
        if (r == null || ci.column() == null) {
            return null;
        }
        List<SqlRewriter.Token> tokens = r.tokens();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (r.at(i, "DROP", "IDENTITY") && !r.at(i + 2, "IF") && ci.column().equals(tokens.get(i - 1).identifier())) {
                return r.insertAfter(i + 1, r.cased("IF EXISTS"), "Add `IF EXISTS`");
            }
        }
        return null;
    }
}
