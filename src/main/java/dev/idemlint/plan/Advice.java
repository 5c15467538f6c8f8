package dev.idemlint.plan;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.Presence;
import dev.idemlint.schema.SchemaState;
import dev.idemlint.schema.SchemaTimeline;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a failing revision is told: which object is in the way and who made it, whether
 * {@code alembic stamp} is safe, which revision creates a missing table, what a failure on MySQL leaves
 * applied. Wording only: what fails is decided by the walk.
 */
final class Advice {
    private final Planner.Input in;
    private final SchemaState state;
    private final Placement places;
    private final ServerFacts errors;
    private final Progress progress;
    private final CatalogComparison comparison;

    Advice(Planner.Input in, SchemaState state, Placement places, ServerFacts errors, Progress progress,
            CatalogComparison comparison) {
        this.in = in;
        this.state = state;
        this.places = places;
        this.errors = errors;
        this.progress = progress;
        this.comparison = comparison;
    }

    /** "column players.custom_notes", "relation billing.invoices": the object's namespace and its path. */
    String describeKey(ObjectRef ref) {
        if (ref == null) {
            return "the object";
        }
        String kind = switch (ref.kind()) {
            case COLUMN, CONSTRAINT, TRIGGER, POLICY, SCHEMA, EXTENSION, ROLE, TYPE, FUNCTION -> ref.kind().sql();
            case DOMAIN -> "type";
            case PROCEDURE, AGGREGATE -> "function";
            default -> "relation";
        };
        return kind + " " + ref.path(state.currentSchema());
    }

    String stampWords() {
        List<String> rows = in.catalog().versionTable().rows();
        String vt = in.catalog().versionTable().name();
        if (!in.catalog().versionTable().exists()) {
            return "the database has no " + vt + " table";
        }
        if (rows.isEmpty()) {
            return vt + " is empty";
        }
        return vt + " says " + String.join(", ", rows);
    }

    /**
     * The entry of a revision that fails at {@code line} ({@code failing}): why (the object made earlier in this run, the
     * schema ahead of the stamp, a missing table) and what to do; {@code ran}: the indexes of the statements that ran
     * before it, of which a server that commits each statement on its own keeps what {@link MysqlCommits} says.
     */
    Plan.Entry failed(Migration m, Operation failing, int line, Outcome.Fails f, Set<SchemaState.Slot> madeHere,
            List<Integer> ran) {
        // one question for the entry: whether the failure leaves the statements before it applied, so that an
        // earlier run of the revision may have stopped half way too
        boolean halfApplied = errors.commitsEachStatement();
        List<Integer> applied = halfApplied ? MysqlCommits.committed(m, m.upgrade(), ran, failing) : List.of();
        String rev = m.header().revisionId();
        String message;
        String help;
        if (f.alreadyThere() && f.object() != null) {
            String by = progress.createdBy.get(identity(f.object()));
            String object = describeKey(f.object());
            if (by != null && !by.equals(rev)) {
                message = "Fails with " + f.label() + ": " + object + " is created by " + by
                        + ", which Alembic applies first in this same run.";
                help = "Two pending revisions create the same object: remove one of the creations or make the later one"
                        + " tolerate it (`idemlint lint` reports it as object-created-twice).";
            } else {
                message = "Fails with " + f.label() + ": the database already has " + object + " but "
                        + stampWords() + ": the schema is ahead of the stamp.";
                help = stampHelp(m, madeHere);
            }
        } else {
            message = "Fails with " + f.label() + ": " + f.reason() + ".";
            String renamed = halfApplied ? renamesHelp(m, failing, madeHere) : null;
            help = renamed != null ? renamed : f.sqlstate() != null && f.sqlstate().equals(errors.undefinedTable().code())
                    && f.object() != null && identity(f.object()).relation()
                    ? missingTableHelp(rev, f.object().name().name())
                    : "Fix the statement at " + m.source().displayPath() + ":" + line + " (`idemlint lint` explains it).";
        }
        if (!applied.isEmpty()) {
            message += " " + serverName() + " commits each DDL statement on its own: when " + rev + " fails there, "
                    + MysqlCommits.describeLines(m, m.upgrade(), applied) + " of it stay" + (applied.size() == 1 ? "s" : "")
                    + " applied while " + in.catalog().versionTable().name() + " keeps its row, and the next"
                    + " `alembic upgrade` runs " + (applied.size() == 1 ? "it" : "them") + " again.";
            help += " Make the statements before line " + line + " tolerate a re-run (`idemlint lint --fix"
                    + " --unsafe-fixes " + m.source().displayPath() + "`) or split the revision, so that a failure"
                    + " leaves nothing half applied.";
        }
        return new Plan.Entry(rev, m.source().displayPath(), line, Plan.Status.FAILS, f.sqlstate(), message, help,
                applied);
    }

    /** The server's name for messages: PostgreSQL, MariaDB or MySQL. */
    String serverName() {
        return errors.server();
    }

    /**
     * Whether stamping the failing revision is safe: every object it creates is already there (and each
     * column with the type it would get). Says which are there and which are not otherwise.
     */
    private String stampHelp(Migration m, Set<SchemaState.Slot> madeHere) {
        String rev = m.header().revisionId();
        // a constraint written on its column and again in the table's SQL is one object
        Set<String> there = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> differ = new LinkedHashSet<>();
        List<Operation> ops = m.upgrade();
        for (Creation c : SchemaTimeline.build(List.of(m)).creationsIn(m)) {
            // a serial's sequence comes with its column, under a name PostgreSQL picks (t_id_seq1 when taken)
            if (!places.effective(c) || c.key().kind() == ObjectKind.SEQUENCE && c.shape().postgresNamed()) {
                continue;
            }
            Operation op = ops.get(c.index());
            SchemaState.Slot key = identity(places.key(op, c));
            Presence f = places.fact(op, c);
            String what = places.describe(op, c);
            if (key == null || f == null || f == Presence.UNKNOWN) {
                missing.add(what + " (unknown)");
            } else if (f == Presence.PRESENT && !madeHere.contains(key)) {
                String mismatch = comparison.columnMismatch(op, c);
                if (mismatch != null) {
                    differ.add(mismatch);
                } else {
                    there.add(what);
                }
            } else {
                missing.add(what);
            }
        }
        for (Operation op : ops) {
            if (op instanceof Operation.Unknown || op instanceof Operation.RawSql) {
                missing.add("what line " + m.source().lines().line(op.site().span().start()) + " does (not readable)");
            }
        }
        if (missing.isEmpty() && differ.isEmpty()) {
            return stampSafe(rev, "Everything " + rev + " creates is already there (" + String.join(", ", there) + ")");
        }
        String file = m.source().displayPath();
        StringBuilder sb = new StringBuilder();
        if (!there.isEmpty()) {
            sb.append("Already there: ").append(String.join(", ", there)).append("; ");
        }
        if (!differ.isEmpty()) {
            sb.append("there but different: ").append(String.join(", ", differ)).append("; ");
        }
        if (!missing.isEmpty()) {
            sb.append("not there: ").append(String.join(", ", missing)).append("; ");
        }
        sb.append("stamping ").append(rev).append(" would skip what is missing. Make it tolerate what exists: `idemlint"
                + " lint --fix --unsafe-fixes ").append(file).append("` (review with `--diff` first), then deploy.");
        return sb.toString();
    }

    /**
     * What to do about a table a revision needs and the database does not have: which revision creates
     * it (or renames a table to it), and whether alembic_version says it ran, or Alembic applies it later.
     */
    private String missingTableHelp(String rev, String table) {
        List<String> creators = new ArrayList<>();
        for (Migration m : in.migrations()) {
            for (Operation op : m.upgrade()) {
                String made = op instanceof Operation.CreateTable ct ? ct.table()
                        : op instanceof Operation.CreateObject co && co.kind() == ObjectKind.TABLE ? co.name()
                        : op instanceof Operation.Rename r && r.kind() == ObjectKind.TABLE ? r.to() : null;
                if (made != null && Placement.bare(places.name(made, op)).equals(table)
                        && !creators.contains(m.header().revisionId())) {
                    creators.add(m.header().revisionId());
                }
            }
        }
        if (creators.isEmpty()) {
            return "No revision in " + in.versionsDir().getFileName() + " creates table " + table + ": the chain expects"
                    + " it to exist before its first revision (made outside Alembic), and this database does not have"
                    + " it; create it, or point plan at the database the chain belongs to.";
        }
        String by = creators.get(0);
        Migration creator = in.graph().node(by);
        String where = creator == null ? by : by + " (" + creator.source().displayPath() + ")";
        if (appliedBefore(by)) {
            return "Table " + table + " is created by " + where + ", which " + stampWords() + " has run: the schema is"
                    + " behind the stamp (the table was dropped or renamed outside Alembic, or the stamp was moved by"
                    + " hand); restore the table, or stamp back to before " + by + " so that it runs again.";
        }
        if (in.graph().ancestors(by, true).contains(rev)) {
            return "Table " + table + " is created by " + where + ", which comes after " + rev + " in the chain: " + rev
                    + " uses it before it exists; move the use after " + by + ", or the creation before " + rev + ".";
        }
        if (in.graph().ancestors(rev, true).contains(by)) {
            return "Table " + table + " is created by " + where + ", which runs before " + rev + " in this upgrade but"
                    + " does not leave it there (a later revision drops or renames it, or its creation is guarded);"
                    + " check what happens to it between " + by + " and " + rev + ".";
        }
        return "Table " + table + " is created by " + where + ", which " + rev + " does not depend on: Alembic may"
                + " apply " + rev + " first; add " + by + " to its down_revision or depends_on.";
    }

    /** "`alembic stamp <rev>` is safe", after {@code done} (what is already there), as the walk stands. */
    private String stampSafe(String rev, String done) {
        List<String> pendingParents = new ArrayList<>();
        for (String p : in.graph().parents(rev)) {
            if (!appliedBefore(p)) {
                pendingParents.add(p);
            }
        }
        String cmd = "alembic stamp " + rev;
        if (progress.firstFailed != null) {
            // an earlier revision fails first: advising `alembic upgrade <parent>` would run into it
            return done + ", but " + progress.firstFailed + " fails first: deal with that, then, when `alembic upgrade`"
                    + " gets to " + rev + ", `" + cmd + "` is safe in its place (run `idemlint plan` again then).";
        }
        if (!pendingParents.isEmpty()) {
            return done + ", but its parent" + (pendingParents.size() > 1 ? "s " : " ") + String.join(", ", pendingParents)
                    + " still has to run: `alembic upgrade " + pendingParents.get(0) + "`, then `" + cmd + "`, then `"
                    + in.command() + "`.";
        }
        return done + ": `" + cmd + "` is safe, then `" + in.command() + "`.";
    }

    /**
     * On MySQL and MariaDB, where a failed run keeps the renames it made: the advice for a revision that fails
     * on a name it renames itself, when everything it has left to run is a rename ({@link AppliedRenames}).
     * Null when that is not the case, or when this run of the revision already made or dropped something.
     */
    private String renamesHelp(Migration m, Operation failing, Set<SchemaState.Slot> madeHere) {
        List<Operation> ops = m.upgrade();
        int at = -1;
        for (int i = 0; i < ops.size() && at < 0; i++) {
            if (ops.get(i) == failing) {
                at = i;
            } else if (ops.get(i) instanceof Operation.Drop || ops.get(i) instanceof Operation.Rename) {
                return null;
            }
        }
        List<AppliedRenames.Item> items = madeHere.isEmpty() ? AppliedRenames.of(ops, at, places::objectFact) : null;
        if (items == null) {
            return null;
        }
        List<String> done = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (AppliedRenames.Item item : items) {
            (item.applied() == Presence.PRESENT ? done : left).add(item.what()
                    + (item.applied() == Presence.UNKNOWN ? " (unknown)" : ""));
        }
        String rev = m.header().revisionId();
        if (done.isEmpty()) {
            return null;
        }
        if (left.isEmpty()) {
            return stampSafe(rev, "Every rename " + rev + " makes is already done (" + String.join(", ", done)
                    + "): an earlier run of it renamed them and stopped before " + in.catalog().versionTable().name()
                    + " was updated");
        }
        return "Already renamed: " + String.join(", ", done) + "; not renamed: "
                + String.join(", ", left) + "; an earlier run of " + rev + " stopped half way. Rename what is left by"
                + " hand, then `alembic stamp " + rev + "`; or make the revision tolerate a re-run (`idemlint lint --fix"
                + " --unsafe-fixes " + m.source().displayPath() + "`).";
    }

    /** Whether revision {@code rev} is applied before the failing one in this walk (stamped, or planned earlier). */
    private boolean appliedBefore(String rev) {
        for (String s : in.catalog().versionTable().rows()) {
            Optional<String> id = in.graph().resolve(s);
            if (id.isPresent() && in.graph().ancestors(id.get(), true).contains(rev)) {
                return true;
            }
        }
        return false;
    }

    /** The identity under which the walk remembers who made an object (its place in its namespace), or null. */
    static SchemaState.Slot identity(ObjectRef ref) {
        return ref == null ? null : SchemaState.slot(ref);
    }
}
