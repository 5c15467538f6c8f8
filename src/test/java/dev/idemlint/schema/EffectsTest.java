package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.schema.Effect.Create;
import dev.idemlint.schema.Effect.Drop;
import dev.idemlint.schema.Effect.Forget;
import dev.idemlint.schema.Effect.Rename;
import dev.idemlint.migration.RowSource;
import dev.idemlint.sql.SqlClassifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class EffectsTest {
    private static final Effects.Naming POSTGRES = new Effects.Naming(() -> true);

    private static List<Effect> effects(String line, Effects.Naming naming) throws Exception {
        Migration m = RerunSimulationTest.read("def upgrade():\n    " + line + "\n");
        Operation op = m.upgrade().get(0);
        return Effects.of(op, naming);
    }

    @Test
    void an_added_column_is_created_on_its_table_with_its_type() throws Exception {
        List<Effect> e = effects("op.add_column('players', sa.Column('nickname', sa.Text()))", POSTGRES);
        Create c = assertInstanceOf(Create.class, e.get(0));
        assertEquals(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("players"), "nickname"), c.object());
        assertEquals(1, e.size());
    }

    @Test
    void a_delete_or_truncate_removes_rows_of_its_table_in_every_spelling() throws Exception {
        for (String line : List.of("op.execute(\"DELETE FROM jobs WHERE status LIKE 'x'\")",
                "op.execute(\"TRUNCATE TABLE ONLY jobs\")",
                "op.execute(sa.table('jobs', sa.column('status')).delete().where(sa.column('status') == 'x'))",
                "op.execute(sa.delete(sa.table('jobs')))")) {
            assertEquals(List.of(new Effect.RemoveRows(ObjectRef.table(QualifiedName.of("jobs")))), classified(line),
                    line);
        }
        // an UPDATE removes no row, and a delete whose table is not read names none
        assertEquals(List.of(), classified("op.execute(\"UPDATE jobs SET status = 'y'\")"));
        assertEquals(List.of(), classified("op.execute(\"DELETE t FROM t JOIN u ON t.a = u.a\")"));
    }

    @Test
    void a_delete_whose_whole_where_is_a_column_equal_to_or_in_plain_strings_removes_only_those_rows() throws Exception {
        ObjectRef jobs = ObjectRef.table(QualifiedName.of("jobs"));
        assertEquals(List.of(new Effect.RemoveRows(jobs, "status", java.util.Set.of("x"))),
                classified("op.execute(\"DELETE FROM jobs WHERE status = 'x'\")"));
        assertEquals(List.of(new Effect.RemoveRows(jobs, "status", java.util.Set.of("a", "b"))),
                classified("op.execute(\"delete from ONLY jobs where Status in ('a', 'b');\")"));
        // another operator, clause, value or column spelling may pick any row: which ones is not read
        for (String where : List.of("status = 'x' OR id = 1", "status = E'x'", "status = 1", "j.status = 'x'",
                "status IN (SELECT s FROM t)", "lower(status) = 'x'", "status = 'x' RETURNING id", "'x' = status")) {
            assertEquals(List.of(new Effect.RemoveRows(jobs)),
                    classified("op.execute(\"DELETE FROM jobs WHERE " + where + "\")"), where);
        }
        assertEquals(List.of(new Effect.RemoveRows(jobs)), classified("op.execute(\"DELETE FROM jobs j WHERE status = 'x'\")"));
    }

    @Test
    void a_removal_misses_a_write_exactly_when_each_pair_of_their_constants_differs() {
        List<String> pool = List.of("PENDING", "pending", "ACTIVE", "WRITE_OFF", "t", "1", "now", "zz", " ZZ", "abc");
        java.util.Random random = new java.util.Random(42);
        ObjectRef t = ObjectRef.table(QualifiedName.of("public", "t"));
        for (int round = 0; round < 2_000; round++) {
            Set<String> removed = new java.util.HashSet<>();
            Set<String> written = new java.util.HashSet<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                removed.add(pool.get(random.nextInt(pool.size())));
            }
            for (int i = random.nextInt(4); i > 0; i--) {
                written.add(pool.get(random.nextInt(pool.size())));
            }
            boolean pairwise = true;
            for (String a : written) {
                for (String b : removed) {
                    pairwise &= Effect.RemoveRows.differ(a, b);
                }
            }
            Effect.RemoveRows r = new Effect.RemoveRows(t, "code", removed);
            Effect.Write w = new Effect.Write(t, null, RowSource.Kind.AS_WRITTEN, null, Map.of("code", written));
            assertEquals(pairwise, r.misses(w), removed + " removed, " + written + " written");
        }
    }

    @Test
    void two_constants_certainly_differ_only_as_plain_words_no_type_may_read_as_one_value() {
        assertTrue(Effect.RemoveRows.differ("PENDING_AFFIDAVIT_REVIEW", "PENDING"));
        assertTrue(Effect.RemoveRows.differ("WRITE_OFF", "BOUNCED"));
        // case, outer blanks (citext, char(n)), numbers, dates, hex digits, booleans and special values
        for (String[] same : List.of(new String[] {"Pending", "PENDING"}, new String[] {"sms ", "sms"},
                new String[] {"1", "01"}, new String[] {"t", "true"}, new String[] {"now", "today"},
                new String[] {"ab-cd", "abcd"}, new String[] {"inf", "infinity"}, new String[] {"a b", "b a"},
                new String[] {"é", "e"})) {
            assertFalse(Effect.RemoveRows.differ(same[0], same[1]), String.join(" vs ", same));
        }
    }

    /** The effects of the one statement of {@code line}, its SQL classified first. */
    private static List<Effect> classified(String line) throws Exception {
        Operation op = RerunSimulationTest.read("def upgrade():\n    " + line + "\n").upgrade().get(0);
        Operation read = op instanceof Operation.RawSql raw ? new SqlClassifier().classify(raw).get(0) : op;
        return Effects.of(read, POSTGRES);
    }

    /** The columns a statement's effects make serial, as "table.column -> sequence". */
    private static List<String> serials(List<Effect> effects) {
        return effects.stream().filter(e -> e instanceof Effect.Serial).map(e -> (Effect.Serial) e)
                .map(x -> x.column().path(null) + " -> " + x.sequence()).toList();
    }

    @Test
    void sqlalchemy_makes_the_lone_integer_key_and_an_autoincrement_key_column_serial_as_it_renders_them()
            throws Exception {
        String id = "sa.Column('id', sa.Integer(), primary_key=True";
        assertEquals(List.of("t.id -> t_id_seq"), serials(effects("op.create_table('t', " + id + "))", POSTGRES)));
        assertEquals(List.of("t.id -> t_id_seq"), serials(effects("op.create_table('t', sa.Column('id', sa.BigInteger(),"
                + " nullable=False), sa.PrimaryKeyConstraint('id'))", POSTGRES)));
        // a composite key has no autoincrement column unless one is marked
        assertEquals(List.of(), serials(effects("op.create_table('t', " + id + "), sa.Column('b', sa.Integer(),"
                + " primary_key=True))", POSTGRES)));
        assertEquals(List.of("t.id -> t_id_seq"), serials(effects("op.create_table('t', " + id + ", autoincrement=True),"
                + " sa.Column('b', sa.Integer(), primary_key=True))", POSTGRES)));
        // what gives the values another source, or keeps "auto" from choosing the column
        for (String other : List.of(", autoincrement=False", ", server_default='1'", ", default=5",
                ", sa.ForeignKey('o.id')", ", sa.Identity()")) {
            String col = other.contains("ForeignKey") || other.contains("Identity")
                    ? "sa.Column('id', sa.Integer()" + other + ", primary_key=True" : id + other;
            assertEquals(List.of(), serials(effects("op.create_table('t', " + col + "))", POSTGRES)), other);
        }
        assertEquals(List.of("t.id -> t_id_seq"), serials(effects("op.create_table('t', sa.Column('id', sa.Integer(),"
                + " sa.ForeignKey('o.id'), primary_key=True, autoincrement=True))", POSTGRES)));
        assertEquals(List.of(), serials(effects("op.create_table('t', sa.Column('id', sa.String(10), primary_key=True))",
                POSTGRES)));
        assertEquals(List.of(), serials(effects("op.create_table('t', sa.Column('id', sa.Integer(), primary_key=True,"
                + " **kw))", POSTGRES)));
        // Alembic's add_column renders a primary-key integer column SERIAL; a plain one is not
        assertEquals(List.of("t.id -> t_id_seq"), serials(effects("op.add_column('t', " + id + "))", POSTGRES)));
        assertEquals(List.of(), serials(effects("op.add_column('t', sa.Column('n', sa.Integer(), autoincrement=True))",
                POSTGRES)));
    }

    @Test
    void raw_sql_serial_columns_are_serial_whatever_their_key() throws Exception {
        assertEquals(List.of("prefs.id -> prefs_id_seq", "prefs.n -> prefs_n_seq"),
                serials(rawEffects("'CREATE TABLE prefs (id serial PRIMARY KEY, n BIGSERIAL, m integer)'")));
        assertEquals(List.of("prefs.n -> prefs_n_seq"),
                serials(rawEffects("'ALTER TABLE prefs ADD COLUMN n smallserial NOT NULL'")));
        // OWNED BY moves a sequence to another column or to none: what drops take it is no longer known
        assertEquals(List.of(Forget.named(java.util.Set.of("t_id_seq"))),
                rawEffects("'ALTER SEQUENCE public.t_id_seq OWNED BY NONE'"));
        // PostgreSQL truncates the name as it truncates a key's
        String longName = "a".repeat(60);
        assertEquals(List.of(longName + ".id -> " + "a".repeat(56) + "_id_seq"),
                serials(rawEffects("'CREATE TABLE " + longName + " (id serial)'")));
    }

    @Test
    void a_created_table_makes_its_columns_and_named_keys() throws Exception {
        List<Effect> e = effects("op.create_table('teams', sa.Column('id', sa.Integer()), sa.Column('name', sa.Text()),"
                + " sa.UniqueConstraint('name', name='uq_teams_name'))", POSTGRES);
        QualifiedName teams = QualifiedName.of("teams");
        assertEquals(ObjectRef.table(teams), ((Create) e.get(0)).object());
        assertEquals(ObjectRef.in(ObjectKind.COLUMN, teams, "id"), ((Create) e.get(1)).object());
        assertEquals(ObjectRef.in(ObjectKind.COLUMN, teams, "name"), ((Create) e.get(2)).object());
        Create uq = (Create) e.get(3);
        assertEquals(ObjectRef.in(ObjectKind.CONSTRAINT, teams, "uq_teams_name"), uq.object());
        assertEquals(ConstraintKind.UNIQUE, uq.shape().constraintKind());
    }

    @Test
    void an_unnamed_key_gets_postgres_name_only_when_the_convention_names_none() throws Exception {
        String fk = "op.create_foreign_key(None, 'players', 'teams', ['team_id'], ['id'])";
        Create c = assertInstanceOf(Create.class, effects(fk, POSTGRES).get(0));
        assertEquals("players_team_id_fkey", c.object().name().name());
        assertTrue(c.shape().postgresNamed());
        Forget f = assertInstanceOf(Forget.class, effects(fk, Effects.Naming.UNKNOWN).get(0));
        assertEquals(Forget.Scope.TABLE_KEYS, f.scope());
    }

    @Test
    void raw_sql_folds_unquoted_names_and_keeps_quoted_ones() throws Exception {
        Migration m = RerunSimulationTest.read("def upgrade():\n"
                + "    op.execute('ALTER TABLE Players RENAME COLUMN \"Nick\" TO Nick')\n");
        Operation.RawSql raw = (Operation.RawSql) m.upgrade().get(0);
        Rename r = assertInstanceOf(Rename.class, Effects.of(new SqlClassifier().classify(raw).get(0), POSTGRES).get(0));
        assertEquals(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("players"), "Nick"), r.object());
        assertEquals("nick", r.to());
        // unclassified SQL is opaque: it forgets everything
        assertEquals(Forget.Scope.EVERYTHING, assertInstanceOf(Forget.class, Effects.of(raw, POSTGRES).get(0)).scope());
    }

    @Test
    void a_raw_drop_of_an_unread_name_forgets_its_kind_and_everything_when_it_may_cascade() throws Exception {
        assertEquals(List.of(Forget.kind(ObjectKind.TABLE, null).reaching(Forget.Reach.TAKES)), rawEffects("f'DROP TABLE {name}'"));
        assertEquals(List.of(Forget.kind(ObjectKind.COLUMN, QualifiedName.of("players")).reaching(Forget.Reach.TAKES)),
                rawEffects("f'ALTER TABLE players DROP COLUMN {c}'"));
        // CASCADE takes dependent objects anywhere (views, other tables' foreign keys)
        assertEquals(List.of(Forget.everything().reaching(Forget.Reach.TAKES)), rawEffects("f'DROP TABLE {name} CASCADE'"));
        assertEquals(List.of(Forget.everything().reaching(Forget.Reach.TAKES)), rawEffects("f'ALTER TABLE players DROP CONSTRAINT {c} CASCADE'"));
    }

    @Test
    void a_name_in_public_is_the_unqualified_name_in_every_spelling() throws Exception {
        ObjectRef nickname = ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("users"), "nickname");
        assertEquals(nickname, assertInstanceOf(Drop.class,
                effects("op.drop_column('users', 'nickname', schema='public')", POSTGRES).get(0)).object());
        assertEquals(nickname, assertInstanceOf(Drop.class,
                rawEffects("'ALTER TABLE public.users DROP COLUMN nickname'").get(0)).object());
        assertEquals(nickname, assertInstanceOf(Drop.class,
                effects("op.drop_column('users', 'nickname')", POSTGRES).get(0)).object());
        // create_foreign_key's source_schema; its referent_schema names the referred table the same way
        Create k = assertInstanceOf(Create.class, effects("op.create_foreign_key(None, 'users', 'orgs', ['org_id'],"
                + " ['id'], source_schema='public', referent_schema='public')", POSTGRES).get(0));
        assertEquals(ObjectRef.in(ObjectKind.CONSTRAINT, QualifiedName.of("users"), "users_org_id_fkey"), k.object());
        assertEquals(QualifiedName.of("orgs"), k.shape().references());
        // another schema stays itself
        assertEquals(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("app", "users"), "nickname"),
                assertInstanceOf(Drop.class, effects("op.drop_column('users', 'nickname', schema='app')", POSTGRES)
                        .get(0)).object());
    }

    @Test
    void a_ddl_element_lives_in_the_schema_its_element_names() throws Exception {
        assertEquals(ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("api", "tracking_seq")),
                assertInstanceOf(Create.class, effects("op.execute(CreateSequence(sa.Sequence('tracking_seq',"
                        + " schema='api', start=80)))", POSTGRES).get(0)).object());
        assertEquals(ObjectRef.of(ObjectKind.SEQUENCE, QualifiedName.of("tracking_seq")),
                assertInstanceOf(Drop.class, effects("op.execute(DropSequence(sa.Sequence('tracking_seq',"
                        + " schema='public')))", POSTGRES).get(0)).object());
        assertEquals(ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("api", "level")),
                assertInstanceOf(Create.class, effects("op.execute(postgresql.base.CreateEnumType(postgresql.ENUM("
                        + "'low', 'high', name='level', schema='api')))", POSTGRES).get(0)).object());
    }

    private static List<Effect> rawEffects(String sql) throws Exception {
        Migration m = RerunSimulationTest.read("def upgrade():\n    op.execute(" + sql + ")\n");
        List<Operation> ops = new SqlClassifier().classify((Operation.RawSql) m.upgrade().get(0));
        return Effects.of(ops.get(0), POSTGRES);
    }

    @Test
    void drops_and_renames_name_their_object_and_dynamic_ones_forget_their_kind() throws Exception {
        Drop d = assertInstanceOf(Drop.class, effects("op.drop_index('ix_players_name', table_name='players')", POSTGRES).get(0));
        assertEquals(ObjectKind.INDEX, d.object().kind());
        assertEquals(QualifiedName.of("players"), d.object().table(), "an index names the table it is on");
        Rename r = assertInstanceOf(Rename.class, effects("op.rename_table('players', 'athletes')", POSTGRES).get(0));
        assertEquals(ObjectRef.table(QualifiedName.of("athletes")), r.target());
        assertEquals(List.of(Forget.kind(ObjectKind.TABLE, null).reaching(Forget.Reach.TAKES)), effects("op.drop_table(name)", POSTGRES));
        // a column of players, whichever it is, and (in the state) what its drop takes along
        assertEquals(List.of(Forget.kind(ObjectKind.COLUMN, QualifiedName.of("players")).reaching(Forget.Reach.TAKES)),
                effects("op.drop_column('players', name)", POSTGRES));
        // renamed away from a name we cannot read, to one we can: that name may now be taken
        assertEquals(List.of(Forget.kind(ObjectKind.COLUMN, QualifiedName.of("players")),
                Forget.object(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("players"), "nick"))),
                effects("op.alter_column('players', old, new_column_name='nick')", POSTGRES));
        Forget u = assertInstanceOf(Forget.class, effects("helpers.rebuild('players')", POSTGRES).get(0));
        assertEquals(Forget.Scope.NAMED, u.scope());
    }

    private static List<ObjectRef> created(List<Effect> effects) {
        return effects.stream().filter(Create.class::isInstance).map(e -> ((Create) e).object()).toList();
    }

    private static ObjectRef type(String name) {
        return ObjectRef.of(ObjectKind.TYPE, QualifiedName.of(name));
    }

    @Test
    void create_table_makes_its_enum_types_first_and_once() throws Exception {
        List<Effect> e = effects("op.create_table('games', sa.Column('status', sa.Enum('a', 'b', name='status')),"
                + " sa.Column('old', sa.Enum('a', 'b', name='status')), sa.Column('kind', postgresql.ENUM('x', name='kind')),"
                + " sa.Column('plain', sa.Enum('p', name='plain', native_enum=False)))", POSTGRES);
        List<ObjectRef> c = created(e);
        assertEquals(List.of(type("status"), type("kind"), ObjectRef.table(QualifiedName.of("games"))), c.subList(0, 3));
        assertEquals(List.of("a", "b"), ((Create) e.get(0)).shape().labels());
        assertFalse(c.contains(type("plain")), "native_enum=False makes no type");
    }

    @Test
    void add_column_never_makes_an_enum_type() throws Exception {
        List<Effect> e = effects("op.add_column('games', sa.Column('status', sa.Enum('a', name='status')))", POSTGRES);
        assertEquals(List.of(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("games"), "status")), created(e));
    }

    @Test
    void create_type_false_is_honoured_by_the_dialect_enum_always_and_by_sa_enum_from_sqlalchemy_2_1() throws Exception {
        String generic = "op.create_table('g', sa.Column('s', sa.Enum('a', name='st', create_type=False)))";
        String dialect = "op.create_table('g', sa.Column('s', postgresql.ENUM('a', name='st', create_type=False)))";
        Effects.Naming sa21 = new Effects.Naming(() -> true, () -> dev.idemlint.migration.NamingConvention.SQLALCHEMY_DEFAULT,
                () -> true);
        assertTrue(created(effects(generic, POSTGRES)).contains(type("st")), "SQLAlchemy before 2.1 drops the flag");
        assertFalse(created(effects(generic, sa21)).contains(type("st")));
        assertFalse(created(effects(dialect, POSTGRES)).contains(type("st")));
    }

    @Test
    void an_exclusion_constraint_uses_the_columns_of_its_elements_include_list_and_predicate() throws Exception {
        Map<String, List<String>> read = Map.of(
                "EXCLUDE USING GIST (siren WITH =, short_sirets WITH &&)", List.of("siren", "short_sirets"),
                "EXCLUDE (room WITH =) INCLUDE (note) DEFERRABLE INITIALLY DEFERRED", List.of("room", "note"),
                "EXCLUDE USING gist (tsrange(starts, ends) WITH &&) WHERE (NOT cancelled)",
                List.of("starts", "ends", "cancelled"),
                "EXCLUDE USING btree ((lower(\\\"Code\\\")) WITH =)", List.of("Code"));
        for (var e : read.entrySet()) {
            assertEquals(e.getValue(), exclusionColumns(e.getKey()), e.getKey());
        }
        // an operator class, ordering, a qualified name, storage parameters or a whole-row reference: not read
        for (String unread : List.of("EXCLUDE USING gist (during range_ops WITH &&)", "EXCLUDE (a DESC WITH =)",
                "EXCLUDE (bookings.a WITH =)", "EXCLUDE USING gist (during WITH &&) WITH (fillfactor = 70)",
                "EXCLUDE ((bookings) WITH =)", "EXCLUDE (a WITH =) WHERE (a > (SELECT 1))", "EXCLUDE (a)")) {
            assertEquals(null, exclusionColumns(unread), unread);
        }
    }

    @Test
    void an_exclusion_constraint_made_by_its_op_call_uses_the_columns_of_its_elements() throws Exception {
        assertEquals(List.of("room", "during"), opExclusionColumns(
                "op.create_exclude_constraint('no_overlap', 'bookings', ('room', '='), ('during', '&&'), using='gist')"));
        // a predicate, or an element that is an expression, leaves them unread
        assertEquals(null, opExclusionColumns(
                "op.create_exclude_constraint('no_overlap', 'bookings', ('room', '='), where=sa.text('NOT cancelled'))"));
        assertEquals(null, opExclusionColumns(
                "op.create_exclude_constraint('no_overlap', 'bookings', (sa.text('lower(code)'), '='))"));
    }

    private static List<String> opExclusionColumns(String line) throws Exception {
        Create c = effects(line, POSTGRES).stream().filter(Create.class::isInstance).map(Create.class::cast)
                .findFirst().orElseThrow();
        assertEquals(ConstraintKind.EXCLUDE, c.shape().constraintKind());
        return c.shape().columns();
    }

    private static List<String> exclusionColumns(String exclude) throws Exception {
        List<Effect> e = classified("op.execute(\"ALTER TABLE bookings ADD CONSTRAINT no_overlap " + exclude + "\")");
        Create c = e.stream().filter(Create.class::isInstance).map(Create.class::cast).findFirst().orElseThrow();
        assertEquals(ObjectRef.in(ObjectKind.CONSTRAINT, QualifiedName.of("bookings"), "no_overlap"), c.object());
        assertEquals(ConstraintKind.EXCLUDE, c.shape().constraintKind());
        return c.shape().columns();
    }

    @Test
    void a_non_native_enum_given_by_alter_column_makes_its_check_constraint_or_leaves_it_unknown() throws Exception {
        ObjectRef ck = ObjectRef.in(ObjectKind.CONSTRAINT, QualifiedName.of("activity"), "activitystatus");
        // create_constraint=True makes CHECK activitystatus on every SQLAlchemy version
        List<Effect> made = effects("op.alter_column('activity', 'status', type_=sa.Enum('a', 'b',"
                + " name='activitystatus', native_enum=False, create_constraint=True))", POSTGRES);
        Create c = made.stream().filter(Create.class::isInstance).map(Create.class::cast).findFirst().orElseThrow();
        assertEquals(ck, c.object());
        assertEquals(ConstraintKind.CHECK, c.shape().constraintKind());
        // without it, SQLAlchemy before 1.4 makes it and 1.4 on does not: unknown, never absent
        List<Effect> unknown = effects("op.alter_column('activity', 'status', type_=sa.Enum('a', 'b',"
                + " name='activitystatus', native_enum=False))", POSTGRES);
        assertTrue(unknown.contains(Effect.Forget.object(ck)), unknown::toString);
        assertTrue(created(unknown).isEmpty(), unknown::toString);
        // a native enum, or create_constraint=False, makes none
        for (String line : List.of("op.alter_column('activity', 'status', type_=sa.Enum('a', name='activitystatus'))",
                "op.alter_column('activity', 'status', type_=sa.Enum('a', name='activitystatus', native_enum=False,"
                        + " create_constraint=False))")) {
            assertTrue(effects(line, POSTGRES).stream().noneMatch(x -> x instanceof Effect.Forget || x instanceof Create),
                    line);
        }
        // a ck template renames it: the convention's name is the one made
        Effects.Naming ckConvention = new Effects.Naming(() -> true,
                () -> new dev.idemlint.migration.NamingConvention(Map.of("ck", "ck_%(table_name)s_%(constraint_name)s"),
                        Set.of(), null, true, "test"),
                () -> false);
        List<Effect> named = effects("op.alter_column('activity', 'status', type_=sa.Enum('a', name='activitystatus',"
                + " native_enum=False, create_constraint=True))", ckConvention);
        assertEquals(List.of(ObjectRef.in(ObjectKind.CONSTRAINT, QualifiedName.of("activity"), "ck_activity_activitystatus")),
                created(named));
    }

    @Test
    void column_flags_make_the_index_and_keys_sqlalchemy_and_postgres_name() throws Exception {
        List<Effect> e = effects("op.create_table('players', sa.Column('id', sa.Integer(), primary_key=True),"
                + " sa.Column('name', sa.Text(), index=True), sa.Column('email', sa.Text(), unique=True),"
                + " sa.Column('team_id', sa.Integer(), sa.ForeignKey('teams.id')),"
                + " sa.Column('coach_id', sa.Integer(), sa.ForeignKey('coaches.id', name='fk_coach')))", POSTGRES);
        QualifiedName players = QualifiedName.of("players");
        List<ObjectRef> c = created(e);
        assertTrue(c.contains(new ObjectRef(ObjectKind.INDEX, QualifiedName.of("ix_players_name"), players)), c::toString);
        assertTrue(c.contains(ObjectRef.in(ObjectKind.CONSTRAINT, players, "players_email_key")), c::toString);
        assertTrue(c.contains(ObjectRef.in(ObjectKind.CONSTRAINT, players, "players_team_id_fkey")), c::toString);
        assertTrue(c.contains(ObjectRef.in(ObjectKind.CONSTRAINT, players, "fk_coach")), c::toString);
        Create pk = (Create) e.stream().filter(x -> x instanceof Create k
                && k.object().equals(ObjectRef.in(ObjectKind.CONSTRAINT, players, "players_pkey"))).findFirst().orElseThrow();
        assertEquals(ConstraintKind.PRIMARY_KEY, pk.shape().constraintKind());
        assertTrue(pk.shape().postgresNamed());
        // the index comes after the table it is on
        assertTrue(c.indexOf(ObjectRef.table(players)) < c.indexOf(new ObjectRef(ObjectKind.INDEX,
                QualifiedName.of("ix_players_name"), players)));
    }

    @Test
    void derived_names_under_an_unknown_convention_make_the_tables_keys_unknown() throws Exception {
        List<Effect> e = effects("op.add_column('players', sa.Column('email', sa.Text(), unique=True, index=True))",
                Effects.Naming.UNKNOWN);
        assertEquals(List.of(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("players"), "email")), created(e));
        assertEquals(List.of(Forget.tableKeys(QualifiedName.of("players")).reaching(Forget.Reach.MAKES), Forget.tableKeys(QualifiedName.of("players")).reaching(Forget.Reach.MAKES)),
                e.stream().filter(Forget.class::isInstance).toList());
    }

    @Test
    void schema_keywords_qualify_the_objects_and_their_derived_names() throws Exception {
        List<Effect> e = effects("op.create_table('invoices', sa.Column('n', sa.Text(), index=True), schema='billing')",
                POSTGRES);
        QualifiedName invoices = QualifiedName.of("billing", "invoices");
        List<ObjectRef> c = created(e);
        assertEquals(ObjectRef.table(invoices), c.get(0));
        assertEquals(ObjectRef.in(ObjectKind.COLUMN, invoices, "n"), c.get(1));
        // SQLAlchemy's column_0_label of a column in a schema-qualified table starts with the schema
        assertEquals(new ObjectRef(ObjectKind.INDEX, QualifiedName.of("billing", "ix_billing_invoices_n"), invoices), c.get(2));
        Drop d = assertInstanceOf(Drop.class, effects("op.drop_index('ix_a', table_name='t', schema='s')", POSTGRES).get(0));
        assertEquals(QualifiedName.of("s", "ix_a"), d.object().name());
        assertEquals(QualifiedName.of("s", "t"), d.object().table());
        // a schema the analyzer cannot read is a dynamic name: nothing known is created, a drop forgets
        // every table (whichever schema it is in)
        assertEquals(List.of(), effects("op.create_table('t', sa.Column('a', sa.Text()), schema=s)", POSTGRES).stream()
                .filter(Create.class::isInstance).toList());
        assertEquals(List.of(Forget.kind(ObjectKind.TABLE, null).reaching(Forget.Reach.TAKES)), effects("op.drop_table('t', schema=s)", POSTGRES));
    }

    @Test
    void raw_sql_qualifiers_carry_into_the_name() throws Exception {
        Migration m = RerunSimulationTest.read("def upgrade():\n"
                + "    op.execute('CREATE INDEX ix_a ON \"Billing\".invoices (a)')\n"
                + "    op.execute('CREATE TABLE billing.lines (id int)')\n"
                + "    op.execute('ALTER TABLE audit.log ADD COLUMN note text')\n");
        List<Effect> e = new java.util.ArrayList<>();
        for (Operation op : m.upgrade()) {
            for (Operation o : new SqlClassifier().classify((Operation.RawSql) op)) {
                e.addAll(Effects.of(o, POSTGRES));
            }
        }
        List<ObjectRef> c = created(e);
        assertTrue(c.contains(new ObjectRef(ObjectKind.INDEX, QualifiedName.of("billing", "ix_a"),
                QualifiedName.of("billing", "invoices"))), c::toString);
        assertTrue(c.contains(ObjectRef.table(QualifiedName.of("billing", "lines"))), c::toString);
        assertTrue(c.contains(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("audit", "log"), "note")), c::toString);
        Predicate<ObjectRef> unqualified = r -> r.name().schema() == null;
        assertTrue(c.stream().noneMatch(unqualified), c::toString);
    }

    @Test
    void a_guarded_statement_only_forgets_what_it_touches() {
        QualifiedName t = QualifiedName.of("t");
        List<Effect> e = Effect.uncertain(List.of(new Drop(ObjectRef.table(t), false),
                new Rename(ObjectRef.in(ObjectKind.COLUMN, t, "a"), "b"), new Effect.Require(ObjectRef.table(t))));
        // the rename may take its source and may make its target, not the other way round
        assertEquals(List.of(Forget.object(ObjectRef.table(t)).reaching(Forget.Reach.TAKES),
                Forget.object(ObjectRef.in(ObjectKind.COLUMN, t, "a")).reaching(Forget.Reach.TAKES),
                Forget.object(ObjectRef.in(ObjectKind.COLUMN, t, "b")).reaching(Forget.Reach.MAKES)), e);
    }

    @Test
    void unnamed_keys_take_the_name_postgres_gives_them_and_say_so() throws Exception {
        // a ForeignKey on an added column: Alembic adds it as an unnamed constraint, named <table>_<col>_fkey
        List<Effect> fk = effects("op.add_column('players', sa.Column('team_id', sa.Integer(), sa.ForeignKey('teams.id')))",
                POSTGRES);
        Create c = (Create) fk.get(1);
        assertEquals(ObjectRef.in(ObjectKind.CONSTRAINT, QualifiedName.of("players"), "players_team_id_fkey"), c.object());
        assertTrue(c.shape().postgresNamed());
        // CREATE TABLE's unnamed UNIQUE and PRIMARY KEY constraints, with their columns
        List<Effect> t = effects("op.create_table('seasons', sa.Column('id', sa.Integer()), sa.Column('name', sa.Text()),"
                + " sa.PrimaryKeyConstraint('id'), sa.UniqueConstraint('name'))", POSTGRES);
        // the key's only column, an Integer, is SERIAL as SQLAlchemy renders it
        assertEquals(List.of("seasons.id -> seasons_id_seq"), serials(List.of(t.get(2))));
        Create pk = (Create) t.get(4);
        Create uq = (Create) t.get(5);
        assertEquals(ObjectRef.in(ObjectKind.CONSTRAINT, QualifiedName.of("seasons"), "seasons_pkey"), pk.object());
        assertEquals(List.of("id"), pk.shape().columns());
        assertEquals(ObjectRef.in(ObjectKind.CONSTRAINT, QualifiedName.of("seasons"), "seasons_name_key"), uq.object());
        assertEquals(ConstraintKind.UNIQUE, uq.shape().constraintKind());
        assertTrue(uq.shape().postgresNamed());
        assertEquals(6, t.size());
    }

    @Test
    void an_unnamed_key_never_conflicts_with_the_name_it_would_take() throws Exception {
        // PostgreSQL picks the next free name (seasons_name_key1) when seasons_name_key is taken
        SchemaState state = SchemaState.unknown();
        QualifiedName seasons = QualifiedName.of("seasons");
        state.applyAll(effects("op.create_table('seasons', sa.Column('name', sa.Text()))", POSTGRES));
        assertEquals(java.util.Optional.empty(), state.applyAll(
                effects("op.create_unique_constraint('seasons_name_key', 'seasons', ['name'])", POSTGRES)));
        assertEquals(java.util.Optional.empty(), state.applyAll(
                effects("op.create_unique_constraint(None, 'seasons', ['name'])", POSTGRES)));
        // while the named one, made again, does
        assertTrue(state.applyAll(effects("op.create_unique_constraint('seasons_name_key', 'seasons', ['name'])",
                POSTGRES)).isPresent());
        assertEquals(Presence.PRESENT, state.presence(ObjectRef.in(ObjectKind.CONSTRAINT, seasons, "seasons_name_key")));
    }

    @Test
    void identity_and_default_statements_require_their_column_then_change_it() throws Exception {
        QualifiedName prefs = QualifiedName.of("prefs");
        ObjectRef id = ObjectRef.in(ObjectKind.COLUMN, prefs, "id");
        List<Effect> add = rawEffects("'ALTER TABLE Prefs ALTER COLUMN ID ADD GENERATED ALWAYS AS IDENTITY (START WITH 5)'");
        assertEquals(List.of(new Effect.Require(id), new Effect.AlterColumn(id, Effect.AlterColumn.Change.ADD_IDENTITY,
                QualifiedName.of("prefs_id_seq"))), add);
        assertEquals(Effect.AlterColumn.Change.DROP_DEFAULT, ((Effect.AlterColumn) rawEffects(
                "'ALTER TABLE prefs ALTER COLUMN id DROP DEFAULT'").get(1)).change());
        assertEquals(Effect.AlterColumn.Change.SET_DEFAULT, ((Effect.AlterColumn) rawEffects(
                "\"ALTER TABLE prefs ALTER COLUMN id SET DEFAULT nextval('prefs_id_seq')\"").get(1)).change());
        assertEquals(Effect.AlterColumn.Change.DROP_IDENTITY_IF_EXISTS, ((Effect.AlterColumn) rawEffects(
                "'ALTER TABLE prefs ALTER COLUMN id DROP IDENTITY IF EXISTS'").get(1)).change());
        // an identity action not read to its end, or one under a guard, leaves the identity unknown
        assertEquals(Effect.AlterColumn.Change.UNKNOWN, ((Effect.AlterColumn) rawEffects(
                "'ALTER TABLE prefs ALTER COLUMN id DROP IDENTITY CASCADE'").get(1)).change());
        assertEquals(List.of(new Effect.AlterColumn(id, Effect.AlterColumn.Change.UNKNOWN, QualifiedName.of("prefs_id_seq"))),
                Effect.uncertain(add));
        // alter_column's server_default= (or an sa.Identity() there) may change either
        List<Effect> alter = effects("op.alter_column('prefs', 'id', server_default=None)", POSTGRES);
        assertEquals(List.of(new Effect.Require(id), new Effect.AlterColumn(id, Effect.AlterColumn.Change.UNKNOWN, null)),
                alter);
        // the sequence takes PostgreSQL's name for it, cut to 63 bytes
        String longTable = "t".repeat(70);
        Effect.AlterColumn a = (Effect.AlterColumn) rawEffects("'ALTER TABLE " + longTable
                + " ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY'").get(1);
        assertEquals("t".repeat(56) + "_id_seq", a.sequence().name());
    }

    @Test
    void a_column_is_required_when_not_null_without_a_default_and_a_lone_integer_key_is_serial() throws Exception {
        Migration m = RerunSimulationTest.read("def upgrade():\n    op.create_table('t', sa.Column('id', sa.Integer(),"
                + " primary_key=True), sa.Column('code', sa.Text(), nullable=False), sa.Column('note', sa.Text(),"
                + " nullable=False, server_default='x'), sa.Column('extra', sa.Text()))\n");
        List<ColumnDef> cols = ((Operation.CreateTable) m.upgrade().get(0)).columns();
        Predicate<ColumnDef> lonePk = c -> Effects.required(c, m.source().slice(c.span()), false, true);
        assertFalse(lonePk.test(cols.get(0)));
        // one of a composite key: no SERIAL
        assertTrue(Effects.required(cols.get(0), m.source().slice(cols.get(0).span()), false, false));
        assertTrue(lonePk.test(cols.get(1)));
        assertFalse(lonePk.test(cols.get(2)));
        assertFalse(lonePk.test(cols.get(3)));
        assertTrue(Effects.required(cols.get(1), "code text NOT NULL", true, false));
        assertFalse(Effects.required(cols.get(0), "id bigserial PRIMARY KEY", true, true));
    }

    @Test
    void the_table_an_operation_needs_and_the_one_it_acts_on() throws Exception {
        Operation drop = RerunSimulationTest.read("def upgrade():\n    op.drop_table('players')\n").upgrade().get(0);
        assertEquals("players", Effects.tableOf(drop));
        assertEquals(null, Effects.requiredTable(drop));
        Operation add = RerunSimulationTest.read("def upgrade():\n    op.add_column('players', sa.Column('n', sa.Text()))\n")
                .upgrade().get(0);
        assertEquals("players", Effects.requiredTable(add));
        assertFalse(Effects.dynamicName(add));
        Operation dyn = RerunSimulationTest.read("def upgrade():\n    op.drop_table(name)\n").upgrade().get(0);
        assertTrue(Effects.dynamicName(dyn));
    }
}
