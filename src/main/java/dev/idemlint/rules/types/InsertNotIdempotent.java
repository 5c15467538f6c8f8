package dev.idemlint.rules.types;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.RerunFailure;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.python.Expr;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.fix.CallRewriter;
import dev.idemlint.rules.fix.EnumRewriter;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.fix.SourceLayout;
import dev.idemlint.rules.fix.SqlRewriter;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.QualifiedName;
import dev.idemlint.schema.SchemaTimeline;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Flags an INSERT without ON CONFLICT / WHERE NOT EXISTS that writes a primary or unique key of its table. */
public final class InsertNotIdempotent implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        SchemaTimeline t = ctx.timeline();
        // a method per revision, which C1 compiles after a few dozen calls: this loop runs once per run
        for (Migration m : t.order()) {
            if (ctx.reports(m.source())) { // the finding goes on the insert's file
                checkRevision(m, t, ctx);
            }
        }
    }

    private void checkRevision(Migration m, SchemaTimeline t, RuleContext ctx) {
        List<Operation> ops = m.upgrade();
        for (int i = 0; i < ops.size(); i++) {
            if (!(ops.get(i) instanceof Operation.Insert ins) || GuardMatch.guarded(m, ins) || ins.table() == null) {
                continue;
            }
            RerunFailure fails = ctx.verdicts(m).failure(ins);
            if (fails != null) {
                // the re-run check found the table gone at this statement (dropped or renamed away later in the
                // revision): it fails there, before any key is compared, ON CONFLICT or not
                gone(ins, fails, m, ctx);
                continue;
            }
            if (ins.onConflict() || ins.guardedSelect()) {
                continue;
            }
            if (createdEarlier(ops, i, ins, ctx.verdicts(m))) {
                continue;
            }
            if (!ctx.rerunAnswers(m).rowsMet(i)) {
                continue; // rows removed before the re-run reaches it, or rows that may be none (see rowsMet)
            }
            List<String> written = ins.columns();
            if (written == null && !ins.bulk() && ins.madeAtRunTime() != null) {
                // INSERT INTO t VALUES (...) fills the table's first columns in the order the chain gave them
                List<String> order = t.columnOrder(table(ins), m, i);
                int n = ins.madeAtRunTime().size();
                written = order == null || n > order.size() ? null : order.subList(0, n);
            }
            if (written == null) {
                continue;
            }
            // a value made at run time (gen_random_uuid(), nextval, uuid4()) differs on a re-run: no conflict
            Set<String> columns = new LinkedHashSet<>();
            for (int c = 0; c < written.size(); c++) {
                if (!ins.madeAtRunTime(c)) {
                    columns.add(written.get(c));
                }
            }
            // NULL into an AUTO_INCREMENT column takes its next value on MySQL and MariaDB, and 0 does too unless
            // sql_mode has NO_AUTO_VALUE_ON_ZERO (not known here: 0 is read as filled, which can only miss); on
            // PostgreSQL NULL into a serial column fails the first run (23502), which is no re-run's doing
            boolean zero = !ctx.facts().onConflict();
            List<Set<String>> keys = t.keys(table(ins), m, i);
            for (int c = 0; c < written.size(); c++) {
                String col = written.get(c);
                if (columns.contains(col) && ins.autoFilled(c, zero) && keys != null
                        && keys.stream().anyMatch(k -> k.contains(col)) && t.serial(table(ins), col, m, i)) {
                    columns.remove(col);
                }
            }
            boolean assumed = false;
            if (keys == null && columns.contains("id") && ins.site().origin() != Origin.ORM_SESSION) {
                // The table was made outside this chain: an explicit "id" is its primary key in
                // practice, and a re-run inserts the same ids again. A row the ORM writes is judged on a key
                // the chain made only.
                keys = List.of(Set.of("id"));
                assumed = true;
            }
            if (keys == null) {
                continue;
            }
            for (Set<String> key : keys) {
                if (!columns.containsAll(key)) {
                    continue;
                }
                String k = String.join(", ", key.stream().sorted().toList());
                // ON CONFLICT names a key exactly (a column of a composite key alone is 42P10): only a key
                // the chain made is named
                String target = assumed ? "" : "(" + k + ") ";
                duplicate(ins, m, ctx, k, target);
                break;
            }
        }
    }

    /**
     * The finding for rows whose key ({@code key}) the first run wrote: the server's duplicate-key error, unless a
     * try/except lets it past ({@link ServerFacts#tolerates}: MySQL and MariaDB abort no transaction). The remedy
     * is the server's form that skips such rows: {@code ON CONFLICT target DO NOTHING} on PostgreSQL,
     * else {@code INSERT IGNORE}, whose fix of a raw {@code INSERT} is UNSAFE: it also turns other errors of the
     * statement (a value too long, a NULL into NOT NULL) into warnings.
     */
    private static void duplicate(Operation.Insert ins, Migration m, RuleContext ctx, String key, String target) {
        ServerFacts facts = ctx.facts();
        ServerFacts.Raised error = facts.uniqueViolation();
        if (facts.tolerates(ins.site(), error)) {
            return;
        }
        ctx.report(m.source(), ins.site(), "Re-running this revision fails with " + facts.failure(error, ins.site())
                + " because its rows are already in \"" + ins.table() + "\" with key (" + key + ")"
                + RerunScenario.end(ins.site()))
                .help(facts.rerunWhy(ins.site(), error) + (ins.site().origin() == Origin.ORM_SESSION
                        ? "The session writes the row on every run: look it up first (`session.query(Model)"
                                + ".filter_by(...).first()`) and add it only when it is missing."
                        : facts.onConflict() ? (ins.bulk()
                        ? "`op.bulk_insert` has no conflict handling: use `op.execute(\"INSERT ... ON"
                                + " CONFLICT " + target + "DO NOTHING\")` or"
                                + " `postgresql.insert(table).values(...).on_conflict_do_nothing()`."
                        : "Add `ON CONFLICT " + target + "DO NOTHING` (or `INSERT ... SELECT ... WHERE NOT"
                                + " EXISTS (...)`).")
                        : ins.bulk()
                        ? "`op.bulk_insert` has no duplicate handling: write the rows with `op.execute(\"INSERT IGNORE"
                                + " ...\")` or `INSERT ... ON DUPLICATE KEY UPDATE`."
                        : "Write `INSERT IGNORE` (skips the rows whose key exists) or `INSERT ... ON DUPLICATE KEY"
                                + " UPDATE`."))
                .fixes(ins.site().origin() == Origin.ORM_SESSION ? List.of()
                        : facts.onConflict() ? fixes(ins, m.source()) : insertIgnore(ins, m))
                .emit();
    }

    /** {@code INSERT IGNORE} for a raw {@code INSERT}, UNSAFE; none for other inserts. */
    private static List<Fix> insertIgnore(Operation.Insert ins, Migration m) {
        SqlRewriter r = ins.site().origin() == Origin.RAW_SQL ? SqlRewriter.of(ins.site(), m.source()) : null;
        if (r != null && r.at(0, "INSERT") && !r.at(1, "IGNORE")) {
            return List.of(r.insertAfter(0, r.cased("IGNORE"), "Write `INSERT IGNORE`", Applicability.UNSAFE));
        }
        return List.of();
    }

    /**
     * The insert meets no table on the re-run ({@code fails}, its verdict): the revision drops it, or renames it
     * away, after the insert and makes nothing under that name again.
     */
    private static void gone(Operation.Insert ins, RerunFailure fails, Migration m, RuleContext ctx) {
        String reason = fails.reason();
        String check = "check that \"" + ins.table() + "\" exists before the insert (`if sa.inspect(op.get_bind())"
                + ".has_table(\"" + ins.table() + "\"):`)";
        ServerFacts facts = ctx.facts();
        // an insert fails on the re-run only with its table gone (RerunSimulation.tableGone: 42P01), 1146 on MySQL
        ServerFacts.Raised error = facts.undefinedTable();
        if (facts.tolerates(ins.site(), error)) {
            return;
        }
        ctx.report(m.source(), ins.site(), "Re-running this revision fails with " + facts.failure(error, ins.site())
                + " because " + reason + RerunScenario.end(ins.site()))
                .help(facts.rerunWhy(ins.site(), error) + (facts.onConflict()
                        ? "`ON CONFLICT` does not help here: " + check
                                + ", or drop it with `IF EXISTS` and create it again first."
                        : "C" + check.substring(1) + "."))
                .emit();
    }

    /**
     * True when an earlier statement of the revision creates {@code table} and, on a re-run, either fails
     * first (its own finding, with its own SQLSTATE) or makes a new, empty table: a plain CREATE TABLE,
     * one the revision drops first, or one that may not run at all (unknown). Not when the creation is
     * skipped while the table exists ({@code IF NOT EXISTS}, a {@code has_table} check, a DO block): the
     * re-run then inserts into the old rows. Only a statement on the insert's own database counts: a multidb
     * revision's other engine makes its own table of that name.
     */
    private static boolean createdEarlier(List<Operation> ops, int i, Operation.Insert ins, RerunVerdicts verdicts) {
        String table = ins.table();
        for (int j = i - 1; j >= 0; j--) {
            if (ops.get(j) instanceof Operation.CreateTable ct && table.equals(ct.table())
                    && Objects.equals(ct.site().engine(), ins.site().engine())) {
                Guard g = ct.site().guard();
                // settled by the re-run check: a new, empty table where it is proven clean; unknown otherwise
                return !ct.tolerant() && (verdicts.settled(ct) ? verdicts.clean(ct) : g == null
                        || g.kind() == GuardKind.TRY_EXCEPT || g.kind() == GuardKind.OPAQUE_CONDITION);
            }
        }
        return false;
    }

    /**
     * Raw {@code INSERT ... VALUES} and {@code INSERT ... SELECT} without a join: {@code ON CONFLICT DO
     * NOTHING} appended to the statement (before a RETURNING clause), inside the literal. A Core insert
     * ({@code conn.execute(t.insert(), rows)}) becomes {@code postgresql.insert(t)...on_conflict_do_nothing()},
     * and {@code op.bulk_insert(t, [rows])} the same statement executed with the rows, as bulk_insert
     * does. All UNSAFE: a re-run then skips the rows that are there, which is the point, but a first run
     * that would have failed on a duplicate passes silently. {@code WITH} statements, joins (whose ON
     * the appended clause could be read with) and rows that are not a list literal get a display-only
     * suggestion or nothing.
     */
    static List<Fix> fixes(Operation.Insert ins, SourceFile file) {
        List<Fix> out = new ArrayList<>();
        String title = "Append `ON CONFLICT DO NOTHING`";
        Expr.Call call = ins.site().call();
        if (ins.bulk()) {
            Expr table = call == null ? null : CallRewriter.argument(call, 0, "table");
            Expr rows = call == null ? null : CallRewriter.argument(call, 1, "rows");
            if (table != null && rows != null) {
                out.add(bulkRewrite(file, call, table, rows));
            }
            Fix.dropMissing(out);
            return out;
        }
        if (ins.site().sql() == null) { // a SQLAlchemy Core insert
            Fix core = coreRewrite(file, call);
            out.add(core != null && readsReturnedRows(ins, call, chainCalls(call.positional(0), "returning"))
                    ? Fix.displayOnly(core.title(), UNREAD_ROWS) : core);
            Fix.dropMissing(out);
            return out;
        }
        SqlRewriter r = SqlRewriter.of(ins.site(), file);
        if (r == null || r.tokens().isEmpty() || !r.balanced()) {
            return out;
        }
        int end = r.findTopLevel("RETURNING");
        if (readsReturnedRows(ins, call, end > 0)) {
            out.add(Fix.displayOnly(title, UNREAD_ROWS));
            return out;
        }
        end = end > 0 ? end - 1 : r.lastToken();
        if (end >= 0 && r.tokens().get(end).text().equals(";")) {
            end--;
        }
        boolean values = r.findTopLevel("VALUES") > 0 && r.findTopLevel("SELECT") < 0;
        boolean select = r.findTopLevel("SELECT") > 0 && r.findTopLevel("JOIN") < 0;
        boolean plain = r.at(0, "INSERT", "INTO") && (values || select) && r.findTopLevel("ON") < 0;
        if (!plain || end <= 0) {
            return out;
        }
        out.add(r.insertAfter(end, r.cased("ON CONFLICT DO NOTHING"), title, Applicability.UNSAFE));
        Fix.dropMissing(out);
        return out;
    }

    private static final String UNREAD_ROWS = "ON CONFLICT DO NOTHING returns no row for a row that is already"
            + " there: the code that reads this statement's RETURNING rows gets none on the re-run. Write the row"
            + " with ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key, which returns it, or select it when it"
            + " is there.";

    /**
     * The statement has a RETURNING clause and the code takes its result ({@code (row,) = conn.execute(...)},
     * {@code conn.execute(...).scalar()}): the Python statement is more than the call. With {@code ON CONFLICT
     * DO NOTHING} PostgreSQL returns no row for a row it skips, so the re-run would fail in the code instead.
     */
    private static boolean readsReturnedRows(Operation.Insert ins, Expr.Call call, boolean returning) {
        Span statement = ins.site().statement();
        return returning && call != null && statement != null
                && (statement.start() < call.span().start() || statement.end() > call.span().end());
    }

    /** {@code op.bulk_insert(t, [rows])} to {@code op.get_bind().execute(postgresql.insert(t).on_conflict_do_nothing(), [rows])}. */
    private static Fix bulkRewrite(SourceFile file, Expr.Call call, Expr table, Expr rows) {
        SourceLayout layout = SourceLayout.of(file);
        String pg = layout.postgresqlDialectAlias();
        String statement = (pg == null ? "postgresql" : pg) + ".insert(" + file.slice(table.span())
                + ").on_conflict_do_nothing()";
        String title = "Insert with `on_conflict_do_nothing()`";
        // bulk_insert inserts nothing for an empty list, where execute() would insert one default row;
        // multiinsert= and other arguments change how it runs.
        boolean plain = rows instanceof Expr.ListExpr l && !l.elements().isEmpty() && call.args().size() == 2
                && call.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name n && layout.binds(n.id())
                && (pg != null || !layout.binds("postgresql"));
        if (!plain) {
            return Fix.displayOnly(title, (pg == null ? EnumRewriter.IMPORT + "\n" : "") + "op.get_bind().execute("
                    + statement + ", " + file.slice(rows.span()) + ")");
        }
        String opName = ((Expr.Name) ((Expr.Attribute) call.func()).value()).id();
        List<TextEdit> edits = new ArrayList<>();
        if (pg == null) {
            edits.add(layout.addImport(EnumRewriter.IMPORT));
        }
        edits.add(TextEdit.replace(file.path(), call.func().span(), opName + ".get_bind().execute"));
        edits.add(TextEdit.replace(file.path(), table.span(), statement));
        return Fix.of(title, Applicability.UNSAFE, edits);
    }

    /**
     * {@code conn.execute(t.insert()..., rows)} or {@code conn.execute(sa.insert(t)..., rows)} to
     * {@code conn.execute(postgresql.insert(t)....on_conflict_do_nothing(), rows)}, when the statement is
     * written in the call itself; null otherwise.
     */
    private static Fix coreRewrite(SourceFile file, Expr.Call call) {
        Expr stmt = call == null ? null : call.positional(0);
        Expr.Call insert = stmt == null ? null : innermostInsert(stmt);
        SourceLayout layout = SourceLayout.of(file);
        String pg = layout.postgresqlDialectAlias();
        if (insert == null || pg == null && layout.binds("postgresql")) {
            return null;
        }
        String dialect = pg == null ? "postgresql" : pg;
        List<TextEdit> edits = new ArrayList<>();
        if (pg == null) {
            edits.add(layout.addImport(EnumRewriter.IMPORT));
        }
        if (insert.args().isEmpty() && insert.func() instanceof Expr.Attribute a) {
            edits.add(TextEdit.replace(file.path(), insert.span(), dialect + ".insert(" + file.slice(a.value().span())
                    + ")"));
        } else if (insert.args().size() == 1 && insert.positional(0) != null) {
            edits.add(TextEdit.replace(file.path(), insert.func().span(), dialect + ".insert"));
        } else {
            return null;
        }
        edits.add(TextEdit.insert(file.path(), stmt.span().end(), ".on_conflict_do_nothing()"));
        return Fix.of("Insert with `on_conflict_do_nothing()`", Applicability.UNSAFE, edits);
    }

    /** Whether the method chain {@code e} ({@code t.insert().values(...).returning(...)}) calls {@code .attr(...)}. */
    private static boolean chainCalls(Expr e, String attr) {
        for (Expr cur = e; cur instanceof Expr.Call c && c.func() instanceof Expr.Attribute a; cur = a.value()) {
            if (a.attr().equals(attr)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code insert} call at the root of a method chain ({@code t.insert().values(...)}), or null. */
    private static Expr.Call innermostInsert(Expr e) {
        Expr cur = e;
        while (cur instanceof Expr.Call c && c.func() instanceof Expr.Attribute a) {
            if (a.attr().equals("insert")) {
                return c;
            }
            cur = a.value();
        }
        return cur instanceof Expr.Call c && c.func() instanceof Expr.Name n && n.id().equals("insert") ? c : null;
    }

    /** The table an insert writes into, as the schema model names it; null when it cannot be told. */
    private static QualifiedName table(Operation.Insert ins) {
        ObjectRef t = Effects.ref(ins, ObjectKind.TABLE, null, ins.table());
        return t == null ? null : t.name();
    }
}
