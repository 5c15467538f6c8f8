package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.schema.CommittedRerun;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.Presence;
import dev.idemlint.schema.RerunSimulation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags a read of a table or column that a later rename of the same revision moves away: the re-run meets the old
 * name gone at the read. The reads are {@link RuleContext#dataReads}'s (literal SQL and SQLAlchemy Core statements), the
 * presence at the read is {@link RuleContext#rerunAnswers}' (the state the first run left, replayed up to the read),
 * and both statements run whenever the revision does: unguarded and definite.
 */
public final class ReadBeforeRename implements MigrationRule {
    /** Why the read runs again on MySQL and MariaDB, where the rename after it committed on its own. */
    private static final String MYSQL_WHY = "MySQL and MariaDB commit each DDL statement on its own: when a later"
            + " statement of the revision fails, the rename stays applied and the next upgrade runs the read again. ";

    /** A read and the rename after it whose old name it reads. */
    private record Pair(Operation read, Operation.Rename rename, RerunSimulation.Question question) {
    }

    @Override
    public void check(Migration m, RuleContext ctx) {
        // one finding per read, on the name the server meets first: a table before a column (PostgreSQL resolves
        // the FROM list before the expressions), else the first rename
        Map<Operation, Pair> first = new LinkedHashMap<>();
        for (Pair p : pairs(m, ctx)) {
            first.merge(p.read(), p, (had, next) -> had.rename().kind() != ObjectKind.TABLE
                    && next.rename().kind() == ObjectKind.TABLE ? next : had);
        }
        first.values().forEach(p -> report(m, ctx, p.read(), p.rename()));
    }

    /**
     * Per rename of the revision, the first read of its old name that the re-run meets with the name gone. A guard
     * on such a rename cannot make the revision re-runnable: it skips the rename on the re-run, and the read before
     * it still fails; it also makes the rename conditional, which silences this rule.
     */
    static Map<Operation.Rename, Operation> readsBefore(Migration m, RuleContext ctx) {
        Map<Operation.Rename, Operation> out = new IdentityHashMap<>();
        for (Pair p : pairs(m, ctx)) {
            out.putIfAbsent(p.rename(), p.read());
        }
        return out;
    }

    /** The certain reads of a name that a later certain rename of the revision moves away, met gone on the re-run. */
    private static List<Pair> pairs(Migration m, RuleContext ctx) {
        List<Operation> upgrade = m.upgrade();
        CommittedRerun rerun = null;
        Map<Operation, Integer> index = new IdentityHashMap<>();
        List<Pair> pairs = new ArrayList<>();
        for (int at = 0; at < upgrade.size(); at++) {
            index.put(upgrade.get(at), at);
            if (!(upgrade.get(at) instanceof Operation.Rename r) || !certain(m, r) || r.ifExists() || r.from() == null
                    || r.kind() != ObjectKind.TABLE && (r.kind() != ObjectKind.COLUMN || r.table() == null)) {
                continue;
            }
            // the full reading on MySQL and MariaDB too: a read of a renamed column fails there with 1054, of a
            // renamed table with 1146, whatever statement reads it (MysqlFactsTableTest)
            rerun = rerun == null ? ctx.dataReads(m) : rerun;
            Operation read = r.kind() == ObjectKind.TABLE ? rerun.tableReadBefore(r.from(), at, r.site().phase())
                    : rerun.columnReadBefore(r.table(), r.from(), at, r.site().phase());
            ObjectRef old = ctx.rerunAnswers(m).claimed(r);
            // an insert whose own table the engine found gone at it is insert-not-idempotent's finding, one per statement
            boolean insertIntoGone = read instanceof Operation.Insert
                    && ctx.verdicts(m).failure(read) != null;
            if (read != null && read != r && certain(m, read) && old != null && !insertIntoGone) {
                pairs.add(new Pair(read, r, new RerunSimulation.Question(index.get(read), old)));
            }
        }
        if (pairs.isEmpty()) {
            return pairs;
        }
        Map<RerunSimulation.Question, Presence> meets = ctx.rerunAnswers(m)
                .meets(pairs.stream().map(Pair::question).toList());
        return pairs.stream().filter(p -> meets.get(p.question()) == Presence.ABSENT).toList();
    }

    /**
     * Runs whenever the revision does: a statement of upgrade() under no guard, condition, loop or try, and not
     * settled by the re-run check.
     */
    private static boolean certain(Migration m, Operation op) {
        return m.verdicts().definite(op);
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
