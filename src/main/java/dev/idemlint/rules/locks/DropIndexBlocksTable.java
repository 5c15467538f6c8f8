package dev.idemlint.rules.locks;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.migration.StatementLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.fix.SqlRewriter;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.ObjectRef;

/** Flags an index dropped without {@code CONCURRENTLY} from a table that existed before the revision. */
public final class DropIndexBlocksTable implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(ctx, (at, c) -> {
            if (at.op() instanceof Operation.Drop d && d.kind() == ObjectKind.INDEX && !d.cascade()
                    && !StatementLocks.concurrently(d)) {
                String table = table(at, d);
                if (at.existing(table)) {
                    report(at, d, table, c);
                }
            }
        });
    }

    /**
     * The table of the dropped index: the one the call names ({@code drop_index(..., table_name=)}), else the one the
     * index was created on, as the timeline tells it just before the drop; null when neither is known.
     */
    private static String table(LockedTable.At at, Operation.Drop d) {
        if (d.table() != null) {
            return d.table();
        }
        ObjectRef ref = Effects.ref(d, ObjectKind.INDEX, null, d.name());
        Creation made = ref == null ? null : at.timeline().existing(ref, at.migration(), at.index(), at.settings());
        return made == null || made.key().table() == null ? null : made.key().table().name();
    }

    private static void report(LockedTable.At at, Operation.Drop d, String table, RuleContext ctx) {
        PostgresLocks.Row row = at.lock(PostgresLocks.Kind.DROP_INDEX);
        PostgresLocks.Row safe = at.lock(PostgresLocks.Kind.DROP_INDEX_CONCURRENTLY);
        String how = d.site().origin() == Origin.RAW_SQL
                ? "`DROP INDEX CONCURRENTLY` inside `with op.get_context().autocommit_block():`"
                : "`postgresql_concurrently=True` inside `with op.get_context().autocommit_block():`";
        ctx.report(at.migration().source(), d.site(), "Dropping index \"" + d.name() + "\" takes an " + row.lock().sql()
                + " lock on \"" + table + "\" that stops " + row.lock().stops() + (d.site().autocommit() ? "."
                        : " until the migration's transaction commits."))
                .help("\"" + table + "\" existed before this revision: the drop waits for every query running on it,"
                        + " and every read and write that comes after waits behind the drop. Drop it with " + how
                        + ": PostgreSQL then takes " + safe.lock().sql() + ", which lets reads and writes through.")
                .fix(ctx.verdicts(at.migration()).failure(d) != null ? null : LockedTable.concurrently(
                        at.migration().source(), d.site(), DropIndexBlocksTable::indexKeyword, "Drop it"))
                .emit();
    }

    /**
     * The token {@code INDEX} of a statement that starts {@code DROP INDEX} and drops one index, or -1: {@code DROP
     * INDEX CONCURRENTLY} takes a single name and no {@code CASCADE}.
     */
    private static int indexKeyword(SqlRewriter r) {
        return r.at(0, "DROP", "INDEX") && r.tokens().stream().noneMatch(t -> t.text().equals(",")) ? 1 : -1;
    }
}
