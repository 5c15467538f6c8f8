package dev.idemlint.plan;

import dev.idemlint.db.Catalog;
import dev.idemlint.discovery.Settings;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.FormatType;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.Guard.Condition;
import dev.idemlint.migration.Guard.Truth;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.MysqlFacts;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.plan.Plan.Entry;
import dev.idemlint.plan.Plan.Status;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.schema.Conflict;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.Effect;
import dev.idemlint.schema.Effect.Shape;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.Presence;
import dev.idemlint.schema.QualifiedName;
import dev.idemlint.schema.SchemaState;
import dev.idemlint.schema.SchemaTimeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the revisions {@code alembic upgrade head} (or {@code heads}) will apply on a live database, in Alembic's order,
 * with the same operation model the lint uses, against the schema the catalog snapshot holds, updated
 * as each operation runs. A statement fails only when the walk understood every statement before it;
 * anything it cannot follow (opaque SQL or code, a guard it cannot evaluate) makes the revision
 * {@link Status#UNKNOWN} and the touched objects' state unknown.
 */
public final class Planner {

    /**
     * Read-only row probes for keyed inserts: whether a table holds any row, and whether it holds one
     * with the given column values (compared as text); null when it cannot be told.
     */
    public interface RowProbe {
        Boolean hasRows(String schema, String table);

        Boolean hasRow(String schema, String table, Map<String, String> values);
    }

    /**
     * Everything a plan needs: the versions tree, the project's settings, the catalog and a row probe;
     * {@code allHeads} plans {@code alembic upgrade heads} instead of {@code alembic upgrade head}.
     */
    public record Input(Path versionsDir, List<Migration> migrations, RevisionGraph graph, Settings settings,
            Catalog catalog, String maskedUrl, RowProbe rows, List<Migration> mapOrder, boolean allHeads,
            NamingConvention naming) {
        /** {@code alembic upgrade head}, the command deploys run. */
        public Input(Path versionsDir, List<Migration> migrations, RevisionGraph graph, Settings settings,
                Catalog catalog, String maskedUrl, RowProbe rows, List<Migration> mapOrder) {
            this(versionsDir, migrations, graph, settings, catalog, maskedUrl, rows, mapOrder, false);
        }

        /** Without the project's naming convention: unnamed keys keep the names PostgreSQL gives them. */
        public Input(Path versionsDir, List<Migration> migrations, RevisionGraph graph, Settings settings,
                Catalog catalog, String maskedUrl, RowProbe rows, List<Migration> mapOrder, boolean allHeads) {
            this(versionsDir, migrations, graph, settings, catalog, maskedUrl, rows, mapOrder, allHeads,
                    NamingConvention.unknown("not read"));
        }

        String command() {
            return allHeads ? "alembic upgrade heads" : "alembic upgrade head";
        }
    }

    private final Input in;
    private final SchemaState state;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Who created each object during the walk. */
    private final Map<SchemaState.Slot, String> createdBy = new HashMap<>();
    /** Literal rows of guarded and ON CONFLICT inserts: written or not, per table. */
    private final Map<QualifiedName, List<Map<String, String>>> maybeRows = new HashMap<>();
    /** Tables the walk made and filled with rows that are not literals. */
    private final Set<QualifiedName> opaqueRows = new HashSet<>();
    /** Literal rows the walk's own inserts wrote, per table. */
    private final Map<QualifiedName, List<Map<String, String>>> inserted = new HashMap<>();
    /** Enum types create_table's event already made in this run: Alembic's memo skips them. */
    private final Set<String> enumMemo = new HashSet<>();
    /**
     * Something earlier in the walk may have created objects the walk does not know of (a CREATE with a
     * dynamic name, opaque code): a later "does not exist" is only a possibility.
     */
    private String mayHaveCreated;
    /** Something earlier may have dropped objects (a DROP with a dynamic name, opaque code): a later "already exists" too. */
    private String mayHaveDropped;
    /** The first revision that fails: what follows is planned as if it had been fixed. */
    private String firstFailed;

    /** The revisions the upgrade applies, in order. */
    private List<Migration> pendingOrder = List.of();

    /** The revision being walked. */
    private Migration walking;

    /** What the server raises: SQLSTATEs on PostgreSQL, error numbers on MySQL and MariaDB. */
    private final ServerErrors errors;

    private Planner(Input in) {
        this.in = in;
        this.state = SchemaState.of(in.catalog());
        this.errors = new ServerErrors(in.settings().dialect());
    }

    public static Plan plan(Input in) {
        return new Planner(in).run();
    }

    private Plan run() {
        Catalog.VersionTable vt = in.catalog().versionTable();
        List<String> current = vt.rows();
        RevisionGraph g = in.graph();
        if (!vt.exists()) {
            notes.add("The database has no " + vt.name() + " table"
                    + (vt.schema() == null ? " in its search path" : " in schema " + vt.schema())
                    + ": Alembic treats it as empty and applies every revision"
                    + (in.catalog().relations().isEmpty() ? "." : ", on the tables that are already there."));
        }
        List<String> heads = g.heads();
        if (heads.size() > 1 && !in.allHeads()) {
            // Alembic resolves "head" before it reads alembic_version: it refuses whatever the database holds
            entries.add(new Entry("head", null, 0, Status.FAILS, null, "`alembic upgrade head` fails before it runs"
                    + " anything: the code has " + heads.size() + " heads (" + String.join(", ", heads) + "), and Alembic"
                    + " refuses with \"Multiple head revisions are present for given argument 'head'\".",
                    "Merge them into one head (`alembic merge heads`) and deploy that; if your deploy runs `alembic"
                            + " upgrade heads`, plan that instead: `idemlint plan --heads`."));
            firstFailed = "`alembic upgrade head`";
        } else if (heads.size() > 1) {
            notes.add("The code has " + heads.size() + " heads (" + String.join(", ", heads) + "): `alembic upgrade"
                    + " heads` applies them all (this plan); `alembic upgrade head` would fail with \"Multiple head"
                    + " revisions are present\"; a merge revision (`alembic merge heads`) makes one head.");
        }
        for (Map.Entry<String, List<Migration>> d : g.duplicates().entrySet()) {
            Migration kept = kept(d.getKey());
            List<String> dropped = new ArrayList<>();
            for (Migration m : d.getValue()) {
                if (m != kept) {
                    dropped.add(m.source().displayPath());
                }
            }
            notes.add("Revision " + d.getKey() + " is declared by " + d.getValue().size() + " files: Alembic keeps "
                    + kept.source().displayPath() + " and never runs " + String.join(", ", dropped)
                    + " (`idemlint lint --fix --unsafe-fixes` renumbers it).");
        }
        List<String> resolved = new ArrayList<>();
        for (String r : current) {
            Optional<String> id = g.resolve(r);
            if (id.isEmpty()) {
                entries.add(new Entry(r, null, 0, Status.FAILS, null,
                        vt.name() + " holds '" + r + "', which no revision in " + in.versionsDir() + " declares: the"
                                + " database is ahead of this code (migrated by a newer deploy) or on another branch, and"
                                + " `alembic upgrade` fails with \"Can't locate revision identified by '" + r + "'\".",
                        "Deploy the code that has revision " + r + "; if it was removed on purpose, stamp the revision"
                                + " the schema matches: `alembic stamp <rev>` (see `idemlint heads`)."));
                continue;
            }
            resolved.add(id.get());
        }
        if (current.size() > 1) {
            notes.add(vt.name() + " holds " + current.size() + " rows (" + String.join(", ", current)
                    + "): the database is stamped on several branches.");
        }
        for (String a : resolved) {
            for (String b : resolved) {
                if (!a.equals(b) && g.ancestors(b, true).contains(a)) {
                    entries.add(new Entry(a, g.node(a).source().displayPath(), 1, Status.FAILS, null,
                            vt.name() + " holds both " + a + " and its descendant " + b + ": Alembic refuses it (\""
                                    + "Requested revision " + b + " overlaps with other requested revisions " + a + "\").",
                            "Delete the row of " + a + ": `alembic stamp --purge " + b + "` when " + b
                                    + " is the only head, else `DELETE FROM " + vt.name() + " WHERE version_num = '" + a
                                    + "'`."));
                }
            }
        }
        if (entries.stream().anyMatch(e -> !e.revision().equals("head"))) {
            return finish(current);
        }
        List<Migration> pending = g.alembicUpgradeOrder(resolved, in.mapOrder());
        pendingOrder = pending;
        for (Migration m : pending) {
            walk(kept(m.header().revisionId()));
        }
        return finish(current);
    }

    /**
     * The file Alembic keeps for a revision id: with a duplicate id, the one it reads last, in the
     * order it reads the directory.
     */
    private Migration kept(String id) {
        Migration last = null;
        if (in.mapOrder() != null) {
            for (Migration m : in.mapOrder()) {
                if (id.equals(m.header().revisionId())) {
                    last = m;
                }
            }
        }
        return last != null ? last : in.graph().node(id);
    }

    private Plan finish(List<String> current) {
        return new Plan(in.maskedUrl(), in.catalog().serverVersion(), current, List.copyOf(entries), List.copyOf(notes),
                in.command(), serverName());
    }

    // ---- one revision ----

    /** What one operation does to the walk. */
    private sealed interface Outcome {
    }

    /** It runs (or is skipped) and the walk knows the result. */
    private record Ok() implements Outcome {
    }

    /** It fails: {@code sqlstate} (null for a Python error), what is wrong, the object named. */
    private record Fails(String sqlstate, String label, String reason, ObjectRef object, boolean alreadyThere)
            implements Outcome {
        /** Fails whatever the schema holds: a syntax error, CONCURRENTLY in a transaction, a TypeError. */
        boolean stateFree() {
            return sqlstate == null || sqlstate.equals(SqlState.SYNTAX_ERROR.code())
                    || sqlstate.equals(SqlState.ACTIVE_SQL_TRANSACTION.code());
        }
    }

    /**
     * The walk cannot tell what it does. {@code creates}/{@code drops}: it may have made or removed
     * objects the walk does not know of.
     */
    private record Lost(String reason, boolean creates, boolean drops) implements Outcome {
        Lost(String reason) {
            this(reason, false, false);
        }
    }

    private static final Ok OK = new Ok();

    /**
     * The revision with each key that the project's naming convention names (unnamed ones, and checks
     * whose name the convention wraps) carrying that name, as Alembic sends it ({@code create_foreign_key(None, ...)} under {@code "fk": "fk_%(table_name)s_..."}
     * is {@code fk_orders_customer_id_customers}, which fails when it is there). Keys PostgreSQL names
     * itself stay unnamed: it takes the next free name, so they never clash.
     */
    private Migration conventionNamed(Migration m) {
        if (in.naming().isUnknown()) {
            return m;
        }
        List<Operation> out = new ArrayList<>(m.operations().size());
        boolean changed = false;
        for (Operation op : m.operations()) {
            if (op instanceof Operation.AddConstraint c
                    && ConstraintNames.of(op, in.naming()) instanceof ConstraintNames.Name.Given g
                    && g.origin() == ConstraintNames.Origin.CONVENTION && !g.name().equals(c.name())) {
                out.add(new Operation.AddConstraint(c.site(), c.kind(), g.name(), c.table(), c.ifNotExists(), c.columns()));
                changed = true;
            } else if (op instanceof Operation.Drop d && d.kind() == ObjectKind.CONSTRAINT && d.name() != null
                    && ConstraintNames.ofDrop(op, in.naming()) instanceof ConstraintNames.Name.Given g
                    && g.origin() == ConstraintNames.Origin.CONVENTION && !g.name().equals(d.name())) {
                // drop_constraint("positive", type_="check") under "ck_%(table_name)s_%(constraint_name)s"
                out.add(new Operation.Drop(d.site(), d.kind(), g.name(), d.table(), d.ifExists()));
                changed = true;
            } else {
                out.add(op);
            }
        }
        return changed ? m.withOperations(out) : m;
    }

    private void walk(Migration given) {
        Migration m = conventionNamed(given);
        walking = given;
        String rev = m.header().revisionId();
        List<Operation> ops = m.upgrade();
        Map<Integer, List<Creation>> creations = new HashMap<>();
        for (Creation c : SchemaTimeline.build(List.of(m)).creationsIn(m)) {
            creations.computeIfAbsent(c.index(), k -> new ArrayList<>()).add(c);
        }
        Set<SchemaState.Slot> madeHere = new LinkedHashSet<>();
        Lost lost = null;
        int lostLine = 0;
        // on MySQL and MariaDB: the statements that ran before, which a failure leaves committed
        List<Integer> ran = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            Operation op = ops.get(k);
            boolean skipped = errors.mysql() && guard(op) == Run.SKIPS;
            Outcome o = step(m, op, creations.getOrDefault(k, List.of()), rev, madeHere);
            int line = m.source().lines().line(op.site().span().start());
            if (o instanceof Lost l) {
                if (lost == null) {
                    lost = l;
                    lostLine = line;
                }
                String where = rev + " line " + line + " (" + l.reason() + ")";
                if (l.creates() && mayHaveCreated == null) {
                    mayHaveCreated = where;
                }
                if (l.drops() && mayHaveDropped == null) {
                    mayHaveDropped = where;
                }
            } else if (o instanceof Fails f) {
                String doubt = f.stateFree() ? null : f.alreadyThere() ? mayHaveDropped : mayHaveCreated;
                if (doubt == null) {
                    // a revision before it cannot be followed: it may fail first, or change what this one finds
                    for (Entry e : entries) {
                        if (e.status() == Status.UNKNOWN) {
                            doubt = "revision " + e.revision() + ", which it cannot follow";
                            break;
                        }
                    }
                }
                if (doubt != null) {
                    add(m, line, Status.UNKNOWN, f.sqlstate(), "Fails with " + f.label() + " if Alembic gets here, because "
                            + f.reason() + "; but the walk lost track at " + doubt + ".",
                            "Check by hand whether " + describeKey(f.object()) + " is there; idemlint cannot follow "
                                    + doubt + ".");
                } else {
                    failed(m, op, line, f, madeHere, errors.mysql() ? committed(m, ops, ran, op) : List.of());
                }
                applyAll(m, ops, creations, madeHere, k);
                return;
            }
            if (!skipped) {
                ran.add(k);
            }
        }
        if (lost != null) {
            add(m, lostLine, Status.UNKNOWN, null, "Cannot tell whether it succeeds: " + lost.reason() + ".",
                    "Review line " + lostLine + " by hand; everything else in this revision runs on this database.");
            return;
        }
        String message = firstFailed == null ? null
                : "Not reached: " + firstFailed + " fails first; once that is fixed, this revision runs.";
        add(m, headerLine(m), Status.OK, null, message, null);
    }

    /** After a failure, the rest of the walk plans as if the revision had been fixed: all its objects exist. */
    private void applyAll(Migration m, List<Operation> ops, Map<Integer, List<Creation>> creations,
            Set<SchemaState.Slot> madeHere, int from) {
        for (int k = from; k < ops.size(); k++) {
            for (Creation c : creations.getOrDefault(k, List.of())) {
                if (effective(c)) {
                    make(c, ops.get(k), m.header().revisionId(), madeHere, false);
                }
            }
        }
        if (firstFailed == null) {
            firstFailed = m.header().revisionId();
        }
    }

    /**
     * Whether a creation happens on this server: as the project's SQLAlchemy decides, and on MySQL and
     * MariaDB never for a type (an ENUM is part of its column there).
     */
    private boolean effective(Creation c) {
        return c.effective(in.settings()) && !(errors.mysql()
                && (c.key().kind() == ObjectKind.TYPE || c.key().kind() == ObjectKind.DOMAIN));
    }

    private void add(Migration m, int line, Status s, String sqlstate, String message, String help) {
        add(m, line, s, sqlstate, message, help, List.of());
    }

    private void add(Migration m, int line, Status s, String sqlstate, String message, String help,
            List<Integer> applied) {
        entries.add(new Entry(m.header().revisionId(), m.source().displayPath(), line, s, sqlstate, message, help,
                applied));
    }

    /** Statements that change no data or schema: nothing of theirs is left applied. */
    private static final Pattern READS = Pattern.compile("(?i)select|set|show");

    /**
     * The lines of the statements that ran before {@code failing} and stay applied when it fails on MySQL
     * or MariaDB: each DDL statement commits on its own, and the implicit commit before a DDL statement
     * takes the data written before it; a failing DDL statement leaves everything before it, a failing
     * data statement what the last DDL before it committed (Alembic rolls back the rest).
     */
    private static List<Integer> committed(Migration m, List<Operation> ops, List<Integer> ran, Operation failing) {
        int upTo = ran.size();
        if (dataOnly(failing)) {
            upTo = 0;
            for (int i = 0; i < ran.size(); i++) {
                if (!dataOnly(ops.get(ran.get(i)))) {
                    upTo = i + 1;
                }
            }
        }
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < upTo; i++) {
            Operation op = ops.get(ran.get(i));
            if (!(op instanceof Operation.Benign b && b.what() != null && READS.matcher(b.what().strip()).matches())) {
                lines.add(m.source().lines().line(op.site().span().start()));
            }
        }
        return lines;
    }

    /** An INSERT, UPDATE or DELETE: data only, inside Alembic's transaction until a DDL statement commits it. */
    private static boolean dataOnly(Operation op) {
        return op instanceof Operation.Insert || op instanceof Operation.Benign b && b.column() == null
                && b.what() != null && b.what().strip().matches("(?i)update|delete|insert|replace");
    }

    /** "line 14 (`op.add_column("players", sa.Column(...`)", for each committed statement. */
    private static String describeLines(Migration m, List<Operation> ops, List<Integer> lines) {
        List<String> out = new ArrayList<>();
        for (int line : lines) {
            String code = null;
            for (Operation op : ops) {
                if (m.source().lines().line(op.site().span().start()) == line) {
                    code = m.source().slice(op.site().span()).strip();
                    break;
                }
            }
            if (code == null) {
                out.add("line " + line);
                continue;
            }
            int nl = code.indexOf('\n');
            code = nl < 0 ? code : code.substring(0, nl).strip() + " ...";
            out.add("line " + line + " (`" + (code.length() > 70 ? code.substring(0, 67) + "..." : code) + "`)");
        }
        return String.join(", ", out);
    }

    private static int headerLine(Migration m) {
        var r = m.header().revision();
        return r == null || r.statement() == null ? 1 : m.source().lines().line(r.statement().start());
    }

    // ---- one operation ----

    private Outcome step(Migration m, Operation op, List<Creation> creations, String rev, Set<SchemaState.Slot> madeHere) {
        // compared before the statement runs: SQLAlchemy processes its values before the server answers
        Lost misread = guard(op) == Run.SKIPS ? null : misread(op);
        Outcome o = run(m, op, creations, rev, madeHere);
        return misread != null && !(o instanceof Lost) ? misread : o;
    }

    /**
     * A column the statement names through SQLAlchemy with a declared type of another family than the
     * column's type here (the catalog's, or what the walk made it): what SQLAlchemy does with its values
     * is not what the revision was written for, so its outcome is not known. Null when every declared
     * type agrees or cannot be compared. Not on MySQL and MariaDB, whose COLUMN_TYPE is not compared.
     */
    private Lost misread(Operation op) {
        if (errors.mysql()) {
            return null;
        }
        for (Effect e : Effects.of(op, Effects.Naming.UNKNOWN)) {
            if (!(e instanceof Effect.TypedUse u) || u.column().table() == null) {
                continue;
            }
            Target t = relTarget(op, u.column().table().name());
            if (t.schema == null) {
                continue;
            }
            String have = state.typeOfAnotherFamily(new Effect.TypedUse(
                    ObjectRef.in(ObjectKind.COLUMN, t.qualified(), u.column().name().name()), u.type(), u.declared()));
            if (have == null) {
                continue;
            }
            String column = show(t.schema, t.name) + "." + u.column().name().name();
            // sa.Float and sa.Numeric render as real, double precision and numeric
            boolean floatOrNumeric = u.type().equals("real") || u.type().equals("double precision")
                    || u.type().startsWith("numeric");
            String processing = floatOrNumeric
                    ? "SQLAlchemy's PostgreSQL result processor for Float and Numeric raises InvalidRequestError"
                            + " (\"Unknown PG numeric type\") when a result holds a column that is not numeric, as"
                            + " soon as the result is made, even with no rows"
                    : "SQLAlchemy processes the column's values by the declared type, so the code may read values"
                            + " of another type than it expects, or send ones the server rejects";
            return new Lost("the code declares column " + column + " as " + u.type()
                    + (u.declared() == null || u.declared().equals("?") ? "" : " (`" + u.declared() + "`)")
                    + ", but it is " + have + " on this database; " + processing);
        }
        return null;
    }

    private Outcome run(Migration m, Operation op, List<Creation> creations, String rev, Set<SchemaState.Slot> madeHere) {
        if (op instanceof Operation.Unknown u) {
            return new Lost(u.what() == null || u.what().isBlank() ? "code idemlint cannot read" : u.what(), true, true);
        }
        if (op instanceof Operation.RawSql) {
            return new Lost("SQL idemlint could not classify", true, true);
        }
        if (op instanceof Operation.ColumnIdentity) {
            return identity(op);
        }
        if (op instanceof Operation.Benign b && (b.table() == null || b.column() == null)) {
            return OK;
        }
        Fails raises = inspectorOnMissingTable(op);
        if (raises != null) {
            return raises;
        }
        Run run = guard(op);
        if (run == Run.SKIPS) {
            return OK;
        }
        if (run == Run.GUARDED_INSERT) {
            Operation.Insert ins = (Operation.Insert) op;
            Target t = relTarget(op, name(ins.table(), op));
            List<Map<String, String>> rows = InsertRows.of(ins);
            if (t.schema != null) {
                if (rows != null) {
                    maybeRows.computeIfAbsent(t.qualified(), k -> new ArrayList<>()).addAll(rows);
                } else {
                    opaqueRows.add(t.qualified());
                }
            }
            return OK;
        }
        Outcome o = effect(op, creations, rev, madeHere, run == Run.MAYBE);
        Guard g = op.site().guard();
        if (o instanceof Fails f) {
            if (run == Run.MAYBE) {
                return new Lost("it runs under `" + m.source().slice(g.span()).strip() + "`, which idemlint cannot"
                        + " evaluate here, and then fails with " + f.label());
            }
            if (g != null && g.kind() == GuardKind.SAVEPOINT) {
                return OK;
            }
            if (g != null && g.kind() == GuardKind.DO_BLOCK_EXCEPTION && f.sqlstate() != null
                    && g.catches(condition(f.sqlstate()))) {
                return OK;
            }
            if (g != null && g.kind() == GuardKind.TRY_EXCEPT && f.sqlstate() != null && errors.mysql()) {
                // MySQL aborts no transaction on an error: a handler that catches the driver's class for it
                // and neither re-raises nor exits lets the revision go on
                return !f.sqlstate().matches("[0-9]{1,5}")
                        || g.catches(MysqlFacts.driverClass(Integer.parseInt(f.sqlstate()))) ? OK : o;
            }
            if (g != null && g.kind() == GuardKind.TRY_EXCEPT && f.sqlstate() != null) {
                return new Fails(SqlState.IN_FAILED_SQL_TRANSACTION.code(), SqlState.IN_FAILED_SQL_TRANSACTION.label(),
                        f.reason() + " (" + f.label() + "), and the try/except that swallows it leaves the transaction"
                                + " aborted, so the next statement fails", f.object(), f.alreadyThere());
            }
        }
        return o;
    }

    /**
     * RUNS, SKIPS or MAYBE on this database; GUARDED_INSERT: an insert under a check of the rows already
     * there ({@code if count == 0:}), which the lint counts as its guard: it never fails, and its rows may
     * or may not be written.
     */
    private enum Run { RUNS, SKIPS, MAYBE, GUARDED_INSERT }

    /**
     * SQLAlchemy's inspector raises NoSuchTableError when {@code get_columns("t")} and its kin are
     * asked about a table that is not there: the guard itself fails, before the operation. Only when the
     * test certainly reaches that call ({@code has_table("t") and ...} stops before it).
     */
    private Fails inspectorOnMissingTable(Operation op) {
        Guard g = op.site().guard();
        if (g == null || g.kind() != GuardKind.INSPECTOR || g.condition() == null) {
            return null;
        }
        Condition.Exists[] raising = new Condition.Exists[1];
        boolean[] unsure = new boolean[1];
        g.condition().eval(x -> {
            Truth t = checked(x);
            if (raising[0] == null && !unsure[0] && x.raisesWithoutTable() && x.table() != null) {
                ObjectRef table = checkedRef(new Condition.Exists(ObjectKind.TABLE, x.schema(), null, x.table(), false));
                if (table != null && state.presence(table) == Presence.ABSENT) {
                    raising[0] = x;
                }
            }
            unsure[0] |= t == Truth.UNKNOWN;
            return t;
        });
        if (raising[0] == null) {
            return null;
        }
        Condition.Exists x = raising[0];
        ObjectRef table = checkedRef(new Condition.Exists(ObjectKind.TABLE, x.schema(), null, x.table(), false));
        return new Fails(null, "NoSuchTableError", "the guard's inspector lists the " + x.kind().sql()
                + "s of \"" + x.table() + "\" and finds no table " + x.table(), table, false);
    }

    /**
     * Whether the operation runs on this database: its guard's condition evaluated on the state (each
     * object test answered by the catalog, three-valued), {@link Run#MAYBE} when that is unknown.
     */
    private Run guard(Operation op) {
        Guard g = op.site().guard();
        if (g == null) {
            return Run.RUNS;
        }
        switch (g.kind()) {
            case TRY_EXCEPT, WRONG_OBJECT, SAVEPOINT, DO_BLOCK_EXCEPTION, DROPPED_FIRST, RECREATED_LATER:
                return Run.RUNS;
            case DATA_QUERY:
                return op instanceof Operation.Insert ? Run.GUARDED_INSERT : Run.MAYBE;
            case OPAQUE_CONDITION:
                return Run.MAYBE;
            default:
                break;
        }
        Condition c = g.condition();
        if (c == null) {
            return Run.MAYBE;
        }
        if (op instanceof Operation.Insert && c.atoms().isEmpty() && g.description().startsWith("condition on")) {
            // a value read from the database earlier decides whether the rows go in: the lint's row guard
            return Run.GUARDED_INSERT;
        }
        return switch (c.eval(this::checked)) {
            case TRUE -> Run.RUNS;
            case FALSE -> Run.SKIPS;
            case UNKNOWN -> Run.MAYBE;
        };
    }

    /** An object test answered by the state. */
    private Truth checked(Condition.Exists x) {
        ObjectRef ref = checkedRef(x);
        Presence p = ref == null ? Presence.UNKNOWN : state.presence(ref);
        if (p == Presence.PRESENT) {
            // get_indexes("users") lists the indexes of users only: the index there must be on that table
            return GuardMatch.sameTable(x, state.held(ref));
        }
        return p == Presence.PRESENT ? Truth.TRUE : p == Presence.ABSENT ? Truth.FALSE : Truth.UNKNOWN;
    }

    /**
     * The object a check looks at, in the schema it names or else the one the search path finds the name in
     * (else the current schema); null when it cannot be placed or the state does not follow its kind.
     */
    private ObjectRef checkedRef(Condition.Exists x) {
        ObjectKind kind = x.kind();
        if (!TRACKED.contains(kind)) {
            return null;
        }
        if (ObjectRef.tableScoped(kind)) {
            if (x.table() == null) {
                return null;
            }
            String s = placedIn(x.schema(), state.relationSchema(x.table()));
            return s == null ? null : ObjectRef.in(kind, QualifiedName.of(s, x.table()), x.name());
        }
        return switch (kind) {
            case SCHEMA, EXTENSION, ROLE -> ObjectRef.of(kind, QualifiedName.of(x.name()));
            case TYPE, DOMAIN -> {
                String s = placedIn(x.schema(), state.typeSchema(x.name()));
                yield s == null ? null : ObjectRef.of(kind, QualifiedName.of(s, x.name()));
            }
            case INDEX -> {
                String s = placedIn(x.schema(), state.relationSchema(x.table() != null ? x.table() : x.name()));
                yield s == null ? null : ObjectRef.of(kind, QualifiedName.of(s, x.name()));
            }
            case TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE -> {
                String s = placedIn(x.schema(), state.relationSchema(x.name()));
                yield s == null ? null : ObjectRef.of(kind, QualifiedName.of(s, x.name()));
            }
            default -> null;
        };
    }

    private String placedIn(String named, String found) {
        return named != null ? named : found != null ? found : state.currentSchema();
    }

    /** Kinds the walk follows in its state; the others are compared with nothing. */
    private static final Set<ObjectKind> TRACKED = java.util.EnumSet.of(ObjectKind.TABLE, ObjectKind.VIEW,
            ObjectKind.MATERIALIZED_VIEW, ObjectKind.SEQUENCE, ObjectKind.INDEX, ObjectKind.COLUMN, ObjectKind.CONSTRAINT,
            ObjectKind.TRIGGER, ObjectKind.POLICY, ObjectKind.TYPE, ObjectKind.DOMAIN, ObjectKind.FUNCTION,
            ObjectKind.PROCEDURE, ObjectKind.AGGREGATE, ObjectKind.SCHEMA, ObjectKind.EXTENSION, ObjectKind.ROLE);

    /** The object an operation names, placed in its schema; null when its place cannot be told. */
    private ObjectRef objectRef(Operation op, ObjectKind kind, String table, String objectName) {
        String n = name(objectName, op);
        if (ObjectRef.tableScoped(kind)) {
            if (table == null) {
                return null;
            }
            Target t = relTarget(op, name(table, op));
            return t.schema == null ? null : ObjectRef.in(kind, t.qualified(), n);
        }
        return switch (kind) {
            case TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE -> placed(kind, relTarget(op, n));
            case INDEX -> {
                String schema = table != null ? relTarget(op, name(table, op)).schema : indexSchema(op, n);
                yield schema == null ? null : ObjectRef.of(kind, QualifiedName.of(schema, n));
            }
            case TYPE, DOMAIN -> placed(kind, typeTarget(op, n));
            case SCHEMA, EXTENSION, ROLE -> ObjectRef.of(kind, QualifiedName.of(n));
            default -> placed(kind, createTarget(op, n));
        };
    }

    private static ObjectRef placed(ObjectKind kind, Target t) {
        return t.schema == null ? null : ObjectRef.of(kind, t.qualified());
    }

    private Presence objectFact(Operation op, ObjectKind kind, String table, String objectName) {
        ObjectRef ref = objectRef(op, kind, table, objectName);
        return ref == null || !TRACKED.contains(kind) ? Presence.UNKNOWN : state.presence(ref);
    }

    /** The effect of an operation that runs ({@code maybe}: it may not run, so what it makes becomes unknown). */
    private Outcome effect(Operation op, List<Creation> creations, String rev, Set<SchemaState.Slot> madeHere, boolean maybe) {
        Outcome pre = preconditions(op);
        if (!(pre instanceof Ok)) {
            return pre;
        }
        if (op instanceof Operation.Drop d) {
            return drop(op, d, maybe);
        }
        if (op instanceof Operation.Rename r) {
            return rename(op, r, maybe);
        }
        if (op instanceof Operation.AlterTypeAddValue v) {
            return addValue(op, v, maybe);
        }
        if (op instanceof Operation.Insert i) {
            return insert(op, i);
        }
        if (op instanceof Operation.Benign b) {
            // alter_column on a column that is not there: UndefinedColumn (its table is checked above)
            Target t = relTarget(op, name(b.table(), op));
            Presence c = t.schema == null ? Presence.UNKNOWN : state.presence(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of(t.schema, t.name), name(b.column(), op)));
            if (c == Presence.ABSENT) {
                return new Fails(errors.undefinedColumn().code(), errors.undefinedColumn().label(),
                        "column " + show(t.schema, t.name) + "." + b.column() + " does not exist", null, false);
            }
            if (c == Presence.UNKNOWN) {
                return new Lost("whether column " + b.table() + "." + b.column() + " exists is not known here");
            }
            // nullable=, server_default= or type_= may change: which columns an insert must fill, and the
            // column's type, are no longer known
            state.required(QualifiedName.of(t.schema, t.name), name(b.column(), op), null);
            state.alterColumn(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of(t.schema, t.name), name(b.column(), op)));
            return OK;
        }
        if (op instanceof Operation.CreateObject c && c.name() != null && !c.ifNotExists() && !c.orReplace()) {
            Presence f = objectFact(op, c.kind(), c.table(), c.name());
            if ((c.kind() == ObjectKind.FUNCTION || c.kind() == ObjectKind.PROCEDURE
                    || c.kind() == ObjectKind.AGGREGATE) && f == Presence.PRESENT) {
                return new Lost("a " + c.kind().sql() + " named " + c.name() + " already exists, and whether its"
                        + " arguments are the same cannot be told from the name");
            }
            if (c.kind() == ObjectKind.RULE || c.kind() == ObjectKind.COLLATION
                    || c.kind() == ObjectKind.OPERATOR || c.kind() == ObjectKind.OTHER) {
                return new Lost("CREATE " + c.kind().sql().toUpperCase(Locale.ROOT) + " " + c.name()
                        + " is not compared with the catalog");
            }
        }
        List<Creation> ordered = new ArrayList<>();
        for (Creation c : creations) {
            if (c.via() == Creation.Via.TABLE_EVENT) {
                ordered.add(c);
            }
        }
        for (Creation c : creations) {
            if (c.via() != Creation.Via.TABLE_EVENT) {
                ordered.add(c);
            }
        }
        for (Creation c : ordered) {
            if (!effective(c)
                    || c.via() == Creation.Via.TABLE_EVENT && enumMemo.contains(c.name())
                    || insideNewTable(op, c)) {
                continue;
            }
            Outcome o = create(op, c, maybe);
            if (!(o instanceof Ok)) {
                return o;
            }
        }
        for (Creation c : ordered) {
            if (effective(c) && !(c.via() == Creation.Via.TABLE_EVENT
                    && enumMemo.contains(c.name()))) {
                make(c, op, rev, madeHere, maybe);
            }
        }
        if (!maybe) {
            unnamedParts(op);
        }
        if (op instanceof Operation.CreateTable ct && ct.table() != null && !maybe) {
            Target t = createTarget(op, name(ct.table(), op));
            if (t.schema != null && state.madeHere(QualifiedName.of(t.schema, t.name))) {
                Set<String> required = new HashSet<>();
                boolean known = !ct.columns().isEmpty();
                long pkColumns = ct.columns().stream().filter(ColumnDef::primaryKey).count();
                for (ColumnDef c : ct.columns()) {
                    Boolean r = required(op, c, pkColumns == 1);
                    if (r == null || c.name() == null) {
                        known = false;
                    } else if (r) {
                        required.add(name(c.name(), op));
                    }
                }
                state.setRequired(QualifiedName.of(t.schema, t.name), required, known);
                List<List<String>> keys = new ArrayList<>();
                List<String> pk = new ArrayList<>();
                for (ColumnDef c : ct.columns()) {
                    if (c.primaryKey() && c.name() != null) {
                        pk.add(name(c.name(), op));
                    }
                    if (c.unique() && c.name() != null) {
                        keys.add(List.of(name(c.name(), op)));
                    }
                }
                if (!pk.isEmpty()) {
                    keys.add(0, pk);
                }
                boolean complete = !ct.columns().isEmpty() && ct.constraints().stream()
                        .noneMatch(nc -> nc.kind() == null || nc.kind().indexBacked() || nc.kind() == ConstraintKind.UNKNOWN);
                state.setUniqueKeys(QualifiedName.of(t.schema, t.name), keys, complete);
            }
        }
        return OK;
    }

    /**
     * Parts of a CREATE TABLE that cannot clash once the table itself does not: its columns and
     * table-scoped constraints, and every constraint PostgreSQL names itself (it picks a free name:
     * {@code t_pkey1}). Indexes SQLAlchemy names ({@code index=True}) are separate statements and can.
     */
    private static boolean insideNewTable(Operation op, Creation c) {
        if (c.key().kind() == ObjectKind.CONSTRAINT && c.derivedName()) {
            return true;
        }
        return op instanceof Operation.CreateTable && c.via() == Creation.Via.TABLE_ELEMENT
                && (c.key().kind() == ObjectKind.COLUMN || c.key().kind() == ObjectKind.CONSTRAINT
                        && (c.constraintKind() == null || !c.constraintKind().indexBacked()));
    }

    /**
     * Constraints and indexes PostgreSQL names itself (an unnamed foreign key, {@code op.create_index(None,
     * ...)}, a constraint without a name): names on that table (or in that schema) are no longer certain.
     */
    private void unnamedParts(Operation op) {
        String table = tableOf(op);
        Target t = table == null ? null : relTarget(op, name(table, op));
        if (t == null || t.schema == null) {
            return;
        }
        boolean unnamed = false;
        if (op instanceof Operation.AddConstraint c) {
            unnamed = c.name() == null;
        } else if (op instanceof Operation.CreateTable ct) {
            unnamed = ct.columns().stream().anyMatch(c -> c.foreignKey() && c.foreignKeyName() == null)
                    || ct.constraints().stream().anyMatch(nc -> nc.name() == null);
        } else if (op instanceof Operation.AddColumn a) {
            unnamed = a.column().foreignKey() && a.column().foreignKeyName() == null;
        } else if (op instanceof Operation.CreateIndex i && i.name() == null) {
            state.markUnnamedIndex(t.schema);
        }
        if (unnamed) {
            state.markUnnamedConstraint(QualifiedName.of(t.schema, t.name));
        }
    }

    /**
     * Whether a column of a new table is NOT NULL without a default, read from how it is written
     * ({@code nullable=False}, {@code server_default=}, {@code NOT NULL}, {@code DEFAULT}, serial and
     * identity columns); the single integer primary key of a create_table is SERIAL. Null when the
     * column's text cannot be read.
     */
    private Boolean required(Operation op, ColumnDef c, boolean singlePk) {
        if (c.span() == null || walking == null) {
            return null;
        }
        String text = walking.source().slice(c.span()).toLowerCase(Locale.ROOT);
        boolean sql = op.site().origin() == Origin.RAW_SQL;
        boolean notNull = c.primaryKey() || (sql ? text.contains("not null") : text.replace(" ", "").contains("nullable=false"));
        boolean fills = sql ? text.contains("default") || text.contains("serial") || text.contains("generated")
                : text.contains("server_default") || text.contains("identity(") || text.contains("computed(")
                        || c.primaryKey() && singlePk && c.typeText() != null && c.typeText().contains("Integer")
                                && !text.replace(" ", "").contains("autoincrement=false");
        return notNull && !fills;
    }

    /** Statements that fail whatever the schema holds, and tables an operation needs. */
    private Outcome preconditions(Operation op) {
        if (op instanceof Operation.CreateIndex ci && ci.concurrently() && !op.site().autocommit() && !errors.mysql()) {
            return new Fails(SqlState.ACTIVE_SQL_TRANSACTION.code(), SqlState.ACTIVE_SQL_TRANSACTION.label(),
                    "CREATE INDEX CONCURRENTLY cannot run inside the transaction Alembic opens (use"
                            + " `op.get_context().autocommit_block()`)", null, false);
        }
        if (op.site().origin() == Origin.RAW_SQL && !errors.mysql()) {
            String syntax = null;
            if (op instanceof Operation.AddConstraint c && c.ifNotExists()) {
                syntax = "ADD CONSTRAINT IF NOT EXISTS";
            } else if (op instanceof Operation.CreateEnumType t && t.ifNotExists()) {
                syntax = "CREATE TYPE IF NOT EXISTS";
            } else if (op instanceof Operation.CreateObject c && c.ifNotExists() && c.kind() != ObjectKind.OTHER
                    && !PostgresFacts.of(c.kind()).ifNotExists(in.settings().postgresMajor())) {
                syntax = "CREATE " + c.kind().sql().toUpperCase(Locale.ROOT) + " IF NOT EXISTS";
            }
            if (syntax != null) {
                return new Fails(SqlState.SYNTAX_ERROR.code(), SqlState.SYNTAX_ERROR.label(),
                        "PostgreSQL has no `" + syntax + "`", null, false);
            }
        }
        if (op instanceof Operation.AddColumn a && a.ifNotExists() && op.site().origin() != Origin.RAW_SQL
                && !in.settings().columnIfExistsSupported()) {
            return new Fails(null, "TypeError", "add_column() takes no `if_not_exists` before Alembic 1.16.0 (this"
                    + " project pins " + in.settings().alembic() + ")", null, false);
        }
        if (op instanceof Operation.Drop d && d.ifExists() && d.kind() == ObjectKind.CONSTRAINT
                && op.site().origin() != Origin.RAW_SQL && !in.settings().constraintIfExistsSupported()) {
            return new Fails(null, "TypeError", "drop_constraint() takes no `if_exists` before Alembic 1.16.0 with"
                    + " SQLAlchemy 2.0 (this project pins Alembic " + in.settings().alembic() + ", SQLAlchemy "
                    + in.settings().sqlalchemy() + ")", null, false);
        }
        if (unnamed(op)) {
            boolean drops = op instanceof Operation.Drop || op instanceof Operation.Rename;
            return new Lost("it " + (op instanceof Operation.Drop ? "drops" : op instanceof Operation.Rename ? "renames"
                    : "creates") + " an object whose name is not known statically", true, drops);
        }
        String table = needsTable(op);
        if (table != null) {
            Target t = relTarget(op, name(table, op));
            if (t.schema != null && state.presence(ObjectRef.table(QualifiedName.of(t.schema, t.name))) == Presence.ABSENT) {
                return new Fails(errors.undefinedTable().code(), errors.undefinedTable().label(),
                        "table " + show(t.schema, t.name) + " does not exist", ObjectRef.table(t.qualified()), false);
            }
            if (t.schema == null || state.presence(ObjectRef.table(QualifiedName.of(t.schema, t.name))) == Presence.UNKNOWN) {
                return new Lost("whether table " + table + " exists is not known here");
            }
        }
        if (op instanceof Operation.AddColumn a && a.column().enumType() != null && a.column().enumType().nativeEnum()
                && a.column().enumType().name() != null && !errors.mysql()) {
            // add_column never creates the column's enum type: it must be there
            Target t = typeTarget(op, a.column().enumType().name());
            if (t.schema != null && state.presence(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of(t.schema, t.name))) == Presence.ABSENT) {
                SqlState missing = PostgresFacts.dropMissing(ObjectKind.TYPE);
                return new Fails(missing.code(), missing.label(),
                        "type " + show(t.schema, t.name) + " does not exist (add_column does not create it)",
                        ObjectRef.of(ObjectKind.TYPE, t.qualified()), false);
            }
        }
        return OK;
    }

    /** An operation on an object whose name is dynamic (PostgreSQL names unnamed indexes and constraints itself). */
    private static boolean unnamed(Operation op) {
        if (op instanceof Operation.CreateTable c) {
            return c.table() == null;
        } else if (op instanceof Operation.AddColumn a) {
            return a.table() == null || a.column().name() == null;
        } else if (op instanceof Operation.CreateEnumType e) {
            return e.name() == null;
        } else if (op instanceof Operation.CreateObject c) {
            return c.name() == null;
        } else if (op instanceof Operation.Drop d) {
            return d.name() == null;
        } else if (op instanceof Operation.Rename r) {
            return r.from() == null || r.to() == null;
        }
        return false;
    }

    /**
     * Whether a drop tolerates a missing object: {@code IF EXISTS} in SQL, or the {@code if_exists=True}
     * kwarg where the project's Alembic honours it (older ones pass it on and ignore it).
     */
    private boolean dropIfExists(Operation.Drop d) {
        if (!d.ifExists() || d.site().origin() == Origin.RAW_SQL || d.site().origin() == Origin.SQLALCHEMY_DDL) {
            return d.ifExists();
        }
        Settings s = in.settings();
        return switch (d.kind()) {
            case TABLE -> s.tableIfExistsSupported();
            case INDEX -> s.indexIfExistsSupported();
            case COLUMN -> s.columnIfExistsSupported();
            case CONSTRAINT -> s.constraintIfExistsSupported();
            default -> true;
        };
    }

    /** The table an operation acts on that must already exist, or null. */
    private static String needsTable(Operation op) {
        if (op instanceof Operation.Benign b) {
            return b.column() == null ? null : b.table();
        } else if (op instanceof Operation.AddColumn a) {
            return a.table();
        } else if (op instanceof Operation.CreateIndex i) {
            return i.table();
        } else if (op instanceof Operation.AddConstraint c) {
            return c.table();
        } else if (op instanceof Operation.Insert i) {
            return i.table();
        } else if (op instanceof Operation.CreateObject c && (c.kind() == ObjectKind.TRIGGER
                || c.kind() == ObjectKind.POLICY)) {
            return c.table();
        } else if (op instanceof Operation.Drop d && (d.kind() == ObjectKind.COLUMN
                || d.kind() == ObjectKind.CONSTRAINT)) {
            return d.table();
        } else if (op instanceof Operation.Rename r && (r.kind() == ObjectKind.COLUMN
                || r.kind() == ObjectKind.CONSTRAINT)) {
            return r.table();
        }
        return null;
    }

    /** One object an operation creates: fails when it is already there (unless the statement tolerates it). */
    private Outcome create(Operation op, Creation c, boolean maybe) {
        if (MysqlForeignKeys.unnamed(errors, c)) {
            return OK;
        }
        Presence f = fact(op, c);
        if (f == null) {
            return new Lost("where " + c.describe() + " is created is not known statically");
        }
        if (c.tolerant(in.settings()) || f == Presence.ABSENT) {
            return OK;
        }
        if (f == Presence.UNKNOWN) {
            return new Lost("whether " + c.describe() + " already exists is not known here");
        }
        ServerErrors.Raised s = errors.duplicate(c.key().kind(), c.constraintKind());
        return new Fails(s.code(), s.label(), describe(op, c) + " already exists", key(op, c), true);
    }

    /** Whether a creation's object exists now; null when its place cannot be told. */
    private Presence fact(Operation op, Creation c) {
        ObjectRef k = key(op, c);
        if (k == null) {
            return null;
        }
        if (!TRACKED.contains(k.kind())) {
            return Presence.UNKNOWN;
        }
        if (MysqlForeignKeys.unnamed(errors, c)) {
            QualifiedName r = c.shape().references();
            return MysqlForeignKeys.presence(state, k, c, r == null || r.schema() != null ? r
                    : relTarget(op, r.name()).schema == null ? null : relTarget(op, r.name()).qualified());
        }
        if (k.kind() == ObjectKind.CONSTRAINT && c.constraintKind() != null && c.constraintKind().indexBacked()) {
            // the key's index takes its name among the relations
            Presence rel = state.presence(ObjectRef.of(ObjectKind.INDEX, k.name()));
            if (rel != Presence.ABSENT) {
                return rel;
            }
        }
        return state.presence(k);
    }

    /** Where a creation's object lives: its schema, its table for table-scoped kinds; null when not known. */
    private ObjectRef key(Operation op, Creation c) {
        // the timeline qualifies names outside public ("billing.invoices"); the walk places them itself
        ObjectKind kind = c.key().kind();
        // MySQL and MariaDB name every primary key PRIMARY, whatever name the statement gives it
        String n = errors.mysql() && kind == ObjectKind.CONSTRAINT && c.constraintKind() == ConstraintKind.PRIMARY_KEY
                ? "PRIMARY" : name(c.key().name().name(), op);
        if (ObjectRef.tableScoped(kind)) {
            if (c.key().table() == null) {
                return null;
            }
            Target t = relTarget(op, name(c.key().table().name(), op));
            return t.schema == null ? null : ObjectRef.in(kind, t.qualified(), n);
        }
        switch (kind) {
            case INDEX: {
                String table = tableOf(op);
                String schema = table != null ? relTarget(op, name(table, op)).schema : createTarget(op, n).schema;
                return schema == null ? null : new ObjectRef(kind, QualifiedName.of(schema, n),
                        table == null ? null : QualifiedName.of(schema, name(table, op)));
            }
            case SCHEMA, EXTENSION, ROLE:
                return ObjectRef.of(kind, QualifiedName.of(n));
            default:
                return placed(kind, createTarget(op, n));
        }
    }

    /** Records a creation in the state (unknown when the operation may not have run). */
    private void make(Creation c, Operation op, String rev, Set<SchemaState.Slot> madeHere, boolean maybe) {
        ObjectRef k = key(op, c);
        if (k == null) {
            return;
        }
        if (maybe) {
            if (fact(op, c) != Presence.PRESENT) {
                state.apply(Effect.Forget.object(k));
            }
            return;
        }
        if (fact(op, c) != Presence.PRESENT) {
            createdBy.putIfAbsent(identity(k), rev);
            madeHere.add(identity(k));
        }
        if (!TRACKED.contains(k.kind()) || c.shape() != null && c.shape().postgresNamed()) {
            // a name PostgreSQL picks is this one or the next free one (t_a_fkey1), depending on names the
            // plan does not read
            state.apply(Effect.Forget.object(k));
            return;
        }
        Shape shape = switch (k.kind()) {
            case TABLE -> Shape.relation('r');
            case VIEW -> Shape.relation('v');
            case MATERIALIZED_VIEW -> Shape.relation('m');
            case SEQUENCE -> Shape.relation('S');
            case INDEX -> {
                Operation.CreateIndex ci = op instanceof Operation.CreateIndex x ? x : null;
                List<String> columns = ci == null || ci.columns().isEmpty() || ci.columns().stream().anyMatch(java.util.Objects::isNull) ? null
                        : ci.columns().stream().map(col -> name(col, op)).toList();
                yield Shape.index(ci != null && ci.unique(), columns);
            }
            case COLUMN -> Shape.column(c.column() == null ? null : c.column().formatType());
            case CONSTRAINT -> Shape.constraint(c.constraintKind(), null);
            case TYPE, DOMAIN -> Shape.enumType(c.labels().isEmpty() ? null : c.labels());
            default -> Shape.NONE;
        };
        // its conflicts were decided before (create): this records the object the statement leaves
        state.apply(new Effect.Create(k, true, shape));
        if (k.kind() == ObjectKind.COLUMN && op instanceof Operation.AddColumn) {
            state.required(k.table(), k.name().name(), c.column() == null ? null : required(op, c.column(), false));
        }
        if ((k.kind() == ObjectKind.TYPE || k.kind() == ObjectKind.DOMAIN) && c.via() == Creation.Via.TABLE_EVENT) {
            enumMemo.add(c.name());
        }
    }

    private Outcome drop(Operation op, Operation.Drop d, boolean maybe) {
        if (d.name() == null) {
            return new Lost("a " + d.kind().sql() + " whose name is not known statically is dropped");
        }
        boolean ifExists = dropIfExists(d);
        Presence f = objectFact(op, d.kind(), d.table(), d.name());
        if (f == Presence.UNKNOWN) {
            if (!ifExists) {
                return new Lost("whether " + d.kind().sql() + " " + d.name() + " exists is not known here");
            }
        } else if (f == Presence.ABSENT && !ifExists) {
            ServerErrors.Raised s = errors.dropMissing(d.kind());
            return new Fails(s.code(), s.label(), d.kind().sql() + " " + showIn(op, d.table(), d.name())
                    + " does not exist", null, false);
        }
        applyEffects(op, maybe);
        return OK;
    }

    /**
     * Applies what {@link Effects#of} says the operation does (PostgreSQL's cascades are the state's),
     * each object placed in its schema; {@code maybe}: it may not run, so what it touches becomes unknown.
     * Whether it fails was decided before, with the IF EXISTS the project's versions honour.
     */
    private void applyEffects(Operation op, boolean maybe) {
        List<Effect> effects = Effects.of(op, Effects.Naming.UNKNOWN);
        for (Effect e : maybe ? Effect.uncertain(effects) : effects) {
            Effect placed = null;
            if (e instanceof Effect.Drop d) {
                ObjectRef r = place(op, d.object());
                placed = r == null ? null : new Effect.Drop(r, true);
            } else if (e instanceof Effect.Rename r) {
                ObjectRef from = place(op, r.object());
                placed = from == null ? null : new Effect.Rename(from, r.to());
            } else if (e instanceof Effect.AlterColumn a) {
                // alter_column(server_default=...) may set or drop a default or add an identity
                ObjectRef c = place(op, a.column());
                placed = c == null ? null : new Effect.AlterColumn(c, Effect.AlterColumn.Change.UNKNOWN, null);
            } else if (e instanceof Effect.Forget f && f.scope() == Effect.Forget.Scope.OBJECT) {
                ObjectRef o = place(op, f.object());
                placed = o == null ? null : Effect.Forget.object(o);
            }
            if (placed != null) {
                state.apply(placed);
            }
        }
    }

    /**
     * {@code ALTER COLUMN} on a column's identity or default, decided by the model seeded from the catalog
     * ({@code attidentity}, {@code pg_attrdef}): what PostgreSQL raises when the column's identity and
     * default are known, else not followed. {@code ADD GENERATED} succeeds only on a column known NOT NULL.
     */
    private Outcome identity(Operation op) {
        if (errors.mysql()) {
            return new Lost("an identity change, which MySQL and MariaDB do not have", true, true);
        }
        for (Effect e : Effects.of(op, Effects.Naming.UNKNOWN)) {
            if (!(e instanceof Effect.AlterColumn a)) {
                continue;
            }
            ObjectRef c = place(op, a.column());
            String what = c == null ? "a column" : "column " + c.name().name() + " of " + c.table();
            Lost lost = new Lost("whether " + what + " is an identity column, or has a default, is not known here",
                    true, true);
            // under a guard or a condition (a DO block's IF) the statement may not run: not followed
            if (c == null || a.change() == Effect.AlterColumn.Change.UNKNOWN || state.identityOf(c) == Presence.UNKNOWN
                    || op.site().guard() != null || op.site().conditional()) {
                if (c != null) {
                    state.apply(new Effect.AlterColumn(c, Effect.AlterColumn.Change.UNKNOWN, null));
                }
                return lost;
            }
            boolean add = a.change() == Effect.AlterColumn.Change.ADD_IDENTITY;
            boolean required = state.knownRequired(c);
            Optional<Conflict> x = state.apply(new Effect.AlterColumn(c, a.change(), a.sequence()));
            if (x.isPresent()) {
                SqlState st = x.get().sqlState();
                return new Fails(st.code(), st.label(), what + (x.get().about() == Conflict.About.IDENTITY
                        ? (x.get().alreadyThere() ? " is an identity column" : " is not an identity column")
                        : " has a default"), c, x.get().alreadyThere());
            }
            return add && !required ? lost : OK;
        }
        return new Lost("an identity change idemlint cannot follow", true, true);
    }

    /** An object of {@link Effects#of} (unqualified) in the schema the operation puts it in; null when not followed. */
    private ObjectRef place(Operation op, ObjectRef r) {
        if (!TRACKED.contains(r.kind())) {
            return null;
        }
        String table = r.table() != null ? r.table().name() : tableOf(op);
        return objectRef(op, r.kind(), table, r.name().name());
    }

    private Outcome rename(Operation op, Operation.Rename r, boolean maybe) {
        if (r.from() == null || r.to() == null) {
            return new Lost("a rename whose names are not known statically");
        }
        if (r.kind() == ObjectKind.OTHER) {
            // ALTER TYPE t RENAME VALUE 'a' TO 'b'
            if (r.table() == null) {
                return new Lost("a rename idemlint cannot place");
            }
            Target t = typeTarget(op, name(r.table(), op));
            List<String> labels = t.schema == null ? null : state.labels(QualifiedName.of(t.schema, t.name));
            if (labels == null) {
                return new Lost("the labels of type " + r.table() + " are not known here");
            }
            if (!labels.contains(r.from())) {
                SqlState missing = PostgresFacts.labels().labelMissing();
                return new Fails(missing.code(), missing.label(),
                        "type " + r.table() + " has no label '" + r.from() + "'", null, false);
            }
            if (labels.contains(r.to())) {
                SqlState taken = PostgresFacts.labels().labelTaken();
                return new Fails(taken.code(), taken.label(),
                        "label '" + r.to() + "' of type " + r.table() + " already exists", null, true);
            }
            if (!maybe) {
                state.renameLabel(t.qualified(), r.from(), r.to());
            }
            return OK;
        }
        Presence from = objectFact(op, r.kind(), r.table(), r.from());
        Presence to = objectFact(op, r.kind(), r.table(), r.to());
        if (from == Presence.UNKNOWN || to == Presence.UNKNOWN) {
            return new Lost("whether " + r.kind().sql() + " " + r.from() + " or " + r.to() + " exists is not known here");
        }
        if (from == Presence.ABSENT) {
            ServerErrors.Raised s = errors.renameMissing(r.kind());
            return new Fails(s.code(), s.label(), r.kind().sql() + " " + showIn(op, r.table(), r.from())
                    + " does not exist", null, false);
        }
        if (to == Presence.PRESENT) {
            ServerErrors.Raised s = errors.duplicate(r.kind(), null);
            return new Fails(s.code(), s.label(), r.kind().sql() + " " + showIn(op, r.table(), r.to())
                    + " already exists", null, true);
        }
        if (maybe) {
            applyEffects(op, true);
            return new Lost("the rename of " + r.from() + " may or may not run");
        }
        switch (r.kind()) {
            case TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE, INDEX, COLUMN, CONSTRAINT, TYPE, DOMAIN -> applyEffects(op, false);
            default -> {
                return new Lost("a rename of a " + r.kind().sql() + " is not followed");
            }
        }
        return OK;
    }

    private Outcome addValue(Operation op, Operation.AlterTypeAddValue v, boolean maybe) {
        if (v.type() == null || v.label() == null) {
            return new Lost("ALTER TYPE ... ADD VALUE with names not known statically");
        }
        Target t = typeTarget(op, name(v.type(), op));
        Presence type = t.schema == null ? Presence.UNKNOWN : state.presence(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of(t.schema, t.name)));
        if (type == Presence.ABSENT) {
            SqlState missing = PostgresFacts.dropMissing(ObjectKind.TYPE);
            return new Fails(missing.code(), missing.label(), "type " + v.type() + " does not exist", null, false);
        }
        List<String> labels = type == Presence.PRESENT ? state.labels(QualifiedName.of(t.schema, t.name)) : null;
        if (labels == null) {
            return v.ifNotExists() ? OK : new Lost("the labels of type " + v.type() + " are not known here");
        }
        if (labels.contains(v.label()) && !v.ifNotExists()) {
            SqlState taken = PostgresFacts.labels().labelTaken();
            return new Fails(taken.code(), taken.label(),
                    "enum label '" + v.label() + "' of type " + v.type() + " already exists", null, true);
        }
        if (!maybe) {
            state.addLabel(t.qualified(), v.label());
        }
        return OK;
    }

    /**
     * A keyed insert fails when a row with the same key is already there: in the database (a read-only
     * SELECT per key of each literal row) or written earlier in the walk. Rows that are not literals
     * cannot be compared; an empty table made by the walk takes them once.
     */
    private Outcome insert(Operation op, Operation.Insert i) {
        if (i.table() == null) {
            return new Lost("an INSERT into a table not known statically");
        }
        Target t = relTarget(op, name(i.table(), op));
        if (t.schema == null) {
            return new Lost("the schema of table " + i.table() + " is not known statically");
        }
        QualifiedName tableKey = t.qualified();
        List<Map<String, String>> rows = InsertRows.of(i);
        List<Map<String, String>> earlier = inserted.computeIfAbsent(tableKey, k -> new ArrayList<>());
        if (i.onConflict() || i.guardedSelect()) {
            // never fails on a duplicate; its rows may or may not be written
            if (rows != null) {
                maybeRows.computeIfAbsent(tableKey, k -> new ArrayList<>()).addAll(rows);
            } else {
                opaqueRows.add(tableKey);
            }
            return OK;
        }
        boolean fresh = state.madeHere(QualifiedName.of(t.schema, t.name));
        List<List<String>> keys = state.uniqueKeys(QualifiedName.of(t.schema, t.name));
        if (!fresh && keys != null && keys.isEmpty()) {
            return OK;
        }
        if (rows == null || opaqueRows.contains(tableKey)) {
            if (fresh && earlier.isEmpty() && !opaqueRows.contains(tableKey)) {
                opaqueRows.add(tableKey);
                return OK;
            }
            if (rows == null && !fresh && earlier.isEmpty() && !opaqueRows.contains(tableKey)) {
                Boolean any = in.rows() == null ? null : in.rows().hasRows(t.schema, t.name);
                if (Boolean.FALSE.equals(any)) {
                    opaqueRows.add(tableKey);
                    return OK;
                }
            }
            return new Lost("an INSERT into " + show(t.schema, t.name) + " whose rows cannot be compared with those"
                    + " already there (not literals, or written by statements idemlint cannot compare)");
        }
        Set<String> required = state.requiredColumns(QualifiedName.of(t.schema, t.name));
        if (required == null) {
            return new Lost("which columns of " + show(t.schema, t.name) + " are NOT NULL without a default is not known");
        }
        for (Map<String, String> row : rows) {
            for (String col : required) {
                if (!row.containsKey(col) || row.get(col) == null) {
                    return new Fails(errors.notNullViolation().code(), errors.notNullViolation().label(),
                            "column " + col + " of " + show(t.schema, t.name) + " is NOT NULL without a default and the"
                                    + " row " + row + " gives it no value", null, false);
                }
            }
        }
        if (keys == null && !fresh) {
            return new Lost("table " + show(t.schema, t.name) + " has a unique key on an expression or a partial one");
        }
        for (List<String> key : keys == null ? List.<List<String>>of() : keys) {
            for (Map<String, String> row : rows) {
                if (!row.keySet().containsAll(key) || key.stream().anyMatch(c -> row.get(c) == null)) {
                    continue;
                }
                Map<String, String> probe = project(row, key);
                boolean again = earlier.stream().anyMatch(r -> probe.equals(project(r, key)));
                if (!again && maybeRows.getOrDefault(tableKey, List.of()).stream()
                        .anyMatch(r -> probe.equals(project(r, key)))) {
                    return new Lost("an earlier guarded or ON CONFLICT insert may have written the row with "
                            + probe + " into " + show(t.schema, t.name));
                }
                Boolean there = again ? Boolean.TRUE : fresh ? Boolean.FALSE
                        : in.rows() == null ? null : in.rows().hasRow(t.schema, t.name, probe);
                if (there == null) {
                    return new Lost("whether " + show(t.schema, t.name) + " already holds " + probe + " could not be read");
                }
                if (there) {
                    return new Fails(errors.uniqueViolation().code(), errors.uniqueViolation().label(),
                            "table " + show(t.schema, t.name) + " already has the row with (" + String.join(", ", key)
                                    + ")=(" + String.join(", ", probe.values()) + ")", null, true);
                }
            }
        }
        earlier.addAll(rows);
        return OK;
    }

    private static Map<String, String> project(Map<String, String> row, List<String> key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : key) {
            out.put(c, row.get(c));
        }
        return out;
    }

    // ---- names and schemas ----

    /** A relation or type name with the schema it lives in (null when it cannot be told). */
    private record Target(String schema, String name) {
        QualifiedName qualified() {
            return QualifiedName.of(schema, name);
        }
    }

    private static final String UNKNOWN_SCHEMA = "\u0000unknown";
    /** {@code schema=} in a {@code batch_alter_table(...)} call: group 1 a literal, group 2 anything else. */
    private static final Pattern BATCH_SCHEMA = Pattern.compile(
            "\\bschema\\s*=\\s*(?:[rRuU]?[\"']([^\"']*)[\"']|(\\w[\\w.]*))");

    /** Explicit schemas worked out, per operation and name: an op call's syntax may have to be parsed again. */
    private final Map<Operation, Map<String, String>> schemas = new java.util.IdentityHashMap<>();
    private static final String NONE = "\u0000none";

    private String explicitSchema(Operation op, String objectName) {
        Map<String, String> byName = schemas.computeIfAbsent(op, k -> new HashMap<>());
        String key = op.site().origin() == Origin.RAW_SQL && objectName != null ? objectName : "";
        String s = byName.get(key);
        if (s == null) {
            s = findSchema(op, objectName);
            byName.put(key, s == null ? NONE : s);
            return s;
        }
        return s.equals(NONE) ? null : s;
    }

    /** The schema an operation names explicitly: {@code schema=} of an op call, a qualifier in SQL; null when none. */
    private String findSchema(Operation op, String objectName) {
        if (op.site().origin() == Origin.RAW_SQL) {
            String sql = op.site().sqlStatement();
            if (sql == null || objectName == null) {
                return null;
            }
            Matcher m = Pattern.compile("(?:\"([^\"]+)\"|([A-Za-z_][\\w$]*))\\s*\\.\\s*\"?" + Pattern.quote(objectName)
                    + "\"?(?![\\w$])", Pattern.CASE_INSENSITIVE).matcher(sql);
            if (m.find()) {
                return m.group(1) != null ? m.group(1) : m.group(2).toLowerCase(Locale.ROOT);
            }
            return null;
        }
        if (op.site().origin() == Origin.BATCH_OP) {
            // the schema of a batch op is the enclosing batch_alter_table call's: the nearest one before it
            String text = walking == null ? "" : walking.source().text();
            int at = text.lastIndexOf("batch_alter_table(", op.site().span().start());
            if (at < 0) {
                return UNKNOWN_SCHEMA;
            }
            int depth = 0;
            int end = at + "batch_alter_table".length();
            for (; end < text.length(); end++) {
                char c = text.charAt(end);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            Matcher b = BATCH_SCHEMA.matcher(text.substring(at, Math.min(end + 1, text.length())));
            if (!b.find()) {
                return null;
            }
            return b.group(1) != null ? b.group(1) : b.group(2).equals("None") ? null : UNKNOWN_SCHEMA;
        }
        Expr.Call call = op.site().call();
        if (call == null) {
            return null;
        }
        Arg arg = call.keyword("schema");
        if (arg == null) {
            return null;
        }
        if (arg.value() instanceof Expr.Str s && s.isConstant()) {
            return s.constantText();
        }
        if (arg.value() instanceof Expr.Name n && n.id().equals("None")) {
            return null;
        }
        return UNKNOWN_SCHEMA;
    }

    /** Where a relation the operation refers to is: its explicit schema, else the search path, else the current schema. */
    private Target relTarget(Operation op, String name) {
        return searched(op, name, state::relationSchema);
    }

    /** Its explicit schema, else the first schema of the search path {@code lookup} finds it in, else the current one. */
    private Target searched(Operation op, String name, java.util.function.UnaryOperator<String> lookup) {
        String s = explicitSchema(op, name);
        if (UNKNOWN_SCHEMA.equals(s)) {
            return new Target(null, name);
        }
        if (s != null) {
            return new Target(s, name);
        }
        String found = lookup.apply(name);
        return new Target(found != null ? found : state.currentSchema(), name);
    }

    /** Where an object the operation creates goes: its explicit schema, else the current schema. */
    private Target createTarget(Operation op, String name) {
        String s = explicitSchema(op, name);
        if (UNKNOWN_SCHEMA.equals(s)) {
            return new Target(null, name);
        }
        return new Target(s != null ? s : state.currentSchema(), name);
    }

    /** A type the operation refers to: explicit, else found through the search path, else the current schema. */
    private Target typeTarget(Operation op, String name) {
        return searched(op, name, state::typeSchema);
    }

    private String indexSchema(Operation op, String name) {
        String s = explicitSchema(op, name);
        if (UNKNOWN_SCHEMA.equals(s)) {
            return null;
        }
        if (s != null) {
            return s;
        }
        String found = state.relationSchema(name);
        return found != null ? found : state.currentSchema();
    }

    /**
     * A name as the server stores it: PostgreSQL folds unquoted SQL names ({@link Effects#name}); MySQL
     * and MariaDB keep them as written (table names are case-sensitive where the file system is).
     */
    private String name(String n, Operation op) {
        return errors.mysql() ? n : Effects.name(n, op);
    }

    private static String bare(String name) {
        return name == null ? null : name.substring(name.lastIndexOf('.') + 1);
    }

    private static String tableOf(Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return a.table();
        } else if (op instanceof Operation.CreateTable c) {
            return c.table();
        } else if (op instanceof Operation.CreateIndex i) {
            return i.table();
        } else if (op instanceof Operation.AddConstraint c) {
            return c.table();
        } else if (op instanceof Operation.CreateObject c) {
            return c.table();
        } else if (op instanceof Operation.Drop d) {
            return d.kind() == ObjectKind.TABLE ? d.name() : d.table();
        } else if (op instanceof Operation.Rename r) {
            return r.kind() == ObjectKind.TABLE ? r.from() : r.table();
        } else if (op instanceof Operation.Insert i) {
            return i.table();
        }
        return null;
    }

    private static String objectName(Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return a.column().name();
        } else if (op instanceof Operation.CreateTable c) {
            return c.table();
        } else if (op instanceof Operation.CreateIndex i) {
            return i.name();
        } else if (op instanceof Operation.AddConstraint c) {
            return c.name();
        } else if (op instanceof Operation.CreateEnumType e) {
            return e.name();
        } else if (op instanceof Operation.CreateObject c) {
            return c.name();
        } else if (op instanceof Operation.Drop d) {
            return d.name();
        } else if (op instanceof Operation.Rename r) {
            return r.from();
        } else if (op instanceof Operation.AlterTypeAddValue v) {
            return v.type();
        }
        return null;
    }

    // ---- words ----

    private String show(String schema, String name) {
        return schema == null || schema.equals(state.currentSchema()) ? name : schema + "." + name;
    }

    private String showIn(Operation op, String table, String name) {
        return table == null ? name : table + "." + name;
    }

    private String describe(Operation op, Creation c) {
        ObjectRef k = key(op, c);
        String kind = c.key().kind().sql();
        if (k == null) {
            return kind + " " + c.name();
        }
        if (MysqlForeignKeys.unnamed(errors, c)) {
            return MysqlForeignKeys.describe(show(k.table().schema(), k.table().name()), c);
        }
        if (ObjectRef.tableScoped(k.kind())) {
            return kind + " " + show(k.table().schema(), k.table().name()) + "." + k.name().name();
        }
        return kind + " " + (k.name().schema() == null ? k.name().name() : show(k.name().schema(), k.name().name()));
    }

    /** "column players.custom_notes", "relation billing.invoices": the object's namespace and its path. */
    private String describeKey(ObjectRef ref) {
        if (ref == null) {
            return "the object";
        }
        String kind = switch (ref.kind()) {
            case COLUMN, CONSTRAINT, TRIGGER, POLICY, SCHEMA, EXTENSION, ROLE, TYPE, FUNCTION -> ref.kind().sql();
            case DOMAIN -> "type";
            case PROCEDURE, AGGREGATE -> "function";
            default -> "relation";
        };
        boolean inTable = ObjectRef.tableScoped(ref.kind());
        QualifiedName where = inTable ? ref.table() : ref.name();
        String path = (inTable ? where.name() + "." : "") + ref.name().name();
        return kind + " " + (where.schema() == null || where.schema().equals(state.currentSchema()) ? path
                : where.schema() + "." + path);
    }

    /** The identity under which the walk remembers who made an object (its place in its namespace), or null. */
    private static SchemaState.Slot identity(ObjectRef ref) {
        return ref == null ? null : SchemaState.slot(ref);
    }

    private static String condition(String sqlstate) {
        for (SqlState s : SqlState.values()) {
            if (s.code().equals(sqlstate)) {
                return s.condition();
            }
        }
        return "";
    }

    private String stampWords() {
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

    // ---- diagnosis ----

    private void failed(Migration m, Operation op, int line, Fails f, Set<SchemaState.Slot> madeHere, List<Integer> applied) {
        String rev = m.header().revisionId();
        String message;
        String help;
        if (f.alreadyThere() && f.object() != null) {
            String by = createdBy.get(identity(f.object()));
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
            String renamed = errors.mysql() ? renamesHelp(m, op, madeHere) : null;
            help = renamed != null ? renamed : f.sqlstate() != null && f.sqlstate().equals(errors.undefinedTable().code())
                    && f.object() != null && identity(f.object()).relation()
                    ? missingTableHelp(rev, f.object().name().name())
                    : "Fix the statement at " + m.source().displayPath() + ":" + line + " (`idemlint lint` explains it).";
        }
        if (!applied.isEmpty()) {
            message += " " + serverName() + " commits each DDL statement on its own: when " + rev + " fails there, "
                    + describeLines(m, m.upgrade(), applied) + " of it stay" + (applied.size() == 1 ? "s" : "")
                    + " applied while " + in.catalog().versionTable().name() + " keeps its row, and the next"
                    + " `alembic upgrade` runs " + (applied.size() == 1 ? "it" : "them") + " again.";
            help += " Make the statements before line " + line + " tolerate a re-run (`idemlint lint --fix"
                    + " --unsafe-fixes " + m.source().displayPath() + "`) or split the revision, so that a failure"
                    + " leaves nothing half applied.";
        }
        add(m, line, Status.FAILS, f.sqlstate(), message, help, applied);
    }

    /** The server's name for messages: PostgreSQL, MariaDB or MySQL. */
    private String serverName() {
        return !errors.mysql() ? "PostgreSQL" : errors.dialect().isMariaDb() ? "MariaDB" : "MySQL";
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
            if (!effective(c)) {
                continue;
            }
            Operation op = ops.get(c.index());
            SchemaState.Slot key = identity(key(op, c));
            Presence f = fact(op, c);
            String what = describe(op, c);
            if (key == null || f == null || f == Presence.UNKNOWN) {
                missing.add(what + " (unknown)");
            } else if (f == Presence.PRESENT && !madeHere.contains(key)) {
                String mismatch = columnMismatch(op, c);
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

    /** "`alembic stamp <rev>` is safe", after {@code done} (what is already there), as the walk stands. */
    private String stampSafe(String rev, String done) {
        List<String> pendingParents = new ArrayList<>();
        for (String p : in.graph().parents(rev)) {
            if (!appliedBefore(p)) {
                pendingParents.add(p);
            }
        }
        String cmd = "alembic stamp " + rev;
        if (firstFailed != null) {
            // an earlier revision fails first: advising `alembic upgrade <parent>` would run into it
            return done + ", but " + firstFailed + " fails first: deal with that, then, when `alembic upgrade` gets to "
                    + rev + ", `" + cmd + "` is safe in its place (run `idemlint plan` again then).";
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
        List<AppliedRenames.Item> items = madeHere.isEmpty() ? AppliedRenames.of(ops, at, this::objectFact) : null;
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
                if (made != null && bare(name(made, op)).equals(table)
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

    /**
     * A pending revision after the one being walked that alters, drops or renames the column: the type
     * the database has may be the one that revision gives it, so a difference proves nothing. Null when none.
     */
    private String changedLater(String table, String column) {
        int at = pendingOrder.indexOf(walking);
        for (int i = at + 1; at >= 0 && i < pendingOrder.size(); i++) {
            for (Operation op : pendingOrder.get(i).upgrade()) {
                String t = op instanceof Operation.Benign b ? b.table()
                        : op instanceof Operation.Drop d && d.kind() == ObjectKind.COLUMN ? d.table()
                        : op instanceof Operation.Rename r && r.kind() == ObjectKind.COLUMN ? r.table() : null;
                String c = op instanceof Operation.Benign b ? b.column()
                        : op instanceof Operation.Drop d ? d.name() : op instanceof Operation.Rename r ? r.from() : null;
                if (t != null && c != null && bare(name(t, op)).equals(table) && name(c, op).equals(column)) {
                    return pendingOrder.get(i).header().revisionId();
                }
            }
        }
        return null;
    }

    /** "column players.custom_notes is integer, the revision makes it text", or null when they agree or cannot be compared. */
    private String columnMismatch(Operation op, Creation c) {
        if (c.key().kind() != ObjectKind.COLUMN || c.column() == null || errors.mysql()) {
            // the revision's type is rendered as PostgreSQL prints it; MySQL's COLUMN_TYPE is not compared
            return null;
        }
        ObjectRef k = key(op, c);
        String have = state.columnType(k);
        String want = c.column().formatType();
        if (have == null || want == null || FormatType.same(have, want)
                || changedLater(c.key().table().name(), k.name().name()) != null) {
            return null;
        }
        return describe(op, c) + " is " + have + ", the revision makes it " + want;
    }
}
