package dev.idemlint.schema;

import dev.idemlint.discovery.Settings;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.EnumTypeRef;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.schema.Creation.Tolerance;
import dev.idemlint.schema.Creation.Via;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Who creates, drops and renames each object, revision by revision along the graph. A query names a
 * point (a revision and the index of one of its {@code upgrade()} operations) and sees what the
 * revision's ancestors did plus what the revision itself did before that operation; sibling branches
 * are invisible. Built once per versions tree and run, and handed to the rules by their context
 * ({@code RuleContext.timeline()}).
 *
 * <p>Whether an object exists at a point ({@link #existing}, {@link #certainlyExisting}, {@link #threatened},
 * an enum type's labels, a table's keys) is what {@link SchemaState} holds there, replayed along the graph
 * ({@link ObjectReplay}, {@link Replay}). The timeline's own log of creations is the index those questions start
 * from: which creations a point can see (none: nothing to replay), and which {@link Creation} a state's maker is.
 */
public final class SchemaTimeline {

    private enum Type { CREATE, OPAQUE }

    /**
     * One thing that happened at (position of the revision, operation index). {@code owner} is the
     * table an object lives in or on. Recorded on the worker that reads the revision, before the revision has a
     * position ({@link Recorder#UNPLACED}); {@link #placed} then gives it one in place. {@code slot} says where
     * the timeline files it. (A record copied at placement and wrapped in a step object was two more objects per
     * event, ~100,000 at 3,700 files, kept through every young collection of the file phase.)
     */
    private static final class Event {
        private int pos;
        private final int index;
        private final Type type;
        private final ObjectRef key;
        private final Creation creation;
        private final QualifiedName owner;
        private final Span at;
        private final Slot slot;

        Event(int pos, int index, Type type, ObjectRef key, Creation creation, QualifiedName owner, Span at) {
            this(pos, index, type, key, creation, owner, at, Slot.EVENT);
        }

        private Event(int pos, int index, Type type, ObjectRef key, Creation creation, QualifiedName owner,
                Span at, Slot slot) {
            this.pos = pos;
            this.index = index;
            this.type = type;
            this.key = key;
            this.creation = creation;
            this.owner = owner;
            this.at = at;
            this.slot = slot;
        }

        /** Where {@code op} ran, unplaced, filed as {@code slot}. */
        static Event at(int index, Operation op, Slot slot) {
            return new Event(Recorder.UNPLACED, index, Type.OPAQUE, null, null, null, op.site().span(), slot);
        }

        /**
         * This event at revision position {@code revision}: itself, given the position, the first time
         * (the revision's effects are placed once, by the build that owns them); a copy if it already has one.
         */
        Event placed(int revision) {
            if (pos == Recorder.UNPLACED) {
                pos = revision;
                return this;
            }
            return new Event(revision, index, type, key, creation, owner, at, slot);
        }

        int pos() {
            return pos;
        }

        int index() {
            return index;
        }

        Type type() {
            return type;
        }

        ObjectRef key() {
            return key;
        }

        Creation creation() {
            return creation;
        }

        QualifiedName owner() {
            return owner;
        }

        Span at() {
            return at;
        }
    }

    private final List<Migration> order;
    private final Map<Migration, Integer> position = new IdentityHashMap<>();
    private final List<BitSet> ancestors = new ArrayList<>();
    private final List<Boolean> complete = new ArrayList<>();
    private final List<Creation> creations = new ArrayList<>();
    /** Events by the place their object takes in PostgreSQL's namespaces ({@link SchemaState#slot}). */
    private final Map<SchemaState.Slot, List<Event>> events;
    /** The constraints each CREATE TABLE makes with its table, in order. */
    private final Map<Operation, List<Creation>> tableKeys = new IdentityHashMap<>();
    /** {@link #creationsOnTable}'s index, filed whole on its first question (a racing second filing is equal). */
    private volatile Map<QualifiedName, List<Creation>> onTable;
    /** {@link #indexesNamingTable}'s index, by the table as the statement spells it, case folded; filed as onTable. */
    private volatile Map<String, List<Creation>> indexesByTable;
    private final List<List<Operation>> upgrades = new ArrayList<>();
    /** Per revision, per operation, its {@link Effect}s, which {@link #replay} runs. */
    private final List<List<List<Effect>>> effectLists = new ArrayList<>();
    /** The operations this timeline's database runs: a multidb engine's, or all of them. */
    private Predicate<Operation> runs = op -> true;
    /** The replay of the tree on {@link SchemaState}, made when first asked ({@link #replay()}). */
    private volatile Replay replay;
    /** The replay of single objects ({@link #objects()}). */
    private volatile ObjectReplay objects;
    /** The operations that set the search path, in walk order. */
    private final List<Event> searchPaths = new ArrayList<>();
    private final Branches branches = new Branches();
    /**
     * A multidb chain's timelines, one per engine ({@link dev.idemlint.migration.OpSite#engine()}; null: the
     * revisions of no engine), each holding that database's events only; null for a chain of one database. The
     * same table name in two engines is two tables: each query about an operation is answered by its engine's.
     */
    private Map<String, SchemaTimeline> engines;
    /** A unique key is the index of its name (MySQL, MariaDB): a drop of either form ends the other too. */
    private boolean keyIsIndex;

    /** {@code steps}: how many events the revisions recorded, to size the maps once (growing them was 1% of a run). */
    private SchemaTimeline(List<Migration> order, int steps) {
        this.order = List.copyOf(order);
        this.events = new HashMap<>(steps * 4 / 3 + 16);
    }

    // ---- building ----

    /**
     * Walks {@code migrations}, given parents first (as {@link RevisionGraph#topologicalOrder()}
     * returns them). A revision whose parent is missing, or comes later in the list, has an
     * incomplete chain ({@link #complete(Migration)} is false).
     */
    public static SchemaTimeline build(List<Migration> migrations) {
        return build(migrations, Map.of());
    }

    /** The ancestors of revision {@code i} (all earlier), and whether the tree holds all of them. */
    private void addAncestry(int i, Migration m, Map<String, Integer> byId) {
        BitSet anc = new BitSet();
        boolean ok = m.header().revisionId() != null;
        Set<String> parents = new LinkedHashSet<>(m.header().parents());
        parents.addAll(m.header().dependencies());
        for (String p : parents) {
            Integer q = byId.get(p);
            if (q == null || q >= i) {
                ok = false;
                continue;
            }
            anc.set(q);
            anc.or(ancestors.get(q));
            ok &= complete.get(q);
        }
        ancestors.add(anc);
        complete.add(ok);
    }

    /**
     * {@link #build(List)} with each revision's {@link Recorded} from {@code precomputed} where it has
     * them (null: computed here).
     */
    public static SchemaTimeline build(List<Migration> migrations, Map<Migration, Recorded> precomputed) {
        return build(migrations, precomputed, false);
    }

    /**
     * {@link #build(List, Map)} on a server where a unique key is the index of its name when {@code uniqueKeyIsIndex}
     * ({@code ServerFacts#uniqueKeyIsIndex}): a drop of the index ends the key and one of the key the index
     * ({@link SchemaState#keyOrIndex}).
     */
    public static SchemaTimeline build(List<Migration> migrations, Map<Migration, Recorded> precomputed,
            boolean uniqueKeyIsIndex) {
        List<Recorded> effects = new ArrayList<>(migrations.size());
        Set<String> engines = new LinkedHashSet<>();
        for (Migration m : migrations) {
            Recorded fx = precomputed.isEmpty() ? null : precomputed.get(m);
            if (fx == null || fx.migration != m) {
                fx = recorded(m);
            }
            effects.add(fx);
            engines.addAll(fx.engines);
        }
        if (engines.size() < 2) {
            return buildOne(migrations, effects, uniqueKeyIsIndex);
        }
        // a multidb chain: the graph's timeline holds no events, each engine's that database's
        SchemaTimeline t = buildOne(migrations, migrations.stream().map(Recorded::new).toList(), uniqueKeyIsIndex);
        t.engines = new HashMap<>();
        for (String engine : engines) {
            // an operation of no engine is answered by the timeline of every operation
            SchemaTimeline one = buildOne(migrations,
                    migrations.stream().map(m -> engine == null ? recorded(m) : recorded(m, engine)).toList(),
                    uniqueKeyIsIndex);
            if (engine != null) {
                one.runs = op -> engine.equals(op.site().engine());
            }
            t.engines.put(engine, one);
        }
        return t;
    }

    /** The timeline of {@code migrations}, each with its {@code effects} (in the same order). */
    private static SchemaTimeline buildOne(List<Migration> migrations, List<Recorded> effects, boolean keyIsIndex) {
        int steps = 0;
        for (Recorded fx : effects) {
            steps += fx.recorded.size();
        }
        SchemaTimeline t = new SchemaTimeline(migrations, steps);
        t.keyIsIndex = keyIsIndex;
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < migrations.size(); i++) {
            t.position.put(migrations.get(i), i);
            String id = migrations.get(i).header().revisionId();
            if (id != null) {
                byId.put(id, i);
            }
        }
        // a method per revision, which C1 compiles after a few dozen calls (this loop runs once per run)
        for (int i = 0; i < migrations.size(); i++) {
            t.addAncestry(i, migrations.get(i), byId);
        }
        for (int i = 0; i < migrations.size(); i++) {
            Recorded fx = effects.get(i);
            t.upgrades.add(fx.upgrade);
            t.effectLists.add(fx.effects);
            t.place(i, fx);
        }
        return t;
    }

    /**
     * One revision's part of a timeline: what its {@code upgrade()} creates, drops and renames, in
     * operation order, before the revision has a place in the graph. The engine computes these on its
     * workers, file by file, while the files' other rules run; building the timeline then only places
     * them (a 3,700-revision tree's timeline was ~75 ms on one core, in code that runs once per run).
     */
    public static final class Recorded {
        private final Migration migration;
        private final List<Operation> upgrade;
        /** Its events in operation order, each filed by its slot when placed. */
        private final List<Event> recorded = new ArrayList<>();
        /** Per operation, its effects (none for an operation of another multidb engine). */
        private final List<List<Effect>> effects;
        /**
         * The multidb engines its operations run on ({@link OpSite#engine()}, null outside a multidb chain): read
         * here, on the worker that reads the revision, so that a build from kept effects need not walk every operation.
         */
        private final Set<String> engines = new HashSet<>(2);

        private Recorded(Migration migration) {
            this.migration = migration;
            this.upgrade = migration.upgrade();
            this.effects = new ArrayList<>(java.util.Collections.nCopies(upgrade.size(), List.<Effect>of()));
            for (Operation op : upgrade) {
                engines.add(op.site().engine());
            }
        }

        /** The creations recorded, in order (for tests). */
        List<Creation> creations() {
            List<Creation> out = new ArrayList<>();
            for (Event e : recorded) {
                if (e.creation() != null) {
                    out.add(e.creation());
                }
            }
            return out;
        }
    }

    /** Where a recorded event goes when its revision is placed. */
    private enum Slot { EVENT, SEARCH_PATH }

    /** The effects of {@code m}'s upgrade(), for {@link #build(List, Function)}. */
    public static Recorded recorded(Migration m) {
        Recorded fx = new Recorded(m);
        Recorder r = new Recorder(fx);
        for (int k = 0; k < fx.upgrade.size(); k++) {
            r.record(k, fx.upgrade.get(k));
        }
        return fx;
    }

    /** The effects of {@code m}'s upgrade() on multidb engine {@code engine}: its operations keep their indexes. */
    private static Recorded recorded(Migration m, String engine) {
        Recorded fx = new Recorded(m);
        Recorder r = new Recorder(fx);
        for (int k = 0; k < fx.upgrade.size(); k++) {
            if (engine.equals(fx.upgrade.get(k).site().engine())) {
                r.record(k, fx.upgrade.get(k));
            }
        }
        return fx;
    }

    /**
     * The engine's timeline that answers for operation {@code index} of {@code m}: that operation's engine, or
     * the revision's one engine after its end; null when not known (a claim then is not made).
     */
    private SchemaTimeline engineAt(Migration m, int index) {
        List<Operation> ops = m.upgrade();
        if (index >= 0 && index < ops.size()) {
            return engines.get(ops.get(index).site().engine());
        }
        String one = ops.isEmpty() ? null : ops.get(0).site().engine();
        for (Operation op : ops) {
            if (!Objects.equals(one, op.site().engine())) {
                return null;
            }
        }
        return ops.isEmpty() ? null : engines.get(one);
    }

    /** {@code lists} merged in walk order (position of the revision, then operation index). */
    private List<Creation> inWalkOrder(Function<SchemaTimeline, List<Creation>> lists) {
        List<Creation> out = new ArrayList<>();
        for (SchemaTimeline t : engines.values()) {
            out.addAll(lists.apply(t));
        }
        out.sort(Comparator.comparingInt((Creation c) -> position.get(c.migration())).thenComparingInt(Creation::index));
        return out;
    }

    /** {@code map}'s list for {@code key}, added when there is none. */
    private static <K> List<Event> listIn(Map<K, List<Event>> map, K key) {
        List<Event> l = map.get(key);
        if (l == null) {
            l = new ArrayList<>();
            map.put(key, l);
        }
        return l;
    }

    /** Adds revision {@code pos}'s recorded events, in their order. */
    private void place(int pos, Recorded fx) {
        for (Event recorded : fx.recorded) {
            Event e = recorded.placed(pos);
            switch (e.slot) {
                case EVENT -> {
                    if (e.type() == Type.CREATE) {
                        creations.add(e.creation());
                        if (e.creation().via() == Via.TABLE_ELEMENT && e.key().kind() == ObjectKind.CONSTRAINT
                                && e.creation().operation() instanceof Operation.CreateTable) {
                            tableKeys.computeIfAbsent(e.creation().operation(), k -> new ArrayList<>(2))
                                    .add(e.creation());
                        }
                    }
                    listIn(events, SchemaState.slot(e.key())).add(e);
                }
                case SEARCH_PATH -> searchPaths.add(e);
                default -> throw new IllegalStateException(e.slot.name());
            }
        }
    }

    /**
     * How the timeline names the project's keys: it does not depend on the target's settings, so it
     * names what the code leaves unnamed the way PostgreSQL and SQLAlchemy's default convention do
     * ({@link Creation#derivedName} says so, for rules that must not trust such a name), and records the
     * enum types {@code sa.Enum(create_type=False)} makes before SQLAlchemy 2.1, marked
     * {@link Creation#sqlalchemyDependent} and resolved at query time ({@link Creation#effective}).
     */
    private static final Effects.Naming NAMING = new Effects.Naming(
            () -> true, () -> NamingConvention.SQLALCHEMY_DEFAULT, () -> false);

    /**
     * Turns one revision's operations into events: the {@link Effect}s {@link Effects#of}
     * gives each operation, in their order, each creation annotated with where it comes from in the code
     * (its span, its column, whether a guard or Alembic's version decides it).
     */
    private static final class Recorder {
        /** Events get their revision's position when {@link #place} adds them. */
        private static final int UNPLACED = -1;
        private final Migration m;
        private final List<Event> recorded;
        private final List<List<Effect>> effectsOf;

        /** The columns of the table statement recorded last, looked up for each object it makes. */
        private TableColumns lastColumns;

        private TableColumns tableColumns(List<ColumnDef> columns) {
            if (lastColumns == null || lastColumns.columns() != columns) {
                lastColumns = TableColumns.of(columns);
            }
            return lastColumns;
        }

        Recorder(Recorded fx) {
            this.m = fx.migration;
            this.recorded = fx.recorded;
            this.effectsOf = fx.effects;
        }

        private void record(int index, Operation op) {
            List<Effect> effects = Effects.of(op, NAMING);
            effectsOf.set(index, effects);
            Set<QualifiedName> made = null;
            for (Effect e : effects) {
                if (e instanceof Effect.Create c) {
                    create(index, op, c.object(), c.tolerant(), c.shape(), false);
                    if (c.object().kind() == ObjectKind.TABLE) {
                        made = made == null ? new HashSet<>() : made;
                        made.add(norm(c.object().name()));
                    }
                } else if (e instanceof Effect.Rename r) {
                    create(index, op, r.target(), false, Effect.Shape.NONE, true);
                } else if (e instanceof Effect.Serial x) {
                    // the serial's sequence: named by PostgreSQL (a taken name makes it take the next free
                    // one), owned by its column's table
                    create(index, op, ObjectRef.of(ObjectKind.SEQUENCE, x.sequence()), x.tolerant(),
                            serialSequence(x), false);
                }
            }
            if (setsSearchPath(op)) {
                // unqualified names now resolve elsewhere: nothing after it is known by name
                recorded.add(Event.at(index, op, Slot.SEARCH_PATH));
            }
        }

        /**
         * A creation, annotated from the operation: how it comes about ({@link Via}), what to point at,
         * whether the code names it, and whether a guard or the target's versions decide it.
         */
        private void create(int index, Operation op, ObjectRef raw, boolean tolerant, Effect.Shape shape,
                boolean renamed) {
            ObjectRef key = norm(raw);
            ColumnDef column = null;
            EnumTypeRef enumType = null;
            Via via;
            if (renamed) {
                via = Via.RENAME;
            } else if (op instanceof Operation.CreateTable ct) {
                via = key.kind() == ObjectKind.TABLE ? Via.STATEMENT
                        : key.kind() == ObjectKind.TYPE ? Via.TABLE_EVENT : Via.TABLE_ELEMENT;
                TableColumns columns = tableColumns(ct.columns());
                column = columnOf(columns, key, shape);
                if (via == Via.TABLE_EVENT) {
                    enumType = enumOf(columns, key);
                    column = enumType == null ? null : columnUsing(columns, enumType);
                }
            } else if (op instanceof Operation.AddColumn ac) {
                column = columnOf(TableColumns.of(List.of(ac.column())), key, shape);
                via = key.kind() == ObjectKind.COLUMN ? Via.STATEMENT : Via.TABLE_ELEMENT;
            } else {
                via = Via.STATEMENT;
            }
            Span span = op.site().span();
            if (column != null && !(key.kind() == ObjectKind.CONSTRAINT && !derived(op, key)
                    && !key.name().name().equals(column.foreignKeyName()))) {
                span = within(column.span(), span);
            }
            boolean guarded = GuardMatch.guarded(m, op);
            boolean dependent = false;
            if (enumType != null) {
                span = within(enumType.span(), span);
                // A has_table guard keeps the re-run away, but on the first run it lets CREATE TYPE through
                // even when an ancestor already made the type: only a check on the type itself counts.
                guarded = guarded && checksTypes(op.site().guard());
                dependent = Boolean.FALSE.equals(enumType.createType());
            }
            Tolerance tol = tolerance(op, key, tolerant, via);
            Creation c = new Creation(key, m, index, op, span, via, guarded, tol, !renamed && derived(op, key),
                    dependent, key.kind() == ObjectKind.COLUMN ? column : null, shape);
            // a serial's sequence lives in the schema's relations but goes with its table
            QualifiedName owner = key.table() != null ? key.table()
                    : key.kind() == ObjectKind.SEQUENCE && shape.owner() != null ? norm(shape.owner()) : null;
            recorded.add(new Event(UNPLACED, index, Type.CREATE, key, c, owner, op.site().span()));
        }
    }

    /** The shape of a serial's sequence: a sequence of {@code x}'s column, named by PostgreSQL. */
    static Effect.Shape serialSequence(Effect.Serial x) {
        return new Effect.Shape(null, null, false, List.of(x.column().name().name()), null, x.column().table(), true, 'S');
    }

    /**
     * The column of {@code columns} a creation comes from: the column itself, the one an
     * {@code index=True}, {@code unique=True} or {@code ForeignKey} is declared on, a serial's sequence's;
     * null for the rest.
     */
    /**
     * A table statement's columns by name and by the name of the enum type they use, in order: a table of many
     * columns makes an object for each, and scanning them for each would be quadratic.
     */
    private record TableColumns(List<ColumnDef> columns, Map<String, List<ColumnDef>> byName,
            Map<String, List<ColumnDef>> byEnum) {
        static TableColumns of(List<ColumnDef> columns) {
            Map<String, List<ColumnDef>> byName = new HashMap<>();
            Map<String, List<ColumnDef>> byEnum = new HashMap<>();
            for (ColumnDef c : columns) {
                byName.computeIfAbsent(c.name(), k -> new ArrayList<>(1)).add(c);
                if (c.enumType() != null) {
                    byEnum.computeIfAbsent(c.enumType().name(), k -> new ArrayList<>(1)).add(c);
                }
            }
            return new TableColumns(columns, byName, byEnum);
        }
    }

    private static ColumnDef columnOf(TableColumns table, ObjectRef key, Effect.Shape shape) {
        String name = key.kind() == ObjectKind.COLUMN ? key.name().name()
                : shape.columns() != null && shape.columns().size() == 1
                        && shape.constraintKind() != ConstraintKind.PRIMARY_KEY ? shape.columns().get(0) : null;
        if (name == null) {
            return null;
        }
        for (ColumnDef c : table.byName().getOrDefault(name, List.of())) {
            if ((key.kind() == ObjectKind.COLUMN || key.kind() == ObjectKind.SEQUENCE
                    || key.kind() == ObjectKind.INDEX && c.index()
                    || shape.constraintKind() == ConstraintKind.UNIQUE && c.unique()
                    || shape.constraintKind() == ConstraintKind.FOREIGN_KEY && (c.foreignKey()
                            || key.name().name().equals(c.foreignKeyName())))) {
                return c;
            }
        }
        return null;
    }

    /** The first native enum of {@code columns} named like {@code type}: the one whose event makes it. */
    private static EnumTypeRef enumOf(TableColumns table, ObjectRef type) {
        for (ColumnDef c : table.byEnum().getOrDefault(type.name().name(), List.of())) {
            EnumTypeRef e = c.enumType();
            if (e.nativeEnum() && !(Boolean.FALSE.equals(e.createType()) && e.postgresqlDialect())) {
                return e;
            }
        }
        return null;
    }

    private static ColumnDef columnUsing(TableColumns table, EnumTypeRef e) {
        for (ColumnDef c : table.byEnum().getOrDefault(e.name(), List.of())) {
            if (c.enumType() == e) {
                return c;
            }
        }
        return null;
    }

    /** True when the code does not write {@code key}'s name: a key or index named by default. */
    private static boolean derived(Operation op, ObjectRef key) {
        if (key.kind() != ObjectKind.CONSTRAINT && key.kind() != ObjectKind.INDEX) {
            return false;
        }
        String n = key.name().name();
        if (op instanceof Operation.CreateTable ct) {
            for (Operation.NamedConstraint nc : ct.constraints()) {
                if (nc.name() != null && n.equals(Effects.name(nc.name(), op))) {
                    return false;
                }
            }
            return !writtenOnAColumn(ct.columns(), n, op);
        }
        if (op instanceof Operation.AddColumn ac) {
            return !writtenOnAColumn(List.of(ac.column()), n, op);
        }
        return op instanceof Operation.AddConstraint a && a.name() == null;
    }

    private static boolean writtenOnAColumn(List<ColumnDef> columns, String name, Operation op) {
        for (ColumnDef c : columns) {
            if (c.foreignKeyName() != null && name.equals(Effects.name(c.foreignKeyName(), op))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a creation passes on an existing object: never when its effect is not tolerant; when it is,
     * Alembic's {@code if_not_exists=True} depends on Alembic's version, SQL's IF NOT EXISTS does not. The
     * parts of a CREATE TABLE share its tolerance; an {@code index=True} index is a CREATE INDEX of its own.
     */
    private static Tolerance tolerance(Operation op, ObjectRef key, boolean tolerant, Via via) {
        boolean opCall = op.site().origin() == Origin.OP_CALL || op.site().origin() == Origin.BATCH_OP;
        if (op instanceof Operation.CreateTable ct && via == Via.TABLE_ELEMENT && key.kind() != ObjectKind.INDEX) {
            tolerant = ct.tolerant();
        } else if (via != Via.STATEMENT) {
            return tolerant ? Tolerance.ALWAYS : Tolerance.NONE;
        }
        if (!tolerant) {
            return Tolerance.NONE;
        }
        if (!opCall || op instanceof Operation.CreateTable ct && ct.compiledTolerant()) {
            return Tolerance.ALWAYS;
        }
        return op instanceof Operation.CreateTable ? Tolerance.TABLE_KWARG
                : op instanceof Operation.AddColumn ? Tolerance.COLUMN_KWARG
                : op instanceof Operation.CreateIndex ? Tolerance.INDEX_KWARG : Tolerance.ALWAYS;
    }

    /** {@code name} as the timeline files it: the default schema {@code public} and the search path's are one. */
    static QualifiedName norm(QualifiedName name) {
        return name != null && QualifiedName.DEFAULT_SCHEMA.equals(name.schema()) ? QualifiedName.of(name.name()) : name;
    }

    /** {@code ref} as the timeline files it ({@link #norm(QualifiedName)}). */
    static ObjectRef norm(ObjectRef ref) {
        if (ref == null || !QualifiedName.DEFAULT_SCHEMA.equals(ref.name().schema()) && (ref.table() == null
                || !QualifiedName.DEFAULT_SCHEMA.equals(ref.table().schema()))) {
            return ref;
        }
        return new ObjectRef(ref.kind(), norm(ref.name()), norm(ref.table()));
    }

    /** {@code billing.invoices}, {@code players}: a name as messages show it. */
    static String shown(QualifiedName name) {
        return name.toString();
    }

    private static final Pattern SEARCH_PATH = Pattern.compile(
            "(?is)^\\s*(set\\s+(session\\s+|local\\s+)?search_path|select\\s+set_config\\s*\\(\\s*'search_path')");

    /** {@code SET search_path ...} in raw SQL. */
    private static boolean setsSearchPath(Operation op) {
        OpSite site = op.site();
        return site.sql() != null && site.sqlStart() >= 0
                && SEARCH_PATH.matcher(site.sql().text()).region(site.sqlStart(), site.sqlEnd()).find();
    }

    /** Whether a guard inspects types (get_enums, pg_type, a DO block) rather than tables or columns. */
    private static boolean checksTypes(Guard g) {
        if (g == null) {
            return false;
        }
        String d = g.description().toLowerCase(Locale.ROOT);
        switch (g.kind()) {
            case INSPECTOR:
                return d.contains("get_enums") || g.checks(x -> x.kind() == ObjectKind.TYPE);
            case HELPER:
                return d.contains("enum") || d.contains("type") || g.checks(x -> x.kind() == ObjectKind.TYPE);
            case OPAQUE_CONDITION:
            case CATALOG_QUERY:
            case DO_BLOCK_EXCEPTION:
            case PLPGSQL_IF:
                return true;
            default:
                return false;
        }
    }

    /**
     * {@code span} when it lies inside {@code outer}, else {@code outer}: a column or enum bound to a
     * module-level variable is reported where it is used, not where it is defined.
     */
    public static Span within(Span span, Span outer) {
        return span != null && outer.contains(span) ? span : outer;
    }

    // ---- queries ----

    /** The revisions in the order they were walked. */
    public List<Migration> order() {
        return order;
    }

    /** Every recorded creation, in walk order. */
    public List<Creation> creations() {
        if (engines != null) {
            return inWalkOrder(SchemaTimeline::creations);
        }
        return creations;
    }

    /**
     * Every creation of an object of table {@code table} (its columns, constraints and indexes), in walk order;
     * filed once, on the first question, so that asking per statement reads only that table's.
     */
    public List<Creation> creationsOnTable(QualifiedName table) {
        Map<QualifiedName, List<Creation>> byTable = onTable;
        if (byTable == null) {
            byTable = new HashMap<>();
            for (Creation c : creations()) {
                if (c.key().table() != null) {
                    byTable.computeIfAbsent(norm(c.key().table()), k -> new ArrayList<>(2)).add(c);
                }
            }
            onTable = byTable;
        }
        return byTable.getOrDefault(norm(table), List.of());
    }

    /**
     * Every creation of an index by a {@code CREATE INDEX} ({@link Operation.CreateIndex}) whose table, as the
     * statement spells it, equals {@code table} ignoring case, in walk order; filed once, on the first question.
     */
    public List<Creation> indexesNamingTable(String table) {
        Map<String, List<Creation>> byTable = indexesByTable;
        if (byTable == null) {
            byTable = new HashMap<>();
            for (Creation c : creations()) {
                if (c.key().kind() == ObjectKind.INDEX && c.operation() instanceof Operation.CreateIndex ix
                        && ix.table() != null) {
                    byTable.computeIfAbsent(caseFolded(ix.table()), k -> new ArrayList<>(1)).add(c);
                }
            }
            indexesByTable = byTable;
        }
        List<Creation> folded = byTable.getOrDefault(caseFolded(table), List.of());
        return folded.stream().filter(c -> table.equalsIgnoreCase(((Operation.CreateIndex) c.operation()).table()))
                .toList();
    }

    /**
     * {@code s} with each code point upper-cased, then lower-cased: two strings {@link String#equalsIgnoreCase}
     * finds equal fold to the same string (the converse need not hold, so a lookup by it is checked again).
     */
    static String caseFolded(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return out.toString();
    }

    /** The creations made by one revision, in operation order. */
    public List<Creation> creationsIn(Migration m) {
        return creations().stream().filter(c -> c.migration() == m).toList();
    }

    /** Every creation of one object, anywhere in the tree, in walk order. */
    public List<Creation> creationsOf(ObjectRef key) {
        if (engines != null) {
            return inWalkOrder(t -> t.creationsOf(key));
        }
        List<Creation> out = new ArrayList<>();
        for (Event e : eventsOf(norm(key))) {
            if (e.creation() != null) {
                out.add(e.creation());
            }
        }
        return out;
    }

    /** Every creation of {@code c}'s object on {@code c}'s database (its multidb engine's), in walk order. */
    public List<Creation> creationsOf(Creation c) {
        if (engines != null) {
            SchemaTimeline t = engineAt(c.migration(), c.index());
            return t == null ? List.of(c) : t.creationsOf(c.key());
        }
        return creationsOf(c.key());
    }

    /** True when {@code a} is a strict ancestor of {@code b} (through down_revision or depends_on). */
    public boolean isAncestor(Migration a, Migration b) {
        Integer pa = position.get(a);
        Integer pb = position.get(b);
        return pa != null && pb != null && ancestors.get(pb).get(pa);
    }

    /** True when {@code m} and every revision before it are in the tree, down to a base. */
    public boolean complete(Migration m) {
        Integer p = position.get(m);
        return p != null && complete.get(p);
    }

    /** The first revision (in walk order) that has both {@code a} and {@code b} as ancestors, or null. */
    public Migration mergeOf(Migration a, Migration b) {
        Integer pa = position.get(a);
        Integer pb = position.get(b);
        if (pa == null || pb == null) {
            return null;
        }
        for (int i = Math.max(pa, pb) + 1; i < order.size(); i++) {
            if (ancestors.get(i).get(pa) && ancestors.get(i).get(pb)) {
                return order.get(i);
            }
        }
        return null;
    }

    /**
     * True when code we could not read, before operation {@code index} of {@code m}, may have made an object of
     * {@code kind}'s namespace under a name no revision writes: the replayed state ({@link Replay}) does not hold
     * such a name absent there. {@code kind}: one whose names are not a table's ({@link ObjectRef#tableScoped}).
     */
    public boolean opaqueBefore(Migration m, int index, ObjectKind kind) {
        if (engines != null) {
            SchemaTimeline t = engineAt(m, index);
            return t == null || t.opaqueBefore(m, index, kind);
        }
        Integer p = position.get(m);
        if (p == null) {
            return true;
        }
        return replay().opaqueBefore(p, index, upgrades.get(p).size(), kind);
    }

    /**
     * The state of the database just before operation {@code index} of {@code m} ({@link Integer#MAX_VALUE}: after
     * its last, before its session ends), as {@link Replay} drives it: an empty database that every ancestor of
     * {@code m} ran on in walk order, then {@code m}'s first {@code index} operations; each object it holds with its
     * maker ({@link SchemaState#creator}). A new state per call, replayed from the start. Null when {@code m} is not
     * in the tree, or for a point of a multidb chain no one database answers ({@link #engineAt}).
     */
    public SchemaState before(Migration m, int index) {
        if (engines != null) {
            SchemaTimeline t = engineAt(m, index);
            return t == null ? null : t.before(m, index);
        }
        Integer p = position.get(m);
        return p == null ? null : Replay.before(order, ancestors, upgrades, effectLists, runs, keyIsIndex, p, index);
    }

    /** The replay of the tree on {@link SchemaState}, made once, by the first query that needs it. */
    private Replay replay() {
        Replay r = replay;
        if (r == null) {
            synchronized (this) {
                r = replay;
                if (r == null) {
                    r = Replay.of(order, ancestors, upgrades, effectLists, runs, keyIsIndex);
                    replay = r;
                }
            }
        }
        return r;
    }

    /**
     * How many events of {@code list} come before operation {@code index} of revision {@code pos} in
     * walk order, which the lists are kept in ({@link #place} adds each revision's events in operation
     * order, revisions in walk order). Only those can be visible there: an ancestor has an earlier position.
     */
    private static int countBefore(List<Event> list, int pos, int index) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Event e = list.get(mid);
            if (e.pos() < pos || e.pos() == pos && e.index() < index) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * An ancestor's events, and the revision's own before {@code index} unless the two sit in
     * different branches of one {@code if}/{@code else} (only one of them runs).
     */
    private boolean visible(Event e, int pos, int index) {
        if (e.pos() != pos) {
            return ancestors.get(pos).get(e.pos());
        }
        if (e.index() >= index) {
            return false;
        }
        List<Operation> ops = upgrades.get(pos);
        return index >= ops.size() || !branches.exclusive(order.get(pos), e.at(), ops.get(index).site().span());
    }

    /**
     * The creation that makes {@code key} exist just before operation {@code index} of {@code m}
     * (use {@link Integer#MAX_VALUE} for "after the revision"), or null when it does not exist there, as the replayed
     * state ({@link ObjectReplay}) holds it: absent, or unknown for code that may only take it, is null; present, or
     * unknown for code that may make it, is its maker ({@link SchemaState#creator}). Where the state names no maker of
     * that name (a key whose name the server picks, an object code not read forgot, a column made with a table later
     * renamed into place), that creation under the table's old name; where it names no maker at all (a key whose name
     * the server picks, an object code not read forgot), the visible creation of this name that last found it absent
     * ({@link #lastMaker}); null where its maker made no object of this name.
     */
    public Creation existing(ObjectRef ref, Migration m, int index, Settings s) {
        return existing(ref, m, index, s, true);
    }

    /**
     * {@link #existing} with the replay run for every question ({@code soleCreation} not asked first), which
     * ExistingOracleTest holds {@link #existing} to.
     */
    Creation existingByReplay(ObjectRef ref, Migration m, int index, Settings s) {
        return existing(ref, m, index, s, false);
    }

    /**
     * {@link #existing}; when {@code sole}, first asking the replay's index whether one creation alone decides it
     * ({@link ObjectReplay#soleCreation}): the question most often asked, about a table or column a revision made
     * and then alters, is answered without replaying the object.
     */
    private Creation existing(ObjectRef ref, Migration m, int index, Settings s, boolean sole) {
        if (engines != null) {
            SchemaTimeline t = engineAt(m, index);
            return t == null ? null : t.existing(ref, m, index, s, sole);
        }
        ObjectRef key = norm(ref);
        Integer p = position.get(m);
        List<Event> evs = p == null ? List.of() : eventsOf(key);
        // only a creation can make it exist: with none visible no replay is needed (most objects are made once)
        if (p == null || !anyVisibleCreation(evs, p, index)) {
            return null;
        }
        QualifiedName owner = ownerOf(key, evs);
        long made = sole ? objects().soleCreation(key, owner, p, index) : -1;
        Creation c = made < 0 ? null : createdAt(evs, (int) (made >>> 32), (int) made);
        if (c == null) {
            ObjectReplay.Held state = objects().heldBefore(key, owner, p, index);
            if (state.presence() == Presence.ABSENT
                    || state.presence() == Presence.UNKNOWN && (state.doubt() == null || !state.doubt().mayMake())) {
                return null;
            }
            if (state.maker() == null) {
                return lastMaker(key, owner, evs, p, index, s);
            }
            c = madeBy(evs, state.maker());
            if (c == null) {
                c = madeUnderOtherName(key, state.maker());
            }
            if (c == null) {
                // made by a statement that names no such object (a table copied with CREATE TABLE ... LIKE and
                // renamed into place): no creation to name
                return null;
            }
        }
        return !c.effective(s) ? null : c;
    }

    /**
     * The creation by {@code maker} of an object of {@code key}'s kind and name in another table: a column made with
     * a table later renamed into place, which the state moved with it; null when the maker made none.
     */
    private Creation madeUnderOtherName(ObjectRef key, SchemaState.Maker maker) {
        Integer p = position.get(maker.migration());
        if (p == null || key.table() == null || maker.index() >= effectLists.get(p).size()) {
            return null;
        }
        for (Effect e : effectLists.get(p).get(maker.index())) {
            if (e instanceof Effect.Create c && c.object().kind() == key.kind() && c.object().table() != null
                    && c.object().name().name().equalsIgnoreCase(key.name().name())) {
                Creation made = madeBy(eventsOf(norm(c.object())), maker);
                if (made != null) {
                    return made;
                }
            }
        }
        return null;
    }

    /**
     * The creation of {@code key} that made the object the state holds with no maker, before operation
     * {@code index} of the revision at {@code pos} (a key whose name the server picks, held unknown for what may
     * have made it; an object code not read forgot): of the creations visible there that {@code s} runs, the last
     * before which the replay held it absent, the one that really created it (a tolerant one after it found it
     * there); the first visible one when none did (it was there before any).
     */
    private Creation lastMaker(ObjectRef key, QualifiedName owner, List<Event> evs, int pos, int index, Settings s) {
        Creation first = null;
        Creation last = null;
        for (Event e : evs) {
            if (e.type() == Type.CREATE && visible(e, pos, index) && e.creation().effective(s)) {
                first = first == null ? e.creation() : first;
                if (objects().heldBefore(key, owner, e.pos(), e.index()).presence() == Presence.ABSENT) {
                    last = e.creation();
                }
            }
        }
        return last != null ? last : first;
    }

    /**
     * The state {@link #existing} reads for the normalised {@code key} before operation {@code index} of
     * {@code m} (of the engine's timeline the point falls in), or null when no creation of it is visible there.
     */
    ObjectReplay.Held replayedBefore(ObjectRef key, Migration m, int index) {
        if (engines != null) {
            SchemaTimeline t = engineAt(m, index);
            return t == null ? null : t.replayedBefore(key, m, index);
        }
        Integer p = position.get(m);
        if (p == null || !anyVisibleCreation(eventsOf(key), p, index)) {
            return null;
        }
        return objects().heldBefore(key, ownerOf(key, eventsOf(key)), p, index);
    }

    /**
     * The creation that made {@code ref} exist just before operation {@code index} of {@code m}, only when the
     * object surely exists there on every database that runs this revision: the replayed state
     * ({@link ObjectReplay}) holds it {@link Presence#PRESENT} (no conditional drop, cascade or code it cannot
     * read has made it unknown since), its maker is a creation of that name that ran unconditionally (no guard,
     * no {@code if}, loop or {@code try} around it, not a rename) or one whose guard leaves it in place either
     * way, no {@code SET search_path} ran since, and the revision's chain is whole. Null otherwise: unknown state
     * makes no first-run claim.
     */
    public Creation certainlyExisting(ObjectRef ref, Migration m, int index, Settings s) {
        return certainlyExisting(ref, m, index, s, false);
    }

    /**
     * {@link #certainlyExisting}, where a UNIQUE constraint declared inside CREATE TABLE is taken as made
     * unless the statement declares another key on its columns ({@link #mayBeLeftOut}): for a claim about
     * the constraint's own name, not one that holds only when every such constraint is made.
     */
    public Creation certainlyExistingKey(ObjectRef ref, Migration m, int index, Settings s) {
        return certainlyExisting(ref, m, index, s, true);
    }

    private Creation certainlyExisting(ObjectRef ref, Migration m, int index, Settings s, boolean keys) {
        if (engines != null) {
            SchemaTimeline t = engineAt(m, index);
            return t == null ? null : t.certainlyExisting(ref, m, index, s, keys);
        }
        ObjectRef key = norm(ref);
        Integer p = position.get(m);
        // a parent or dependency outside this tree (another package's versions) may have dropped it; and only a
        // creation can make it exist: with none visible no replay is needed (most objects are made once)
        if (p == null || !complete.get(p) || !anyVisibleCreation(eventsOf(key), p, index)) {
            return null;
        }
        SchemaState state = objects().before(key, ownerOf(key, eventsOf(key)), p, index);
        SchemaState.Maker maker = state.presence(key) == Presence.PRESENT ? state.creator(key) : null;
        Creation live = maker == null ? null : madeBy(eventsOf(key), maker);
        if (live == null || !live.effective(s) || live.via() == Via.RENAME
                || (keys ? mayBeLeftOut(live) : redundantInCreateTable(live)) || serialSequenceUnsure(live)) {
            return null;
        }
        if (!live.migration().verdicts().definite(live.operation()) && !ensuresExistence(live, ownerOf(live))) {
            return null;
        }
        // SET search_path since: unqualified names resolve elsewhere, which the state does not follow
        return searchPathSet(position.get(live.migration()), live.index(), p, index) ? null : live;
    }

    /**
     * True when something just before operation {@code index} of {@code m} may have taken {@code key} without the
     * analyzer knowing: the replayed state holds it unknown for code that may take it (a conditional drop, code
     * it cannot read), or the revision's chain leaves the tree.
     */
    public boolean threatened(ObjectRef key, Migration m, int index) {
        if (engines != null) {
            SchemaTimeline t = engineAt(m, index);
            return t == null || t.threatened(key, m, index);
        }
        ObjectRef k = norm(key);
        Integer p = position.get(m);
        if (p == null || !complete.get(p)) {
            return true;
        }
        Effect.Forget.Reach doubt = objects().before(k, ownerOf(k, eventsOf(k)), p, index).doubt(k);
        return doubt != null && doubt.mayTake();
    }

    /** The replay of single objects, indexed when first asked. */
    private ObjectReplay objects() {
        ObjectReplay r = objects;
        if (r == null) {
            synchronized (this) {
                r = objects;
                if (r == null) {
                    r = new ObjectReplay(order, ancestors, upgrades, effectLists, runs, keyIsIndex);
                    objects = r;
                }
            }
        }
        return r;
    }

    /**
     * The creation in {@code key}'s place (its namespace and name, whatever table an index names) by
     * {@code maker}'s operation, or null (the maker made it under another name).
     */
    private static Creation madeBy(List<Event> evs, SchemaState.Maker maker) {
        for (Event e : evs) {
            Creation c = e.creation();
            if (c != null && c.migration() == maker.migration() && c.index() == maker.index()) {
                return c;
            }
        }
        return null;
    }

    /** The first creation among {@code evs} by operation {@code index} of the revision at {@code pos}, or null. */
    private static Creation createdAt(List<Event> evs, int pos, int index) {
        for (Event e : evs) {
            if (e.creation() != null && e.pos() == pos && e.index() == index) {
                return e.creation();
            }
        }
        return null;
    }

    /** The table {@code c}'s object lives in or belongs to (a serial's sequence's), or null. */
    private static QualifiedName ownerOf(Creation c) {
        return c.key().table() != null ? c.key().table()
                : c.key().kind() == ObjectKind.SEQUENCE && c.shape().owner() != null ? norm(c.shape().owner()) : null;
    }

    /** The table the object in {@code key}'s place belongs to, as a creation there says; or null. */
    private static QualifiedName ownerOf(ObjectRef key, List<Event> evs) {
        if (key.table() != null) {
            return key.table();
        }
        for (Event e : evs) {
            if (e.creation() != null && e.owner() != null) {
                return e.owner();
            }
        }
        return null;
    }

    /** Whether a {@code SET search_path} runs after operation {@code fromIndex} of {@code from}, before this point. */
    private boolean searchPathSet(int from, int fromIndex, int pos, int index) {
        for (int k = countBefore(searchPaths, pos, index) - 1; k >= 0; k--) {
            Event e = searchPaths.get(k);
            if (e.pos() < from || e.pos() == from && e.index() <= fromIndex) {
                return false;
            }
            if (visible(e, pos, index)) {
                return true;
            }
        }
        return false;
    }
    /**
     * True when some revision alters, extends or drops a table that nothing before it on its path
     * creates: the replayed state ({@link Replay}) holds the table absent there. The chain was started on a
     * database that already had a schema (made by {@code metadata.create_all()}, a dump, another tool), so
     * absence from the timeline is no proof of absence from the database.
     */
    public boolean startsFromExistingSchema(Settings s) {
        if (engines != null) {
            return engines.values().stream().anyMatch(t -> t.startsFromExistingSchema(s));
        }
        return replay().needsMissingTable();
    }

    /**
     * True when a guarded creation leaves its object in place either way: "create it if it is
     * missing" checked on the object itself or its table ({@code if not has_table("t"):
     * op.create_table("t", ...)}), or a DO block that swallows the duplicate.
     */
    private static boolean ensuresExistence(Creation c, QualifiedName owner) {
        Guard g = c.operation().site().guard();
        if (g == null) {
            return false;
        }
        return switch (g.kind()) {
            case DO_BLOCK_EXCEPTION, PLPGSQL_IF -> true;
            case INSPECTOR, HELPER, CATALOG_QUERY -> g.skipsWhilePresent(x -> x.names(c.key().name().name())
                    || owner != null && x.names(owner.name())
                    || c.key().table() != null && x.names(c.key().table().name())
                    || c.operation() instanceof Operation.CreateTable ct && x.names(ct.table()));
            default -> false;
        };
    }

    /**
     * A serial's sequence made by a statement that may have made nothing: {@code IF NOT EXISTS} or a guard
     * skips it on a table (or column) already there, which need not have that sequence.
     */
    private static boolean serialSequenceUnsure(Creation c) {
        return c.key().kind() == ObjectKind.SEQUENCE && c.shape().postgresNamed()
                && (c.tolerance() != Creation.Tolerance.NONE || !c.migration().verdicts().definite(c.operation()));
    }

    /**
     * A UNIQUE constraint declared inside CREATE TABLE: PostgreSQL silently leaves it out when the
     * primary key or an earlier UNIQUE covers the same columns, so its name may never exist.
     */
    private static boolean redundantInCreateTable(Creation c) {
        return c.via() == Via.TABLE_ELEMENT && c.constraintKind() == ConstraintKind.UNIQUE
                && c.operation() instanceof Operation.CreateTable;
    }

    /**
     * A UNIQUE constraint declared inside CREATE TABLE that PostgreSQL may leave out: its columns are not
     * known, or another key of the statement (its primary key, another UNIQUE) is declared on the same
     * columns, and PostgreSQL keeps one index per column list (parse_utilcmd.c, transformIndexConstraints).
     */
    private boolean mayBeLeftOut(Creation c) {
        if (!redundantInCreateTable(c)) {
            return false;
        }
        List<String> cols = c.shape().columns();
        if (cols == null || cols.isEmpty()) {
            return true;
        }
        Set<String> mine = lowered(cols);
        for (Creation k : tableKeys.getOrDefault(c.operation(), List.of())) {
            if (k != c && k.constraintKind() != null && k.constraintKind().indexBacked()
                    && (k.shape().columns() == null || lowered(k.shape().columns()).equals(mine))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> lowered(List<String> names) {
        Set<String> out = new HashSet<>();
        for (String n : names) {
            out.add(n.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** The events of the object in {@code key}'s place, whatever kind each names there. */
    private List<Event> eventsOf(ObjectRef key) {
        return events.getOrDefault(SchemaState.slot(key), List.of());
    }

    private boolean anyVisibleCreation(List<Event> evs, int pos, int index) {
        for (Event e : evs) {
            if (e.type() == Type.CREATE && visible(e, pos, index)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The labels of enum type {@code type} just before operation {@code index} of {@code m}, as the replayed state
     * held them there: those it was made with, then {@code ADD VALUE} / {@code RENAME VALUE}; empty when the type is
     * not held present or its labels are not known there. Replayed from the statements that name the type
     * ({@link ObjectReplay}), which a question about a type change asks, not from a walk of the whole tree.
     */
    public List<String> labels(QualifiedName type, Migration m, int index) {
        if (engines != null) {
            SchemaTimeline t = engineAt(m, index);
            return t == null ? List.of() : t.labels(type, m, index);
        }
        Integer p = position.get(m);
        if (p == null || type == null) {
            return List.of();
        }
        QualifiedName name = norm(type);
        ObjectRef key = ObjectRef.of(ObjectKind.TYPE, name);
        if (!anyVisibleCreation(eventsOf(key), p, index)) {
            return List.of();
        }
        SchemaState state = objects().before(key, null, p, index);
        List<String> labels = state.presence(key) == Presence.PRESENT ? state.labels(name) : null;
        return labels == null ? List.of() : List.copyOf(labels);
    }

    /**
     * The unique keys of table {@code name} just before operation {@code index} of {@code m}, each as the set of its
     * columns, as the replayed state ({@link Replay}) held them there ({@link SchemaState#keysOf}): its primary key
     * first, then its unique constraints and unique indexes in the order they were made. Null when they are not
     * known there. An operation that fills or retypes the table is answered from the walk that answers every query
     * ({@link Replay#tableAt}); any other point by a replay of its own ({@link #before}).
     */
    public List<Set<String>> keys(QualifiedName name, Migration m, int index) {
        Replay.TableAt t = tableAt(name, m, index);
        if (t != null) {
            return t.keys();
        }
        SchemaState state = name == null ? null : before(m, index);
        return state == null ? null : state.keysOf(norm(name));
    }

    /**
     * Whether column {@code column} of table {@code name} is known serial just before operation {@code index} of
     * {@code m} ({@link SchemaState#knownSerial}), replayed there ({@link #before}); false when not known.
     */
    public boolean serial(QualifiedName name, String column, Migration m, int index) {
        SchemaState state = name == null || column == null ? null : before(m, index);
        return state != null && state.knownSerial(norm(ObjectRef.in(ObjectKind.COLUMN, name, column)));
    }

    /**
     * The columns of table {@code name} in PostgreSQL's order (attnum: the order {@code INSERT INTO t VALUES (...)}
     * fills) just before operation {@code index} of {@code m}, as the replayed state held them
     * ({@link SchemaState#columnOrder}); null when not known there. Answered as {@link #keys} is.
     */
    public List<String> columnOrder(QualifiedName name, Migration m, int index) {
        Replay.TableAt t = tableAt(name, m, index);
        if (t != null) {
            return t.columns();
        }
        SchemaState state = name == null ? null : before(m, index);
        return state == null ? null : state.columnOrder(norm(name));
    }

    /** What the walk recorded of table {@code name} at operation {@code index} of {@code m}, or null. */
    Replay.TableAt tableAt(QualifiedName name, Migration m, int index) {
        if (engines != null) {
            SchemaTimeline t = engineAt(m, index);
            return t == null ? null : t.tableAt(name, m, index);
        }
        Integer p = position.get(m);
        return p == null || name == null ? null : replay().tableAt(p, index, norm(name));
    }
}
