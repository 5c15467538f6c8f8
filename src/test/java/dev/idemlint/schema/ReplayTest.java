package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.ObjectKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timeline's answers taken from its replay of {@link SchemaState} ({@link Replay}) along branches and merges. */
class ReplayTest {
    private static final Settings S = Settings.DEFAULT;
    private static final int END = Integer.MAX_VALUE;
    private static final String UNREAD_TYPE = "op.execute(f\"CREATE TYPE {name} AS ENUM ('a')\")";

    @Test
    void code_not_read_on_one_branch_is_not_before_the_other_branch_but_is_after_the_merge() {
        Revisions r = new Revisions().rev("001", null, "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("002", "001", UNREAD_TYPE)
                .rev("003", "001", "op.add_column(\"teams\", sa.Column(\"code\", sa.Text()))")
                .rev("004", "002, 003", "pass");
        SchemaTimeline t = r.timeline();
        assertFalse(t.opaqueBefore(r.get("002"), 0, ObjectKind.TYPE));
        assertTrue(t.opaqueBefore(r.get("002"), END, ObjectKind.TYPE));
        assertFalse(t.opaqueBefore(r.get("003"), 0, ObjectKind.TYPE), "the other branch's code is not on this path");
        assertFalse(t.opaqueBefore(r.get("003"), END, ObjectKind.TYPE));
        assertTrue(t.opaqueBefore(r.get("004"), 0, ObjectKind.TYPE), "the merge runs both branches");
        assertFalse(t.opaqueBefore(r.get("004"), 0, ObjectKind.TABLE), "an unread type makes no table");
        assertFalse(t.startsFromExistingSchema(S), "every table altered was made on the path");
    }

    @Test
    void a_table_made_on_another_branch_only_is_missing_on_this_one() {
        Revisions r = new Revisions().rev("001", null, "pass")
                .rev("002", "001", "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("003", "001", "op.add_column(\"teams\", sa.Column(\"code\", sa.Text()))");
        assertTrue(r.timeline().startsFromExistingSchema(S));
    }

    @Test
    void a_table_altered_after_the_merge_of_the_branch_that_made_it_is_there() {
        Revisions r = new Revisions().rev("001", null, "pass")
                .rev("002", "001", "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("003", "001", "pass")
                .rev("004", "002, 003", "op.add_column(\"teams\", sa.Column(\"code\", sa.Text()))");
        assertFalse(r.timeline().startsFromExistingSchema(S));
    }

    @Test
    void a_table_created_only_if_missing_is_there_for_what_follows() {
        Revisions r = new Revisions().rev("001", null, """
                if not op.get_bind().dialect.has_table(op.get_bind(), "teams"):
                    op.create_table("teams", sa.Column("id", sa.Integer()))
                op.add_column("teams", sa.Column("code", sa.Text()))
                """);
        assertFalse(r.timeline().startsFromExistingSchema(S), "the guard holds on an empty database");
    }

    @Test
    void a_table_dropped_then_altered_was_there_before_the_chain() {
        Revisions r = new Revisions().rev("001", null, "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("002", "001", "op.drop_table(\"teams\")")
                .rev("003", "002", "op.add_column(\"teams\", sa.Column(\"code\", sa.Text()))");
        assertTrue(r.timeline().startsFromExistingSchema(S));
    }

    @Test
    void labels_added_on_one_branch_are_not_on_the_other_and_the_merge_has_both() {
        Revisions r = new Revisions().rev("001", null, "op.execute(\"CREATE TYPE mood AS ENUM ('sad')\")")
                .rev("002", "001", "op.execute(\"ALTER TYPE mood ADD VALUE 'happy'\")")
                .rev("003", "001", "op.execute(\"ALTER TYPE mood ADD VALUE 'calm'\")")
                .rev("004", "002, 003", "op.execute(\"ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'\")");
        SchemaTimeline t = r.timeline();
        QualifiedName mood = QualifiedName.of("mood");
        assertEquals(List.of("sad"), t.labels(mood, r.get("002"), 0));
        assertEquals(List.of("sad", "happy"), t.labels(mood, r.get("002"), END));
        assertEquals(List.of("sad", "calm"), t.labels(mood, r.get("003"), END), "the other branch's label is not on this path");
        assertEquals(List.of("sad", "happy", "calm"), t.labels(mood, r.get("004"), 0), "the merge runs both branches");
        assertEquals(List.of("blue", "happy", "calm"), t.labels(mood, r.get("004"), END));
    }

    @Test
    void a_renamed_type_keeps_its_labels_and_a_dropped_or_forgotten_one_has_none() {
        Revisions r = new Revisions().rev("001", null, """
                op.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')")
                op.execute("ALTER TYPE mood RENAME TO feeling")
                op.execute("DROP TYPE feeling")
                op.execute("CREATE TYPE mood AS ENUM ('calm')")
                op.execute(sql)
                """);
        SchemaTimeline t = r.timeline();
        QualifiedName mood = QualifiedName.of("mood");
        QualifiedName feeling = QualifiedName.of("feeling");
        assertEquals(List.of("sad", "happy"), t.labels(mood, r.get("001"), 1));
        assertEquals(List.of(), t.labels(mood, r.get("001"), 2));
        assertEquals(List.of("sad", "happy"), t.labels(feeling, r.get("001"), 2), "ALTER TYPE ... RENAME TO keeps the labels");
        assertEquals(List.of(), t.labels(feeling, r.get("001"), 3));
        assertEquals(List.of("calm"), t.labels(mood, r.get("001"), 4));
        assertEquals(List.of(), t.labels(mood, r.get("001"), END), "SQL not read may have dropped or replaced it");
    }

    @Test
    void a_revision_starting_from_its_fork_point_gets_the_answers_of_its_ancestors_run_again_from_empty() {
        for (int seed = 1; seed <= 4; seed++) {
            java.util.Random rnd = new java.util.Random(seed);
            Revisions r = new Revisions();
            List<List<Integer>> parents = new java.util.ArrayList<>();
            int n = 70;
            for (int i = 0; i < n; i++) {
                List<Integer> up = new java.util.ArrayList<>();
                if (i > 0) {
                    int roll = rnd.nextInt(10);
                    up.add(roll < 6 ? i - 1 : rnd.nextInt(i));
                    if (roll >= 8 && i > 2) {
                        int other = rnd.nextInt(i);
                        if (!up.contains(other)) {
                            up.add(other);
                        }
                    }
                }
                parents.add(up);
                StringBuilder body = new StringBuilder();
                for (int k = 0, m = 1 + rnd.nextInt(3); k < m; k++) {
                    body.append(statement(rnd, i, k)).append('\n');
                }
                String down = up.isEmpty() ? null : String.join(", ", up.stream().map(ReplayTest::id).toList());
                r.rev(id(i), down, body.toString());
            }
            List<java.util.BitSet> ancestors = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                java.util.BitSet a = new java.util.BitSet();
                for (int q : parents.get(i)) {
                    a.set(q);
                    a.or(ancestors.get(q));
                }
                ancestors.add(a);
            }
            List<dev.idemlint.migration.Migration> order = r.all();
            Replay whole = replay(order, ancestors);
            ObjectReplay objects = new ObjectReplay(order, ancestors, upgrades(order), effects(order), op -> true,
                    false);
            int forks = 0;
            for (int p = 0; p < n; p++) {
                // the reference: the revision's ancestors, in walk order, as one line from an empty database
                List<dev.idemlint.migration.Migration> line = new java.util.ArrayList<>();
                ancestors.get(p).stream().forEach(q -> line.add(order.get(q)));
                line.add(order.get(p));
                List<java.util.BitSet> before = new java.util.ArrayList<>();
                for (int k = 0; k < line.size(); k++) {
                    java.util.BitSet b = new java.util.BitSet();
                    b.set(0, k);
                    before.add(b);
                }
                Replay alone = replay(line, before);
                int last = line.size() - 1;
                int length = order.get(p).upgrade().size();
                forks += p > 0 && !parents.get(p).equals(List.of(p - 1)) ? 1 : 0;
                for (int i = 0; i <= length; i++) {
                    for (ObjectKind kind : ObjectKind.values()) {
                        assertEquals(alone.opaqueBefore(last, i, length, kind), whole.opaqueBefore(p, i, length, kind),
                                "seed " + seed + ", " + id(p) + " before " + i + ", " + kind);
                    }
                    for (int t = 0; t < 3; t++) {
                        ObjectRef type = ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("mood" + t));
                        // the labels the timeline reads from the type's replay alone, as the whole line holds them
                        assertEquals(labels(Replay.before(order, ancestors, upgrades(order), effects(order),
                                op -> true, false, p, i), type), labels(objects.before(type, null, p, i), type),
                                "seed " + seed + ", " + id(p) + " before " + i + ", " + type);
                    }
                }
            }
            assertTrue(forks > 10, "the tree branches and merges: " + forks);
        }
    }

    private static String id(int i) {
        return String.format("r%03d", i);
    }

    private static String statement(java.util.Random rnd, int i, int k) {
        int t = rnd.nextInt(3);
        return switch (rnd.nextInt(9)) {
            case 0, 1 -> "op.execute(\"CREATE TYPE mood" + t + " AS ENUM ('a')\")";
            case 2, 3 -> "op.execute(\"ALTER TYPE mood" + t + " ADD VALUE 'v" + i + "_" + k + "'\")";
            case 4 -> "op.execute(\"ALTER TYPE mood" + t + " RENAME VALUE 'a' TO 'b" + i + "'\")";
            case 5 -> "op.execute(\"DROP TYPE mood" + t + "\")";
            case 6 -> "op.create_table(\"t" + i + "_" + k + "\", sa.Column(\"id\", sa.Integer()))";
            case 7 -> rnd.nextInt(4) == 0 ? UNREAD_TYPE : "op.add_column(\"t" + rnd.nextInt(i + 1)
                    + "_0\", sa.Column(\"c" + i + "\", sa.Text()))";
            default -> rnd.nextInt(6) == 0 ? "op.execute(sql)" : "pass";
        };
    }

    private static Replay replay(List<dev.idemlint.migration.Migration> order, List<java.util.BitSet> ancestors) {
        return Replay.of(order, ancestors, upgrades(order), effects(order), op -> true, false);
    }

    private static List<List<dev.idemlint.migration.Operation>> upgrades(List<dev.idemlint.migration.Migration> order) {
        return order.stream().map(dev.idemlint.migration.Migration::upgrade).toList();
    }

    private static List<List<List<Effect>>> effects(List<dev.idemlint.migration.Migration> order) {
        return order.stream().map(m -> m.upgrade().stream().map(op -> Effects.of(op, Effects.Naming.UNKNOWN)).toList())
                .toList();
    }

    /** The labels {@code state} holds of the enum type {@code type}: none unless it holds the type present. */
    private static List<String> labels(SchemaState state, ObjectRef type) {
        List<String> l = state.presence(type) == Presence.PRESENT ? state.labels(type.name()) : null;
        return l == null ? List.of() : l;
    }
    private static final ObjectRef TEAMS = ObjectRef.table(QualifiedName.of("teams"));

    @Test
    void an_object_made_by_a_plain_statement_has_that_statement_as_its_sure_maker() {
        Revisions r = new Revisions().rev("001", null, "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("002", "001", "op.add_column(\"teams\", sa.Column(\"code\", sa.Text()))");
        SchemaTimeline t = r.timeline();
        SchemaState before = t.before(r.get("002"), 0);
        assertEquals(Presence.PRESENT, before.presence(TEAMS));
        SchemaState.Maker made = before.creator(TEAMS);
        assertEquals(r.get("001"), made.migration());
        assertEquals(0, made.index());
        assertEquals(SchemaState.Sureness.DEFINITE, made.how());
        assertEquals(null, before.doubt(TEAMS), "a presence known has no doubt");
        ObjectRef code = ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("teams"), "code");
        assertEquals(Presence.ABSENT, before.presence(code));
        assertEquals(null, before.creator(code), "what is not there has no maker");
        SchemaState after = t.before(r.get("002"), END);
        assertEquals(r.get("002"), after.creator(code).migration());
        assertEquals(t.existing(code, r.get("002"), END, S).operation(), after.creator(code).operation());
    }

    @Test
    void a_tolerant_a_guarded_and_a_conditional_creation_are_told_apart() {
        Revisions r = new Revisions().rev("001", null, """
                op.execute("CREATE TABLE IF NOT EXISTS teams (id int)")
                if not sa.inspect(op.get_bind()).has_table("players"):
                    op.create_table("players", sa.Column("id", sa.Integer()))
                if os.environ.get("WITH_LEAGUES"):
                    op.create_table("leagues", sa.Column("id", sa.Integer()))
                """);
        SchemaState end = r.timeline().before(r.get("001"), END);
        assertEquals(SchemaState.Sureness.TOLERANT, end.creator(TEAMS).how());
        ObjectRef players = ObjectRef.table(QualifiedName.of("players"));
        assertEquals(Presence.PRESENT, end.presence(players), "the guard holds on an empty database");
        assertEquals(SchemaState.Sureness.GUARDED, end.creator(players).how());
        ObjectRef leagues = ObjectRef.table(QualifiedName.of("leagues"));
        assertEquals(Presence.UNKNOWN, end.presence(leagues));
        assertEquals(SchemaState.Sureness.CONDITIONAL, end.creator(leagues).how());
        assertEquals(Effect.Forget.Reach.MAKES, end.doubt(leagues), "it may have been made, nothing took it");
    }

    @Test
    void a_conditional_drop_leaves_the_maker_and_says_the_object_may_be_gone() {
        Revisions r = new Revisions().rev("001", null, "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("002", "001", """
                        if os.environ.get("DROP_TEAMS"):
                            op.drop_table("teams")
                        """);
        SchemaState end = r.timeline().before(r.get("002"), END);
        assertEquals(Presence.UNKNOWN, end.presence(TEAMS));
        assertEquals(r.get("001"), end.creator(TEAMS).migration());
        assertEquals(SchemaState.Sureness.DEFINITE, end.creator(TEAMS).how());
        assertEquals(Effect.Forget.Reach.TAKES, end.doubt(TEAMS));
    }

    @Test
    void a_rename_is_the_maker_of_the_new_name_and_a_drop_leaves_no_maker() {
        Revisions r = new Revisions().rev("001", null, "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("002", "001", "op.rename_table(\"teams\", \"clubs\")")
                .rev("003", "002", "op.drop_table(\"clubs\")");
        SchemaTimeline t = r.timeline();
        ObjectRef clubs = ObjectRef.table(QualifiedName.of("clubs"));
        SchemaState renamed = t.before(r.get("003"), 0);
        assertEquals(r.get("002"), renamed.creator(clubs).migration());
        assertEquals(null, renamed.creator(TEAMS));
        assertEquals(null, t.before(r.get("003"), END).creator(clubs));
    }

    @Test
    void a_creation_that_may_run_leaves_an_object_that_is_there_as_it_is_and_the_first_creation_certain() {
        // if the second CREATE INDEX runs it fails and the run stops; if not, the index stays: either way a run that
        // goes on finds the first one's index there, and the unconditional third creation fails on its first run
        Revisions r = new Revisions().rev("001", null, """
                op.create_table("teams", sa.Column("id", sa.Integer()))
                op.create_index("ix_teams_id", "teams", ["id"])
                """).rev("002", "001", """
                if os.getenv("WITH_INDEXES"):
                    op.create_index("ix_teams_id", "teams", ["id"])
                op.create_index("ix_teams_id", "teams", ["id"])
                if os.getenv("WITH_LEAGUES"):
                    op.create_table("leagues", sa.Column("id", sa.Integer()))
                """);
        SchemaTimeline t = r.timeline();
        ObjectRef ix = ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("ix_teams_id"));
        SchemaState before = t.before(r.get("002"), 1);
        assertEquals(Presence.PRESENT, before.presence(ix));
        assertEquals(r.get("001"), before.creator(ix).migration());
        assertEquals(SchemaState.Sureness.DEFINITE, before.creator(ix).how());
        Creation first = t.certainlyExisting(ix, r.get("002"), 1, S);
        assertEquals(r.get("001"), first.migration());
        assertEquals(1, first.index());
        // what was absent is still only maybe made
        ObjectRef leagues = ObjectRef.table(QualifiedName.of("leagues"));
        assertEquals(Presence.UNKNOWN, t.before(r.get("002"), END).presence(leagues));
        assertEquals(null, t.certainlyExisting(leagues, r.get("002"), END, S));
    }

    @Test
    void a_conditional_drop_or_unread_code_that_may_take_the_object_leaves_no_certain_creation() {
        Revisions r = new Revisions().rev("001", null, "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("002", "001", """
                        if os.environ.get("DROP_TEAMS"):
                            op.drop_table("teams")
                        op.create_table("teams", sa.Column("id", sa.Integer()))
                        """)
                .rev("003", "001", """
                        op.execute(f"DROP TABLE {name}")
                        op.create_table("teams", sa.Column("id", sa.Integer()))
                        """)
                .rev("004", "001", "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))");
        SchemaTimeline t = r.timeline();
        assertEquals(null, t.certainlyExisting(TEAMS, r.get("002"), 1, S));
        assertEquals(null, t.certainlyExisting(TEAMS, r.get("003"), 1, S));
        assertEquals(r.get("001"), t.certainlyExisting(TEAMS, r.get("004"), 0, S).migration());
        // the state: the creation after the conditional drop finds the table maybe taken; the one after nothing not
        assertEquals(Effect.Forget.Reach.TAKES, t.before(r.get("002"), 1).doubt(TEAMS));
        assertEquals(null, t.before(r.get("004"), 0).doubt(TEAMS));
    }

    @Test
    void where_a_unique_key_is_its_index_the_key_has_its_statement_as_maker_and_is_certain() {
        Revisions r = new Revisions().rev("001", null, """
                op.create_table("teams", sa.Column("id", sa.Integer()), sa.Column("name", sa.Text()))
                op.create_unique_constraint("uq_teams_name", "teams", ["name"])
                """).rev("002", "001", "op.create_unique_constraint(\"uq_teams_name\", \"teams\", [\"name\"])");
        SchemaTimeline t = SchemaTimeline.build(r.all(), Map.of(), true);
        ObjectRef key = ObjectRef.in(ObjectKind.CONSTRAINT, QualifiedName.of("teams"), "uq_teams_name");
        SchemaState before = t.before(r.get("002"), 0);
        assertEquals(Presence.PRESENT, before.presence(key));
        assertEquals(1, before.creator(key).index(), "the key is its index, made by the key's statement");
        assertEquals(null, before.doubt(key));
        Creation first = t.certainlyExisting(key, r.get("002"), 0, S);
        assertEquals(r.get("001"), first.migration());
        assertEquals(1, first.index());
    }
}
