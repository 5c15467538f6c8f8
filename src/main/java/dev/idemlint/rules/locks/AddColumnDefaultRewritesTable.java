package dev.idemlint.rules.locks;

import dev.idemlint.migration.OpText;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;

/** Flags a column added with a volatile default to a table that existed before the revision. */
public final class AddColumnDefaultRewritesTable implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(ctx, (at, c) -> {
            if (!(at.op() instanceof Operation.AddColumn a)) {
                return;
            }
            if (OpText.generatedStored(a) && at.existing(a.table())) {
                PostgresLocks.Row row = at.lock(PostgresLocks.Kind.ADD_COLUMN_GENERATED_STORED);
                if (row.rewrites()) {
                    reportGenerated(a, row, at, c);
                }
                return;
            }
            String dflt = OpText.defaultText(a);
            if (dflt == null || !at.existing(a.table())) {
                return;
            }
            String fn = OpText.volatileCall(dflt);
            // before PostgreSQL 11 every default is written into every row
            if (fn != null || at.lock(PostgresLocks.Kind.ADD_COLUMN_CONSTANT_DEFAULT).rewrites()) {
                report(at, a, fn, c);
            }
        });
    }

    private static void report(LockedTable.At at, Operation.AddColumn a, String fn, RuleContext ctx) {
        int major = at.settings().postgresMajor();
        PostgresLocks.Row row = at.lock(fn != null ? PostgresLocks.Kind.ADD_COLUMN_VOLATILE_DEFAULT
                : PostgresLocks.Kind.ADD_COLUMN_CONSTANT_DEFAULT);
        String column = a.column() == null || a.column().name() == null ? "a column"
                : "column \"" + a.column().name() + "\"";
        ctx.report(at.migration().source(), a.site(), "Adding " + column + (fn != null ? " with the volatile default "
                + fn : " with a default on PostgreSQL " + major) + " rewrites \"" + a.table() + "\" under an "
                + row.lock().sql() + " lock that stops " + row.lock().stops() + " until the rewrite ends.")
                .help("\"" + a.table() + "\" existed before this revision. PostgreSQL 11 and later add a column with a"
                        + " constant or stable default (a literal, now()) without touching the rows, but "
                        + (fn != null ? "a volatile one is computed for every row" : "PostgreSQL " + major
                        + " writes any default into every row") + ", which copies the table and rebuilds its"
                        + " indexes. Add the column without that default, set it afterwards with `ALTER COLUMN ..."
                        + " SET DEFAULT` (it applies to new rows only), and fill the existing rows in batches.")
                .emit();
    }

    private static void reportGenerated(Operation.AddColumn a, PostgresLocks.Row row, LockedTable.At at,
            RuleContext ctx) {
        String column = a.column() == null || a.column().name() == null ? "a generated column"
                : "the generated column \"" + a.column().name() + "\"";
        ctx.report(at.migration().source(), a.site(), "Adding " + column + " rewrites \"" + a.table() + "\" under an "
                + row.lock().sql() + " lock that stops " + row.lock().stops() + " until the rewrite ends.")
                .help("\"" + a.table() + "\" existed before this revision. PostgreSQL stores a generated column"
                        + " (`GENERATED ALWAYS AS (...) STORED`, SQLAlchemy's `Computed`), so it computes the"
                        + " expression for every row, copies the table and rebuilds its indexes. Add a plain column,"
                        + " fill it in batches and keep it in step with a trigger, or compute the value in a view or"
                        + " a query instead.")
                .emit();
    }
}
