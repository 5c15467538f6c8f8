package dev.idemlint.schema;

import dev.idemlint.discovery.Settings;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who creates each object, revision by revision along the graph. A query names a point (a revision and the index of
 * one of its {@code upgrade()} operations) and sees what the revision's ancestors did plus what the revision itself did
 * before that operation; sibling branches are invisible. Built once per versions tree and run, and handed to the rules
 * by their context ({@code RuleContext.timeline()}).
 *
 * <p>Whether an object exists at a point ({@link #existing}, {@link #certainlyExisting}, {@link #threatened}, an enum
 * type's labels, a table's keys) is what {@link SchemaState} holds there, replayed along the graph
 * ({@link ObjectReplay}, {@link Replay}). The timeline's own log of creations is the index those questions start from:
 * which creations a point can see (none: nothing to replay), and which {@link Creation} a state's maker is.
 *
 * <p>A chain of one database is one {@link DatabaseTimeline}; a multidb chain is {@link EngineTimelines}, one per
 * engine, each question answered by the engine its operation runs on.
 */
public abstract sealed class SchemaTimeline permits DatabaseTimeline, EngineTimelines {

    final Ancestry graph;
    /** {@link #creationsOnTable}'s index, filed whole on its first question (a racing second filing is equal). */
    private volatile Map<QualifiedName, List<Creation>> onTable;
    /** {@link #indexesNamingTable}'s index, by the table as the statement spells it, case folded; filed as onTable. */
    private volatile Map<String, List<Creation>> indexesByTable;

    SchemaTimeline(Ancestry graph) {
        this.graph = graph;
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
        List<Recorded> recorded = new ArrayList<>(migrations.size());
        Set<String> engines = new LinkedHashSet<>();
        for (Migration m : migrations) {
            Recorded fx = precomputed.isEmpty() ? null : precomputed.get(m);
            if (fx == null || fx.migration != m) {
                fx = recorded(m);
            }
            recorded.add(fx);
            engines.addAll(fx.engines);
        }
        Ancestry graph = new Ancestry(migrations);
        if (engines.size() < 2) {
            return new DatabaseTimeline(graph, recorded, op -> true, uniqueKeyIsIndex);
        }
        Map<String, DatabaseTimeline> timelines = new HashMap<>();
        for (String engine : engines) {
            // an operation of no engine is answered by the timeline of every operation
            timelines.put(engine, new DatabaseTimeline(graph,
                    engine == null ? recorded : migrations.stream().map(m -> CreationRecorder.record(m, engine)).toList(),
                    engine == null ? op -> true : op -> engine.equals(op.site().engine()), uniqueKeyIsIndex));
        }
        return new EngineTimelines(graph, timelines);
    }

    /**
     * One revision's part of a timeline: what its {@code upgrade()} creates, in operation order, and each operation's
     * effects, before the revision has a place in the graph. The engine computes these on its workers, file by file,
     * while the files' other rules run ({@link CreationRecorder}); building the timeline then only places them.
     */
    public static final class Recorded {
        final Migration migration;
        final List<Operation> upgrade;
        /** Its creations in operation order. */
        final List<Creation> creations = new ArrayList<>();
        /** The indexes of its operations that set the search path, in order. */
        final List<Integer> searchPaths = new ArrayList<>(0);
        /** Per operation, its effects (none for an operation of another multidb engine). */
        final List<List<Effect>> effects;
        /**
         * The multidb engines its operations run on ({@link OpSite#engine()}, null outside a multidb chain): read
         * here, on the worker that reads the revision, so that a build from kept effects need not walk every operation.
         */
        final Set<String> engines = new HashSet<>(2);

        Recorded(Migration migration) {
            this.migration = migration;
            this.upgrade = migration.upgrade();
            this.effects = new ArrayList<>(Collections.nCopies(upgrade.size(), List.<Effect>of()));
            for (Operation op : upgrade) {
                engines.add(op.site().engine());
            }
        }

        /** The creations recorded, in order (for tests). */
        List<Creation> creations() {
            return creations;
        }
    }

    /** The effects of {@code m}'s upgrade(), for {@link #build(List, Map)}. */
    public static Recorded recorded(Migration m) {
        return CreationRecorder.record(m, null);
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
        return graph.order;
    }

    /** True when {@code a} is a strict ancestor of {@code b} (through down_revision or depends_on). */
    public boolean isAncestor(Migration a, Migration b) {
        return graph.isAncestor(a, b);
    }

    /** True when {@code m} and every revision before it are in the tree, down to a base. */
    public boolean complete(Migration m) {
        Integer p = graph.position(m);
        return p != null && graph.complete(p);
    }

    /** The first revision (in walk order) that has both {@code a} and {@code b} as ancestors, or null. */
    public Migration mergeOf(Migration a, Migration b) {
        return graph.mergeOf(a, b);
    }

    /** Every recorded creation, in walk order. */
    public abstract List<Creation> creations();

    /** The creations made by one revision, in operation order. */
    public List<Creation> creationsIn(Migration m) {
        return creations().stream().filter(c -> c.migration() == m).toList();
    }

    /** Every creation of one object, anywhere in the tree, in walk order. */
    public abstract List<Creation> creationsOf(ObjectRef key);

    /** The creations of one object by revision {@code m}, in operation order. */
    public abstract List<Creation> creationsIn(Migration m, ObjectRef key);

    /** Every creation of {@code c}'s object on {@code c}'s database (its multidb engine's), in walk order. */
    public abstract List<Creation> creationsOf(Creation c);

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

    /**
     * True when code we could not read, before operation {@code index} of {@code m}, may have made an object of
     * {@code kind}'s namespace under a name no revision writes: the replayed state ({@link Replay}) does not hold
     * such a name absent there. {@code kind}: one whose names are not a table's ({@link ObjectRef#tableScoped}).
     */
    public abstract boolean opaqueBefore(Migration m, int index, ObjectKind kind);

    /**
     * The state of the database just before operation {@code index} of {@code m} ({@link Integer#MAX_VALUE}: after
     * its last, before its session ends), as {@link Replay} drives it: an empty database that every ancestor of
     * {@code m} ran on in walk order, then {@code m}'s first {@code index} operations; each object it holds with its
     * maker ({@link SchemaState#creator}). A new state per call, replayed from the start. Null when {@code m} is not
     * in the tree, or for a point of a multidb chain no one database answers.
     */
    public abstract SchemaState before(Migration m, int index);

    /**
     * The creation that makes {@code ref} exist just before operation {@code index} of {@code m}
     * (use {@link Integer#MAX_VALUE} for "after the revision"), or null when it does not exist there, as the replayed
     * state ({@link ObjectReplay}) holds it: absent, or unknown for code that may only take it, is null; present, or
     * unknown for code that may make it, is its maker ({@link SchemaState#creator}). Where the state names no maker of
     * that name (a column made with a table later renamed into place), that creation under the table's old name;
     * where it names no maker at all (a key whose name the server picks, an object code not read forgot), the visible
     * creation of this name that last found it absent; null where its maker made no object of this name.
     */
    public final Creation existing(ObjectRef ref, Migration m, int index, Settings s) {
        return existing(ref, m, index, s, true);
    }

    /**
     * {@link #existing} with the replay run for every question ({@code soleCreation} not asked first), which
     * ExistingOracleTest holds {@link #existing} to.
     */
    final Creation existingByReplay(ObjectRef ref, Migration m, int index, Settings s) {
        return existing(ref, m, index, s, false);
    }

    /**
     * {@link #existing}; when {@code sole}, first asking the replay's index whether one creation alone decides it
     * ({@link ObjectReplay#soleCreation}): the question most often asked, about a table or column a revision made
     * and then alters, is answered without replaying the object.
     */
    abstract Creation existing(ObjectRef ref, Migration m, int index, Settings s, boolean sole);

    /**
     * The state {@link #existing} reads for the normalised {@code key} before operation {@code index} of
     * {@code m} (of the engine's timeline the point falls in), or null when no creation of it is visible there.
     */
    abstract ObjectReplay.Held replayedBefore(ObjectRef key, Migration m, int index);

    /**
     * The creation that made {@code ref} exist just before operation {@code index} of {@code m}, only when the
     * object surely exists there on every database that runs this revision: the replayed state
     * ({@link ObjectReplay}) holds it {@link Presence#PRESENT} (no conditional drop, cascade or code it cannot
     * read has made it unknown since), its maker is a creation of that name that ran unconditionally (no guard,
     * no {@code if}, loop or {@code try} around it, not a rename) or one whose guard leaves it in place either
     * way, no {@code SET search_path} ran since, and the revision's chain is whole. Null otherwise: unknown state
     * makes no first-run claim.
     */
    public final Creation certainlyExisting(ObjectRef ref, Migration m, int index, Settings s) {
        return certainlyExisting(ref, m, index, s, false);
    }

    /**
     * {@link #certainlyExisting}, where a UNIQUE constraint declared inside CREATE TABLE is taken as made
     * unless the statement declares another key on its columns: for a claim about the constraint's own name, not
     * one that holds only when every such constraint is made.
     */
    public final Creation certainlyExistingKey(ObjectRef ref, Migration m, int index, Settings s) {
        return certainlyExisting(ref, m, index, s, true);
    }

    abstract Creation certainlyExisting(ObjectRef ref, Migration m, int index, Settings s, boolean keys);

    /**
     * True when something just before operation {@code index} of {@code m} may have taken {@code key} without the
     * analyzer knowing: the replayed state holds it unknown for code that may take it (a conditional drop, code
     * it cannot read), or the revision's chain leaves the tree.
     */
    public abstract boolean threatened(ObjectRef key, Migration m, int index);

    /**
     * True when some revision alters, extends or drops a table that nothing before it on its path
     * creates: the replayed state ({@link Replay}) holds the table absent there. The chain was started on a
     * database that already had a schema (made by {@code metadata.create_all()}, a dump, another tool), so
     * absence from the timeline is no proof of absence from the database.
     */
    public abstract boolean startsFromExistingSchema(Settings s);

    /**
     * The labels of enum type {@code type} just before operation {@code index} of {@code m}, as the replayed state
     * held them there: those it was made with, then {@code ADD VALUE} / {@code RENAME VALUE}; empty when the type is
     * not held present or its labels are not known there. Replayed from the statements that name the type
     * ({@link ObjectReplay}), which a question about a type change asks, not from a walk of the whole tree.
     */
    public abstract List<String> labels(QualifiedName type, Migration m, int index);

    /** What the walk recorded of table {@code name} at operation {@code index} of {@code m}, or null. */
    abstract Replay.TableAt tableAt(QualifiedName name, Migration m, int index);

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
}
