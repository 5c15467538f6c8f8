package dev.idemlint.rules.idempotency;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.RerunFailure;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.DropFixes;
import dev.idemlint.rules.fix.DialectFixes;
import dev.idemlint.rules.GoneTable;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.schema.CommittedRerun;
import dev.idemlint.schema.Conflict;
import dev.idemlint.schema.DroppedReads;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.schema.RerunAnswers;
import dev.idemlint.schema.RerunSimulation;
import dev.idemlint.schema.SchemaState;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Flags drops in upgrade() without IF EXISTS: the re-run finds the object gone. */
public final class DropNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        Set<Operation> readsReported = Collections.newSetFromMap(new IdentityHashMap<>());
        // each reported read and whether its guard fix rewrites it (then the drops it reads get their fixes too)
        Map<Operation, Boolean> readsGuarded = new IdentityHashMap<>();
        // what the re-run meets of a first run that committed each statement, built at its first question
        CommittedRerun rerun = null;
        // every statement's reads, read alike on every server: what a missing table or column raises is the server's
        // (42P01 and 42703; 1146 and 1054, whatever statement names it: MysqlFactsTableTest)
        // and every certain alter_column, which requires its table and column as a read does
        DroppedReads reads = DroppedReads.of(m.upgrade(), CommittedRerun.withRequirements(m.upgrade(), m.verdicts()),
                ctx.rerunAnswers(m));
        Map<Operation, Conflict> refused = !ctx.facts().checksRelationKindFirst() ? Map.of()
                : refusedOnRerun(m.upgrade(), ctx.rerunAnswers(m));
        int at = -1;
        for (Operation op : m.upgrade()) {
            at++;
            // a guarded drop, or one with IF EXISTS, still dropped on the first run, which read the object first: an
            // earlier read of its object fails all the same
            Operation read = null;
            if (op instanceof Operation.Drop g && g.name() != null && !ctx.facts().commitsEachStatement()) {
                read = postgresReadBefore(m, ctx, g, at, reads, readsReported, readsGuarded);
            } else if (op instanceof Operation.Drop g && g.name() != null && !firstRunRefuses(g, ctx)) {
                rerun = rerun == null ? ctx.rerun(m) : rerun;
                mysqlReadBefore(m, ctx, g, at, rerun, reads, readsReported);
            }
            boolean readGuarded = read != null && readsGuarded.getOrDefault(read, false);
            if (!(op instanceof Operation.Drop d) || GuardMatch.guarded(m, op) || d.name() == null) {
                continue;
            }
            boolean kwarg = d.site().origin().alembicOp();
            // `if_exists=True` on an Alembic without it fails the first run: unsupported-alembic-kwarg reports it
            boolean firstRunFails = d.ifExists() && kwarg && d.kind() == ObjectKind.CONSTRAINT
                    && !ctx.settings().constraintIfExistsAccepted();
            if (!firstRunFails && GoneTable.reported(m, ctx, op, DropFixes.objectCondition(d, m.source(), ctx.naming()),
                    DropFixes.ifExistsStatement(d, m.source(), true))) {
                continue;
            }
            RerunFailure fails = ctx.verdicts(m).failure(d);
            if (fails != null && ctx.facts().dropWithDependents() != null) {
                // the object is there on the re-run, but another one made by this revision depends on it
                ctx.report(m.source(), op.site(), "Re-running this revision fails with "
                        + RerunScenario.failure(fails.state(), op.site()) + " because "
                        + RerunScenario.describe(d.kind(), d.name(), d.table()) + " " + fails.reason()
                        + RerunScenario.end(op.site()))
                        .help(RerunScenario.why(op.site(), fails.state()) + "`IF EXISTS` does not help: the object is there."
                                + (d.kind() == ObjectKind.INDEX
                                        ? " Drop the constraint first when it exists (`ALTER TABLE ... DROP CONSTRAINT"
                                                + " IF EXISTS`), which takes its index with it."
                                        : " Drop what depends on it first (or write `DROP ... CASCADE`, which drops the"
                                                + " referencing foreign keys and the defaults that use its sequences),"
                                                + " so that a re-run meets nothing that depends on it."))
                        .fixes(d.kind() == ObjectKind.INDEX ? DropFixes.constraintFirst(d, fails, m.source(), m.upgrade())
                                : DropFixes.dependentFirst(d, ctx.verdicts(m), at, m.source(), m.upgrade()))
                        .emit();
                continue;
            }
            // the state the re-run meets refuses the drop before it looks the constraint up: a view holds the
            // name, and IF EXISTS (or `if_exists=True`) does not skip that
            Conflict refusal = refused.get(op);
            boolean onView = refusal != null;
            if (d.ifExists() && !onView && (!kwarg || DropFixes.kwargSupported(d.kind(), ctx.settings()))) {
                continue;
            }
            if (firstRunRefuses(d, ctx)) {
                continue; // a TypeError on older Alembic, a syntax error on MySQL 8.0: unsupported-alembic-kwarg reports it.
            }
            String what = RerunScenario.describe(d.kind(), d.name(), d.table());
            String ignored = d.ifExists() && !onView ? " (`if_exists=True` is ignored)" : "";
            String why = !d.ifExists() || onView ? ""
                    : d.kind() == ObjectKind.CONSTRAINT && ctx.settings().constraintIfExistsAccepted()
                            ? "SQLAlchemy's MySQL compiler writes no `IF EXISTS` into a dropped constraint. "
                            : "Alembic " + ctx.settings().alembic() + " ignores `if_exists=True` here. ";
            List<Fix> fixes = read != null && !readGuarded ? List.of() : DropFixes.fixes(d, m.source(), ctx.settings(), ctx.naming(), onView);
            List<Fix> offered = DialectFixes.portable(fixes, ctx.facts(), d.kind());
            ServerFacts.Raised missing = onView ? ServerFacts.Raised.of(refusal.sqlState())
                    : ctx.facts().dropMissing(d.kind(), d.constraintType());
            if (!onView && ctx.facts().tolerates(op.site(), missing)) {
                continue; // a try/except that catches it lets the revision go on (MySQL aborts no transaction)
            }
            ctx.report(m.source(), op.site(), "Re-running this revision fails with "
                    + ctx.facts().failure(missing, op.site())
                    + " because " + (onView ? "\"" + d.table() + "\" is a view by then (this revision makes it), not a table"
                            : what + " is already gone" + ignored) + RerunScenario.end(op.site()))
                    .help(ctx.facts().rerunWhy(op.site(), missing)
                            + why
                            + (onView ? VIEW_HELP : help(d, kwarg, ctx))
                            + (read == null || readGuarded ? "" : reads.requirement(read) ? ALTER_FIRST : READ_FIRST)
                            + (offered.isEmpty() && !fixes.isEmpty() ? DialectFixes.noFix(ctx.facts()) : ""))
                    .fixes(offered).emit();
        }
    }

    /**
     * The drops the re-run simulation finds refused before their object is looked up: a constraint's drop on a
     * relation that the state the first run left holds, certainly, as a view ({@link SchemaState#dropRefused},
     * 42809 with or without {@code IF EXISTS}; the revision renamed the table away and made a view under its
     * name). {@code plan} asks the same state on a live catalog. A view made under a condition, or code that may
     * touch the name, leaves the relation's kind unknown there, and nothing is claimed.
     */
    private static Map<Operation, Conflict> refusedOnRerun(List<Operation> upgrade, RerunAnswers answers) {
        Map<Operation, Conflict> out = new IdentityHashMap<>();
        if (upgrade.stream().noneMatch(o -> o instanceof Operation.Drop d && d.kind() == ObjectKind.CONSTRAINT)) {
            return out;
        }
        for (RerunSimulation.Failure f : answers.conflicts()) {
            if (f.op() instanceof Operation.Drop && f.conflict().about() == Conflict.About.NOT_A_TABLE) {
                out.put(f.op(), f.conflict());
            }
        }
        return out;
    }

    private static String help(Operation.Drop d, boolean kwarg, RuleContext ctx) {
        if (d.site().origin() == Origin.SQLALCHEMY_DDL) {
            return "Pass `checkfirst=True` to `.drop(...)`.";
        }
        String clause = "`DROP " + d.kind().sql().toUpperCase(Locale.ROOT) + " IF EXISTS`";
        boolean has = ctx.facts().dropIfExists(d.kind());
        if (!kwarg) {
            return has ? "Write " + clause + "." : ctx.facts().server() + " has no " + clause
                    + ": guard the drop with the inspector (drop only while the object exists).";
        }
        if (DropFixes.kwargSupported(d.kind(), ctx.settings())) {
            return "Pass `if_exists=True`, or guard the call with the inspector.";
        }
        return "Guard the call with the inspector (`has_table`, `get_columns`, `get_indexes`, ...)" + (has
                ? ", or use `op.execute(\"DROP ... IF EXISTS ...\")`; Alembic " + ctx.settings().alembic()
                        + " has no working `if_exists` here."
                : "; " + ctx.facts().server() + " has no " + clause + ".");
    }

    /**
     * Whether the first run of drop {@code d} fails on the project's server, so no re-run follows it: {@code
     * if_exists=True} on a constraint with an Alembic without it (TypeError), or on MySQL 8.0, whose DROP has no
     * IF EXISTS there (a syntax error); unsupported-alembic-kwarg reports both.
     */
    private static boolean firstRunRefuses(Operation.Drop d, RuleContext ctx) {
        boolean kwarg = d.site().origin().alembicOp();
        if (!d.ifExists() || !kwarg) {
            return false;
        }
        if (d.kind() == ObjectKind.CONSTRAINT) {
            // accepted, it renders IF EXISTS or (SQLAlchemy's MySQL compiler) nothing, and the first run runs
            return !ctx.settings().constraintIfExistsAccepted();
        }
        return !ctx.settings().dialect().takesAlterIfExists()
                && DropFixes.kwargSupported(d.kind(), ctx.settings().withDialect(Dialect.POSTGRESQL));
    }

    /**
     * A read earlier in the revision of what drop {@code d} drops: on MySQL/MariaDB the first run's drop committed,
     * so the re-run stops at that read before it reaches the drop, with 1054 ER_BAD_FIELD_ERROR on a column or 1146
     * ER_NO_SUCH_TABLE on a table. The drop may be guarded or carry IF EXISTS: the first run read the object, so
     * it existed, and the drop after the read dropped it. Two readings: a raw {@code SELECT} or {@code WITH} that
     * names {@code table.column} (backticks optional), else every certain, unguarded data statement read as on
     * PostgreSQL ({@link RuleContext#dataReads}) whose object the re-run meets gone. Reported at the read, with no
     * fix: only a guard around the read and what uses its rows tolerates the re-run.
     */
    private static void mysqlReadBefore(Migration m, RuleContext ctx, Operation.Drop d, int at,
            CommittedRerun rerun, DroppedReads reads, Set<Operation> reported) {
        Operation o = d.kind() == ObjectKind.COLUMN && d.table() != null
                ? rerun.readBefore(d.table(), d.name(), at, d.site().phase(), reported) : null;
        String what = o == null ? null : "column \"" + d.name() + "\" of \"" + d.table() + "\"";
        ServerFacts.Raised error = ctx.facts().undefinedColumn();
        if (o == null) {
            o = reads.readBefore(d, at);
            boolean insertIntoGone = o instanceof Operation.Insert && ctx.verdicts(m).failure(o) != null;
            if (o == null || o == d || o.site().guard() != null || !reads.gone(o, d) || insertIntoGone
                    || !reported.add(o)) {
                return;
            }
            ReadObject first = firstGone(reads, o, d);
            what = first.table() != null ? "table \"" + first.table() + "\""
                    : "column \"" + first.column().name() + "\" of \"" + first.column().table() + "\"";
            error = first.table() != null ? ctx.facts().undefinedTable() : ctx.facts().undefinedColumn();
        }
        boolean alters = reads.requirement(o);
        ctx.report(m.source(), o.site(), "Re-running this revision fails here with "
                + error.label() + " because " + what
                + (alters ? ", which this statement alters," : ", which this read names,")
                + " is already dropped by a later statement of this revision.")
                .help(ctx.facts().rerunWhy(o.site(), error) + (alters ? alterHelp(what.startsWith("table"))
                        : (what.startsWith("table")
                        ? "Read the table only while it exists (check `sa.inspect(op.get_bind()).has_table(...)`"
                        : "Read the column only while it exists (check `sa.inspect(op.get_bind()).get_columns(...)`")
                        + " around the read and the writes that use its rows), or move the data migration into a"
                        + " revision of its own."))
                .emit();
    }

    /**
     * The remedy for an {@code alter_column} of a table or column a later statement of the revision drops: the
     * alteration is lost with the object, so only a guard around it (or leaving it out) lets the re-run pass.
     */
    private static String alterHelp(boolean table) {
        return "Alter it only while it exists (check `sa.inspect(op.get_bind())."
                + (table ? "has_table(...)`" : "get_columns(...)`")
                + " around the alter), or leave the alter out: the revision drops what it alters.";
    }

    /** The remedy for a constraint's drop where the revision makes a view under its table's name. */
    private static final String VIEW_HELP = "This revision makes a view under the table's name, and `DROP CONSTRAINT"
            + " IF EXISTS` (or `if_exists=True`) fails on a view (42809): drop the constraint only while pg_constraint"
            + " lists it on that table.";

    /** Why a drop whose object an earlier alter_column of the revision alters gets no fix. */
    private static final String ALTER_FIRST = " No fix is offered: an earlier statement of this revision alters"
            + " what this drops, so the re-run fails at that statement before it reaches this drop.";

    /** Why a drop whose object an earlier read of the revision names gets no fix. */
    private static final String READ_FIRST = " No fix is offered: an earlier statement of this revision reads"
            + " what this drops, so the re-run fails at that read before it reaches this drop.";

    /**
     * On PostgreSQL the whole revision committed, so its re-run meets the end state of the first run: a literal
     * data statement earlier in the revision that opens the table {@code d} drops, or names its column as
     * {@code table.column}, fails before the re-run reaches {@code d}. The read is reported once, with what
     * PostgreSQL raises there: 42P01 undefined_table when it opens a table the revision drops later (the FROM
     * list is resolved before the expressions), else 42703 undefined_column. Returns the read, reported now or
     * before; null when there is none.
     */
    private static Operation postgresReadBefore(Migration m, RuleContext ctx, Operation.Drop d, int at,
            DroppedReads reads, Set<Operation> reported, Map<Operation, Boolean> guarded) {
        Operation o = reads.readBefore(d, at);
        if (o == null || o.site().guard() != null || !reads.gone(o, d)) {
            // a guarded read may not run; an object the re-run may meet again at the read (made before it, as a
            // temporary table, or after the drop, or by code between it cannot read) is not claimed
            return null;
        }
        if (!reported.add(o)) {
            return o;
        }
        ReadObject first = firstGone(reads, o, d);
        String table = first.table();
        Operation.Drop column = first.column();
        String what = table != null ? "table \"" + table + "\""
                : "column \"" + column.name() + "\" of \"" + column.table() + "\"";
        boolean alters = reads.requirement(o);
        Fix guard = alters ? null : DropFixes.readGuard(m.source(), o, d, table, m.upgrade());
        guarded.put(o, guard != null && guard.applicability() != Applicability.DISPLAY_ONLY);
        ctx.report(m.source(), o.site(), "Re-running this revision fails with "
                + RerunScenario.failure(table != null ? SqlState.UNDEFINED_TABLE : SqlState.UNDEFINED_COLUMN, o.site())
                + " because " + what + (alters ? ", altered here," : ", read here,")
                + " is dropped later in this revision" + RerunScenario.end(o.site()))
                .help(RerunScenario.why(o.site(), table != null ? SqlState.UNDEFINED_TABLE : SqlState.UNDEFINED_COLUMN)
                        + (alters ? alterHelp(table != null) : "Read it only while it exists (check"
                        + " `sa.inspect(op.get_bind())` around the read and the statements that use what it"
                        + " reads), or move the data migration into a revision of its own."
                        + DropFixes.noReadFix(o, guard, d, table)))
                .fixes(guard == null ? List.of() : List.of(guard)).emit();
        return o;
    }

    /** What a read fails on first: a dropped table it opens, else the dropped column it names first. */
    private record ReadObject(String table, Operation.Drop column) {
    }

    /**
     * The object read {@code o} fails on, of those the revision drops after it and the re-run meets gone, {@code d}
     * among them: a table before any column (the FROM list is resolved before the expressions), else the first
     * column it names.
     */
    private static ReadObject firstGone(DroppedReads reads, Operation o, Operation.Drop d) {
        String table = null;
        Operation.Drop column = d.kind() == ObjectKind.COLUMN ? d : null;
        for (Operation.Drop t : reads.droppedAfter(o)) {
            if (!reads.gone(o, t)) {
                continue;
            }
            if (t.kind() == ObjectKind.TABLE) {
                table = t.name();
                break;
            }
            if (t.kind() == ObjectKind.COLUMN && column != null && reads.namedBefore(o, t, column)) {
                column = t;
            }
        }
        return new ReadObject(table == null && column == null ? d.name() : table, table == null ? column : null);
    }
}
