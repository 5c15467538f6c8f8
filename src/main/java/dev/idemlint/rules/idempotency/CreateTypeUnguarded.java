package dev.idemlint.rules.idempotency;

import dev.idemlint.fix.Fix;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.CallRewriter;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.fix.SqlRewriter;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags {@code CREATE TYPE}/{@code CREATE DOMAIN} and {@code ENUM(...).create(bind)} that are not
 * protected: PostgreSQL has no IF NOT EXISTS for types, so only a DO block or a catalog check helps.
 */
public final class CreateTypeUnguarded implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        if (!ctx.facts().namedTypes()) {
            // MySQL and MariaDB have no named types: an ENUM is part of its column, and SQLAlchemy's
            // Enum.create(bind) emits nothing there, so there is nothing to create twice
            return;
        }
        for (Operation op : m.upgrade()) {
            if (GuardMatch.guarded(m, op)) {
                continue;
            }
            if (op instanceof Operation.CreateEnumType t && !t.checkFirst() && !t.ifNotExists()) {
                String what = RerunScenario.describe(ObjectKind.TYPE, t.name(), null);
                String help = t.site().origin() == Origin.SQLALCHEMY_DDL
                        ? "Pass `checkfirst=True` to `.create(...)`."
                        : t.site().origin() == Origin.DDL_ELEMENT
                        ? "`CreateEnumType` always sends a plain CREATE TYPE: create the type with"
                                + " `.create(op.get_bind(), checkfirst=True)` instead."
                        : "PostgreSQL has no `CREATE TYPE IF NOT EXISTS`: wrap it in `DO $$ BEGIN CREATE TYPE ...;"
                                + " EXCEPTION WHEN " + PostgresFacts.of(ObjectKind.TYPE).condition() + " THEN null; END $$`.";
                report(m, op, ctx, what, help);
            } else if (op instanceof Operation.CreateObject c && !c.ifNotExists() && !c.orReplace()
                    && (c.kind() == ObjectKind.TYPE || c.kind() == ObjectKind.DOMAIN)) {
                String what = RerunScenario.describe(c.kind(), c.name(), null);
                PostgresFacts.Row row = PostgresFacts.of(c.kind());
                report(m, op, ctx, what, "PostgreSQL has no `CREATE " + row.noun() + " IF NOT EXISTS`: wrap it in `DO $$"
                        + " BEGIN ...; EXCEPTION WHEN " + row.condition() + " THEN null; END $$`.");
            }
        }
    }

    private static void report(Migration m, Operation op, RuleContext ctx, String what, String help) {
        ctx.report(m.source(), op.site(),
                RerunScenario.alreadyExists(PostgresFacts.duplicate(ObjectKind.TYPE), what, "", op.site())).help(RerunScenario.why(op.site(), PostgresFacts.duplicate(ObjectKind.TYPE)) + help).fixes(fixes(op, m.source())).emit();
    }

    /**
     * {@code ENUM(...).create(bind)}: {@code checkfirst=True}. Raw SQL: the statement wrapped in a DO
     * block catching {@code duplicate_object}, what a second CREATE TYPE/DOMAIN raises.
     */
    static List<Fix> fixes(Operation op, SourceFile file) {
        OpSite site = op.site();
        List<Fix> out = new ArrayList<>();
        if (site.origin() == Origin.SQLALCHEMY_DDL) {
            out.add(CallRewriter.passTrueFix(file, site, "checkfirst"));
        } else {
            SqlRewriter r = SqlRewriter.of(site, file);
            if (r != null) {
                String condition = PostgresFacts.of(ObjectKind.TYPE).condition(); // a domain is a type too
                out.add(r.wrapInDoBlock(condition, -1, -1, "Wrap in a `DO` block catching `" + condition + "`"));
            }
        }
        Fix.dropMissing(out);
        return out;
    }
}
