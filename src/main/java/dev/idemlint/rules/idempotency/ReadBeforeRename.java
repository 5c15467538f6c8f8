package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.schema.RenamedReads;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flags a read of a table or column that a later rename of the same revision moves away: the re-run meets the old
 * name gone at the read ({@link RenamedReads}: both statements run whenever the revision does).
 */
public final class ReadBeforeRename implements MigrationRule {
    /** Why the read runs again on MySQL and MariaDB, where the rename after it committed on its own. */
    private static final String MYSQL_WHY = "MySQL and MariaDB commit each DDL statement on its own: when a later"
            + " statement of the revision fails, the rename stays applied and the next upgrade runs the read again. ";

    @Override
    public void check(Migration m, RuleContext ctx) {
        // one finding per read, on the name the server meets first: a table before a column (PostgreSQL resolves
        // the FROM list before the expressions), else the first rename
        Map<Operation, RenamedReads.Pair> first = new LinkedHashMap<>();
        for (RenamedReads.Pair p : RenamedReads.of(m.upgrade(), ctx.verdicts(m), ctx.rerunAnswers(m))) {
            first.merge(p.read(), p, (had, next) -> had.rename().kind() != ObjectKind.TABLE
                    && next.rename().kind() == ObjectKind.TABLE ? next : had);
        }
        first.values().forEach(p -> report(m, ctx, p.read(), p.rename()));
    }

    private static void report(Migration m, RuleContext ctx, Operation read, Operation.Rename r) {
        boolean table = r.kind() == ObjectKind.TABLE;
        String what = table ? "table \"" + r.from() + "\"" : "column \"" + r.from() + "\" of \"" + r.table() + "\"";
        String to = "\"" + r.to() + "\"";
        String because = " because " + what + ", read here, is renamed to " + (r.to() == null ? "another name" : to)
                + " at line " + m.source().lines().line(r.site().span().start()) + " of this revision";
        String remedy = "Read it only while the old name exists (check `sa.inspect(op.get_bind())` around the read"
                + " and the statements that use what it reads), read it after the rename under the new name, or move"
                + " the data migration into a revision of its own.";
        if (ctx.facts().commitsEachStatement()) {
            ServerFacts.Raised error = table ? ctx.facts().undefinedTable() : ctx.facts().undefinedColumn();
            ctx.report(m.source(), read.site(), "Re-running this revision fails here with " + error.label()
                    + because + ".")
                    .help(MYSQL_WHY + remedy).emit();
            return;
        }
        SqlState state = table ? SqlState.UNDEFINED_TABLE : SqlState.UNDEFINED_COLUMN;
        ctx.report(m.source(), read.site(), "Re-running this revision fails with " + RerunScenario.failure(state,
                read.site()) + because + RerunScenario.end(read.site()))
                .help(RerunScenario.why(read.site(), state) + remedy).emit();
    }
}
