package dev.idemlint.rules.idempotency;

import dev.idemlint.fix.Fix;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.RerunFailure;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.DialectFixes;
import dev.idemlint.rules.GoneTable;
import dev.idemlint.rules.fix.RenameFixes;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.schema.CommittedRerun;
import dev.idemlint.schema.Effect;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.OpEffects;
import dev.idemlint.schema.RenamedReads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Flags renames ({@code rename_table}, {@code alter_column(new_column_name=...)}, {@code RENAME ...}). */
public final class RenameNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        // what the re-run meets of the first run on the project's server, built at its first question
        CommittedRerun rerun = null;
        Touches touches = new Touches(m.upgrade());
        Map<Operation.Rename, Operation> reads = null;
        for (int at = 0; at < m.upgrade().size(); at++) {
            Operation op = m.upgrade().get(at);
            // a "rename" to its own name (alter_column(c, new_column_name=c)) renames nothing: MySQL's CHANGE c c re-runs
            if (!(op instanceof Operation.Rename r) || GuardMatch.guarded(m, op) || r.from() == null
                    || r.from().equals(r.to())
                    || GoneTable.reported(m, ctx, op, RenameFixes.columnRenameCondition(r, m.source()))) {
                continue;
            }
            SqlState state = RenameFixes.missing(r.kind());
            // what the rename of a missing object raises; an enum label's rename, on a server with named types, its own
            ServerFacts.Raised missing = r.kind() == ObjectKind.OTHER && ctx.facts().namedTypes() ? ServerFacts.Raised.of(state)
                    : ctx.facts().renameMissing(r.kind());
            String what = r.kind() == ObjectKind.OTHER && r.table() != null
                    ? "enum value '" + r.from() + "' of type \"" + r.table() + "\""
                    : RerunScenario.describe(r.kind(), r.from(), r.table());
            RerunFailure fails = ctx.verdicts(m).failure(r);
            ServerFacts.Raised taken = fails == null ? null : ctx.facts().renameTaken(r.kind(), fails.state());
            // another clause of the statement names a column gone on the re-run: the server resolves those first
            ObjectRef gone = taken == null || ctx.facts().statementColumnMissing() == null ? null
                    : ctx.rerunAnswers(m).statementColumnGone(at);
            if (gone != null) {
                ServerFacts.Raised missingColumn = ctx.facts().statementColumnMissing();
                ctx.report(m.source(), op.site(), "Re-running this revision fails with "
                        + ctx.facts().failure(missingColumn, op.site()) + " because "
                        + RerunScenario.describe(ObjectKind.COLUMN, gone.name().name(), r.table())
                        + ", which this statement names, is already gone when the re-run reaches it"
                        + RerunScenario.end(op.site()))
                        .help(ctx.facts().rerunWhy(op.site(), missingColumn) + ctx.facts().server() + " resolves the"
                                + " columns a statement names before it compares new names. No form of the rename"
                                + " tolerates a taken new name: guard the statement with the inspector (run it only"
                                + " while the old names exist and the new ones are free)." + DialectFixes.noFix(ctx.facts()))
                        .emit();
                continue;
            }
            if (taken != null) {
                // the old name is there again on the re-run, and so is the new one (a table gone is GoneTable's)
                List<Fix> takenFixes = DialectFixes.portable(RenameFixes.takenNameFixes(r, fails, m.source()),
                        ctx.facts(), r.kind());
                ctx.report(m.source(), op.site(), "Re-running this revision fails with "
                        + ctx.facts().failure(taken, op.site()) + " because " + what
                        + " cannot be renamed to \""
                        + RerunScenario.nameOr(r.to()) + "\": " + fails.reason()
                        + RerunScenario.end(op.site()))
                        .help(ctx.facts().rerunWhy(op.site(), taken) + "No form of the rename tolerates a taken new name:"
                                + " guard it with the inspector (rename only while the new name is free)"
                                + (ctx.facts().doBlocks() ? ", or wrap it in `DO $$ BEGIN ...; EXCEPTION WHEN "
                                        + fails.state().condition() + " THEN null; END $$`." : ".")
                                + (takenFixes.isEmpty() && !ctx.facts().doBlocks() ? DialectFixes.noFix(ctx.facts()) : ""))
                        .fixes(alone(takenFixes, m, touches, at, r)).emit();
                continue;
            }
            rerun = rerun == null ? ctx.rerun(m) : rerun;
            // a column's table renamed away later: where the revision commits as a whole, the re-run check's
            // gone-table verdict covers it (GoneTable), and that re-run answers none here
            Operation.Rename tableGone = rerun.tableRenamedLater(r);
            List<Fix> fixes = DialectFixes.portable(RenameFixes.fixes(r, m.source(), tableGone != null), ctx.facts(),
                    r.kind());
            fixes = alone(fixes, m, touches, at, r);
            if (!fixes.isEmpty()) {
                reads = reads == null ? RenamedReads.byRename(m.upgrade(), ctx.verdicts(m), ctx.rerunAnswers(m)) : reads;
                fixes = withheldForRead(fixes, m, reads.get(r), r);
            }
            String failure = tableGone != null
                    ? ctx.facts().undefinedTable().label() + " because table \""
                            + r.table() + "\" was already renamed to \"" + RerunScenario.nameOr(tableGone.to())
                            + "\" by a later statement of this revision"
                    : ctx.facts().failure(missing, op.site())
                            + " because " + what + " was already renamed to \"" + RerunScenario.nameOr(r.to())
                            + "\"";
            ctx.report(m.source(), op.site(), "Re-running this revision fails with " + failure
                    + RerunScenario.end(op.site()))
                    .help(ctx.facts().rerunWhy(op.site(), missing) + (ctx.facts().doBlocks()
                            ? ifExistsForm(r.kind()) + "guard the rename with the inspector (rename only while the old"
                                    + " name exists), or wrap it in `DO $$ BEGIN ...; EXCEPTION WHEN "
                                    + state.condition() + " THEN null; END $$`."
                            : ctx.facts().server() + " has no `RENAME ... IF EXISTS`: guard the rename with the"
                                    + " inspector (rename only while the old name exists)."
                                    + (fixes.isEmpty() ? DialectFixes.noFix(ctx.facts()) : ""))).fixes(fixes).emit();
        }
    }

    /**
     * {@code fixes}, or their first as a suggestion when an earlier statement of the revision makes or drops the
     * name this rename makes: a re-run runs that statement against the object the first run's rename made
     * (dropping it, say) and the guarded rename then skips, so the schema it leaves differs. An earlier rename
     * of that name away is no such statement: its own guard skips it on the re-run (a swap into place).
     */
    private static List<Fix> alone(List<Fix> fixes, Migration m, Touches touches, int at, Operation.Rename r) {
        if (fixes.isEmpty() || !touches.before(at, r)) {
            return fixes;
        }
        Fix withDrop = RenameFixes.withEarlierDrop(m, r);
        if (withDrop != null) {
            return List.of(withDrop);
        }
        return List.of(Fix.displayOnly(fixes.get(0).title() + " (not applied)", "an earlier statement of this revision"
                + " makes or drops \"" + r.to() + "\" and runs again on the re-run against what this rename"
                + " made; guard both under one condition"));
    }

    /**
     * {@code fixes}, or their first as a suggestion when {@code read}, an earlier statement of the revision, reads
     * the old name ({@link RenamedReads}): a guarded rename skips on the re-run, and the read before it still
     * meets the name gone and fails. No guard on the rename alone makes the revision re-runnable.
     */
    private static List<Fix> withheldForRead(List<Fix> fixes, Migration m, Operation read, Operation.Rename r) {
        if (read == null || fixes.isEmpty()) {
            return fixes;
        }
        return List.of(Fix.displayOnly(fixes.get(0).title() + " (not applied)", "line "
                + m.source().lines().line(read.site().span().start()) + " reads \"" + r.from() + "\" before this"
                + " rename and fails on the re-run whatever guards the rename; guard the read and the rename under"
                + " one condition, or move the data migration into a revision of its own"));
    }

    /**
     * Per object, the position of the revision's first statement that makes or drops it, and the revision's
     * forgets (opaque code, names not read) in order, worked out once per revision on the first question: a
     * revision of N renames asks N times, each answered by one lookup and a look at the forgets before it.
     */
    private static final class Touches {
        private final List<Operation> upgrade;
        private Map<ObjectRef, Integer> first;
        private final List<Integer> forgetAt = new ArrayList<>();
        private final List<Effect.Forget> forgets = new ArrayList<>();

        Touches(List<Operation> upgrade) {
            this.upgrade = upgrade;
        }

        /**
         * Whether a statement before position {@code at} (where {@code r} is) makes or drops the name {@code r}
         * makes, or may ({@link OpEffects#mayReach}).
         */
        boolean before(int at, Operation.Rename r) {
            Effect.Rename renamed = OpEffects.of(r).rename();
            if (renamed == null) {
                return false;
            }
            ObjectRef target = renamed.target();
            if (first == null) {
                first = new HashMap<>();
                for (int i = 0; i < upgrade.size(); i++) {
                    OpEffects effects = OpEffects.of(upgrade.get(i));
                    for (ObjectRef o : effects.madeOrDropped()) {
                        first.putIfAbsent(o, i);
                    }
                    for (Effect.Forget f : effects.forgets()) {
                        forgetAt.add(i);
                        forgets.add(f);
                    }
                }
            }
            Integer i = first.get(target);
            if (i != null && i < at) {
                return true;
            }
            for (int k = 0; k < forgets.size() && forgetAt.get(k) < at; k++) {
                if (OpEffects.mayReach(forgets.get(k), target)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * What PostgreSQL's {@code IF EXISTS} does for this rename: {@code ALTER TABLE|INDEX|SEQUENCE|VIEW|
     * MATERIALIZED VIEW IF EXISTS} skips a missing relation (never a taken new name: no form has
     * {@code IF NOT EXISTS}), {@code ALTER TABLE IF EXISTS} a missing table, not a missing column.
     */
    private static String ifExistsForm(ObjectKind kind) {
        return switch (kind) {
            case TABLE, INDEX, SEQUENCE, VIEW, MATERIALIZED_VIEW -> "Write `ALTER "
                    + kind.name().replace('_', ' ') + " IF EXISTS ... RENAME TO`, which skips a missing old name"
                    + " (nothing tolerates a taken new name: that still fails with 42P07), or ";
            case COLUMN, CONSTRAINT -> "`ALTER TABLE IF EXISTS` skips a missing table, not a missing "
                    + kind.name().toLowerCase(Locale.ROOT) + ": ";
            default -> "PostgreSQL has no `IF EXISTS` for this rename: ";
        };
    }

}
