package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.db.Catalog;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Guard.Condition;
import dev.idemlint.migration.Guard.Truth;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.RowSource;
import dev.idemlint.migration.SqlState;
import dev.idemlint.schema.Effect.Create;
import dev.idemlint.schema.Effect.Drop;
import dev.idemlint.schema.Effect.Forget;
import dev.idemlint.schema.Effect.Rename;
import dev.idemlint.schema.Effect.Require;
import dev.idemlint.schema.Effect.Shape;
import dev.idemlint.schema.Effect.Write;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaStateTest {
    private static final QualifiedName PLAYERS = QualifiedName.of("public", "players");
    private static final QualifiedName TEAMS = QualifiedName.of("public", "teams");

    /**
     * public.players (id, team_id, name) with its primary key, a foreign key on team_id, an index on
     * name, a check whose columns the catalog does not give, a trigger; public.teams (id);
     * public.players_id_seq; enum type public.mood; the search path app, public.
     */
    private static Catalog catalog() {
        return new Catalog("15.18", "public", List.of("app", "public"),
                new Catalog.VersionTable(null, "alembic_version", "public", List.of()), List.of("public", "app"),
                List.of(new Catalog.Relation("public", "players", 'r'), new Catalog.Relation("public", "teams", 'r'),
                        new Catalog.Relation("public", "players_pkey", 'i'),
                        new Catalog.Relation("public", "ix_players_name", 'i'),
                        new Catalog.Relation("public", "players_id_seq", 'S')),
                List.of(new Catalog.Column("public", "players", "id", "integer", null, true),
                        new Catalog.Column("public", "players", "team_id", "integer", null, false),
                        new Catalog.Column("public", "players", "name", "text", null, true),
                        new Catalog.Column("public", "teams", "id", "integer", null, true)),
                List.of(new Catalog.Index("public", "players_pkey", "players", true, List.of("id")),
                        new Catalog.Index("public", "ix_players_name", "players", false, List.of("name"))),
                List.of(new Catalog.Constraint("public", "players", "players_pkey", 'p'),
                        new Catalog.Constraint("public", "players", "players_team_id_fkey", 'f'),
                        new Catalog.Constraint("public", "players", "players_name_check", 'c')),
                List.of(new Catalog.Type("public", "mood", 'e', List.of("sad", "happy"))), List.of(),
                List.of(new Catalog.Trigger("public", "players", "touch")), List.of(), List.of(), List.of());
    }

    private static ObjectRef column(QualifiedName table, String name) {
        return ObjectRef.in(ObjectKind.COLUMN, table, name);
    }

    private static ObjectRef constraint(QualifiedName table, String name) {
        return ObjectRef.in(ObjectKind.CONSTRAINT, table, name);
    }

    private static ObjectRef index(String name) {
        return ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("public", name));
    }

    @Test
    void a_catalog_snapshot_knows_what_is_there_and_that_nothing_else_is() {
        SchemaState s = SchemaState.of(catalog());
        assertEquals(Presence.PRESENT, s.presence(ObjectRef.table(PLAYERS)));
        assertEquals(Presence.PRESENT, s.presence(column(PLAYERS, "team_id")));
        assertEquals(Presence.ABSENT, s.presence(column(PLAYERS, "nickname")));
        assertEquals(Presence.ABSENT, s.presence(ObjectRef.table(QualifiedName.of("public", "venues"))));
        assertEquals("integer", s.columnType(column(PLAYERS, "id")));
        assertEquals(List.of("sad", "happy"), s.labels(QualifiedName.of("public", "mood")));
        assertEquals(Set.of("id", "name"), s.requiredColumns(PLAYERS));
        assertEquals(List.of(List.of("id")), s.uniqueKeys(PLAYERS));
    }

    @Test
    void a_constraint_drop_on_a_view_is_refused_before_the_constraint_is_looked_up() {
        SchemaState s = SchemaState.unknown();
        QualifiedName configs = QualifiedName.of("configs");
        ObjectRef check = constraint(configs, "ck_configs_a");
        // nothing known of the relation: nothing refused
        assertEquals(Optional.empty(), s.dropRefused(check));
        s.apply(new Create(ObjectRef.table(configs), false));
        assertEquals(Optional.empty(), s.dropRefused(check));
        s.apply(new Rename(ObjectRef.table(configs), "settings"));
        s.apply(new Create(ObjectRef.of(ObjectKind.VIEW, configs), false, Shape.relation('v')));
        Conflict refused = s.dropRefused(check).orElseThrow();
        assertEquals(SqlState.WRONG_OBJECT_TYPE, refused.sqlState());
        assertEquals(Conflict.About.NOT_A_TABLE, refused.about());
        assertEquals(ObjectRef.of(ObjectKind.VIEW, configs), refused.object());
        // IF EXISTS covers the constraint, not the relation's kind; the view is left as it was
        assertEquals(Optional.of(refused), s.apply(new Drop(check, true)));
        assertEquals(Character.valueOf('v'), s.relationKind(configs));
        // a view the state may have lost is no longer certain
        s.apply(Forget.object(ObjectRef.of(ObjectKind.VIEW, configs)));
        assertEquals(Optional.empty(), s.dropRefused(check));
    }

    @Test
    void a_catalog_view_refuses_a_constraint_drop_and_a_table_does_not() {
        SchemaState s = SchemaState.of(new Catalog("15.18", "public", List.of("public"),
                new Catalog.VersionTable(null, "alembic_version", "public", List.of()), List.of("public"),
                List.of(new Catalog.Relation("public", "configs", 'v'), new Catalog.Relation("public", "settings", 'r')),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        assertEquals(SqlState.WRONG_OBJECT_TYPE,
                s.dropRefused(constraint(QualifiedName.of("public", "configs"), "ck")).orElseThrow().sqlState());
        assertEquals(Optional.empty(), s.dropRefused(constraint(QualifiedName.of("public", "settings"), "ck")));
        // a column's drop is not this refusal (ALTER TABLE ... DROP COLUMN on a view is another statement)
        assertEquals(Optional.empty(), s.dropRefused(column(QualifiedName.of("public", "configs"), "a")));
    }

    @Test
    void dropping_a_type_with_cascade_takes_the_columns_of_that_type() {
        SchemaState s = SchemaState.of(catalog());
        s.apply(new Create(column(PLAYERS, "feeling"), false, Shape.column("mood")));
        s.apply(new Create(column(TEAMS, "moods"), false, Shape.column("mood[]")));
        ObjectRef mood = ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("public", "mood"));
        assertEquals(Optional.empty(), s.apply(new Drop(mood, false, true)));
        assertEquals(Presence.ABSENT, s.presence(column(PLAYERS, "feeling")));
        assertEquals(Presence.ABSENT, s.presence(column(TEAMS, "moods")));
        assertEquals(Presence.PRESENT, s.presence(column(PLAYERS, "name")));
        assertEquals(Optional.empty(), s.apply(new Create(column(PLAYERS, "feeling"), false, Shape.column("mood"))));
    }

    @Test
    void a_table_referenced_by_a_foreign_key_of_another_table_cannot_be_dropped_without_cascade() {
        SchemaState s = SchemaState.unknown();
        QualifiedName deployables = QualifiedName.of("deployables");
        QualifiedName handles = QualifiedName.of("attach_handles");
        s.apply(new Create(ObjectRef.table(deployables), false));
        s.apply(new Create(column(deployables, "parent_id"), false, Shape.column("integer").referencing(deployables)));
        s.apply(new Create(ObjectRef.table(handles), false));
        s.apply(new Create(column(handles, "deployable_id"), false, Shape.column("integer").referencing(deployables)));
        Drop drop = new Drop(ObjectRef.table(deployables), false);
        assertFalse(s.proves(drop));
        Conflict c = s.apply(drop).orElseThrow();
        assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, c.sqlState());
        assertEquals(ObjectRef.table(handles), c.object());
    }

    @Test
    void a_drop_of_a_constraint_of_a_known_type_and_an_unread_name_forgets_only_constraints_of_that_type() {
        // for k in reflected foreign keys: op.drop_constraint(k.name, "hosts", type_="foreignkey")
        SchemaState s = SchemaState.unknown();
        QualifiedName hosts = QualifiedName.of("public", "hosts");
        s.apply(new Create(ObjectRef.table(hosts), false));
        s.apply(new Create(constraint(hosts, "uq_hosts_ip"), false, Shape.constraint(ConstraintKind.UNIQUE, List.of("ip"))));
        s.apply(new Create(constraint(hosts, "fk_hosts_zone"), false,
                Shape.constraint(ConstraintKind.FOREIGN_KEY, List.of("zone_id"))));
        s.apply(new Create(constraint(hosts, "ck_hosts_port"), false, Shape.constraint(ConstraintKind.CHECK, null)));
        s.apply(Forget.constraints(hosts, ConstraintKind.FOREIGN_KEY).reaching(Forget.Reach.TAKES));
        assertEquals(Presence.UNKNOWN, s.presence(constraint(hosts, "fk_hosts_zone")));
        assertEquals(Presence.PRESENT, s.presence(constraint(hosts, "uq_hosts_ip")));
        assertEquals(Presence.PRESENT, s.presence(index("uq_hosts_ip")));
        assertEquals(Presence.PRESENT, s.presence(constraint(hosts, "ck_hosts_port")));
        // a unique drop takes the key and its index, the check stays
        s.apply(Forget.constraints(hosts, ConstraintKind.UNIQUE).reaching(Forget.Reach.TAKES));
        assertEquals(Presence.UNKNOWN, s.presence(constraint(hosts, "uq_hosts_ip")));
        assertEquals(Presence.UNKNOWN, s.presence(index("uq_hosts_ip")));
        assertEquals(Presence.PRESENT, s.presence(constraint(hosts, "ck_hosts_port")));
        // one that may also make is read as the whole kind
        s.apply(Forget.constraints(hosts, ConstraintKind.FOREIGN_KEY));
        assertEquals(Presence.UNKNOWN, s.presence(constraint(hosts, "ck_hosts_port")));
    }

    @Test
    void the_index_of_a_unique_constraint_is_dropped_only_with_the_constraint() {
        SchemaState s = SchemaState.unknown();
        QualifiedName hosts = QualifiedName.of("public", "hosts");
        s.apply(new Create(ObjectRef.table(hosts), false));
        s.apply(new Create(constraint(hosts, "uq_hosts_ip"), false, Shape.constraint(ConstraintKind.UNIQUE, List.of("ip"))));
        s.apply(new Create(ObjectRef.in(ObjectKind.INDEX, hosts, "ix_hosts_zone"), false));
        Drop drop = new Drop(ObjectRef.in(ObjectKind.INDEX, hosts, "uq_hosts_ip"), true, true);
        assertFalse(s.proves(drop));
        Conflict c = s.apply(drop).orElseThrow();
        assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, c.sqlState());
        assertEquals(constraint(hosts, "uq_hosts_ip"), c.object());
        // nothing was dropped; a plain index drops, and the constraint takes its index
        assertEquals(Presence.PRESENT, s.presence(constraint(hosts, "uq_hosts_ip")));
        assertEquals(Optional.empty(), s.apply(new Drop(ObjectRef.in(ObjectKind.INDEX, hosts, "ix_hosts_zone"), false)));
        assertEquals(Optional.empty(), s.apply(new Drop(constraint(hosts, "uq_hosts_ip"), false)));
        assertEquals(Optional.empty(), s.apply(new Drop(ObjectRef.in(ObjectKind.INDEX, hosts, "uq_hosts_ip"), true)));
    }

    @Test
    void a_foreign_key_to_itself_or_from_a_dropped_table_blocks_no_drop() {
        SchemaState s = SchemaState.unknown();
        QualifiedName deployables = QualifiedName.of("deployables");
        QualifiedName attributes = QualifiedName.of("attributes");
        s.apply(new Create(ObjectRef.table(deployables), false));
        s.apply(new Create(column(deployables, "parent_id"), false, Shape.column("integer").referencing(deployables)));
        s.apply(new Create(ObjectRef.table(attributes), false));
        s.apply(new Create(column(attributes, "deployable_id"), false, Shape.column("integer").referencing(deployables)));
        assertEquals(Optional.empty(), s.apply(new Drop(ObjectRef.table(attributes), false)));
        assertTrue(s.proves(new Drop(ObjectRef.table(deployables), false)));
    }

    @Test
    void cascade_or_a_dropped_foreign_key_column_lets_the_referenced_table_go() {
        QualifiedName deployables = QualifiedName.of("deployables");
        QualifiedName handles = QualifiedName.of("attach_handles");
        for (boolean cascade : List.of(true, false)) {
            SchemaState s = SchemaState.unknown();
            s.apply(new Create(ObjectRef.table(deployables), false));
            s.apply(new Create(ObjectRef.table(handles), false));
            s.apply(new Create(column(handles, "deployable_id"), false, Shape.column("integer").referencing(deployables)));
            if (!cascade) {
                s.apply(new Drop(column(handles, "deployable_id"), false));
            }
            assertEquals(Optional.empty(), s.apply(new Drop(ObjectRef.table(deployables), false, cascade)));
            assertEquals(Presence.PRESENT, s.presence(ObjectRef.table(handles)));
        }
    }

    @Test
    void a_foreign_key_follows_its_referenced_table_when_it_is_renamed() {
        SchemaState s = SchemaState.unknown();
        QualifiedName old = QualifiedName.of("deployables");
        QualifiedName handles = QualifiedName.of("attach_handles");
        s.apply(new Create(ObjectRef.table(old), false));
        s.apply(new Create(ObjectRef.table(handles), false));
        s.apply(new Create(column(handles, "deployable_id"), false, Shape.column("integer").referencing(old)));
        s.apply(new Rename(ObjectRef.table(old), "deployables_old"));
        assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                s.apply(new Drop(ObjectRef.table(QualifiedName.of("deployables_old")), false)).orElseThrow().sqlState());
    }

    @Test
    void a_rename_onto_a_taken_name_raises_what_postgres_raises_for_the_kind() {
        SchemaState s = SchemaState.of(catalog());
        assertEquals(SqlState.DUPLICATE_TABLE, s.apply(new Rename(ObjectRef.table(TEAMS), "players")).orElseThrow()
                .sqlState());
        s = SchemaState.of(catalog());
        assertEquals(SqlState.DUPLICATE_COLUMN, s.apply(new Rename(column(PLAYERS, "team_id"), "name")).orElseThrow()
                .sqlState());
        s = SchemaState.of(catalog());
        assertEquals(SqlState.DUPLICATE_OBJECT, s.apply(new Rename(constraint(PLAYERS, "players_name_check"),
                "players_team_id_fkey")).orElseThrow().sqlState());
        // a primary key renames its index first: a taken relation name fails as a relation
        s = SchemaState.of(catalog());
        assertEquals(SqlState.DUPLICATE_TABLE, s.apply(new Rename(constraint(PLAYERS, "players_pkey"),
                "ix_players_name")).orElseThrow().sqlState());
    }

    @Test
    void dropping_a_type_without_cascade_leaves_its_columns() {
        SchemaState s = SchemaState.of(catalog());
        s.apply(new Create(column(PLAYERS, "feeling"), false, Shape.column("mood")));
        s.apply(new Drop(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("public", "mood")), false));
        assertEquals(Presence.PRESENT, s.presence(column(PLAYERS, "feeling")));
    }

    @Test
    void dropping_a_table_takes_its_columns_keys_indexes_and_triggers() {
        SchemaState s = SchemaState.of(catalog());
        s.apply(new Create(ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("public", "players_seq")), false,
                new Shape(null, null, false, null, null, PLAYERS, false, 'S')));
        assertEquals(Optional.empty(), s.apply(new Drop(ObjectRef.table(PLAYERS), false)));
        assertEquals(Presence.ABSENT, s.presence(ObjectRef.table(PLAYERS)));
        assertEquals(Presence.ABSENT, s.presence(column(PLAYERS, "id")));
        assertEquals(Presence.ABSENT, s.presence(constraint(PLAYERS, "players_team_id_fkey")));
        assertEquals(Presence.ABSENT, s.presence(index("players_pkey")));
        assertEquals(Presence.ABSENT, s.presence(index("ix_players_name")));
        assertEquals(Presence.ABSENT, s.presence(ObjectRef.in(ObjectKind.TRIGGER, PLAYERS, "touch")));
        assertEquals(Presence.ABSENT, s.presence(ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("public", "players_seq"))));
        // what lives on another table, and a sequence the catalog does not say the table owns, stay
        assertEquals(Presence.PRESENT, s.presence(column(TEAMS, "id")));
        assertEquals(Presence.PRESENT, s.presence(ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("public", "players_id_seq"))));
        // the second drop fails: PostgreSQL raises undefined_table
        Optional<Conflict> again = s.apply(new Drop(ObjectRef.table(PLAYERS), false));
        assertEquals(SqlState.UNDEFINED_TABLE, again.orElseThrow().sqlState());
        assertEquals(Optional.empty(), s.apply(new Drop(ObjectRef.table(PLAYERS), true)));
    }

    @Test
    void dropping_a_column_takes_the_keys_and_indexes_that_use_it() {
        SchemaState s = SchemaState.of(catalog());
        s.apply(new Drop(column(PLAYERS, "name"), false));
        assertEquals(Presence.ABSENT, s.presence(column(PLAYERS, "name")));
        assertEquals(Presence.ABSENT, s.presence(index("ix_players_name")));
        assertEquals(Presence.PRESENT, s.presence(index("players_pkey")));
        assertEquals(Presence.PRESENT, s.presence(constraint(PLAYERS, "players_pkey")));
        // a check or foreign key whose columns the catalog does not give may have used it
        assertEquals(Presence.UNKNOWN, s.presence(constraint(PLAYERS, "players_name_check")));
        assertEquals(Set.of("id"), s.requiredColumns(PLAYERS));
        s.apply(new Drop(column(PLAYERS, "id"), false));
        assertEquals(Presence.ABSENT, s.presence(constraint(PLAYERS, "players_pkey")));
        assertEquals(Presence.ABSENT, s.presence(index("players_pkey")), "a key's index goes with it");
    }

    @Test
    void relations_share_one_namespace_per_schema_and_columns_one_per_table() {
        SchemaState s = SchemaState.of(catalog());
        Optional<Conflict> c = s.apply(new Create(new ObjectRef(ObjectKind.INDEX, QualifiedName.of("public", "players"), TEAMS), false,
                Shape.index(false, List.of("id"))));
        assertEquals(SqlState.DUPLICATE_TABLE, c.orElseThrow().sqlState());
        assertTrue(c.get().alreadyThere());
        // a table's row type takes its name among the types
        assertEquals(SqlState.DUPLICATE_OBJECT, s.apply(new Create(ObjectRef.of(ObjectKind.TYPE, PLAYERS), false))
                .orElseThrow().sqlState());
        assertEquals(Optional.empty(), s.apply(new Create(column(TEAMS, "name"), false, Shape.column("text"))));
        assertEquals(SqlState.DUPLICATE_COLUMN, s.apply(new Create(column(TEAMS, "name"), false)).orElseThrow().sqlState());
        assertEquals(Optional.empty(), s.apply(new Create(column(TEAMS, "name"), true)), "IF NOT EXISTS tolerates it");
        // the same name in another schema is another relation
        assertEquals(Optional.empty(), s.apply(new Create(ObjectRef.table(QualifiedName.of("app", "players")), false)));
    }

    @Test
    void a_duplicate_key_raises_what_its_kind_raises() {
        SchemaState s = SchemaState.of(catalog());
        assertEquals(SqlState.INVALID_TABLE_DEFINITION, s.apply(new Create(constraint(PLAYERS, "players_pkey"), false,
                Shape.constraint(ConstraintKind.PRIMARY_KEY, List.of("id")))).orElseThrow().sqlState());
        assertEquals(SqlState.DUPLICATE_OBJECT, s.apply(new Create(constraint(PLAYERS, "players_team_id_fkey"), false,
                Shape.constraint(ConstraintKind.FOREIGN_KEY, List.of("team_id")))).orElseThrow().sqlState());
        // a unique constraint named like an existing index fails creating its index
        assertEquals(SqlState.DUPLICATE_TABLE, s.apply(new Create(constraint(TEAMS, "ix_players_name"), false,
                Shape.constraint(ConstraintKind.UNIQUE, List.of("id")))).orElseThrow().sqlState());
        // on a table that is not there, ALTER TABLE fails first
        QualifiedName venues = QualifiedName.of("public", "venues");
        Conflict missing = s.apply(new Create(column(venues, "x"), false)).orElseThrow();
        assertEquals(SqlState.UNDEFINED_TABLE, missing.sqlState());
        assertEquals(ObjectRef.table(venues), missing.object());
    }

    @Test
    void a_create_table_without_if_not_exists_after_code_not_read_makes_a_new_table_of_the_parts_written() throws Exception {
        Operation op = RerunSimulationTest.read("def upgrade():\n    op.create_table('items')\n").upgrade().get(0);
        // a handler that swallows the error (a savepoint) may have left a table of other columns in place
        SchemaState guarded = SchemaState.of(catalog());
        guarded.apply(Forget.everything());
        guarded.madeBy(new SchemaState.Maker(null, 0, op, SchemaState.Sureness.GUARDED));
        QualifiedName items = QualifiedName.of("public", "items");
        guarded.apply(new Create(ObjectRef.table(items), false, Shape.table(null, false)));
        guarded.apply(new Create(column(items, "id"), false, Shape.column("integer")));
        assertNull(guarded.columnOrder(items));
        SchemaState s = SchemaState.of(catalog());
        s.apply(Forget.everything());
        s.madeBy(new SchemaState.Maker(null, 0, op, SchemaState.Sureness.DEFINITE));
        assertEquals(Optional.empty(), s.apply(new Create(ObjectRef.table(items), false, Shape.table(null, false))));
        s.apply(new Create(column(items, "id"), false, Shape.column("integer")));
        s.apply(new Create(column(items, "name"), false, Shape.column("text")));
        s.apply(new Create(constraint(items, "items_pkey"), false,
                Shape.constraint(ConstraintKind.PRIMARY_KEY, List.of("id")).namedByPostgres()));
        assertEquals(List.of("id", "name"), s.columnOrder(items));
        assertEquals(List.of(Set.of("id")), s.keysOf(items));
        // IF NOT EXISTS may have met a table of other columns and made nothing
        QualifiedName kept = QualifiedName.of("public", "kept");
        s.apply(new Create(ObjectRef.table(kept), true, Shape.table(null, false)));
        s.apply(new Create(column(kept, "id"), true, Shape.column("integer")));
        assertNull(s.columnOrder(kept));
        assertNull(s.keysOf(kept));
    }

    @Test
    void a_table_taken_from_the_starting_schema_holds_its_columns_and_keys_unknown_for_code_that_may_make_them() {
        SchemaState s = Replay.empty();
        QualifiedName legacy = QualifiedName.of("legacy");
        s.assumeTable(legacy);
        assertEquals(Presence.PRESENT, s.presence(ObjectRef.table(legacy)));
        assertNull(s.creator(ObjectRef.table(legacy)));
        assertEquals(Presence.UNKNOWN, s.presence(column(legacy, "name")));
        assertEquals(Forget.Reach.MAKES, s.doubt(column(legacy, "name")));
        assertEquals(Presence.UNKNOWN, s.presence(constraint(legacy, "legacy_pkey")));
        assertEquals(Forget.Reach.MAKES, s.doubt(constraint(legacy, "legacy_pkey")));
        assertFalse(s.madeHere(legacy));
        // a rename of one of its columns makes the new name; the old one is gone
        assertTrue(s.apply(new Rename(column(legacy, "name"), "title")).isEmpty());
        assertEquals(Presence.PRESENT, s.presence(column(legacy, "title")));
        assertEquals(Presence.ABSENT, s.presence(column(legacy, "name")));
        // its columns follow a rename of the table, with their doubt
        s.apply(new Rename(ObjectRef.table(legacy), "archive"));
        QualifiedName archive = QualifiedName.of("archive");
        assertEquals(Presence.PRESENT, s.presence(column(archive, "title")));
        assertEquals(Forget.Reach.MAKES, s.doubt(column(archive, "code")));
        // code that may take its columns makes the doubt either way
        s.apply(Forget.kind(ObjectKind.COLUMN, archive));
        assertEquals(Forget.Reach.MAKES_OR_TAKES, s.doubt(column(archive, "code")));
    }

    @Test
    void code_that_names_no_table_keeps_the_keys_and_column_order_known_until_an_effect_names_the_table() {
        SchemaState s = Replay.empty();
        QualifiedName items = QualifiedName.of("items");
        QualifiedName tags = QualifiedName.of("tags");
        for (QualifiedName t : List.of(items, tags)) {
            s.apply(new Create(ObjectRef.table(t), false, Shape.table(null, false)));
            s.apply(new Create(column(t, "id"), false, Shape.column("integer")));
            s.apply(new Create(column(t, "name"), false, Shape.column("text")));
            s.apply(new Create(constraint(t, t.name() + "_pkey"), false,
                    Shape.constraint(ConstraintKind.PRIMARY_KEY, List.of("id")).namedByPostgres()));
        }
        SchemaState strict = s.copy();
        strict.apply(Forget.everything());
        assertNull(strict.keysOf(items));
        assertNull(strict.columnOrder(items));
        s.apply(Forget.unread(Set.of()));
        // everything else is forgotten as by Forget.everything()
        assertEquals(Presence.UNKNOWN, s.presence(ObjectRef.table(items)));
        assertEquals(List.of(Set.of("id")), s.keysOf(items));
        assertEquals(List.of("id", "name"), s.columnOrder(items));
        // rows, and a second such forget, leave them
        s.apply(new Write(ObjectRef.table(items), List.of(Map.of("id", "1"))));
        s.apply(Forget.unread(Set.of()));
        assertEquals(List.of(Set.of("id")), s.keysOf(items));
        // unread SQL whose text names a table: that table's are not kept, the others' are
        SchemaState named = s.copy();
        named.apply(Forget.unread(Set.of("alter", "table", "tags", "detach", "partition", "tags_2020")));
        assertNull(named.keysOf(tags));
        assertNull(named.columnOrder(tags));
        assertEquals(List.of(Set.of("id")), named.keysOf(items));
        // a copy keeps them apart: what one learns of a table the other does not
        SchemaState other = s.copy();
        other.apply(Forget.named(Set.of("tags")));
        assertNull(other.keysOf(tags));
        assertEquals(List.of(Set.of("id")), s.keysOf(tags));
        // a column added: the keys stay, the column goes last
        s.apply(new Create(column(items, "added"), false, Shape.column("text")));
        assertEquals(List.of(Set.of("id")), s.keysOf(items));
        assertEquals(List.of("id", "name", "added"), s.columnOrder(items));
        // a key of known columns made on it: the key is added
        s.apply(new Create(constraint(items, "uq_items_name"), false,
                Shape.constraint(ConstraintKind.UNIQUE, List.of("name"))));
        assertEquals(List.of(Set.of("id"), Set.of("name")), s.keysOf(items));
        // an effect naming the table otherwise: its keys and columns are what the state knows of it since (nothing)
        s.apply(new Create(constraint(items, "c_items"), false, Shape.constraint(ConstraintKind.UNKNOWN, List.of())));
        assertNull(s.keysOf(items));
        assertEquals(List.of("id", "name"), s.columnOrder(tags));
        s.apply(new Drop(ObjectRef.table(tags), false, false));
        assertNull(s.keysOf(tags));
        assertNull(s.columnOrder(tags));
    }

    @Test
    void indexes_and_keys_made_or_dropped_by_name_on_a_kept_table_change_those_keys_only() {
        SchemaState s = Replay.empty();
        QualifiedName stations = QualifiedName.of("stations");
        s.apply(new Create(ObjectRef.table(stations), false, Shape.table(null, false)));
        for (String c : List.of("id", "code", "area", "rank")) {
            s.apply(new Create(column(stations, c), false, Shape.column("integer")));
        }
        s.apply(new Create(constraint(stations, "stations_pkey"), false,
                Shape.constraint(ConstraintKind.PRIMARY_KEY, List.of("id")).namedByPostgres()));
        s.apply(new Create(constraint(stations, "uq_code_area"), false,
                Shape.constraint(ConstraintKind.UNIQUE, List.of("code", "area"))));
        s.apply(new Create(constraint(stations, "uq_rank_area"), false,
                Shape.constraint(ConstraintKind.UNIQUE, List.of("rank", "area"))));
        s.apply(new Create(new ObjectRef(ObjectKind.INDEX, QualifiedName.of("ix_stations_id"), stations), false,
                Shape.index(false, List.of("id"))));
        s.apply(Forget.unread(Set.of()));
        List<Set<String>> all = s.keysOf(stations);
        assertEquals(Set.of(Set.of("id"), Set.of("code", "area"), Set.of("rank", "area")), Set.copyOf(all));
        assertEquals(3, all.size());
        // an index that was no key, dropped by its name: the keys and columns stay
        s.apply(new Drop(new ObjectRef(ObjectKind.INDEX, QualifiedName.of("ix_stations_id"), stations), false, false));
        assertEquals(all, s.keysOf(stations));
        assertEquals(List.of("id", "code", "area", "rank"), s.columnOrder(stations));
        // an index that is no key made on it: the same
        s.apply(new Create(new ObjectRef(ObjectKind.INDEX, QualifiedName.of("ix_stations_rank"), stations), false,
                Shape.index(false, List.of("rank"))));
        assertEquals(all, s.keysOf(stations));
        // a key dropped by its name: that key goes, the others stay
        SchemaState dropped = s.copy();
        dropped.apply(new Drop(constraint(stations, "uq_code_area"), false));
        List<Set<String>> left = dropped.keysOf(stations);
        assertEquals(List.of(Set.of("id"), Set.of("rank", "area")), left);
        assertEquals(List.of("id", "code", "area", "rank"), dropped.columnOrder(stations));
        assertEquals(all, s.keysOf(stations));
        // a unique index made on it adds its key, and its drop by name takes it again
        dropped.apply(new Create(new ObjectRef(ObjectKind.INDEX, QualifiedName.of("uq_live_code"), stations), false,
                Shape.index(true, List.of("code", "area", "id"))));
        assertEquals(List.of(Set.of("id"), Set.of("rank", "area"), Set.of("code", "area", "id")),
                dropped.keysOf(stations));
        dropped.apply(new Drop(new ObjectRef(ObjectKind.INDEX, QualifiedName.of("uq_live_code"), stations), false, false));
        assertEquals(left, dropped.keysOf(stations));
        // an index of a name the table did not have when kept: what it was is not known
        dropped.apply(new Drop(new ObjectRef(ObjectKind.INDEX, QualifiedName.of("ix_other"), stations), true, false));
        assertNull(dropped.keysOf(stations));
        assertNull(dropped.columnOrder(stations));
    }

    @Test
    void an_index_the_effects_made_then_forgot_dropped_by_its_name_leaves_the_keys_of_a_table_made_since()
            throws Exception {
        Operation op = RerunSimulationTest.read("def upgrade():\n    op.create_table('items')\n").upgrade().get(0);
        SchemaState s = Replay.empty();
        s.madeBy(new SchemaState.Maker(null, 0, op, SchemaState.Sureness.DEFINITE));
        QualifiedName old = QualifiedName.of("old");
        s.apply(new Create(ObjectRef.table(old), false, Shape.table(null, false)));
        s.apply(new Create(column(old, "id"), false, Shape.column("integer")));
        s.apply(new Create(new ObjectRef(ObjectKind.INDEX, QualifiedName.of("ix_old_id"), old), false,
                Shape.index(false, List.of("id"))));
        s.apply(Forget.everything());
        QualifiedName items = QualifiedName.of("items");
        s.apply(new Create(ObjectRef.table(items), false, Shape.table(null, false)));
        s.apply(new Create(column(items, "id"), false, Shape.column("integer")));
        s.apply(new Create(constraint(items, "items_pkey"), false,
                Shape.constraint(ConstraintKind.PRIMARY_KEY, List.of("id")).namedByPostgres()));
        SchemaState never = s.copy();
        s.apply(new Drop(ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("ix_old_id")), true, false));
        assertEquals(List.of(Set.of("id")), s.keysOf(items));
        // an index of a name the effects never made may be a key of any table, under a name not foreseen
        never.apply(new Drop(ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("ix_other")), true, false));
        assertNull(never.keysOf(items));
    }

    @Test
    void a_key_name_the_server_chooses_is_never_a_duplicate() {
        SchemaState s = SchemaState.of(catalog());
        QualifiedName table = QualifiedName.of("public", "ix_players");
        s.apply(new Create(ObjectRef.table(table), false, Shape.table(null, false)));
        s.apply(new Create(column(table, "name"), false, Shape.column("text")));
        Shape unique = Shape.constraint(ConstraintKind.UNIQUE, List.of("name"));
        // written, the name an index holds fails; chosen by PostgreSQL, the next free one is taken (ix_players_name1)
        assertEquals(SqlState.DUPLICATE_TABLE, SchemaState.of(catalog()).apply(new Create(constraint(TEAMS,
                "ix_players_name"), false, unique)).orElseThrow().sqlState());
        assertEquals(Optional.empty(), s.apply(new Create(constraint(table, "ix_players_name"), false,
                unique.namedByPostgres())));
        // the key is there under a name not known: the table's keys are not all known by name
        assertEquals(Presence.PRESENT, s.presence(index("ix_players_name")));
        assertNull(s.keysOf(table));
    }

    @Test
    void unqualified_names_resolve_through_the_search_path() {
        SchemaState s = SchemaState.of(catalog());
        assertEquals("public", s.relationSchema("players"));
        assertNull(s.relationSchema("venues"));
        s.apply(new Create(ObjectRef.table(QualifiedName.of("app", "players")), false));
        assertEquals("app", s.relationSchema("players"), "app comes first in the search path");
        assertEquals("public", s.typeSchema("mood"));
        assertEquals("public", s.currentSchema());
    }

    @Test
    void a_rename_carries_what_lives_on_the_table() {
        SchemaState s = SchemaState.of(catalog());
        QualifiedName athletes = QualifiedName.of("public", "athletes");
        assertEquals(Optional.empty(), s.apply(new Rename(ObjectRef.table(PLAYERS), "athletes")));
        assertEquals(Presence.ABSENT, s.presence(ObjectRef.table(PLAYERS)));
        assertEquals(Presence.ABSENT, s.presence(column(PLAYERS, "id")));
        assertEquals(Presence.PRESENT, s.presence(column(athletes, "id")));
        assertEquals("integer", s.columnType(column(athletes, "id")));
        assertEquals(Presence.ABSENT, s.presence(column(athletes, "nickname")));
        // its index now belongs to the new name: dropping it takes the index
        s.apply(new Drop(ObjectRef.table(athletes), false));
        assertEquals(Presence.ABSENT, s.presence(index("ix_players_name")));
        assertEquals(SqlState.UNDEFINED_TABLE, s.apply(new Rename(ObjectRef.table(PLAYERS), "x")).orElseThrow().sqlState());
        assertEquals(SqlState.DUPLICATE_TABLE, s.apply(new Rename(ObjectRef.table(TEAMS), "players_id_seq"))
                .orElseThrow().sqlState());
    }

    @Test
    void renaming_a_column_keeps_the_keys_that_use_it() {
        SchemaState s = SchemaState.of(catalog());
        s.apply(new Rename(column(PLAYERS, "name"), "full_name"));
        s.apply(new Drop(column(PLAYERS, "full_name"), false));
        assertEquals(Presence.ABSENT, s.presence(index("ix_players_name")));
        assertEquals(SqlState.UNDEFINED_COLUMN, s.apply(new Require(column(PLAYERS, "name"))).orElseThrow().sqlState());
        s.apply(new Rename(column(PLAYERS, "id"), "player_id"));
        assertEquals(List.of(List.of("player_id")), s.uniqueKeys(PLAYERS), "the key follows its column");
        assertNull(s.requiredColumns(PLAYERS), "which columns must be given a value is not followed through a rename");
    }

    @Test
    void a_column_renamed_again_and_again_keeps_its_index_and_only_its_own_drop_takes_it() {
        SchemaState s = SchemaState.of(catalog());
        for (String[] step : new String[][] {{"name", "a"}, {"a", "b"}, {"team_id", "name"}, {"b", "c"}}) {
            s.apply(new Rename(column(PLAYERS, step[0]), step[1]));
        }
        // "name" is now the former team_id: its drop leaves the index made on the original name
        s.apply(new Drop(column(PLAYERS, "name"), false));
        assertEquals(Presence.PRESENT, s.presence(index("ix_players_name")));
        s.apply(new Drop(column(PLAYERS, "c"), false));
        assertEquals(Presence.ABSENT, s.presence(index("ix_players_name")));
        assertEquals(Presence.PRESENT, s.presence(index("players_pkey")));
    }

    @Test
    void an_unknown_state_never_yields_a_conflict() {
        SchemaState s = SchemaState.unknown();
        QualifiedName t = QualifiedName.of("t");
        List<Effect> effects = List.of(new Create(column(t, "c"), false), new Drop(ObjectRef.table(t), false),
                new Create(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("mood")), false),
                new Rename(column(QualifiedName.of("u"), "a"), "b"), new Require(ObjectRef.table(QualifiedName.of("u"))),
                new Write(ObjectRef.table(QualifiedName.of("u")), List.of(Map.of("id", "1"))),
                new Drop(ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("ix")), false));
        for (Effect e : effects) {
            assertEquals(Optional.empty(), s.apply(e), e.toString());
        }
        assertEquals(Presence.UNKNOWN, s.presence(ObjectRef.table(QualifiedName.of("elsewhere"))));
        // what the effects did is known: the table is gone, with its columns
        assertEquals(Presence.ABSENT, s.presence(ObjectRef.table(t)));
        assertEquals(Presence.ABSENT, s.presence(column(t, "c")));
        assertEquals(Presence.PRESENT, s.presence(column(QualifiedName.of("u"), "b")));
        assertEquals(Presence.ABSENT, s.presence(column(QualifiedName.of("u"), "a")));
    }

    @Test
    void forgetting_makes_state_unknown_and_unknown_proves_nothing() {
        SchemaState s = SchemaState.of(catalog());
        s.apply(Forget.object(ObjectRef.table(PLAYERS)));
        assertEquals(Presence.UNKNOWN, s.presence(ObjectRef.table(PLAYERS)));
        assertEquals(Presence.UNKNOWN, s.presence(column(PLAYERS, "id")));
        assertEquals(Presence.UNKNOWN, s.presence(column(PLAYERS, "nickname")));
        assertEquals(Presence.UNKNOWN, s.presence(index("ix_players_name")));
        assertEquals(Optional.empty(), s.apply(new Create(column(PLAYERS, "id"), false)));
        assertFalse(s.proves(new Drop(ObjectRef.table(PLAYERS), false)));
        assertEquals(Presence.PRESENT, s.presence(column(TEAMS, "id")));

        // a key made under a name not known drops none and takes no name the state holds; any other may be it
        SchemaState k = SchemaState.of(catalog());
        k.apply(Forget.tableKeys(PLAYERS));
        assertEquals(Presence.PRESENT, k.presence(column(PLAYERS, "id")));
        assertEquals(Presence.PRESENT, k.presence(constraint(PLAYERS, "players_pkey")));
        assertEquals(Presence.UNKNOWN, k.presence(constraint(PLAYERS, "players_other_fkey")));
        assertEquals(Presence.PRESENT, k.primaryKey(PLAYERS));

        SchemaState n = SchemaState.of(catalog());
        n.apply(Forget.named(Set.of("teams")));
        assertEquals(Presence.UNKNOWN, n.presence(ObjectRef.table(TEAMS)));
        assertEquals(Presence.UNKNOWN, n.presence(column(TEAMS, "anything")));
        assertEquals(Presence.PRESENT, n.presence(ObjectRef.table(PLAYERS)));
        // code given a table's name may drop and make it again: its indexes go unknown with it
        SchemaState p = SchemaState.of(catalog());
        p.apply(Forget.named(Set.of("players")));
        assertEquals(Presence.UNKNOWN, p.presence(index("ix_players_name")));
        assertEquals(Optional.empty(), p.apply(new Create(index("ix_players_name"), false)));
        assertEquals(Presence.PRESENT, p.presence(ObjectRef.table(TEAMS)));

        SchemaState all = SchemaState.of(catalog());
        all.apply(Forget.everything());
        assertEquals(Presence.UNKNOWN, all.presence(ObjectRef.table(PLAYERS)));
        assertEquals(Presence.UNKNOWN, all.presence(ObjectRef.table(QualifiedName.of("public", "venues"))));
    }

    @Test
    void forgetting_a_kind_forgets_its_namespace_and_what_its_drop_takes_along_only() {
        // op.drop_column('players', name): the table's columns, and its keys (which may use them)
        SchemaState c = SchemaState.of(catalog());
        c.apply(Forget.kind(ObjectKind.COLUMN, PLAYERS));
        assertEquals(Presence.UNKNOWN, c.presence(column(PLAYERS, "team_id")));
        assertEquals(Presence.UNKNOWN, c.presence(column(PLAYERS, "nickname")), "a rename may have made any name");
        assertEquals(Presence.UNKNOWN, c.presence(constraint(PLAYERS, "players_team_id_fkey")));
        assertEquals(Presence.UNKNOWN, c.presence(index("ix_players_name")));
        assertEquals(Presence.PRESENT, c.presence(ObjectRef.table(PLAYERS)));
        assertEquals(Presence.PRESENT, c.presence(column(TEAMS, "id")));
        assertEquals(Presence.ABSENT, c.presence(ObjectRef.table(QualifiedName.of("public", "venues"))));
        assertEquals(Presence.PRESENT, c.presence(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("public", "mood"))));
        assertNull(c.requiredColumns(PLAYERS));
        assertNull(c.uniqueKeys(PLAYERS));
        // a key the rename left on a column no longer says which: dropping the old name proves nothing
        c.apply(new Drop(column(PLAYERS, "team_id"), true));
        assertEquals(Presence.UNKNOWN, c.presence(constraint(PLAYERS, "players_team_id_fkey")));

        // op.drop_table(name): any relation, with what lives on it; types and schemas stay known
        SchemaState r = SchemaState.of(catalog());
        r.apply(Forget.kind(ObjectKind.TABLE, null));
        assertEquals(Presence.UNKNOWN, r.presence(ObjectRef.table(PLAYERS)));
        assertEquals(Presence.UNKNOWN, r.presence(ObjectRef.table(QualifiedName.of("public", "venues"))));
        assertEquals(Presence.UNKNOWN, r.presence(column(TEAMS, "id")));
        assertEquals(Presence.UNKNOWN, r.presence(constraint(PLAYERS, "players_pkey")));
        assertEquals(Presence.PRESENT, r.presence(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("public", "mood"))));
        assertEquals(Presence.ABSENT, r.presence(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("public", "other"))));
        assertEquals(Presence.PRESENT, r.presence(ObjectRef.of(ObjectKind.SCHEMA, QualifiedName.of("app"))));
        // what comes after is known again
        r.apply(new Drop(ObjectRef.table(QualifiedName.of("public", "venues")), true));
        assertEquals(Presence.ABSENT, r.presence(ObjectRef.table(QualifiedName.of("public", "venues"))));
        assertEquals(Presence.ABSENT, r.presence(column(QualifiedName.of("public", "venues"), "id")));
        assertEquals(Optional.empty(), r.apply(new Drop(ObjectRef.table(TEAMS), false)), "unknown is no conflict");

        // a constraint of a table: its keys and their indexes, and a renamed key's index may take any relation name
        SchemaState k = SchemaState.of(catalog());
        k.apply(Forget.kind(ObjectKind.CONSTRAINT, PLAYERS));
        assertEquals(Presence.UNKNOWN, k.presence(constraint(PLAYERS, "players_pkey")));
        assertEquals(Presence.UNKNOWN, k.presence(index("players_pkey")));
        assertEquals(Presence.PRESENT, k.presence(column(PLAYERS, "id")));
        assertEquals(Presence.UNKNOWN, k.presence(index("ix_elsewhere")));
        assertEquals(Presence.PRESENT, k.presence(ObjectRef.table(TEAMS)));

        // a type: types and domains, and the type names columns print; relations stay known
        SchemaState ty = SchemaState.of(catalog());
        ty.apply(Forget.kind(ObjectKind.TYPE, null));
        assertEquals(Presence.UNKNOWN, ty.presence(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("public", "mood"))));
        assertEquals(Presence.UNKNOWN, ty.presence(ObjectRef.of(ObjectKind.DOMAIN, QualifiedName.of("public", "d"))));
        assertEquals(Presence.PRESENT, ty.presence(ObjectRef.table(PLAYERS)));
        assertEquals("integer", ty.columnType(column(PLAYERS, "id")));

        // a schema may be renamed with all it holds: everything
        SchemaState sc = SchemaState.of(catalog());
        sc.apply(Forget.kind(ObjectKind.SCHEMA, null));
        assertEquals(Presence.UNKNOWN, sc.presence(ObjectRef.table(TEAMS)));
    }

    @Test
    void a_forget_of_a_kind_applied_again_forgets_what_came_since_and_nothing_else_changes() {
        // op.drop_column('players', name) twice in a row: the second finds nothing more to forget
        SchemaState twice = SchemaState.of(catalog());
        twice.apply(Forget.kind(ObjectKind.COLUMN, PLAYERS));
        twice.apply(Forget.kind(ObjectKind.COLUMN, PLAYERS));
        assertEquals(Presence.UNKNOWN, twice.presence(column(PLAYERS, "team_id")));
        assertEquals(Presence.UNKNOWN, twice.presence(constraint(PLAYERS, "players_team_id_fkey")));
        assertEquals(Presence.PRESENT, twice.presence(column(TEAMS, "id")));

        // a column added in between, then the same forget: the new column is forgotten too
        SchemaState added = SchemaState.of(catalog());
        added.apply(Forget.kind(ObjectKind.COLUMN, PLAYERS));
        added.apply(new Create(column(PLAYERS, "nickname"), false, Shape.column("text")));
        assertEquals(Presence.PRESENT, added.presence(column(PLAYERS, "nickname")));
        added.apply(Forget.kind(ObjectKind.COLUMN, PLAYERS));
        assertEquals(Presence.UNKNOWN, added.presence(column(PLAYERS, "nickname")));

        // what a client sets between two forgets (not an effect) is forgotten by the second
        SchemaState told = SchemaState.of(catalog());
        told.apply(Forget.kind(ObjectKind.COLUMN, PLAYERS));
        told.setRequired(PLAYERS, Set.of("id"), true);
        assertEquals(Set.of("id"), told.requiredColumns(PLAYERS));
        told.apply(Forget.kind(ObjectKind.COLUMN, PLAYERS));
        assertNull(told.requiredColumns(PLAYERS));

        // a table made between two forgets of every relation: unknown after the second
        SchemaState tables = SchemaState.of(catalog());
        QualifiedName venues = QualifiedName.of("public", "venues");
        tables.apply(Forget.kind(ObjectKind.TABLE, null));
        tables.apply(new Create(ObjectRef.table(venues), false));
        assertEquals(Presence.PRESENT, tables.presence(ObjectRef.table(venues)));
        tables.apply(Forget.kind(ObjectKind.TABLE, null));
        assertEquals(Presence.UNKNOWN, tables.presence(ObjectRef.table(venues)));
    }

    @Test
    void dropping_a_referenced_table_makes_the_named_keys_of_its_referrers_unknown_and_no_other_constraint() {
        SchemaState s = SchemaState.unknown();
        QualifiedName teams = QualifiedName.of("teams");
        QualifiedName leagues = QualifiedName.of("leagues");
        QualifiedName players = QualifiedName.of("players");
        s.apply(new Create(ObjectRef.table(teams), false));
        s.apply(new Create(ObjectRef.table(leagues), false));
        s.apply(new Create(ObjectRef.table(players), false));
        s.apply(new Create(column(players, "team_id"), false, Shape.column("integer").referencing(teams)));
        s.apply(new Create(column(players, "league_id"), false, Shape.column("integer").referencing(leagues)));
        s.apply(new Create(constraint(players, "fk_team"), false,
                Shape.constraint(ConstraintKind.FOREIGN_KEY, List.of("team_id"))));
        s.apply(new Create(constraint(players, "ck_team"), false, Shape.constraint(ConstraintKind.CHECK, null)));
        assertEquals(Optional.empty(), s.apply(new Drop(ObjectRef.table(teams), false, true)));
        // which key referenced teams is not known by name: the table's foreign keys may be gone
        assertEquals(Presence.UNKNOWN, s.presence(constraint(players, "fk_team")));
        assertEquals(Presence.PRESENT, s.presence(constraint(players, "ck_team")));
        assertEquals(Presence.PRESENT, s.presence(column(players, "team_id")));
        // a key made after that is filed again: the next referenced table's drop reaches it
        s.apply(new Create(constraint(players, "fk_league"), false,
                Shape.constraint(ConstraintKind.FOREIGN_KEY, List.of("league_id"))));
        assertEquals(Presence.PRESENT, s.presence(constraint(players, "fk_league")));
        assertEquals(Optional.empty(), s.apply(new Drop(ObjectRef.table(leagues), false, true)));
        assertEquals(Presence.UNKNOWN, s.presence(constraint(players, "fk_league")));
        assertEquals(Presence.PRESENT, s.presence(constraint(players, "ck_team")));
    }

    @Test
    void a_type_made_under_a_name_not_read_may_take_any_free_type_name_and_takes_nothing() {
        // create_table(..., sa.Column("s", sa.Enum())): CREATE TYPE of a name not read
        SchemaState s = SchemaState.of(catalog());
        ObjectRef gone = ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("public", "gone"));
        s.apply(new Drop(ObjectRef.table(TEAMS), false));
        s.apply(new Create(gone, false));
        s.apply(new Drop(gone, false));
        s.apply(Forget.made(ObjectKind.TYPE));
        assertEquals(Presence.UNKNOWN, s.presence(gone));
        assertEquals(Presence.UNKNOWN, s.presence(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("public", "other"))));
        assertEquals(Presence.UNKNOWN, s.presence(ObjectRef.of(ObjectKind.DOMAIN, QualifiedName.of("public", "d"))));
        assertEquals(Presence.PRESENT, s.presence(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("public", "mood"))));
        assertEquals(Optional.empty(), s.apply(new Create(gone, false)), "unknown is no conflict");
        // nothing else is made or taken: a table dropped stays gone, one there stays there, with its keys
        assertEquals(Presence.ABSENT, s.presence(ObjectRef.table(TEAMS)));
        assertEquals(Presence.ABSENT, s.presence(ObjectRef.table(QualifiedName.of("public", "venues"))));
        assertEquals(Presence.PRESENT, s.presence(ObjectRef.table(PLAYERS)));
        assertEquals(Presence.PRESENT, s.presence(constraint(PLAYERS, "players_pkey")));
        assertTrue(s.apply(new Drop(ObjectRef.table(TEAMS), false)).isPresent(), "DROP TABLE of a table gone fails");
        // a drop of a name not read takes, and is forgotten as before: the namespace, both ways
        SchemaState d = SchemaState.of(catalog());
        d.apply(Forget.kind(ObjectKind.TYPE, null).reaching(Forget.Reach.TAKES));
        assertEquals(Presence.UNKNOWN, d.presence(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("public", "mood"))));
        assertEquals(Presence.PRESENT, d.presence(ObjectRef.table(PLAYERS)));
    }

    @Test
    void dropping_a_column_known_gone_takes_nothing_unless_makes_were_left_out() {
        // drop_column("t", "old"); create_check_constraint("ck", "t", text); the re-run drops "old" again
        QualifiedName t = QualifiedName.of("public", "t");
        for (boolean leftOut : new boolean[] {false, true}) {
            SchemaState s = SchemaState.unknown();
            if (leftOut) {
                s.leaveOutMakes();
            }
            s.apply(new Drop(column(t, "old"), false));
            s.apply(new Create(constraint(t, "ck"), false));
            assertTrue(s.apply(new Drop(column(t, "old"), false)).isPresent(), "the column is gone: 42703");
            // a key whose columns are not known, made after the column went, cannot use it
            assertEquals(leftOut ? Presence.UNKNOWN : Presence.PRESENT, s.presence(constraint(t, "ck")));
        }
        // a column there takes what may use it
        SchemaState p = SchemaState.unknown();
        p.apply(new Create(column(t, "old"), false));
        p.apply(new Create(constraint(t, "ck"), false));
        p.apply(new Drop(column(t, "old"), false));
        assertEquals(Presence.UNKNOWN, p.presence(constraint(t, "ck")));
    }

    @Test
    void a_name_postgres_chooses_is_no_conflict_when_taken() {
        SchemaState s = SchemaState.of(catalog());
        Create fk = new Create(constraint(PLAYERS, "players_team_id_fkey"), false,
                Shape.constraint(ConstraintKind.FOREIGN_KEY, List.of("team_id")).namedByPostgres());
        assertEquals(Optional.empty(), s.apply(fk));
        s.apply(new Drop(constraint(PLAYERS, "players_team_id_fkey"), false));
        assertEquals(Optional.empty(), s.apply(fk));
        assertEquals(Presence.PRESENT, s.presence(constraint(PLAYERS, "players_team_id_fkey")));
    }

    @Test
    void rows_written_twice_with_the_same_key_are_a_unique_violation() {
        SchemaState s = SchemaState.of(catalog());
        QualifiedName t = QualifiedName.of("public", "seasons");
        s.apply(new Create(ObjectRef.table(t), false, Shape.relation('r')));
        assertTrue(s.madeHere(t));
        s.setUniqueKeys(t, List.of(List.of("id")), true);
        assertEquals(Optional.empty(), s.apply(new Write(ObjectRef.table(t), List.of(Map.of("id", "1")))));
        assertEquals(Optional.empty(), s.apply(new Write(ObjectRef.table(t), List.of(Map.of("id", "2")))));
        assertEquals(SqlState.UNIQUE_VIOLATION, s.apply(new Write(ObjectRef.table(t), List.of(Map.of("id", "1"))))
                .orElseThrow().sqlState());
        assertEquals(SqlState.UNDEFINED_TABLE, s.apply(new Write(ObjectRef.table(QualifiedName.of("public", "x")), null))
                .orElseThrow().sqlState());
    }

    @Test
    void rows_removed_from_a_table_are_no_longer_known_to_be_there() {
        SchemaState s = SchemaState.of(catalog());
        QualifiedName t = QualifiedName.of("public", "seasons");
        QualifiedName other = QualifiedName.of("public", "leagues");
        s.apply(new Create(ObjectRef.table(t), false, Shape.relation('r')));
        s.apply(new Create(ObjectRef.table(other), false, Shape.relation('r')));
        s.setUniqueKeys(t, List.of(List.of("id")), true);
        s.setUniqueKeys(other, List.of(List.of("id")), true);
        s.apply(new Write(ObjectRef.table(t), List.of(Map.of("id", "1"))));
        s.apply(new Write(ObjectRef.table(other), List.of(Map.of("id", "1"))));
        assertEquals(Optional.empty(), s.apply(new Effect.RemoveRows(ObjectRef.table(t))));
        assertEquals(Optional.empty(), s.apply(new Write(ObjectRef.table(t), List.of(Map.of("id", "1")))));
        assertEquals(SqlState.UNIQUE_VIOLATION, s.apply(new Write(ObjectRef.table(other), List.of(Map.of("id", "1"))))
                .orElseThrow().sqlState());
        // a removal from a table the catalog lacks raises nothing there; a write there still fails
        assertEquals(Optional.empty(), s.apply(new Effect.RemoveRows(ObjectRef.table(QualifiedName.of("public", "x")))));
        assertEquals(SqlState.UNDEFINED_TABLE, s.apply(new Write(ObjectRef.table(QualifiedName.of("public", "x")), null))
                .orElseThrow().sqlState());
    }

    @Test
    void rows_copied_from_a_table_are_known_only_while_that_table_holds_rows_written_as_literals() {
        SchemaState s = SchemaState.of(catalog());
        QualifiedName codes = QualifiedName.of("public", "codes");
        QualifiedName history = QualifiedName.of("public", "code_history");
        s.apply(new Create(ObjectRef.table(codes), false, Shape.relation('r')));
        s.apply(new Create(ObjectRef.table(history), false, Shape.relation('r')));
        Write copy = new Write(ObjectRef.table(history), null, RowSource.Kind.COPY, ObjectRef.table(codes));
        s.apply(copy);
        assertFalse(s.rows(history).known(), "codes holds no row the state knows");
        s.apply(new Write(ObjectRef.table(codes), null));
        assertTrue(s.rows(codes).known());
        s.apply(copy);
        assertTrue(s.rows(history).known(), "every row of codes, which holds rows written as literals");
        int stamp = s.rows(history).stamp();
        s.apply(new Write(ObjectRef.table(history), null, RowSource.Kind.QUERY, null));
        assertEquals(stamp, s.rows(history).stamp(), "a write removes nothing");
        s.apply(new Effect.RemoveRows(ObjectRef.table(history)));
        assertFalse(s.rows(history).known());
        assertNotEquals(stamp, s.rows(history).stamp());
    }

    @Test
    void rows_a_delete_picks_by_other_constants_of_a_column_stay_and_others_are_no_longer_known() {
        SchemaState s = SchemaState.of(catalog());
        QualifiedName t = QualifiedName.of("public", "org_status");
        s.apply(new Create(ObjectRef.table(t), false, Shape.relation('r')));
        Write review = new Write(ObjectRef.table(t), null, RowSource.Kind.AS_WRITTEN, null,
                Map.of("code", Set.of("PENDING_REVIEW")));
        Write unread = new Write(ObjectRef.table(t), null);
        s.apply(review);
        SchemaState.Rows then = s.rows(t);
        s.apply(new Effect.RemoveRows(ObjectRef.table(t), "code", Set.of("PENDING")));
        assertTrue(s.keeps(t, then, review), "PENDING_REVIEW is not PENDING");
        assertFalse(s.keeps(t, then, unread), "rows whose code is not read may be PENDING");
        assertFalse(s.rows(t).known(), "a copy of the table may find no row");
        assertFalse(then.same(s.rows(t)));
        s.apply(new Effect.RemoveRows(ObjectRef.table(t), "description", Set.of("Pending")));
        assertFalse(s.keeps(t, then, review), "the description of the row is not read");
        SchemaState.Rows later = s.rows(t);
        s.apply(new Effect.RemoveRows(ObjectRef.table(t), "code", Set.of("PENDING_REVIEW", "ACTIVE")));
        assertFalse(s.keeps(t, later, review), "its own key removed");
        SchemaState.Rows last = s.rows(t);
        s.apply(new Effect.RemoveRows(ObjectRef.table(t)));
        assertFalse(s.keeps(t, last, review), "every row removed");
    }

    @Test
    void past_the_bound_a_delete_by_constants_forgets_the_rows_as_an_unread_one_does() {
        SchemaState s = SchemaState.of(catalog());
        QualifiedName t = QualifiedName.of("public", "org_status");
        s.apply(new Create(ObjectRef.table(t), false, Shape.relation('r')));
        Write review = new Write(ObjectRef.table(t), null, RowSource.Kind.AS_WRITTEN, null,
                Map.of("code", Set.of("PENDING_REVIEW")));
        s.apply(review);
        SchemaState.Rows then = s.rows(t);
        for (int i = 0; i < SchemaState.MAX_KEYED_REMOVALS; i++) {
            s.apply(new Effect.RemoveRows(ObjectRef.table(t), "code", Set.of("OTHER_" + (char) ('g' + i % 20))));
        }
        assertTrue(s.keeps(t, then, review), "each removal takes other keys");
        assertEquals(then.stamp(), s.rows(t).stamp());
        s.apply(new Effect.RemoveRows(ObjectRef.table(t), "code", Set.of("OTHER")));
        assertFalse(s.keeps(t, then, review), "one removal more: the rows are no longer known");
        assertNotEquals(then.stamp(), s.rows(t).stamp());
    }

    private static Effect.AlterColumn alter(ObjectRef column, Effect.AlterColumn.Change change) {
        return new Effect.AlterColumn(column, change, QualifiedName.of(column.table().schema(),
                column.table().name() + "_" + column.name().name() + "_seq"));
    }

    @Test
    void an_identity_column_refuses_a_second_identity_its_default_statements_and_the_drop_of_its_sequence() {
        SchemaState s = SchemaState.unknown();
        QualifiedName t = QualifiedName.of("t");
        ObjectRef id = column(t, "id");
        ObjectRef seq = ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("t_id_seq"));
        // a serial turned identity: nothing is known of the column, so nothing fails
        assertEquals(Optional.empty(), s.apply(alter(id, Effect.AlterColumn.Change.DROP_DEFAULT)));
        assertEquals(Optional.empty(), s.apply(new Drop(seq, true)));
        assertEquals(Optional.empty(), s.apply(alter(id, Effect.AlterColumn.Change.ADD_IDENTITY)));
        // the identity's sequence took the freed name, and the column needs it
        assertEquals(Presence.PRESENT, s.presence(seq));
        assertFalse(s.proves(new Drop(seq, true)));
        Conflict dropDefault = s.apply(alter(id, Effect.AlterColumn.Change.DROP_DEFAULT)).orElseThrow();
        assertEquals(SqlState.SYNTAX_ERROR, dropDefault.sqlState());
        assertEquals(Conflict.About.IDENTITY, dropDefault.about());
        assertEquals("column t.id is already an identity column", dropDefault.reason());
        assertEquals(SqlState.SYNTAX_ERROR, s.apply(alter(id, Effect.AlterColumn.Change.SET_DEFAULT)).orElseThrow().sqlState());
        Conflict again = s.apply(new Drop(seq, true)).orElseThrow();
        assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, again.sqlState());
        assertEquals(Presence.PRESENT, s.presence(seq));
        assertEquals(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                s.apply(alter(id, Effect.AlterColumn.Change.ADD_IDENTITY)).orElseThrow().sqlState());
        // DROP IDENTITY takes the sequence; a second one finds no identity, IF EXISTS tolerates that
        assertEquals(Optional.empty(), s.apply(alter(id, Effect.AlterColumn.Change.DROP_IDENTITY)));
        assertEquals(Presence.ABSENT, s.presence(seq));
        Conflict missing = s.apply(alter(id, Effect.AlterColumn.Change.DROP_IDENTITY)).orElseThrow();
        assertEquals(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, missing.sqlState());
        assertFalse(missing.alreadyThere());
        assertEquals(Optional.empty(), s.apply(alter(id, Effect.AlterColumn.Change.DROP_IDENTITY_IF_EXISTS)));
        // a default set, then an identity added over it: 55000 as well
        assertEquals(Optional.empty(), s.apply(alter(id, Effect.AlterColumn.Change.SET_DEFAULT)));
        Conflict overDefault = s.apply(alter(id, Effect.AlterColumn.Change.ADD_IDENTITY)).orElseThrow();
        assertEquals(Conflict.About.DEFAULT, overDefault.about());
        assertEquals(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, overDefault.sqlState());
    }

    @Test
    void an_identity_goes_unknown_with_its_column_and_its_sequence_goes_with_the_column() {
        QualifiedName t = QualifiedName.of("t");
        ObjectRef id = column(t, "id");
        ObjectRef seq = ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("t_id_seq"));
        SchemaState s = SchemaState.unknown();
        s.apply(new Drop(seq, true));
        s.apply(alter(id, Effect.AlterColumn.Change.ADD_IDENTITY));
        s.apply(Forget.object(id));
        // the column may have been made again: its identity is not known, so nothing fails
        assertEquals(Optional.empty(), s.apply(alter(id, Effect.AlterColumn.Change.DROP_DEFAULT)));
        assertEquals(Optional.empty(), s.apply(alter(id, Effect.AlterColumn.Change.ADD_IDENTITY)));
        assertEquals(Presence.UNKNOWN, s.presence(seq));

        SchemaState d = SchemaState.unknown();
        d.apply(new Drop(seq, true));
        d.apply(alter(id, Effect.AlterColumn.Change.ADD_IDENTITY));
        assertEquals(Optional.empty(), d.apply(new Drop(id, false)));
        assertEquals(Presence.ABSENT, d.presence(seq));

        // a conditional identity statement leaves the identity unknown
        SchemaState u = SchemaState.unknown();
        u.apply(alter(id, Effect.AlterColumn.Change.ADD_IDENTITY));
        u.applyAll(Effect.uncertain(List.of(alter(id, Effect.AlterColumn.Change.DROP_IDENTITY))));
        assertEquals(Optional.empty(), u.apply(alter(id, Effect.AlterColumn.Change.DROP_DEFAULT)));

        // a column the catalog holds: its identity is not read from it, so nothing fails
        SchemaState c = SchemaState.of(catalog());
        assertEquals(Optional.empty(), c.apply(alter(column(PLAYERS, "id"), Effect.AlterColumn.Change.ADD_IDENTITY)));
        // a column known absent is the Require's to report, not the identity's
        assertEquals(Optional.empty(), c.apply(alter(column(PLAYERS, "nope"), Effect.AlterColumn.Change.DROP_DEFAULT)));
    }

    private static final QualifiedName T = QualifiedName.of("t");
    private static final ObjectRef T_ID = ObjectRef.in(ObjectKind.COLUMN, T, "id");
    private static final ObjectRef T_ID_SEQ = ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("t_id_seq"));

    /** {@code CREATE TABLE t (id serial PRIMARY KEY)} where neither t nor t_id_seq was there. */
    private static SchemaState serialTable() {
        SchemaState s = SchemaState.unknown();
        s.apply(new Drop(ObjectRef.table(T), true));
        s.apply(new Drop(T_ID_SEQ, true));
        assertEquals(Optional.empty(), s.applyAll(List.of(new Create(ObjectRef.table(T), false),
                new Create(T_ID, false, Shape.column("integer")), new Effect.Serial(T_ID, T_ID_SEQ.name(), false))));
        return s;
    }

    @Test
    void a_serial_column_owns_its_sequence_whose_name_is_then_taken_and_whose_drop_its_default_refuses() {
        SchemaState s = serialTable();
        assertEquals(Presence.PRESENT, s.presence(T_ID_SEQ));
        assertEquals(Presence.ABSENT, s.identityOf(T_ID));
        assertTrue(s.knownNotNull(T_ID));
        assertEquals(SqlState.DUPLICATE_TABLE, s.apply(new Create(T_ID_SEQ, false)).orElseThrow().sqlState());
        assertEquals(Presence.PRESENT, s.sequenceNeeded(T_ID_SEQ, false));
        assertEquals(Presence.ABSENT, s.sequenceNeeded(T_ID_SEQ, true));
        assertFalse(s.proves(new Drop(T_ID_SEQ, true)));
        assertTrue(s.proves(new Drop(T_ID_SEQ, true, true)));
        Conflict inUse = s.apply(new Drop(T_ID_SEQ, false)).orElseThrow();
        assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, inUse.sqlState());
        assertEquals(Conflict.About.SEQUENCE_IN_USE, inUse.about());
        assertEquals("sequence t_id_seq is still the default of its serial column", inUse.reason());

        // CASCADE drops the default, not the column: an identity can then be added
        SchemaState c = serialTable();
        assertEquals(Optional.empty(), c.apply(new Drop(T_ID_SEQ, false, true)));
        assertEquals(Presence.ABSENT, c.presence(T_ID_SEQ));
        assertEquals(Presence.PRESENT, c.presence(T_ID));
        assertEquals(Optional.empty(), c.apply(alter(T_ID, Effect.AlterColumn.Change.ADD_IDENTITY)));
    }

    @Test
    void a_serial_turned_identity_drops_the_default_then_the_sequence_then_adds_the_identity() {
        SchemaState s = serialTable();
        // an identity over the serial's default: 55000
        assertEquals(Conflict.About.DEFAULT, serialTable().apply(alter(T_ID, Effect.AlterColumn.Change.ADD_IDENTITY))
                .orElseThrow().about());
        assertEquals(Optional.empty(), s.apply(alter(T_ID, Effect.AlterColumn.Change.DROP_DEFAULT)));
        assertEquals(Presence.ABSENT, s.sequenceNeeded(T_ID_SEQ, false));
        assertTrue(s.proves(new Drop(T_ID_SEQ, false)));
        assertEquals(Optional.empty(), s.apply(new Drop(T_ID_SEQ, true)));
        assertEquals(Optional.empty(), s.apply(alter(T_ID, Effect.AlterColumn.Change.ADD_IDENTITY)));
        // the identity's sequence took the freed name, and the column needs it
        assertEquals(Presence.PRESENT, s.presence(T_ID_SEQ));
        assertEquals(Presence.PRESENT, s.sequenceNeeded(T_ID_SEQ, true));
        assertEquals(SqlState.SYNTAX_ERROR, s.apply(alter(T_ID, Effect.AlterColumn.Change.DROP_DEFAULT)).orElseThrow()
                .sqlState());

        // the serial's sequence still there: the identity's takes the next free name, which is not known
        SchemaState kept = serialTable();
        kept.apply(alter(T_ID, Effect.AlterColumn.Change.DROP_DEFAULT));
        assertEquals(Optional.empty(), kept.apply(alter(T_ID, Effect.AlterColumn.Change.ADD_IDENTITY)));
        assertEquals(Presence.ABSENT, kept.sequenceNeeded(T_ID_SEQ, false));
        // a new default may be nextval of the serial's sequence again
        SchemaState reset = serialTable();
        reset.apply(alter(T_ID, Effect.AlterColumn.Change.SET_DEFAULT));
        assertEquals(Presence.UNKNOWN, reset.sequenceNeeded(T_ID_SEQ, false));
        assertFalse(reset.proves(new Drop(T_ID_SEQ, false)));
        assertEquals(Optional.empty(), reset.apply(new Drop(T_ID_SEQ, false)));
    }

    @Test
    void a_serial_sequence_goes_with_its_table_and_column_and_keeps_its_name_when_they_are_renamed() {
        SchemaState table = serialTable();
        table.apply(new Drop(ObjectRef.table(T), false));
        assertEquals(Presence.ABSENT, table.presence(T_ID_SEQ));
        assertTrue(table.proves(new Create(T_ID_SEQ, false)));

        SchemaState column = serialTable();
        column.apply(new Drop(T_ID, false));
        assertEquals(Presence.ABSENT, column.presence(T_ID_SEQ));

        SchemaState renamed = serialTable();
        assertEquals(Optional.empty(), renamed.apply(new Rename(ObjectRef.table(T), "u")));
        assertEquals(Optional.empty(), renamed.apply(new Rename(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("u"), "id"),
                "pk")));
        assertEquals(Presence.PRESENT, renamed.presence(T_ID_SEQ));
        assertEquals(Presence.PRESENT, renamed.sequenceNeeded(T_ID_SEQ, false));
        // a new t made with a serial id: t_id_seq is taken, so its sequence is t_id_seq1 (not known here)
        renamed.applyAll(List.of(new Create(ObjectRef.table(T), false), new Create(T_ID, false, Shape.column("integer")),
                new Effect.Serial(T_ID, T_ID_SEQ.name(), false)));
        // dropping the renamed table takes the sequence it owns
        renamed.apply(new Drop(ObjectRef.table(QualifiedName.of("u")), false));
        assertEquals(Presence.ABSENT, renamed.presence(T_ID_SEQ));
    }

    @Test
    void a_serial_made_where_its_sequence_or_column_may_be_there_names_no_sequence() {
        // the name taken: the serial takes another, and the sequence there is no serial's
        SchemaState taken = SchemaState.unknown();
        taken.apply(new Drop(ObjectRef.table(T), true));
        taken.apply(new Create(T_ID_SEQ, false));
        taken.applyAll(List.of(new Create(ObjectRef.table(T), false), new Create(T_ID, false, Shape.column("integer")),
                new Effect.Serial(T_ID, T_ID_SEQ.name(), false)));
        assertEquals(Presence.ABSENT, taken.sequenceNeeded(T_ID_SEQ, false));
        assertTrue(taken.proves(new Drop(T_ID_SEQ, false)));
        // CREATE TABLE IF NOT EXISTS of a table that may be there: its sequence may or may not have been made
        SchemaState maybe = SchemaState.unknown();
        maybe.applyAll(List.of(new Create(ObjectRef.table(T), true), new Create(T_ID, false, Shape.column("integer")),
                new Effect.Serial(T_ID, T_ID_SEQ.name(), true)));
        assertEquals(Presence.UNKNOWN, maybe.presence(T_ID_SEQ));
        assertEquals(Optional.empty(), maybe.apply(new Drop(T_ID_SEQ, false)));
        assertEquals(Presence.UNKNOWN, maybe.identityOf(T_ID));
        // under a condition the serial's sequence and default are unknown
        SchemaState cond = serialTable();
        cond.apply(new Drop(T_ID_SEQ, false, true));
        cond.applyAll(Effect.uncertain(List.of(new Effect.Serial(T_ID, T_ID_SEQ.name(), false))));
        assertEquals(Presence.UNKNOWN, cond.presence(T_ID_SEQ));
    }

    @Test
    void the_catalog_says_which_sequence_a_column_owns_and_whether_its_default_uses_it() {
        QualifiedName prefs = QualifiedName.of("public", "prefs");
        Catalog c = new Catalog("15.4", "public", List.of("public"), new Catalog.VersionTable(null, "alembic_version",
                "public.alembic_version", List.of()), List.of("public"),
                List.of(new Catalog.Relation("public", "prefs", 'r'), new Catalog.Relation("public", "prefs_id_seq", 'S'),
                        new Catalog.Relation("public", "prefs_n_seq", 'S'), new Catalog.Relation("public", "keys", 'r'),
                        new Catalog.Relation("public", "keys_id_seq", 'S')),
                List.of(new Catalog.Column("public", "prefs", "id", "integer", "nextval('prefs_id_seq'::regclass)", true,
                        "prefs_id_seq"),
                        new Catalog.Column("public", "prefs", "n", "integer", null, false, "prefs_n_seq"),
                        new Catalog.Column("public", "keys", "id", "integer", "identity", true, "keys_id_seq")),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        SchemaState s = SchemaState.of(c);
        ObjectRef prefsSeq = ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("public", "prefs_id_seq"));
        ObjectRef nSeq = ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("public", "prefs_n_seq"));
        ObjectRef keysSeq = ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("public", "keys_id_seq"));
        assertEquals(Presence.PRESENT, s.sequenceNeeded(prefsSeq, false));
        assertEquals(Presence.ABSENT, s.sequenceNeeded(nSeq, false));
        assertEquals(Presence.PRESENT, s.sequenceNeeded(keysSeq, true));
        assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, s.apply(new Drop(prefsSeq, false)).orElseThrow().sqlState());
        // an owned sequence goes with its column
        s.apply(new Drop(ObjectRef.in(ObjectKind.COLUMN, prefs, "n"), false));
        assertEquals(Presence.ABSENT, s.presence(nSeq));
    }

    @Test
    void a_guard_object_test_is_answered_by_the_catalog_seeded_state() {
        SchemaState s = SchemaState.of(catalog());
        assertEquals(Truth.TRUE, GuardMatch.eval(new Condition.Exists(ObjectKind.TABLE, null, null, "players", false), s));
        assertEquals(Truth.FALSE, GuardMatch.eval(new Condition.Exists(ObjectKind.TABLE, null, null, "coaches", false), s));
        assertEquals(Truth.TRUE, GuardMatch.eval(new Condition.Exists(ObjectKind.COLUMN, null, "players", "name", false), s));
        assertEquals(Truth.FALSE,
                GuardMatch.eval(new Condition.Exists(ObjectKind.COLUMN, null, "players", "nickname", false), s));
        // get_indexes("teams") does not list an index of players
        assertEquals(Truth.FALSE,
                GuardMatch.eval(new Condition.Exists(ObjectKind.INDEX, null, "teams", "ix_players_name", false), s));
        // a catalog snapshot does not list rules: a missing one proves nothing
        assertFalse(SchemaState.catalogKind(ObjectKind.RULE));
        assertEquals(Truth.UNKNOWN, GuardMatch.eval(new Condition.Exists(ObjectKind.RULE, null, "players", "r", false), s));
    }

    @Test
    void names_are_shown_without_the_current_schema() {
        QualifiedName invoices = QualifiedName.of("billing", "invoices");
        assertEquals("billing.invoices", invoices.shownFrom("public"));
        assertEquals("invoices", invoices.shownFrom("billing"));
        assertEquals("invoices", QualifiedName.of("invoices").shownFrom("public"));
        ObjectRef total = ObjectRef.in(ObjectKind.COLUMN, invoices, "total");
        assertEquals("billing.invoices.total", total.path("public"));
        assertEquals("invoices.total", total.path("billing"));
        assertEquals("column billing.invoices.total", total.describe());
        assertEquals("ix_total", new ObjectRef(ObjectKind.INDEX, QualifiedName.of("billing", "ix_total"), invoices)
                .path("billing"));
    }

    private static Create primaryKey(QualifiedName table, String name) {
        return new Create(constraint(table, name), false, Shape.constraint(ConstraintKind.PRIMARY_KEY, List.of("id")));
    }

    @Test
    void a_table_has_one_primary_key_and_its_drop_by_any_name_frees_it() {
        SchemaState s = SchemaState.of(catalog());
        assertEquals(Presence.PRESENT, s.primaryKey(PLAYERS));
        assertEquals(Presence.ABSENT, s.primaryKey(TEAMS));
        // a second primary key fails whatever its name
        assertFalse(s.proves(primaryKey(PLAYERS, "pk_players")));
        assertEquals(SqlState.INVALID_TABLE_DEFINITION, s.apply(primaryKey(PLAYERS, "pk_players")).orElseThrow().sqlState());
        assertEquals(Optional.empty(), s.apply(primaryKey(TEAMS, "pk_teams")));

        SchemaState d = SchemaState.of(catalog());
        d.apply(new Drop(constraint(PLAYERS, "players_pkey"), false));
        assertEquals(Presence.ABSENT, d.primaryKey(PLAYERS));
        assertTrue(d.proves(primaryKey(PLAYERS, "pk_players")));
        assertEquals(Optional.empty(), d.apply(primaryKey(PLAYERS, "pk_players")));
        assertEquals(Presence.PRESENT, d.primaryKey(PLAYERS));

        // drop_constraint(name read at run time, type_="primary"): the key and its index go, whatever they are called
        SchemaState k = SchemaState.of(catalog());
        k.apply(Forget.kind(ObjectKind.CONSTRAINT, PLAYERS));
        k.apply(new Effect.PrimaryKey(PLAYERS, Presence.ABSENT));
        assertEquals(Presence.ABSENT, k.presence(constraint(PLAYERS, "players_pkey")));
        assertEquals(Presence.ABSENT, k.presence(index("players_pkey")));
        assertEquals(Presence.UNKNOWN, k.presence(constraint(PLAYERS, "players_team_id_fkey")));
        assertTrue(k.proves(primaryKey(PLAYERS, "players_pkey")));
        assertTrue(k.proves(new Effect.PrimaryKey(PLAYERS, Presence.PRESENT)));

        // dropping a column takes the primary key that uses it
        SchemaState c = SchemaState.of(catalog());
        c.apply(new Drop(column(PLAYERS, "id"), false));
        assertEquals(Presence.ABSENT, c.primaryKey(PLAYERS));
    }

    @Test
    void a_primary_key_of_a_name_not_known_may_be_any_constraint_dropped_after_it() {
        QualifiedName t = QualifiedName.of("t");
        SchemaState s = SchemaState.unknown();
        assertEquals(Presence.UNKNOWN, s.primaryKey(t));
        s.apply(primaryKey(t, "t_pkey"));
        // another constraint's drop leaves the key this state knows
        s.apply(new Drop(constraint(t, "c"), false));
        assertEquals(Presence.PRESENT, s.primaryKey(t));

        SchemaState u = SchemaState.unknown();
        u.apply(new Effect.PrimaryKey(t, Presence.PRESENT));
        assertEquals(Presence.PRESENT, u.primaryKey(t));
        u.apply(new Drop(constraint(t, "c"), false));
        assertEquals(Presence.UNKNOWN, u.primaryKey(t));
        // a key made under a name not known drops nothing
        SchemaState v = SchemaState.unknown();
        v.apply(new Effect.PrimaryKey(t, Presence.ABSENT));
        v.apply(Forget.tableKeys(t));
        assertEquals(Presence.ABSENT, v.primaryKey(t));
        v.apply(new Effect.PrimaryKey(t, Presence.UNKNOWN));
        assertEquals(Presence.UNKNOWN, v.primaryKey(t));
    }

    @Test
    void a_table_swapped_into_place_keeps_its_index_names_until_it_is_dropped() {
        QualifiedName items = QualifiedName.of("items");
        QualifiedName fresh = QualifiedName.of("items_new");
        SchemaState s = SchemaState.unknown();
        s.apply(new Create(ObjectRef.table(fresh), false));
        s.apply(primaryKey(fresh, "pk_items_new"));
        s.apply(new Drop(ObjectRef.table(items), false));
        s.apply(new Rename(ObjectRef.table(fresh), "items"));
        // the table's name is free again, its key's index name is not: it is on items now
        assertTrue(s.proves(new Create(ObjectRef.table(fresh), false)));
        ObjectRef kept = ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("pk_items_new"));
        assertEquals(items, s.held(kept).table());
        s.apply(new Create(ObjectRef.table(fresh), false));
        Conflict c = s.apply(primaryKey(fresh, "pk_items_new")).orElseThrow();
        assertEquals(kept, c.object());
        assertEquals(SqlState.DUPLICATE_TABLE, c.sqlState());
        // dropping the table frees its index names
        s.apply(new Drop(ObjectRef.table(items), false));
        assertEquals(Presence.ABSENT, s.presence(kept));
    }

    @Test
    void twenty_thousand_column_drops_ask_the_primary_key_without_visiting_the_other_columns() {
        // each drop asks whether it took the table's primary key: a walk over the table's columns per drop would
        // take over a minute here (the hang guard; 7 s for 40,000 with the index at load 30), an index of its
        // keys takes a moment
        int n = 20_000;
        QualifiedName t = QualifiedName.of(null, "t");
        SchemaState s = SchemaState.unknown();
        s.apply(new Create(ObjectRef.table(t), false));
        s.apply(new Create(column(t, "id"), false, Shape.column("integer")));
        s.apply(new Create(constraint(t, "t_pkey"), false, Shape.constraint(ConstraintKind.PRIMARY_KEY, List.of("id"))));
        for (int i = 0; i < n; i++) {
            s.apply(new Create(column(t, "c" + i), false, Shape.column("text")));
        }
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            for (int i = 0; i < n; i++) {
                assertEquals(Optional.empty(), s.apply(new Drop(column(t, "c" + i), false)));
            }
        });
        assertEquals(Presence.PRESENT, s.primaryKey(t));
        assertEquals(Presence.ABSENT, s.presence(column(t, "c" + (n - 1))));
        // the key's column taken takes the key
        s.apply(new Drop(column(t, "id"), false));
        assertEquals(Presence.ABSENT, s.primaryKey(t));
    }

    @Test
    void a_forget_of_a_whole_kind_forgets_what_was_written_since_the_last_one() {
        SchemaState s = SchemaState.of(catalog());
        QualifiedName made = QualifiedName.of("public", "made");
        s.apply(Forget.kind(ObjectKind.TABLE, null));
        assertEquals(Presence.UNKNOWN, s.presence(ObjectRef.table(PLAYERS)));
        assertEquals(Presence.UNKNOWN, s.presence(column(PLAYERS, "name")));
        // written after the first forget: a table made, a column on a table already forgotten
        s.apply(new Create(ObjectRef.table(made), false));
        s.apply(new Create(column(made, "id"), false, Shape.column("integer")));
        s.apply(new Create(column(TEAMS, "label"), false, Shape.column("text")));
        assertEquals(Presence.PRESENT, s.presence(ObjectRef.table(made)));
        assertEquals(Presence.PRESENT, s.presence(column(TEAMS, "label")));
        s.apply(Forget.kind(ObjectKind.TABLE, null));
        assertEquals(Presence.UNKNOWN, s.presence(ObjectRef.table(made)));
        assertEquals(Presence.UNKNOWN, s.presence(column(made, "id")));
        assertEquals(Presence.UNKNOWN, s.presence(column(TEAMS, "label")), "a table's new column goes with it");
        // a forget of another kind in between reads its own changes: a column made, then forgotten
        s.apply(new Create(column(made, "extra"), false, Shape.column("text")));
        s.apply(Forget.kind(ObjectKind.COLUMN, null));
        assertEquals(Presence.UNKNOWN, s.presence(column(made, "extra")));
        s.apply(new Create(column(made, "late"), false, Shape.column("text")));
        s.apply(Forget.kind(ObjectKind.COLUMN, null));
        assertEquals(Presence.UNKNOWN, s.presence(column(made, "late")));
    }

    @Test
    void a_forget_of_a_whole_kind_with_nothing_written_since_changes_nothing() {
        SchemaState s = SchemaState.of(catalog());
        QualifiedName made = QualifiedName.of("public", "made");
        s.apply(new Drop(ObjectRef.table(TEAMS), false));
        s.apply(Forget.kind(ObjectKind.COLUMN, null));
        s.apply(new Create(ObjectRef.table(made), false));
        List<ObjectRef> refs = List.of(ObjectRef.table(PLAYERS), ObjectRef.table(TEAMS), ObjectRef.table(made),
                column(PLAYERS, "id"), column(made, "id"), constraint(PLAYERS, "players_pkey"), index("ix_players_name"),
                ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("public", "players_id_seq")),
                ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("public", "mood")));
        s.apply(Forget.kind(ObjectKind.TABLE, null));
        List<Presence> once = refs.stream().map(s::presence).toList();
        Presence primary = s.primaryKey(PLAYERS);
        assertEquals(Presence.UNKNOWN, s.presence(ObjectRef.table(made)));
        for (int i = 0; i < 3; i++) {
            s.apply(Forget.kind(ObjectKind.TABLE, null));
            assertEquals(once, refs.stream().map(s::presence).toList());
            assertEquals(primary, s.primaryKey(PLAYERS));
        }
        // a type made under a name not read leaves the tables as they are
        s.apply(Forget.made(ObjectKind.TYPE));
        s.apply(Forget.kind(ObjectKind.TABLE, null));
        assertEquals(once.subList(0, refs.size() - 1), refs.stream().map(s::presence).toList().subList(0, refs.size() - 1));
    }

    private static final List<QualifiedName> WALKED_TABLES = List.of(PLAYERS, TEAMS, QualifiedName.of("public", "t0"),
            QualifiedName.of("public", "t1"), QualifiedName.of("public", "p0"));
    private static final List<String> WALKED_NAMES = List.of("id", "name", "c0", "c1", "k0", "ix0", "players_pkey",
            "touch", "t0_c0_seq");
    private static final List<ObjectKind> FORGOTTEN_KINDS = List.of(ObjectKind.TABLE, ObjectKind.INDEX,
            ObjectKind.SEQUENCE, ObjectKind.COLUMN, ObjectKind.CONSTRAINT, ObjectKind.TRIGGER, ObjectKind.TYPE,
            ObjectKind.VIEW);

    /** One effect of a small universe of names: made, dropped, renamed, forgotten (by name, kind or table). */
    private static Effect randomEffect(java.util.Random r) {
        QualifiedName t = WALKED_TABLES.get(r.nextInt(WALKED_TABLES.size()));
        QualifiedName other = WALKED_TABLES.get(r.nextInt(WALKED_TABLES.size()));
        String n = WALKED_NAMES.get(r.nextInt(WALKED_NAMES.size()));
        ObjectRef col = column(t, n);
        ObjectRef key = constraint(t, n);
        ObjectRef ix = ObjectRef.in(ObjectKind.INDEX, t, n);
        List<String> cols = List.of(WALKED_NAMES.get(r.nextInt(4)));
        ObjectKind kind = FORGOTTEN_KINDS.get(r.nextInt(FORGOTTEN_KINDS.size()));
        return switch (r.nextInt(17)) {
            case 0 -> new Create(ObjectRef.table(t), r.nextBoolean());
            case 1 -> new Create(ObjectRef.table(t), false, Shape.table(other, false));
            case 2, 3 -> new Create(col, r.nextBoolean(), Shape.column(r.nextBoolean() ? "text" : "mood"));
            case 4 -> new Create(key, false, Shape.constraint(ConstraintKind.values()[r.nextInt(
                    ConstraintKind.values().length)], cols));
            case 5 -> new Create(ix, false, Shape.index(r.nextBoolean(), cols));
            case 6 -> new Drop(List.of(ObjectRef.table(t), col, key, ix).get(r.nextInt(4)), r.nextBoolean(),
                    r.nextBoolean());
            case 7 -> new Rename(r.nextBoolean() ? ObjectRef.table(t) : col, r.nextBoolean() ? other.name() : n,
                    false);
            case 8 -> new Effect.Serial(col, QualifiedName.of("public", t.name() + "_" + n + "_seq"), false);
            case 9 -> new Effect.PrimaryKey(t, r.nextBoolean() ? Presence.PRESENT : Presence.ABSENT);
            case 10 -> new Effect.AlterColumn(col, Effect.AlterColumn.Change.values()[r.nextInt(
                    Effect.AlterColumn.Change.values().length)], null);
            case 11, 12 -> Forget.kind(kind, null);
            case 13 -> Forget.kind(r.nextBoolean() ? ObjectKind.COLUMN : ObjectKind.CONSTRAINT, t);
            case 14 -> Forget.made(ObjectKind.TYPE);
            case 15 -> Forget.tableKeys(t);
            default -> Forget.object(List.of(ObjectRef.table(t), col, key).get(r.nextInt(3)));
        };
    }

    /** What the state answers of every name of the universe, as text. */
    private static List<String> answers(SchemaState s) {
        List<String> out = new java.util.ArrayList<>();
        for (QualifiedName t : WALKED_TABLES) {
            out.add(t + " " + s.presence(ObjectRef.table(t)) + " " + s.primaryKey(t) + " " + s.relationKind(t) + " "
                    + s.requiredColumns(t) + " " + s.uniqueKeys(t) + " " + s.madeHere(t) + " " + s.rows(t));
            for (String n : WALKED_NAMES) {
                ObjectRef col = column(t, n);
                out.add(t + "." + n + " " + s.presence(col) + " " + s.identityOf(col) + " " + s.knownNotNull(col) + " "
                        + s.columnType(col) + " " + s.presence(constraint(t, n)) + " "
                        + s.presence(ObjectRef.in(ObjectKind.INDEX, t, n)) + " "
                        + s.presence(ObjectRef.in(ObjectKind.TRIGGER, t, n)) + " "
                        + s.presence(ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("public", n))));
            }
        }
        return out;
    }

    @Test
    void walks_reading_what_changed_since_the_last_one_answer_as_whole_walks_do() {
        java.util.Random r = new java.util.Random(25);
        int forgets = 0;
        for (int run = 0; run < 200; run++) {
            boolean fromCatalog = r.nextBoolean();
            SchemaState read = fromCatalog ? SchemaState.of(catalog()) : SchemaState.unknown();
            SchemaState whole = fromCatalog ? SchemaState.of(catalog()) : SchemaState.unknown();
            whole.walkWhole = true;
            List<Effect> applied = new java.util.ArrayList<>();
            for (int step = 0; step < 40; step++) {
                Effect e = randomEffect(r);
                applied.add(e);
                forgets += e instanceof Forget ? 1 : 0;
                assertEquals(whole.apply(e), read.apply(e), () -> "run " + applied);
                assertEquals(answers(whole), answers(read), () -> "run " + applied);
            }
        }
        assertTrue(forgets > 1_500, "the runs forget often: " + forgets);
    }
}
