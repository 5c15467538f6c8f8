package dev.idemlint.rules.locks;

import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flags a column added with a volatile default to a table that existed before the revision. */
public final class AddColumnDefaultRewritesTable implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(tree, ctx, (at, c) -> {
            if (!(at.op() instanceof Operation.AddColumn a)) {
                return;
            }
            if (generatedStored(a) && at.existing(a.table())) {
                PostgresLocks.Row row = PostgresLocks.of(PostgresLocks.Kind.ADD_COLUMN_GENERATED_STORED,
                        at.settings().postgresMajor());
                if (row.rewrites()) {
                    reportGenerated(a, row, at, c);
                }
                return;
            }
            String dflt = defaultText(a);
            if (dflt == null || !at.existing(a.table())) {
                return;
            }
            String fn = volatileCall(dflt);
            // before PostgreSQL 11 every default is written into every row
            if (fn != null || PostgresLocks.of(PostgresLocks.Kind.ADD_COLUMN_CONSTANT_DEFAULT,
                    at.settings().postgresMajor()).rewrites()) {
                report(at, a, fn, c);
            }
        });
    }

    private static void report(LockedTable.At at, Operation.AddColumn a, String fn, RuleContext ctx) {
        int major = at.settings().postgresMajor();
        PostgresLocks.Row row = PostgresLocks.of(fn != null ? PostgresLocks.Kind.ADD_COLUMN_VOLATILE_DEFAULT
                : PostgresLocks.Kind.ADD_COLUMN_CONSTANT_DEFAULT, major);
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

    /** {@code GENERATED ALWAYS AS (expr) [STORED]}: an identity column ({@code AS IDENTITY}) is not one. */
    private static final Pattern GENERATED_SQL = Pattern.compile("\\bGENERATED\\s+ALWAYS\\s+AS\\s*\\(",
            Pattern.CASE_INSENSITIVE);
    /** SQLAlchemy's {@code Computed(...)} among the column's arguments. */
    private static final Pattern COMPUTED = Pattern.compile("(?<![\\w.])(?:[A-Za-z_]\\w*\\.)*Computed\\s*\\(");

    /**
     * Whether the column added is a generated one, which PostgreSQL stores (it has no virtual generated columns
     * before 18, and SQLAlchemy renders {@code Computed} with {@code STORED} unless {@code persisted=False}, which its
     * PostgreSQL dialect refuses): the SQL says {@code GENERATED ALWAYS AS (}, or the op call's column passes a
     * {@code Computed(...)}.
     */
    static boolean generatedStored(Operation.AddColumn a) {
        String sql = a.site().sqlStatement();
        if (sql != null) {
            return GENERATED_SQL.matcher(sql).find();
        }
        String call = LockedTable.callText(a);
        return call != null && COMPUTED.matcher(call).find();
    }

    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z_][\\w.]*)\\s*\\(");
    private static final Pattern DEFAULT = Pattern.compile("\\bDEFAULT\\b(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * The text of the column's default: the SQL after {@code DEFAULT}, the value of {@code server_default=} in the
     * call's text (the text, not the call: the result cache keeps add_column calls reduced), {@code nextval()} for a
     * column written {@code serial} in SQL; null when it has none (or {@code server_default=None}).
     */
    static String defaultText(Operation.AddColumn a) {
        ColumnDef col = a.column();
        if (col != null && col.serial() == ColumnDef.Serial.SQL) {
            return "nextval()";
        }
        String sql = a.site().sqlStatement();
        if (sql != null) {
            Matcher d = DEFAULT.matcher(sql);
            return d.find() && !d.group(1).strip().toUpperCase(Locale.ROOT).startsWith("NULL") ? d.group(1)
                    : null;
        }
        String call = LockedTable.callText(a);
        String value = call == null ? null : LockedTable.keywordText(call, "server_default");
        return value == null || value.equals("None") ? null : value;
    }

    /** The first volatile function SQL text calls, as {@code f()}, or null. */
    private static String volatileCall(String sql) {
        Matcher m = CALL.matcher(sql);
        while (m.find()) {
            String name = m.group(1);
            String bare = name.substring(name.lastIndexOf('.') + 1);
            if (PostgresLocks.volatileDefault(bare)) {
                return bare.toLowerCase(Locale.ROOT) + "()";
            }
        }
        return null;
    }
}
