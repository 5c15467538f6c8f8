package dev.idemlint.schema;

import dev.idemlint.migration.Guard;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * The state of one object at a point of the tree, replayed from the operations that can change it: the timeline's
 * driver of {@link SchemaState} for questions about a single object ({@code certainlyExisting}, {@code threatened}).
 * A replay of every ancestor ({@link Replay#before}) costs a whole walk per question; this one replays, in walk
 * order, only the operations whose effects name the object, its table, a table it moved to or one it refers to,
 * and those whose reach no name bounds (code not read, a kind's names read at run time, a drop with
 * {@code CASCADE}), each applied as {@link Replay#apply} applies it. The object's presence, maker and doubt there
 * are the whole replay's: an effect that names none of those names leaves them as they were
 * ({@code TimelineOracleTest} holds the one to the other on every tree).
 */
final class ObjectReplay {
    /** A point: the revision's position in the high half, the operation's index in the low. */
    private static long point(int pos, int index) {
        return (long) pos << 32 | index;
    }

    /** Points in walk order, appended as the tree is walked. */
    private static final class Points {
        private long[] at = new long[2];
        private int size;

        void add(long p) {
            if (size > 0 && at[size - 1] == p) {
                return;
            }
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = p;
        }
    }

    private final List<Migration> order;
    private final List<BitSet> ancestors;
    private final List<List<Operation>> upgrades;
    private final List<List<List<Effect>>> effects;
    private final Predicate<Operation> runs;
    private final boolean keyIsIndex;
    /** Per bare name (lower case), the operations whose effects name it. */
    private final Map<String, Points> byName;
    /** The operations whose effects no name bounds. */
    private final Points everywhere = new Points();
    /** Whether any operation forgets the objects of a name ({@link #NAMED}): most trees have none to look up. */
    private boolean forgetsNamed;

    ObjectReplay(List<Migration> order, List<BitSet> ancestors, List<List<Operation>> upgrades,
            List<List<List<Effect>>> effects, Predicate<Operation> runs, boolean keyIsIndex) {
        this.order = order;
        this.ancestors = ancestors;
        this.upgrades = upgrades;
        this.effects = effects;
        this.runs = runs;
        this.keyIsIndex = keyIsIndex;
        int ops = 0;
        for (List<List<Effect>> revision : effects) {
            ops += revision.size();
        }
        byName = new HashMap<>(Math.max(16, ops * 2));
        soles = new ConcurrentHashMap<>(Math.max(16, effects.size() * 2));
        Filing filing = new Filing();
        // a method per revision, which C1 compiles after a few dozen calls (this loop runs once per run)
        for (int p = 0; p < effects.size(); p++) {
            file(p, filing);
        }
    }

    /** Files the operations of the revision at {@code pos}. */
    private void file(int pos, Filing filing) {
        List<List<Effect>> revision = effects.get(pos);
        for (int i = 0; i < revision.size(); i++) {
            filing.at = point(pos, i);
            boolean global = false;
            for (Effect e : revision.get(i)) {
                global |= names(e, filing);
            }
            // what changes a type's labels, which its effects need not name (Replay.relabel)
            add(Replay.relabeled(upgrades.get(pos).get(i)), filing);
            if (global) {
                everywhere.add(filing.at);
            }
        }
    }

    /**
     * Files the point {@link #at} under each name given to it ({@link #names}), once: a column's name is not filed
     * (its table is).
     */
    private final class Filing implements Consumer<String> {
        long at;
        /** The point and name filed last: an operation's effects name its table over and over. */
        private long lastAt = -1;
        private String last;

        @Override
        public void accept(String name) {
            if (at == lastAt && name.equals(last)) {
                return;
            }
            lastAt = at;
            last = name;
            forgetsNamed |= name.startsWith(NAMED);
            // a point lies in a list at most once: a name given twice for one point finds it last there
            byName.computeIfAbsent(name, k -> new Points()).add(at);
        }
    }

    /**
     * Gives {@code out} the names {@code e} is about to; true when its reach is not bounded by names: a forget of
     * everything or of a kind's objects anywhere, a drop with {@code CASCADE} (it takes what depends on the object,
     * under other names).
     */
    private static boolean names(Effect e, Consumer<String> out) {
        if (e instanceof Effect.Create c) {
            add(c.object(), out);
            add(c.shape().owner(), out);
            add(c.shape().references(), out);
            add(c.shape().function(), out);
        } else if (e instanceof Effect.CopyColumns c) {
            add(c.from(), out);
            add(c.to(), out);
        } else if (e instanceof Effect.Drop d) {
            add(d.object(), out);
            return d.cascade();
        } else if (e instanceof Effect.Rename r) {
            add(r.object(), out);
            add(r.target(), out);
        } else if (e instanceof Effect.PrimaryKey k) {
            add(k.table(), out);
        } else if (e instanceof Effect.Require r) {
            add(r.object(), out);
        } else if (e instanceof Effect.AlterColumn a) {
            add(a.column(), out);
            add(a.sequence(), out);
        } else if (e instanceof Effect.ColumnType c) {
            add(c.column(), out);
        } else if (e instanceof Effect.Serial x) {
            add(x.column(), out);
            add(x.sequence(), out);
        } else if (e instanceof Effect.TypedUse u) {
            add(u.column(), out);
        } else if (e instanceof Effect.Write w) {
            add(w.table(), out);
            add(w.copied(), out);
        } else if (e instanceof Effect.RemoveRows r) {
            add(r.table(), out);
        } else if (e instanceof Effect.Forget f) {
            if (f.scope() == Effect.Forget.Scope.EVERYTHING
                    || f.scope() == Effect.Forget.Scope.KIND && f.object() == null) {
                return true;
            }
            add(f.object(), out);
            f.names().forEach(n -> out.accept(NAMED + lower(n)));
        } else {
            return true;
        }
        return false;
    }

    /**
     * Adds {@code ref}'s names to {@code out}: a column's table only, as every effect on a column names its table
     * (a column is in no namespace but its table's), but a forget of the objects of a name
     * ({@link Effect.Forget.Scope#NAMED}), filed under {@link #NAMED} and the bare name, which {@link #listsOf} reads
     * for a column's name too.
     */
    private static void add(ObjectRef ref, Consumer<String> out) {
        if (ref != null) {
            if (ref.kind() == ObjectKind.COLUMN) {
                // the index files no column's name (its table's is filed): not made for it
                if (!(out instanceof Filing)) {
                    out.accept(COLUMN + lower(ref.name()));
                }
            } else {
                add(ref.name(), out);
            }
            add(ref.table(), out);
        }
    }

    /** The prefix of a name as a {@link Effect.Forget.Scope#NAMED} forget lists it: it reaches any object so named. */
    private static final String NAMED = "\0";
    /** The prefix of a column's name: not filed (its table is), read as the names a forget lists. */
    private static final String COLUMN = "\1";

    private static void add(QualifiedName name, Consumer<String> out) {
        if (name != null) {
            out.accept(lower(name));
        }
    }

    /**
     * The state just before operation {@code index} of the revision at {@code pos} ({@code index} past its
     * operations: its end) as the replay of every ancestor leaves it for {@code key} (living in or owned by
     * {@code owner}, null for none): its presence, maker and doubt; what it says of other objects is partial.
     */
    SchemaState before(ObjectRef key, QualifiedName owner, int pos, int index) {
        long[] points = grownPoints(key, owner, names -> points(names, pos, index));
        SchemaState state = Replay.empty(keyIsIndex);
        int last = -1;
        Map<Object, Guard.Truth> tested = new HashMap<>();
        Set<Object> seen = new HashSet<>();
        for (long at : points) {
            int p = (int) (at >>> 32);
            int i = (int) at;
            if (p != last) {
                if (last >= 0) {
                    state.endSession();
                }
                last = p;
                tested = new HashMap<>();
            }
            Operation op = upgrades.get(p).get(i);
            if (runs.test(op)) {
                List<Effect> fx = effects.get(p).get(i);
                assumeExisting(state, op, fx, seen);
                Replay.apply(state, order.get(p), i, op, fx, tested);
            }
        }
        if (last >= 0 && last != pos) {
            state.endSession();
        }
        return state;
    }

    /**
     * Absence is no proof: a table an operation needs that no operation before it on the path made or dropped was
     * in the schema the chain started from ({@code SchemaTimeline#startsFromExistingSchema}), and is taken as made
     * there, by no one the tree names, before the operation runs, with columns and keys not known
     * ({@link SchemaState#assumeTable}). So is the source of a rename without {@code IF EXISTS} that runs wherever
     * its revision runs (an index, sequence or type of that schema: the revision ran, so the rename found it),
     * when nothing before it on the path made, dropped or renamed that name. {@code seen}: the tables (by name)
     * and other objects (by slot) made, dropped or renamed so far.
     */
    private static void assumeExisting(SchemaState state, Operation op, List<Effect> fx, Set<Object> seen) {
        for (QualifiedName table : Replay.requiredTables(fx)) {
            QualifiedName t = SchemaTimeline.norm(table);
            if (!seen.contains(t) && state.presence(ObjectRef.table(table)) == Presence.ABSENT) {
                state.assumeTable(table);
            }
        }
        for (Effect e : fx) {
            if (e instanceof Effect.Rename r && !r.ifExists() && op.site().definite()
                    && !SchemaState.tableLike(r.object().kind()) && !ObjectRef.tableScoped(r.object().kind())) {
                ObjectRef from = SchemaTimeline.norm(r.object());
                if (!seen.contains(SchemaState.slot(from)) && state.presence(from) == Presence.ABSENT) {
                    state.apply(new Effect.Create(r.object(), false));
                }
            }
        }
        for (Effect e : fx) {
            ObjectRef o = e instanceof Effect.Create c ? c.object() : e instanceof Effect.Drop d ? d.object()
                    : e instanceof Effect.Rename r ? r.object() : null;
            if (o != null && SchemaState.tableLike(o.kind())) {
                seen.add(SchemaTimeline.norm(o.name()));
                if (e instanceof Effect.Rename r) {
                    seen.add(SchemaTimeline.norm(r.target().name()));
                }
            } else if (o != null) {
                seen.add(SchemaState.slot(SchemaTimeline.norm(o)));
                if (e instanceof Effect.Rename r) {
                    seen.add(SchemaState.slot(SchemaTimeline.norm(r.target())));
                }
            }
        }
    }

    /**
     * Per slot asked lately (a table's columns: one for all), its object's replay at the start of the revision last
     * asked there: the {@link #KEPT} slots asked last, each dropped when more are asked, to be replayed from the base
     * if asked again.
     */
    private final Map<Object, Start> starts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Start> eldest) {
            return size() > KEPT;
        }
    };
    private static final int KEPT = 64;
    /**
     * Per slot and revision asked, what the replay held of the objects followed through the whole revision: each rule
     * walks every revision in turn, so the same questions come back once per rule, long after the slot's replay
     * was dropped.
     */
    private final Map<Visit, Trail> trails = new HashMap<>();

    /** How many looks after the points of a revision a {@link Trail} of a table's columns may take. */
    private static final int FOLLOWED = 1 << 16;

    private record Visit(Object kept, int pos) {
    }

    /** One slot's replay, as far as the last question took it, and the answers given in that revision. */
    private static final class Start {
        final long[] points;
        /** The replay is before operation {@code index} of the revision at {@code pos} (none yet: -1). */
        int pos = -1;
        int index;
        SchemaState state;
        Set<Object> seen;
        /** The guards the revision tested so far. */
        Map<Object, Guard.Truth> tested;
        /** Whether any point of the revision ran: its session ends before the next revision's. */
        boolean ran;
        /** The answers given in revision {@code pos}, by object and operation index: the rules ask the same ones. */
        final Map<Asked, Held> answers = new HashMap<>();

        Start(long[] points) {
            this.points = points;
        }
    }

    /**
     * What a replay held of some objects through one revision: per object, each change with the operation it holds
     * from.
     */
    private static final class Trail {
        private final Map<ObjectRef, List<Step>> steps = new HashMap<>();

        private record Step(int from, Held holds) {
        }

        Trail(Set<ObjectRef> followed) {
            followed.forEach(o -> steps.put(o, new ArrayList<>(4)));
        }

        /** Notes what {@code state} holds of each followed object from operation {@code from} on. */
        void mark(SchemaState state, int from) {
            steps.forEach((key, list) -> {
                Held now = held(state, key);
                if (list.isEmpty() || !list.get(list.size() - 1).holds().equals(now)) {
                    list.add(new Step(from, now));
                }
            });
        }

        /** What the replay held of {@code key} before operation {@code index}; null for an object not followed. */
        Held at(ObjectRef key, int index) {
            List<Step> list = steps.get(key);
            if (list == null) {
                return null;
            }
            int k = list.size() - 1;
            while (list.get(k).from() > index) {
                k--;
            }
            return list.get(k).holds();
        }
    }

    private record Asked(ObjectRef key, int index) {
    }

    /** The key of the replay the columns of the table in {@code table} share ({@link #heldBefore}). */
    private record ColumnsOf(SchemaState.Slot table) {
    }

    /** What the replay holds of one object at a point: its presence, the doubt code left on it, its maker. */
    record Held(Presence presence, Effect.Forget.Reach doubt, SchemaState.Maker maker) {
    }

    private static Held held(SchemaState state, ObjectRef key) {
        return new Held(state.presence(key), state.doubt(key), state.creator(key));
    }

    /**
     * What {@link #before} holds of {@code key} there. The first question about a slot in a revision replays the
     * slot to the revision's start (from the slot's replay kept where the last question left it, when that was
     * the revision's parent on a line, else from the base) and on through the whole revision, noting what it holds
     * of {@code key} (a column: of every column of its table the revision names) after each point; the questions
     * about them in that revision, from any rule, are answered from that {@link Trail}. Another object of the slot
     * is answered from the slot's replay, run on when the point is further on in the revision, else replayed from
     * the base. The names followed are those of the whole tree (a rename's target anywhere), so what it replays is a
     * superset of {@link #before}'s.
     */
    Held heldBefore(ObjectRef key, QualifiedName owner, int pos, int index) {
        // a column's replay is its table's: every effect on a column names its table, but a forget of the objects
        // of its name, and a creation of it may name more (a foreign key's table), which its table's need not
        // (kept apart from the table's own, which follows the table's owner too: which question comes first must
        // not decide what either replays)
        boolean shared = sharesTable(key);
        ObjectRef replayed = shared ? ObjectRef.table(key.table()) : key;
        Object kept = shared ? new ColumnsOf(SchemaState.slot(replayed)) : SchemaState.slot(key);
        Visit visit = new Visit(kept, pos);
        Trail trail;
        Start st;
        synchronized (starts) {
            trail = trails.get(visit);
            Held known = trail == null ? null : trail.at(key, index);
            if (known != null) {
                return known;
            }
            st = starts.computeIfAbsent(kept, k -> new Start(wholeTreePoints(replayed, shared ? null : owner)));
        }
        synchronized (st) {
            Asked asked = new Asked(key, index);
            if (st.pos == pos) {
                Held known = st.answers.get(asked);
                if (known != null) {
                    return known;
                }
            }
            if (st.pos != pos || st.index > index || trail == null) {
                BitSet path = ancestors.get(pos);
                if (st.pos >= 0 && st.pos < pos && path.get(st.pos)
                        && path.get(0, st.pos).cardinality() == ancestors.get(st.pos).cardinality()) {
                    // the replay's revision is on the path, with exactly its ancestors before it: go on from there
                    st.ran |= run(st.state, st.points, st.pos, st.index, Integer.MAX_VALUE, st.seen, st.tested);
                    if (st.ran) {
                        st.state.endSession();
                    }
                    runPath(st, path, st.pos + 1, pos);
                } else if (st.pos != pos || st.index > 0) {
                    st.state = Replay.empty(keyIsIndex);
                    st.seen = new HashSet<>();
                    runPath(st, path, 0, pos);
                }
                if (st.pos != pos) {
                    st.answers.clear();
                }
                st.pos = pos;
                st.index = 0;
                st.tested = new HashMap<>();
                st.ran = false;
            }
            if (trail == null) {
                Set<ObjectRef> followed = new HashSet<>();
                followed.add(key);
                if (shared) {
                    // each column followed is looked at after each point of the revision: a bound on what that costs
                    Set<ObjectRef> made = made(st.points, pos);
                    long looks = (long) made.size() * pointsIn(st.points, pos);
                    for (ObjectRef o : looks > FOLLOWED ? Set.<ObjectRef>of() : made) {
                        if (o.kind() == ObjectKind.COLUMN && sharesTable(o) && SchemaState.slot(
                                ObjectRef.table(o.table())).equals(((ColumnsOf) kept).table())) {
                            followed.add(o);
                        }
                    }
                }
                Trail t = new Trail(followed);
                t.mark(st.state, 0);
                st.ran |= run(st.state, st.points, pos, 0, Integer.MAX_VALUE, st.seen, st.tested,
                        from -> t.mark(st.state, from));
                st.index = Integer.MAX_VALUE;
                synchronized (starts) {
                    trails.putIfAbsent(visit, t);
                }
                return t.at(key, index);
            }
            st.ran |= run(st.state, st.points, pos, st.index, index, st.seen, st.tested);
            st.index = index;
            Held held = held(st.state, key);
            st.answers.put(asked, held);
            return held;
        }
    }

    /** Runs the points of {@code st} of each revision of {@code path} from position {@code from} to {@code pos}. */
    private void runPath(Start st, BitSet path, int from, int pos) {
        int k = Arrays.binarySearch(st.points, point(from, 0));
        int last = -1;
        for (k = k < 0 ? -k - 1 : k; k < st.points.length; k++) {
            int p = (int) (st.points[k] >>> 32);
            if (p >= pos) {
                break;
            }
            if (path.get(p) && p != last) {
                last = p;
                run(st.state, st.points, p, 0, Integer.MAX_VALUE, st.seen, new HashMap<>());
                st.state.endSession();
            }
        }
    }

    /**
     * The point of the operation that made {@code key} (living in or owned by {@code owner}, null for none), when
     * nothing {@link #heldBefore} would replay for it before operation {@code index} of the revision at {@code pos}
     * can change what the state holds of it but that one creation: then the replay holds it made by that operation,
     * and need not run. -1 when the replay must answer. It holds when, on the path to that point, no operation is
     * bounded by no name, the one creation of the key's slot runs wherever its revision runs (no guard, no
     * condition, a name the tree writes, not a temporary table) and names no other object it depends on (a
     * partition's parent, a referenced table, a trigger's function), its owner (a column's, an index's or a key's table)
     * was made once before it or with it, and every other operation naming one of its names only makes objects of
     * other names or, for a table, column, index or key, acts on other parts of the same table
     * ({@link #untouched}). {@code ExistingOracleTest} holds the answer to the replay's on every tree.
     */
    long soleCreation(ObjectRef key, QualifiedName owner, int pos, int index) {
        Visit visit = new Visit(key, pos);
        Sole sole = soles.get(visit);
        if (sole == null) {
            // made outside the map's lock: the rules asking the same question meanwhile make an equal one
            sole = sole(key, owner, pos);
            soles.putIfAbsent(visit, sole);
        }
        int k = Arrays.binarySearch(sole.points, point(pos, index));
        k = (k < 0 ? -k - 1 : k) - 1;
        return k < 0 ? -1 : sole.answers[k];
    }

    /** Per object and revision asked, {@link #soleCreation}'s answers through the revision: every lock rule asks. */
    private final Map<Visit, Sole> soles;

    /**
     * The points of the operations naming an object's names, or bounded by none, on the path through a revision, in
     * walk order, with {@link #soleCreation}'s answer for a question just after each.
     */
    private record Sole(long[] points, long[] answers) {
    }

    private Sole sole(ObjectRef key, QualifiedName owner, int pos) {
        Set<String> names = new HashSet<>(4);
        add(key, names::add);
        add(owner, names::add);
        // the points no name bounds are among them: each is a forget, a drop with CASCADE or an effect not read,
        // which no answer passes
        long[] points = points(names, pos, Integer.MAX_VALUE);
        long[] answers = new long[points.length];
        Arrays.fill(answers, -1);
        SchemaState.Slot slot = SchemaState.slot(key);
        String name = lower(key.name());
        String table = owner == null ? null : lower(owner);
        long made = -1;
        boolean ownerMade = owner == null;
        for (int k = 0; k < points.length; k++) {
            long at = points[k];
            Operation op = upgrades.get((int) (at >>> 32)).get((int) at);
            if (runs.test(op)) {
                boolean makesOwner = false;
                for (Effect e : effectsAt(at)) {
                    if (e instanceof Effect.Create c) {
                        String bare = lower(c.object().name());
                        if (!bare.equals(name) && !bare.equals(table)) {
                            continue;
                        }
                        ObjectRef o = SchemaTimeline.norm(c.object());
                        if (SchemaState.slot(o).equals(slot)) {
                            // one whose shape names another object (a partition's parent, a key's referenced table, a
                            // trigger's function) depends on it: the replay follows that name too
                            if (made >= 0 || !op.site().definite() || c.shape().postgresNamed()
                                    || c.shape().temporary() || c.shape().owner() != null
                                    || c.shape().references() != null || c.shape().function() != null) {
                                return new Sole(points, answers);
                            }
                            made = at;
                        } else if (SchemaState.tableLike(o.kind()) && o.name().equals(owner) && !ownerMade
                                && made < 0) {
                            makesOwner = true;
                        } else {
                            // another object of its name, or its owner made again
                            return new Sole(points, answers);
                        }
                    } else if (e instanceof Effect.Require r) {
                        // a statement that needs it, or its table, made first: it fails on neither
                        if (made < 0 && SchemaState.slot(SchemaTimeline.norm(r.object())).equals(slot)) {
                            return new Sole(points, answers);
                        }
                    } else if (!untouched(e, key, name, table)) {
                        return new Sole(points, answers);
                    }
                }
                ownerMade |= makesOwner;
            }
            if (made < 0 && !(ownerMade && key.table() != null)) {
                // what names it before it is made: a table of that name the replay takes as there already
                return new Sole(points, answers);
            }
            answers[k] = ownerMade ? made : -1;
        }
        return new Sole(points, answers);
    }

    /**
     * Whether effect {@code e}, of an operation naming one of the names of {@code key} (its {@code name} and its
     * owner's, {@code table}, lower case), leaves what the state holds of it as it was: a creation of an object of
     * another name; for a table or column, a drop or rename of another part of the table, its primary key, rows
     * written to or removed from it; for those and an index or key, a change of another column of the table.
     */
    private static boolean untouched(Effect e, ObjectRef key, String name, String table) {
        boolean tablePart = SchemaState.tableLike(key.kind()) || key.kind() == ObjectKind.COLUMN
                || key.kind() == ObjectKind.INDEX || key.kind() == ObjectKind.CONSTRAINT;
        if (e instanceof Effect.Drop d) {
            return !d.cascade() && (SchemaState.tableLike(key.kind()) || key.kind() == ObjectKind.COLUMN)
                    && other(d.object(), name, table);
        }
        if (e instanceof Effect.Rename r) {
            return (SchemaState.tableLike(key.kind()) || key.kind() == ObjectKind.COLUMN) && other(r.object(), name, table)
                    && other(r.target(), name, table);
        }
        if (e instanceof Effect.AlterColumn a) {
            return tablePart && other(a.column(), name, table)
                    && (a.sequence() == null || !lower(a.sequence()).equals(name));
        }
        if (e instanceof Effect.ColumnType c) {
            return tablePart && other(c.column(), name, table);
        }
        if (e instanceof Effect.Serial x) {
            return tablePart && other(x.column(), name, table) && !lower(x.sequence()).equals(name);
        }
        if (e instanceof Effect.TypedUse u) {
            return tablePart && other(u.column(), name, table);
        }
        if (e instanceof Effect.PrimaryKey || e instanceof Effect.Write || e instanceof Effect.RemoveRows) {
            return SchemaState.tableLike(key.kind()) || key.kind() == ObjectKind.COLUMN;
        }
        return false;
    }

    /** Whether {@code ref} is neither of name {@code name} nor the table {@code table} (lower case). */
    private static boolean other(ObjectRef ref, String name, String table) {
        return !lower(ref.name()).equals(name)
                && !(table != null && SchemaState.tableLike(ref.kind()) && lower(ref.name()).equals(table));
    }

    /** Whether {@code key} is a column whose replay is its table's ({@link #heldBefore}). */
    private boolean sharesTable(ObjectRef key) {
        return key.kind() == ObjectKind.COLUMN && !(forgetsNamed && byName.containsKey(NAMED + lower(key.name())));
    }

    /** How many of {@code points} lie in revision {@code pos}. */
    private static int pointsIn(long[] points, int pos) {
        int from = Arrays.binarySearch(points, point(pos, 0));
        int to = Arrays.binarySearch(points, point(pos + 1, 0));
        return (to < 0 ? -to - 1 : to) - (from < 0 ? -from - 1 : from);
    }

    /** The objects the points of revision {@code pos} make, drop or rename, as the timeline asks about them. */
    private Set<ObjectRef> made(long[] points, int pos) {
        Set<ObjectRef> out = new HashSet<>();
        int k = Arrays.binarySearch(points, point(pos, 0));
        for (k = k < 0 ? -k - 1 : k; k < points.length && (int) (points[k] >>> 32) == pos; k++) {
            for (Effect e : effectsAt(points[k])) {
                if (e instanceof Effect.Create c) {
                    out.add(SchemaTimeline.norm(c.object()));
                } else if (e instanceof Effect.Drop d) {
                    out.add(SchemaTimeline.norm(d.object()));
                } else if (e instanceof Effect.Rename r) {
                    out.add(SchemaTimeline.norm(r.object()));
                    out.add(SchemaTimeline.norm(r.target()));
                }
            }
        }
        return out;
    }

    /**
     * Applies {@code points} of revision {@code p} from operation {@code from} to before operation {@code to}, with the
     * guards the revision tested so far ({@code tested}); true when any point lies there.
     */
    private boolean run(SchemaState state, long[] points, int p, int from, int to, Set<Object> seen,
            Map<Object, Guard.Truth> tested) {
        return run(state, points, p, from, to, seen, tested, i -> { });
    }

    /** As {@link #run}, telling {@code after} the index of the operation after each point that ran. */
    private boolean run(SchemaState state, long[] points, int p, int from, int to, Set<Object> seen,
            Map<Object, Guard.Truth> tested, IntConsumer after) {
        int k = Arrays.binarySearch(points, point(p, from));
        k = k < 0 ? -k - 1 : k;
        long stop = point(p, to);
        boolean any = false;
        for (; k < points.length && points[k] < stop && (int) (points[k] >>> 32) == p; k++) {
            int i = (int) points[k];
            Operation op = upgrades.get(p).get(i);
            any = true;
            if (runs.test(op)) {
                List<Effect> fx = effects.get(p).get(i);
                assumeExisting(state, op, fx, seen);
                Replay.apply(state, order.get(p), i, op, fx, tested);
                after.accept(i + 1);
            }
        }
        return any;
    }

    /** Every point of the tree naming {@code key}, its owner, or a name it may come to live under, in walk order. */
    private long[] wholeTreePoints(ObjectRef key, QualifiedName owner) {
        return grownPoints(key, owner, this::allPoints);
    }

    /**
     * The points {@code pointsOf} gives for the names of {@code key}, its {@code owner} (null for none) and the names
     * the object may come to live under or depend on there (a table it moves with, one it refers to), grown until
     * no point adds a name.
     */
    private long[] grownPoints(ObjectRef key, QualifiedName owner, Function<Set<String>, long[]> pointsOf) {
        Set<String> names = new HashSet<>();
        add(key, names::add);
        add(owner, names::add);
        long[] points = pointsOf.apply(names);
        for (int grown = -1; grown != names.size();) {
            grown = names.size();
            for (long at : points) {
                for (Effect e : effectsAt(at)) {
                    if (e instanceof Effect.Rename r && among(r.object(), names)) {
                        add(r.target(), names::add);
                    } else if (e instanceof Effect.Rename r && among(r.target(), names)) {
                        // what a rename brings under the name is the source's: its creation, its drops
                        add(r.object(), names::add);
                    } else if (e instanceof Effect.Create c && SchemaState.slot(c.object()).equals(SchemaState.slot(key))) {
                        names(c, names::add);
                    }
                }
            }
            if (grown != names.size()) {
                points = pointsOf.apply(names);
            }
        }
        return points;
    }

    private long[] allPoints(Set<String> names) {
        List<Points> lists = listsOf(names);
        int n = 0;
        for (Points l : lists) {
            n += l.size;
        }
        long[] all = new long[n];
        n = 0;
        for (Points l : lists) {
            System.arraycopy(l.at, 0, all, n, l.size);
            n += l.size;
        }
        return sortedDistinct(all);
    }

    /** Whether {@code names} holds {@code ref} as {@link #add(ObjectRef, Set)} files it (a column: with its table). */
    private static boolean among(ObjectRef ref, Set<String> names) {
        return ref.kind() == ObjectKind.COLUMN
                ? names.contains(COLUMN + lower(ref.name())) && names.contains(lower(ref.table()))
                : names.contains(lower(ref.name()));
    }

    private List<Effect> effectsAt(long at) {
        return effects.get((int) (at >>> 32)).get((int) at);
    }

    private static String lower(QualifiedName name) {
        return lower(name.name());
    }

    /** {@code s} in lower case: itself when it has no upper-case letter (most names), read without a table. */
    private static String lower(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= 'A' && c <= 'Z' || c > 0x7f) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }

    /** The points of the operations naming one of {@code names} or bounded by none, on the path to the given one. */
    private long[] points(Set<String> names, int pos, int index) {
        BitSet path = ancestors.get(pos);
        long end = point(pos, index);
        long[] out = new long[16];
        int n = 0;
        List<Points> lists = listsOf(names);
        for (Points l : lists) {
            for (int k = 0; k < l.size; k++) {
                long at = l.at[k];
                int p = (int) (at >>> 32);
                if (p == pos ? at < end : path.get(p)) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = at;
                }
            }
        }
        return sortedDistinct(Arrays.copyOf(out, n));
    }

    /** The point lists of operations bounded by no name, then of those naming one of {@code names}. */
    private List<Points> listsOf(Set<String> names) {
        List<Points> lists = new ArrayList<>(names.size() + 1);
        lists.add(everywhere);
        for (String name : names) {
            Points l = byName.get(name.startsWith(COLUMN) ? NAMED + name.substring(1) : name);
            if (l != null) {
                lists.add(l);
            }
            l = !forgetsNamed || name.startsWith(COLUMN) || name.startsWith(NAMED) ? null : byName.get(NAMED + name);
            if (l != null) {
                lists.add(l);
            }
        }
        return lists;
    }

    /** {@code points} sorted (in place) without repeats. */
    private static long[] sortedDistinct(long[] points) {
        Arrays.sort(points);
        int u = 0;
        for (int k = 0; k < points.length; k++) {
            if (u == 0 || points[u - 1] != points[k]) {
                points[u++] = points[k];
            }
        }
        return Arrays.copyOf(points, u);
    }
}
