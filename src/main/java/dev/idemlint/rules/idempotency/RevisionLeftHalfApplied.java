package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import java.util.Objects;

/** Flags, on MySQL/MariaDB, a statement that can fail on existing rows after DDL a re-run repeats. */
public final class RevisionLeftHalfApplied implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        if (!ctx.facts().commitsEachStatement()) {
            return;
        }
        // those of earlier statements; the clauses of one ALTER TABLE are one statement, which leaves none of
        // them applied when it fails: they count once the next statement begins
        Operation firstRepeated = null;
        int repeated = 0;
        Operation pendingFirst = null;
        int pending = 0;
        OpSite statement = null;
        for (Operation op : m.upgrade()) {
            if (statement == null || !sameStatement(statement, op.site())) {
                firstRepeated = firstRepeated == null ? pendingFirst : firstRepeated;
                repeated += pending;
                pendingFirst = null;
                pending = 0;
                statement = op.site();
            }
            if (firstRepeated != null && failsOnData(op)) {
                ctx.report(m.source(), op.site(), "If this statement fails on the rows it meets, "
                        + (repeated == 1 ? "the statement before it stays" : "the " + repeated + " statements before it"
                                + " stay") + " committed and the next upgrade fails re-running "
                        + (repeated == 1 ? "it." : "them."))
                        .help("MySQL and MariaDB commit each DDL statement on its own, so a failure here leaves the"
                                + " earlier ones applied while alembic_version stays behind. Make them tolerate a"
                                + " re-run, or move this statement into a revision of its own.")
                        .related(m.source(), firstRepeated.site().span(), "the re-run fails here first")
                        .emit();
                return;
            }
            if (failsOnRerun(m, op) && !toleratedOnRerun(ctx.facts(), op)) {
                pendingFirst = pendingFirst == null ? op : pendingFirst;
                pending++;
            }
        }
    }

    /** Whether {@code a} and {@code b} are clauses of one SQL statement (ALTER TABLE t DROP ..., ADD ...). */
    private static boolean sameStatement(OpSite a, OpSite b) {
        return a.origin() == Origin.RAW_SQL && b.origin() == Origin.RAW_SQL && a.sqlStart() == b.sqlStart()
                && a.sqlEnd() == b.sqlEnd() && Objects.equals(a.statement(), b.statement());
    }

    /** DDL that commits on its own and raises a duplicate or missing-object error when run twice. */
    private static boolean failsOnRerun(Migration m, Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return !a.ifNotExists() && !GuardMatch.createGuarded(m, op);
        }
        if (op instanceof Operation.CreateTable t) {
            return !t.ifNotExists() && !GuardMatch.createGuarded(m, op);
        }
        if (op instanceof Operation.CreateIndex i) {
            return i.name() != null && !i.ifNotExists() && !GuardMatch.createGuarded(m, op);
        }
        if (op instanceof Operation.AddConstraint c) {
            return (c.name() != null || c.kind() == ConstraintKind.PRIMARY_KEY) && !c.ifNotExists()
                    && !GuardMatch.createGuarded(m, op);
        }
        if (op instanceof Operation.Drop d) {
            // a primary key's drop re-runs cleanly on the key a later statement makes again, which a failure before
            // that statement leaves unmade: on the state such a failure leaves, the drop meets no key
            return !d.ifExists() && (d.primaryKey() ? !GuardMatch.guarded(op) && !primaryKeyAddedInStatement(m, op)
                    : !GuardMatch.dropGuarded(m, op));
        }
        return op instanceof Operation.Rename && !GuardMatch.createGuarded(m, op);
    }

    /** Whether a clause of {@code drop}'s own statement adds a primary key ({@code DROP PRIMARY KEY, ADD PRIMARY KEY}). */
    private static boolean primaryKeyAddedInStatement(Migration m, Operation drop) {
        return m.upgrade().stream().anyMatch(op -> op != drop && sameStatement(drop.site(), op.site())
                && op instanceof Operation.AddConstraint c && c.kind() == ConstraintKind.PRIMARY_KEY);
    }

    /**
     * Whether a try/except around {@code op} catches the error its re-run raises and lets the revision go on (on a
     * server that aborts no transaction on an error, {@link ServerFacts#tolerates}).
     */
    private static boolean toleratedOnRerun(ServerFacts facts, Operation op) {
        ServerFacts.Raised raised = op instanceof Operation.AddColumn ? facts.duplicate(ObjectKind.COLUMN, null)
                : op instanceof Operation.CreateTable ? facts.duplicate(ObjectKind.TABLE, null)
                : op instanceof Operation.CreateIndex ? facts.duplicate(ObjectKind.INDEX, null)
                : op instanceof Operation.AddConstraint c ? facts.duplicate(ObjectKind.CONSTRAINT, c.kind())
                : op instanceof Operation.Drop d ? facts.dropMissing(d.kind())
                : op instanceof Operation.Rename r ? facts.renameMissing(r.kind()) : null;
        return raised != null && facts.tolerates(op.site(), raised);
    }

    /** A statement whose success depends on the rows in the table. */
    private static boolean failsOnData(Operation op) {
        if (op instanceof Operation.CreateIndex i) {
            return i.unique();
        }
        if (op instanceof Operation.AddConstraint c) {
            return c.kind() != ConstraintKind.UNKNOWN;
        }
        if (op instanceof Operation.AddColumn a) {
            return a.column().unique() || a.column().primaryKey() || a.column().foreignKey();
        }
        return op instanceof Operation.Benign b && (b.what().equals("alter_column")
                || b.what().equals("ALTER TABLE ... MODIFY") || b.what().equals("ALTER TABLE ... CHANGE"));
    }
}
