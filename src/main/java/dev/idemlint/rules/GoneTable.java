package dev.idemlint.rules;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.RerunFailure;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.python.Expr;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.CallRewriter;
import dev.idemlint.rules.fix.DialectFixes;
import dev.idemlint.rules.fix.GuardWrapper;
import dev.idemlint.rules.fix.SqlRewriter;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The re-run finding of a statement whose table a later statement of the revision drops or renames away
 * ({@link RerunFailure#goneTable}, set by the re-run simulation): the server looks the table up first and raises
 * its missing-table error ({@link ServerFacts#undefinedTable}: 42P01, MySQL's and MariaDB's 1146), whatever the
 * statement's own object would do, so every re-run rule reports it here, once, with a fix that skips the
 * statement while the table is missing. A guard or {@code IF [NOT] EXISTS} on the statement's own object alone
 * does not help. The re-run meets the table gone where it starts from everything the first run did, the later
 * drop included: a completed revision whose version stamp was not committed on every server, and on MySQL and
 * MariaDB also one that failed after the drop (a failure before it leaves the table, and the rule's own
 * finding, for the same statement, is the other way that re-run fails).
 */
public final class GoneTable {
    private GoneTable() {
    }

    /**
     * The position and keyword of the table argument of the Alembic op calls a re-run rule reports, for the
     * {@code has_table} guard.
     */
    private static final Map<String, Integer> TABLE_ARGUMENT = Map.ofEntries(Map.entry("add_column", 0),
            Map.entry("drop_column", 0), Map.entry("alter_column", 0), Map.entry("create_index", 1),
            Map.entry("drop_constraint", 1), Map.entry("create_foreign_key", 1),
            Map.entry("create_unique_constraint", 1), Map.entry("create_check_constraint", 1),
            Map.entry("create_primary_key", 1), Map.entry("create_exclude_constraint", 1));

    /** The keyword of the table argument, by op. */
    private static String tableKeyword(String method) {
        return method.equals("create_foreign_key") ? "source_table" : "table_name";
    }

    /**
     * Reports {@code op} when the re-run meets its table gone, and says so: the rule's own check then reports
     * nothing of it. {@code objectCondition}: the rule's guard condition on the statement's own object
     * ({@link GuardWrapper#INSPECTOR} for the inspector; null when it has none), asked after the table's.
     */
    public static boolean reported(Migration m, RuleContext ctx, Operation op, String objectCondition) {
        return reported(m, ctx, op, objectCondition, null);
    }

    /**
     * As {@link #reported(Migration, RuleContext, Operation, String)}; {@code statement}: the rule's own form of
     * the statement that skips a missing table ({@code ALTER TABLE IF EXISTS ... DROP CONSTRAINT IF EXISTS}
     * through {@code op.execute}), offered first, and alone where the guard could ask only about the table: a
     * {@code has_table} guard alone is not one the next lint reads as settling the statement's own object.
     */
    public static boolean reported(Migration m, RuleContext ctx, Operation op, String objectCondition, Fix statement) {
        RerunFailure f = ctx.verdicts(m).failure(op);
        if (f == null || f.goneTable() == null) {
            return false;
        }
        ServerFacts facts = ctx.facts();
        ServerFacts.Raised error = facts.undefinedTable();
        OpSite site = op.site();
        if (facts.tolerates(site, error)) {
            // the handler catches the missing table and the revision goes on: the statement's own object is
            // never reached, so the rule's own check has nothing to say either
            return true;
        }
        ObjectKind kind = kind(op);
        List<Fix> fixes = new ArrayList<>();
        fixes.add(statement);
        if (statement == null || objectCondition != null) {
            fixes.addAll(fixes(op, m.source(), objectCondition, facts));
        }
        Fix.dropMissing(fixes);
        fixes = DialectFixes.portable(fixes, facts, kind);
        boolean written = statement != null && fixes.contains(statement);
        boolean skipsTable = op instanceof Operation.Drop d && PostgresFacts.dropSkipsMissingTable(d.kind());
        String guard = " the table too: run it only while `sa.inspect(op.get_bind()).has_table(...)` (the inspector's"
                + " own lookups raise NoSuchTableError for a missing table).";
        String remedy = skipsTable ? "Write `IF EXISTS`, which skips a missing table too."
                : site.origin() == Origin.RAW_SQL
                ? (alterTable(site, m.source()) && facts.alterTableIfExists() ? "Write `ALTER TABLE IF EXISTS`, which"
                        + " skips the statement while the table is missing." : facts.doBlocks() ? "Wrap it in `DO $$"
                        + " BEGIN ...; EXCEPTION WHEN " + PostgresFacts.tableMissing().condition() + " THEN null; END $$`."
                        : "Guard it on" + guard)
                : (written ? "Write it with `ALTER TABLE IF EXISTS` through `op.execute`, or guard" : "Guard")
                        + " the call on" + guard;
        ctx.report(m.source(), site, "Re-running this revision fails with " + facts.failure(error, site) + " because "
                + f.reason() + RerunScenario.end(site))
                .help(facts.rerunWhy(site, error) + (skipsTable ? "" : facts.server() + " looks the table up first,"
                        + " so an `IF [NOT] EXISTS` or a guard on the statement's own object does not help. ") + remedy
                        + (!fixes.isEmpty() ? "" : site.origin() == Origin.RAW_SQL && !facts.doBlocks()
                                ? DialectFixes.noFix(facts) : " No fix is offered here: the table is not written as a"
                                        + " name the fix can ask about."))
                .fixes(fixes).emit();
        return true;
    }

    /** The kind of object {@code op} makes, drops or renames, whose clauses the server's fixes may write. */
    private static ObjectKind kind(Operation op) {
        return op instanceof Operation.AddColumn ? ObjectKind.COLUMN
                : op instanceof Operation.CreateIndex ? ObjectKind.INDEX
                : op instanceof Operation.Drop d ? d.kind()
                : op instanceof Operation.Rename r ? r.kind() : ObjectKind.CONSTRAINT;
    }

    private static boolean alterTable(OpSite site, SourceFile file) {
        SqlRewriter rw = SqlRewriter.of(site, file);
        return rw != null && rw.at(0, "ALTER", "TABLE");
    }

    /**
     * Raw SQL: {@code ALTER TABLE IF EXISTS}, or else a DO block catching {@code undefined_table}. Op calls: the
     * statement under {@code if insp.has_table(t) [and <objectCondition>]:}. All UNSAFE: a first run that finds
     * the table missing (a misspelt name) skips the statement silently instead of failing. The first run, which
     * finds the table there, runs the statement as before: the schema it leaves is the same.
     */
    static List<Fix> fixes(Operation op, SourceFile file, String objectCondition, ServerFacts facts) {
        OpSite site = op.site();
        List<Fix> out = new ArrayList<>();
        if (site.origin() == Origin.RAW_SQL) {
            SqlRewriter rw = SqlRewriter.of(site, file);
            if (rw == null) {
                return out;
            }
            int dropNoun = op instanceof Operation.Drop d && PostgresFacts.dropSkipsMissingTable(d.kind())
                    ? rw.afterDropNoun() : -1;
            Fix fix = dropNoun >= 0 ? rw.insertAfter(dropNoun, rw.cased("IF EXISTS"), "Add `IF EXISTS`")
                    : rw.at(0, "ALTER", "TABLE") && facts.alterTableIfExists()
                    ? rw.ifExistsAfterAlterNoun("TABLE", "Write `ALTER TABLE IF EXISTS`")
                    : !facts.doBlocks() ? null : rw.wrapInDoBlock(PostgresFacts.tableMissing().condition(), -1, -1,
                            "Wrap in a `DO` block catching `" + PostgresFacts.tableMissing().condition() + "`");
            if (fix != null && fix.applicability() == Applicability.SAFE) {
                fix = new Fix(fix.title(), Applicability.UNSAFE, fix.edits(), fix.files());
            }
            out.add(fix);
            Fix.dropMissing(out);
            return out;
        }
        Expr.Call call = site.call();
        if (call == null || !site.origin().alembicOp()
                || !(call.func() instanceof Expr.Attribute a)) {
            return out;
        }
        String table;
        String schema = GuardWrapper.schemaArg(file, call);
        if (site.origin() == Origin.BATCH_OP) {
            table = GuardWrapper.batchTable(file, site);
        } else {
            Integer at = TABLE_ARGUMENT.get(a.attr());
            table = at == null ? null : CallRewriter.source(file, CallRewriter.argument(call, at, tableKeyword(a.attr())));
        }
        String hasTable = GuardWrapper.hasTable(table, schema, true);
        if (hasTable != null) {
            out.add(GuardWrapper.wrap(file, site, objectCondition == null ? hasTable
                    : hasTable + " and " + objectCondition, GuardWrapper.title("has_table"), List.of()));
        }
        Fix.dropMissing(out);
        return out;
    }
}
