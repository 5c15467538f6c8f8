package dev.idemlint.rules.fix;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.RerunFailure;
import dev.idemlint.migration.SqlState;
import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import dev.idemlint.rules.GoneTable;
import dev.idemlint.schema.Effect;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.OpEffects;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fixes of a rename the re-run finds done or its new name taken: an inspector guard that renames only while the
 * old name is there and the new one free, a DO block catching what the server raises, {@code ALTER <kind> IF EXISTS},
 * and the guard that takes an earlier drop of the new name along.
 */
public final class RenameFixes {
    private RenameFixes() {
    }

    /**
     * The rename and the earlier drop of its new name under one guard that the old name is there
     * ({@code drop_column("t", "title")} then {@code heading} renamed to {@code title}): the first run finds the
     * old name and runs them as written; a re-run finds it renamed away and skips them both, the drop included,
     * which would otherwise drop what the rename made. Null, so that the fix stays a suggestion, unless skipping
     * that run of statements on a re-run is certain to leave the schema as the first run left it: both are
     * {@code op} calls standing as statements of upgrade() itself, of a table or a column with names read; the
     * drop is the only earlier statement making or dropping the new name; each statement between them is an
     * operation's call, or an {@code if} holding only such calls, and none of those operations is opaque or
     * makes, drops or renames the old name, the new one or the column's table; and no other statement of the
     * revision makes the old name or renames something to it (the guard would then find it again on a re-run).
     */
    public static Fix withEarlierDrop(Migration m, Operation.Rename r) {
        SourceFile file = m.source();
        OpSite site = r.site();
        if (r.kind() != ObjectKind.TABLE && r.kind() != ObjectKind.COLUMN || site.origin() != Origin.OP_CALL
                || site.indirect() || site.call() == null || site.statement() == null) {
            return null;
        }
        Effect.Rename renamed = OpEffects.of(r).rename();
        if (renamed == null) {
            return null;
        }
        Set<ObjectRef> watched = new HashSet<>(List.of(renamed.object(), renamed.target()));
        if (renamed.object().table() != null) {
            watched.add(ObjectRef.table(renamed.object().table()));
        }
        Operation drop = null;
        int at = m.upgrade().indexOf(r);
        for (int i = 0; i < at; i++) {
            Operation op = m.upgrade().get(i);
            if (OpEffects.of(op).makesOrDrops(renamed.target())) {
                if (drop != null || !(op instanceof Operation.Drop)) {
                    return null;
                }
                drop = op;
            }
        }
        if (drop == null || drop.site().origin() != Origin.OP_CALL || drop.site().indirect() || drop.site().call() == null
                || drop.site().statement() == null || SourceLayout.of(file).module() == null) {
            return null;
        }
        List<Stmt> body = RunWrapper.upgradeBody(SourceLayout.of(file).module());
        int from = RunWrapper.indexOf(body, drop.site().statement());
        int to = RunWrapper.indexOf(body, site.statement());
        if (from < 0 || to <= from || !callStatement(body.get(from), drop) || !callStatement(body.get(to), r)) {
            return null;
        }
        Span run = new Span(body.get(from).span().start(), body.get(to).span().end());
        Set<Span> calls = new HashSet<>();
        for (Operation op : m.upgrade()) {
            Span stmt = op.site().statement() != null ? op.site().statement()
                    : op.site().call() == null ? null : op.site().call().span();
            OpEffects effects = OpEffects.of(op);
            if (op == r || op == drop) {
                continue;
            }
            if (stmt == null || run.contains(stmt)) {
                if (stmt == null || op.site().indirect() || op.site().call() == null || effects.isEmpty()
                        || effects.touches(watched)) {
                    return null;
                }
                calls.add(op.site().call().span());
            } else if (effects.bringsIn(renamed.object()) || effects.opaque()) {
                return null;
            }
        }
        for (int i = from + 1; i < to; i++) {
            Stmt s = body.get(i);
            List<Stmt> held = s instanceof Stmt.If branch && branch.orelse().isEmpty() ? branch.body() : List.of(s);
            if (!held.stream().allMatch(h -> h instanceof Stmt.ExprStmt e && calls.contains(e.expr().span()))) {
                return null;
            }
        }
        String schema = GuardWrapper.schemaArg(file, site.call());
        String condition;
        String method;
        if (r.kind() == ObjectKind.TABLE) {
            String old = CallRewriter.expression(file, CallRewriter.argument(site.call(), 0, "old_table_name"), r.from());
            condition = GuardWrapper.hasTable(old, schema, true);
            method = "has_table";
        } else {
            String table = CallRewriter.expression(file, CallRewriter.argument(site.call(), 0, "table_name"), r.table());
            String old = CallRewriter.expression(file, CallRewriter.argument(site.call(), 1, "column_name"), r.from());
            condition = GuardWrapper.named(old, "get_columns", table, schema, true);
            method = "get_columns";
        }
        return RunWrapper.wrap(file, body.subList(from, to + 1), condition,
                GuardWrapper.title(method) + " together with the drop of \"" + r.to() + "\"");
    }

    /** Whether {@code s} is the statement {@code op}'s call stands as, alone. */
    private static boolean callStatement(Stmt s, Operation op) {
        return s instanceof Stmt.ExprStmt e && e.expr().span().equals(op.site().call().span());
    }

    /**
     * The inspector's condition that an op call's column rename is still to run (the old name there, the new one
     * free), asked after its table's ({@link GoneTable}); null for other renames.
     */
    public static String columnRenameCondition(Operation.Rename r, SourceFile file) {
        OpSite site = r.site();
        Expr.Call call = site.call();
        if (r.kind() != ObjectKind.COLUMN || call == null || site.origin() == Origin.RAW_SQL) {
            return null;
        }
        boolean batch = site.origin() == Origin.BATCH_OP;
        String schema = GuardWrapper.schemaArg(file, call);
        String table = batch ? CallRewriter.quoteOrNull(r.table())
                : CallRewriter.expression(file, CallRewriter.argument(call, 0, "table_name"), r.table());
        String from = CallRewriter.expression(file, CallRewriter.argument(call, batch ? 0 : 1, "column_name"), r.from());
        String to = CallRewriter.expression(file, CallRewriter.argument(call, -1, "new_column_name"), r.to());
        String had = GuardWrapper.named(from, "get_columns", table, schema, true);
        String hasNot = GuardWrapper.named(to, "get_columns", table, schema, false);
        return had == null || hasNot == null ? null : had + " and " + hasNot;
    }

    /**
     * Op calls: a guard that renames only while the old name exists and the new one does not.
     * Raw SQL: the statement wrapped in a DO block that swallows what a rename of a name already gone
     * raises; the first run renames exactly as before. Both UNSAFE: a name that never existed is then
     * skipped silently instead of failing.
     */
    public static List<Fix> fixes(Operation.Rename r, SourceFile file) {
        return fixes(r, file, false);
    }

    /**
     * As {@link #fixes(Operation.Rename, SourceFile)}; with {@code tableMayBeGone} (the revision renames the
     * column's table later) the column guard first asks {@code has_table}: the inspector's {@code get_columns}
     * raises NoSuchTableError for a table renamed away; the DO block catches {@code undefined_table} too, which
     * PostgreSQL raises before it looks the renamed object up.
     */
    public static List<Fix> fixes(Operation.Rename r, SourceFile file, boolean tableMayBeGone) {
        OpSite site = r.site();
        List<Fix> out = new ArrayList<>();
        Expr.Call call = site.call();
        if (site.origin() == Origin.RAW_SQL) {
            SqlRewriter rw = SqlRewriter.of(site, file);
            String condition = missing(r.kind()).condition()
                    + (tableMayBeGone ? " or " + PostgresFacts.dropMissing(ObjectKind.TABLE).condition() : "");
            Fix wrapped = rw == null ? null : rw.wrapInDoBlock(condition, -1, -1,
                    "Wrap in a `DO` block catching `" + condition.replace(" or ", "` and `") + "`");
            if (wrapped != null && wrapped.applicability() == Applicability.SAFE) {
                wrapped = new Fix(wrapped.title(), Applicability.UNSAFE, wrapped.edits(), wrapped.files());
            } else if (rw != null && RELATIONS.contains(r.kind())) {
                // the DO block cannot be written in place (an f-string's values, a loop over a literal list of
                // kinds and names): `ALTER <kind> IF EXISTS` can, after the literal space that follows the kind
                Fix ifExists = rw.ifExistsAfterAlterNoun(r.kind().name().replace('_', ' '), "Add `IF EXISTS`");
                if (ifExists != null) {
                    out.add(new Fix(ifExists.title(), Applicability.UNSAFE, ifExists.edits(), ifExists.files()));
                }
            }
            out.add(wrapped);
            Fix.dropMissing(out);
            return out;
        }
        if (call == null) {
            return out;
        }
        String schema = GuardWrapper.schemaArg(file, call);
        if (r.kind() == ObjectKind.TABLE) {
            String from = CallRewriter.expression(file, CallRewriter.argument(call, 0, "old_table_name"), r.from());
            String to = CallRewriter.expression(file, CallRewriter.argument(call, 1, "new_table_name"), r.to());
            if (from != null && to != null) {
                out.add(GuardWrapper.wrap(file, site, GuardWrapper.hasTable(from, schema, true) + " and "
                        + GuardWrapper.hasTable(to, schema, false), GuardWrapper.title("has_table"), List.of()));
            }
        } else if (r.kind() == ObjectKind.COLUMN) {
            boolean batch = site.origin() == Origin.BATCH_OP;
            String table = batch ? CallRewriter.quoteOrNull(r.table())
                    : CallRewriter.expression(file, CallRewriter.argument(call, 0, "table_name"), r.table());
            String from = CallRewriter.expression(file, CallRewriter.argument(call, batch ? 0 : 1, "column_name"),
                    r.from());
            String to = CallRewriter.expression(file, CallRewriter.argument(call, -1, "new_column_name"), r.to());
            String had = GuardWrapper.named(from, "get_columns", table, schema, true);
            String hasNot = GuardWrapper.named(to, "get_columns", table, schema, false);
            if (had != null && hasNot != null) {
                String tableThere = tableMayBeGone ? GuardWrapper.hasTable(table, schema, true) + " and " : "";
                out.add(GuardWrapper.wrap(file, site, tableThere + had + " and " + hasNot, GuardWrapper.title("get_columns"),
                        List.of()));
            }
        }
        Fix.dropMissing(out);
        return out;
    }

    /**
     * The re-run finds the new name taken (the old one made again by the revision, a view under the table's
     * old name): op calls get the guard that renames only while the old name exists and the new one does not,
     * raw SQL a DO block catching what the taken name raises. UNSAFE, as the other rename fixes: a first run
     * that finds the new name taken then skips the rename silently.
     */
    public static List<Fix> takenNameFixes(Operation.Rename r, RerunFailure fails, SourceFile file) {
        if (r.site().origin() != Origin.RAW_SQL) {
            return fixes(r, file);
        }
        SqlRewriter rw = SqlRewriter.of(r.site(), file);
        String condition = fails.state().condition();
        Fix wrapped = rw == null || condition == null ? null
                : rw.wrapInDoBlock(condition, -1, -1, "Wrap in a `DO` block catching `" + condition + "`");
        if (wrapped == null) {
            return List.of();
        }
        return List.of(wrapped.applicability() == Applicability.SAFE
                ? new Fix(wrapped.title(), Applicability.UNSAFE, wrapped.edits(), wrapped.files()) : wrapped);
    }

    /** The kinds whose {@code ALTER <kind> IF EXISTS ... RENAME TO} skips a missing old name. */
    private static final Set<ObjectKind> RELATIONS = EnumSet.of(ObjectKind.TABLE, ObjectKind.INDEX,
            ObjectKind.SEQUENCE, ObjectKind.VIEW, ObjectKind.MATERIALIZED_VIEW);

    public static SqlState missing(ObjectKind kind) {
        // ALTER TYPE t RENAME VALUE 'a' TO 'b' again: "'a' is not an existing enum label".
        return kind == ObjectKind.OTHER ? PostgresFacts.labels().labelMissing() : PostgresFacts.renameMissing(kind);
    }
}
