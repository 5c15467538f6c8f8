package dev.idemlint.rules.idempotency;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.ColumnDef;
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
import dev.idemlint.rules.fix.DialectFixes;
import dev.idemlint.rules.GoneTable;
import dev.idemlint.rules.fix.GuardWrapper;
import dev.idemlint.rules.fix.InspectorGuards;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.OpEffects;
import dev.idemlint.schema.QualifiedName;
import dev.idemlint.schema.UnreadNames;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Flags {@code add_column} / {@code ADD COLUMN} that fails with DuplicateColumn when re-run. */
public final class AddColumnNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        List<Operation> ops = m.upgrade();
        UnreadNames takers = null;
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (!(op instanceof Operation.AddColumn add) || GuardMatch.guarded(m, op)) {
                continue;
            }
            boolean kwarg = add.site().origin() != Origin.RAW_SQL;
            if (!(add.ifNotExists() && kwarg && !ctx.settings().columnIfExistsSupported())
                    && GoneTable.reported(m, ctx, op, kwarg ? InspectorGuards.columnGuard(m.source(), add, false) : null)) {
                continue;
            }
            if (add.ifNotExists() && (!kwarg || ctx.settings().columnIfExistsSupported())) {
                continue;
            }
            if (add.ifNotExists()) {
                // Alembic before 1.16.0 raises TypeError on the kwarg: unsupported-alembic-kwarg reports it.
                continue;
            }
            if (add.column().name() == null && (takers == null ? takers = new UnreadNames(ops) : takers)
                    .mayTakeBefore(i, ObjectKind.COLUMN, unreadColumnTable(add))) {
                // a column whose name is not read may be one an earlier statement drops: the re-run adds it again
                continue;
            }
            String what = add.column().name() == null ? RerunScenario.unreadName(ObjectKind.COLUMN, false, add.table())
                    : RerunScenario.describe(ObjectKind.COLUMN, add.column().name(), add.table());
            ObjectRef before = ctx.rerunAnswers(m).columnMovedBefore(i);
            ServerFacts facts = ctx.facts();
            // ADD COLUMN c ... AFTER a, with "a" gone on the re-run: the server resolves the statement's columns first
            ObjectRef placement = facts.statementColumnMissing() == null ? null
                    : ctx.rerunAnswers(m).statementColumnGone(i);
            ServerFacts.Raised duplicate = placement != null ? facts.statementColumnMissing()
                    : facts.duplicate(ObjectKind.COLUMN, null);
            if (facts.tolerates(add.site(), duplicate)) {
                continue;
            }
            String check = "\"" + RerunScenario.nameOr(add.column().name()) + "\" not in {c[\"name\"] for c in"
                    + " sa.inspect(op.get_bind()).get_columns(\"" + RerunScenario.nameOr(add.table()) + "\")}";
            String help = !kwarg ? DialectFixes.rawSqlHelp(facts, ObjectKind.COLUMN, "ADD COLUMN IF NOT EXISTS", check)
                    : kwargHelp(facts, ctx.settings(), check);
            List<Fix> fixes = !kwarg ? DialectFixes.rawSqlFixes(add, m.source(), facts)
                    : fixes(add, m.source(), ctx.settings());
            String message = placement == null ? facts.alreadyExists(duplicate, what, "", op.site())
                    : "Re-running this revision fails with " + facts.failure(duplicate, op.site()) + " because "
                            + RerunScenario.describe(ObjectKind.COLUMN, placement.name().name(), add.table())
                            + (placement.name().name().equals(add.after()) ? ", where \""
                                    + RerunScenario.nameOr(add.column().name()) + "\" is placed AFTER,"
                                    : ", which this statement names,")
                            + " is already gone when the re-run reaches it" + RerunScenario.end(op.site());
            ctx.report(m.source(), op.site(), message)
                    .help(facts.rerunWhy(op.site(), duplicate) + (placement == null ? "" : facts.server()
                            + " resolves the columns a statement names before it compares the added column's name,"
                            + " so the re-run fails there even where the column exists. ") + (before == null ? help : movedHelp(before)))
                    .fixes(inPlace(fixes, before)).emit();
        }
    }

    /**
     * The remedy of an op call, in one wording on every server: the kwarg where the project's Alembic and the
     * server have it, else the inspector guard {@code if check:} and what the kwarg lacks.
     */
    private static String kwargHelp(ServerFacts facts, Settings s, String check) {
        if (s.columnIfExistsSupported()) {
            return "Pass `if_not_exists=True` (Alembic 1.16.0+), or guard the call with the inspector: `if " + check
                    + ":`.";
        }
        return "Guard the call with the inspector: `if " + check + ":` (" + (facts.ifNotExists(ObjectKind.COLUMN)
                ? "the `if_not_exists=True` kwarg needs Alembic 1.16.0; this project " + s.alembicStated()
                : facts.server() + " has no `ADD COLUMN IF NOT EXISTS` for the `if_not_exists=True` kwarg") + ").";
    }

    /** The remedy when a guard on this statement alone would let the re-run move column {@code before} after it. */
    private static String movedHelp(ObjectRef before) {
        return "Guard the statements from the drop of column \"" + before.name().name() + "\" through this one under"
                + " one condition: a guard or `IF NOT EXISTS` on this statement alone lets the re-run append \""
                + before.name().name() + "\" after this column, an order the first run did not leave.";
    }

    /**
     * {@code fixes}, or their first as a suggestion when the re-run adds column {@code before} of the same table
     * again before this statement ({@link RuleContext#rerunAnswers}): a skipped addition keeps this
     * column where the first run put it, ahead of {@code before}, which PostgreSQL now appends after it, so the
     * re-run would leave the table's columns in another order.
     */
    static List<Fix> inPlace(List<Fix> fixes, ObjectRef before) {
        if (fixes.isEmpty() || before == null) {
            return fixes;
        }
        return List.of(Fix.displayOnly(fixes.get(0).title() + " (not applied)", "an earlier statement drops column \""
                + before.name().name() + "\" of \"" + before.table().name() + "\" and the re-run adds it again, after"
                + " this column, which a skip leaves where it was: the table's columns would come in another order."
                + " Guard that drop, its re-addition and this statement under one condition"));
    }

    /**
     * The fixes of an op call (raw SQL's are {@link DialectFixes#rawSqlFixes}): the {@code if_not_exists=True}
     * keyword when Alembic has it and the column brings nothing the keyword does not cover (a foreign key, an index
     * or a unique constraint, which add_column emits as separate statements); else an inspector guard.
     */
    static List<Fix> fixes(Operation.AddColumn add, SourceFile file, Settings s) {
        OpSite site = add.site();
        List<Fix> out = new ArrayList<>();
        if (site.call() == null) {
            return out;
        }
        ColumnDef col = add.column();
        boolean escapes = col.foreignKey() || col.index() || col.unique();
        Fix keyword = s.columnIfExistsSupported() && !escapes ? CallRewriter.passTrueFix(file, site, "if_not_exists")
                : null;
        String fromSource = sourceColumnGuard(file, add);
        Fix guard = fromSource != null
                ? GuardWrapper.wrap(file, site, fromSource, GuardWrapper.title("get_columns"), List.of(), true)
                : GuardWrapper.wrap(file, site, InspectorGuards.columnGuard(file, add, false), GuardWrapper.title("get_columns"),
                        List.of());
        CallRewriter.addKeywordFix(out, keyword, guard, s);
        Fix.dropMissing(out);
        return out;
    }

    /**
     * The column guard written with the call's own table and column expressions (a helper's parameters, a
     * loop variable, literals), which holds for every call of a helper and every turn of a loop; for a batch
     * op, the block's table as its {@code batch_alter_table} writes it ({@link GuardWrapper#batchTable}). Null
     * when either is something else.
     */
    static String sourceColumnGuard(SourceFile file, Operation.AddColumn add) {
        Expr.Call call = add.site().call();
        boolean batch = add.site().origin() == Origin.BATCH_OP;
        if (call == null || add.site().origin() != Origin.OP_CALL && !batch) {
            return null;
        }
        String table = batch ? GuardWrapper.batchTable(file, add.site())
                : CallRewriter.source(file, CallRewriter.argument(call, 0, "table_name"));
        Expr column = CallRewriter.argument(call, batch ? 0 : 1, "column");
        // only an sa.Column(...) is a column the model reads, and so a guard on its name one the next lint
        // recognises; another call's first argument is not known to be the column's name
        String name = column instanceof Expr.Call c && isColumnCall(c) ? CallRewriter.source(file, c.positional(0)) : null;
        Expr schema = CallRewriter.argument(call, -1, "schema");
        if (table == null || name == null || schema != null && CallRewriter.source(file, schema) == null) {
            return null;
        }
        return GuardWrapper.named(name, "get_columns", table, schema == null ? "" : ", schema="
                + CallRewriter.source(file, schema), false);
    }

    private static boolean isColumnCall(Expr.Call c) {
        return c.func() instanceof Expr.Name n ? n.id().equals("Column")
                : c.func() instanceof Expr.Attribute a && a.attr().equals("Column");
    }

    /** The table of an {@code add_column} whose column name is not read, as its effect names it; null when not read. */
    private static QualifiedName unreadColumnTable(Operation.AddColumn add) {
        ObjectRef table = OpEffects.of(add).forgottenIn();
        return table == null ? null : table.name();
    }

}
