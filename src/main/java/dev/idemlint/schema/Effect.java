package dev.idemlint.schema;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.RowSource;
import dev.idemlint.migration.TypeChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one statement does to the schema, decided once by {@link Effects#of} and applied by
 * {@link SchemaState#apply}. A statement is a list of effects in the order PostgreSQL performs them.
 */
public sealed interface Effect {

    /**
     * Makes {@code object}; {@code tolerant} for {@code IF NOT EXISTS}, {@code OR REPLACE}, {@code checkfirst}.
     * {@code shape} carries what later statements ask of the object (a column's type, a key's columns).
     */
    record Create(ObjectRef object, boolean tolerant, Shape shape) implements Effect {
        public Create {
            Objects.requireNonNull(object, "object");
            shape = shape == null ? Shape.NONE : shape;
        }

        public Create(ObjectRef object, boolean tolerant) {
            this(object, tolerant, Shape.NONE);
        }
    }

    /**
     * What is known of a created object besides its name. {@code columns}: a key's or index's columns
     * in order, null when not known; {@code owner}: the table a sequence belongs to (null when not known;
     * an index's table is its {@link ObjectRef#table}); {@code postgresNamed}: PostgreSQL chose the name ({@code t_a_fkey}) and takes the next
     * free one ({@code t_a_fkey1}) when it is taken, so a taken name is no conflict; {@code relkind}: the
     * catalog letter of a relation ({@code r}, {@code v}, {@code i}...), 0 when not known; {@code temporary}:
     * a temporary table, gone when the session ends (each Alembic run has its own); {@code references}: the
     * table a column's foreign key references (null when it has none or it cannot be read), which then
     * cannot be dropped without {@code CASCADE} while the column's table is there; {@code function}: the
     * function a trigger executes (null when not known), whose {@code DROP FUNCTION ... CASCADE} drops it.
     */
    record Shape(String columnType, ConstraintKind constraintKind, boolean unique, List<String> columns,
            List<String> labels, QualifiedName owner, boolean postgresNamed, char relkind, boolean temporary,
            QualifiedName references, QualifiedName function) {
        public static final Shape NONE = new Shape(null, null, false, null, null, null, false, (char) 0, false);

        public Shape(String columnType, ConstraintKind constraintKind, boolean unique, List<String> columns,
                List<String> labels, QualifiedName owner, boolean postgresNamed, char relkind, boolean temporary,
                QualifiedName references) {
            this(columnType, constraintKind, unique, columns, labels, owner, postgresNamed, relkind, temporary,
                    references, null);
        }

        public Shape(String columnType, ConstraintKind constraintKind, boolean unique, List<String> columns,
                List<String> labels, QualifiedName owner, boolean postgresNamed, char relkind) {
            this(columnType, constraintKind, unique, columns, labels, owner, postgresNamed, relkind, false);
        }

        public Shape(String columnType, ConstraintKind constraintKind, boolean unique, List<String> columns,
                List<String> labels, QualifiedName owner, boolean postgresNamed, char relkind, boolean temporary) {
            this(columnType, constraintKind, unique, columns, labels, owner, postgresNamed, relkind, temporary, null);
        }

        /** The same shape with a foreign key to {@code table}. */
        public Shape referencing(QualifiedName table) {
            return new Shape(columnType, constraintKind, unique, columns, labels, owner, postgresNamed, relkind,
                    temporary, table, function);
        }

        public static Shape column(String type) {
            return new Shape(type, null, false, null, null, null, false, (char) 0, false);
        }

        public static Shape constraint(ConstraintKind kind, List<String> columns) {
            return new Shape(null, kind, false, columns, null, null, false, (char) 0, false);
        }

        public static Shape index(boolean unique, List<String> columns) {
            return new Shape(null, null, unique, columns, null, null, false, 'i', false);
        }

        public static Shape enumType(List<String> labels) {
            return new Shape(null, null, false, null, labels, null, false, (char) 0, false);
        }

        /** A trigger that executes {@code function} (null when not known). */
        public static Shape trigger(QualifiedName function) {
            return new Shape(null, null, false, null, null, null, false, (char) 0, false, null, function);
        }

        public static Shape relation(char relkind) {
            return new Shape(null, null, false, null, null, null, false, relkind, false);
        }

        /**
         * A table: {@code partitionOf} the parent of a partition ({@code CREATE TABLE p PARTITION OF
         * parent}), which owns it as it owns its indexes (dropping the parent drops it), or null;
         * {@code temporary} for {@code CREATE TEMP TABLE}, which ends with the session.
         */
        public static Shape table(QualifiedName partitionOf, boolean temporary) {
            return new Shape(null, null, false, null, null, partitionOf, false, 'r', temporary);
        }

        /** The same shape with PostgreSQL choosing the name. */
        public Shape namedByPostgres() {
            return new Shape(columnType, constraintKind, unique, columns, labels, owner, true, relkind, temporary,
                    references, function);
        }
    }

    /**
     * Table {@code to}, just made, gets the columns of {@code from} as they are now: MySQL's {@code CREATE TABLE to
     * LIKE from}, PostgreSQL's {@code CREATE TABLE to (LIKE from)}. A column the state knows {@code from} has (or
     * lacks) the copy has (or lacks); of the others the copy's presence is {@code from}'s, unknown when that is.
     * {@code defaults}: whether the copy takes {@code from}'s column defaults ({@code INCLUDING DEFAULTS} or
     * {@code ALL}: then a serial column's copy takes values from {@code from}'s sequence,
     * {@link dev.idemlint.migration.PostgresFacts#defaultUsesSequence}), unknown when the clause is not read.
     */
    record CopyColumns(QualifiedName from, QualifiedName to, Presence defaults) implements Effect {
        public CopyColumns {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(defaults, "defaults");
        }
    }

    /**
     * Removes {@code object}, and with it what PostgreSQL drops along (see {@link SchemaState}): a table
     * takes its columns, constraints, triggers, policies, indexes and owned sequences; a column the keys
     * and indexes that use it. {@code ifExists} for {@code IF EXISTS}; {@code cascade} for {@code CASCADE}:
     * a type takes every column of that type (and of arrays of it), a table the foreign keys of other tables
     * that reference it (without it, such a key makes the drop fail).
     */
    record Drop(ObjectRef object, boolean ifExists, boolean cascade) implements Effect {
        public Drop {
            Objects.requireNonNull(object, "object");
        }

        public Drop(ObjectRef object, boolean ifExists) {
            this(object, ifExists, false);
        }
    }

    /**
     * {@code ALTER ... RENAME}: {@code object} takes the name {@code to} in the same namespace (and table).
     * {@code ifExists}: {@code ALTER ... IF EXISTS} skips the statement when the relation it names (the
     * object, or the table of a column or constraint) is missing; a taken target still fails.
     */
    record Rename(ObjectRef object, String to, boolean ifExists) implements Effect {
        public Rename {
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(to, "to");
        }

        public Rename(ObjectRef object, String to) {
            this(object, to, false);
        }

        /** The relation whose absence {@code IF EXISTS} skips: the object, or its table. */
        public ObjectRef skippedWhenMissing() {
            return ObjectRef.tableScoped(object.kind()) ? ObjectRef.table(object.table()) : object;
        }

        public ObjectRef target() {
            return new ObjectRef(object.kind(), QualifiedName.of(object.name().schema(), to), object.table());
        }
    }

    /**
     * The primary key of {@code table}, whatever it is called, is then {@code after}: a table has at most
     * one, so {@code drop_constraint(name, "t", type_="primary")} with a name read at run time leaves none
     * ({@link Presence#ABSENT}), and a key whose name the code leaves to a convention not known makes one
     * ({@link Presence#PRESENT}); {@link Presence#UNKNOWN} when such a statement may not run. A named
     * primary key's {@link Create} needs no such effect: its shape says what it is.
     */
    record PrimaryKey(QualifiedName table, Presence after) implements Effect {
        public PrimaryKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(after, "after");
        }
    }

    /** The statement needs {@code object} to exist (ALTER TABLE needs its table, alter_column its column). */
    record Require(ObjectRef object) implements Effect {
        public Require {
            Objects.requireNonNull(object, "object");
        }
    }

    /**
     * {@code ALTER TABLE t ALTER COLUMN c} on where {@code column}'s values come from: its identity
     * ({@code ADD GENERATED ... AS IDENTITY}, {@code DROP IDENTITY [IF EXISTS]}) or its default ({@code SET
     * DEFAULT}, {@code DROP DEFAULT}); {@link Change#UNKNOWN} when code that may change either cannot be
     * read or may not run. {@code sequence}: the name PostgreSQL gives the identity's sequence when it is
     * free ({@code t_c_seq}), null when it cannot be told.
     */
    record AlterColumn(ObjectRef column, Change change, QualifiedName sequence) implements Effect {
        public enum Change { ADD_IDENTITY, DROP_IDENTITY, DROP_IDENTITY_IF_EXISTS, SET_DEFAULT, DROP_DEFAULT, UNKNOWN }

        public AlterColumn {
            requireColumn(column);
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * {@code ALTER COLUMN c TYPE t [USING ...]} ({@code alter_column(type_=...)}): PostgreSQL looks the
     * conversion's function up for the column's type as it is, and afterwards the column has the type {@code
     * change} names (unknown when not read). A statement that ran and set a type read leaves the column there.
     */
    record ColumnType(ObjectRef column, TypeChange change) implements Effect {
        public ColumnType {
            requireColumn(column);
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * A serial column ({@code serial}, {@code bigserial}, {@code smallserial}, and what SQLAlchemy renders so):
     * made with {@code column} (after its {@link Create}), PostgreSQL creates a sequence owned by the column
     * and gives the column the default {@code nextval} of it. {@code sequence} is the name PostgreSQL picks
     * when it is free ({@code <table>_<column>_seq}, truncated as {@code ChooseRelationName} truncates); a
     * taken one makes it take the next free name ({@code t_id_seq1}), which is then not known. The column's
     * table owns the sequence: dropping the table or the column drops it, renaming either keeps its name;
     * {@code DROP SEQUENCE} without {@code CASCADE} fails while the column's default uses it. {@code tolerant}:
     * the column is made with {@code IF NOT EXISTS} (its own, or its table's), so nothing is made when it is
     * there.
     */
    record Serial(ObjectRef column, QualifiedName sequence, boolean tolerant) implements Effect {
        public Serial {
            requireColumn(column);
            Objects.requireNonNull(sequence, "sequence");
        }
    }

    /**
     * The statement reads or binds {@code column}'s values through SQLAlchemy as the type the code
     * declares for it ({@code type} as {@code format_type} prints it, {@code declared} as written), which
     * decides how SQLAlchemy processes them. It needs and changes nothing the state decides: a client
     * that knows the column's type there compares the two.
     */
    record TypedUse(ObjectRef column, String type, String declared) implements Effect {
        public TypedUse {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * Rows written into {@code table}: literal rows by column, or null when they cannot be read. A row
     * whose unique key matches one written before fails with {@code 23505}. {@code from}: where the rows come
     * from ({@link RowSource.Kind}); {@code copied}, for {@link RowSource.Kind#COPY}, the table whose every row
     * is written (null otherwise, or when its name cannot be told). {@code literals}: per column, the constants
     * every row gives it (see {@code Operation.Insert#literals}), which tell that a removal of other keys misses them.
     */
    record Write(ObjectRef table, List<Map<String, String>> rows, RowSource.Kind from, ObjectRef copied,
            Map<String, Set<String>> literals) implements Effect {
        public Write {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            literals = literals == null ? Map.of() : Map.copyOf(literals);
        }

        public Write(ObjectRef table, List<Map<String, String>> rows, RowSource.Kind from, ObjectRef copied) {
            this(table, rows, from, copied, Map.of());
        }

        /** Rows as the statement writes them. */
        public Write(ObjectRef table, List<Map<String, String>> rows) {
            this(table, rows, RowSource.Kind.AS_WRITTEN, null);
        }
    }

    /**
     * Rows removed from {@code table} ({@code DELETE}, {@code TRUNCATE}). {@code column} null: which ones is not
     * read, so the rows written into it before are no longer known to be there, and a later write of the same
     * keys may pass. Otherwise only rows whose {@code column} holds one of {@code values} (constants as written):
     * a row written with a constant there that certainly differs from each of them stays (see {@link #misses}).
     */
    record RemoveRows(ObjectRef table, String column, Set<String> values) implements Effect {
        public RemoveRows {
            Objects.requireNonNull(table, "table");
            values = values == null ? Set.of() : Set.copyOf(values);
        }

        public RemoveRows(ObjectRef table) {
            this(table, null, null);
        }

        /** Whether every row {@code w} wrote certainly stays: each gives {@link #column} a constant none of {@link #values} may equal. */
        public boolean misses(Write w) {
            return misses(w, folded());
        }

        /** As {@link #misses(Write)}, {@code removed} being {@link #folded()}, made once for many writes. */
        public boolean misses(Write w, Set<String> removed) {
            Set<String> written = column == null ? null : w.literals().get(column);
            if (written == null) {
                return false;
            }
            for (String a : written) {
                if (!stays(removed, a)) {
                    return false;
                }
            }
            return true;
        }

        /** {@link #values} folded as {@link #differ} compares them; null when one is not a plain word. */
        public Set<String> folded() {
            Set<String> out = new HashSet<>();
            for (String b : values) {
                String y = fold(b);
                if (!plainWord(y)) {
                    return null;
                }
                out.add(y);
            }
            return out;
        }

        /**
         * Whether a row giving {@link #column} the constant {@code a} certainly stays, {@code removed} being
         * {@link #folded()}: it differs from each removed value (see {@link #differ}).
         */
        public boolean stays(Set<String> removed, String a) {
            if (values.isEmpty()) {
                return true;
            }
            String x = fold(a);
            return removed != null && plainWord(x) && !removed.contains(x);
        }

        /**
         * Whether two constants compare unequal whatever the column's type: a comparison may fold case (citext, a
         * nondeterministic collation), pad blanks (char(n)), reorder words (tsvector), read numbers, dates, hex
         * digits, booleans or special values in more than one spelling ('1' and '01', 't' and 'true', 'now' and
         * 'today', 'inf' and 'infinity', 'ab-cd' and 'abcd'), or fold accents. Two constants of ASCII letters,
         * underscores, hyphens and dots, each with a letter past 'f' and no digit or blank, neither a boolean's nor
         * a special value's spelling, that differ once case and outer blanks are dropped, differ under each.
         */
        static boolean differ(String a, String b) {
            String x = fold(a);
            String y = fold(b);
            return plainWord(x) && plainWord(y) && !x.equals(y);
        }

        private static String fold(String s) {
            return s.strip().toLowerCase(Locale.ROOT);
        }

        private static boolean plainWord(String s) {
            if (s.isEmpty() || s.length() > 200 || SPECIAL_SPELLINGS.contains(s)) {
                return false;
            }
            boolean pastF = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c == '_' || c == '-' || c == '.')) {
                    return false;
                }
                pastF |= c > 'f' && c <= 'z';
            }
            return pastF;
        }

        /**
         * What PostgreSQL's boolean input accepts (unique prefixes included), and the special values of its date,
         * time, float and numeric input, which name one value in more than one spelling.
         */
        private static final Set<String> SPECIAL_SPELLINGS = Set.of("t", "tr", "tru", "true", "f", "fa", "fal",
                "fals", "false", "y", "ye", "yes", "n", "no", "on", "of", "off", "epoch", "infinity", "-infinity",
                "inf", "-inf", "nan", "now", "today", "tomorrow", "yesterday", "allballs");
    }

    /**
     * Opaque or conditional code: what it may touch becomes {@link Presence#UNKNOWN}. {@code OBJECT}:
     * {@code object} and what its drop would take along; {@code TABLE_KEYS}: the constraints, triggers,
     * policies and indexes of {@code object} (a table), as a key made under a name not known leaves them (it
     * drops none, so whether the table has a primary key stays as known); {@code KIND}: every object of {@code kind} (living
     * in {@code object}, a table, when it is not null) and what their drops take along, as a drop or a
     * rename of a name the analyzer cannot read leaves them; {@code NAMED}: every object named, or living
     * in a table named, one of {@code names}; {@code EVERYTHING}: the whole state. {@code reach} says which way
     * the code may change what is in scope: a creation whose name cannot be read only makes ({@link Reach#MAKES}:
     * what was gone may be there, what was there stays), a drop whose name cannot be read only takes
     * ({@link Reach#TAKES}: what was there may be gone, with what its drop takes along; what was gone stays gone).
     * Every client reads it so: the state, the re-run's claims (a claim that an object is gone is undone only by
     * code that may make it, a claim that it is there only by code that may take it) and the lint timeline.
     * {@code constraintKind}, when not null, narrows a {@code KIND} forget of a table's constraints to those of
     * that kind or of a kind not known ({@code drop_constraint(name, "t", type_="foreignkey")} with a name read at
     * run time); a client may read it as the whole kind. {@code tablesKept}, on an {@code EVERYTHING} forget of code
     * not read ({@link #unread}), keeps what the state knew of the keys and column order of each table whose name
     * is not among {@code names}.
     */
    record Forget(Scope scope, ObjectRef object, Set<String> names, ObjectKind kind, Reach reach,
            ConstraintKind constraintKind, boolean tablesKept) implements Effect {
        public enum Scope { OBJECT, TABLE_KEYS, KIND, NAMED, EVERYTHING }

        /** Which way the forgotten code may change the objects in scope. */
        public enum Reach {
            MAKES, TAKES, MAKES_OR_TAKES;

            public boolean mayMake() {
                return this != TAKES;
            }

            public boolean mayTake() {
                return this != MAKES;
            }
        }

        public Forget {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(reach, "reach");
            names = names == null ? Set.of() : Set.copyOf(names);
            if ((scope == Scope.OBJECT || scope == Scope.TABLE_KEYS) && object == null) {
                throw new IllegalArgumentException(scope + " needs an object");
            }
            if (scope == Scope.KIND && kind == null) {
                throw new IllegalArgumentException("KIND needs a kind");
            }
            if (constraintKind != null && (scope != Scope.KIND || kind != ObjectKind.CONSTRAINT || object == null)) {
                throw new IllegalArgumentException("only a table's constraints are forgotten by their kind");
            }
            if (tablesKept && scope != Scope.EVERYTHING) {
                throw new IllegalArgumentException("only a forget of everything keeps the tables' keys");
            }
        }

        public Forget(Scope scope, ObjectRef object, Set<String> names, ObjectKind kind, Reach reach,
                ConstraintKind constraintKind) {
            this(scope, object, names, kind, reach, constraintKind, false);
        }

        public Forget(Scope scope, ObjectRef object, Set<String> names, ObjectKind kind, Reach reach) {
            this(scope, object, names, kind, reach, null);
        }

        public Forget(Scope scope, ObjectRef object, Set<String> names) {
            this(scope, object, names, null, Reach.MAKES_OR_TAKES);
        }

        /** Every {@code kind} object (of {@code table} when it is not null) may be gone, or made. */
        public static Forget kind(ObjectKind kind, QualifiedName table) {
            return new Forget(Scope.KIND, table == null ? null : ObjectRef.table(table), null, kind,
                    Reach.MAKES_OR_TAKES);
        }

        /** The constraints of {@code table} of kind {@code k}, or of a kind not known, may be gone, or made. */
        public static Forget constraints(QualifiedName table, ConstraintKind k) {
            return new Forget(Scope.KIND, ObjectRef.table(table), null, ObjectKind.CONSTRAINT,
                    Reach.MAKES_OR_TAKES, k);
        }

        /**
         * Objects of {@code kind} may have been made, under names not known: {@code CREATE TYPE} of an enum
         * whose name cannot be read. Nothing is taken.
         */
        public static Forget made(ObjectKind kind) {
            return new Forget(Scope.KIND, null, null, kind, Reach.MAKES);
        }

        public static Forget object(ObjectRef object) {
            return new Forget(Scope.OBJECT, object, null);
        }

        public static Forget tableKeys(QualifiedName table) {
            return new Forget(Scope.TABLE_KEYS, ObjectRef.of(ObjectKind.TABLE, table), null);
        }

        public static Forget named(Set<String> names) {
            return new Forget(Scope.NAMED, null, names);
        }

        public static Forget everything() {
            return new Forget(Scope.EVERYTHING, null, null);
        }

        /**
         * Code not read (a helper called with no table's name, SQL made at run time or not understood) whose text,
         * when there is one, holds the lower-cased words {@code words}: any object may have been made or taken, as
         * {@link #everything}, but the keys and the column order the state knew of a table not named in
         * {@code words} stay ({@link SchemaState#keysOf}) until an effect names that table. A table's keys and
         * columns change by statements that name it; code of which no table's name can be read is taken to leave
         * them, as re-run checks of the rows a later revision inserts need on real chains.
         */
        public static Forget unread(Set<String> words) {
            return new Forget(Scope.EVERYTHING, null, words, null, Reach.MAKES_OR_TAKES, null, true);
        }

        /** The same forget, reaching only {@code r}'s way. */
        public Forget reaching(Reach r) {
            return new Forget(scope, object, names, kind, r, constraintKind, tablesKept);
        }
    }

    /**
     * The same statement when it may or may not run (a guard, a condition): what it would create, drop
     * or rename becomes unknown; what it only requires or writes changes nothing.
     */
    static List<Effect> uncertain(List<Effect> effects) {
        List<Effect> out = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Create c) {
                out.add(Forget.object(c.object()).reaching(Forget.Reach.MAKES));
            } else if (e instanceof Drop d) {
                out.add(Forget.object(d.object()).reaching(Forget.Reach.TAKES));
            } else if (e instanceof Rename r) {
                // a rename that may not run may take its source and may make its target, nothing else
                out.add(Forget.object(r.object()).reaching(Forget.Reach.TAKES));
                out.add(Forget.object(r.target()).reaching(Forget.Reach.MAKES));
            } else if (e instanceof Forget f) {
                out.add(f);
            } else if (e instanceof AlterColumn a) {
                out.add(new AlterColumn(a.column(), AlterColumn.Change.UNKNOWN, a.sequence()));
            } else if (e instanceof ColumnType t) {
                out.add(new ColumnType(t.column(), TypeChange.UNREAD));
            } else if (e instanceof PrimaryKey p) {
                out.add(new PrimaryKey(p.table(), Presence.UNKNOWN));
            } else if (e instanceof RemoveRows r) {
                // rows that may have been removed are no longer known to be there
                out.add(r);
            } else if (e instanceof Serial x) {
                out.add(new AlterColumn(x.column(), AlterColumn.Change.UNKNOWN, null));
                out.add(Forget.object(ObjectRef.of(ObjectKind.SEQUENCE, x.sequence())));
            }
        }
        return out;
    }

    /** Checks that {@code column} is a column's ref. */
    private static void requireColumn(ObjectRef column) {
        Objects.requireNonNull(column, "column");
        if (column.kind() != ObjectKind.COLUMN) {
            throw new IllegalArgumentException(column.describe() + " is no column");
        }
    }
}
