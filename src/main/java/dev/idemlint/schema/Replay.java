package dev.idemlint.schema;

import dev.idemlint.db.Catalog;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The timeline as a driver of {@link SchemaState}: the upgrades of a revision tree run, in walk order, on an empty
 * database, each revision's on the state its ancestors left, run in walk order: the first revision of a branch
 * starts from a copy of its fork point's state, kept only until the last branch from it starts, and a merge runs
 * the branches it joins again from the last revision they share ({@link #forkPoints}). An operation that may not
 * run applies its effects as its first run would ({@link #firstRun}). One walk answers, per point of the tree, the
 * questions the timeline is asked of the whole schema: whether code not read may have made a name of a namespace
 * ({@link #opaqueBefore}), whether an operation needs a table nothing before it made ({@link #needsMissingTable}),
 * the keys and column order of the tables an operation fills or retypes ({@link #tableAt}).
 */
final class Replay {
    /** The kinds {@link #opaqueBefore} answers for: those whose names are not a table's. */
    private static final List<ObjectKind> PROBED = java.util.Arrays.stream(ObjectKind.values())
            .filter(k -> !ObjectRef.tableScoped(k)).toList();

    /**
     * Per revision (by position), per kind, the points (operation index, the revision's length for its end) at
     * which code not read may have made an object of the kind: a name of the kind's namespace the tree never
     * writes is not known absent, or the state forgot names such code wrote; no entry: at none.
     */
    private final List<Map<ObjectKind, BitSet>> opaque;
    private final boolean needsMissingTable;
    /** Per revision (by position), per operation index, what the state held of each table it fills or retypes. */
    private final List<Map<Integer, List<TableAt>>> tables;

    /**
     * A table just before an operation that fills or retypes it: its unique keys ({@link SchemaState#keysOf}) and its
     * columns in order ({@link SchemaState#columnOrder}), each null when not known.
     */
    record TableAt(QualifiedName table, List<Set<String>> keys, List<String> columns) {
    }

    private Replay(List<Map<ObjectKind, BitSet>> opaque, boolean needsMissingTable,
            List<Map<Integer, List<TableAt>>> tables) {
        this.opaque = opaque;
        this.needsMissingTable = needsMissingTable;
        this.tables = tables;
    }

    /**
     * Replays {@code order} (walk order, {@code ancestors} by position), each revision's {@code upgrades} (its
     * operations, whose effects {@code effects} gives in the same order), running the operations {@code runs}
     * accepts (a multidb chain's engine), on a server where a unique key is the index of its name when
     * {@code keyIsIndex} ({@link SchemaState#uniqueKeyIsIndex}). Each revision runs on the state of its ancestors run in
     * walk order: the
     * state its {@link #forkPoints fork point} left, forked when another revision starts from it too, and then its
     * ancestors after that point (the other branches of a merge). The state holds unique keys as their indexes when
     * {@code keyIsIndex} ({@link SchemaState#unknown(boolean)}).
     */
    static Replay of(List<Migration> order, List<BitSet> ancestors, List<List<Operation>> upgrades,
            List<List<List<Effect>>> effects, Predicate<Operation> runs, boolean keyIsIndex) {
        int n = order.size();
        int[] from = forkPoints(ancestors);
        // per revision, how many revisions start from its state other than the next one, which runs on it
        int[] forks = new int[n];
        for (int p = 0; p < n; p++) {
            if (from[p] >= 0 && from[p] != p - 1) {
                forks[from[p]]++;
            }
        }
        Map<Integer, SchemaState> held = new HashMap<>();
        List<Map<ObjectKind, BitSet>> opaque = new ArrayList<>(n);
        List<Map<Integer, List<TableAt>>> tables = new ArrayList<>(n);
        boolean needsMissing = false;
        SchemaState state = null;
        for (int p = 0; p < n; p++) {
            int f = from[p];
            if (state == null || f != p - 1) {
                // not the next revision of the line run so far: the state of its fork point, or a new database
                if (f < 0) {
                    state = empty(keyIsIndex);
                } else if (--forks[f] == 0) {
                    state = held.remove(f);
                } else {
                    state = held.get(f).copy();
                }
                // the ancestors after the fork point: the branches a merge joins
                BitSet missing = (BitSet) ancestors.get(p).clone();
                if (f >= 0) {
                    missing.clear(0, f + 1);
                }
                for (int q = missing.nextSetBit(0); q >= 0; q = missing.nextSetBit(q + 1)) {
                    run(state, order.get(q), upgrades.get(q), effects.get(q), runs, null, null);
                }
            }
            Map<ObjectKind, BitSet> points = new EnumMap<>(ObjectKind.class);
            Map<Integer, List<TableAt>> needed = new HashMap<>();
            needsMissing |= run(state, order.get(p), upgrades.get(p), effects.get(p), runs, points, needed);
            opaque.add(points.isEmpty() ? Map.of() : points);
            tables.add(needed.isEmpty() ? Map.of() : needed);
            if (forks[p] > 0) {
                // the state itself when no child runs next on it
                held.put(p, p + 1 < n && from[p + 1] == p ? state.copy() : state);
            }
        }
        return new Replay(opaque, needsMissing, tables);
    }

    /**
     * The state just before operation {@code index} of the revision at {@code pos} of {@code order} ({@code index}
     * at or past its operations: after its last, before its session ends): an empty database that each of its
     * {@code ancestors} ran on in walk order, each a whole session, then its own first {@code index} operations,
     * each named as the maker of what it makes ({@link #apply}).
     */
    static SchemaState before(List<Migration> order, List<BitSet> ancestors, List<List<Operation>> upgrades,
            List<List<List<Effect>>> effects, Predicate<Operation> runs, boolean keyIsIndex, int pos, int index) {
        SchemaState state = empty(keyIsIndex);
        BitSet before = ancestors.get(pos);
        for (int q = before.nextSetBit(0); q >= 0; q = before.nextSetBit(q + 1)) {
            runUpTo(state, order.get(q), upgrades.get(q), effects.get(q), runs, Integer.MAX_VALUE);
            state.endSession();
        }
        runUpTo(state, order.get(pos), upgrades.get(pos), effects.get(pos), runs, index);
        return state;
    }

    /** Runs the first {@code index} operations of {@code m}'s upgrade that {@code runs} accepts on {@code state}. */
    private static void runUpTo(SchemaState state, Migration m, List<Operation> ops, List<List<Effect>> effects,
            Predicate<Operation> runs, int index) {
        Map<Object, Guard.Truth> tested = new HashMap<>();
        for (int i = 0; i < Math.min(index, ops.size()); i++) {
            if (runs.test(ops.get(i))) {
                apply(state, m, i, ops.get(i), effects.get(i), tested);
            }
        }
    }

    /**
     * Per revision (by position), the revision whose state it starts from, or -1 for an empty database: the last of
     * its ancestors {@code q} such that its ancestors up to {@code q} are exactly {@code q} and the ancestors of
     * {@code q}. Its other ancestors all come after {@code q}, so running them on {@code q}'s state runs every
     * ancestor in walk order. For a revision with one parent that is the parent; for a merge, the last revision
     * every branch it joins shares.
     */
    static int[] forkPoints(List<BitSet> ancestors) {
        int n = ancestors.size();
        int[] size = new int[n];
        int[] from = new int[n];
        for (int p = 0; p < n; p++) {
            BitSet needed = ancestors.get(p);
            size[p] = needed.cardinality();
            from[p] = -1;
            // how many ancestors of p come at or before q, q going down from the last
            int upTo = size[p];
            for (int q = needed.length() - 1; q >= 0; q = needed.previousSetBit(q - 1)) {
                if (upTo == size[q] + 1) {
                    from[p] = q;
                    break;
                }
                upTo--;
            }
        }
        return from;
    }

    /**
     * Runs one revision's upgrade on {@code state}, then its session ends; when
     * {@code points} is given, records there what {@link #opaqueBefore} answers at each of its points, and in
     * {@code needed} what {@link #tableAt} answers. Whether an operation needed a table the state held absent.
     */
    private static boolean run(SchemaState state, Migration m, List<Operation> ops, List<List<Effect>> effects,
            Predicate<Operation> runs, Map<ObjectKind, BitSet> points, Map<Integer, List<TableAt>> needed) {
        boolean needsMissing = false;
        Map<Object, Guard.Truth> tested = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (points != null) {
                probe(state, i, points);
            }
            if (!runs.test(op)) {
                continue;
            }
            List<Effect> fx = effects.get(i);
            if (points != null && !needsMissing) {
                for (QualifiedName table : requiredTables(fx)) {
                    if (state.presence(ObjectRef.table(table)) == Presence.ABSENT) {
                        needsMissing = true;
                        break;
                    }
                }
            }
            if (needed != null) {
                List<TableAt> at = null;
                for (QualifiedName table : keyedTables(fx)) {
                    at = at == null ? new ArrayList<>(1) : at;
                    at.add(new TableAt(SchemaTimeline.norm(table), state.keysOf(table), state.columnOrder(table)));
                }
                if (at != null) {
                    needed.put(i, at);
                }
            }
            apply(state, m, i, op, fx, tested);
        }
        if (points != null) {
            probe(state, ops.size(), points);
        }
        state.endSession();
        return needsMissing;
    }

    /**
     * Runs operation {@code i} of {@code m}'s upgrade, {@code op} of effects {@code fx}, on {@code state} as its
     * first run does ({@link #firstRun}), named as the maker of what it makes: {@link SchemaState.Sureness#DEFINITE}
     * when it runs wherever the revision runs, {@link SchemaState.Sureness#GUARDED} when its guard held on the state
     * or a handler swallows its error, else {@link SchemaState.Sureness#CONDITIONAL} (its effects then uncertain).
     */
    static void apply(SchemaState state, Migration m, int i, Operation op, List<Effect> fx,
            Map<Object, Guard.Truth> tested) {
        List<Effect> ran = firstRun(op, fx, state, tested);
        SchemaState.Sureness how = op.site().definite() ? SchemaState.Sureness.DEFINITE
                : ran == fx ? SchemaState.Sureness.GUARDED : SchemaState.Sureness.CONDITIONAL;
        state.madeBy(new SchemaState.Maker(m, i, op, how));
        state.applyAll(ran);
        state.madeBy(null);
        relabel(state, op);
    }

    /**
     * The tables an operation of effects {@code fx} needs to exist and does not make itself: what it creates an
     * object on, drops (without {@code IF EXISTS}), renames, requires or writes into.
     */
    static List<QualifiedName> requiredTables(List<Effect> fx) {
        Set<QualifiedName> made = new LinkedHashSet<>();
        for (Effect e : fx) {
            if (e instanceof Effect.Create c && c.object().kind() == ObjectKind.TABLE) {
                made.add(c.object().name());
            }
        }
        List<QualifiedName> out = new ArrayList<>();
        for (Effect e : fx) {
            ObjectRef o = e instanceof Effect.Create c ? c.object() : e instanceof Effect.Drop d && !d.ifExists()
                    ? d.object() : e instanceof Effect.Rename r ? r.object() : e instanceof Effect.Require q
                    ? q.object() : e instanceof Effect.Write w ? w.table() : null;
            QualifiedName table = o == null ? null : e instanceof Effect.Create ? o.table()
                    : ObjectRef.tableScoped(o.kind()) ? o.table() : o.kind() == ObjectKind.TABLE ? o.name() : null;
            if (table != null && !made.contains(table)) {
                out.add(table);
            }
        }
        return out;
    }

    /**
     * The tables whose keys and column order an operation of effects {@code fx} is asked about ({@link #tableAt}):
     * those it writes rows into (whether its rows repeat a key, which columns a positional row fills) and those
     * it changes a column's type of (whether an index is built again).
     */
    private static Set<QualifiedName> keyedTables(List<Effect> fx) {
        Set<QualifiedName> out = null;
        for (Effect e : fx) {
            QualifiedName table = e instanceof Effect.Write w ? w.table().name()
                    : e instanceof Effect.ColumnType c ? c.column().table() : null;
            if (table != null) {
                out = out == null ? new LinkedHashSet<>(2) : out;
                out.add(table);
            }
        }
        return out == null ? Set.of() : out;
    }

    /**
     * The labels {@code op} adds to or renames in an enum type ({@code ALTER TYPE ... ADD VALUE}, {@code RENAME
     * VALUE}): an object's contents, which its effects leave to the state.
     */
    static void relabel(SchemaState state, Operation op) {
        ObjectRef type = relabeled(op);
        if (type == null) {
            return;
        }
        if (op instanceof Operation.AlterTypeAddValue av && av.label() != null) {
            state.addLabel(type.name(), av.label());
        } else if (op instanceof Operation.Rename r && r.to() != null) {
            state.renameLabel(type.name(), r.from(), r.to());
        }
    }

    /** The enum type whose labels {@code op} adds to or renames ({@link #relabel}), or null. */
    static ObjectRef relabeled(Operation op) {
        return op instanceof Operation.AlterTypeAddValue av ? Effects.ref(op, ObjectKind.TYPE, null, av.type())
                : op instanceof Operation.Rename r && r.kind() == ObjectKind.OTHER
                        ? Effects.ref(op, ObjectKind.TYPE, null, r.table()) : null;
    }

    private static void probe(SchemaState state, int at, Map<ObjectKind, BitSet> points) {
        for (ObjectKind kind : PROBED) {
            if (state.mayHoldUnwritten(kind)) {
                points.computeIfAbsent(kind, k -> new BitSet()).set(at);
            }
        }
    }

    /**
     * Whether code the analyzer could not read, before operation {@code index} of the revision at {@code pos}
     * ({@code index} at or past its operations: its end), may have made an object of {@code kind}'s namespace
     * under a name no revision writes.
     */
    boolean opaqueBefore(int pos, int index, int length, ObjectKind kind) {
        BitSet at = opaque.get(pos).get(kind);
        return at != null && at.get(Math.min(index, length));
    }

    /**
     * What the state held of table {@code table} (as the timeline files it) just before operation {@code index} of
     * the revision at {@code pos}, when that operation writes rows into it or changes a column type of it
     * ({@link #keyedTables}); else null.
     */
    TableAt tableAt(int pos, int index, QualifiedName table) {
        for (TableAt t : tables.get(pos).getOrDefault(index, List.of())) {
            if (t.table().equals(table)) {
                return t;
            }
        }
        return null;
    }

    /** Whether some operation needs a table (to alter, drop, fill) that the state held absent there. */
    boolean needsMissingTable() {
        return needsMissingTable;
    }

    /**
     * {@code op}'s effects {@code fx} on its first run on {@code state}: all of them ({@code fx} itself, which
     * {@link #apply} reads as run for sure) when it runs; none when its guard is false there or it runs only in an
     * aborted transaction; uncertain ({@link Effect#uncertain}) when a condition decides it that the state cannot. A
     * guard's condition is evaluated on the state as {@code plan} evaluates it on a catalog: each object test
     * answered by the state ({@link #exists}), three-valued; an error a handler swallows leaves the state as the
     * failed statement found it. A test runs once, where it is written: the operations under one {@code if} (or
     * after one early {@code return}) share its answer, {@code tested} by the guard's span in this run of the
     * revision.
     */
    static List<Effect> firstRun(Operation op, List<Effect> fx, SchemaState state, Map<Object, Guard.Truth> tested) {
        if (op.site().definite()) {
            return fx;
        }
        Guard g = op.site().guard();
        if (g == null) {
            return Effect.uncertain(fx);
        }
        switch (g.kind()) {
            case AFTER_ABORT:
                return List.of();
            case TRY_EXCEPT, WRONG_OBJECT, SAVEPOINT, DO_BLOCK_EXCEPTION:
                if (g.settledTry()) {
                    // a try/except under a condition on configuration runs where that condition holds
                    break;
                }
                return fx;
            default:
                break;
        }
        if (g.condition() == null) {
            return Effect.uncertain(fx);
        }
        Guard.Truth truth = tested.computeIfAbsent(List.of(g.span(), g.condition()),
                k -> g.condition().eval(x -> exists(x, state)));
        return switch (truth) {
            case TRUE -> fx;
            case FALSE -> List.of();
            case UNKNOWN -> Effect.uncertain(fx);
        };
    }

    /**
     * What {@code state} says of a guard's existence test, with names as the timeline files them: unqualified, the
     * default schema {@code public} one with no schema ({@link SchemaTimeline#norm}).
     */
    private static Guard.Truth exists(Guard.Condition.Exists x, SchemaState state) {
        String schema = x.schema() == null || x.schema().equalsIgnoreCase("public") ? null : x.schema();
        ObjectRef ref;
        if (ObjectRef.tableScoped(x.kind()) || x.kind() == ObjectKind.INDEX) {
            if (x.table() == null) {
                return x.kind() == ObjectKind.INDEX ? truth(state.presence(ObjectRef.of(x.kind(),
                        QualifiedName.of(schema, x.name())))) : Guard.Truth.UNKNOWN;
            }
            ref = ObjectRef.in(x.kind(), QualifiedName.of(schema, x.table()), x.name());
        } else {
            ref = ObjectRef.of(x.kind(), QualifiedName.of(schema, x.name()));
        }
        return truth(state.presence(ref));
    }

    private static Guard.Truth truth(Presence p) {
        return switch (p) {
            case PRESENT -> Guard.Truth.TRUE;
            case ABSENT -> Guard.Truth.FALSE;
            default -> Guard.Truth.UNKNOWN;
        };
    }

    /** A database of nothing: the schema {@code public} alone, on the search path. */
    static SchemaState empty() {
        return empty(false);
    }

    /** {@link #empty()} on a server where a unique key is the index of its name when {@code keyIsIndex}. */
    static SchemaState empty(boolean keyIsIndex) {
        return SchemaState.of(new Catalog(null, "public", List.of("public"), null, List.of("public"), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                keyIsIndex);
    }
}
