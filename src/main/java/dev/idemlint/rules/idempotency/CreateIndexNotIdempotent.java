package dev.idemlint.rules.idempotency;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.python.Expr;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.CallRewriter;
import dev.idemlint.rules.fix.CreateFixes;
import dev.idemlint.rules.fix.DialectFixes;
import dev.idemlint.rules.GoneTable;
import dev.idemlint.rules.fix.GuardWrapper;
import dev.idemlint.rules.fix.InspectorGuards;
import dev.idemlint.rules.fix.InvalidIndexDrop;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.schema.UnreadNames;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Flags a named {@code create_index} / {@code CREATE INDEX} that fails with DuplicateTable when re-run. */
public final class CreateIndexNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        UnreadNames unread = null;
        for (int at = 0; at < m.upgrade().size(); at++) {
            Operation op = m.upgrade().get(at);
            // An unnamed CREATE INDEX gets a fresh generated name on every run: it never fails.
            if (!(op instanceof Operation.CreateIndex ix) || GuardMatch.guarded(m, op) || ix.name() == null
                    && ix.site().origin() == Origin.RAW_SQL) {
                continue;
            }
            if (ix.name() == null && (unread == null ? unread = new UnreadNames(m.upgrade()) : unread)
                    .mayTakeBefore(at, ObjectKind.INDEX, null)) {
                // a name not read may be the one an earlier statement drops: the re-run makes it again
                continue;
            }
            boolean kwarg = ix.site().origin().alembicOp();
            // `if_not_exists=True` on an Alembic without it fails the first run (unsupported-alembic-kwarg)
            boolean firstRunFails = ix.ifNotExists() && kwarg && !ctx.settings().indexIfExistsSupported();
            if (!firstRunFails && GoneTable.reported(m, ctx, op, kwarg && ix.name() != null
                    ? InspectorGuards.indexGuard(m.source(), ix.site(), ix.name(), ix.table(), false) : null)) {
                continue;
            }
            if (ix.site().origin() == Origin.SQLALCHEMY_DDL && ix.ifNotExists()) {
                continue; // Index.create(bind, checkfirst=True)
            }
            if (ix.ifNotExists() && (!kwarg || ctx.settings().indexIfExistsSupported())) {
                continue;
            }
            if (ix.ifNotExists() && kwarg && !ctx.facts().ifNotExists(ObjectKind.INDEX)
                    && ctx.settings().withDialect(Dialect.POSTGRESQL).indexIfExistsSupported()) {
                continue; // a syntax error on the first run (MySQL 8.0): unsupported-alembic-kwarg reports it.
            }
            ConstraintNames.Name real = ConstraintNames.of(ix, ctx.naming());
            String stored = real instanceof ConstraintNames.Name.Given g ? g.name() : null;
            String what = stored == null && ix.name() == null ? RerunScenario.unreadName(ObjectKind.INDEX, ix.unique(), ix.table())
                    : (ix.unique() ? "unique " : "") + RerunScenario.describe(ObjectKind.INDEX,
                    stored != null ? stored : ix.name(), null);
            ServerFacts facts = ctx.facts();
            ServerFacts.Raised duplicate = facts.duplicate(ObjectKind.INDEX, null);
            if (facts.tolerates(ix.site(), duplicate)) {
                continue;
            }
            String ignored = ix.ifNotExists() ? " (`if_not_exists=True` is ignored)" : "";
            String why = ix.ifNotExists() ? "Alembic " + ctx.settings().alembic() + " with SQLAlchemy "
                    + ctx.settings().sqlalchemy() + " ignores `if_not_exists=True` on create_index. " : "";
            String check = "\"" + RerunScenario.nameOr(ix.name()) + "\" not in {i[\"name\"] for i in"
                    + " sa.inspect(op.get_bind()).get_indexes(\"" + RerunScenario.nameOr(ix.table()) + "\")}";
            boolean clause = facts.ifNotExists(ObjectKind.INDEX);
            String help;
            if (ix.site().origin() == Origin.SQLALCHEMY_DDL) {
                help = "Pass `checkfirst=True` to `.create(...)`.";
            } else if (!kwarg && ix.concurrently() && clause) {
                help = "Write `CREATE INDEX CONCURRENTLY IF NOT EXISTS` (and drop an INVALID leftover index"
                        + " from a failed concurrent build first).";
            } else if (!kwarg) {
                String written = DialectFixes.alterTable(ix.site(), m.source()) ? "ADD INDEX IF NOT EXISTS"
                        : "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS";
                help = DialectFixes.rawSqlHelp(facts, ObjectKind.INDEX, written, check);
            } else if (ctx.settings().indexIfExistsSupported()) {
                help = "Pass `if_not_exists=True` (Alembic 1.13.0+, or 1.11.2+ with SQLAlchemy 2.0).";
            } else {
                help = "Guard the call: `if " + check + ":`" + (clause
                        ? ", or write the index in SQL with `CREATE INDEX IF NOT EXISTS`." : ".");
            }
            List<Fix> fixes = fixes(ix, m.source(), ctx.settings(), facts, stored);
            ctx.report(m.source(), op.site(), facts.alreadyExists(duplicate, what, ignored, op.site()))
                    .help(facts.rerunWhy(op.site(), duplicate) + why + help).fixes(fixes).emit();
        }
    }

    /**
     * Raw SQL: the server's {@code IF NOT EXISTS} ({@link DialectFixes#rawSqlFixes}). Op calls:
     * {@code if_not_exists=True} when Alembic honours it, else a guard on {@code inspector.get_indexes}, checking
     * {@code stored} (the name the naming convention or SQLAlchemy's truncation makes) when it is not the name
     * written (null: the name written).
     */
    static List<Fix> fixes(Operation.CreateIndex ix, SourceFile file, Settings s, ServerFacts facts, String stored) {
        List<Fix> fixes = skipByName(ix, file, s, facts, stored);
        if (!ix.concurrently()) {
            return fixes;
        }
        // a failed concurrent build leaves an INVALID index that a skip by name keeps (invalid-index-kept-on-rerun):
        // each fix that edits drops such a leftover first, and none is offered where that drop cannot be written
        Fix drop = InvalidIndexDrop.before(file, ix.site(), stored != null ? stored : ix.name(), "");
        List<Fix> out = new ArrayList<>();
        for (Fix f : fixes) {
            out.add(f.edits().isEmpty() ? f : drop == null ? null
                    : InvalidIndexDrop.ahead(f, drop, f.title() + ", dropping an INVALID leftover first"));
        }
        Fix.dropMissing(out);
        return out;
    }

    private static List<Fix> skipByName(Operation.CreateIndex ix, SourceFile file, Settings s, ServerFacts facts,
            String stored) {
        OpSite site = ix.site();
        if (site.origin() == Origin.RAW_SQL) {
            return DialectFixes.rawSqlFixes(ix, file, facts);
        }
        if (!CreateFixes.isOpCall(site)) {
            return CreateFixes.of(site, file, "INDEX", true);
        }
        boolean written = stored == null || stored.equals(ix.name());
        return CreateFixes.opCall(s.indexIfExistsSupported() && !ix.ifNotExists()
                        ? CallRewriter.passTrueFix(file, site, "if_not_exists") : null,
                GuardWrapper.wrap(file, site, !written
                        ? GuardWrapper.named(CallRewriter.quote(stored), "get_indexes", batchOrTable(file, site, ix.table()),
                                GuardWrapper.schemaArg(file, site.call()), false)
                        : InspectorGuards.indexGuard(file, site, ix.name(), ix.table(), false, facts.toRegclass()),
                        InspectorGuards.byExpression(site) && facts.toRegclass() ? "Guard with `to_regclass`" : GuardWrapper.title("get_indexes"), List.of(),
                        written && site.origin() != Origin.BATCH_OP && GuardWrapper.fromSource(file, site.call(),
                                literalName(site.call()), CallRewriter.argument(site.call(), 1, "table_name"))),
                s);
    }

    /**
     * The index name argument, or the string inside {@code op.f("...")}: the guard writes that literal as the
     * name ({@link InspectorGuards#indexGuard}).
     */
    private static Expr literalName(Expr.Call call) {
        Expr name = CallRewriter.argument(call, 0, "index_name");
        return name instanceof Expr.Call f && f.func() instanceof Expr.Attribute a && a.attr().equals("f")
                && f.args().size() == 1 && f.positional(0) instanceof Expr.Str s && s.isConstant() ? s : name;
    }

    private static String batchOrTable(SourceFile file, OpSite site, String table) {
        return site.origin() == Origin.BATCH_OP ? CallRewriter.quoteOrNull(table)
                : CallRewriter.expression(file, CallRewriter.argument(site.call(), 1, "table_name"), table);
    }

}
