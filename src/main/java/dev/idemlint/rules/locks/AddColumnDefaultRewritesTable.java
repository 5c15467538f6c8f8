package dev.idemlint.rules.locks;

import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flags a column added with a volatile default to a table that existed before the revision. */
public final class AddColumnDefaultRewritesTable implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(tree, ctx, (at, c) -> {
            // a default is written DEFAULT or server_default=; a serial column in SQL says serial
            if (at.op() instanceof Operation.AddColumn a && (at.mentions("default")
                    || a.column() != null && a.column().serial() == ColumnDef.Serial.SQL) && at.existing(a.table())) {
                String volatileDefault = volatileDefault(a);
                if (volatileDefault != null) {
                    report(at, a, volatileDefault, c);
                }
            }
        });
    }

    private static void report(LockedTable.At at, Operation.AddColumn a, String fn, RuleContext ctx) {
        PostgresLocks.Row row = PostgresLocks.of(PostgresLocks.Kind.ADD_COLUMN_VOLATILE_DEFAULT,
                at.settings().postgresMajor());
        String column = a.column() == null || a.column().name() == null ? "a column"
                : "column \"" + a.column().name() + "\"";
        ctx.report(at.migration().source(), a.site(), "Adding " + column + " with the volatile default " + fn
                + " rewrites \"" + a.table() + "\" under an " + row.lock().sql() + " lock that stops "
                + row.lock().stops() + " until the rewrite ends.")
                .help("\"" + a.table() + "\" existed before this revision. PostgreSQL 11 and later add a column with a"
                        + " constant or stable default (a literal, now()) without touching the rows, but a volatile"
                        + " one is computed for every row, which copies the table and rebuilds its indexes. Add the"
                        + " column without that default, set it afterwards with `ALTER COLUMN ... SET DEFAULT` (it"
                        + " applies to new rows only), and fill the existing rows in batches.")
                .emit();
    }

    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z_][\\w.]*)\\s*\\(");
    private static final Pattern DEFAULT = Pattern.compile("\\bDEFAULT\\b(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * The volatile function the column's default calls ({@code gen_random_uuid()}), {@code nextval()} for a serial
     * column, or null: no default, a constant or stable one, or one not read.
     */
    static String volatileDefault(Operation.AddColumn a) {
        ColumnDef col = a.column();
        if (col != null && col.serial() == ColumnDef.Serial.SQL) {
            return "nextval()";
        }
        String sql = a.site().sqlStatement();
        if (sql != null) {
            Matcher d = DEFAULT.matcher(sql);
            return d.find() ? volatileCall(d.group(1)) : null;
        }
        Expr.Call call = a.site().call();
        if (call == null) {
            return null;
        }
        Arg kw = call.keyword("column");
        Expr column = kw != null ? kw.value() : call.positional(a.site().origin() == Origin.BATCH_OP ? 0 : 1);
        if (!(column instanceof Expr.Call c)) {
            return null;
        }
        Arg server = c.keyword("server_default");
        return server == null ? null : volatileExpr(server.value());
    }

    /** The volatile function a {@code server_default=} value calls: {@code sa.text("...")} or {@code sa.func.f()}. */
    private static String volatileExpr(Expr e) {
        if (!(e instanceof Expr.Call c)) {
            // a string is a constant SQLAlchemy quotes as a literal
            return null;
        }
        String dotted = dotted(c.func());
        if (dotted == null) {
            return null;
        }
        String last = dotted.substring(dotted.lastIndexOf('.') + 1);
        if (last.equals("text") && c.positionalCount() >= 1) {
            String text = LockedTable.literal(c.positional(0));
            return text == null ? null : volatileCall(text);
        }
        return dotted.contains("func.") && PostgresLocks.volatileDefault(last) ? last + "()" : null;
    }

    private static String dotted(Expr e) {
        if (e instanceof Expr.Name n) {
            return n.id();
        }
        if (e instanceof Expr.Attribute a) {
            String base = dotted(a.value());
            return base == null ? null : base + "." + a.attr();
        }
        return null;
    }

    /** The first volatile function SQL text calls, as {@code f()}, or null. */
    private static String volatileCall(String sql) {
        Matcher m = CALL.matcher(sql);
        while (m.find()) {
            String name = m.group(1);
            String bare = name.substring(name.lastIndexOf('.') + 1);
            if (PostgresLocks.volatileDefault(bare)) {
                return bare.toLowerCase(java.util.Locale.ROOT) + "()";
            }
        }
        return null;
    }
}
