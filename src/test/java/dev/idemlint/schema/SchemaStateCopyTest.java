package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.db.Catalog;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaState#copy}: the copy holds what the state holds, field by field of the state and of every object it
 * owns (found by reflection, so a field {@code copy} does not know of fails here), and shares with it no mutable
 * object either may change in place (a set of an index is shared until one side writes it, which then writes a copy
 * of its own), so that what either is applied leaves the other as it was.
 */
class SchemaStateCopyTest {
    /**
     * Fields the state built below leaves at their default (null, empty, 0, false): each is copied by
     * {@link SchemaState#copy} but its value is not checked here. A new field must be set by the state below or
     * named here.
     */
    private static final Set<String> NOT_SET = Set.of(
            // set during one statement only
            "SchemaState.madeNow", "SchemaState.typesCleared", "SchemaState.reachNow",
            // filled only when the state forgets everything, which empties what is checked here: held apart by
            // makers_forgotten_are_shared_until_either_side_forgets_again
            "SchemaState.makersForgotten", "SchemaState.makersWriter",
            // as makersForgotten (code not read that names no table): held apart by
            // kept_keys_are_shared_until_either_side_changes_them
            "SchemaState.kept", "SchemaState.keptWriter", "Kept.keys", "Kept.columns", "Kept.plainIndexes",
            "Kept.keySlots",
            // a journal's front is dropped once its readers passed half of it: copied, not reached here
            "Journal.dropped",
            // a value the state returns, not one it holds
            "Rows.known", "Rows.removals", "Rows.stamp", "Dependent.conflict", "Dependent.maker",
            "SequenceUsers.maybe", "SequenceUsers.sure", "SequenceUsers.unsure",
            // every scope forgotten is a whole namespace's
            "Scope.table",
            // not reached by the effects above (TableFacts.copy copies the map; a removal is not changed once kept)
            "TableFacts.keyValues", "KeyedRemoval.folded",
            // a MySQL/MariaDB re-run check's state only (SchemaState.unknown(true)), never a catalog's: checked below
            "SchemaState.keyIsIndex");

    /** Revisions whose upgrades, run in order, give a state that sets every field of the state and what it owns. */
    private static Revisions revisions() {
        return new Revisions().rev("001", null, """
                op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("code", sa.Text(), nullable=False), sa.UniqueConstraint("code", name="uq_teams_code"))
                op.create_table("players", sa.Column("id", sa.Integer(), sa.Identity(), primary_key=True), sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id")), sa.Column("mood", postgresql.ENUM("sad", "happy", name="mood")), sa.Column("name", sa.Text()))
                op.create_index("ix_players_name", "players", ["name"])
                op.execute("CREATE TABLE events (id serial PRIMARY KEY, at timestamptz) PARTITION BY RANGE (at)")
                op.execute("CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")
                op.execute("CREATE TEMP TABLE scratch (id integer)")
                op.execute("ALTER TABLE scratch ALTER COLUMN id TYPE bigint")
                op.execute("CREATE TABLE events_copy (LIKE events INCLUDING DEFAULTS)")
                op.execute("CREATE SCHEMA billing")
                op.execute("CREATE INDEX ON teams (code)")
                op.execute("ALTER TABLE players ADD CONSTRAINT ck_name CHECK (name <> '')")
                op.execute("CREATE TRIGGER tr_teams BEFORE UPDATE ON teams FOR EACH ROW EXECUTE FUNCTION touch()")
                op.bulk_insert(sa.table("teams", sa.column("id"), sa.column("code")), [{"id": 1, "code": "a"}, {"id": 2, "code": "b"}])
                op.execute("DELETE FROM teams WHERE code = 'a'")
                op.bulk_insert(sa.table("teams", sa.column("id"), sa.column("code")), [{"id": 2, "code": "b"}])
                """).rev("002", "001", """
                op.create_table("junk", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("x", sa.Text()))
                op.drop_constraint(name, "junk")
                op.alter_column("players", "name", new_column_name="full_name")
                op.execute("ALTER TABLE junk RENAME TO trash")
                op.execute(f"CREATE TYPE {name} AS ENUM ('a')")
                op.execute(f"ALTER TABLE trash DROP COLUMN {name}")
                op.create_table("owners", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("kind", postgresql.ENUM("x", name="kind")))
                op.create_foreign_key(None, "players", "owners", ["team_id"], ["id"])
                """);
    }

    /**
     * public.leagues (id, an identity owning leagues_id_seq; code, unique; parent_id, a foreign key to itself),
     * with rows in it: what only a catalog gives.
     */
    private static Catalog catalog() {
        return new Catalog("15.18", "public", List.of("public"), null, List.of("public"),
                List.of(new Catalog.Relation("public", "leagues", 'r'), new Catalog.Relation("public", "uq_leagues_code", 'i'),
                        new Catalog.Relation("public", "leagues_id_seq", 'S')),
                List.of(new Catalog.Column("public", "leagues", "id", "integer", "identity", true, "leagues_id_seq"),
                        new Catalog.Column("public", "leagues", "code", "text", null, true),
                        new Catalog.Column("public", "leagues", "parent_id", "integer", null, false)),
                List.of(new Catalog.Index("public", "uq_leagues_code", "leagues", true, List.of("code"))),
                List.of(new Catalog.Constraint("public", "leagues", "uq_leagues_code", 'u'),
                        new Catalog.Constraint("public", "leagues", "leagues_parent_id_fkey", 'f')),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new Catalog.ForeignKey("public", "leagues", "leagues_parent_id_fkey", List.of("parent_id"),
                        "public", "leagues")));
    }

    /** The state after {@code revisions}' upgrades on {@link #catalog}, as the replay runs them. */
    private static SchemaState built() {
        SchemaState s = SchemaState.of(catalog());
        s.walkWhole = true;
        for (Migration m : revisions().all()) {
            run(s, m);
        }
        QualifiedName teams = QualifiedName.of("teams");
        s.leaveOutMakes();
        s.markUnnamedConstraint(teams);
        s.markUnnamedIndex(null);
        s.apply(Effect.Forget.named(Set.of("junk")));
        s.apply(new Effect.Create(ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("ix_loose")), false,
                Effect.Shape.index(false, List.of("code"))));
        QualifiedName owners = QualifiedName.of("owners");
        s.apply(new Effect.Create(ObjectRef.in(ObjectKind.CONSTRAINT, owners, "owners_pkey"), false,
                Effect.Shape.constraint(ConstraintKind.PRIMARY_KEY, List.of("id"))));
        s.apply(new Effect.Create(ObjectRef.in(ObjectKind.CONSTRAINT, owners, "mystery"), false, Effect.Shape.NONE));
        s.apply(Effect.Forget.object(ObjectRef.in(ObjectKind.CONSTRAINT, owners, "mystery")));
        s.apply(new Effect.Create(ObjectRef.in(ObjectKind.CONSTRAINT, teams, "uq_teams_id_code"), false,
                Effect.Shape.constraint(ConstraintKind.UNIQUE, List.of("id", "code"))));
        s.required(teams, "code", true);
        // a key no effect made, dropped: the table holds keys the state cannot tell
        s.apply(new Effect.Drop(ObjectRef.in(ObjectKind.CONSTRAINT, teams, "uq_never_made"), true, false));
        s.apply(new Effect.Create(ObjectRef.in(ObjectKind.COLUMN, owners, "n"), false, Effect.Shape.column("integer")));
        s.apply(new Effect.AlterColumn(ObjectRef.in(ObjectKind.COLUMN, owners, "n"),
                Effect.AlterColumn.Change.ADD_IDENTITY, QualifiedName.of("owners_n_seq")));
        s.assumeTable(QualifiedName.of("legacy"));
        QualifiedName leagues = QualifiedName.of("leagues");
        s.apply(new Effect.RemoveRows(ObjectRef.table(leagues), "code", Set.of("d")));
        s.apply(new Effect.Write(ObjectRef.table(leagues), List.of(Map.of("id", "3", "code", "c"))));
        s.apply(new Effect.Write(ObjectRef.table(leagues), List.of(Map.of("id", "4", "code", "e"))));
        // types changed since the driver last read them
        run(s, new Revisions().rev("009", null, "op.execute(\"ALTER TYPE mood ADD VALUE 'calm'\")").get("009").upgrade());
        return s;
    }

    private static void run(SchemaState s, List<Operation> ops) {
        run(s, null, ops);
    }

    private static void run(SchemaState s, Migration m) {
        run(s, m, m.upgrade());
    }

    /** Runs {@code ops}, each named the sure maker of what it makes ({@code m}'s, or no revision's). */
    private static void run(SchemaState s, Migration m, List<Operation> ops) {
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            s.madeBy(new SchemaState.Maker(m, i, op, SchemaState.Sureness.DEFINITE));
            s.applyAll(Effects.of(op, Effects.Naming.UNKNOWN));
            Replay.relabel(s, op);
        }
    }

    @Test
    void makers_forgotten_are_shared_until_either_side_forgets_again() {
        ObjectRef teams = ObjectRef.table(QualifiedName.of("teams"));
        ObjectRef players = ObjectRef.table(QualifiedName.of("players"));
        SchemaState s = Replay.empty();
        run(s, revisions().get("001").upgrade());
        s.apply(Effect.Forget.everything());
        SchemaState c = s.copy();
        String teamsMaker = String.valueOf(c.creator(teams));
        assertEquals("?@0 DEFINITE", teamsMaker, "the maker of what the state forgot whole");
        s.apply(new Effect.Create(players, false, Effect.Shape.NONE));
        s.madeBy(new SchemaState.Maker(null, 7, revisions().get("002").upgrade().get(0), SchemaState.Sureness.GUARDED));
        s.apply(new Effect.Drop(teams, false, false));
        s.apply(new Effect.Create(teams, false, Effect.Shape.NONE));
        s.apply(Effect.Forget.everything());
        assertEquals("?@7 GUARDED", String.valueOf(s.creator(teams)));
        assertEquals(teamsMaker, String.valueOf(c.creator(teams)), "the copy keeps the makers it was given");
    }

    @Test
    void kept_keys_are_shared_until_either_side_changes_them() {
        QualifiedName teams = QualifiedName.of("teams");
        QualifiedName players = QualifiedName.of("players");
        SchemaState s = Replay.empty();
        for (QualifiedName t : List.of(teams, players)) {
            s.apply(new Effect.Create(ObjectRef.table(t), false, Effect.Shape.table(null, false)));
            for (String column : List.of("id", "code")) {
                s.apply(new Effect.Create(ObjectRef.in(ObjectKind.COLUMN, t, column), false,
                        Effect.Shape.column("integer")));
            }
            s.apply(new Effect.Create(ObjectRef.in(ObjectKind.CONSTRAINT, t, t.name() + "_pkey"), false,
                    Effect.Shape.constraint(ConstraintKind.PRIMARY_KEY, List.of("id"))));
        }
        s.apply(new Effect.Create(ObjectRef.in(ObjectKind.CONSTRAINT, teams, "uq_teams_code"), false,
                Effect.Shape.constraint(ConstraintKind.UNIQUE, List.of("code"))));
        s.apply(Effect.Forget.unread(Set.of()));
        List<Set<String>> teamKeys = s.keysOf(teams);
        List<String> playerColumns = s.columnOrder(players);
        assertEquals(List.of(Set.of("id"), Set.of("code")), teamKeys);
        SchemaState c = s.copy();
        s.apply(new Effect.Create(ObjectRef.in(ObjectKind.COLUMN, players, "added"), false,
                Effect.Shape.column("text")));
        s.apply(new Effect.Drop(ObjectRef.in(ObjectKind.CONSTRAINT, teams, "uq_teams_code"), false, false));
        assertEquals(List.of(Set.of("id")), s.keysOf(teams));
        assertEquals(playerColumns.size() + 1, s.columnOrder(players).size());
        assertEquals(teamKeys, c.keysOf(teams), "the copy keeps the keys it was given");
        assertEquals(playerColumns, c.columnOrder(players));
        c.apply(Effect.Forget.everything());
        assertEquals(null, c.keysOf(players));
        assertEquals(playerColumns.size() + 1, s.columnOrder(players).size(), "the state keeps its own");
    }

    @Test
    void a_copy_holds_every_field_as_the_state_holds_it() throws Exception {
        SchemaState s = built();
        SchemaState c = s.copy();
        assertEquals(render(s), render(c));
        List<String> unset = unset(s);
        unset.removeAll(NOT_SET);
        assertEquals(List.of(), unset,
                "fields the test state leaves unset: set them above (or name them in NOT_SET)");
        assertTrue(SchemaState.unknown(true).copy().uniqueKeyIsIndex(), "a copy holds a unique key as its index too");
        assertFalse(SchemaState.unknown(false).copy().uniqueKeyIsIndex());
    }

    @Test
    void a_copy_shares_no_mutable_object_either_may_change_in_place() throws Exception {
        SchemaState s = built();
        SchemaState c = s.copy();
        Map<Object, String> inState = new IdentityHashMap<>();
        mutables(s, "state", inState);
        Map<Object, String> inCopy = new IdentityHashMap<>();
        mutables(c, "copy", inCopy);
        Map<Object, Object> owners = new IdentityHashMap<>();
        Set<Object> writers = Collections.newSetFromMap(new IdentityHashMap<>());
        writers(s, owners, writers, Collections.newSetFromMap(new IdentityHashMap<>()));
        writers(c, owners, writers, Collections.newSetFromMap(new IdentityHashMap<>()));
        List<String> shared = new ArrayList<>();
        int sharedSets = 0;
        int sharedEntries = 0;
        for (Object o : inState.keySet()) {
            if (inCopy.containsKey(o)) {
                // an entry, or a set of an index, that neither side may change in place: its first use copies it
                if (owners.containsKey(o) && !writers.contains(owners.get(o))) {
                    if (o instanceof Set<?>) {
                        sharedSets++;
                    } else {
                        sharedEntries++;
                    }
                } else {
                    shared.add(inState.get(o));
                }
            }
        }
        assertEquals(List.of(), shared);
        assertTrue(inState.size() > 50, "the walk reached the state's objects: " + inState.size());
        assertTrue(sharedSets > 10, "the indexes' sets are shared, not copied: " + sharedSets);
        assertTrue(sharedEntries > 10, "the entries are shared, not copied: " + sharedEntries);
    }

    /**
     * Under {@code o}: per entry, and per set of an index's bucket, the writer that may change it in place
     * ({@code owners}), and the writer of every state and index ({@code writers}).
     */
    private static void writers(Object o, Map<Object, Object> owners, Set<Object> writers, Set<Object> seen)
            throws IllegalAccessException {
        if (o == null || !seen.add(o)) {
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object e : c) {
                writers(e, owners, writers, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Object e : m.values()) {
                writers(e, owners, writers, seen);
            }
            return;
        }
        if (!ours(o.getClass()) || o instanceof SchemaState.Slot) {
            return;
        }
        String k = o.getClass().getSimpleName();
        for (Field f : fields(o.getClass())) {
            Object v = f.get(o);
            if ((k.equals("SetIndex") || k.equals("SchemaState")) && f.getName().equals("writer")) {
                writers.add(v);
            }
            if (k.equals("Entry") && f.getName().equals("writer")) {
                owners.put(o, v);
            }
            if (k.equals("Bucket") && f.getName().equals("values")) {
                owners.put(v, fields(o.getClass()).stream().filter(g -> g.getName().equals("owner")).findFirst()
                        .orElseThrow().get(o));
            }
            writers(v, owners, writers, seen);
        }
    }

    @Test
    void what_is_applied_to_a_copy_leaves_the_state_as_it_was_and_the_other_way() throws Exception {
        SchemaState s = built();
        String before = render(s);
        SchemaState c = s.copy();
        Revisions more = new Revisions().rev("003", null, """
                op.drop_table("players")
                op.drop_column("teams", "code")
                op.execute("DROP TYPE mood CASCADE")
                op.execute("ALTER TYPE kind ADD VALUE 'y'")
                op.bulk_insert(sa.table("teams", sa.column("id")), [{"id": 4}])
                op.execute("DELETE FROM teams")
                op.execute("DROP TABLE events")
                op.drop_index("ix_players_name")
                op.execute(sql)
                """);
        run(c, more.get("003").upgrade());
        c.endSession();
        assertNotEquals(before, render(c), "the copy changed");
        assertEquals(before, render(s), "the state did not");
        SchemaState d = s.copy();
        String copied = render(d);
        run(s, more.get("003").upgrade());
        s.endSession();
        assertEquals(copied, render(d), "a copy is left as it was by what is applied to the state");
        assertEquals(Presence.PRESENT, d.presence(ObjectRef.table(QualifiedName.of("players"))));
        assertEquals(List.of("sad", "happy", "calm"), d.labels(QualifiedName.of("mood")));
        assertNotEquals(render(s), render(d));
    }

    @Test
    void copies_forked_and_run_on_hold_what_a_run_from_empty_holds() throws Exception {
        for (int seed = 1; seed <= 12; seed++) {
            java.util.Random rnd = new java.util.Random(seed);
            List<List<Operation>> steps = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                steps.add(new Revisions().rev("r" + i, null, statement(rnd, i)).get("r" + i).upgrade());
            }
            // a line of 8 steps, two branches from it (of 8 each), and a branch from the first branch's middle
            SchemaState trunk = fresh();
            runSteps(trunk, steps.subList(0, 8));
            SchemaState left = trunk.copy();
            runSteps(trunk, steps.subList(8, 12));
            SchemaState middle = trunk.copy();
            runSteps(trunk, steps.subList(12, 16));
            runSteps(left, steps.subList(16, 24));
            runSteps(middle, steps.subList(16, 20));
            String at = "seed " + seed;
            assertEquals(render(alone(steps, 0, 16)), render(trunk), at + ": the state run on after its copies");
            List<List<Operation>> leftLine = new ArrayList<>(steps.subList(0, 8));
            leftLine.addAll(steps.subList(16, 24));
            assertEquals(render(alone(leftLine, 0, 16)), render(left), at + ": the first copy");
            List<List<Operation>> middleLine = new ArrayList<>(steps.subList(0, 12));
            middleLine.addAll(steps.subList(16, 20));
            assertEquals(render(alone(middleLine, 0, 16)), render(middle), at + ": the copy of the state run on");
        }
    }

    private static SchemaState fresh() {
        SchemaState s = SchemaState.of(catalog());
        return s;
    }

    private static SchemaState alone(List<List<Operation>> steps, int from, int to) {
        SchemaState s = fresh();
        runSteps(s, steps.subList(from, to));
        return s;
    }

    private static void runSteps(SchemaState s, List<List<Operation>> steps) {
        for (List<Operation> ops : steps) {
            run(s, ops);
            s.endSession();
        }
    }

    /** A statement on a few tables, columns, keys and types, so that the steps change what others made. */
    private static String statement(java.util.Random rnd, int i) {
        String t = "t" + rnd.nextInt(3);
        String u = "t" + rnd.nextInt(3);
        return switch (rnd.nextInt(18)) {
            case 0, 1 -> "op.create_table(\"" + t + "\", sa.Column(\"id\", sa.Integer(), primary_key=True), "
                    + "sa.Column(\"a\", sa.Text(), nullable=False), sa.Column(\"b\", postgresql.ENUM(\"x\", name=\"mood\")))";
            case 2 -> "op.drop_table(\"" + t + "\")";
            case 3 -> "op.add_column(\"" + t + "\", sa.Column(\"c" + i + "\", sa.Text()))";
            case 4 -> "op.drop_column(\"" + t + "\", \"a\")";
            case 5 -> "op.create_index(\"ix_" + t + "_a\", \"" + t + "\", [\"a\"])";
            case 6 -> "op.drop_index(\"ix_" + t + "_a\")";
            case 7 -> "op.rename_table(\"" + t + "\", \"" + u + "\")";
            case 8 -> "op.alter_column(\"" + t + "\", \"a\", new_column_name=\"a" + i + "\")";
            case 9 -> "op.create_unique_constraint(\"uq_" + t + "\", \"" + t + "\", [\"a\"])";
            case 10 -> "op.drop_constraint(\"uq_" + t + "\", \"" + t + "\")";
            case 11 -> "op.create_foreign_key(\"fk_" + t + "\", \"" + t + "\", \"" + u + "\", [\"a\"], [\"id\"])";
            case 12 -> "op.execute(\"ALTER TYPE mood ADD VALUE 'v" + i + "'\")";
            case 13 -> "op.execute(\"ALTER TYPE mood RENAME VALUE 'x' TO 'y" + i + "'\")";
            case 14 -> "op.execute(\"DROP TYPE mood CASCADE\")";
            case 15 -> "op.execute(\"ALTER TABLE " + t + " ADD COLUMN s" + i + " serial\")";
            case 16 -> "op.bulk_insert(sa.table(\"" + t + "\", sa.column(\"id\"), sa.column(\"a\")), [{\"id\": " + i
                    + ", \"a\": \"v\"}])";
            default -> rnd.nextBoolean() ? "op.execute(sql)" : "op.execute(\"DELETE FROM " + t + "\")";
        };
    }

    // ---- reflection ----

    private static boolean ours(Class<?> k) {
        for (Class<?> c = k; c != null; c = c.getEnclosingClass()) {
            if (c == SchemaState.class) {
                return true;
            }
        }
        return false;
    }

    private static List<Field> fields(Class<?> k) {
        List<Field> out = new ArrayList<>();
        for (Field f : k.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                f.setAccessible(true);
                out.add(f);
            }
        }
        return out;
    }

    /** A text of everything {@code o} holds: sets and maps in a fixed order, objects of the state field by field. */
    private static String render(Object o) throws IllegalAccessException {
        if (o == null) {
            return "null";
        }
        if (o instanceof Set<?> set) {
            TreeSet<String> out = new TreeSet<>();
            for (Object e : set) {
                out.add(render(e));
            }
            return out.toString();
        }
        if (o instanceof Collection<?> list) {
            List<String> out = new ArrayList<>();
            for (Object e : list) {
                out.add(render(e));
            }
            return out.toString();
        }
        if (o instanceof Map<?, ?> map) {
            TreeSet<String> out = new TreeSet<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.add(render(e.getKey()) + "=" + render(e.getValue()));
            }
            return out.toString();
        }
        if (!ours(o.getClass()) || o instanceof SchemaState.Slot) {
            return String.valueOf(o);
        }
        StringBuilder b = new StringBuilder(o.getClass().getSimpleName()).append('{');
        for (Field f : fields(o.getClass())) {
            if (f.getType() == Object.class) {
                // an index's writer: who may change a set in place, not what the state holds
                continue;
            }
            b.append(f.getName()).append('=').append(render(f.get(o))).append(';');
        }
        return b.append('}').toString();
    }

    /**
     * The fields of the state and of the classes it declares (each as Class.field) that no object reachable from
     * {@code state} sets: a class never reached has every field unset.
     */
    private static List<String> unset(SchemaState state) throws IllegalAccessException {
        Set<String> all = new TreeSet<>();
        List<Class<?>> classes = new ArrayList<>(List.of(SchemaState.class));
        for (int i = 0; i < classes.size(); i++) {
            classes.addAll(List.of(classes.get(i).getDeclaredClasses()));
        }
        for (Class<?> k : classes) {
            if (k != SchemaState.Slot.class && !k.isEnum() && !k.isInterface()) {
                fields(k).forEach(f -> all.add(k.getSimpleName() + "." + f.getName()));
            }
        }
        Set<String> set = new TreeSet<>();
        markSet(state, set, Collections.newSetFromMap(new IdentityHashMap<>()));
        all.removeAll(set);
        return new ArrayList<>(all);
    }

    private static void markSet(Object o, Set<String> set, Set<Object> seen) throws IllegalAccessException {
        if (o == null || !seen.add(o)) {
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object e : c) {
                markSet(e, set, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                markSet(e.getKey(), set, seen);
                markSet(e.getValue(), set, seen);
            }
            return;
        }
        if (!ours(o.getClass()) || o instanceof SchemaState.Slot) {
            return;
        }
        for (Field f : fields(o.getClass())) {
            Object v = f.get(o);
            if (set(v)) {
                set.add(o.getClass().getSimpleName() + "." + f.getName());
            }
            markSet(v, set, seen);
        }
    }

    private static boolean set(Object v) {
        return v != null && !(v instanceof Boolean b && !b) && !(v instanceof Number n && n.longValue() == 0)
                && !(v instanceof Character ch && ch == 0) && !(v instanceof Collection<?> c && c.isEmpty())
                && !(v instanceof Map<?, ?> m && m.isEmpty()) && !(v.getClass().isArray() && Array.getLength(v) == 0);
    }

    /** Every mutable object reachable from {@code o}: collections, maps and objects of the state, by path. */
    private static void mutables(Object o, String path, Map<Object, String> out) throws IllegalAccessException {
        if (o == null || out.containsKey(o)) {
            return;
        }
        String name = o.getClass().getName();
        boolean immutable = name.startsWith("java.util.ImmutableCollections") || name.startsWith("java.util.Collections$Unmodifiable")
                || name.startsWith("java.util.Collections$Empty");
        if (o instanceof Collection<?> c) {
            if (!immutable) {
                out.put(o, path);
            }
            for (Object e : c) {
                mutables(e, path + "[]", out);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            if (!immutable) {
                out.put(o, path);
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                mutables(e.getKey(), path + "{key}", out);
                mutables(e.getValue(), path + "{}", out);
            }
            return;
        }
        if (!ours(o.getClass()) || o instanceof SchemaState.Slot) {
            return;
        }
        // a record, or an object of final fields only (a key), is changed by no one: what it holds is walked below
        if (!o.getClass().isRecord() && !fields(o.getClass()).stream().allMatch(f -> Modifier.isFinal(f.getModifiers()))) {
            out.put(o, path);
        }
        for (Field f : fields(o.getClass())) {
            mutables(f.get(o), path + "." + f.getName(), out);
        }
    }
}
