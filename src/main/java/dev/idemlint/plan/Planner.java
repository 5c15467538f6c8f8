package dev.idemlint.plan;

import dev.idemlint.db.Catalog;
import dev.idemlint.db.LiveSession;
import dev.idemlint.discovery.Settings;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.MysqlFacts;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.plan.Outcome.Fails;
import dev.idemlint.plan.Outcome.Lost;
import dev.idemlint.plan.Outcome.Ok;
import dev.idemlint.plan.Plan.Entry;
import dev.idemlint.plan.Plan.Status;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.schema.Conflict;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.Effect.Shape;
import dev.idemlint.schema.Effect;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.Presence;
import dev.idemlint.schema.QualifiedName;
import dev.idemlint.schema.SchemaState;
import dev.idemlint.schema.SchemaTimeline;
import dev.idemlint.sql.ColumnUse;
import dev.idemlint.sql.StatementReads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    private static final Ok OK = Outcome.OK;

    /**
     * Read-only row probes for keyed inserts: whether a table holds any row, and whether it holds one
     * with the given column values (compared as text); null when it cannot be told.
     */
    public interface RowProbe {
        Boolean hasRows(String schema, String table);

        Boolean hasRow(String schema, String table, Map<String, String> values);

        /** The table's live size; null when there is no such table or it cannot be told. */
        default LiveSession.TableSize size(String schema, String table) {
            return null;
        }
    }

    /**
     * What plan reads about locks beside the walk: the {@code locks} findings lint makes on the tree, {@code
     * lock_timeout} as a new session of the plan's role starts with it (null when not read), and the one the URL's
     * {@code options} parameter sets (null when none).
     */
    public record LockFindings(List<Diagnostic> findings, int major, LiveSession.StartSetting session,
            String urlLockTimeout) {
        public LockFindings {
            findings = findings == null ? List.of() : List.copyOf(findings);
        }

        /** The {@code lock_timeout} an {@code options} URL parameter sets ({@code -c lock_timeout=5s}), or null. */
        public static String urlLockTimeout(String options) {
            return LockCosts.urlLockTimeout(options);
        }

        /**
         * The major version of a server whose {@code server_version} is {@code version} ({@code 15.4}, {@code 9.6.24},
         * {@code 16beta1}); {@code fallback} when it does not read.
         */
        public static int serverMajor(String version, int fallback) {
            Matcher m = version == null ? null : SERVER_VERSION.matcher(version);
            if (m == null || !m.lookingAt()) {
                return fallback;
            }
            // 9.6 counts as 9, the facts table's first row
            return Integer.parseInt(m.group(1));
        }

        /** Whether every lock fact reads the same on PostgreSQL {@code a} and {@code b}. */
        public static boolean sameFacts(int a, int b) {
            return Arrays.stream(PostgresLocks.Kind.values())
                    .allMatch(k -> PostgresLocks.of(k, a).equals(PostgresLocks.of(k, b)));
        }
    }

    private static final Pattern SERVER_VERSION = Pattern.compile("(\\d{1,3})");

    /**
     * Everything a plan needs: the versions tree, the project's settings, the catalog and a row probe;
     * {@code upgrade} is the command planned, {@code alembic upgrade head} or {@code heads}, and where that came from.
     */
    public record Input(Path versionsDir, List<Migration> migrations, RevisionGraph graph, Settings settings,
            Catalog catalog, String maskedUrl, RowProbe rows, List<Migration> mapOrder, UpgradeCommand upgrade,
            NamingConvention naming, List<Unloadable> unloadable, LockFindings locks) {
        public Input {
            upgrade = upgrade == null ? UpgradeCommand.given(false) : upgrade;
            unloadable = unloadable == null ? List.of() : List.copyOf(unloadable);
        }

        /** Without the locks: no lock is read. */
        public Input(Path versionsDir, List<Migration> migrations, RevisionGraph graph, Settings settings,
                Catalog catalog, String maskedUrl, RowProbe rows, List<Migration> mapOrder, UpgradeCommand upgrade,
                NamingConvention naming, List<Unloadable> unloadable) {
            this(versionsDir, migrations, graph, settings, catalog, maskedUrl, rows, mapOrder, upgrade, naming,
                    unloadable, null);
        }

        /** Every file of the versions directory loaded. */
        public Input(Path versionsDir, List<Migration> migrations, RevisionGraph graph, Settings settings,
                Catalog catalog, String maskedUrl, RowProbe rows, List<Migration> mapOrder, UpgradeCommand upgrade,
                NamingConvention naming) {
            this(versionsDir, migrations, graph, settings, catalog, maskedUrl, rows, mapOrder, upgrade, naming, List.of());
        }

        /**
         * Without the project's naming convention (unnamed keys keep the names PostgreSQL gives them);
         * {@code allHeads} plans {@code alembic upgrade heads} as {@code --heads} asks.
         */
        public Input(Path versionsDir, List<Migration> migrations, RevisionGraph graph, Settings settings,
                Catalog catalog, String maskedUrl, RowProbe rows, List<Migration> mapOrder, boolean allHeads) {
            this(versionsDir, migrations, graph, settings, catalog, maskedUrl, rows, mapOrder,
                    UpgradeCommand.given(allHeads), NamingConvention.unknown("not read"));
        }

        /** Whether the plan is of {@code alembic upgrade heads}: every head is upgraded. */
        boolean allHeads() {
            return upgrade.heads();
        }

        String command() {
            return upgrade.command();
        }
    }

    /**
     * A file of the versions directory Alembic cannot load ({@code name}, shown as {@code file}, at {@code line}),
     * so that every Alembic command fails: {@code why} says so in one sentence.
     */
    public record Unloadable(String name, String file, int line, String why) {
    }

    private final Input in;
    private final SchemaState state;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Enum types create_table's event already made in this run: Alembic's memo skips them. */
    private final Set<String> enumMemo = new HashSet<>();
    /**
     * Something earlier in the walk may have created objects the walk does not know of (a CREATE with a
     * dynamic name, opaque code): a later "does not exist" is only a possibility.
     */
    private String mayHaveCreated;
    /** Something earlier may have dropped objects (a DROP with a dynamic name, opaque code): a later "already exists" too. */
    private String mayHaveDropped;

    /** What the server raises: SQLSTATEs on PostgreSQL, error numbers on MySQL and MariaDB. */
    private final ServerFacts errors;
    private final Progress progress = new Progress();
    private final Placement places;
    private final GuardCheck guards;
    private final KeyedInserts inserts;
    private final CatalogComparison comparison;
    private final Advice advice;
    private final LockCosts locks;

    private Planner(Input in) {
        this.in = in;
        this.state = SchemaState.of(in.catalog());
        this.errors = ServerFacts.of(in.settings().dialect(), in.settings().postgresMajor());
        this.places = new Placement(state, errors, in.settings());
        this.guards = new GuardCheck(state);
        this.inserts = new KeyedInserts(state, places, errors, in.rows());
        this.comparison = new CatalogComparison(state, places, errors, progress);
        this.advice = new Advice(in, state, places, errors, progress, comparison);
        this.locks = new LockCosts(errors.knowsLocks() ? in.locks() : null, errors, in.catalog(),
                in.settings().envTimeouts(), state, places, progress, in.rows());
    }

    public static Plan plan(Input in) {
        return new Planner(in).run();
    }

    private Plan run() {
        List<String> current = in.catalog().versionTable().rows();
        List<String> resolved = Preflight.check(in, entries, notes);
        if (in.graph().alembicHeads().size() > 1 && !in.allHeads()) {
            // Alembic resolves "head" before it reads alembic_version: it refuses whatever the database holds
            progress.firstFailed = "`alembic upgrade head`";
        }
        if (entries.stream().anyMatch(e -> !e.revision().equals("head"))) {
            return finish(current);
        }
        List<Migration> pending = in.graph().alembicUpgradeOrder(resolved, in.mapOrder());
        progress.pending = pending;
        for (Migration m : pending) {
            walk(Preflight.kept(in, m.header().revisionId()));
        }
        return finish(current);
    }

    private Plan finish(List<String> current) {
        return new Plan(in.maskedUrl(), in.catalog().serverVersion(), current, List.copyOf(entries), List.copyOf(notes),
                in.command(), in.upgrade().from(), advice.serverName(), locks.result());
    }

    // ---- one revision ----


    private void walk(Migration given) {
        Migration m = in.naming().named(given);
        progress.walking = given;
        String rev = m.header().revisionId();
        List<Operation> ops = m.upgrade();
        Map<Integer, List<Creation>> creations = new HashMap<>();
        for (Creation c : SchemaTimeline.build(List.of(m)).creationsIn(m)) {
            creations.computeIfAbsent(c.index(), k -> new ArrayList<>()).add(c);
        }
        Set<SchemaState.Slot> madeHere = new LinkedHashSet<>();
        Lost lost = null;
        int lostLine = 0;
        // the statements that ran before, which a failure leaves committed where each statement commits on its own
        List<Integer> ran = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            Operation op = ops.get(k);
            // whether the statement's guard lets it run, asked once: what the guard asks of the state does not
            // change before the statement runs
            GuardCheck.Run guard = guards.run(op, m.verdicts());
            boolean skipped = guard == GuardCheck.Run.SKIPS;
            locks.visit(m, k, op, skipped);
            Outcome o = step(m, op, guard, creations.getOrDefault(k, List.of()), rev, madeHere);
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
                            "Check by hand whether " + advice.describeKey(f.object()) + " is there; idemlint cannot follow "
                                    + doubt + ".");
                } else {
                    entries.add(advice.failed(m, op, line, f, madeHere, ran));
                }
                applyAll(m, ops, creations, madeHere, k);
                // the locks of the rest of the revision, once it is fixed
                for (int j = k + 1; j < ops.size(); j++) {
                    locks.visit(m, j, ops.get(j), guards.run(ops.get(j), m.verdicts()) == GuardCheck.Run.SKIPS);
                }
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
        String message = progress.firstFailed == null ? null
                : "Not reached: " + progress.firstFailed + " fails first; once that is fixed, this revision runs.";
        add(m, headerLine(m), Status.OK, null, message, null);
    }

    /** After a failure, the rest of the walk plans as if the revision had been fixed: all its objects exist. */
    private void applyAll(Migration m, List<Operation> ops, Map<Integer, List<Creation>> creations,
            Set<SchemaState.Slot> madeHere, int from) {
        for (int k = from; k < ops.size(); k++) {
            for (Creation c : creations.getOrDefault(k, List.of())) {
                if (places.effective(c)) {
                    make(c, ops.get(k), m.header().revisionId(), madeHere, false);
                }
            }
        }
        if (progress.firstFailed == null) {
            progress.firstFailed = m.header().revisionId();
        }
    }

    private void add(Migration m, int line, Status s, String sqlstate, String message, String help) {
        add(m, line, s, sqlstate, message, help, List.of());
    }

    private void add(Migration m, int line, Status s, String sqlstate, String message, String help,
            List<Integer> applied) {
        entries.add(new Entry(m.header().revisionId(), m.source().displayPath(), line, s, sqlstate, message, help,
                applied));
    }


    /**
     * Whether a column is NOT NULL without a default, read from how the revision writes it
     * ({@link Effects#required}); null when its text cannot be read.
     */
    private Boolean required(Operation op, ColumnDef c, boolean singlePk) {
        if (c.span() == null || progress.walking == null) {
            return null;
        }
        return Effects.required(c, progress.walking.source().slice(c.span()), op.site().origin() == Origin.RAW_SQL,
                singlePk);
    }

    /** "players.custom_notes": a name in its table, as the statement writes both. */
    private static String inTable(String table, String name) {
        return table == null ? name : String.join(".", table, name);
    }

    private static int headerLine(Migration m) {
        var r = m.header().revision();
        return r == null || r.statement() == null ? 1 : m.source().lines().line(r.statement().start());
    }

    // ---- one operation ----

    /** {@code run}: whether {@code op}'s guard lets it run ({@link GuardCheck#run}). */
    private Outcome step(Migration m, Operation op, GuardCheck.Run run, List<Creation> creations, String rev,
            Set<SchemaState.Slot> madeHere) {
        // compared before the statement runs: SQLAlchemy processes its values before the server answers
        Lost misread = run == GuardCheck.Run.SKIPS ? null : comparison.misread(op);
        Outcome o = run(m, op, run, creations, rev, madeHere);
        return misread != null && !(o instanceof Lost) ? misread : o;
    }

    private Outcome run(Migration m, Operation op, GuardCheck.Run run, List<Creation> creations, String rev,
            Set<SchemaState.Slot> madeHere) {
        if (op instanceof Operation.Unknown u) {
            return new Lost(u.what() == null || u.what().isBlank() ? "code idemlint cannot read" : u.what(), true, true);
        }
        if (op instanceof Operation.RawSql) {
            return new Lost("SQL idemlint could not classify", true, true);
        }
        if (op instanceof Operation.ColumnIdentity) {
            return identity(op);
        }
        if (op instanceof Operation.Benign b && b.column() == null && b.removes() != null && b.table() != null
                && run != GuardCheck.Run.SKIPS) {
            Outcome label = filterLabel(op, b, run == GuardCheck.Run.MAYBE);
            if (label != null) {
                return label;
            }
        }
        if (op instanceof Operation.Benign b && (b.table() == null || b.column() == null)) {
            return run == GuardCheck.Run.SKIPS ? OK : guarded(m, op, run, typedRead(op));
        }
        Fails raises = guards.inspectorOnMissingTable(op);
        if (raises != null) {
            return raises;
        }
        if (run == GuardCheck.Run.SKIPS) {
            return OK;
        }
        if (run == GuardCheck.Run.GUARDED_INSERT) {
            inserts.guarded(op, (Operation.Insert) op);
            return OK;
        }
        return guarded(m, op, run, effect(op, creations, rev, madeHere, run == GuardCheck.Run.MAYBE));
    }

    /** What {@code o}, the outcome of {@code op} run unguarded, becomes under {@code op}'s guard. */
    private Outcome guarded(Migration m, Operation op, GuardCheck.Run run, Outcome o) {
        // a statement the re-run check settled runs as an unguarded one here (GuardCheck)
        Guard g = m.verdicts().settled(op) ? null : op.site().guard();
        if (o instanceof Fails f) {
            if (run == GuardCheck.Run.MAYBE) {
                return new Lost("it runs under `" + m.source().slice(g.span()).strip() + "`, which idemlint cannot"
                        + " evaluate here, and then fails with " + f.label());
            }
            if (g != null && g.kind() == GuardKind.SAVEPOINT) {
                return OK;
            }
            if (g != null && g.kind() == GuardKind.DO_BLOCK_EXCEPTION && f.sqlstate() != null
                    && g.catches(GuardCheck.condition(f.sqlstate()))) {
                return OK;
            }
            if (g != null && g.kind() == GuardKind.TRY_EXCEPT && f.sqlstate() != null
                    && !errors.errorAbortsTransaction()) {
                // a server that aborts no transaction on an error (MySQL): a handler that catches the driver's class
                // for it and neither re-raises nor exits lets the revision go on
                return !f.sqlstate().matches("[0-9]{1,5}")
                        || g.catches(MysqlFacts.driverClass(Integer.parseInt(f.sqlstate()))) ? OK : o;
            }
            if (g != null && g.kind() == GuardKind.TRY_EXCEPT && f.sqlstate() != null) {
                return new Fails(SqlState.IN_FAILED_SQL_TRANSACTION.code(), SqlState.IN_FAILED_SQL_TRANSACTION.label(),
                        f.reason() + " (" + f.label() + "), and the " + g.description() + " that swallows it leaves the transaction"
                                + " aborted, so the next statement fails", f.object(), f.alreadyThere());
            }
        }
        return o;
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
            return inserts.insert(op, i);
        }
        if (op instanceof Operation.Benign b) {
            // alter_column on a column that is not there: UndefinedColumn (its table is checked above)
            Placement.Target t = places.relTarget(op, places.name(b.table(), op));
            Presence c = t.schema() == null ? Presence.UNKNOWN : state.presence(ObjectRef.in(ObjectKind.COLUMN, t.qualified(), places.name(b.column(), op)));
            if (c == Presence.ABSENT) {
                return new Fails(errors.undefinedColumn().code(), errors.undefinedColumn().label(),
                        "column " + ObjectRef.in(ObjectKind.COLUMN, t.qualified(), b.column()).path(state.currentSchema()) + " does not exist", null, false);
            }
            if (c == Presence.UNKNOWN) {
                return new Lost("whether column " + inTable(b.table(), b.column()) + " exists is not known here");
            }
            ObjectRef column = ObjectRef.in(ObjectKind.COLUMN, t.qualified(), places.name(b.column(), op));
            String type = state.columnType(column);
            Optional<Conflict> typeFails = b.type() != null && errors.alterTypeUsing()
                    ? state.apply(new Effect.ColumnType(column, b.type())) : Optional.empty();
            if (typeFails.isPresent() && typeFails.get().sqlState() == PostgresFacts.castMissing()) {
                ObjectRef from = typeFails.get().object();
                return new Fails(PostgresFacts.castMissing(), "column " + from.path(state.currentSchema())
                        + " has no cast to " + b.type().cast().type() + ", which the USING of column "
                        + column.path(state.currentSchema()) + " asks for", from, true);
            }
            if (typeFails.isPresent()) {
                String what = b.type().shift() != null && PostgresFacts.shiftFails(type)
                        ? "no " + b.type().shift() + " operator takes a " + type + " and an integer"
                        : "function " + b.type().function() + "() takes no " + type;
                return new Fails(PostgresFacts.conversionFunctionMissing(), what + ", the type column "
                        + column.path(state.currentSchema()) + " has", column, true);
            }
            // nullable=, server_default= or type_= may change: which columns an insert must fill, and the
            // column's type, are no longer known
            state.required(t.qualified(), places.name(b.column(), op), null);
            state.alterColumn(column);
            return OK;
        }
        if (op instanceof Operation.CreateObject c && c.name() != null && !c.ifNotExists() && !c.orReplace()) {
            Presence f = places.objectFact(op, c.kind(), c.table(), c.name());
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
            if (!places.effective(c)
                    || c.via() == Creation.Via.TABLE_EVENT && enumMemo.contains(c.name())
                    || c.insideNewTable(op)) {
                continue;
            }
            Outcome o = create(op, c);
            if (!(o instanceof Ok)) {
                return o;
            }
        }
        for (Creation c : ordered) {
            if (places.effective(c) && !(c.via() == Creation.Via.TABLE_EVENT
                    && enumMemo.contains(c.name()))) {
                make(c, op, rev, madeHere, maybe);
            }
        }
        if (!maybe) {
            unnamedParts(op);
        }
        if (op instanceof Operation.CreateTable ct && ct.table() != null && !maybe) {
            Placement.Target t = places.createTarget(op, places.name(ct.table(), op));
            if (t.schema() != null && state.madeHere(t.qualified())) {
                Set<String> required = new HashSet<>();
                boolean known = !ct.columns().isEmpty();
                long pkColumns = ct.columns().stream().filter(ColumnDef::primaryKey).count();
                for (ColumnDef c : ct.columns()) {
                    Boolean r = required(op, c, pkColumns == 1);
                    if (r == null || c.name() == null) {
                        known = false;
                    } else if (r) {
                        required.add(places.name(c.name(), op));
                    }
                }
                state.setRequired(t.qualified(), required, known);
                List<List<String>> keys = new ArrayList<>();
                List<String> pk = new ArrayList<>();
                for (ColumnDef c : ct.columns()) {
                    if (c.primaryKey() && c.name() != null) {
                        pk.add(places.name(c.name(), op));
                    }
                    if (c.unique() && c.name() != null) {
                        keys.add(List.of(places.name(c.name(), op)));
                    }
                }
                if (!pk.isEmpty()) {
                    keys.add(0, pk);
                }
                boolean complete = !ct.columns().isEmpty() && ct.constraints().stream()
                        .noneMatch(nc -> nc.kind() == null || nc.kind().indexBacked() || nc.kind() == ConstraintKind.UNKNOWN);
                state.setUniqueKeys(t.qualified(), keys, complete);
            }
        }
        return OK;
    }

    /**
     * Constraints and indexes PostgreSQL names itself (an unnamed foreign key, {@code op.create_index(None,
     * ...)}, a constraint without a name): names on that table (or in that schema) are no longer certain.
     */
    private void unnamedParts(Operation op) {
        String table = Effects.tableOf(op);
        Placement.Target t = table == null ? null : places.relTarget(op, places.name(table, op));
        if (t == null || t.schema() == null) {
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
            state.markUnnamedIndex(t.schema());
        }
        if (unnamed) {
            state.markUnnamedConstraint(t.qualified());
        }
    }

    /** Statements that fail whatever the schema holds, and tables an operation needs. */
    /**
     * A data statement of one table that uses a column in a way its type here rejects ({@code upper(c)} on an enum,
     * {@code c LIKE 'x'} on a number): PostgreSQL fails when it parses the statement, on an empty table too
     * ({@link ColumnUse#failsOn}). Only a statement whose every table is read, and none by schema, is judged.
     */
    private Outcome typedRead(Operation op) {
        OpSite site = op.site();
        if (!errors.readsCheckedByType() || site.origin() != Origin.RAW_SQL || site.sql() == null) {
            return OK;
        }
        String sql = site.sql().text();
        StatementReads names = StatementReads.of(sql, site.sqlStart(), site.sqlEnd());
        Set<String> tables = new HashSet<>();
        names.tables().forEach(t -> tables.add(fold(t)));
        if (names.dynamicTable() || tables.size() != 1 || ColumnUse.schemaQualified(sql, site.sqlStart(), site.sqlEnd())) {
            return OK;
        }
        String table = tables.iterator().next();
        Placement.Target t = places.relTarget(op, table);
        if (t.schema() == null) {
            return OK;
        }
        Set<String> qualifiers = new HashSet<>();
        qualifiers.add(table);
        names.aliases().forEach((alias, of) -> {
            if (fold(of).equals(table)) {
                qualifiers.add(fold(alias));
            }
        });
        Set<String> columns = new LinkedHashSet<>(names.bare().keySet());
        for (StatementReads.Column c : names.columns()) {
            if (qualifiers.contains(fold(c.table()))) {
                columns.add(c.column());
            }
        }
        for (String name : columns) {
            ObjectRef column = ObjectRef.in(ObjectKind.COLUMN, t.qualified(), name);
            String type = state.columnType(column);
            if (type == null || name.equalsIgnoreCase(table)) {
                continue;
            }
            boolean nativeEnum = state.labels(typeName(type)) != null;
            for (ColumnUse use : ColumnUse.of(sql, site.sqlStart(), site.sqlEnd(), name, qualifiers)) {
                SqlState fails = use.failsOn(type, nativeEnum);
                if (fails != null) {
                    String why = use.kind() == ColumnUse.Kind.COMPARE && fails != SqlState.UNDEFINED_FUNCTION
                            ? "'" + use.literal() + "' is no value of it" : "no " + use.operator() + " takes it";
                    return new Fails(fails, "column " + column.path(state.currentSchema()) + " is " + type
                            + " here, and " + why, column, false);
                }
            }
        }
        return OK;
    }

    private static String fold(String name) {
        return name.replace("\"", "").toLowerCase(Locale.ROOT);
    }

    /** The type a column's {@code format_type} names, on the search path's schema when it names none. */
    private QualifiedName typeName(String formatType) {
        String bare = formatType.replace("\"", "");
        int dot = bare.lastIndexOf('.');
        return dot < 0 ? QualifiedName.of(state.currentSchema(), bare)
                : QualifiedName.of(bare.substring(0, dot), bare.substring(dot + 1));
    }

    private Outcome preconditions(Operation op) {
        ServerFacts.Raised inTransaction = errors.concurrentlyInTransaction();
        if (op instanceof Operation.CreateIndex ci && ci.concurrently() && !op.site().autocommit() && inTransaction != null) {
            return new Fails(inTransaction.code(), inTransaction.label(),
                    "CREATE INDEX CONCURRENTLY cannot run inside the transaction Alembic opens (use"
                            + " `op.get_context().autocommit_block()`)", null, false);
        }
        if (op.site().origin() == Origin.RAW_SQL && errors.rejectsIfNotExists(op)) {
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
                && op.site().origin() != Origin.RAW_SQL && !in.settings().constraintIfExistsAccepted()) {
            return new Fails(null, "TypeError", "drop_constraint() takes no `if_exists` before Alembic 1.16.0 with"
                    + " SQLAlchemy 2.0 (this project pins Alembic " + in.settings().alembic() + ", SQLAlchemy "
                    + in.settings().sqlalchemy() + ")", null, false);
        }
        if (Effects.dynamicName(op)) {
            boolean drops = op instanceof Operation.Drop || op instanceof Operation.Rename;
            return new Lost("it " + (op instanceof Operation.Drop ? "drops" : op instanceof Operation.Rename ? "renames"
                    : "creates") + " an object whose name is not known statically", true, drops);
        }
        String table = Effects.requiredTable(op);
        if (table != null) {
            Placement.Target t = places.relTarget(op, places.name(table, op));
            if (t.schema() != null && state.presence(ObjectRef.table(t.qualified())) == Presence.ABSENT) {
                return new Fails(errors.undefinedTable().code(), errors.undefinedTable().label(),
                        "table " + places.shown(t.qualified()) + " does not exist", ObjectRef.table(t.qualified()), false);
            }
            if (t.schema() == null || state.presence(ObjectRef.table(t.qualified())) == Presence.UNKNOWN) {
                return new Lost("whether table " + table + " exists is not known here");
            }
            Outcome placement = placementColumn(op, t);
            if (placement != OK) {
                return placement;
            }
        }
        if (op instanceof Operation.AddColumn a && a.column().enumType() != null && a.column().enumType().nativeEnum()
                && a.column().enumType().name() != null && errors.namedTypes()) {
            // add_column never creates the column's enum type: it must be there
            Placement.Target t = places.typeTarget(op, a.column().enumType().name());
            if (t.schema() != null && state.presence(ObjectRef.of(ObjectKind.TYPE, t.qualified())) == Presence.ABSENT) {
                SqlState missing = PostgresFacts.dropMissing(ObjectKind.TYPE);
                return new Fails(missing.code(), missing.label(),
                        "type " + places.shown(t.qualified()) + " does not exist (add_column does not create it)",
                        ObjectRef.of(ObjectKind.TYPE, t.qualified()), false);
            }
        }
        return OK;
    }

    /**
     * The column an {@code ADD COLUMN ... AFTER a} places its column after: MySQL and MariaDB resolve it before they
     * compare the new name, so a missing one fails the statement (1054) even where the added column is already there.
     */
    private Outcome placementColumn(Operation op, Placement.Target t) {
        ServerFacts.Raised missing = errors.statementColumnMissing();
        if (missing == null || !(op instanceof Operation.AddColumn a) || a.after() == null) {
            return OK;
        }
        ObjectRef column = ObjectRef.in(ObjectKind.COLUMN, t.qualified(), places.name(a.after(), op));
        return switch (state.presence(column)) {
            case ABSENT -> new Fails(missing.code(), missing.label(), "column " + places.shown(t.qualified()) + "."
                    + column.name().name() + ", which AFTER names, does not exist", column, false);
            case UNKNOWN -> new Lost("whether column " + a.after() + ", which AFTER names, exists is not known here");
            default -> OK;
        };
    }

    /** One object an operation creates: fails when it is already there (unless the statement tolerates it). */
    private Outcome create(Operation op, Creation c) {
        if (MysqlForeignKeys.unnamed(errors, c)) {
            return OK;
        }
        Presence f = places.fact(op, c);
        if (f == null) {
            return new Lost("where " + c.describe() + " is created is not known statically");
        }
        if (c.tolerant(in.settings()) || f == Presence.ABSENT) {
            return OK;
        }
        if (f == Presence.UNKNOWN) {
            return new Lost("whether " + c.describe() + " already exists is not known here");
        }
        ServerFacts.Raised s = errors.duplicate(c.key().kind(), c.constraintKind());
        return new Fails(s.code(), s.label(), places.describe(op, c) + " already exists", places.key(op, c), true);
    }

    /** Records a creation in the state (unknown when the operation may not have run). */
    private void make(Creation c, Operation op, String rev, Set<SchemaState.Slot> madeHere, boolean maybe) {
        ObjectRef k = places.key(op, c);
        if (k == null) {
            return;
        }
        if (maybe) {
            if (places.fact(op, c) != Presence.PRESENT) {
                state.apply(Effect.Forget.object(k));
            }
            return;
        }
        if (places.fact(op, c) != Presence.PRESENT) {
            progress.createdBy.putIfAbsent(Advice.identity(k), rev);
            madeHere.add(Advice.identity(k));
        }
        if (k.kind() == ObjectKind.SEQUENCE && c.shape() != null && c.shape().postgresNamed() && c.shape().owner() != null
                && c.shape().columns() != null && c.shape().columns().size() == 1) {
            // a serial's sequence: the state names it when its first-choice name is free, with its column's default
            ObjectRef column = ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of(k.name().schema(),
                    c.shape().owner().name()), c.shape().columns().get(0));
            state.apply(new Effect.Serial(column, k.name(), c.tolerant(in.settings())));
            return;
        }
        if (!SchemaState.catalogKind(k.kind()) || c.shape() != null && c.shape().postgresNamed()) {
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
                List<String> columns = ci == null || ci.columns().isEmpty() || ci.columns().stream().anyMatch(Objects::isNull) ? null
                        : ci.columns().stream().map(col -> places.name(col, op)).toList();
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
        ObjectRef ref = !errors.checksRelationKindFirst() ? null : places.objectRef(op, d.kind(), d.table(), d.name());
        Optional<Conflict> refused = ref == null ? Optional.empty() : state.dropRefused(ref);
        if (refused.isPresent()) {
            // raised before the object is looked up: IF EXISTS does not skip it
            Conflict c = refused.get();
            return new Fails(c.sqlState(), c.object().kind().sql() + " " + places.shown(c.object().name())
                    + " is not a table, and DROP " + d.kind().sql().toUpperCase(Locale.ROOT) + " fails on it", c.object(),
                    false);
        }
        boolean ifExists = Effects.tolerant(d, in.settings());
        Presence f = places.objectFact(op, d.kind(), d.table(), d.name());
        if (f == Presence.UNKNOWN) {
            if (!ifExists) {
                return new Lost("whether " + d.kind().sql() + " " + d.name() + " exists is not known here");
            }
        } else if (f == Presence.ABSENT && !ifExists) {
            ServerFacts.Raised s = errors.dropMissing(d.kind());
            return new Fails(s.code(), s.label(), d.kind().sql() + " " + inTable(d.table(), d.name())
                    + " does not exist", null, false);
        }
        ServerFacts.Raised inUse = errors.dropSequenceInUse();
        if (f == Presence.PRESENT && d.kind() == ObjectKind.SEQUENCE && inUse != null) {
            ObjectRef seq = places.place(op, ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of(d.name())));
            Presence needed = seq == null ? Presence.UNKNOWN : state.sequenceNeeded(seq, d.cascade());
            if (needed == Presence.PRESENT) {
                return new Fails(inUse.code(), inUse.label(), "sequence " + d.name() + " is still used by its column",
                        seq, true);
            }
            if (needed == Presence.UNKNOWN) {
                applyEffects(op, true);
                return new Lost("whether a column's default still uses sequence " + d.name() + " is not known here");
            }
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
                ObjectRef r = places.place(op, d.object());
                placed = r == null ? null : new Effect.Drop(r, true, d.cascade());
            } else if (e instanceof Effect.Rename r) {
                ObjectRef from = places.place(op, r.object());
                placed = from == null ? null : new Effect.Rename(from, r.to());
            } else if (e instanceof Effect.AlterColumn a) {
                // alter_column(server_default=...) may set or drop a default or add an identity
                ObjectRef c = places.place(op, a.column());
                placed = c == null ? null : new Effect.AlterColumn(c, Effect.AlterColumn.Change.UNKNOWN, null);
            } else if (e instanceof Effect.Forget f && f.scope() == Effect.Forget.Scope.OBJECT) {
                ObjectRef o = places.place(op, f.object());
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
        if (!errors.identityColumns()) {
            return new Lost("an identity change, which MySQL and MariaDB do not have", true, true);
        }
        for (Effect e : Effects.of(op, Effects.Naming.UNKNOWN)) {
            if (!(e instanceof Effect.AlterColumn a)) {
                continue;
            }
            ObjectRef c = places.place(op, a.column());
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
            boolean required = state.knownRequired(c) || state.knownNotNull(c);
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

    private Outcome rename(Operation op, Operation.Rename r, boolean maybe) {
        if (r.from() == null || r.to() == null) {
            return new Lost("a rename whose names are not known statically");
        }
        if (r.kind() == ObjectKind.OTHER) {
            // ALTER TYPE t RENAME VALUE 'a' TO 'b'
            if (r.table() == null) {
                return new Lost("a rename idemlint cannot place");
            }
            Placement.Target t = places.typeTarget(op, places.name(r.table(), op));
            List<String> labels = t.schema() == null ? null : state.labels(t.qualified());
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
        Presence from = places.objectFact(op, r.kind(), r.table(), r.from());
        Presence to = places.objectFact(op, r.kind(), r.table(), r.to());
        if (from == Presence.UNKNOWN || to == Presence.UNKNOWN) {
            return new Lost("whether " + r.kind().sql() + " " + r.from() + " or " + r.to() + " exists is not known here");
        }
        if (from == Presence.ABSENT) {
            ServerFacts.Raised s = errors.renameMissing(r.kind());
            return new Fails(s.code(), s.label(), r.kind().sql() + " " + inTable(r.table(), r.from())
                    + " does not exist", null, false);
        }
        if (to == Presence.PRESENT) {
            ServerFacts.Raised s = errors.duplicate(r.kind(), null);
            return new Fails(s.code(), s.label(), r.kind().sql() + " " + inTable(r.table(), r.to())
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

    /**
     * A {@code DELETE ... WHERE c = 'v'} on a column whose type here is an enum without the label {@code 'v'}:
     * PostgreSQL rejects the literal as input of the enum (22P02) before it reads a row. Null when the column, its
     * type or the type's labels are not known, or every value is a label.
     */
    private Outcome filterLabel(Operation op, Operation.Benign b, boolean maybe) {
        if (!errors.namedTypes()) {
            return null;
        }
        Placement.Target t = places.relTarget(op, places.name(b.table(), op));
        if (t.schema() == null) {
            return null;
        }
        ObjectRef column = ObjectRef.in(ObjectKind.COLUMN, t.qualified(), places.name(b.removes().column(), op));
        String type = state.columnType(column);
        Placement.Target typed = type == null ? null : places.typeTarget(op, places.name(type.replace("\"", ""), op));
        List<String> labels = typed == null || typed.schema() == null ? null : state.labels(typed.qualified());
        if (labels == null || labels.isEmpty()) {
            return null;
        }
        String missing = b.removes().values().stream().sorted().filter(v -> !labels.contains(v)).findFirst()
                .orElse(null);
        if (missing == null) {
            return null;
        }
        String why = "'" + missing + "' is no label of enum " + type + ", the type of column "
                + column.path(state.currentSchema());
        SqlState invalid = SqlState.INVALID_TEXT_REPRESENTATION;
        return maybe ? new Lost("it may run, and then fails with " + invalid.label() + " (" + invalid.code() + "): "
                + why) : new Fails(invalid.code(), invalid.label(), why, column, true);
    }

    private Outcome addValue(Operation op, Operation.AlterTypeAddValue v, boolean maybe) {
        if (v.type() == null || v.label() == null) {
            return new Lost("ALTER TYPE ... ADD VALUE with names not known statically");
        }
        Placement.Target t = places.typeTarget(op, places.name(v.type(), op));
        Presence type = t.schema() == null ? Presence.UNKNOWN : state.presence(ObjectRef.of(ObjectKind.TYPE, t.qualified()));
        if (type == Presence.ABSENT) {
            SqlState missing = PostgresFacts.dropMissing(ObjectKind.TYPE);
            return new Fails(missing.code(), missing.label(), "type " + v.type() + " does not exist", null, false);
        }
        List<String> labels = type == Presence.PRESENT ? state.labels(t.qualified()) : null;
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
}
