package dev.idemlint.schema;

import dev.idemlint.db.Catalog;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.FormatType;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.RowSource;
import dev.idemlint.migration.SqlState;
import dev.idemlint.migration.TypeChange;
import dev.idemlint.schema.Effect.Create;
import dev.idemlint.schema.Effect.Drop;
import dev.idemlint.schema.Effect.Forget;
import dev.idemlint.schema.Effect.Rename;
import dev.idemlint.schema.Effect.Require;
import dev.idemlint.schema.Effect.Shape;
import dev.idemlint.schema.Effect.Write;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What exists in the database at one point, each object {@link Presence#PRESENT}, {@link Presence#ABSENT}
 * or {@link Presence#UNKNOWN}, changed by {@link #apply applying} {@link Effect}s in order.
 *
 * <p>Objects live in PostgreSQL's namespaces: relations (tables, views, materialized views, indexes,
 * sequences, foreign tables) share one per schema, so do types and domains, and routines (by name; their
 * argument types are not tracked); schemas, extensions and roles have one each; a table has its own for
 * columns, and one for constraints, triggers, policies and rules each. A table's row type takes its name
 * in the types namespace.
 *
 * <p>Cascades are PostgreSQL's: {@code DROP TABLE} takes the table's columns, constraints, triggers,
 * policies, its indexes and the sequences it owns; {@code DROP COLUMN} the indexes and constraints that
 * use the column (those whose columns are not known become unknown); dropping a UNIQUE, PRIMARY KEY or
 * EXCLUDE constraint takes its index. Renames carry what lives on the object.
 *
 * <p>A column carries its identity and whether it has a default ({@link Effect.AlterColumn}); an identity's
 * sequence is needed by its column (PostgreSQL refuses to drop it) and goes with the column. A serial column
 * ({@link Effect.Serial}) owns its sequence, which goes with the column and its table and keeps its name when
 * they are renamed; while the column's default takes values from it, {@code DROP SEQUENCE} fails without
 * {@code CASCADE}.
 *
 * <p>It starts from a {@link Catalog} snapshot ({@link #of}: everything known, what the catalog lacks is
 * absent) or from nothing ({@link #unknown}: everything unknown, as the re-run check of one revision
 * needs). Unknown never yields a {@link Conflict}. {@link #apply} records the end state the statement
 * means to reach even when it reports a conflict, so that a walk can go on as if the statement had been
 * made to tolerate it.
 */
public final class SchemaState {
    private static final String RELATION = "relation";
    private static final String TYPE = "type";
    private static final String ROUTINE = "routine";
    /** Relation kinds that have columns (and a row type): pg_class.relkind. */
    private static final String TABLE_LIKE = "rpvmfc";

    /**
     * A place in a namespace: for table-scoped objects, the table and the name; else the qualified name.
     * Two refs name the same object exactly when their slots are equal (the timeline files its events so).
     */
    public static final class Slot {
        private final String namespace;
        private final QualifiedName table;
        private final QualifiedName name;
        /**
         * Computed once, as QualifiedName's: the timeline looks slots up in hash maps for every event, and a copy of
         * the state ({@link #copy}) files every slot again in its maps without reading the slot's names.
         */
        private final int hash;

        public Slot(String namespace, QualifiedName table, QualifiedName name) {
            this.namespace = Objects.requireNonNull(namespace);
            this.table = table;
            this.name = Objects.requireNonNull(name);
            this.hash = (namespace.hashCode() * 31 + name.hashCode()) * 31 + (table == null ? 0 : table.hashCode());
        }

        public String namespace() {
            return namespace;
        }

        public QualifiedName table() {
            return table;
        }

        public QualifiedName name() {
            return name;
        }

        /** A relation's place: tables, views, indexes, sequences and foreign tables share one namespace. */
        public boolean relation() {
            return namespace.equals(RELATION);
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Slot s && hash == s.hash && namespace.equals(s.namespace)
                    && name.equals(s.name) && Objects.equals(table, s.table);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "Slot[namespace=" + namespace + ", table=" + table + ", name=" + name + "]";
        }
    }

    /** A namespace, of one table ({@code table}) or, for a table-scoped namespace, of every table (null). */
    private record Scope(String namespace, QualifiedName table) {
    }

    /** How surely the operation that made an object ran: what a claim that the object is there may rest on. */
    public enum Sureness {
        /** It ran wherever the revision runs, and fails when the object is there already. */
        DEFINITE,
        /** It ran, and passes when the object is there already ({@code IF NOT EXISTS}, {@code checkfirst}). */
        TOLERANT,
        /**
         * A guard or a handler decides whether it runs or fails: its condition, evaluated on the state, held,
         * or an error it raises is swallowed ({@code try}/{@code except}, a savepoint, a DO block's handler).
         */
        GUARDED,
        /** A condition the state cannot settle decides whether it runs: what it makes may be there. */
        CONDITIONAL
    }

    /**
     * Who made an object: the {@code index}-th operation ({@code operation}) of {@code migration}'s upgrade,
     * and how surely. A driver names it before the operation's effects ({@link #madeBy}).
     */
    public record Maker(Migration migration, int index, Operation operation, Sureness how) {
        public Maker {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(how, "how");
        }

        /** The same operation, made {@code h}-surely. */
        public Maker with(Sureness h) {
            return h == how ? this : new Maker(migration, index, operation, h);
        }

        /** {@code 0a1b2c@3 DEFINITE}: the revision, the operation's index, how surely. */
        @Override
        public String toString() {
            String id = migration == null ? null : migration.header().revisionId();
            return (id != null ? id : migration == null ? "?" : String.valueOf(migration.source().fileName())) + "@"
                    + index + " " + how;
        }
    }

    /** What is known of one object. */
    private static final class Entry implements Cloneable {
        Presence presence;
        /**
         * The operation that made the object under this name (a rename gives it its new name), and how surely;
         * null when no driver named one (a catalog's object, a state that forgot it).
         */
        Maker maker;
        /**
         * Why an {@link Presence#UNKNOWN} presence is not known, when an effect said so: code that may make it
         * ({@link Forget.Reach#MAKES}), take it ({@link Forget.Reach#TAKES}), or either; null otherwise.
         */
        Forget.Reach doubt;
        ObjectKind kind;
        char relkind;
        String columnType;
        /** A column's type before its latest type change ({@link #columnType(Effect.ColumnType)}). */
        String priorType;
        ConstraintKind constraintKind;
        boolean unique;
        List<String> columns;
        List<String> labels;
        QualifiedName owner;
        /** A temporary table: gone when the session ends. */
        boolean temporary;
        /** The table a foreign key refers to, when known. */
        QualifiedName referred;
        /** The function a trigger executes, when known: {@code DROP FUNCTION ... CASCADE} of it drops the trigger. */
        QualifiedName function;
        /**
         * A column's identity ({@code attidentity}) and default ({@code atthasdef}): known only while the
         * column's presence is, and forgotten with it ({@link #set}).
         */
        Presence identity = Presence.UNKNOWN;
        Presence hasDefault = Presence.UNKNOWN;
        /** The sequence of a column's identity, when its name is known. */
        QualifiedName identitySequence;
        /** A sequence an identity column needs (its column in {@link #columns}): no DROP SEQUENCE takes it. */
        boolean neededByIdentity;
        /**
         * A serial column's sequence (its table in {@link #owner}, its column in {@link #columns}): the
         * column owns it, and its default may take values from it ({@link #serialDefault}).
         */
        boolean serial;
        /**
         * Whether a column's default is {@code nextval} of the serial sequence it owns: then {@code DROP
         * SEQUENCE} of that sequence fails without {@code CASCADE}. Known only while the column's presence is.
         */
        Presence serialDefault = Presence.UNKNOWN;
        /**
         * The serial sequence of another column whose {@code nextval} a column's default may be, copied with the
         * default by {@code CREATE TABLE ... (LIKE old INCLUDING DEFAULTS)} ({@link PostgresFacts#defaultUsesSequence}):
         * the drop of that sequence, of its column or of its table fails while the default uses it. {@link #borrowUse}:
         * {@link Presence#PRESENT} when the default surely is that {@code nextval}, else {@link Presence#UNKNOWN}.
         * Known only while the column's presence is.
         */
        QualifiedName borrowed;
        Presence borrowUse = Presence.UNKNOWN;
        /** A column known {@code NOT NULL} (a serial's, or the catalog's {@code attnotnull}) until an ALTER COLUMN. */
        boolean notNull;
        /** The state that may change this entry in place (null: none yet); any other copies it first ({@link #entry}). */
        Object writer;
        /** When it was made, counted by its state ({@link #made}): a column's place, which a rename keeps. */
        int made;

        Entry(Presence presence, ObjectKind kind) {
            this.presence = presence;
            this.kind = kind;
        }

        /** The same facts under presence {@code p}, with no writer yet; its lists are shared, never changed in place. */
        Entry copy(Presence p) {
            try {
                Entry e = (Entry) clone();
                e.presence = p;
                e.writer = null;
                return e;
            } catch (CloneNotSupportedException x) {
                throw new AssertionError(x);
            }
        }
    }

    /** What inserts need to know of a table. */
    private static final class TableFacts {
        /** NOT NULL columns without a default; null when not known. */
        Set<String> required = new HashSet<>();
        /** Unique keys as column lists; null when some cannot be compared by columns. */
        List<List<String>> uniqueKeys = new ArrayList<>();
        /** Made during this walk: empty when made, so every row in it was written by the walk. */
        boolean madeHere;
        /** PostgreSQL named a constraint of the table itself: its default names are no longer certain. */
        boolean unnamedConstraints;
        /**
         * A revision dropped a constraint or index of the table (or of a table it did not name) that no effect
         * made: the database holds keys the effects did not make, so {@link #keysOf} cannot tell them.
         */
        boolean keysNotMade;
        /**
         * Stamped anew when the facts are made (the table made, or first spoken of) and when rows are removed
         * from it ({@link Effect.RemoveRows}): rows written under a stamp are there while the stamp holds.
         */
        int rowsStamp;
        /** Since the last stamp, some write put rows the state knows into the table ({@link #rows}). */
        boolean knownRows;
        /** Since the last stamp, the removals of rows picked by a column's constants, in order. */
        List<KeyedRemoval> removals = new ArrayList<>();
        /** Literal rows written by {@link Write} effects. */
        List<Map<String, String>> rows = new ArrayList<>();
        /**
         * Per unique key of {@link #uniqueKeys}, the values of the {@link #rows} that give the key whole, made
         * when the key is first compared and kept in step as rows come: each write compares its rows by lookup.
         */
        Map<List<String>, Set<List<String>>> keyValues = new HashMap<>();
        /** The columns some row of {@link #rows} gives a value: a key of another column finds none there. */
        Set<String> rowColumns = new HashSet<>();
        /**
         * The tables the table's foreign keys certainly reference, by column. A key that may have gone (a
         * constraint or column of the table dropped or forgotten) is left out: it blocks no drop.
         */
        final References references = new References();
        /**
         * Whether the table has a primary key where no present entry says so (one of a name not known, or
         * none after a drop of the one it had); null: as its constraints no entry speaks of ({@link #primaryKey}).
         */
        Presence primaryKey;
        /**
         * Why the columns and keys no entry speaks of are unknown, when only code that may make them put them so
         * (a table taken from the schema the chain started with: {@link #assumeTable}); null otherwise.
         */
        Forget.Reach childrenDoubt;

        TableFacts copy() {
            TableFacts t = new TableFacts();
            t.required = required == null ? null : new HashSet<>(required);
            t.uniqueKeys = uniqueKeys == null ? null : new ArrayList<>(uniqueKeys);
            t.madeHere = madeHere;
            t.unnamedConstraints = unnamedConstraints;
            t.keysNotMade = keysNotMade;
            t.rowsStamp = rowsStamp;
            t.knownRows = knownRows;
            t.removals = new ArrayList<>(removals);
            t.rows = new ArrayList<>(rows);
            keyValues.forEach((key, values) -> t.keyValues.put(key, new HashSet<>(values)));
            t.rowColumns = new HashSet<>(rowColumns);
            t.references.copyFrom(references);
            t.primaryKey = primaryKey;
            t.childrenDoubt = childrenDoubt;
            return t;
        }
    }

    /**
     * A table's foreign keys the state is sure of: the table each column references. A table has few, so the keys
     * to one table are found by a pass over them.
     */
    private static final class References {
        private final Map<String, QualifiedName> byColumn = new HashMap<>();

        void put(String column, QualifiedName referred) {
            byColumn.remove(column);
            byColumn.put(column, referred);
        }

        void remove(String column) {
            byColumn.remove(column);
        }

        void renameColumn(String from, String to) {
            QualifiedName referred = byColumn.remove(from);
            if (referred != null) {
                put(to, referred);
            }
        }

        void clear() {
            byColumn.clear();
        }

        void copyFrom(References other) {
            byColumn.putAll(other.byColumn);
        }

        /** The columns whose foreign key refers to {@code table}. */
        Set<String> columnsTo(QualifiedName table) {
            Set<String> out = new HashSet<>();
            byColumn.forEach((column, referred) -> {
                if (referred.equals(table)) {
                    out.add(column);
                }
            });
            return out;
        }

        boolean refersTo(QualifiedName table) {
            return byColumn.containsValue(table);
        }

        /** The tables referenced, once per key. */
        Collection<QualifiedName> referred() {
            return byColumn.values();
        }

        /** The keys to {@code table} are gone: whether there were any. */
        boolean removeTo(QualifiedName table) {
            return byColumn.values().removeIf(table::equals);
        }

        /** The keys to {@code from} reference {@code to}: a table renamed. */
        void retarget(QualifiedName from, QualifiedName to) {
            byColumn.replaceAll((column, referred) -> referred.equals(from) ? to : referred);
        }
    }

    private final String currentSchema;
    private final List<String> searchPath;
    /** The presence of an object nothing below speaks of. */
    private Presence baseline;
    /** Code that may make objects was left out of this state (a re-run claim's view): its absences are not sure. */
    private boolean makesLeftOut;
    /**
     * Whether a unique key is the index of its name on its table ({@code ServerFacts#uniqueKeyIsIndex}: MySQL,
     * MariaDB): the state holds the two as one object, the index ({@link #identity}).
     */
    private boolean keyIsIndex;
    private final Map<Slot, Entry> entries = new HashMap<>();
    /**
     * This state as the writer of its entries: a copy ({@link #copy}) shares every entry and makes both sides new
     * writers, so that each copies an entry on its first use ({@link #entry}) and neither changes a shared one.
     */
    private Object writer = new Object();
    /** Child slots (columns, constraints, ...) per table. */
    private final SetIndex<QualifiedName, Slot> childrenOf = new SetIndex<>(false);
    /** Index and sequence slots per owning table. */
    private final SetIndex<QualifiedName, Slot> ownedBy = new SetIndex<>(false);
    /**
     * Present index slots whose table is not known: any table's drop may take them. Only present ones
     * are kept, so each is visited once before it becomes unknown, however many tables are dropped.
     */
    private final Set<Slot> ownerUnknown = new HashSet<>();
    /** Slots by lower-cased name and by lower-cased table or owning table name, for forgetting what opaque code names. */
    private final SetIndex<String, Slot> byName = new SetIndex<>(false);
    /** Per table, the presence of columns no entry speaks of (absent once dropped or made here, unknown once forgotten). */
    private final Map<QualifiedName, Presence> columnsDefault = new HashMap<>();
    /** Likewise for the table's constraints, triggers, policies and rules. */
    private final Map<QualifiedName, Presence> keysDefault = new HashMap<>();
    /** The slots put with a temporary entry since the session began: what {@link #endSession} reads. */
    private final Set<Slot> temporaries = new LinkedHashSet<>();
    /** Lower-cased names opaque code may have touched. */
    private final Set<String> forgottenNames = new HashSet<>();
    /**
     * Namespaces in which code of unread names may have made, dropped or renamed any name: the presence of
     * names no entry (or table default) speaks of. A table-scoped namespace with a null table is every table's.
     */
    private final Set<Scope> forgottenScopes = new HashSet<>();
    /**
     * The slots whose entry changed, in order, and for a table the relation slot of its name whenever what
     * lives on it or what is known of it changed: a forget of a whole kind leaves what it visited as it would
     * leave it again, so the next one of the same kind reads only what was filed here since the last began
     * (its reader, by kind), never every entry and table the state holds; its first reads every one.
     */
    private Journal<Slot> changed = new Journal<>();
    /**
     * Per table, the slots living on it or owned by it whose entry changed, read by each walk over the table's
     * children or owned slots ({@link #toWalk}): a walk leaves each slot it visits as a second walk would, so
     * the next one of the same kind visits only what was filed here since the last began. Dropping a table's
     * journal is always sound: its next walks visit everything, as the first ones do.
     */
    private final Map<QualifiedName, Journal<Slot>> changedOn = new HashMap<>();
    /** Per table, the table-like slots it owns (its partitions), which a cascade from it reaches whatever changed. */
    private final SetIndex<QualifiedName, Slot> ownedTables = SetIndex.filed();

    /**
     * Values filed in order and read by named readers, each reading what was filed since it last read. A
     * reader's first read is answered null (the caller visits everything), so nothing is kept while no one has
     * read, and what every reader has passed is dropped.
     */
    private static final class Journal<T> {
        private final List<T> filed = new ArrayList<>();
        /** How many values were dropped from the front of {@link #filed}: positions count from the first filed. */
        private int dropped;
        private final Map<String, Integer> readTo = new HashMap<>();

        void add(T value) {
            if (!readTo.isEmpty()) {
                filed.add(value);
            }
        }

        /** The position after the last value filed, for {@link #from}. */
        int end() {
            return dropped + filed.size();
        }

        /** What was filed from {@code position} on, which a reader has not passed since it was {@link #end}. */
        List<T> from(int position) {
            return filed.subList(position - dropped, filed.size());
        }

        void clear() {
            filed.clear();
            dropped = 0;
            readTo.clear();
        }

        Journal<T> copy() {
            Journal<T> j = new Journal<>();
            j.filed.addAll(filed);
            j.dropped = dropped;
            j.readTo.putAll(readTo);
            return j;
        }

        /** What was filed since {@code reader} last read (each once, in the order first filed), or null on its first read. */
        List<T> since(String reader) {
            int end = dropped + filed.size();
            Integer from = readTo.put(reader, end);
            List<T> out = from == null ? null
                    : List.copyOf(new LinkedHashSet<>(filed.subList(from - dropped, filed.size())));
            // dropped once half the list is passed by all: each value is copied at most once more
            int passed = Collections.min(readTo.values()) - dropped;
            if (passed > 0 && 2 * passed >= filed.size()) {
                filed.subList(0, passed).clear();
                dropped += passed;
            }
            return out;
        }
    }
    /** Tests only: every walk and forget visits everything, as a first one does (the reference the journals are held to). */
    boolean walkWhole;
    /** The slot the last {@link Create} made where nothing was (its object known absent before), or null. */
    private Slot madeNow;
    /** Who makes what the next effects make ({@link #madeBy}); null: no one named. */
    private Maker maker;
    /** The presence the last {@link Create} met: a table there already is not the copy {@link #copyColumns} makes. */
    private Presence createdOver;
    /** The way the forget being applied may change what it reaches: why what it makes unknown is ({@link #doubt}). */
    private Forget.Reach reachNow;
    /** Per namespace forgotten as a whole ({@link #forgottenScopes}), the ways the code that forgot it may change it. */
    private final Map<String, Forget.Reach> scopeDoubts = new HashMap<>();
    /**
     * The makers of what was not known absent when the state forgot everything ({@link #forgetEverything}): an
     * object the state holds no entry for since is {@link Presence#UNKNOWN}, and its maker, if it is there, is this.
     * Shared with a copy ({@link #copy}) until either side adds to it ({@link #makersWriter}).
     */
    private Map<Slot, Maker> makersForgotten = Map.of();
    /** The {@link #writer} that may add to {@link #makersForgotten} in place; any other copies it first. */
    private Object makersWriter;
    /**
     * Per table, its keys and column order as the state knew them when code that names no table made it forget
     * everything ({@link Forget#unread}): {@link #keysOf} and {@link #columnOrder} of a table not known absent, until
     * an effect names the table or may reach it unnamed ({@link #unkeep}). Shared with a copy as
     * {@link #makersForgotten} is ({@link #keptWriter}).
     */
    private Map<QualifiedName, Kept> kept = Map.of();
    private Object keptWriter;

    /**
     * {@code plainIndexes}: the indexes of the table that were no key (not unique) when it was kept, by slot; a drop
     * of one of them by name changes none of its keys. {@code keySlots}: the constraints and unique indexes that
     * were its keys then, each with its columns; a drop of one by name takes that key and no other.
     */
    private record Kept(List<Set<String>> keys, List<String> columns, Set<Slot> plainIndexes,
            Map<Slot, Set<String>> keySlots) {
    }
    /** Schemas (null: unqualified) in which PostgreSQL named an index itself. */
    private final Set<String> unnamedIndexSchemas = new HashSet<>();
    private final Map<QualifiedName, TableFacts> tables = new HashMap<>();
    /** The last {@link TableFacts#rowsStamp} given. */
    private int rowsStamps;
    /** The last {@link Entry#made} given. */
    private int made;
    /**
     * The slots that may use a column, per table and column: every slot not known absent whose columns are
     * known, under each of them. A column's drop or rename visits only these, so a revision of many column
     * statements on one table stays linear.
     */
    private final SetIndex<ColumnOf, Slot> usersOf = new SetIndex<>(false);
    /** Present constraints, indexes and other keys whose columns are not known, per table. */
    private final SetIndex<QualifiedName, Slot> usersUnknown = new SetIndex<>(false);
    /** What {@link #usersOf} or {@link #usersUnknown} holds each slot under. */
    private final Map<Slot, Use> uses = new HashMap<>();
    /**
     * Per table, its present primary keys, and its unknown constraints that may be one (of a kind not known or
     * a primary key's): {@link #primaryKey} reads these, never the table's columns, so a revision of many
     * column drops on one table stays linear.
     */
    private final SetIndex<QualifiedName, Slot> primaryKeys = new SetIndex<>(false);
    private final SetIndex<QualifiedName, Slot> maybePrimaryKeys = new SetIndex<>(false);

    /**
     * Sets of values under keys, no key with an empty set. A copy ({@link #share}) shares the sets with the index
     * it copies until either side writes one: that side then writes a copy of its own, so a fork of a large state
     * copies the keys and no set ({@link Replay} forks the state at each branch point of a tree).
     */
    private static final class SetIndex<K, V> {
        /** A set of the index, and the writer that may change it in place: its maker, until the index is shared. */
        private record Bucket<V>(Set<V> values, Object owner) {
        }

        /**
         * Sets in the order their values came, else hash sets. A filed index ({@link #filed}) is linked: its values
         * are a superset of those that belong there, which a {@link #read} checks and keeps, so a write only adds.
         */
        private final boolean linked;
        private final Map<K, Bucket<V>> byKey = new HashMap<>();
        /** This index as a writer: a share makes both sides new writers, so that neither changes a shared set. */
        private Object writer = new Object();

        SetIndex(boolean linked) {
            this.linked = linked;
        }

        /**
         * Values filed under keys, a superset of those that belong there: a read keeps the ones a check finds still
         * there and drops the rest. What a drop or rename of one table reads is then what was filed under it, never
         * every table or entry the state holds.
         */
        static <K, V> SetIndex<K, V> filed() {
            return new SetIndex<>(true);
        }

        /** The values filed under {@code key} that {@code there} still holds for, in the order filed. */
        List<V> read(K key, Predicate<V> there) {
            Set<V> values = get(key);
            if (values == null) {
                return List.of();
            }
            List<V> kept = new ArrayList<>(values.size());
            for (V v : values) {
                if (there.test(v)) {
                    kept.add(v);
                }
            }
            if (kept.size() < values.size()) {
                keep(key, kept);
            }
            return kept;
        }

        /** The set under {@code key}, or null; not to be changed. */
        Set<V> get(K key) {
            Bucket<V> b = byKey.get(key);
            return b == null ? null : b.values();
        }

        boolean containsKey(K key) {
            return byKey.containsKey(key);
        }

        boolean isEmpty() {
            return byKey.isEmpty();
        }

        Set<K> keySet() {
            return byKey.keySet();
        }

        void add(K key, V value) {
            Bucket<V> b = byKey.get(key);
            if (b == null) {
                Set<V> values = linked ? new LinkedHashSet<>() : new HashSet<>();
                values.add(value);
                byKey.put(key, new Bucket<>(values, writer));
            } else if (b.owner() == writer) {
                b.values().add(value);
            } else if (!b.values().contains(value)) {
                writable(key, b).add(value);
            }
        }

        void remove(K key, V value) {
            Bucket<V> b = byKey.get(key);
            if (b == null || !b.values().contains(value)) {
                return;
            }
            if (b.values().size() == 1) {
                byKey.remove(key);
            } else {
                writable(key, b).remove(value);
            }
        }

        /** Keeps under {@code key} only {@code values} (in their order), a part of what it holds. */
        void keep(K key, List<V> values) {
            if (values.isEmpty()) {
                byKey.remove(key);
            } else {
                byKey.put(key, new Bucket<>(linked ? new LinkedHashSet<>(values) : new HashSet<>(values), writer));
            }
        }

        void clear() {
            byKey.clear();
        }

        /**
         * Holds what {@code other} holds (this index empty before, {@code other} of the same keys and values), sharing
         * each set until either side writes it.
         */
        @SuppressWarnings("unchecked")
        void share(SetIndex<?, ?> other) {
            SetIndex<K, V> o = (SetIndex<K, V>) other;
            byKey.putAll(o.byKey);
            o.writer = new Object();
        }

        /** The set under {@code key}, held in {@code b}, as one this index may change. */
        private Set<V> writable(K key, Bucket<V> b) {
            if (b.owner() == writer) {
                return b.values();
            }
            Set<V> values = linked ? new LinkedHashSet<>(b.values()) : new HashSet<>(b.values());
            byKey.put(key, new Bucket<>(values, writer));
            return values;
        }
    }

    /** Per table, the tables whose {@link TableFacts#references} may refer to it (read through {@link #referrers}). */
    private final SetIndex<QualifiedName, QualifiedName> referrers = SetIndex.filed();
    /** Per table, the slots whose entry's {@link Entry#referred} may be it. */
    private final SetIndex<QualifiedName, Slot> referringKeys = SetIndex.filed();
    /** Per sequence, the column slots whose entry's {@link Entry#borrowed} may be it. */
    private final SetIndex<QualifiedName, Slot> borrowers = SetIndex.filed();
    /**
     * Per table, the tables made {@code LIKE} it whose column defaults may be copies of its own where the state
     * knows not which ({@link #copyColumns}): a default among them may use a sequence the table owns.
     */
    private final SetIndex<QualifiedName, QualifiedName> defaultCopies = SetIndex.filed();
    /**
     * Per table, its constraint slots filed when put or set present: what the drop of a table its foreign keys
     * refer to makes unknown ({@link #dropReferences}), without reading the table's columns.
     */
    private final SetIndex<QualifiedName, Slot> constraintsOf = SetIndex.filed();
    /** The tables of {@link #tables} by lower-cased name, for forgetting what opaque code names. */
    private final SetIndex<String, QualifiedName> factsByName = SetIndex.filed();
    /**
     * Column slots not known absent by their type, and under null present ones of no known type: what {@code
     * DROP TYPE ... CASCADE} reaches ({@link #columnsOfType}). A column is filed when put, when it leaves
     * absence and when it loses its type.
     */
    private final SetIndex<String, Slot> columnsByType = SetIndex.filed();
    /**
     * Column slots put with a type of no built-in family (a user type), whatever their presence since: what a
     * type renamed under a name not read forgets the type of ({@link #forgetKind}), which empties it.
     */
    private final Set<Slot> userTyped = new LinkedHashSet<>();
    /** The indexes of slots and tables above, in step with the entries: a copy shares each, a forget of everything clears each. */
    private final List<SetIndex<?, ?>> indexes = List.of(childrenOf, ownedBy, byName, ownedTables, usersOf, usersUnknown,
            primaryKeys, maybePrimaryKeys, referrers, referringKeys, borrowers, defaultCopies, constraintsOf, factsByName,
            columnsByType);

    /** The tables and columns under which a slot is indexed; columns null: not known. */
    private record Use(List<QualifiedName> tables, List<String> columns) {
    }

    /**
     * A column of a table, as {@link #usersOf} files the slots that use it; its hash computed once, as a copy of the
     * state ({@link #copy}) files every key again.
     */
    private static final class ColumnOf {
        private final QualifiedName table;
        private final String column;
        private final int hash;

        ColumnOf(QualifiedName table, String column) {
            this.table = table;
            this.column = column;
            this.hash = table.hashCode() * 31 + column.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof ColumnOf c && hash == c.hash && column.equals(c.column)
                    && table.equals(c.table);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    private SchemaState(String currentSchema, List<String> searchPath, Presence baseline) {
        this.currentSchema = currentSchema;
        this.searchPath = List.copyOf(searchPath);
        this.baseline = baseline;
    }

    /**
     * An independent copy: what is applied to either leaves the other as it was. A driver forks the state of a
     * revision with several children so that each child's branch starts from it ({@link Replay}). The entries and
     * the sets of the slot indexes are shared until either side uses one ({@link #entry}, {@link SetIndex}), so a
     * fork costs a pass over the keys, not a copy of every object the state holds.
     */
    SchemaState copy() {
        SchemaState c = new SchemaState(currentSchema, searchPath, baseline);
        c.makesLeftOut = makesLeftOut;
        c.keyIsIndex = keyIsIndex;
        // the entries are shared until either side uses one: neither is then this state's or the copy's to change
        c.entries.putAll(entries);
        writer = new Object();
        for (int i = 0; i < indexes.size(); i++) {
            c.indexes.get(i).share(indexes.get(i));
        }
        c.ownerUnknown.addAll(ownerUnknown);
        c.columnsDefault.putAll(columnsDefault);
        c.keysDefault.putAll(keysDefault);
        c.temporaries.addAll(temporaries);
        c.forgottenNames.addAll(forgottenNames);
        c.forgottenScopes.addAll(forgottenScopes);
        c.changed = changed.copy();
        changedOn.forEach((table, j) -> c.changedOn.put(table, j.copy()));
        c.walkWhole = walkWhole;
        c.madeNow = madeNow;
        c.createdOver = createdOver;
        c.maker = maker;
        c.makersForgotten = makersForgotten;
        c.kept = kept;
        c.scopeDoubts.putAll(scopeDoubts);
        c.unnamedIndexSchemas.addAll(unnamedIndexSchemas);
        tables.forEach((table, f) -> c.tables.put(table, f.copy()));
        c.rowsStamps = rowsStamps;
        c.made = made;
        c.uses.putAll(uses);
        c.userTyped.addAll(userTyped);
        return c;
    }

    /** A state of which nothing is known: names are unqualified, there is no search path. */
    public static SchemaState unknown() {
        return new SchemaState(null, List.of(), Presence.UNKNOWN);
    }

    /**
     * A state of which nothing is known ({@link #unknown()}), on a server where a unique key is the index of its
     * name when {@code uniqueKeyIsIndex} ({@code ServerFacts#uniqueKeyIsIndex}).
     */
    public static SchemaState unknown(boolean uniqueKeyIsIndex) {
        SchemaState s = unknown();
        s.keyIsIndex = uniqueKeyIsIndex;
        return s;
    }

    /** Whether the state holds a unique key and its index as one object ({@link #unknown(boolean)}). */
    public boolean uniqueKeyIsIndex() {
        return keyIsIndex;
    }

    /**
     * The schema a catalog snapshot holds ({@link #of(Catalog)}) on a server where a unique key is the index of its
     * name when {@code uniqueKeyIsIndex}: the effects applied to it follow that identity; the snapshot's own keys are
     * read in as PostgreSQL holds them (a snapshot of no keys, as {@link Replay} starts from, has none to read).
     */
    static SchemaState of(Catalog c, boolean uniqueKeyIsIndex) {
        SchemaState s = of(c);
        s.keyIsIndex = uniqueKeyIsIndex;
        return s;
    }

    /** The schema a catalog snapshot holds: every object known, what it lacks absent. */
    public static SchemaState of(Catalog c) {
        SchemaState s = new SchemaState(c.currentSchema(), c.searchPath(), Presence.ABSENT);
        c.schemas().forEach(schema -> s.putPresent(ObjectRef.of(ObjectKind.SCHEMA, QualifiedName.of(schema))));
        Map<QualifiedName, List<String>> indexColumns = new HashMap<>();
        for (Catalog.Index i : c.indexes()) {
            indexColumns.put(QualifiedName.of(i.schema(), i.name()), i.columns());
        }
        for (Catalog.Relation r : c.relations()) {
            Entry e = new Entry(Presence.PRESENT, relationKind(r.kind()));
            e.relkind = r.kind();
            s.put(new Slot(RELATION, null, QualifiedName.of(r.schema(), r.name())), e);
        }
        for (Catalog.Index i : c.indexes()) {
            QualifiedName name = QualifiedName.of(i.schema(), i.name());
            QualifiedName table = QualifiedName.of(i.schema(), i.table());
            Entry e = s.entries.get(new Slot(RELATION, null, name));
            e = e != null ? e : index(Presence.PRESENT, table);
            e.owner = table;
            e.unique = i.unique();
            e.columns = i.columns() == null ? null : frozen(i.columns());
            s.put(new Slot(RELATION, null, name), e);
            if (i.unique()) {
                TableFacts t = s.facts(table);
                if (i.columns() == null) {
                    t.uniqueKeys = null;
                } else if (t.uniqueKeys != null) {
                    t.uniqueKeys.add(i.columns());
                }
            }
        }
        for (Catalog.Column col : c.columns()) {
            QualifiedName table = QualifiedName.of(col.schema(), col.table());
            Entry e = new Entry(Presence.PRESENT, ObjectKind.COLUMN);
            e.columnType = col.type();
            e.notNull = col.notNull();
            // the catalog marks an identity column "identity" and a generated one "generated" in place of a default
            boolean identity = "identity".equals(col.defaultExpr());
            boolean generated = "generated".equals(col.defaultExpr());
            e.identity = identity ? Presence.PRESENT : Presence.ABSENT;
            e.hasDefault = generated ? Presence.UNKNOWN
                    : col.defaultExpr() == null || identity ? Presence.ABSENT : Presence.PRESENT;
            s.put(slot(ObjectRef.in(ObjectKind.COLUMN, table, col.name())), e);
            if (col.ownedSequence() != null) {
                s.ownedSequence(table, col, e, identity);
            }
            if (col.notNull() && col.defaultExpr() == null) {
                s.facts(table).required.add(col.name());
            }
        }
        for (Catalog.Constraint k : c.constraints()) {
            QualifiedName table = QualifiedName.of(k.schema(), k.table());
            Entry e = new Entry(Presence.PRESENT, ObjectKind.CONSTRAINT);
            e.constraintKind = constraintKind(k.type());
            // a key constraint's columns are its index's
            List<String> keyColumns = indexColumns.get(QualifiedName.of(k.schema(), k.name()));
            e.columns = e.constraintKind.indexBacked() && keyColumns != null ? frozen(keyColumns) : null;
            s.put(slot(ObjectRef.in(ObjectKind.CONSTRAINT, table, k.name())), e);
            if (e.constraintKind == ConstraintKind.PRIMARY_KEY) {
                s.facts(table).primaryKey = Presence.PRESENT;
            }
        }
        for (Catalog.ForeignKey k : c.foreignKeys()) {
            Slot fk = slot(ObjectRef.in(ObjectKind.CONSTRAINT, QualifiedName.of(k.schema(), k.table()), k.name()));
            Entry e = s.entries.get(fk);
            if (e != null && e.constraintKind == ConstraintKind.FOREIGN_KEY) {
                s.setColumns(fk, e, frozen(k.columns()));
                e.referred = QualifiedName.of(k.referredSchema(), k.referredTable());
                s.referringKeys.add(e.referred, fk);
            }
        }
        for (Catalog.Type t : c.types()) {
            Entry e = new Entry(Presence.PRESENT, t.kind() == 'd' ? ObjectKind.DOMAIN : ObjectKind.TYPE);
            e.labels = t.kind() == 'e' ? frozen(t.labels()) : null;
            s.put(new Slot(TYPE, null, QualifiedName.of(t.schema(), t.name())), e);
        }
        for (Catalog.Routine r : c.routines()) {
            s.putPresent(ObjectRef.of(r.kind() == 'p' ? ObjectKind.PROCEDURE : r.kind() == 'a' ? ObjectKind.AGGREGATE
                    : ObjectKind.FUNCTION, QualifiedName.of(r.schema(), r.name())));
        }
        c.triggers().forEach(t -> s.putPresent(ObjectRef.in(ObjectKind.TRIGGER, QualifiedName.of(t.schema(), t.table()),
                t.name())));
        c.policies().forEach(p -> s.putPresent(ObjectRef.in(ObjectKind.POLICY, QualifiedName.of(p.schema(), p.table()),
                p.name())));
        c.extensions().forEach(e -> s.putPresent(ObjectRef.of(ObjectKind.EXTENSION, QualifiedName.of(e.name()))));
        c.roles().forEach(role -> s.putPresent(ObjectRef.of(ObjectKind.ROLE, QualifiedName.of(role))));
        return s;
    }

    /** {@code ref} present, as a catalog lists it, with nothing else known of it. */
    private void putPresent(ObjectRef ref) {
        put(slot(ref), new Entry(Presence.PRESENT, ref.kind()));
    }

    /**
     * A catalog column's owned sequence (a serial's, an identity's, or one {@code OWNED BY} it): it goes with
     * the column and its table. An identity column needs its sequence; another column's default uses it when
     * the default is {@code nextval} of it, as {@code pg_get_expr} prints that ({@code
     * nextval('t_id_seq'::regclass)}, qualified when its schema is not on the search path).
     */
    private void ownedSequence(QualifiedName table, Catalog.Column col, Entry column, boolean identity) {
        Slot ss = new Slot(RELATION, null, QualifiedName.of(col.schema(), col.ownedSequence()));
        Entry seq = entry(ss);
        if (seq == null || seq.presence != Presence.PRESENT) {
            return;
        }
        remove(ss);
        seq.owner = table;
        seq.columns = frozen(List.of(col.name()));
        seq.neededByIdentity = identity;
        seq.serial = !identity;
        put(ss, seq);
        if (identity) {
            column.identitySequence = ss.name();
            column.serialDefault = Presence.ABSENT;
        } else if (col.defaultExpr() == null) {
            column.serialDefault = Presence.ABSENT;
        } else {
            String n = regclass(col.ownedSequence());
            column.serialDefault = col.defaultExpr().equals("nextval('" + n + "'::regclass)")
                    || col.defaultExpr().equals("nextval('" + String.join(".", regclass(col.schema()), n) + "'::regclass)")
                    ? Presence.PRESENT : Presence.UNKNOWN;
        }
    }

    /** An identifier as a {@code regclass} prints it: bare when it needs no quotes (a key word not told apart). */
    private static String regclass(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * Kinds a catalog snapshot ({@link #of(Catalog)}) lists whole, so that one it lacks is absent; the
     * presence of objects of other kinds (rules, operators, text search objects...) is not read.
     */
    public static boolean catalogKind(ObjectKind kind) {
        return CATALOG_KINDS.contains(kind);
    }

    private static final Set<ObjectKind> CATALOG_KINDS = EnumSet.of(ObjectKind.TABLE, ObjectKind.VIEW,
            ObjectKind.MATERIALIZED_VIEW, ObjectKind.SEQUENCE, ObjectKind.INDEX, ObjectKind.COLUMN, ObjectKind.CONSTRAINT,
            ObjectKind.TRIGGER, ObjectKind.POLICY, ObjectKind.TYPE, ObjectKind.DOMAIN, ObjectKind.FUNCTION,
            ObjectKind.PROCEDURE, ObjectKind.AGGREGATE, ObjectKind.SCHEMA, ObjectKind.EXTENSION, ObjectKind.ROLE);

    private static ObjectKind relationKind(char relkind) {
        return switch (relkind) {
            case 'r', 'p' -> ObjectKind.TABLE;
            case 'v' -> ObjectKind.VIEW;
            case 'm' -> ObjectKind.MATERIALIZED_VIEW;
            case 'S' -> ObjectKind.SEQUENCE;
            case 'i', 'I' -> ObjectKind.INDEX;
            case 'f' -> ObjectKind.FOREIGN_TABLE;
            default -> ObjectKind.OTHER;
        };
    }

    private static ConstraintKind constraintKind(char contype) {
        return switch (contype) {
            case 'p' -> ConstraintKind.PRIMARY_KEY;
            case 'u' -> ConstraintKind.UNIQUE;
            case 'f' -> ConstraintKind.FOREIGN_KEY;
            case 'c' -> ConstraintKind.CHECK;
            case 'x' -> ConstraintKind.EXCLUDE;
            default -> ConstraintKind.UNKNOWN;
        };
    }

    // ---- one object for a unique key and its index ----

    /**
     * {@code effect} on the object it acts on here ({@link #identity(ObjectRef, ConstraintKind)}): where a unique
     * key is its index, making a unique key makes that index (unique), and dropping a constraint the state holds as
     * an index drops that index. Other effects as they are (the same instance).
     */
    private Effect identity(Effect effect) {
        if (!keyIsIndex) {
            return effect;
        }
        if (effect instanceof Create c && c.object().kind() == ObjectKind.CONSTRAINT) {
            ObjectRef o = identity(c.object(), c.shape().constraintKind());
            Shape sh = c.shape();
            return o == c.object() ? effect : new Create(o, c.tolerant(), new Shape(sh.columnType(), sh.constraintKind(),
                    true, sh.columns(), sh.labels(), sh.owner(), sh.postgresNamed(), sh.relkind(), sh.temporary(),
                    sh.references()));
        }
        if (effect instanceof Drop d && d.object().kind() == ObjectKind.CONSTRAINT) {
            ObjectRef o = identity(d.object(), null);
            return o == d.object() ? effect : new Drop(o, d.ifExists(), d.cascade());
        }
        return effect;
    }

    /**
     * Whether {@code ref} is the index {@code PRIMARY} of a known table where a unique key is its index ({@link
     * #keyIsIndex}: MySQL, MariaDB): the table's primary key, whatever the key was called when made. {@code DROP
     * INDEX `PRIMARY`} drops it, and a second one, with no primary key left, fails 1091 (MariaDB 10.11:
     * MysqlFactsTableTest).
     */
    private boolean primaryIndex(ObjectRef ref) {
        return keyIsIndex && ref.kind() == ObjectKind.INDEX && ref.table() != null
                && "PRIMARY".equalsIgnoreCase(ref.name().name());
    }

    /**
     * A drop of the index {@code PRIMARY} ({@link #primaryIndex}): the table is looked up first (1146 when it is
     * gone), then its primary key, which is gone after; the conflict is the index's when the state knows there is
     * none.
     */
    private Conflict dropPrimaryIndex(Drop d) {
        ObjectRef o = d.object();
        ObjectRef table = ObjectRef.table(o.table());
        if (presence(table) == Presence.ABSENT) {
            return new Conflict(table, PostgresFacts.tableMissing(), false);
        }
        Presence now = primaryKey(o.table());
        applyPrimaryKey(new Effect.PrimaryKey(o.table(), Presence.ABSENT));
        return now == Presence.ABSENT && !d.ifExists() ? new Conflict(o, PostgresFacts.dropMissing(ObjectKind.INDEX), false)
                : null;
    }

    /**
     * After a foreign key {@code key} is made where a unique key is its index ({@link #keyIsIndex}: InnoDB): the
     * server makes an index of the key's name on its columns when no index of the table has them as its first
     * columns, and drops that index again when a later index has (MariaDB 10.11: MysqlFactsTableTest). Which
     * indexes serve is not followed here, so an index of that name not known present is unknown: a later {@code
     * DROP KEY} of it, or an index made under its name, claims nothing.
     */
    private void foreignKeyIndex(ObjectRef key) {
        ObjectRef index = new ObjectRef(ObjectKind.INDEX, key.name(), key.table());
        Slot s = slot(index);
        Entry e = entry(s);
        if (e != null && e.presence == Presence.PRESENT && key.table().equals(e.owner)) {
            return;
        }
        put(s, index(Presence.UNKNOWN, key.table()));
    }

    /** An index of {@code table} (null: not known), nothing else known of it. */
    private static Entry index(Presence p, QualifiedName table) {
        Entry e = new Entry(p, ObjectKind.INDEX);
        e.relkind = 'i';
        e.owner = table;
        return e;
    }

    /**
     * The object {@code ref} names in this state. Where a unique key is the index of its name on its table (MySQL,
     * MariaDB: {@link #keyIsIndex}) a constraint that is a unique key is that index: one made as one ({@code made}
     * is {@link ConstraintKind#UNIQUE}), or one of a kind not given where the state holds an index of its name on its
     * table, and no constraint of another kind under the name (a foreign key, a check: their names are their own).
     * Other refs as they are (the same instance).
     */
    private ObjectRef identity(ObjectRef ref, ConstraintKind made) {
        if (!keyIsIndex || ref.kind() != ObjectKind.CONSTRAINT) {
            return ref;
        }
        ObjectRef index = new ObjectRef(ObjectKind.INDEX, ref.name(), ref.table());
        if (made != null) {
            return made == ConstraintKind.UNIQUE ? index : ref;
        }
        Entry c = entries.get(slot(ref));
        if (c != null && !kindUnknown(c)) {
            return ref;
        }
        Entry ix = entries.get(slot(index));
        return ix != null && ix.kind == ObjectKind.INDEX && ref.table().equals(ix.owner) ? index : ref;
    }

    /**
     * Where a unique key is the index of its name ({@link #keyIsIndex}), the other form of the object a drop of
     * {@code ref} may take: for an index of a known table, the constraint of its name on that table; for a constraint
     * (whose kind a drop may not say), the index of its name. Null for other refs and an index of a table not known.
     */
    static Slot keyOrIndex(ObjectRef ref) {
        if (ref.kind() == ObjectKind.CONSTRAINT) {
            return slot(new ObjectRef(ObjectKind.INDEX, ref.name(), ref.table()));
        }
        return ref.kind() != ObjectKind.INDEX || ref.table() == null ? null
                : slot(ObjectRef.in(ObjectKind.CONSTRAINT, ref.table(), ref.name().name()));
    }

    private static ObjectRef object(Effect e) {
        return e instanceof Create c ? c.object() : ((Drop) e).object();
    }

    // ---- namespaces ----

    /** The namespace a kind's names live in. */
    static String namespace(ObjectKind kind) {
        return switch (kind) {
            case TABLE, VIEW, MATERIALIZED_VIEW, INDEX, SEQUENCE, FOREIGN_TABLE -> RELATION;
            case TYPE, DOMAIN -> TYPE;
            case FUNCTION, PROCEDURE, AGGREGATE -> ROUTINE;
            default -> kind.name();
        };
    }

    /**
     * The place {@code ref} takes in its namespace: the identity of an object, so a table and an index, a type
     * and a domain, a function and a procedure of one name are one object.
     */
    public static Slot slot(ObjectRef ref) {
        return new Slot(namespace(ref.kind()), ObjectRef.tableScoped(ref.kind()) ? ref.table() : null, ref.name());
    }

    /** Relation kinds that have columns, keys, triggers and indexes, which their drop takes along. */
    static boolean tableLike(ObjectKind kind) {
        return kind == ObjectKind.TABLE || kind == ObjectKind.VIEW || kind == ObjectKind.MATERIALIZED_VIEW
                || kind == ObjectKind.FOREIGN_TABLE;
    }

    /** Kinds a {@code DROP COLUMN} takes along when they use the column: keys and indexes. */
    static boolean droppedWithColumn(ObjectKind kind) {
        return kind == ObjectKind.CONSTRAINT || kind == ObjectKind.INDEX;
    }

    private static boolean tableLike(Entry e) {
        return e != null && (e.relkind != 0 ? TABLE_LIKE.indexOf(e.relkind) >= 0 : tableLike(e.kind));
    }

    public String currentSchema() {
        return currentSchema;
    }

    /** The first schema of the search path holding a relation named {@code name} (or maybe holding one), or null. */
    public String relationSchema(String name) {
        return searched(RELATION, name);
    }

    /** The first schema of the search path holding a type named {@code name} (or maybe holding one), or null. */
    public String typeSchema(String name) {
        return searched(TYPE, name);
    }

    private String searched(String namespace, String name) {
        for (String s : searchPath) {
            Entry e = entry(new Slot(namespace, null, QualifiedName.of(s, name)));
            if (e != null ? e.presence != Presence.ABSENT : forgottenScopes.contains(new Scope(namespace, null))) {
                return s;
            }
        }
        return null;
    }

    // ---- presence ----

    /**
     * Whether a column is an identity column, as far as this state knows (from the catalog it was seeded
     * with, the type it was created with, and the statements applied since).
     */
    public Presence identityOf(ObjectRef column) {
        Entry e = entry(slot(column));
        if (e == null || presence(column) != Presence.PRESENT) {
            return Presence.UNKNOWN;
        }
        return e.identity;
    }

    /**
     * True when column {@code column} is known to take its values from its own counter: made serial (PostgreSQL's
     * owned sequence behind its default; on MySQL and MariaDB the AUTO_INCREMENT SQLAlchemy renders for the same
     * column) and its default not changed since.
     */
    public boolean knownSerial(ObjectRef column) {
        Entry e = entry(slot(column));
        return e != null && e.presence == Presence.PRESENT && e.hasDefault != Presence.ABSENT
                && e.serialDefault == Presence.PRESENT;
    }

    /** True when column {@code column} is known NOT NULL (made serial, or so in the catalog, and not altered since). */
    public boolean knownNotNull(ObjectRef column) {
        Entry e = entry(slot(column));
        return e != null && e.presence == Presence.PRESENT && e.notNull;
    }

    /** True when column {@code column} is known NOT NULL without a default (a catalog-seeded fact). */
    public boolean knownRequired(ObjectRef column) {
        TableFacts f = tables.get(column.table());
        return f != null && f.required != null && f.required.contains(column.name().name());
    }

    /**
     * Whether code the analyzer could not read may have made an object of {@code kind} (one whose names are not a
     * table's) under a name no effect wrote: the state forgot the kind's namespace or everything, or forgot names
     * such code wrote (which may be of any kind). Without them, what {@link #presence} says of such a name.
     */
    public boolean mayHoldUnwritten(ObjectKind kind) {
        if (baseline == Presence.ABSENT && forgottenNames.isEmpty() && forgottenScopes.isEmpty()) {
            return false;
        }
        return baseline != Presence.ABSENT || !forgottenNames.isEmpty()
                || forgottenScopes.contains(new Scope(namespace(kind), null));
    }

    /**
     * Takes {@code table}, held absent, as in the schema the chain started with, made by no one the tree names:
     * its columns and keys are not known, and only code that may have made them ({@link Forget.Reach#MAKES}) is
     * why (a rename of one of its columns makes the new name; nothing here may have taken one).
     */
    void assumeTable(QualifiedName table) {
        Maker m = maker;
        maker = null;
        apply(new Create(ObjectRef.table(table), false));
        maker = m;
        // made just now, it has no entries of its own; what it holds takes no other table's objects
        TableFacts f = facts(table);
        f.childrenDoubt = Forget.Reach.MAKES;
        reachNow = Forget.Reach.MAKES;
        try {
            columnsDefault(table, Presence.UNKNOWN);
            keysDefault(table, Presence.UNKNOWN);
        } finally {
            reachNow = null;
        }
        f.madeHere = false;
        f.required = null;
        f.uniqueKeys = null;
        f.primaryKey = null;
    }

    /**
     * Names the operation whose effects are applied next, and how surely it runs ({@link Sureness}): what those
     * effects make, or may make, records it as its {@link #creator}. Null: the effects that follow have no maker.
     */
    public void madeBy(Maker m) {
        maker = m;
    }

    /**
     * Who made {@code ref} under its name, and how surely: for an object held {@link Presence#PRESENT}, the
     * operation that made it or renamed it into place; for one held {@link Presence#UNKNOWN}, the operation that
     * made it before it became unknown, or the one that may have made it ({@link Sureness#CONDITIONAL}). Null when
     * it is absent or no driver named its maker (an object of a catalog).
     */
    public Maker creator(ObjectRef ref) {
        ref = identity(ref, null);
        Slot s = slot(ref);
        Entry e = entries.get(s);
        Presence p = presence(ref);
        if (p == Presence.ABSENT || e != null && e.presence == Presence.ABSENT) {
            return null;
        }
        Maker m = e == null ? null : e.maker;
        return m == null && p == Presence.UNKNOWN ? makersForgotten.get(s) : m;
    }

    /**
     * Why {@code ref}'s presence is {@link Presence#UNKNOWN}: code that may have made it ({@link Forget.Reach#MAKES}),
     * taken it ({@link Forget.Reach#TAKES}), or either or a cause not recorded ({@link Forget.Reach#MAKES_OR_TAKES});
     * null when its presence is known.
     */
    public Forget.Reach doubt(ObjectRef ref) {
        if (presence(ref) != Presence.UNKNOWN) {
            return null;
        }
        ref = identity(ref, null);
        Slot s = slot(ref);
        Entry e = entries.get(s);
        if (e != null && e.presence == Presence.UNKNOWN) {
            return e.doubt == null ? Forget.Reach.MAKES_OR_TAKES : e.doubt;
        }
        if (e == null && baseline == Presence.ABSENT && forgottenNames.isEmpty()
                && forgottenScopes.contains(new Scope(s.namespace(), null))) {
            return scopeDoubts.getOrDefault(s.namespace(), Forget.Reach.MAKES_OR_TAKES);
        }
        TableFacts f = e == null && s.table() != null ? tables.get(s.table()) : null;
        if (f != null && f.childrenDoubt != null && forgottenNames.isEmpty() && forgottenScopes.isEmpty()) {
            return f.childrenDoubt;
        }
        return Forget.Reach.MAKES_OR_TAKES;
    }

    /** Whether {@code ref} exists now. */
    public Presence presence(ObjectRef ref) {
        if (primaryIndex(ref)) {
            return presence(ObjectRef.table(ref.table())) == Presence.ABSENT ? Presence.ABSENT : primaryKey(ref.table());
        }
        ref = identity(ref, null);
        Slot s = slot(ref);
        Entry e = entry(s);
        Presence p = e != null ? e.presence : implicit(ref, s);
        if (p == Presence.ABSENT && postgresMayHaveNamed(ref)) {
            return Presence.UNKNOWN;
        }
        return p;
    }

    private Presence implicit(ObjectRef ref, Slot s) {
        if (!forgottenNames.isEmpty() && (forgottenNames.contains(lower(ref.name().name()))
                || s.table() != null && forgottenNames.contains(lower(s.table().name())))) {
            return Presence.UNKNOWN;
        }
        if (s.table() != null) {
            Presence d = (ref.kind() == ObjectKind.COLUMN ? columnsDefault : keysDefault).get(ref.table());
            if (d != null) {
                return d;
            }
        }
        if (!forgottenScopes.isEmpty() && (forgottenScopes.contains(new Scope(s.namespace(), null))
                || s.table() != null && forgottenScopes.contains(new Scope(s.namespace(), s.table())))) {
            return Presence.UNKNOWN;
        }
        if (s.namespace().equals(TYPE)) {
            // a table's row type has the table's name
            Entry rel = entry(new Slot(RELATION, null, ref.name()));
            if (rel != null && tableLike(rel) && rel.presence != Presence.ABSENT) {
                return rel.presence;
            }
        }
        return baseline;
    }

    /** The presence of the {@code kind} objects of {@code table} that no entry speaks of. */
    private Presence unnamed(ObjectKind kind, QualifiedName table) {
        ObjectRef any = ObjectRef.in(kind, table, "");
        return implicit(any, slot(any));
    }

    /**
     * {@code ref} as the state holds it: an index (or any relation asked as one) with the table it is on
     * now, null when that is not known; other refs as they are.
     */
    public ObjectRef held(ObjectRef ref) {
        if (ref.kind() != ObjectKind.INDEX) {
            return ref;
        }
        Entry e = entry(slot(ref));
        return new ObjectRef(ref.kind(), ref.name(), e == null || e.presence != Presence.PRESENT ? null : e.owner);
    }

    /**
     * Whether {@code ref}, known absent, may be a name the server chose itself for an unnamed constraint of
     * its table ({@code players_team_id_fkey} on PostgreSQL, {@code players_ibfk_2} on MySQL and MariaDB) or
     * index of its schema ({@code players_name_idx1}).
     */
    private boolean postgresMayHaveNamed(ObjectRef ref) {
        if (ref.kind() == ObjectKind.CONSTRAINT) {
            TableFacts t = tables.get(ref.table());
            return t != null && t.unnamedConstraints
                    && (defaultName(ref.name().name(), ref.table().name(), "(fkey|key|check|excl|pkey)")
                            || ref.name().name().matches("(?i)" + Pattern.quote(ref.table().name()) + "_ibfk_\\d+"));
        }
        return ref.kind() == ObjectKind.INDEX && unnamedIndexSchemas.contains(ref.name().schema())
                && defaultName(ref.name().name(), null, "(idx|key|pkey|excl)");
    }

    private static boolean defaultName(String name, String table, String suffixes) {
        return name.matches("(?i)" + (table == null ? "[^.]+" : Pattern.quote(table)) + "(_.+)?_" + suffixes + "\\d*");
    }

    /**
     * Whether {@code table} has a foreign key over {@code columns} (in order; column names compared as MySQL
     * does, without case) that refers to {@code referred} (a null schema matches any), whatever its name:
     * how a key the server named itself is found ({@code <table>_ibfk_<n>} on MySQL and MariaDB, the next
     * free n). {@link Presence#PRESENT} when a present key matches; {@link Presence#ABSENT} when the table is
     * absent, or when every constraint of it is known, with what it joins, and none matches;
     * {@link Presence#UNKNOWN} otherwise.
     */
    public Presence foreignKey(QualifiedName table, List<String> columns, QualifiedName referred) {
        Presence t = presence(ObjectRef.table(table));
        if (t == Presence.ABSENT) {
            return Presence.ABSENT;
        }
        boolean unsure = t == Presence.UNKNOWN;
        for (Slot s : copy(childrenOf.get(table))) {
            Entry e = entry(s);
            if (e == null || !s.namespace().equals(ObjectKind.CONSTRAINT.name()) || e.presence == Presence.ABSENT) {
                continue;
            }
            if (e.presence == Presence.UNKNOWN || kindUnknown(e)) {
                unsure = true;
            } else if (e.constraintKind == ConstraintKind.FOREIGN_KEY) {
                if (e.columns == null || e.referred == null) {
                    unsure = true;
                } else if (sameColumns(e.columns, columns) && e.referred.name().equals(referred.name())
                        && (referred.schema() == null || referred.schema().equals(e.referred.schema()))) {
                    return Presence.PRESENT;
                }
            }
        }
        TableFacts f = tables.get(table);
        if (unsure || f != null && f.unnamedConstraints
                || unnamed(ObjectKind.CONSTRAINT, table) != Presence.ABSENT) {
            return Presence.UNKNOWN;
        }
        return Presence.ABSENT;
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** PostgreSQL named a constraint of {@code table} itself: default-looking names there are no longer certain. */
    public void markUnnamedConstraint(QualifiedName table) {
        facts(table).unnamedConstraints = true;
    }

    /** PostgreSQL named an index in {@code schema} itself. */
    public void markUnnamedIndex(String schema) {
        unnamedIndexSchemas.add(schema);
    }

    /**
     * Whether {@code table} has a primary key, whatever it is called: a table has at most one (a second
     * fails with {@code 42P16}), so dropping the one it has frees the place for a key of any name.
     */
    public Presence primaryKey(QualifiedName table) {
        if (primaryKeys.containsKey(table)) {
            return Presence.PRESENT;
        }
        TableFacts f = tables.get(table);
        if (f != null && f.primaryKey != null) {
            return f.primaryKey;
        }
        // as the constraints no entry speaks of, unless an entry that may be a primary key is not known
        if (unnamed(ObjectKind.CONSTRAINT, table) != Presence.ABSENT) {
            return Presence.UNKNOWN;
        }
        return maybePrimaryKeys.containsKey(table) ? Presence.UNKNOWN : Presence.ABSENT;
    }

    private static boolean knownOtherThanPrimary(Entry e) {
        return !kindUnknown(e) && e.constraintKind != ConstraintKind.PRIMARY_KEY;
    }

    /** The table's primary key, whatever it is called, is {@code p} where no present entry says otherwise. */
    private void setPrimaryKey(QualifiedName table, Presence p) {
        facts(table).primaryKey = p;
    }

    /** What was known of the table's primary key, beyond its entries, is no longer. */
    private void forgetPrimaryKey(QualifiedName table) {
        TableFacts f = tables.get(table);
        if (f != null) {
            f.primaryKey = null;
        }
    }

    /**
     * Whether {@code effect} certainly succeeds now: what it creates is known absent (and its table not
     * known absent), what it drops or requires known present, a rename's source present and its target absent.
     */
    public boolean proves(Effect effect) {
        effect = identity(effect);
        if (effect instanceof Create c && makesPrimaryKey(c)) {
            // the table's one primary key: free whatever its name, unless the name itself is taken
            return (c.shape().postgresNamed() || presence(c.object()) == Presence.ABSENT) && !tableAbsent(c.object())
                    && primaryKey(c.object().table()) == Presence.ABSENT;
        } else if (effect instanceof Create c) {
            return presence(c.object()) == Presence.ABSENT && missingTableOfCreation(c.object()) == null;
        } else if (effect instanceof Effect.PrimaryKey k) {
            return presence(ObjectRef.table(k.table())) != Presence.ABSENT
                    && primaryKey(k.table()) == (k.after() == Presence.PRESENT ? Presence.ABSENT : Presence.PRESENT);
        } else if (effect instanceof Drop d) {
            Entry e = entry(slot(d.object()));
            return presence(d.object()) == Presence.PRESENT && !(e != null && e.neededByIdentity)
                    && !(e != null && e.serial && !d.cascade() && serialUse(e) != Presence.ABSENT)
                    && (d.cascade() || !tableLike(d.object().kind()) || referencedBy(d.object().name()) == null)
                    && (d.cascade() || sequenceUsers(d.object(), e) == SequenceUsers.NONE)
                    && (d.object().kind() != ObjectKind.INDEX || constraintOfIndex(d.object()) == null);
        } else if (effect instanceof Rename r) {
            return r.ifExists() && presence(r.skippedWhenMissing()) == Presence.ABSENT
                    || presence(r.object()) == Presence.PRESENT && presence(r.target()) == Presence.ABSENT;
        } else if (effect instanceof Require q) {
            return presence(q.object()) == Presence.PRESENT;
        }
        return false;
    }

    /** {@code c} makes a table's primary key. */
    static boolean makesPrimaryKey(Create c) {
        return c.object().kind() == ObjectKind.CONSTRAINT && c.shape().constraintKind() == ConstraintKind.PRIMARY_KEY;
    }

    private boolean tableAbsent(ObjectRef ref) {
        return ref.table() != null && ObjectRef.tableScoped(ref.kind()) && presence(ObjectRef.table(ref.table())) == Presence.ABSENT;
    }

    // ---- what else is known ----

    /** The catalog letter of a present relation, or null. */
    public Character relationKind(QualifiedName name) {
        Entry e = entry(new Slot(RELATION, null, name));
        return e == null || e.presence != Presence.PRESENT || e.relkind == 0 ? null : e.relkind;
    }

    /** A column's type as {@code format_type} prints it, or null when not known. */
    public String columnType(ObjectRef column) {
        Entry e = entry(slot(column));
        return e == null || e.presence != Presence.PRESENT ? null : e.columnType;
    }

    /**
     * The type {@code use}'s column has here ({@link #columnType}) when the code declares it as a type of
     * another {@link PostgresFacts#typeFamily family}: SQLAlchemy then processes its values as something
     * they are not. Null when the two agree or either cannot be told (a user type, a column not known).
     */
    public String typeOfAnotherFamily(Effect.TypedUse use) {
        String have = columnType(use.column());
        String declared = PostgresFacts.typeFamily(use.type());
        String actual = PostgresFacts.typeFamily(have);
        return declared == null || actual == null || declared.equals(actual) ? null : have;
    }

    /** An {@code alter_column}: the column's type, and whether it must be given a value, are no longer known. */
    public void alterColumn(ObjectRef column) {
        Slot s = slot(column);
        Entry e = entry(s);
        if (e != null) {
            fileChange(s, e);
            e.columnType = null;
            e.notNull = false;
            fileColumnType(s, e);
        }
        facts(column.table()).required = null;
    }

    /** An enum's labels in order, or null when the type is not a known enum. */
    public List<String> labels(QualifiedName type) {
        Entry e = entry(new Slot(TYPE, null, type));
        return e == null || e.presence == Presence.ABSENT ? null : e.labels;
    }

    /** {@code ALTER TYPE ... ADD VALUE}. */
    public void addLabel(QualifiedName type, String label) {
        List<String> l = labels(type);
        if (l != null && !l.contains(label)) {
            List<String> more = new ArrayList<>(l.size() + 1);
            more.addAll(l);
            more.add(label);
            entry(new Slot(TYPE, null, type)).labels = Collections.unmodifiableList(more);
        }
    }

    /** {@code ALTER TYPE ... RENAME VALUE}. */
    public void renameLabel(QualifiedName type, String from, String to) {
        List<String> l = labels(type);
        if (l != null && l.contains(from)) {
            List<String> renamed = new ArrayList<>(l);
            renamed.set(l.indexOf(from), to);
            entry(new Slot(TYPE, null, type)).labels = Collections.unmodifiableList(renamed);
        }
    }

    /** The NOT NULL columns without a default of a table, or null when they are not known. */
    public Set<String> requiredColumns(QualifiedName table) {
        TableFacts t = tables.get(table);
        return t == null ? Set.of() : t.required == null ? null : Set.copyOf(t.required);
    }

    /** A column made NOT NULL without a default ({@code isRequired} true), or not ({@code false}), or not known (null). */
    public void required(QualifiedName table, String column, Boolean isRequired) {
        TableFacts t = facts(table);
        if (isRequired == null) {
            t.required = null;
        } else if (isRequired && t.required != null) {
            t.required.add(column);
        }
    }

    /** The required columns of a table made here ({@code known} false: they cannot all be told). */
    public void setRequired(QualifiedName table, Set<String> columns, boolean known) {
        facts(table).required = known ? new HashSet<>(columns) : null;
    }

    /** The unique keys of a table as column lists, or null when some cannot be compared by columns. */
    public List<List<String>> uniqueKeys(QualifiedName table) {
        TableFacts t = tables.get(table);
        return t == null ? List.of() : t.uniqueKeys == null ? null : List.copyOf(t.uniqueKeys);
    }

    /** The unique keys of a table made here: known ({@code complete}) or not all comparable by columns. */
    public void setUniqueKeys(QualifiedName table, List<List<String>> keys, boolean complete) {
        facts(table).uniqueKeys = complete ? new ArrayList<>(keys) : null;
    }

    /**
     * The unique keys of table {@code table}, each as the set of its columns: its primary key first, then its
     * unique constraints and unique indexes in the order they were made. Null when they are not all known: the
     * table is not known present, was not made by the effects applied, or holds a constraint or index whose
     * presence, kind or columns are not known.
     */
    public List<Set<String>> keysOf(QualifiedName table) {
        List<Set<String>> made = keysMade(table);
        if (made != null || kept.isEmpty()) {
            return made;
        }
        Kept k = kept.get(table);
        return k == null || presence(ObjectRef.table(table)) == Presence.ABSENT ? null : k.keys();
    }

    /** {@link #keysOf} as the effects applied since the table was made tell them; null when they do not. */
    private List<Set<String>> keysMade(QualifiedName table) {
        if (!madeHere(table) || tables.get(table).keysNotMade || presence(ObjectRef.table(table)) != Presence.PRESENT
                || unnamed(ObjectKind.CONSTRAINT, table) != Presence.ABSENT) {
            return null;
        }
        List<Entry> keys = new ArrayList<>();
        boolean columns = false;
        for (Slot s : onTable(table)) {
            Entry e = entries.get(s);
            columns |= e.kind == ObjectKind.COLUMN && e.presence == Presence.PRESENT;
            if (e.kind == ObjectKind.COLUMN || e.presence == Presence.ABSENT
                    || s.namespace().equals(RELATION) && e.kind != ObjectKind.INDEX) {
                continue;
            }
            boolean key = isKey(e);
            boolean maybeKey = key || e.kind == ObjectKind.CONSTRAINT && kindUnknown(e);
            if (maybeKey && e.presence == Presence.UNKNOWN || key && e.columns == null) {
                return null;
            }
            if (key) {
                keys.add(e);
            }
        }
        if (!columns) {
            // a table made with columns not read (copied from another at run time): its keys are not known
            return null;
        }
        keys.sort(Comparator.comparingInt((Entry e) -> e.constraintKind == ConstraintKind.PRIMARY_KEY ? 0 : 1)
                .thenComparingInt(e -> e.made));
        List<Set<String>> out = new ArrayList<>(keys.size());
        for (Entry e : keys) {
            Set<String> cols = Set.copyOf(e.columns);
            if (!out.contains(cols)) {
                out.add(cols);
            }
        }
        return out;
    }

    /**
     * The columns of table {@code table} in PostgreSQL's order (the order {@code INSERT INTO t VALUES (...)}
     * fills): the order they were made in, a rename keeping a column's place. Null when not known: the table is
     * not known present or was not made by the effects applied, or a column of it may or may not be there.
     */
    public List<String> columnOrder(QualifiedName table) {
        List<String> made = columnsMade(table);
        if (made != null || kept.isEmpty()) {
            return made;
        }
        Kept k = kept.get(table);
        return k == null || presence(ObjectRef.table(table)) == Presence.ABSENT ? null : k.columns();
    }

    /** {@link #columnOrder} as the effects applied since the table was made tell it; null when they do not. */
    private List<String> columnsMade(QualifiedName table) {
        if (!madeHere(table) || presence(ObjectRef.table(table)) != Presence.PRESENT
                || unnamed(ObjectKind.COLUMN, table) != Presence.ABSENT) {
            return null;
        }
        List<Map.Entry<Slot, Entry>> columns = new ArrayList<>();
        Set<Slot> slots = childrenOf.get(table);
        for (Slot s : slots == null ? Set.<Slot>of() : slots) {
            Entry e = entries.get(s);
            if (e.kind != ObjectKind.COLUMN || e.presence == Presence.ABSENT) {
                continue;
            }
            if (e.presence == Presence.UNKNOWN) {
                return null;
            }
            columns.add(Map.entry(s, e));
        }
        if (columns.isEmpty()) {
            return null;
        }
        columns.sort(Comparator.comparingInt(c -> c.getValue().made));
        return columns.stream().map(c -> c.getKey().name().name()).toList();
    }

    /**
     * Code not read makes the state forget everything ({@link Forget#unread}): the keys and column order of each
     * table known are kept, with those kept at an earlier such forget that nothing named since (a table the state
     * holds facts of, its rows, but not its keys keeps those); but not those of a table named among {@code words},
     * the code's text.
     */
    private void keepTables(Set<String> words) {
        Map<QualifiedName, Kept> out = new HashMap<>(kept);
        for (QualifiedName t : tables.keySet()) {
            List<Set<String>> keys = keysMade(t);
            List<String> columns = columnsMade(t);
            if (keys != null || columns != null) {
                out.put(t, new Kept(keys, columns, plainIndexes(t), keys == null ? Map.of() : keySlots(t)));
            }
        }
        if (!words.isEmpty()) {
            out.keySet().removeIf(t -> words.contains(lower(t.name())));
        }
        kept = out;
        keptWriter = writer;
    }

    /**
     * What {@code effect} may change of the tables {@link #kept}: a table it names, or every table when it may reach
     * one it does not name (an index of no known table, a schema, a kind of objects that live on tables, a
     * {@code CASCADE}). Rows, a column's type, default or nullability change no key and no column's place; a column
     * added changes no key, and goes last ({@code IF NOT EXISTS}, or a column that may be added: the order is not
     * known); an index or constraint made on the table changes no column's place, and its keys as {@link #keepMade}
     * says; a drop of a name the table had for an index or key when kept ({@link Kept}) changes no column's place,
     * and takes that key only.
     */
    private void unkeep(Effect effect) {
        if (effect instanceof Create x && x.object().kind() == ObjectKind.COLUMN && x.object().table() != null) {
            keepAdded(x.object().table(), x.tolerant() ? null : x.object().name().name());
        } else if (effect instanceof Forget f && f.scope() == Forget.Scope.OBJECT && f.reach() == Forget.Reach.MAKES
                && f.object().kind() == ObjectKind.COLUMN && f.object().table() != null) {
            keepAdded(f.object().table(), null);
        } else if (effect instanceof Create x && x.object().table() != null && kept.containsKey(x.object().table())
                && keepMade(x)) {
            return;
        } else if (effect instanceof Create x) {
            unkeep(x.object());
        } else if (effect instanceof Drop x) {
            if (x.cascade()) {
                unkeepAll();
            } else if (!dropsKeptPlainIndex(x.object()) && !dropsKeptKey(x.object())) {
                unkeep(x.object());
            }
        } else if (effect instanceof Rename x) {
            unkeep(x.object());
            unkeep(x.target());
        } else if (effect instanceof Effect.PrimaryKey x) {
            unkeep(ObjectRef.table(x.table()));
        } else if (effect instanceof Effect.CopyColumns x) {
            unkeep(ObjectRef.table(x.to()));
        } else if (effect instanceof Forget f) {
            switch (f.scope()) {
                case EVERYTHING -> {
                    if (!f.tablesKept()) {
                        unkeepAll();
                    }
                }
                case OBJECT, TABLE_KEYS -> unkeep(f.object());
                case KIND -> {
                    if (f.object() != null) {
                        unkeep(f.object());
                    } else if (ObjectRef.tableScoped(f.kind()) || f.kind() == ObjectKind.INDEX || tableLike(f.kind())
                            || f.kind() == ObjectKind.SCHEMA || f.kind() == ObjectKind.EXTENSION
                            || namespace(f.kind()).equals(TYPE) && f.reach().mayTake()) {
                        unkeepAll();
                    }
                }
                case NAMED -> {
                    for (QualifiedName t : List.copyOf(kept.keySet())) {
                        if (f.names().contains(lower(t.name()))) {
                            unkeepTable(t);
                        }
                    }
                }
                default -> throw new IllegalStateException(f.scope().name());
            }
        }
    }

    /** The table {@code o} is or lives on leaves {@link #kept}; every table when that is not known. */
    private void unkeep(ObjectRef o) {
        if (tableLike(o.kind())) {
            unkeepTable(o.name());
        } else if (o.table() != null) {
            unkeepTable(o.table());
        } else if (o.kind() == ObjectKind.INDEX) {
            Entry e = entries.get(slot(o));
            if (e != null && e.owner != null) {
                unkeepTable(e.owner);
            } else {
                unkeepAll();
            }
        } else if (o.kind() == ObjectKind.SCHEMA || o.kind() == ObjectKind.EXTENSION) {
            unkeepAll();
        }
    }

    /** A column {@code column} (null: one that may be added) is added to {@code table}, whose keys stay. */
    private void keepAdded(QualifiedName table, String column) {
        Kept k = kept.get(table);
        if (k == null) {
            return;
        }
        List<String> columns = null;
        if (column != null && k.columns() != null) {
            columns = new ArrayList<>(k.columns());
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        keep(table, new Kept(k.keys(), columns == null ? null : List.copyOf(columns), k.plainIndexes(), k.keySlots()));
    }

    /**
     * An index or constraint {@code x} is made on a table {@link #kept}: one that is no key (an index not unique, a
     * foreign key, a check) leaves its keys and columns; a primary key, unique constraint or unique index of known
     * columns adds its key. False when what it makes of the table's keys is not known (a constraint of a kind not
     * read, a key of columns not read): the table is no longer kept.
     */
    private boolean keepMade(Create x) {
        ObjectKind kind = x.object().kind();
        ConstraintKind ck = x.shape().constraintKind();
        boolean key;
        if (kind == ObjectKind.INDEX) {
            key = x.shape().unique();
        } else if (kind == ObjectKind.CONSTRAINT && ck != null && ck != ConstraintKind.UNKNOWN) {
            key = ck == ConstraintKind.PRIMARY_KEY || ck == ConstraintKind.UNIQUE;
        } else {
            return false;
        }
        QualifiedName table = x.object().table();
        Kept k = kept.get(table);
        Slot slot = slot(x.object());
        if (k.plainIndexes().contains(slot) || k.keySlots().containsKey(slot)) {
            // there already: IF NOT EXISTS passes, else the statement fails and makes nothing
            return true;
        }
        Set<Slot> plain = k.plainIndexes();
        Map<Slot, Set<String>> keySlots = k.keySlots();
        List<Set<String>> keys = k.keys();
        if (!key) {
            plain = new HashSet<>(plain);
            plain.add(slot);
            plain = Set.copyOf(plain);
        } else if (x.shape().columns() == null || x.shape().columns().isEmpty()) {
            return false;
        } else {
            Set<String> columns = Set.copyOf(x.shape().columns());
            keySlots = new HashMap<>(keySlots);
            keySlots.put(slot, columns);
            keySlots = Map.copyOf(keySlots);
            if (keys != null && !keys.contains(columns)) {
                keys = new ArrayList<>(keys);
                if (ck == ConstraintKind.PRIMARY_KEY) {
                    keys.add(0, columns);
                } else {
                    keys.add(columns);
                }
                keys = List.copyOf(keys);
            }
        }
        keep(table, new Kept(keys, k.columns(), plain, keySlots));
        return true;
    }

    /** The indexes of {@code table} present and not unique: {@link Kept#plainIndexes}. */
    private Set<Slot> plainIndexes(QualifiedName table) {
        Set<Slot> out = new HashSet<>();
        for (Slot s : onTable(table)) {
            Entry e = entries.get(s);
            if (e != null && e.kind == ObjectKind.INDEX && !e.unique && e.presence == Presence.PRESENT) {
                out.add(s);
            }
        }
        return Set.copyOf(out);
    }

    /**
     * Whether {@code o} is an index that was no key of a table {@link #kept} (of its table, when it names one): code
     * not read that names no table is taken to leave the tables' keys and indexes ({@link Forget#unread}), so its
     * drop leaves that table's keys and column order. The table keeps them, less that index.
     */
    private boolean dropsKeptPlainIndex(ObjectRef o) {
        if (o.kind() != ObjectKind.INDEX || kept.isEmpty()) {
            return false;
        }
        Slot slot = slot(o);
        for (Map.Entry<QualifiedName, Kept> k : kept.entrySet()) {
            Kept was = k.getValue();
            if ((o.table() == null || o.table().equals(k.getKey())) && was.plainIndexes().contains(slot)) {
                Set<Slot> left = new HashSet<>(was.plainIndexes());
                left.remove(slot);
                keep(k.getKey(), new Kept(was.keys(), was.columns(), Set.copyOf(left), was.keySlots()));
                return true;
            }
        }
        return false;
    }

    /** The constraints and unique indexes of {@code table} that {@link #keysMade} reads as its keys, by slot. */
    private Map<Slot, Set<String>> keySlots(QualifiedName table) {
        Map<Slot, Set<String>> out = new HashMap<>();
        for (Slot s : onTable(table)) {
            Entry e = entries.get(s);
            if (e != null && e.presence == Presence.PRESENT && e.columns != null && isKey(e)) {
                out.put(s, Set.copyOf(e.columns));
            }
        }
        return Map.copyOf(out);
    }

    /** The slots living on {@code table} (columns, constraints, ...) and then those it owns (indexes, sequences). */
    private List<Slot> onTable(QualifiedName table) {
        List<Slot> out = new ArrayList<>(copy(childrenOf.get(table)));
        out.addAll(copy(ownedBy.get(table)));
        return out;
    }

    /** A unique index, or a primary key or unique constraint: a key {@link #keysOf} lists. */
    private static boolean isKey(Entry e) {
        return e.kind == ObjectKind.INDEX ? e.unique : e.kind == ObjectKind.CONSTRAINT
                && (e.constraintKind == ConstraintKind.PRIMARY_KEY || e.constraintKind == ConstraintKind.UNIQUE);
    }

    /** A constraint whose kind is not known. */
    private static boolean kindUnknown(Entry e) {
        return e.constraintKind == null || e.constraintKind == ConstraintKind.UNKNOWN;
    }

    /**
     * Whether {@code o} is a constraint or index that was a key of a table {@link #kept} (of its table, when it names
     * one), as {@link #dropsKeptPlainIndex} reads it: its drop takes that key (a constraint's with its index), unless
     * another kept one has the same columns, and leaves the table's other keys and its column order.
     */
    private boolean dropsKeptKey(ObjectRef o) {
        if ((o.kind() != ObjectKind.INDEX && o.kind() != ObjectKind.CONSTRAINT) || kept.isEmpty()) {
            return false;
        }
        Slot slot = slot(o);
        for (Map.Entry<QualifiedName, Kept> k : kept.entrySet()) {
            Kept was = k.getValue();
            if ((o.table() == null || o.table().equals(k.getKey())) && was.keySlots().containsKey(slot)) {
                Map<Slot, Set<String>> left = new HashMap<>(was.keySlots());
                Set<String> columns = left.remove(slot);
                if (o.kind() == ObjectKind.CONSTRAINT) {
                    // PostgreSQL drops a key's index of its name with it
                    left.keySet().removeIf(x -> x.relation() && x.name().name().equals(slot.name().name()));
                }
                List<Set<String>> keys = was.keys();
                if (keys != null && !left.containsValue(columns)) {
                    keys = new ArrayList<>(keys);
                    keys.remove(columns);
                    keys = List.copyOf(keys);
                }
                keep(k.getKey(), new Kept(keys, was.columns(), was.plainIndexes(), Map.copyOf(left)));
                return true;
            }
        }
        return false;
    }

    private void unkeepTable(QualifiedName table) {
        if (kept.containsKey(table)) {
            keep(table, null);
        }
    }

    /** {@link #kept} holds {@code k} for {@code table} (null: nothing), copied first when shared with a copy. */
    private void keep(QualifiedName table, Kept k) {
        if (keptWriter != writer) {
            kept = new HashMap<>(kept);
            keptWriter = writer;
        }
        if (k == null) {
            kept.remove(table);
        } else {
            kept.put(table, k);
        }
    }

    private void unkeepAll() {
        kept = Map.of();
    }

    /**
     * A constraint or index no entry speaks of was dropped from {@code table} (null: a table not named, any of
     * those known): that table holds keys the effects did not make.
     */
    private void keyNeverMade(QualifiedName table) {
        if (table != null) {
            TableFacts f = tables.get(table);
            if (f != null) {
                f.keysNotMade = true;
            }
        } else {
            tables.values().forEach(f -> f.keysNotMade = true);
        }
    }

    /** Whether the table was made by the effects applied (so it was empty when made). */
    public boolean madeHere(QualifiedName table) {
        TableFacts t = tables.get(table);
        return t != null && t.madeHere;
    }

    /** The table's facts, made when there are none, for a write: filed as changed. */
    private TableFacts facts(QualifiedName table) {
        fileTable(table);
        TableFacts f = tables.get(table);
        return f != null ? f : putFacts(table, new TableFacts());
    }

    private TableFacts putFacts(QualifiedName table, TableFacts f) {
        if (f.rowsStamp == 0) {
            f.rowsStamp = ++rowsStamps;
        }
        tables.put(table, f);
        fileTable(table);
        factsByName.add(lower(table.name()), table);
        return f;
    }

    /** A foreign key of {@code table}'s column certainly references {@code referred}. */
    private void refer(QualifiedName table, String column, QualifiedName referred) {
        facts(table).references.put(column, referred);
        referrers.add(referred, table);
    }

    /** The tables other than {@code table} whose known foreign keys reference it, in the order they came to. */
    private List<QualifiedName> referrers(QualifiedName table) {
        return referrers.read(table, t -> tables.get(t) != null && tables.get(t).references.refersTo(table));
    }

    // ---- effects ----

    /** Applies {@code effect}; the conflict PostgreSQL raises on the state it met, if any. */
    public Optional<Conflict> apply(Effect effect) {
        if (effect instanceof Drop d && primaryIndex(d.object())) {
            return Optional.ofNullable(dropPrimaryIndex(d));
        }
        Effect own = identity(effect);
        if (own instanceof Create c && keyIsIndex && c.shape().constraintKind() == ConstraintKind.FOREIGN_KEY
                && c.object().kind() == ObjectKind.CONSTRAINT && c.object().table() != null) {
            Optional<Conflict> made = Optional.ofNullable(create(c));
            foreignKeyIndex(c.object());
            return made;
        }
        if (own != effect) {
            // the conflict names the object as the statement does (a constraint), with what it raises for it
            Conflict c = own instanceof Create x ? create(x) : drop((Drop) own);
            if (c == null || !c.object().equals(object(own))) {
                return Optional.ofNullable(c);
            }
            ObjectRef written = object(effect);
            return Optional.of(new Conflict(written, own instanceof Create ? PostgresFacts.duplicate(ConstraintKind.UNIQUE)
                    : PostgresFacts.dropMissing(written.kind()), c.alreadyThere(), c.about()));
        }
        if (!kept.isEmpty()) {
            unkeep(effect);
        }
        Conflict c;
        if (effect instanceof Create x) {
            c = create(x);
        } else if (effect instanceof Drop x) {
            c = drop(x);
        } else if (effect instanceof Rename x) {
            c = rename(x);
        } else if (effect instanceof Require x) {
            c = require(x.object());
        } else if (effect instanceof Write x) {
            c = write(x);
        } else if (effect instanceof Effect.AlterColumn x) {
            c = alterColumn(x);
        } else if (effect instanceof Effect.ColumnType x) {
            c = columnType(x);
        } else if (effect instanceof Effect.PrimaryKey x) {
            applyPrimaryKey(x);
            c = null;
        } else if (effect instanceof Effect.Serial x) {
            c = serial(x);
        } else if (effect instanceof Effect.RemoveRows x) {
            removeRows(x);
            c = null;
        } else if (effect instanceof Effect.CopyColumns x) {
            copyColumns(x.from(), x.to(), x.defaults());
            c = null;
        } else if (effect instanceof Effect.TypedUse) {
            // how SQLAlchemy processes the values is the client's to compare with columnType
            c = null;
        } else {
            forget((Forget) effect);
            c = null;
        }
        return Optional.ofNullable(c);
    }

    /**
     * The session ends (the next Alembic run opens a new connection): temporary tables are gone, with
     * what lives on them.
     */
    public void endSession() {
        List<Slot> temporary = new ArrayList<>();
        for (Slot s : temporaries) {
            Entry e = entry(s);
            if (e != null && e.temporary && e.presence != Presence.ABSENT) {
                temporary.add(s);
            }
        }
        temporaries.clear();
        for (Slot s : temporary) {
            set(s, Presence.ABSENT, null);
            cascadeTable(s.name(), Presence.ABSENT);
        }
    }

    /** Applies each effect in order; the first conflict. */
    public Optional<Conflict> applyAll(List<Effect> effects) {
        Conflict first = null;
        for (Effect e : effects) {
            Optional<Conflict> c = apply(e);
            if (first == null && c.isPresent()) {
                first = c.get();
            }
        }
        return Optional.ofNullable(first);
    }

    /** A table-scoped object's table known absent: ALTER TABLE fails looking it up. */
    private Conflict missingTable(ObjectRef ref) {
        if (tableAbsent(ref)) {
            ObjectRef t = ObjectRef.table(ref.table());
            return new Conflict(t, PostgresFacts.tableMissing(), false);
        }
        return null;
    }

    /**
     * As {@link #missingTable}, for a creation: {@code CREATE INDEX ... ON t} looks its table up first too, where
     * a drop or rename of the index names no table ({@link PostgresFacts#tableMissing}).
     */
    private Conflict missingTableOfCreation(ObjectRef ref) {
        if (ref.kind() == ObjectKind.INDEX && ref.table() != null
                && presence(ObjectRef.table(ref.table())) == Presence.ABSENT) {
            return new Conflict(ObjectRef.table(ref.table()), PostgresFacts.tableMissing(), false);
        }
        return missingTable(ref);
    }

    private Conflict create(Create c) {
        ObjectRef o = c.object();
        madeNow = null;
        Shape sh = c.shape();
        Conflict missing = missingTableOfCreation(o);
        Presence now = presence(o);
        createdOver = now;
        boolean primary = makesPrimaryKey(c);
        // a table has one primary key: a second fails whatever its name
        Conflict secondPrimary = primary && !c.tolerant() && primaryKey(o.table()) == Presence.PRESENT
                ? new Conflict(o, PostgresFacts.duplicate(ConstraintKind.PRIMARY_KEY), true) : null;
        if (primary) {
            setPrimaryKey(o.table(), Presence.PRESENT);
        }
        boolean keyIndex = o.kind() == ObjectKind.CONSTRAINT && sh.constraintKind() != null
                && sh.constraintKind().indexBacked();
        // a name the server chooses is never a duplicate: PostgreSQL takes the next free one among the schema's
        // relations (ChooseRelationName appends a number), MySQL the next free one among the table's keys
        // (`a_2`); an index already holding the default name leaves the key's name unknown
        boolean nameTaken = sh.postgresNamed() && now == Presence.ABSENT && keyIndex
                && presence(ObjectRef.of(ObjectKind.INDEX, o.name())) == Presence.PRESENT;
        if (sh.postgresNamed() && (now != Presence.ABSENT || nameTaken)) {
            if (now != Presence.PRESENT) {
                // it gets this name or the next free one: any of the table's keys may be it
                QualifiedName table = o.table() != null ? o.table() : sh.owner();
                if (table != null) {
                    keyMade(table, false);
                } else {
                    set(new Slot(RELATION, null, o.name()), Presence.UNKNOWN, o.kind());
                }
            }
            return missing != null ? missing : secondPrimary;
        }
        Slot indexSlot = keyIndex ? new Slot(RELATION, null, o.name()) : null;
        Conflict dup = secondPrimary;
        if (!c.tolerant() && now == Presence.PRESENT) {
            dup = new Conflict(o, o.kind() == ObjectKind.CONSTRAINT ? PostgresFacts.duplicate(sh.constraintKind())
                    : PostgresFacts.duplicate(o.kind()), true);
        } else if (!c.tolerant() && keyIndex && presence(ObjectRef.of(ObjectKind.INDEX, o.name())) == Presence.PRESENT) {
            // the key's index takes the constraint's name among the schema's relations
            dup = new Conflict(ObjectRef.of(ObjectKind.INDEX, o.name()), PostgresFacts.duplicate(ObjectKind.INDEX), true);
        }
        if (now == Presence.PRESENT) {
            // the object there stays as it is: IF NOT EXISTS skips, and a failed CREATE changes nothing
            return missing != null ? missing : dup;
        }
        madeNow = now == Presence.ABSENT ? slot(o) : null;
        Entry e = new Entry(Presence.PRESENT, o.kind());
        e.maker = maker == null ? null : c.tolerant() && maker.how() == Sureness.DEFINITE
                ? maker.with(Sureness.TOLERANT) : maker;
        e.made = ++made;
        e.relkind = sh.relkind() != 0 ? sh.relkind() : namespace(o.kind()).equals(RELATION) ? relkind(o.kind()) : 0;
        e.columnType = sh.columnType();
        if (o.kind() == ObjectKind.COLUMN && PostgresFacts.identityImpossible(sh.columnType())) {
            e.identity = Presence.ABSENT;
        }
        e.constraintKind = sh.constraintKind();
        e.unique = sh.unique();
        e.columns = sh.columns() == null ? null : frozen(sh.columns());
        e.labels = sh.labels() == null ? null : frozen(sh.labels());
        e.owner = o.kind() == ObjectKind.INDEX ? o.table() : sh.owner();
        e.temporary = sh.temporary();
        e.referred = o.kind() == ObjectKind.CONSTRAINT ? sh.references() : null;
        e.function = o.kind() == ObjectKind.TRIGGER ? sh.function() : null;
        put(slot(o), e);
        if (sh.references() != null && o.kind() == ObjectKind.COLUMN) {
            refer(o.table(), o.name().name(), sh.references());
        }
        if (keyIndex && dup == null) {
            Entry ix = index(Presence.PRESENT, o.table());
            ix.maker = e.maker;
            // an exclusion constraint's index is not unique (pg_index.indisunique is false)
            ix.unique = sh.constraintKind() != ConstraintKind.EXCLUDE;
            ix.columns = e.columns == null ? null : frozen(e.columns);
            put(indexSlot, ix);
        }
        if ((keyIndex || e.unique) && (keyIndex ? o.table() : e.owner) != null) {
            // compared by columns only where the walk set the keys itself (setUniqueKeys)
            facts(keyIndex ? o.table() : e.owner).uniqueKeys = null;
        }
        // a CREATE TABLE without IF NOT EXISTS that ran found no table of its name: whatever the state did not
        // know of one (code not read before it), the table it made is new, with exactly the parts written. Only
        // where no handler lets the revision go on past its error (a maker not GUARDED: a savepoint, a DO block's
        // handler or MySQL's try/except would leave a table of other parts in place); without a maker, not assumed
        boolean ran = now == Presence.UNKNOWN && !c.tolerant() && maker != null && maker.how() != Sureness.GUARDED;
        if (tableLike(e) && (now == Presence.ABSENT || ran)) {
            QualifiedName t = o.name();
            clearChildren(t, Presence.ABSENT);
            TableFacts f = new TableFacts();
            f.madeHere = true;
            putFacts(t, f);
        }
        return missing != null ? missing : dup;
    }

    /**
     * {@code to}, made by {@code CREATE TABLE to LIKE from}, gets {@code from}'s columns: the entries the state holds
     * (with their NOT NULL; no identity nor foreign key is followed) and, for the names none speaks of,
     * {@code from}'s presence, unknown when {@code from} may be missing; a table that was there already keeps its
     * own (the CREATE that met it made nothing). MySQL copies the keys and indexes, PostgreSQL
     * some under new names: the copy's keys are not known, nor its required columns or unique keys. With
     * {@code defaults} (not {@link Presence#ABSENT}) a copied default that is {@code nextval} of a serial's sequence
     * still takes values from that sequence ({@link Entry#borrowed}); where the state knows not which of
     * {@code from}'s columns own one, any copied default may ({@link #defaultCopies}).
     */
    private void copyColumns(QualifiedName from, QualifiedName to, Presence defaults) {
        if (createdOver == Presence.PRESENT) {
            return; // the CREATE failed (or was taken as tolerant): the table there keeps its columns
        }
        Presence table = presence(ObjectRef.table(from));
        String ns = namespace(ObjectKind.COLUMN);
        Presence rest = Presence.UNKNOWN;
        if (table == Presence.PRESENT) {
            List<Slot> columns = new ArrayList<>();
            for (Slot s : copy(childrenOf.get(from))) {
                if (entry(s) != null && s.namespace().equals(ns)) {
                    columns.add(s);
                }
            }
            // the copy's columns stand in the source's order, after everything made before the copy
            columns.sort(Comparator.comparingInt(s -> entry(s).made));
            for (Slot s : columns) {
                Entry e = entry(s);
                Entry c = new Entry(e.presence, e.kind);
                c.maker = e.presence == Presence.ABSENT ? null : maker;
                c.made = ++made;
                c.columnType = e.columnType;
                c.notNull = e.notNull;
                if (defaults != Presence.ABSENT && e.presence == Presence.PRESENT) {
                    borrow(from, s.name().name(), e, c, defaults);
                }
                put(new Slot(ns, to, QualifiedName.of(to.schema(), s.name().name())), c);
            }
            // as implicit() answers for a column of from no entry speaks of
            Presence known = columnsDefault.get(from);
            rest = forgottenNames.contains(lower(from.name())) ? Presence.UNKNOWN : known != null ? known
                    : forgottenScopes.contains(new Scope(ns, null)) || forgottenScopes.contains(new Scope(ns, from))
                    ? Presence.UNKNOWN : baseline;
        }
        if (defaults != Presence.ABSENT && (table != Presence.PRESENT || rest != Presence.ABSENT) && !from.equals(to)) {
            defaultCopies.add(from, to);
        }
        columnsDefault(to, rest);
        keysDefault(to, Presence.UNKNOWN);
        forgetPrimaryKey(to);
        TableFacts f = facts(to);
        f.required = null;
        f.uniqueKeys = null;
    }

    /**
     * The copy {@code copy} of column {@code column} of {@code from} (entry {@code source}) takes its default: where
     * that default is {@code nextval} of a serial's sequence (the column's own, or one it borrowed in turn), the copy's
     * is too. {@code defaults} unknown (the LIKE clause not read) makes that unsure.
     */
    private void borrow(QualifiedName from, String column, Entry source, Entry copy, Presence defaults) {
        QualifiedName seq = source.borrowed;
        Presence use = source.borrowUse;
        if (seq == null) {
            Slot own = serialSequenceOf(from, column);
            Entry q = own == null ? null : entries.get(own);
            if (q == null) {
                return;
            }
            seq = own.name();
            use = source.hasDefault == Presence.ABSENT || source.serialDefault == Presence.ABSENT ? Presence.ABSENT
                    : q.presence == Presence.PRESENT && source.hasDefault == Presence.PRESENT
                            && source.serialDefault == Presence.PRESENT ? Presence.PRESENT : Presence.UNKNOWN;
        } else if (source.hasDefault == Presence.ABSENT) {
            use = Presence.ABSENT;
        }
        if (use == Presence.ABSENT) {
            return;
        }
        copy.borrowed = seq;
        copy.borrowUse = defaults == Presence.PRESENT ? use : Presence.UNKNOWN;
        copy.hasDefault = copy.borrowUse == Presence.PRESENT ? Presence.PRESENT : Presence.UNKNOWN;
    }

    /** The slot of the serial sequence column {@code column} of {@code table} owns, when the state holds one not gone. */
    private Slot serialSequenceOf(QualifiedName table, String column) {
        Set<Slot> owned = ownedBy.get(table);
        if (owned == null) {
            return null;
        }
        for (Slot s : owned) {
            Entry q = entries.get(s);
            if (q != null && q.serial && q.presence != Presence.ABSENT && table.equals(q.owner) && q.columns != null
                    && q.columns.equals(List.of(column))) {
                return s;
            }
        }
        return null;
    }

    /**
     * The columns of other tables whose defaults use a sequence the drop of {@code o} (entry {@code e}) takes with it
     * (itself, or the serial sequences its table or column owns: {@link PostgresFacts#defaultUsesSequence}):
     * {@code sure} those that surely do, {@code maybe} whether any other may.
     */
    private record SequenceUsers(List<Slot> sure, List<Slot> unsure, boolean maybe) {
        static final SequenceUsers NONE = new SequenceUsers(List.of(), List.of(), false);
    }

    private SequenceUsers sequenceUsers(ObjectRef o, Entry e) {
        List<QualifiedName> taken = new ArrayList<>(1);
        QualifiedName owner = null;
        if (o.kind() == ObjectKind.SEQUENCE) {
            taken.add(o.name());
            owner = e != null && e.serial ? e.owner : null;
        } else if (tableLike(e) || e == null && tableLike(o.kind())) {
            owner = o.name();
            Set<Slot> owned = ownedBy.get(owner);
            for (Slot s : owned == null ? Set.<Slot>of() : owned) {
                Entry q = entries.get(s);
                if (q != null && q.serial && q.presence != Presence.ABSENT) {
                    taken.add(s.name());
                }
            }
        } else if (o.kind() == ObjectKind.COLUMN && o.table() != null) {
            owner = o.table();
            Slot own = serialSequenceOf(o.table(), o.name().name());
            if (own != null) {
                taken.add(own.name());
            }
        } else {
            return SequenceUsers.NONE;
        }
        boolean copied = owner != null && borrowersAny(owner);
        if (taken.isEmpty() && !copied) {
            return SequenceUsers.NONE;
        }
        QualifiedName gone = o.kind() == ObjectKind.SEQUENCE || o.kind() == ObjectKind.COLUMN ? null : o.name();
        List<Slot> sure = new ArrayList<>(0);
        List<Slot> unsure = new ArrayList<>(0);
        for (QualifiedName q : taken) {
            for (Slot b : borrowers.read(q, x -> entries.get(x) != null && q.equals(entries.get(x).borrowed))) {
                Entry u = entries.get(b);
                if (b.table() == null || b.table().equals(gone) || u.presence == Presence.ABSENT
                        || u.hasDefault == Presence.ABSENT || presence(ObjectRef.table(b.table())) == Presence.ABSENT) {
                    continue;
                }
                boolean certain = u.presence == Presence.PRESENT && u.borrowUse == Presence.PRESENT
                        && u.hasDefault == Presence.PRESENT && presence(ObjectRef.table(b.table())) == Presence.PRESENT;
                (certain ? sure : unsure).add(b);
            }
        }
        boolean maybe = !unsure.isEmpty() || copied;
        return sure.isEmpty() && !maybe ? SequenceUsers.NONE : new SequenceUsers(sure, unsure, maybe);
    }

    /** Whether a table made {@code LIKE} {@code table} may have copied defaults the state does not know. */
    private boolean borrowersAny(QualifiedName table) {
        return !defaultCopies.read(table, t -> !t.equals(table) && presence(ObjectRef.table(t)) != Presence.ABSENT)
                .isEmpty();
    }

    private static char relkind(ObjectKind kind) {
        return switch (kind) {
            case TABLE -> 'r';
            case VIEW -> 'v';
            case MATERIALIZED_VIEW -> 'm';
            case SEQUENCE -> 'S';
            case INDEX -> 'i';
            case FOREIGN_TABLE -> 'f';
            default -> 0;
        };
    }

    /**
     * What PostgreSQL raises on a drop of {@code o} before it looks {@code o} up, whatever {@code IF EXISTS} says:
     * {@code ALTER TABLE ... DROP CONSTRAINT [IF EXISTS]} on a relation that is certainly a view now is 42809
     * ({@link PostgresFacts#dropConstraintOfView}). Empty when nothing refuses the drop so, or when the relation's
     * kind is not known. Lint's re-run check, fix decisions and {@code plan} all ask this.
     */
    public Optional<Conflict> dropRefused(ObjectRef o) {
        if (o.kind() == ObjectKind.CONSTRAINT && o.table() != null
                && Character.valueOf('v').equals(relationKind(o.table()))) {
            return Optional.of(new Conflict(ObjectRef.of(ObjectKind.VIEW, o.table()), PostgresFacts.dropConstraintOfView(),
                    true, Conflict.About.NOT_A_TABLE));
        }
        return Optional.empty();
    }

    private Conflict drop(Drop d) {
        ObjectRef o = d.object();
        Conflict missing = d.ifExists() && PostgresFacts.dropSkipsMissingTable(o.kind()) ? null : missingTable(o);
        if (missing == null && keyIsIndex && o.kind() == ObjectKind.INDEX && o.table() != null
                && presence(ObjectRef.table(o.table())) == Presence.ABSENT) {
            // where an index is named per table (MySQL, MariaDB) its drop names the table, which the server looks up
            // first: 1146, with IF EXISTS too (MariaDB 10.11: MysqlFactsTableTest)
            missing = new Conflict(ObjectRef.table(o.table()), PostgresFacts.tableMissing(), false);
        }
        Optional<Conflict> wrongKind = missing == null ? dropRefused(o) : Optional.empty();
        if (wrongKind.isPresent()) {
            return wrongKind.get(); // nothing dropped
        }
        ObjectRef backs = o.kind() == ObjectKind.INDEX ? constraintOfIndex(o) : null;
        if (backs != null) {
            // the constraint needs its index, with IF EXISTS and CASCADE alike: nothing is dropped
            return new Conflict(backs, PostgresFacts.dropIndexOfConstraint(), true);
        }
        // a constraint or index no entry speaks of is a key the effects did not make; but one dropped by its name
        // alone that the effects made, then forgot with everything, is that one: made on a table of before the
        // forget, while a table whose keys are known now was made after it
        if ((o.kind() == ObjectKind.CONSTRAINT || o.kind() == ObjectKind.INDEX) && entries.get(slot(o)) == null
                && !(o.table() == null && makersForgotten.containsKey(slot(o)))) {
            keyNeverMade(o.table());
        }
        Presence now = presence(o);
        Conflict gone = now == Presence.ABSENT && !d.ifExists()
                ? new Conflict(o, PostgresFacts.dropMissing(o.kind()), false) : null;
        Slot s = slot(o);
        Entry e = entry(s);
        if (e != null && e.presence == Presence.PRESENT && e.neededByIdentity) {
            // the sequence stays: its column needs it, with or without CASCADE
            return missing != null ? missing
                    : new Conflict(o, PostgresFacts.dropIdentitySequence(), true, Conflict.About.IDENTITY_SEQUENCE);
        }
        if (e != null && e.presence == Presence.PRESENT && e.serial) {
            Presence use = serialUse(e);
            if (use == Presence.PRESENT && !d.cascade() && gone == null) {
                gone = new Conflict(o, PostgresFacts.dropSequenceInUse(), true, Conflict.About.SEQUENCE_IN_USE);
            }
            if (use != Presence.ABSENT) {
                // CASCADE drops the default (not the column); a failed drop is walked on as if it had been made to
                // succeed; a drop that may have failed leaves the default unknown
                Entry col = serialColumn(e);
                if (col != null) {
                    fileChange(slot(ObjectRef.in(ObjectKind.COLUMN, e.owner, e.columns.get(0))), col);
                    Presence left = d.cascade() || use == Presence.PRESENT ? Presence.ABSENT : Presence.UNKNOWN;
                    col.hasDefault = left;
                    col.serialDefault = left;
                }
            }
        }
        boolean table = tableLike(e) || e == null && tableLike(o.kind());
        if (gone == null && table && now == Presence.PRESENT && !d.cascade()) {
            QualifiedName by = referencedBy(o.name());
            if (by != null) {
                gone = new Conflict(ObjectRef.table(by), PostgresFacts.dropWithDependents(), true);
            }
        }
        SequenceUsers users = now == Presence.ABSENT ? SequenceUsers.NONE : sequenceUsers(o, e);
        if (gone == null && now == Presence.PRESENT && !d.cascade() && !users.sure().isEmpty()) {
            Slot u = users.sure().get(0);
            gone = new Conflict(ObjectRef.in(ObjectKind.COLUMN, u.table(), u.name().name()),
                    PostgresFacts.defaultUsesSequence(), true, Conflict.About.DEFAULT_USES_SEQUENCE);
        }
        // CASCADE drops those defaults (not their columns); a drop that failed on them is walked on as if it had been
        // made to succeed; one that may have failed on a default not known leaves what it drops unknown
        for (Slot u : users.sure()) {
            defaultGone(u, Presence.ABSENT);
        }
        for (Slot u : users.unsure()) {
            defaultGone(u, d.cascade() ? Presence.ABSENT : Presence.UNKNOWN);
        }
        Presence after = users.maybe() && users.sure().isEmpty() && !d.cascade() ? Presence.UNKNOWN : Presence.ABSENT;
        set(s, after, o.kind());
        if (table) {
            dropReferences(o.name(), after);
            cascadeTable(o.name(), after);
        } else if (o.kind() == ObjectKind.COLUMN) {
            if (now != Presence.ABSENT || makesLeftOut) {
                // a column known gone took what used it when it went, and nothing made since can use it: dropping
                // it again (IF EXISTS, or a re-run's statement made to tolerate it) takes nothing
                cascadeColumn(o.table(), o.name().name(), after);
            }
            TableFacts f = tables.get(o.table());
            if (f != null && f.required != null) {
                f.required.remove(o.name().name());
            }
            if (f != null) {
                f.references.remove(o.name().name());
            }
        } else if (o.kind() == ObjectKind.CONSTRAINT && e != null && now != Presence.ABSENT) {
            // a constraint that is not there takes no index: a plain index made under its name since (a unique
            // constraint replaced by a partial unique index of the same name) stays; one that may be there
            // leaves its namesake index unknown
            keyIndex(o, e, now == Presence.PRESENT ? Presence.ABSENT : Presence.UNKNOWN);
        }
        if (o.kind() == ObjectKind.CONSTRAINT) {
            // with code that may make keys left out (a key made under a name read at run time), a key held gone
            // may be there, and be the table's primary key
            droppedKey(o.table(), e, now == Presence.ABSENT && makesLeftOut ? Presence.UNKNOWN : now);
        }
        if (o.kind() == ObjectKind.CONSTRAINT && mayBeForeignKey(e)) {
            forgetReferences(o.table());
        } else if (o.kind() == ObjectKind.TYPE && d.cascade() && gone == null) {
            columnsOfType(o.name().name());
        } else if (o.kind() == ObjectKind.FUNCTION && d.cascade() && gone == null && now != Presence.ABSENT) {
            triggersOf(o.name());
        }
        return missing != null ? missing : gone;
    }

    /**
     * A constraint of {@code table} that was {@code before} (its entry {@code e}, null when there was none) is
     * dropped: the table's primary key goes with it, and one of a kind not known may have been it.
     */
    private void droppedKey(QualifiedName table, Entry e, Presence before) {
        boolean primary = e != null && e.constraintKind == ConstraintKind.PRIMARY_KEY;
        if (primary && before == Presence.PRESENT) {
            setPrimaryKey(table, Presence.ABSENT);
        } else if ((primary || e == null || !knownOtherThanPrimary(e)) && before != Presence.ABSENT
                && primaryKey(table) == Presence.PRESENT) {
            setPrimaryKey(table, Presence.UNKNOWN);
        }
    }

    /** {@link Effect.PrimaryKey}: the table's primary keys the state holds follow. */
    private void applyPrimaryKey(Effect.PrimaryKey k) {
        QualifiedName table = k.table();
        if (k.after() != Presence.PRESENT) {
            List<Slot> keys = new ArrayList<>(copy(primaryKeys.get(table)));
            keys.addAll(copy(maybePrimaryKeys.get(table)));
            for (Slot s : keys) {
                Entry e = entry(s);
                if (e.constraintKind == ConstraintKind.PRIMARY_KEY && e.presence != Presence.ABSENT) {
                    set(s, k.after(), null);
                    keyIndex(ObjectRef.in(ObjectKind.CONSTRAINT, table, s.name().name()), e, k.after());
                }
            }
        }
        setPrimaryKey(table, k.after());
    }

    /**
     * Another table, present, whose foreign key references {@code table}: PostgreSQL refuses to drop
     * {@code table} without {@code CASCADE} while it is there. Null when none is known.
     */
    private QualifiedName referencedBy(QualifiedName table) {
        for (QualifiedName t : referrers(table)) {
            if (!t.equals(table) && presence(ObjectRef.table(t)) == Presence.PRESENT) {
                return t;
            }
        }
        // a foreign key made as a constraint (create_foreign_key, ADD CONSTRAINT ... FOREIGN KEY)
        for (Slot k : referringKeys(table)) {
            Entry e = entries.get(k);
            // a constraint there is on a table that is there, whatever the state knows of the table apart
            if (e.presence == Presence.PRESENT && e.constraintKind == ConstraintKind.FOREIGN_KEY
                    && presence(ObjectRef.table(k.table())) != Presence.ABSENT) {
                return k.table();
            }
        }
        return null;
    }

    /** The constraint slots of tables other than {@code table} whose foreign key may refer to it. */
    private List<Slot> referringKeys(QualifiedName table) {
        return referringKeys.read(table, x -> entries.get(x) != null && table.equals(entries.get(x).referred)
                && x.table() != null && !x.table().equals(table));
    }

    /**
     * Column {@code u}'s default, {@code nextval} of a sequence another drop takes, is {@code left}: gone
     * ({@code CASCADE}), or unknown.
     */
    private void defaultGone(Slot u, Presence left) {
        Entry c = entry(u);
        fileChange(u, c);
        c.hasDefault = left;
        c.borrowUse = Presence.UNKNOWN;
        if (left == Presence.ABSENT) {
            c.borrowed = null;
        }
    }

    /**
     * {@code table} is dropped: the foreign keys of other tables that reference it are gone ({@code CASCADE}
     * takes them; without it the drop failed, and the walk goes on as if it had been made to succeed). Their
     * names are not known, so the constraints of those tables become unknown.
     */
    private void dropReferences(QualifiedName table, Presence after) {
        for (QualifiedName t : referrers(table)) {
            if (!t.equals(table) && tables.get(t).references.removeTo(table)) {
                for (Slot s : constraintsOf.read(t, this::presentMaybeForeignKey)) {
                    set(s, Presence.UNKNOWN, null);
                }
            }
        }
        // a foreign key constraint known to refer to the table goes with it (CASCADE names it)
        for (Slot k : referringKeys(table)) {
            Entry e = entries.get(k);
            if (e.presence != Presence.ABSENT && e.constraintKind == ConstraintKind.FOREIGN_KEY) {
                set(k, after == Presence.ABSENT && e.presence == Presence.PRESENT ? Presence.ABSENT : Presence.UNKNOWN,
                        null);
                forgetReferences(k.table());
            }
        }
    }

    /** A conflict a drop surely meets, and who made the object that depends on what it drops. */
    public record Dependent(Conflict conflict, Maker maker) {
    }

    /**
     * What surely refuses {@code DROP TABLE o} without {@code CASCADE} here ({@link PostgresFacts#dropWithDependents},
     * 2BP01): another table's foreign key to it, or a default copied by {@code LIKE ... INCLUDING DEFAULTS} that takes
     * values from a sequence {@code o} owns ({@link PostgresFacts#defaultUsesSequence}). Only where {@code o}, the
     * dependent and the sequence are present, each made by a statement that runs wherever its revision runs
     * ({@link Sureness#DEFINITE}) and touched by nothing uncertain since; empty otherwise.
     */
    public Optional<Dependent> surelyDependent(ObjectRef o) {
        Entry e = entries.get(slot(o));
        if (!tableLike(o.kind()) || presence(o) != Presence.PRESENT || !definite(e)) {
            return Optional.empty();
        }
        QualifiedName t = o.name();
        for (QualifiedName r : referrers(t)) {
            if (r.equals(t) || presence(ObjectRef.table(r)) != Presence.PRESENT) {
                continue;
            }
            for (String column : tables.get(r).references.columnsTo(t)) {
                Entry c = entries.get(slot(ObjectRef.in(ObjectKind.COLUMN, r, column)));
                if (c != null && c.presence == Presence.PRESENT && definite(c)) {
                    return Optional.of(new Dependent(new Conflict(ObjectRef.table(r), PostgresFacts.dropWithDependents(),
                            true), c.maker));
                }
            }
        }
        for (Slot k : referringKeys(t)) {
            Entry c = entries.get(k);
            if (c.presence == Presence.PRESENT && c.constraintKind == ConstraintKind.FOREIGN_KEY && definite(c)
                    && presence(ObjectRef.table(k.table())) != Presence.ABSENT) {
                return Optional.of(new Dependent(new Conflict(ObjectRef.table(k.table()),
                        PostgresFacts.dropWithDependents(), true), c.maker));
            }
        }
        for (Slot u : sequenceUsers(o, e).sure()) {
            Entry c = entries.get(u);
            if (definite(c) && definite(entries.get(slot(ObjectRef.of(ObjectKind.SEQUENCE, c.borrowed))))) {
                return Optional.of(new Dependent(new Conflict(ObjectRef.in(ObjectKind.COLUMN, u.table(), u.name().name()),
                        PostgresFacts.defaultUsesSequence(), true, Conflict.About.DEFAULT_USES_SEQUENCE), c.maker));
            }
        }
        return Optional.empty();
    }

    private static boolean definite(Entry e) {
        return e != null && e.presence == Presence.PRESENT && e.maker != null && e.maker.how() == Sureness.DEFINITE;
    }

    /** Whether a constraint slot is present and of a kind that may be a foreign key. */
    private boolean presentMaybeForeignKey(Slot s) {
        Entry e = entry(s);
        return e != null && e.presence == Presence.PRESENT && mayBeForeignKey(e);
    }

    /** Whether a constraint's entry (null: none) may be a foreign key. */
    private static boolean mayBeForeignKey(Entry e) {
        return e == null || kindUnknown(e) || e.constraintKind == ConstraintKind.FOREIGN_KEY;
    }

    /** A foreign key of {@code table} may have gone: which tables it references is no longer certain. */
    private void forgetReferences(QualifiedName table) {
        TableFacts f = table == null ? null : tables.get(table);
        if (f != null) {
            f.references.clear();
        }
    }

    /**
     * {@code DROP TYPE t CASCADE} drops every column of type {@code t} or {@code t[]}, in any table: those
     * known to be of it go, those of a type not known may have gone, and so may the columns the state
     * holds no entry for.
     */
    private void columnsOfType(String type) {
        String name = FormatType.userType(type);
        for (Slot s : columnsByType.read(null, x -> filedAs(x, null))) {
            set(s, Presence.UNKNOWN, null);
        }
        for (String t : name == null ? List.of(name + "[]") : List.of(name, name + "[]")) {
            for (Slot s : columnsByType.read(t, x -> filedAs(x, t))) {
                set(s, Presence.ABSENT, null);
                cascadeColumn(s.table(), s.name().name(), Presence.ABSENT);
            }
        }
        // the columns no entry speaks of are unknown already, or known absent (a table made here has none)
    }

    /**
     * {@code DROP FUNCTION f CASCADE} drops every trigger that executes {@code f}, on any table: those known to
     * execute it go; those whose function is not known, or is a namesake in a schema that may be the same, may
     * have gone. The triggers the state holds no entry for are unknown already.
     */
    private void triggersOf(QualifiedName function) {
        List<Slot> triggers = new ArrayList<>();
        for (Map.Entry<Slot, Entry> x : entries.entrySet()) {
            if (x.getValue().kind == ObjectKind.TRIGGER && x.getValue().presence != Presence.ABSENT) {
                triggers.add(x.getKey());
            }
        }
        for (Slot s : triggers) {
            QualifiedName f = entries.get(s).function;
            if (function.equals(f)) {
                set(s, Presence.ABSENT, null);
            } else if (f == null || f.name().equals(function.name())) {
                set(s, Presence.UNKNOWN, null);
            }
        }
    }

    /** Whether {@code s} holds a column of type {@code type} not known absent (of no known type: present). */
    private boolean filedAs(Slot s, String type) {
        Entry e = entry(s);
        return e != null && e.kind == ObjectKind.COLUMN && Objects.equals(e.columnType, type)
                && (type == null ? e.presence == Presence.PRESENT : e.presence != Presence.ABSENT);
    }

    /** Files a column entry for {@link #columnsOfType} (and {@link #userTyped}) as it is now. */
    private void fileColumnType(Slot s, Entry e) {
        if (e.kind != ObjectKind.COLUMN || e.presence == Presence.ABSENT) {
            return;
        }
        if (e.columnType != null || e.presence == Presence.PRESENT) {
            columnsByType.add(e.columnType, s);
        }
    }

    /**
     * The constraint index {@code index} is the index of, when both are present: a UNIQUE, PRIMARY KEY or
     * EXCLUDE constraint of the index's table under the index's name (an index lives in its table's schema).
     * Null otherwise.
     */
    private ObjectRef constraintOfIndex(ObjectRef index) {
        if (keyIsIndex) {
            return null; // the key is the index: dropping the index drops the key
        }
        Entry ix = entry(slot(index));
        if (ix == null || ix.presence != Presence.PRESENT || ix.kind != ObjectKind.INDEX || ix.owner == null) {
            return null;
        }
        ObjectRef key = ObjectRef.in(ObjectKind.CONSTRAINT, ix.owner, index.name().name());
        Entry c = entry(slot(key));
        return c != null && c.presence == Presence.PRESENT && c.constraintKind != null && c.constraintKind.indexBacked()
                ? key : null;
    }

    private void keyIndex(ObjectRef constraint, Entry e, Presence p) {
        if (e.constraintKind != null && !e.constraintKind.indexBacked()) {
            return;
        }
        Slot ix = new Slot(RELATION, null, constraint.name());
        Entry i = entry(ix);
        if (i != null && (i.owner == null || i.owner.equals(constraint.table()))) {
            set(ix, p, ObjectKind.INDEX);
        }
    }

    /**
     * What lives on table {@code t} takes presence {@code p}: its children and the relations it owns (its
     * indexes, sequences and partitions, and theirs: a worklist, as partitions nest to any depth).
     */
    private void cascadeTable(QualifiedName t, Presence p) {
        ArrayDeque<QualifiedName> work = new ArrayDeque<>(List.of(t));
        Set<QualifiedName> seen = new HashSet<>();
        while (!work.isEmpty()) {
            QualifiedName next = work.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (!next.equals(t)) {
                clearChildren(next, p);
                if (p == Presence.ABSENT) {
                    tables.remove(next);
                }
            }
            for (Slot s : toWalk("owned " + p, next, ownedBy.get(next))) {
                set(s, p, null);
            }
            QualifiedName owner = next;
            for (Slot s : ownedTables.read(next, x -> tableLike(entry(x)) && owner.equals(entry(x).owner))) {
                work.push(s.name());
            }
        }
        clearChildren(t, p);
        ownerUnknownReached();
        if (p == Presence.ABSENT) {
            tables.remove(t);
        }
    }

    /** The table's children: no entry left, and those no entry speaks of take {@code p}. */
    private void clearChildren(QualifiedName t, Presence p) {
        for (Slot s : toWalk("children " + p, t, childrenOf.get(t))) {
            if (p == Presence.ABSENT) {
                remove(s);
            } else {
                set(s, p, null);
            }
        }
        columnsDefault(t, p);
        keysDefault(t, p);
        forgetPrimaryKey(t);
    }

    /** The constraints and indexes of {@code table} using {@code column} take {@code p}; those whose columns are not known become unknown. */
    private void cascadeColumn(QualifiedName table, String column, Presence p) {
        TableFacts facts = tables.get(table);
        if (facts != null) {
            facts.references.remove(column);
        }
        Presence primaryBefore = primaryKey(table);
        Presence primaryTaken = null;
        for (Slot s : columnUsers(table, column)) {
            Entry e = entry(s);
            if (!s.namespace().equals(ObjectKind.CONSTRAINT.name()) && !table.equals(e.owner)) {
                continue;
            }
            if ((e.neededByIdentity || e.serial) && e.presence != Presence.ABSENT && e.columns != null
                    && e.columns.contains(column)) {
                // an identity's or a serial's sequence goes with its column
                set(s, p, null);
                continue;
            }
            if (e.presence == Presence.ABSENT || !droppedWithColumn(e.kind)) {
                continue;
            }
            if (e.columns == null) {
                set(s, Presence.UNKNOWN, null);
            } else if (e.columns.contains(column)) {
                set(s, p, null);
                primaryTaken = e.constraintKind == ConstraintKind.PRIMARY_KEY ? p : primaryTaken;
                if (s.namespace().equals(ObjectKind.CONSTRAINT.name())) {
                    keyIndex(ObjectRef.in(ObjectKind.CONSTRAINT, table, s.name().name()), e, p);
                }
            }
        }
        // a column's drop makes no primary key, and takes the one that uses it (one whose columns are not
        // known may)
        if (primaryBefore == Presence.ABSENT) {
            setPrimaryKey(table, Presence.ABSENT);
        } else if (primaryBefore == Presence.PRESENT && !primaryKeys.containsKey(table)) {
            setPrimaryKey(table, primaryTaken != null ? primaryTaken : Presence.UNKNOWN);
        }
        ownerUnknownReached();
        // a constraint the state holds no entry for may use the column
        if (keysDefault.get(table) != Presence.ABSENT && baseline != Presence.ABSENT) {
            keysDefault(table, Presence.UNKNOWN);
        }
    }

    private Conflict rename(Rename r) {
        ObjectRef from = r.object();
        ObjectRef to = r.target();
        if (r.ifExists()) {
            Presence named = presence(r.skippedWhenMissing());
            if (named == Presence.ABSENT) {
                // PostgreSQL skips the statement with a notice
                return null;
            }
            if (named == Presence.UNKNOWN) {
                // renamed or never there: the old name is free either way; the new one may be taken, and
                // what lived on the old name may have moved
                Entry e = entry(slot(from));
                forget(Forget.object(to));
                if (tableLike(e) || e == null && from.kind() == ObjectKind.TABLE) {
                    cascadeTable(from.name(), Presence.UNKNOWN);
                } else if (from.kind() == ObjectKind.COLUMN) {
                    cascadeColumn(from.table(), from.name().name(), Presence.UNKNOWN);
                }
                set(slot(from), Presence.ABSENT, from.kind());
                return null;
            }
        }
        Conflict missing = missingTable(from);
        Presence pf = presence(from);
        Presence pt = presence(to);
        Slot fs = slot(from);
        Slot ts = slot(to);
        Entry e = entry(fs);
        Conflict c = pf == Presence.ABSENT ? new Conflict(from, PostgresFacts.renameMissing(from.kind()), false) : null;
        if (c == null && pf == Presence.PRESENT && from.kind() == ObjectKind.CONSTRAINT && e != null
                && e.constraintKind != null && e.constraintKind.indexBacked()
                && presence(ObjectRef.of(ObjectKind.INDEX, to.name())) == Presence.PRESENT) {
            // a key's index is renamed first, among the schema's relations
            c = new Conflict(ObjectRef.of(ObjectKind.INDEX, to.name()), PostgresFacts.renameTaken(ObjectKind.INDEX), true);
        }
        if (c == null && pt == Presence.PRESENT) {
            c = new Conflict(to, PostgresFacts.renameTaken(from.kind()), true);
        }
        if (missing != null || c != null) {
            // the statement fails: nothing is renamed (a re-run statement is taken as made to tolerate what it met)
            return missing != null ? missing : c;
        }
        boolean table = tableLike(e) || e == null && tableLike(from.kind());
        Entry moved = e != null ? e.copy(Presence.PRESENT) : new Entry(Presence.PRESENT, from.kind());
        moved.maker = maker;
        moved.doubt = null;
        if (e == null && table) {
            moved.relkind = relkind(from.kind());
        }
        set(fs, Presence.ABSENT, from.kind());
        put(ts, moved);
        if (table) {
            moveTable(from.name(), to.name());
        } else if (from.kind() == ObjectKind.COLUMN) {
            renameColumn(from.table(), from.name().name(), to.name().name());
        } else if (from.kind() == ObjectKind.CONSTRAINT && moved.constraintKind != null
                && moved.constraintKind.indexBacked()) {
            // a key's index is renamed with it
            Entry ix = entry(new Slot(RELATION, null, from.name()));
            if (ix != null && (ix.owner == null || ix.owner.equals(from.table()))) {
                set(new Slot(RELATION, null, from.name()), Presence.ABSENT, ObjectKind.INDEX);
                put(new Slot(RELATION, null, to.name()), ix.copy(ix.presence));
            }
        }
        return missing != null ? missing : c;
    }

    /** A table renamed: what lives on it follows it, and the old name has nothing. */
    private void moveTable(QualifiedName from, QualifiedName to) {
        clearChildren(to, Presence.ABSENT);
        for (Slot s : copy(childrenOf.get(from))) {
            Entry e = entry(s);
            remove(s);
            put(new Slot(s.namespace(), to, QualifiedName.of(to.schema(), s.name().name())), e);
        }
        columnsDefault(to, columnsDefault.getOrDefault(from, implicitChildren(from)));
        keysDefault(to, keysDefault.getOrDefault(from, implicitChildren(from)));
        columnsDefault(from, Presence.ABSENT);
        keysDefault(from, Presence.ABSENT);
        for (Slot s : copy(ownedBy.get(from))) {
            Entry e = entry(s);
            remove(s);
            e.owner = to;
            put(s, e);
        }
        // a foreign key references the table, not its name: it follows the rename
        List<QualifiedName> by = referrers(from);
        for (QualifiedName t : by) {
            tables.get(t).references.retarget(from, to);
        }
        TableFacts f = tables.remove(from);
        if (f != null) {
            putFacts(to, f);
            f.references.referred().forEach(r -> referrers.add(r, to));
        } else {
            tables.remove(to);
        }
        for (QualifiedName t : by) {
            referrers.add(to, t.equals(from) ? to : t);
        }
        for (Slot s : referringKeys.read(from, x -> entry(x) != null && from.equals(entry(x).referred))) {
            entry(s).referred = to;
            referringKeys.add(to, s);
        }
    }

    private Presence implicitChildren(QualifiedName table) {
        return forgottenNames.contains(lower(table.name())) ? Presence.UNKNOWN : baseline;
    }

    private void renameColumn(QualifiedName table, String from, String to) {
        for (Slot s : columnUsers(table, from)) {
            Entry e = entry(s);
            if (e.columns != null && e.columns.contains(from)) {
                setColumns(s, e, frozen(e.columns.stream().map(c -> c.equals(from) ? to : c).toList()));
            }
        }
        TableFacts f = tables.get(table);
        if (f != null) {
            f.references.renameColumn(from, to);
        }
        if (f != null) {
            // whether the renamed column must be given a value is followed no further
            f.required = null;
            if (f.uniqueKeys != null) {
                f.uniqueKeys.replaceAll(k -> k.stream().map(c -> c.equals(from) ? to : c).toList());
            }
        }
    }

    /**
     * {@code ALTER COLUMN} on a column's identity or default. A column known absent is the {@link Require}
     * before it's to report; on a column whose identity is unknown nothing fails. {@code ADD GENERATED}
     * takes the sequence name {@code t_c_seq} when it is known free, else an unknown one of {@code t_c_seq},
     * {@code t_c_seq1}...; {@code DROP IDENTITY} drops that sequence.
     */
    private Conflict alterColumn(Effect.AlterColumn a) {
        ObjectRef c = a.column();
        Presence col = presence(c);
        if (col == Presence.ABSENT || tableAbsent(c)) {
            return null;
        }
        Slot s = slot(c);
        Entry e = entry(s);
        if (e == null) {
            if (a.change() == Effect.AlterColumn.Change.UNKNOWN) {
                return null;
            }
            // the statement ran, so the column is there; what else is known of it stays as it was
            e = new Entry(col, ObjectKind.COLUMN);
            put(s, e);
        }
        fileChange(s, e);
        Presence identity = e.identity;
        switch (a.change()) {
            case ADD_IDENTITY -> {
                if (identity == Presence.PRESENT) {
                    return new Conflict(c, PostgresFacts.identityAlreadyPresent(), true, Conflict.About.IDENTITY);
                }
                Conflict x = e.hasDefault == Presence.PRESENT
                        ? new Conflict(c, PostgresFacts.identityOverDefault(), true, Conflict.About.DEFAULT) : null;
                e.identity = Presence.PRESENT;
                e.hasDefault = Presence.ABSENT;
                e.serialDefault = Presence.ABSENT;
                e.borrowed = null;
                e.identitySequence = identitySequence(c, x == null ? a.sequence() : null);
                return x;
            }
            case DROP_IDENTITY, DROP_IDENTITY_IF_EXISTS -> {
                Conflict x = identity == Presence.ABSENT && a.change() == Effect.AlterColumn.Change.DROP_IDENTITY
                        ? new Conflict(c, PostgresFacts.identityMissing(), false, Conflict.About.IDENTITY) : null;
                if (identity != Presence.ABSENT) {
                    forgetIdentitySequence(e, a.sequence(), Presence.ABSENT);
                }
                e.identity = Presence.ABSENT;
                return x;
            }
            case SET_DEFAULT, DROP_DEFAULT -> {
                boolean set = a.change() == Effect.AlterColumn.Change.SET_DEFAULT;
                if (identity == Presence.PRESENT) {
                    return new Conflict(c, set ? PostgresFacts.setDefaultOfIdentity()
                            : PostgresFacts.dropDefaultOfIdentity(), true, Conflict.About.IDENTITY);
                }
                e.hasDefault = set ? Presence.PRESENT : Presence.ABSENT;
                // a new default may be nextval of the same sequence
                e.serialDefault = set ? Presence.UNKNOWN : Presence.ABSENT;
                e.borrowed = set ? e.borrowed : null;
                e.borrowUse = Presence.UNKNOWN;
                return null;
            }
            default -> {
                if (identity != Presence.ABSENT) {
                    forgetIdentitySequence(e, a.sequence(), Presence.UNKNOWN);
                }
                e.identity = Presence.UNKNOWN;
                e.hasDefault = Presence.UNKNOWN;
                e.serialDefault = Presence.UNKNOWN;
                e.borrowUse = Presence.UNKNOWN;
                return null;
            }
        }
    }

    /**
     * {@code ALTER COLUMN c TYPE t USING f(c, ...)}: PostgreSQL resolves {@code f} on the column's type as it is,
     * before it reads a row, so on a column that already has a type {@code f} takes no form of, it fails
     * (42883) even on an empty table ({@link PostgresFacts#conversionFails}); so does {@code USING to_timestamp(c +
     * 18000)} on a column that is a timestamp already (no operator adds an integer to one). Afterwards the column has the type
     * read, and is there; a type not read is not known.
     */
    private Conflict columnType(Effect.ColumnType x) {
        ObjectRef c = x.column();
        Presence col = presence(c);
        if (col == Presence.ABSENT || tableAbsent(c)) {
            return null;
        }
        TypeChange change = x.change();
        String have = columnType(c);
        Conflict out = PostgresFacts.conversionFails(change, have)
                ? new Conflict(c, PostgresFacts.conversionFunctionMissing(), true, Conflict.About.TYPE) : null;
        if (out == null && change.cast() != null) {
            out = castFails(c, change.cast());
        }
        if (change.formatType() != null && col != Presence.PRESENT) {
            set(slot(c), Presence.PRESENT, ObjectKind.COLUMN);
        }
        Slot s = slot(c);
        Entry e = entry(s);
        if (e != null && (!Objects.equals(e.columnType, change.formatType())
                || !Objects.equals(e.priorType, e.columnType))) {
            fileChange(s, e);
            e.priorType = e.columnType;
            e.columnType = change.formatType();
            fileColumnType(s, e);
        }
        return out;
    }

    /**
     * {@code USING other::T} in a type change of {@code c}: PostgreSQL casts the column {@code other} of the same
     * table as it is when the statement starts (the type an earlier action of the statement gives it is not yet its
     * type), so a type with no cast to {@code T} fails with 42846 ({@link PostgresFacts#castMissing}). Null when the
     * column or its type is not known.
     */
    private Conflict castFails(ObjectRef c, TypeChange.Cast cast) {
        ObjectRef from = ObjectRef.in(ObjectKind.COLUMN, c.table(), cast.column());
        Entry e = entries.get(slot(from));
        if (e == null || e.presence != Presence.PRESENT) {
            return null;
        }
        String have = cast.retypedBefore() ? e.priorType : e.columnType;
        return PostgresFacts.castMissing(have, cast.type())
                ? new Conflict(from, PostgresFacts.castMissing(), true, Conflict.About.TYPE) : null;
    }

    /**
     * A serial column made: PostgreSQL creates its sequence under the first free name of {@code t_c_seq},
     * {@code t_c_seq1}..., owned by the column, and gives the column the default {@code nextval} of it. The
     * first name is the sequence's when it is known free; when it may be taken, which name it got is not
     * known. A tolerant creation ({@code IF NOT EXISTS}) of a column not known absent may have made nothing.
     */
    private Conflict serial(Effect.Serial x) {
        ObjectRef c = x.column();
        Slot cs = slot(c);
        Entry col = entry(cs);
        ObjectRef seq = ObjectRef.of(ObjectKind.SEQUENCE, x.sequence());
        Slot ss = slot(seq);
        if (col == null || col.presence != Presence.PRESENT || x.tolerant() && !cs.equals(madeNow)) {
            // made or not; a name taken makes it take another
            if (presence(seq) == Presence.ABSENT) {
                set(ss, Presence.UNKNOWN, ObjectKind.SEQUENCE);
            }
            if (col != null && col.presence == Presence.PRESENT) {
                fileChange(cs, col);
                col.identity = Presence.UNKNOWN;
                col.hasDefault = Presence.UNKNOWN;
                col.serialDefault = Presence.UNKNOWN;
            }
            return null;
        }
        fileChange(cs, col);
        col.identity = Presence.ABSENT;
        col.hasDefault = Presence.PRESENT;
        // serial implies NOT NULL
        col.notNull = true;
        Presence now = presence(seq);
        if (now != Presence.ABSENT || tableAbsent(c)) {
            if (now == Presence.UNKNOWN) {
                set(ss, Presence.UNKNOWN, ObjectKind.SEQUENCE);
            }
            col.serialDefault = Presence.UNKNOWN;
            return null;
        }
        Entry e = sequenceOf(c, false);
        e.maker = maker;
        put(ss, e);
        col.serialDefault = Presence.PRESENT;
        return null;
    }

    /**
     * Whether {@code DROP SEQUENCE} of {@code seq} (present) fails on what depends on it: {@link Presence#PRESENT}
     * when an identity column needs it, or (without {@code cascade}) its serial column's default uses it;
     * {@link Presence#UNKNOWN} when whether that default still uses it is not known; else {@link Presence#ABSENT}.
     */
    public Presence sequenceNeeded(ObjectRef seq, boolean cascade) {
        Entry e = entry(slot(seq));
        if (e == null || e.presence != Presence.PRESENT) {
            return Presence.ABSENT;
        }
        if (e.neededByIdentity) {
            return Presence.PRESENT;
        }
        return e.serial && !cascade ? serialUse(e) : Presence.ABSENT;
    }

    /** The column a serial's sequence {@code seq} belongs to, when the state holds it present; else null. */
    private Entry serialColumn(Entry seq) {
        if (!seq.serial || seq.owner == null || seq.columns == null || seq.columns.size() != 1) {
            return null;
        }
        Entry col = entry(slot(ObjectRef.in(ObjectKind.COLUMN, seq.owner, seq.columns.get(0))));
        return col == null || col.presence != Presence.PRESENT ? null : col;
    }

    /** Whether the default of the column owning serial sequence {@code seq} takes values from it. */
    private Presence serialUse(Entry seq) {
        Entry col = serialColumn(seq);
        if (col == null) {
            return Presence.UNKNOWN;
        }
        return col.hasDefault == Presence.ABSENT ? Presence.ABSENT : col.serialDefault;
    }

    /** The identity sequence of column {@code c} when PostgreSQL's first choice {@code name} is known free; else null. */
    private QualifiedName identitySequence(ObjectRef c, QualifiedName name) {
        if (name == null) {
            return null;
        }
        Slot s = new Slot(RELATION, null, name);
        Presence now = presence(ObjectRef.of(ObjectKind.SEQUENCE, name));
        if (now != Presence.ABSENT) {
            if (now == Presence.UNKNOWN) {
                // this name or the next free one
                set(s, Presence.UNKNOWN, ObjectKind.SEQUENCE);
            }
            return null;
        }
        put(s, sequenceOf(c, true));
        return name;
    }

    /** A sequence made for column {@code c}: its identity's ({@code identity}), which it needs, or its serial's. */
    private static Entry sequenceOf(ObjectRef c, boolean identity) {
        Entry e = new Entry(Presence.PRESENT, ObjectKind.SEQUENCE);
        e.relkind = 'S';
        e.owner = c.table();
        e.columns = frozen(List.of(c.name().name()));
        e.neededByIdentity = identity;
        e.serial = !identity;
        return e;
    }

    /**
     * The identity's sequence of column entry {@code e} takes presence {@code p}; when its name is not known,
     * the sequence of PostgreSQL's first-choice {@code name} may be it, and is no longer known.
     */
    private void forgetIdentitySequence(Entry e, QualifiedName name, Presence p) {
        if (e.identitySequence != null) {
            Slot s = new Slot(RELATION, null, e.identitySequence);
            Entry seq = entry(s);
            if (seq != null && seq.neededByIdentity) {
                set(s, p, ObjectKind.SEQUENCE);
                seq.neededByIdentity = false;
            }
        } else if (name != null) {
            Slot s = new Slot(RELATION, null, name);
            Entry seq = entry(s);
            if (seq != null && seq.presence != Presence.ABSENT) {
                set(s, Presence.UNKNOWN, ObjectKind.SEQUENCE);
                seq.neededByIdentity = false;
            }
        }
        e.identitySequence = null;
    }

    private Conflict require(ObjectRef o) {
        Conflict missing = missingTable(o);
        if (missing != null) {
            return missing;
        }
        return presence(o) == Presence.ABSENT ? new Conflict(o, PostgresFacts.dropMissing(o.kind()), false) : null;
    }

    private Conflict write(Write w) {
        Conflict missing = require(w.table());
        if (missing != null) {
            return missing;
        }
        if (w.from() == RowSource.Kind.AS_WRITTEN || copiesKnownRows(w)) {
            facts(w.table().name()).knownRows = true;
        }
        if (w.rows() == null) {
            return null;
        }
        TableFacts f = facts(w.table().name());
        Conflict dup = null;
        if (f.uniqueKeys != null) {
            f.keyValues.keySet().retainAll(new HashSet<>(f.uniqueKeys));
            for (List<String> key : f.uniqueKeys) {
                Set<List<String>> written = keyValues(f, key);
                for (Map<String, String> row : w.rows()) {
                    List<String> values = dup == null ? values(row, key) : null;
                    if (values != null && written.contains(values)) {
                        dup = new Conflict(w.table(), SqlState.UNIQUE_VIOLATION, true);
                    }
                }
            }
        } else {
            f.keyValues.clear();
        }
        for (Map<String, String> row : w.rows()) {
            f.rows.add(row);
            f.rowColumns.addAll(row.keySet());
            f.keyValues.forEach((key, written) -> {
                List<String> values = values(row, key);
                if (values != null) {
                    written.add(values);
                }
            });
        }
        return dup;
    }

    /**
     * Whether {@code w} copies every row of another table that holds rows the state knows: the copy writes at
     * least those. A copy of the table itself is not: its first run fails on a key, or the table held no row.
     */
    private boolean copiesKnownRows(Write w) {
        TableFacts from = w.from() == RowSource.Kind.COPY && w.copied() != null && !w.copied().equals(w.table())
                ? tables.get(w.copied().name()) : null;
        return from != null && from.knownRows;
    }

    /**
     * What is known of {@code table}'s rows: {@code stamp} changes whenever rows may have been removed from it
     * (or it was made again), {@code known} says some write since put rows the state knows into it (as the
     * statement wrote them, or every row of a table holding such rows). Nothing is known of rows written by
     * a query, or by code not read.
     */
    public record Rows(int stamp, boolean known, int removals) {
        /** Whether no row may have been removed between {@code this} and {@code later} of the same table. */
        public boolean same(Rows later) {
            return stamp == later.stamp && removals == later.removals;
        }
    }

    /**
     * What is known of {@code table}'s rows (see {@link Rows}). A table first spoken of here gets its facts now,
     * with the defaults every other question reads for a table without them, so that its stamp holds from here.
     */
    public Rows rows(QualifiedName table) {
        TableFacts f = facts(table);
        return new Rows(f.rowsStamp, f.knownRows, f.removals.size());
    }

    /**
     * Whether every row {@code w} wrote into {@code table} when its rows were {@code then} is still there: the
     * stamp holds, and each removal since picks rows by constants that certainly miss those {@code w} wrote.
     */
    public boolean keeps(QualifiedName table, Rows then, Effect.Write w) {
        TableFacts f = facts(table);
        if (f.rowsStamp != then.stamp()) {
            return false;
        }
        for (int i = then.removals(); i < f.removals.size(); i++) {
            KeyedRemoval k = f.removals.get(i);
            if (!k.removal().misses(w, k.folded())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removals by constants kept per stamp: each is read again by every later {@link #keeps} and by every row the
     * next one reads, so past this many the next one forgets the rows as an unread DELETE does.
     */
    static final int MAX_KEYED_REMOVALS = 64;

    /** A removal by constants and its values folded once ({@link Effect.RemoveRows#folded()}). */
    private record KeyedRemoval(Effect.RemoveRows removal, Set<String> folded) {
    }

    /**
     * A DELETE whose rows are not read: none written before is known to be there any more. One that picks rows by a
     * column's constants (up to {@link #MAX_KEYED_REMOVALS} per stamp) leaves the stamp, and is logged for
     * {@link #keeps}; the rows the state holds stay only
     * where they give the column a constant that certainly differs, and no copy of the table is known any more.
     */
    private void removeRows(Effect.RemoveRows r) {
        TableFacts f = facts(r.table().name());
        f.knownRows = false;
        f.keyValues.clear();
        if (r.column() != null && f.removals.size() < MAX_KEYED_REMOVALS) {
            Set<String> removed = r.folded();
            f.removals.add(new KeyedRemoval(r, removed));
            f.rows.removeIf(row -> row.get(r.column()) == null || !r.stays(removed, row.get(r.column())));
            return;
        }
        f.rowsStamp = ++rowsStamps;
        f.removals.clear();
        f.rows.clear();
        f.rowColumns.clear();
    }

    /** The values of {@code f}'s rows under {@code key}, as {@link TableFacts#keyValues} keeps them. */
    private static Set<List<String>> keyValues(TableFacts f, List<String> key) {
        Set<List<String>> written = f.keyValues.get(key);
        if (written == null) {
            written = new HashSet<>();
            if (f.rowColumns.containsAll(key)) {
                for (Map<String, String> r : f.rows) {
                    List<String> values = values(r, key);
                    if (values != null) {
                        written.add(values);
                    }
                }
            }
            f.keyValues.put(key, written);
        }
        return written;
    }

    /** A row's values under {@code key}, in its order; null unless the row gives every column of it a value. */
    private static List<String> values(Map<String, String> row, List<String> key) {
        List<String> out = new ArrayList<>(key.size());
        for (String c : key) {
            String v = row.get(c);
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        return out;
    }

    /**
     * Says that code which may make objects was left out of what this state was given (a re-run claim that an
     * object is there is undone only by what may take it): an object it holds absent may be there.
     */
    void leaveOutMakes() {
        makesLeftOut = true;
    }

    private void forget(Forget f) {
        reachNow = f.reach();
        try {
            forgetReaching(f);
        } finally {
            reachNow = null;
        }
        if (f.scope() == Forget.Scope.KIND) {
            // why a name of the kind the state holds no entry for is unknown: what doubt() answers
            String ns = namespace(f.kind());
            List<String> reached = ns.equals(RELATION) && f.object() == null ? List.of(ns, ObjectKind.COLUMN.name(),
                    ObjectKind.CONSTRAINT.name(), ObjectKind.TRIGGER.name(), ObjectKind.POLICY.name(),
                    ObjectKind.RULE.name()) : List.of(ns);
            for (String r : reached) {
                scopeDoubts.merge(r, f.reach(), (a, b) -> a == b ? a : Forget.Reach.MAKES_OR_TAKES);
            }
        }
    }

    private void forgetReaching(Forget f) {
        switch (f.scope()) {
            case EVERYTHING -> {
                if (f.tablesKept()) {
                    keepTables(f.names());
                }
                forgetEverything();
            }
            case KIND -> {
                QualifiedName table = f.object() == null ? null : f.object().name();
                if (f.reach() == Forget.Reach.MAKES && namespace(f.kind()).equals(TYPE) && table == null) {
                    forgetMadeTypes();
                } else if (f.reach() == Forget.Reach.MAKES && f.kind() == ObjectKind.CONSTRAINT && table != null) {
                    keyMade(table, true);
                } else if (f.constraintKind() != null && f.reach() == Forget.Reach.TAKES) {
                    forgetConstraints(table, f.constraintKind());
                } else {
                    // a kind whose objects bring others (a relation its columns and keys) is forgotten both ways
                    forgetKind(f.kind(), table);
                }
            }
            case NAMED -> {
                for (String n : f.names()) {
                    String k = lower(n);
                    for (Slot s : copy(byName.get(k))) {
                        set(s, Presence.UNKNOWN, null);
                    }
                    // read before the tables' defaults (implicit), so it covers their children too
                    forgottenNames.add(k);
                    for (QualifiedName t : factsByName.read(k, tables::containsKey)) {
                        tables.get(t).references.clear();
                        tables.get(t).primaryKey = null;
                    }
                }
            }
            case TABLE_KEYS -> keyMade(f.object().name(), false);
            case OBJECT -> {
                ObjectRef o = f.object();
                Slot s = slot(o);
                Entry e = entry(s);
                if (f.reach() == Forget.Reach.MAKES && e != null && e.presence == Presence.PRESENT
                        && presence(o) == Presence.PRESENT) {
                    // code that may make an object that is there leaves it as it is: a CREATE of it fails (the run
                    // stops there) or, IF NOT EXISTS, passes over it
                    return;
                }
                boolean table = tableLike(e) || e == null && tableLike(o.kind());
                set(s, Presence.UNKNOWN, o.kind());
                doubted(s, f.reach());
                if (table) {
                    cascadeTable(o.name(), Presence.UNKNOWN);
                } else if (o.kind() == ObjectKind.COLUMN) {
                    cascadeColumn(o.table(), o.name().name(), Presence.UNKNOWN);
                } else if (o.kind() == ObjectKind.CONSTRAINT && e != null) {
                    keyIndex(o, e, Presence.UNKNOWN);
                }
                if (o.kind() == ObjectKind.CONSTRAINT) {
                    forgetReferences(o.table());
                    if (e == null || !knownOtherThanPrimary(e)) {
                        forgetPrimaryKey(o.table());
                    }
                }
            }
        }
    }

    /**
     * The constraints of {@code table} of kind {@code k}, or of a kind not known, and the indexes of its unique
     * ones, may be gone or made; those of another kind stay as known, and so does whether the table has a
     * primary key. Only a drop is narrowed so ({@link Forget.Reach#TAKES}): the names the state does not hold
     * stay as they were. A unique drop is MariaDB's {@code DROP INDEX}, which may take any index of the table:
     * those are forgotten too.
     */
    private void forgetConstraints(QualifiedName table, ConstraintKind k) {
        String ns = namespace(ObjectKind.CONSTRAINT);
        for (Slot s : copy(childrenOf.get(table))) {
            Entry e = entry(s);
            if (s.namespace().equals(ns) && (e == null || kindUnknown(e) || e.constraintKind == k)) {
                if (e != null) {
                    keyIndex(ObjectRef.in(ObjectKind.CONSTRAINT, table, s.name().name()), e, Presence.UNKNOWN);
                }
                set(s, Presence.UNKNOWN, null);
            }
        }
        if (k == ConstraintKind.FOREIGN_KEY) {
            forgetReferences(table);
        }
        if (k == ConstraintKind.UNIQUE) {
            List<Slot> indexes = new ArrayList<>(copy(ownedBy.get(table)));
            indexes.addAll(copy(ownerUnknown));
            for (Slot s : indexes) {
                Entry e = entry(s);
                if (e != null && e.kind == ObjectKind.INDEX) {
                    set(s, Presence.UNKNOWN, null);
                }
            }
            TableFacts f = tables.get(table);
            if (f != null) {
                f.uniqueKeys = null;
            }
        }
    }

    private void forgetEverything() {
        for (Map.Entry<Slot, Entry> x : entries.entrySet()) {
            Entry e = x.getValue();
            if (e.maker != null && e.presence != Presence.ABSENT) {
                if (makersWriter != writer) {
                    makersForgotten = new HashMap<>(makersForgotten);
                    makersWriter = writer;
                }
                makersForgotten.put(x.getKey(), e.maker);
            }
        }
        entries.clear();
        indexes.forEach(SetIndex::clear);
        uses.clear();
        ownerUnknown.clear();
        columnsDefault.clear();
        keysDefault.clear();
        forgottenNames.clear();
        forgottenScopes.clear();
        scopeDoubts.clear();
        tables.clear();
        userTyped.clear();
        changed.clear();
        changedOn.clear();
        baseline = Presence.UNKNOWN;
    }

    /**
     * A drop or rename of a {@code kind} object whose name the analyzer cannot read (on {@code table} when
     * it is not null): every name of the kind's namespace may now be taken or free. What PostgreSQL takes
     * along without {@code CASCADE} (the producer forgets everything for a statement that may cascade) goes
     * too: a relation's columns, keys, triggers, indexes and owned sequences; a column's keys, indexes and
     * owned sequences (and which columns a key uses, as a rename of a column leaves it). Relations share one
     * namespace and {@code ALTER TABLE}/{@code ALTER INDEX ... RENAME} rename any relation, an index renamed
     * renames its key constraint (and the other way round), so a relation kind forgets every relation and
     * every table's keys. A type renamed changes the name columns of it print. Kinds whose statements reach
     * further (a schema renamed moves its objects, an extension dropped takes its members) forget everything.
     */
    private void forgetKind(ObjectKind kind, QualifiedName table) {
        String ns = namespace(kind);
        boolean tableScoped = ObjectRef.tableScoped(kind);
        if (!tableScoped && !ns.equals(RELATION) && !ns.equals(TYPE) && !ns.equals(ROUTINE)
                && kind != ObjectKind.ROLE) {
            forgetEverything();
            return;
        }
        if (tableScoped) {
            if (table != null) {
                forgetOfTable(table, kind == ObjectKind.COLUMN);
            } else {
                for (QualifiedName t : knownTables(changedSince(ns))) {
                    forgetOfTable(t, kind == ObjectKind.COLUMN);
                }
                forgetOwnerUnknown();
                forgottenScopes.add(new Scope(ns, null));
            }
            if (kind == ObjectKind.CONSTRAINT) {
                forgetIndexNames();
            }
            return;
        }
        List<Slot> since = changedSince(ns);
        int cascaded = changed.end();
        forgetNamespace(since, ns, ns.equals(RELATION));
        forgottenScopes.add(new Scope(ns, null));
        if (ns.equals(RELATION)) {
            // with the tables the relations' cascades reached (a partition of a table whose keys changed)
            List<Slot> reached = new ArrayList<>(since);
            reached.addAll(changed.from(cascaded));
            for (QualifiedName t : knownTables(reached)) {
                forgetOfTable(t, false);
                columnsDefault(t, Presence.UNKNOWN);
                TableFacts f = tables.get(t);
                if (f != null) {
                    f.required = null;
                    f.madeHere = false;
                }
            }
            for (ObjectKind k : List.of(ObjectKind.COLUMN, ObjectKind.CONSTRAINT, ObjectKind.TRIGGER,
                    ObjectKind.POLICY, ObjectKind.RULE)) {
                forgottenScopes.add(new Scope(k.name(), null));
            }
        } else if (ns.equals(TYPE)) {
            for (Slot s : userTyped) {
                Entry e = entry(s);
                if (e != null && e.kind == ObjectKind.COLUMN && PostgresFacts.typeFamily(e.columnType) == null) {
                    e.columnType = null;
                    fileColumnType(s, e);
                }
            }
            userTyped.clear();
        }
    }

    /**
     * Types (and domains, one namespace) may have been made under names not known: every type name gone may
     * now be taken. What is there stays, and a type made takes nothing along (its array type is a type too).
     */
    private void forgetMadeTypes() {
        namesMayBeTaken("made " + TYPE, TYPE, null);
    }

    /** A key renamed renames its index: any relation name may be taken, so no index is known absent. */
    private void forgetIndexNames() {
        namesMayBeTaken("index names", RELATION, ObjectKind.INDEX);
    }

    /**
     * Any name of namespace {@code ns} may now be taken: the entries there (of {@code kind}, null: any) held gone
     * become unknown, visited as forget {@code reader} ({@link #changedSince}); what is there stays.
     */
    private void namesMayBeTaken(String reader, String ns, ObjectKind kind) {
        for (Slot s : changedSince(reader)) {
            Entry e = entry(s);
            if (s.namespace().equals(ns) && e != null && (kind == null || e.kind == kind)
                    && e.presence == Presence.ABSENT) {
                set(s, Presence.UNKNOWN, null);
            }
        }
        forgottenScopes.add(new Scope(ns, null));
    }

    /**
     * The slots filed in {@link #changed} since the last forget of {@code kind} began (each once, in the order
     * first filed): what a forget of the kind as a whole has not visited as it stands. A forget leaves what it
     * visits as a second one would, so the slots it changes itself are read once more by the next, and no
     * more.
     */
    private List<Slot> changedSince(String kind) {
        List<Slot> since = changed.since(kind);
        return since == null || walkWhole ? everything() : since;
    }

    /** Every slot the state holds, and the relation slot of every table it holds anything of. */
    private List<Slot> everything() {
        Set<Slot> all = new LinkedHashSet<>(entries.keySet());
        for (Set<QualifiedName> held : List.of(childrenOf.keySet(), ownedBy.keySet(), columnsDefault.keySet(),
                keysDefault.keySet(), tables.keySet())) {
            for (QualifiedName t : held) {
                all.add(new Slot(RELATION, null, t));
            }
        }
        return new ArrayList<>(all);
    }

    /** Every entry of namespace {@code ns} among {@code slots} becomes unknown; with {@code relations}, what lives on a table too. */
    private void forgetNamespace(List<Slot> since, String ns, boolean relations) {
        List<Slot> slots = new ArrayList<>();
        for (Slot s : since) {
            if (s.namespace().equals(ns)) {
                slots.add(s);
            }
        }
        for (Slot s : slots) {
            Entry e = entry(s);
            if (e == null) {
                continue;
            }
            boolean table = relations && tableLike(e) && e.presence != Presence.ABSENT;
            set(s, Presence.UNKNOWN, null);
            if (table) {
                cascadeTable(s.name(), Presence.UNKNOWN);
            }
        }
    }

    /**
     * The constraints, triggers, policies and indexes of {@code table} become unknown, and no longer say
     * which columns they use; with {@code columns}, its columns too.
     */
    private void forgetOfTable(QualifiedName table, boolean columns) {
        if (columns) {
            for (Slot s : toWalk("columns", table, childrenOf.get(table))) {
                if (s.namespace().equals(ObjectKind.COLUMN.name())) {
                    set(s, Presence.UNKNOWN, null);
                }
            }
            columnsDefault(table, Presence.UNKNOWN);
            List<Slot> keys = new ArrayList<>(toWalk("children's columns", table, childrenOf.get(table)));
            keys.addAll(toWalk("owned's columns", table, ownedBy.get(table)));
            for (Slot s : keys) {
                Entry e = entry(s);
                if (e != null) {
                    setColumns(s, e, null);
                }
            }
        }
        forgetTableKeys(table);
        forgetReferences(table);
        TableFacts f = tables.get(table);
        if (f != null) {
            f.uniqueKeys = null;
            if (columns) {
                f.required = null;
            }
        }
    }

    /** The tables among {@code since} (by the relation slot of their name) that the state holds anything of. */
    private Set<QualifiedName> knownTables(List<Slot> since) {
        Set<QualifiedName> out = new LinkedHashSet<>();
        for (Slot s : since) {
            if (s.relation() && known(s.name())) {
                out.add(s.name());
            }
        }
        return out;
    }

    private boolean known(QualifiedName table) {
        return childrenOf.containsKey(table) || ownedBy.containsKey(table) || columnsDefault.containsKey(table)
                || keysDefault.containsKey(table) || tables.containsKey(table)
                || tableLike(entry(new Slot(RELATION, null, table)));
    }

    /**
     * Present indexes of no known table may be any table's: a forget of a table-scoped kind takes them as it
     * takes the keys of any known table ({@link #forgetTableKeys}), when the state knows a table at all.
     */
    private void forgetOwnerUnknown() {
        if (ownerUnknown.isEmpty()) {
            return;
        }
        boolean anyTable = !childrenOf.isEmpty() || !ownedBy.isEmpty() || !columnsDefault.isEmpty()
                || !keysDefault.isEmpty() || !tables.isEmpty()
                || entries.values().stream().anyMatch(SchemaState::tableLike);
        if (anyTable) {
            ownerUnknownReached();
        }
    }

    /** What reaches a table's indexes reaches the present indexes of no known table: any may be the table's. */
    private void ownerUnknownReached() {
        for (Slot s : copy(ownerUnknown)) {
            set(s, Presence.UNKNOWN, null);
        }
    }

    /** The constraints, triggers, policies and indexes of a table (and indexes of no known table) become unknown. */
    private void forgetTableKeys(QualifiedName table) {
        for (Slot s : toWalk("keys", table, childrenOf.get(table))) {
            if (!s.namespace().equals(ObjectKind.COLUMN.name())) {
                set(s, Presence.UNKNOWN, null);
            }
        }
        keysDefault(table, Presence.UNKNOWN);
        for (Slot s : toWalk("owned " + Presence.UNKNOWN, table, ownedBy.get(table))) {
            set(s, Presence.UNKNOWN, null);
        }
        ownerUnknownReached();
        forgetPrimaryKey(table);
    }

    /**
     * A key (or its index) of {@code table} was made under a name not known, and took nothing, so whether the table
     * has a primary key stays as known (a primary key made so says it has one: {@link Effect.PrimaryKey}); any name
     * of the table's keys no entry speaks of may now be taken. A name the project's convention or PostgreSQL derives
     * from the table and its columns (PostgreSQL taking the next free one) is taken to be none of the names the state
     * holds, which the revision writes out itself. A name the code reads at run time ({@code readAtRunTime}) may be
     * one the state holds gone (a primary key dropped and made again under the name the inspector read before), so
     * every key held gone may be there again. What is there stays, and an assumed table's keys stay unknown for code
     * that may make them ({@link #assumeTable}).
     */
    private void keyMade(QualifiedName table, boolean readAtRunTime) {
        TableFacts facts = tables.get(table);
        Forget.Reach doubt = facts == null ? null : facts.childrenDoubt;
        Presence primary = primaryKey(table);
        if (readAtRunTime) {
            for (Slot s : toWalk("keys made", table, childrenOf.get(table))) {
                Entry e = entry(s);
                if (s.namespace().equals(ObjectKind.CONSTRAINT.name()) && e != null && e.presence == Presence.ABSENT) {
                    set(s, Presence.UNKNOWN, null);
                }
            }
        }
        keysDefault(table, Presence.UNKNOWN);
        if (primary != Presence.UNKNOWN) {
            setPrimaryKey(table, primary);
        }
        if (doubt != null && tables.get(table) == facts) {
            facts.childrenDoubt = doubt;
        }
    }

    // ---- the store ----

    /** Sets a slot's presence, keeping what else is known of it. */
    private void set(Slot s, Presence p, ObjectKind kind) {
        Entry e = entry(s);
        if (e == null) {
            Entry made = new Entry(p, kind != null ? kind : ObjectKind.OTHER);
            made.doubt = p == Presence.UNKNOWN ? reachNow : null;
            put(s, made);
        } else {
            if (e.presence != p || p != Presence.PRESENT && (e.identity != Presence.UNKNOWN
                    || e.hasDefault != Presence.UNKNOWN || e.identitySequence != null
                    || e.serialDefault != Presence.UNKNOWN || e.notNull || e.borrowed != null)) {
                fileChange(s, e);
            }
            boolean wasAbsent = e.presence == Presence.ABSENT;
            if (e.presence != p) {
                e.doubt = p == Presence.UNKNOWN ? reachNow : null;
            } else if (p == Presence.UNKNOWN && e.doubt != reachNow) {
                // a second cause, or one not recorded
                e.doubt = e.doubt == null || reachNow == null ? null : Forget.Reach.MAKES_OR_TAKES;
            }
            if (p == Presence.ABSENT) {
                e.maker = null;
            }
            e.presence = p;
            if (wasAbsent) {
                fileColumnType(s, e);
            }
            if (p == Presence.PRESENT) {
                fileConstraint(s);
            }
            if (p != Presence.PRESENT) {
                // a column gone, or that may have been made again, has no identity or default anyone knows
                e.identity = Presence.UNKNOWN;
                e.hasDefault = Presence.UNKNOWN;
                e.identitySequence = null;
                e.serialDefault = Presence.UNKNOWN;
                e.notNull = false;
                e.borrowed = null;
                e.borrowUse = Presence.UNKNOWN;
            }
            if (e.owner == null && e.kind == ObjectKind.INDEX && p != Presence.PRESENT) {
                ownerUnknown.remove(s);
            } else if (e.owner == null && e.kind == ObjectKind.INDEX) {
                ownerUnknown.add(s);
            }
            unindexUse(s);
            indexUse(s, e);
            unindexKey(s);
            indexKey(s, e);
        }
    }

    /**
     * Names the maker of {@code s}, unknown now after an effect that may {@code reach} it: code that may make it
     * where it was absent is its maker (conditionally); what was made stays its maker when code may take it.
     */
    private void doubted(Slot s, Forget.Reach reach) {
        Entry e = entry(s);
        if (e == null || e.presence != Presence.UNKNOWN) {
            return;
        }
        if (reach.mayMake() && e.maker == null && maker != null) {
            e.maker = maker.with(Sureness.CONDITIONAL);
        }
    }

    private void fileConstraint(Slot s) {
        if (s.table() != null && s.namespace().equals(ObjectKind.CONSTRAINT.name())) {
            constraintsOf.add(s.table(), s);
        }
    }

    /** Files a table's constraint in {@link #primaryKeys} or {@link #maybePrimaryKeys}, as its entry says now. */
    private void indexKey(Slot s, Entry e) {
        if (s.table() == null) {
            return;
        }
        if (e.constraintKind == ConstraintKind.PRIMARY_KEY && e.presence == Presence.PRESENT) {
            primaryKeys.add(s.table(), s);
        } else if (s.namespace().equals(ObjectKind.CONSTRAINT.name()) && e.presence == Presence.UNKNOWN
                && !knownOtherThanPrimary(e)) {
            maybePrimaryKeys.add(s.table(), s);
        }
    }

    private void unindexKey(Slot s) {
        if (s.table() != null) {
            primaryKeys.remove(s.table(), s);
            maybePrimaryKeys.remove(s.table(), s);
        }
    }

    /** Indexes a table-scoped or owned slot in {@link #usersOf} or {@link #usersUnknown}, as its entry says now. */
    private void indexUse(Slot s, Entry e) {
        Set<QualifiedName> owners = new HashSet<>(2);
        if (s.table() != null) {
            owners.add(s.table());
        }
        if (e.owner != null) {
            owners.add(e.owner);
        }
        boolean keyLike = !s.namespace().equals(ObjectKind.COLUMN.name());
        if (owners.isEmpty() || e.presence == Presence.ABSENT
                || e.columns == null && (!keyLike || e.presence != Presence.PRESENT)) {
            return;
        }
        List<String> columns = e.columns == null ? null : List.copyOf(e.columns);
        for (QualifiedName t : owners) {
            if (columns == null) {
                usersUnknown.add(t, s);
            } else {
                for (String c : columns) {
                    usersOf.add(new ColumnOf(t, c), s);
                }
            }
        }
        uses.put(s, new Use(List.copyOf(owners), columns));
    }

    private void unindexUse(Slot s) {
        Use u = uses.remove(s);
        if (u == null) {
            return;
        }
        for (QualifiedName t : u.tables()) {
            if (u.columns() == null) {
                usersUnknown.remove(t, s);
                continue;
            }
            for (String c : u.columns()) {
                usersOf.remove(new ColumnOf(t, c), s);
            }
        }
    }

    /** The slots of {@code table} that may use {@code column}: those listing it and present ones of unknown columns. */
    private List<Slot> columnUsers(QualifiedName table, String column) {
        List<Slot> out = new ArrayList<>(copy(usersOf.get(new ColumnOf(table, column))));
        out.addAll(copy(usersUnknown.get(table)));
        return out;
    }

    /** Gives a slot other columns, keeping the column index in step. */
    private void setColumns(Slot s, Entry e, List<String> columns) {
        if (!Objects.equals(e.columns, columns)) {
            fileChange(s, e);
        }
        unindexUse(s);
        e.columns = columns;
        indexUse(s, e);
    }

    private void put(Slot s, Entry e) {
        if (e.writer == null) {
            e.writer = writer;
        } else if (e.writer != writer) {
            // every entry is taken through entry(), which copies what another state shares
            throw new IllegalStateException("an entry of another state put in " + s);
        }
        remove(s);
        if (e.maker == null && e.presence != Presence.ABSENT && !makersForgotten.isEmpty()) {
            // an object known again after the state forgot everything (a statement on it ran): made by whoever made it
            e.maker = makersForgotten.get(s);
        }
        entries.put(s, e);
        if (e.temporary) {
            temporaries.add(s);
        }
        fileChange(s, e);
        if (s.table() != null) {
            childrenOf.add(s.table(), s);
            byName.add(lower(s.table().name()), s);
        }
        if (e.owner != null) {
            ownedBy.add(e.owner, s);
            if (tableLike(e)) {
                ownedTables.add(e.owner, s);
            }
            // code that names a table may drop and make it again: its indexes and sequences with it
            byName.add(lower(e.owner.name()), s);
        } else if (e.kind == ObjectKind.INDEX && e.presence == Presence.PRESENT) {
            ownerUnknown.add(s);
        }
        byName.add(lower(s.name().name()), s);
        indexUse(s, e);
        indexKey(s, e);
        if (e.referred != null) {
            referringKeys.add(e.referred, s);
        }
        if (e.borrowed != null) {
            borrowers.add(e.borrowed, s);
        }
        if (e.presence == Presence.PRESENT) {
            fileConstraint(s);
        }
        fileColumnType(s, e);
        if (e.kind == ObjectKind.COLUMN && e.columnType != null && PostgresFacts.typeFamily(e.columnType) == null) {
            userTyped.add(s);
        }
    }

    /**
     * The entry of {@code s}, or null, as one this state may change: an entry shared with a copy ({@link #copy})
     * is copied at its first use by either side, before any caller holds it, so no caller holds a shared one.
     */
    private Entry entry(Slot s) {
        Entry e = entries.get(s);
        if (e != null && e.writer != writer) {
            e = e.copy(e.presence);
            e.writer = writer;
            entries.put(s, e);
        }
        return e;
    }

    private void remove(Slot s) {
        Entry e = entries.remove(s);
        if (e == null) {
            return;
        }
        unindexUse(s);
        unindexKey(s);
        if (s.table() != null) {
            childrenOf.remove(s.table(), s);
            byName.remove(lower(s.table().name()), s);
        }
        if (e.owner != null) {
            ownedBy.remove(e.owner, s);
            byName.remove(lower(e.owner.name()), s);
        }
        ownerUnknown.remove(s);
        byName.remove(lower(s.name().name()), s);
    }

    /** Files {@code s} as changed, with the table it lives on or is owned by ({@link #changed}). */
    private void fileChange(Slot s, Entry e) {
        changed.add(s);
        if (s.table() != null) {
            fileTable(s.table());
            fileOn(s.table(), s);
        }
        if (e.owner != null) {
            fileTable(e.owner);
            fileOn(e.owner, s);
        }
    }

    private void fileOn(QualifiedName table, Slot s) {
        Journal<Slot> j = changedOn.get(table);
        if (j != null) {
            j.add(s);
        }
    }

    /**
     * The slots of {@code among} (what lives on or is owned by {@code table}) that walk {@code walk} of the
     * table has to visit: all of them on its first walk, then those filed on the table since the last began.
     * A walk must leave each slot as a second walk would, whatever else the state holds.
     */
    private List<Slot> toWalk(String walk, QualifiedName table, Set<Slot> among) {
        List<Slot> since = changedOn.computeIfAbsent(table, t -> new Journal<>()).since(walk);
        if (since == null || walkWhole) {
            return copy(among);
        }
        if (among == null) {
            return List.of();
        }
        return since.stream().filter(among::contains).toList();
    }

    private void fileTable(QualifiedName table) {
        changed.add(new Slot(RELATION, null, table));
    }

    private void columnsDefault(QualifiedName table, Presence p) {
        childrenDoubted(table, p);
        if (columnsDefault.put(table, p) != p) {
            fileTable(table);
        }
    }

    private void keysDefault(QualifiedName table, Presence p) {
        childrenDoubted(table, p);
        if (keysDefault.put(table, p) != p) {
            fileTable(table);
        }
    }

    /**
     * The table's children no entry speaks of take {@code p}: unknown for a cause other than code that may make
     * them, their doubt is no longer only that ({@link #assumeTable}). Known, {@link #doubt} does not ask it.
     */
    private void childrenDoubted(QualifiedName table, Presence p) {
        TableFacts f = tables.get(table);
        if (f != null && f.childrenDoubt != null && p == Presence.UNKNOWN && reachNow != Forget.Reach.MAKES) {
            f.childrenDoubt = null;
        }
    }

    /** A list an entry holds: never changed in place, so that a copy of the entry shares it. */
    private static List<String> frozen(Collection<String> names) {
        return Collections.unmodifiableList(new ArrayList<>(names));
    }

    private static List<Slot> copy(Set<Slot> slots) {
        return slots == null ? List.of() : new ArrayList<>(slots);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
