package dev.idemlint.schema;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.schema.Creation.Via;
import dev.idemlint.source.Once;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The timeline of one database: the creations of the operations it runs (every operation, or a multidb engine's),
 * filed by the place their object takes ({@link SchemaState#slot}) in walk order, and the replays of
 * {@link SchemaState} that answer whether an object exists at a point.
 */
final class DatabaseTimeline extends SchemaTimeline {

    /**
     * A creation, or (null {@code creation}) a {@code SET search_path}, by operation {@code index} of the revision at
     * position {@code pos}; {@code at} is the operation's span.
     */
    private record Event(int pos, int index, Span at, Creation creation) {
    }

    /** The creations filed in one place, in walk order, and the table the first one that has one belongs to. */
    private static final class Filed {
        final List<Event> events = new ArrayList<>(1);
        QualifiedName owner;
    }

    private static final Filed NONE = new Filed();

    private final List<Creation> creations = new ArrayList<>();
    /** Creations by the place their object takes in PostgreSQL's namespaces ({@link SchemaState#slot}). */
    private final Map<SchemaState.Slot, Filed> events;
    /** The operations that set the search path, in walk order. */
    private final List<Event> searchPaths = new ArrayList<>();
    /** The constraints each CREATE TABLE makes with its table, in order. */
    private final Map<Operation, List<Creation>> tableKeys = new IdentityHashMap<>();
    private final List<List<Operation>> upgrades = new ArrayList<>();
    /** Per revision, per operation, its {@link Effect}s, which the replays run. */
    private final List<List<List<Effect>>> effectLists = new ArrayList<>();
    /** The operations this database runs: a multidb engine's, or all of them. */
    private final Predicate<Operation> runs;
    /** A unique key is the index of its name (MySQL, MariaDB): a drop of either form ends the other too. */
    private final boolean keyIsIndex;
    /** The replay of the tree on {@link SchemaState}, made by the first query that needs it. */
    private final Once<Replay> replay;
    /** The replay of single objects, indexed when first asked. */
    private final Once<ObjectReplay> objects;
    private final Branches branches = new Branches();

    /** The timeline of the revisions of {@code graph}, each with what it {@code recorded} (in the same order). */
    DatabaseTimeline(Ancestry graph, List<Recorded> recorded, Predicate<Operation> runs, boolean keyIsIndex) {
        super(graph);
        this.runs = runs;
        this.keyIsIndex = keyIsIndex;
        this.replay = new Once<>(() -> Replay.of(graph.order, graph.ancestors, upgrades, effectLists, runs, keyIsIndex));
        this.objects = new Once<>(
                () -> new ObjectReplay(graph.order, graph.ancestors, upgrades, effectLists, runs, keyIsIndex));
        int made = 0;
        for (Recorded fx : recorded) {
            made += fx.creations.size();
        }
        // sized once: growing the map was 1% of a run
        this.events = new HashMap<>(made * 4 / 3 + 16);
        for (int i = 0; i < recorded.size(); i++) {
            Recorded fx = recorded.get(i);
            upgrades.add(fx.upgrade);
            effectLists.add(fx.effects);
            place(i, fx);
        }
    }

    /** Files revision {@code pos}'s creations and search path changes, in their order. */
    private void place(int pos, Recorded fx) {
        for (Creation c : fx.creations) {
            creations.add(c);
            if (c.via() == Via.TABLE_ELEMENT && c.key().kind() == ObjectKind.CONSTRAINT
                    && c.operation() instanceof Operation.CreateTable) {
                tableKeys.computeIfAbsent(c.operation(), k -> new ArrayList<>(2)).add(c);
            }
            Filed f = events.computeIfAbsent(SchemaState.slot(c.key()), k -> new Filed());
            f.events.add(new Event(pos, c.index(), c.operation().site().span(), c));
            f.owner = f.owner != null ? f.owner : ownerOf(c);
        }
        for (int index : fx.searchPaths) {
            searchPaths.add(new Event(pos, index, fx.upgrade.get(index).site().span(), null));
        }
    }

    @Override
    public List<Creation> creations() {
        return creations;
    }

    @Override
    public List<Creation> creationsOf(ObjectRef key) {
        List<Creation> out = new ArrayList<>();
        for (Event e : eventsOf(norm(key))) {
            out.add(e.creation());
        }
        return out;
    }

    @Override
    public List<Creation> creationsOf(Creation c) {
        return creationsOf(c.key());
    }

    @Override
    public List<Creation> creationsIn(Migration m, ObjectRef key) {
        Integer p = graph.position(m);
        if (p == null) {
            return List.of();
        }
        List<Event> evs = eventsOf(norm(key));
        List<Creation> out = new ArrayList<>(1);
        for (int k = countBefore(evs, p, 0); k < evs.size() && evs.get(k).pos() == p; k++) {
            out.add(evs.get(k).creation());
        }
        return out;
    }

    @Override
    public boolean opaqueBefore(Migration m, int index, ObjectKind kind) {
        Integer p = graph.position(m);
        return p == null || replay().opaqueBefore(p, index, upgrades.get(p).size(), kind);
    }

    @Override
    public SchemaState before(Migration m, int index) {
        Integer p = graph.position(m);
        return p == null ? null
                : Replay.before(graph.order, graph.ancestors, upgrades, effectLists, runs, keyIsIndex, p, index);
    }

    private Replay replay() {
        return replay.get();
    }

    private ObjectReplay objects() {
        return objects.get();
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
            return graph.ancestors.get(pos).get(e.pos());
        }
        if (e.index() >= index) {
            return false;
        }
        List<Operation> ops = upgrades.get(pos);
        return index >= ops.size() || !branches.exclusive(graph.order.get(pos), e.at(), ops.get(index).site().span());
    }

    @Override
    Creation existing(ObjectRef ref, Migration m, int index, Settings s, boolean sole) {
        ObjectRef key = norm(ref);
        Integer p = graph.position(m);
        Filed filed = p == null ? NONE : filed(key);
        List<Event> evs = filed.events;
        // only a creation can make it exist: with none visible no replay is needed (most objects are made once)
        if (p == null || !anyVisibleCreation(evs, p, index)) {
            return null;
        }
        QualifiedName owner = ownerOf(key, filed);
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
        Integer p = graph.position(maker.migration());
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
        // from the last: the replay is asked only back to the creation that found it absent
        for (int k = countBefore(evs, pos, index) - 1; k >= 0; k--) {
            Event e = evs.get(k);
            if (visible(e, pos, index) && e.creation().effective(s)) {
                if (objects().heldBefore(key, owner, e.pos(), e.index()).presence() == Presence.ABSENT) {
                    return e.creation();
                }
                first = e.creation();
            }
        }
        return first;
    }

    @Override
    ObjectReplay.Held replayedBefore(ObjectRef key, Migration m, int index) {
        Integer p = graph.position(m);
        Filed filed = filed(key);
        if (p == null || !anyVisibleCreation(filed.events, p, index)) {
            return null;
        }
        return objects().heldBefore(key, ownerOf(key, filed), p, index);
    }

    @Override
    Creation certainlyExisting(ObjectRef ref, Migration m, int index, Settings s, boolean keys) {
        ObjectRef key = norm(ref);
        Integer p = graph.position(m);
        // a parent or dependency outside this tree (another package's versions) may have dropped it; and only a
        // creation can make it exist: with none visible no replay is needed (most objects are made once)
        Filed filed = filed(key);
        if (p == null || !graph.complete(p) || !anyVisibleCreation(filed.events, p, index)) {
            return null;
        }
        SchemaState state = objects().before(key, ownerOf(key, filed), p, index);
        SchemaState.Maker maker = state.presence(key) == Presence.PRESENT ? state.creator(key) : null;
        Creation live = maker == null ? null : madeBy(filed.events, maker);
        if (live == null || !live.effective(s) || live.via() == Via.RENAME
                || (keys ? mayBeLeftOut(live) : redundantInCreateTable(live)) || serialSequenceUnsure(live)) {
            return null;
        }
        if (!live.migration().verdicts().definite(live.operation()) && !ensuresExistence(live, ownerOf(live))) {
            return null;
        }
        // SET search_path since: unqualified names resolve elsewhere, which the state does not follow
        return searchPathSet(graph.position(live.migration()), live.index(), p, index) ? null : live;
    }

    @Override
    public boolean threatened(ObjectRef key, Migration m, int index) {
        ObjectRef k = norm(key);
        Integer p = graph.position(m);
        if (p == null || !graph.complete(p)) {
            return true;
        }
        Effect.Forget.Reach doubt = objects().before(k, ownerOf(k, filed(k)), p, index).doubt(k);
        return doubt != null && doubt.mayTake();
    }

    @Override
    public boolean startsFromExistingSchema(Settings s) {
        return replay().needsMissingTable();
    }

    @Override
    public List<String> labels(QualifiedName type, Migration m, int index) {
        Integer p = graph.position(m);
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

    @Override
    Replay.TableAt tableAt(QualifiedName name, Migration m, int index) {
        Integer p = graph.position(m);
        return p == null || name == null ? null : replay().tableAt(p, index, norm(name));
    }

    /**
     * The creation in {@code key}'s place (its namespace and name, whatever table an index names) by
     * {@code maker}'s operation, or null (the maker made it under another name).
     */
    private static Creation madeBy(List<Event> evs, SchemaState.Maker maker) {
        for (Event e : evs) {
            Creation c = e.creation();
            if (c.migration() == maker.migration() && c.index() == maker.index()) {
                return c;
            }
        }
        return null;
    }

    /** The first creation among {@code evs} by operation {@code index} of the revision at {@code pos}, or null. */
    private static Creation createdAt(List<Event> evs, int pos, int index) {
        for (Event e : evs) {
            if (e.pos() == pos && e.index() == index) {
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

    /** The table the object in {@code key}'s place belongs to, as the first creation there that says one; or null. */
    private static QualifiedName ownerOf(ObjectRef key, Filed filed) {
        return key.table() != null ? key.table() : filed.owner;
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

    /** The creations of the object in {@code key}'s place, whatever kind each names there. */
    private List<Event> eventsOf(ObjectRef key) {
        return filed(key).events;
    }

    private Filed filed(ObjectRef key) {
        return events.getOrDefault(SchemaState.slot(key), NONE);
    }

    private boolean anyVisibleCreation(List<Event> evs, int pos, int index) {
        for (Event e : evs) {
            if (visible(e, pos, index)) {
                return true;
            }
        }
        return false;
    }
}
