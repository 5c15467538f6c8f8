package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Settings;
import dev.idemlint.discovery.Version;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaTimelineTest {
    static final Settings S = Settings.DEFAULT;
    static final int END = Integer.MAX_VALUE;

    static ObjectRef table(String name) {
        return ObjectRef.table(QualifiedName.of(name));
    }

    static ObjectRef type(String name) {
        return ObjectRef.of(ObjectKind.TYPE, QualifiedName.of(name));
    }

    static ObjectRef column(String table, String name) {
        return ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of(table), name);
    }

    static final String PLAYERS = """
            op.create_table(
                "players",
                sa.Column("id", sa.Integer(), primary_key=True),
                sa.Column("age", sa.Integer(), index=True),
                sa.Column("code", sa.String(16), unique=True),
                sa.Column("division", sa.Enum("boys", "girls", name="division")),
            )
            """;

    @Test
    void an_ancestors_objects_are_there_for_its_descendants() {
        Revisions r = new Revisions().rev("001", null, PLAYERS).rev("002", "001", "pass").rev("003", "002", "pass");
        SchemaTimeline t = r.timeline();
        Creation c = t.existing(type("division"), r.get("003"), 0, S);
        assertNotNull(c);
        assertSame(r.get("001"), c.migration());
        assertEquals(Creation.Via.TABLE_EVENT, c.via());
        assertEquals(List.of("boys", "girls"), c.labels());
        assertNotNull(t.existing(column("players", "age"), r.get("002"), 0, S));
        assertNull(t.existing(table("players"), r.get("001"), 0, S), "not before its own statement");
        assertNotNull(t.existing(table("players"), r.get("001"), 1, S));
        assertTrue(t.complete(r.get("003")));
        assertTrue(t.isAncestor(r.get("001"), r.get("003")));
    }

    @Test
    void create_table_columns_imply_index_unique_and_primary_key_names() {
        Revisions r = new Revisions().rev("001", null, PLAYERS);
        SchemaTimeline t = r.timeline();
        Creation ix = t.existing(ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("ix_players_age")), r.get("001"), END, S);
        assertNotNull(ix);
        assertTrue(ix.derivedName());
        assertNotNull(t.existing(ObjectRef.in(ObjectKind.CONSTRAINT, QualifiedName.of("players"), "players_code_key"), r.get("001"), END, S));
        assertNotNull(t.existing(ObjectRef.in(ObjectKind.CONSTRAINT, QualifiedName.of("players"), "players_pkey"), r.get("001"), END, S));
        assertEquals(List.of(Set.of("id"), Set.of("code")), t.keys(QualifiedName.of("players"), r.get("001"), END));
    }

    @Test
    void unnamed_keys_are_recorded_under_the_names_postgres_gives_them() {
        Revisions r = new Revisions().rev("001", null, """
                op.create_table("seasons", sa.Column("id", sa.Integer()), sa.Column("name", sa.Text()),
                    sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id")), sa.PrimaryKeyConstraint("id"))
                op.create_unique_constraint(None, "seasons", ["name"])
                op.execute("INSERT INTO seasons (id, name) VALUES (1, 'x')")
                """);
        SchemaTimeline t = r.timeline();
        QualifiedName seasons = QualifiedName.of("seasons");
        Creation fk = t.existing(ObjectRef.in(ObjectKind.CONSTRAINT, seasons, "seasons_team_id_fkey"), r.get("001"), END, S);
        assertEquals(Creation.Via.TABLE_ELEMENT, fk.via());
        assertTrue(fk.derivedName());
        Creation uq = t.existing(ObjectRef.in(ObjectKind.CONSTRAINT, seasons, "seasons_name_key"), r.get("001"), END, S);
        assertEquals(Creation.Via.STATEMENT, uq.via());
        assertTrue(uq.derivedName() && uq.shape().postgresNamed());
        // both are keys an insert meets: the table's primary key, and the unique key added after it
        assertEquals(List.of(Set.of("id")), t.keys(seasons, r.get("001"), 1));
        assertEquals(List.of(Set.of("id"), Set.of("name")), t.keys(seasons, r.get("001"), 2));
    }

    @Test
    void the_timeline_files_what_effects_decide_in_their_schema() {
        Revisions r = new Revisions().rev("001", null, """
                op.create_table("invoices", sa.Column("id", sa.Integer()), schema="billing")
                op.create_table("invoices", sa.Column("id", sa.Integer()), schema="public")
                op.execute("CREATE INDEX ix_lines ON billing.invoices (id)")
                op.execute("DROP TABLE billing.invoices")
                """);
        SchemaTimeline t = r.timeline();
        QualifiedName billing = QualifiedName.of("billing", "invoices");
        assertNotNull(t.existing(ObjectRef.table(billing), r.get("001"), 3, S));
        assertNotNull(t.existing(ObjectRef.in(ObjectKind.COLUMN, billing, "id"), r.get("001"), 3, S));
        // public is the search path's schema: public.invoices and invoices are one table
        assertEquals(1, t.existing(table("invoices"), r.get("001"), END, S).index());
        assertEquals(t.existing(table("invoices"), r.get("001"), END, S),
                t.existing(ObjectRef.table(QualifiedName.of("public", "invoices")), r.get("001"), END, S));
        // DROP TABLE takes the table's columns and the index on it
        assertNull(t.existing(ObjectRef.table(billing), r.get("001"), END, S));
        assertNull(t.existing(ObjectRef.in(ObjectKind.COLUMN, billing, "id"), r.get("001"), END, S));
        assertNull(t.existing(ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("billing", "ix_lines")), r.get("001"), END, S));
        assertNotNull(t.existing(ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("billing", "ix_lines")), r.get("001"), 3, S));
    }

    @Test
    void a_drop_under_a_name_we_cannot_read_takes_only_its_kind() {
        Revisions r = new Revisions().rev("001", null, PLAYERS).rev("002", "001", """
                op.drop_column("players", name)
                op.drop_constraint(name, "players")
                """);
        SchemaTimeline t = r.timeline();
        // an unread column drop may be any column of players (and the index on it), not its type or table
        assertNull(t.existing(column("players", "age"), r.get("002"), 1, S));
        assertNotNull(t.existing(table("players"), r.get("002"), END, S));
        assertNotNull(t.certainlyExisting(type("division"), r.get("002"), END, S));
        assertNotNull(t.keys(QualifiedName.of("players"), r.get("002"), 0));
        // the unread column may be one a key is on (PostgreSQL drops the key with it), as an unread constraint may
        // be a key: the table's keys are unknown after either
        assertNull(t.keys(QualifiedName.of("players"), r.get("002"), 1));
        assertNull(t.keys(QualifiedName.of("players"), r.get("002"), END));
        assertFalse(t.opaqueBefore(r.get("002"), END, ObjectKind.TYPE));
    }

    @Test
    void code_that_names_no_table_leaves_the_keys_a_later_insert_meets_and_code_naming_the_table_does_not() {
        Revisions r = new Revisions().rev("001", null, """
                op.create_table("sports", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("label", sa.String(), unique=True))
                """).rev("002", "001", """
                from helpers import backfill, rebuild
                backfill()
                op.execute("INSERT INTO sports (id, label) VALUES (1, 'padel')")
                rebuild("sports")
                op.execute("INSERT INTO sports (id, label) VALUES (2, 'kayak')")
                """);
        SchemaTimeline t = r.timeline();
        QualifiedName sports = QualifiedName.of("sports");
        // backfill() may have made or dropped anything (the table is not known present), but names no table
        assertEquals(List.of(Set.of("id"), Set.of("label")), t.keys(sports, r.get("002"), 1));
        assertEquals(List.of("id", "label"), t.columnOrder(sports, r.get("002"), 1));
        // rebuild("sports") names it: what it did to its keys is not known
        assertNull(t.keys(sports, r.get("002"), 3));
        assertNull(t.columnOrder(sports, r.get("002"), 3));
    }

    @Test
    void a_batch_op_call_not_read_forgets_the_keys_of_its_batch_table_only() {
        Revisions r = new Revisions().rev("001", null, """
                op.create_table("sports", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("label", sa.String(), unique=True))
                op.create_table("workouts", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("title", sa.String(), unique=True))
                """).rev("002", "001", """
                with op.batch_alter_table("workouts", schema=None) as batch_op:
                    batch_op.add_geospatial_column(sa.Column("geom", Geometry("POINT"), nullable=True))
                op.execute("INSERT INTO sports (id, label) VALUES (1, 'padel')")
                """).rev("003", "002", """
                with op.batch_alter_table(TABLE) as batch_op:
                    batch_op.add_geospatial_column(sa.Column("geom", Geometry("POINT"), nullable=True))
                op.execute("INSERT INTO sports (id, label) VALUES (2, 'kayak')")
                """);
        SchemaTimeline t = r.timeline();
        QualifiedName sports = QualifiedName.of("sports");
        QualifiedName workouts = QualifiedName.of("workouts");
        // a batch op on workouts alters workouts and no other table
        assertEquals(List.of(Set.of("id"), Set.of("label")), t.keys(sports, r.get("002"), 1));
        assertEquals(List.of("id", "label"), t.columnOrder(sports, r.get("002"), 1));
        assertNull(t.keys(workouts, r.get("002"), 1));
        assertNull(t.columnOrder(workouts, r.get("002"), 1));
        // one on a table whose name is not read may have altered any
        assertNull(t.keys(sports, r.get("003"), 1));
        assertNull(t.columnOrder(sports, r.get("003"), 1));
    }

    @Test
    void where_a_unique_key_is_its_index_a_drop_of_the_index_takes_the_key() {
        Revisions r = new Revisions().rev("001", null, """
                op.create_table("sports", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("label", sa.String()), sa.UniqueConstraint("label", name="uq_label"))
                op.drop_index("uq_label", table_name="sports")
                op.execute("INSERT INTO sports (id, label) VALUES (1, 'padel')")
                """);
        QualifiedName sports = QualifiedName.of("sports");
        // PostgreSQL refuses to drop the index of a constraint (2BP01): the key stays
        assertEquals(List.of(Set.of("id"), Set.of("label")), r.timeline().keys(sports, r.get("001"), 2));
        SchemaTimeline mariadb = SchemaTimeline.build(r.all(), Map.of(), true);
        assertEquals(List.of(Set.of("id")), mariadb.keys(sports, r.get("001"), 2));
    }

    @Test
    void a_sibling_branch_is_invisible_until_a_merge_joins_them() {
        Revisions r = new Revisions().rev("001", null, "pass")
                .rev("002", "001", PLAYERS)
                .rev("003", "001", "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("004", "002, 003", "pass");
        SchemaTimeline t = r.timeline();
        assertNull(t.existing(type("division"), r.get("003"), END, S));
        assertNotNull(t.existing(type("division"), r.get("004"), 0, S));
        assertNotNull(t.existing(table("teams"), r.get("004"), 0, S));
        assertFalse(t.isAncestor(r.get("002"), r.get("003")));
        assertSame(r.get("004"), t.mergeOf(r.get("002"), r.get("003")));
        assertNull(t.mergeOf(r.get("002"), r.get("004")), "nothing comes after the merge");
    }

    @Test
    void a_revisions_creations_of_one_object_are_its_own_in_operation_order() {
        Revisions r = new Revisions().rev("001", null, PLAYERS)
                .rev("002", "001", """
                        op.add_column("players", sa.Column("x", sa.Integer()))
                        op.drop_column("players", "x")
                        op.add_column("players", sa.Column("x", sa.Integer()))
                        """)
                .rev("003", "001", "op.add_column(\"players\", sa.Column(\"x\", sa.Integer()))");
        SchemaTimeline t = r.timeline();
        assertEquals(List.of(0, 2), t.creationsIn(r.get("002"), column("players", "x")).stream()
                .map(Creation::index).toList());
        assertEquals(List.of(0), t.creationsIn(r.get("003"), column("players", "x")).stream()
                .map(Creation::index).toList());
        assertEquals(List.of(), t.creationsIn(r.get("001"), column("players", "x")));
        assertEquals(List.of(), t.creationsIn(r.get("002"), table("players")));
        assertSame(r.get("001"), t.creationsIn(r.get("001"), table("players")).get(0).migration());
    }

    private static final String MULTIDB = """
            def upgrade(engine_name):
                globals()["upgrade_%s" % engine_name]()


            """;

    @Test
    void each_engine_of_a_multidb_chain_is_its_own_database() {
        Revisions r = new Revisions()
                .file("001", null, MULTIDB + """
                        def upgrade_registrar():
                            op.create_table("agents", sa.Column("id", sa.Integer()))


                        def upgrade_verifier():
                            op.create_table("hosts", sa.Column("id", sa.Integer()))
                        """)
                .file("002", "001", MULTIDB + """
                        def upgrade_registrar():
                            op.add_column("agents", sa.Column("x", sa.Integer()))


                        def upgrade_verifier():
                            op.create_table("agents", sa.Column("id", sa.Integer()))
                        """);
        SchemaTimeline t = r.timeline();
        Migration second = r.get("002");
        int addColumn = indexOn(second, "registrar");
        int createTable = indexOn(second, "verifier");
        assertSame(r.get("001"), t.existing(table("agents"), second, addColumn, S).migration());
        assertNull(t.existing(table("agents"), second, createTable, S), "the registrar's table is not the verifier's");
        assertNull(t.existing(table("agents"), second, END, S), "after both engines' operations no one database answers");
        assertEquals(List.of("001 agents", "001 hosts", "002 agents"), t.creations().stream()
                .filter(c -> c.key().kind() == ObjectKind.TABLE)
                .map(c -> c.migration().header().revisionId() + " " + c.key().name().name()).toList());
        Creation verifiers = t.creationsIn(second, table("agents")).get(0);
        assertEquals(List.of(verifiers), t.creationsOf(verifiers));
        assertEquals(2, t.creationsOf(table("agents")).size(), "every engine's, in walk order");
    }

    /** The index of the first operation of {@code m} that runs on {@code engine}. */
    private static int indexOn(Migration m, String engine) {
        for (int i = 0; i < m.upgrade().size(); i++) {
            if (engine.equals(m.upgrade().get(i).site().engine())) {
                return i;
            }
        }
        throw new AssertionError("no operation on " + engine);
    }

    @Test
    void dropped_objects_are_gone_and_may_be_created_again() {
        Revisions r = new Revisions().rev("001", null, PLAYERS)
                .rev("002", "001", """
                        op.drop_column("players", "age")
                        op.execute("DROP TYPE division")
                        op.add_column("players", sa.Column("age", sa.Integer()))
                        """);
        SchemaTimeline t = r.timeline();
        Revisions m = r;
        assertNull(t.existing(type("division"), m.get("002"), END, S));
        assertNull(t.existing(column("players", "age"), m.get("002"), 2, S));
        Creation again = t.existing(column("players", "age"), m.get("002"), END, S);
        assertSame(m.get("002"), again.migration());
    }

    @Test
    void dropping_a_table_drops_its_columns_and_indexes_but_not_its_enum_type() {
        Revisions r = new Revisions().rev("001", null, PLAYERS).rev("002", "001", "op.drop_table(\"players\")");
        SchemaTimeline t = r.timeline();
        assertNull(t.existing(column("players", "age"), r.get("002"), END, S));
        assertNull(t.existing(ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("ix_players_age")), r.get("002"), END, S));
        assertNotNull(t.existing(type("division"), r.get("002"), END, S));
    }

    @Test
    void renames_move_the_name() {
        Revisions r = new Revisions().rev("001", null, PLAYERS)
                .rev("002", "001", """
                        op.alter_column("players", "code", new_column_name="short_code")
                        op.rename_table("players", "athletes")
                        op.execute("ALTER TYPE division RENAME TO league_division")
                        """);
        SchemaTimeline t = r.timeline();
        Revisions m = r;
        assertNull(t.existing(column("players", "code"), m.get("002"), 1, S));
        assertNotNull(t.existing(column("players", "short_code"), m.get("002"), 1, S));
        assertNull(t.existing(table("players"), m.get("002"), END, S));
        assertEquals(Creation.Via.RENAME, t.existing(table("athletes"), m.get("002"), END, S).via());
        assertNull(t.existing(column("players", "age"), m.get("002"), END, S), "the old table's columns");
        assertNull(t.existing(type("division"), m.get("002"), END, S));
        assertNotNull(t.existing(type("league_division"), m.get("002"), END, S));
    }

    @Test
    void dynamic_names_are_never_matched_but_make_what_follows_opaque() {
        Revisions r = new Revisions().rev("001", null, """
                op.execute("CREATE TABLE teams (id int)")
                op.execute(f"CREATE TYPE {name} AS ENUM ('a')")
                op.execute(f"DROP TABLE {name}")
                """);
        SchemaTimeline t = r.timeline();
        assertFalse(t.opaqueBefore(r.get("001"), 1, ObjectKind.TYPE));
        assertTrue(t.opaqueBefore(r.get("001"), 2, ObjectKind.TYPE));
        assertTrue(t.creations().stream().noneMatch(c -> c.key() == null));
        assertNull(t.existing(table("teams"), r.get("001"), END, S), "a dynamic DROP TABLE may be it");
    }

    @Test
    void a_type_made_under_a_name_we_cannot_read_may_be_any_type_and_takes_nothing() {
        Revisions r = new Revisions().rev("001", null, PLAYERS).rev("002", "001", """
                op.create_table("steps", sa.Column("id", sa.Integer()), sa.Column("status", sa.Enum()))
                op.drop_table("players")
                """);
        SchemaTimeline t = r.timeline();
        // what was there is still there: the unread CREATE TYPE takes nothing
        assertNotNull(t.certainlyExisting(table("players"), r.get("002"), 1, S));
        assertNotNull(t.certainlyExisting(type("division"), r.get("002"), END, S));
        assertFalse(t.threatened(table("players"), r.get("002"), 1));
        // a type missing may be the one it made; a table may not
        assertFalse(t.opaqueBefore(r.get("002"), 0, ObjectKind.TYPE));
        assertTrue(t.opaqueBefore(r.get("002"), 1, ObjectKind.TYPE));
        assertTrue(t.opaqueBefore(r.get("002"), 1, ObjectKind.DOMAIN));
        assertFalse(t.opaqueBefore(r.get("002"), END, ObjectKind.TABLE));
        assertNull(t.existing(table("players"), r.get("002"), END, S));
    }

    @Test
    void add_column_never_creates_the_enum_type_and_create_type_false_depends_on_the_dialect() {
        Revisions r = new Revisions().rev("001", null, """
                op.add_column("players", sa.Column("division", sa.Enum("boys", "girls", name="division")))
                op.create_table("a", sa.Column("x", postgresql.ENUM("1", name="pg_false", create_type=False)))
                op.create_table("b", sa.Column("x", sa.Enum("1", name="generic_false", create_type=False)))
                op.create_table("c", sa.Column("x", sa.Enum("1", name="not_native", native_enum=False)))
                """);
        SchemaTimeline t = r.timeline();
        Settings old = S.withSqlalchemy(Version.parse("1.4.46"));
        Settings current = S.withSqlalchemy(Version.parse("2.1.0"));
        assertNull(t.existing(type("division"), r.get("001"), END, S));
        assertNull(t.existing(type("pg_false"), r.get("001"), END, old));
        assertNotNull(t.existing(type("generic_false"), r.get("001"), END, old));
        assertNull(t.existing(type("generic_false"), r.get("001"), END, current));
        assertNull(t.existing(type("not_native"), r.get("001"), END, old));
    }

    @Test
    void the_other_branch_of_an_if_else_does_not_come_before() {
        Revisions r = new Revisions().rev("001", null, """
                if context.config.get_main_option("use_orm") == "yes":
                    op.create_table("teams", sa.Column("id", sa.Integer()))
                else:
                    op.execute("CREATE TABLE teams (id int)")
                op.execute("CREATE INDEX ix_teams_id ON teams (id)")
                """);
        SchemaTimeline t = r.timeline();
        assertNull(t.existing(table("teams"), r.get("001"), 1, S));
        assertNotNull(t.existing(table("teams"), r.get("001"), 2, S));
    }

    @Test
    void guarded_creations_still_create() {
        Revisions r = new Revisions().rev("001", null, """
                op.execute("DO $$ BEGIN CREATE TYPE division AS ENUM ('boys'); EXCEPTION WHEN duplicate_object THEN null; END $$")
                """);
        Creation c = r.timeline().existing(type("division"), r.get("001"), END, S);
        assertNotNull(c);
        assertTrue(c.guarded());
    }

    @Test
    void labels_follow_add_value_and_rename_value() {
        Revisions r = new Revisions().rev("001", null, PLAYERS).rev("002", "001", """
                op.execute("ALTER TYPE division ADD VALUE IF NOT EXISTS 'coed'")
                op.execute("ALTER TYPE division RENAME VALUE 'boys' TO 'men'")
                """);
        assertEquals(List.of("men", "girls", "coed"), r.timeline().labels(QualifiedName.of("division"), r.get("002"), END));
    }

    @Test
    void a_missing_parent_makes_the_chain_incomplete() {
        Revisions r = new Revisions().rev("050", "049", "pass").rev("051", "050", "pass");
        SchemaTimeline t = r.timeline();
        assertFalse(t.complete(r.get("050")));
        assertFalse(t.complete(r.get("051")));
    }

    @Test
    void a_timeline_placed_from_precomputed_effects_is_the_one_built_from_the_revisions() {
        Revisions r = new Revisions().rev("001", null, PLAYERS)
                .rev("002", "001", "op.drop_index(\"ix_players_age\", table_name=\"players\")\n"
                        + "op.execute(\"ALTER TYPE division ADD VALUE 'coed'\")\n"
                        + "op.add_column(\"players\", sa.Column(\"team\", sa.Integer(), unique=True))")
                .rev("003", "002", "op.rename_table(\"players\", \"athletes\")\nop.execute(sql)\n"
                        + "op.drop_constraint(name, \"athletes\")")
                .rev("004", "003", PLAYERS);
        RevisionGraph g = RevisionGraph.build(r.all());
        java.util.Map<dev.idemlint.migration.Migration, SchemaTimeline.Recorded> fx = effectsOf(r);
        SchemaTimeline placed = SchemaTimeline.build(g.topologicalOrder(), fx);
        SchemaTimeline fresh = SchemaTimeline.build(g.topologicalOrder());
        // the primed effects were used: their creations are the timeline's
        assertSame(fx.get(r.get("001")).creations().get(0), placed.creations().get(0));
        assertEquals(fresh.creations().size(), placed.creations().size());
        for (int i = 0; i < fresh.creations().size(); i++) {
            Creation a = fresh.creations().get(i);
            Creation b = placed.creations().get(i);
            assertEquals(a.key(), b.key());
            assertSame(a.migration(), b.migration());
            assertEquals(a.index(), b.index());
            assertSameExisting(fresh, placed, a.key(), r);
        }
        assertEquals(fresh.labels(QualifiedName.of("division"), r.get("004"), 0), placed.labels(QualifiedName.of("division"), r.get("004"), 0));
        assertEquals(fresh.keys(QualifiedName.of("players"), r.get("002"), END), placed.keys(QualifiedName.of("players"), r.get("002"), END));
        assertEquals(fresh.opaqueBefore(r.get("003"), 2, ObjectKind.TYPE), placed.opaqueBefore(r.get("003"), 2, ObjectKind.TYPE));
    }

    @Test
    void effects_placed_by_a_second_build_leave_the_first_timeline_as_it_was() {
        // The first build gives the recorded events their positions in place; a second build of the
        // same effects, here in another order (so other positions), must place copies.
        Revisions r = new Revisions().rev("001", null, PLAYERS)
                .rev("002", "001", "op.drop_index(\"ix_players_age\", table_name=\"players\")\n"
                        + "op.execute(sql)\nop.drop_constraint(name, \"players\")")
                .rev("003", "002", PLAYERS);
        RevisionGraph g = RevisionGraph.build(r.all());
        java.util.Map<dev.idemlint.migration.Migration, SchemaTimeline.Recorded> fx = effectsOf(r);
        SchemaTimeline first = SchemaTimeline.build(g.topologicalOrder(), fx);
        SchemaTimeline fresh = SchemaTimeline.build(g.topologicalOrder());
        List<dev.idemlint.migration.Migration> reversed = new java.util.ArrayList<>(g.topologicalOrder());
        java.util.Collections.reverse(reversed);
        SchemaTimeline second = SchemaTimeline.build(reversed, fx);
        assertSame(reversed.get(0), second.order().get(0));
        for (Creation c : fresh.creations()) {
            assertSameExisting(fresh, first, c.key(), r);
        }
        assertEquals(fresh.keys(QualifiedName.of("players"), r.get("002"), END), first.keys(QualifiedName.of("players"), r.get("002"), END));
        assertEquals(fresh.keys(QualifiedName.of("players"), r.get("003"), END), first.keys(QualifiedName.of("players"), r.get("003"), END));
        assertEquals(fresh.opaqueBefore(r.get("002"), 2, ObjectKind.TYPE), first.opaqueBefore(r.get("002"), 2, ObjectKind.TYPE));
        assertEquals(fresh.opaqueBefore(r.get("003"), 0, ObjectKind.TYPE), first.opaqueBefore(r.get("003"), 0, ObjectKind.TYPE));
    }

    /** Each revision's effects, computed as the engine's workers compute them. */
    private static java.util.Map<dev.idemlint.migration.Migration, SchemaTimeline.Recorded> effectsOf(Revisions r) {
        java.util.Map<dev.idemlint.migration.Migration, SchemaTimeline.Recorded> fx = new java.util.IdentityHashMap<>();
        for (dev.idemlint.migration.Migration m : r.all()) {
            fx.put(m, SchemaTimeline.recorded(m));
        }
        return fx;
    }

    /** {@code other} answers "which creation of {@code key} exists here" as {@code fresh} does, everywhere. */
    private static void assertSameExisting(SchemaTimeline fresh, SchemaTimeline other, ObjectRef key, Revisions r) {
        for (dev.idemlint.migration.Migration m : r.all()) {
            for (int at : new int[] {0, 1, 2, END}) {
                Creation x = fresh.existing(key, m, at, S);
                Creation y = other.existing(key, m, at, S);
                assertEquals(x == null ? null : x.key(), y == null ? null : y.key(), key + " at " + at);
                assertEquals(x == null ? -1 : x.index(), y == null ? -1 : y.index());
                assertSame(x == null ? null : x.migration(), y == null ? null : y.migration());
            }
        }
    }
    @Test
    void an_index_and_a_serial_sequence_keep_their_names_through_their_tables_rename() {
        // PostgreSQL's ALTER TABLE ... RENAME TO renames the table only: its indexes and its serial's sequence
        // keep their names, and go with the table when it is dropped under its new name
        Revisions r = new Revisions().rev("001", null, """
                op.create_table("seasons", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("year", sa.Integer()))
                op.create_index("ix_seasons_year", "seasons", ["year"])
                """).rev("002", "001", """
                op.rename_table("seasons", "campaigns")
                op.rename_table("campaigns", "runs")
                op.execute("SELECT 1")
                op.drop_table("runs")
                """).rev("003", "001", """
                op.rename_table("seasons", "campaigns")
                if flag:
                    op.drop_table("campaigns")
                op.execute("SELECT 1")
                """);
        SchemaTimeline t = r.timeline();
        ObjectRef ix = ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("ix_seasons_year"));
        ObjectRef seq = ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("seasons_id_seq"));
        Migration renamed = r.get("002");
        assertNotNull(t.existing(ix, renamed, 2, S), "still there after two renames of its table");
        assertNotNull(t.certainlyExisting(ix, renamed, 2, S));
        assertNotNull(t.existing(seq, renamed, 2, S));
        assertNull(t.existing(ix, renamed, END, S), "dropped with its table under the table's last name");
        assertNull(t.existing(seq, renamed, END, S));
        // a drop that may have run under the table's new name leaves it uncertain: no first-run claim
        Migration maybe = r.get("003");
        assertNull(t.certainlyExisting(ix, maybe, 2, S));
        // a column is another ref under the new name: the old table's column is gone
        assertNull(t.existing(column("seasons", "year"), renamed, 1, S));
    }

    @Test
    void the_indexes_naming_a_table_are_those_equals_ignore_case_finds() {
        Revisions r = new Revisions().rev("001", null, """
                op.create_table("Users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("c", sa.Integer()))
                op.create_index("ix_a", "Users", ["c"])
                op.create_index("ix_b", "users", ["id"])
                op.create_index("ix_c", "other", ["c"])
                """);
        SchemaTimeline t = r.timeline();
        assertEquals(List.of("ix_a", "ix_b"),
                t.indexesNamingTable("USERS").stream().map(c -> c.key().name().name()).toList());
        assertEquals(List.of(), t.indexesNamingTable("user"));
        // "\u0131".equalsIgnoreCase("I") and "\u212A".equalsIgnoreCase("k") hold: their folds agree
        assertEquals(SchemaTimeline.caseFolded("I"), SchemaTimeline.caseFolded("\u0131"));
        assertEquals(SchemaTimeline.caseFolded("k"), SchemaTimeline.caseFolded("\u212A"));
    }
}
