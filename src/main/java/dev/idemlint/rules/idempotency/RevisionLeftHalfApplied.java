package dev.idemlint.rules.idempotency;

import dev.idemlint.schema.RerunSimulation;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import java.util.List;
import java.util.Objects;

/** Flags, on MySQL/MariaDB, a statement that can fail on existing rows after DDL a re-run repeats. */
public final class RevisionLeftHalfApplied implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        if (!ctx.facts().commitsEachStatement()) {
            return;
        }
        List<Operation> upgrade = m.upgrade();
        // the clauses of one ALTER TABLE are one statement, which leaves none of them applied when it fails
        int statementStart = 0;
        for (int i = 0; i < upgrade.size(); i++) {
            Operation op = upgrade.get(i);
            if (i > 0 && !sameStatement(upgrade.get(i - 1).site(), op.site())) {
                statementStart = i;
            }
            if (statementStart == 0 || !ctx.facts().failsOnRows(op)) {
                continue;
            }
            List<RerunSimulation.Failure> met = ctx.rerunAnswers(m).conflictsAfterStop(statementStart).stream()
                    .filter(f -> !tolerated(ctx.facts(), f.op())).toList();
            if (met.isEmpty()) {
                continue;
            }
            int repeated = statements(met);
            ctx.report(m.source(), op.site(), "If this statement fails on the rows it meets, "
                    + (repeated == 1 ? "the statement before it stays" : "the " + repeated + " statements before it"
                            + " stay") + " committed and the next upgrade fails re-running "
                    + (repeated == 1 ? "it." : "them."))
                    .help("MySQL and MariaDB commit each DDL statement on its own, so a failure here leaves the"
                            + " earlier ones applied while alembic_version stays behind. Make them tolerate a"
                            + " re-run, or move this statement into a revision of its own.")
                    .related(m.source(), met.get(0).op().site().span(), "the re-run fails here first")
                    .emit();
            return;
        }
    }

    /** How many SQL statements the failing operations {@code met} (in order) are clauses of. */
    private static int statements(List<RerunSimulation.Failure> met) {
        int n = 0;
        OpSite last = null;
        for (RerunSimulation.Failure f : met) {
            if (last == null || !sameStatement(last, f.op().site())) {
                n++;
            }
            last = f.op().site();
        }
        return n;
    }

    /** Whether {@code a} and {@code b} are clauses of one SQL statement (ALTER TABLE t DROP ..., ADD ...). */
    private static boolean sameStatement(OpSite a, OpSite b) {
        return a.origin() == Origin.RAW_SQL && b.origin() == Origin.RAW_SQL && a.sqlStart() == b.sqlStart()
                && a.sqlEnd() == b.sqlEnd() && Objects.equals(a.statement(), b.statement());
    }

    /** Whether a try/except around {@code op} catches the error its re-run raises and lets the revision go on. */
    private static boolean tolerated(ServerFacts facts, Operation op) {
        ServerFacts.Raised raised = facts.rerunRaises(op);
        return raised != null && facts.tolerates(op.site(), raised);
    }
}
