package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.pg.PgCluster.TempDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL facts that need no Alembic: plain SQL through psql on a fresh database per test.
 * "Re-run" means the same statement executed a second time in a new transaction.
 */
@Tag("postgres")
class PostgresFactsTest {

    private PgCluster cluster;
    private TempDatabase db;

    @BeforeEach
    void freshDatabase() {
        cluster = PgCluster.require();
        db = cluster.createDatabase();
        ok("""
                CREATE TABLE teams (id int PRIMARY KEY, code text);
                CREATE TABLE players (id int PRIMARY KEY, team_id int, age int, nick text);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                """);
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    private SqlOutcome ok(String sql) {
        SqlOutcome o = db.exec(sql);
        assertTrue(o.ok(), () -> "expected success of\n" + sql + "\nbut: " + o);
        return o;
    }

    private SqlOutcome fails(String sql, String sqlstate) {
        SqlOutcome o = db.exec(sql);
        assertFalse(o.ok(), () -> "expected " + sqlstate + " from\n" + sql + "\nbut it passed");
        assertEquals(sqlstate, o.sqlstate(), o::toString);
        return o;
    }

    /**
     * {@link PostgresFacts#conversionFails}, row by row: each known conversion function with each argument count it
     * has, on an empty column of a type of each family, converting the column to the type it already has (as a
     * re-run does). 42883 exactly where the table says so; anything else (success, or another error) where not.
     */
    @Test
    void a_conversion_function_fails_42883_exactly_on_the_types_the_facts_name() {
        List<String> types = List.of("text", "character varying(20)", "integer", "bigint", "numeric", "double precision",
                "boolean", "date", "timestamp without time zone", "timestamp with time zone", "json", "jsonb", "uuid",
                "text[]", "integer[]", "bytea", "inet");
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (var f : PostgresFacts.conversionFunctions().entrySet()) {
            for (int arity : f.getValue()) {
                for (String type : types) {
                    String args = "c" + ", 'YYYY'".repeat(arity - 1);
                    if (f.getKey().equals("split_part")) {
                        args = "c, ',', 1";
                    }
                    SqlOutcome o = db.exec("CREATE TABLE conv (c " + type + "); ALTER TABLE conv ALTER COLUMN c TYPE "
                            + type + " USING " + f.getKey() + "(" + args + "); DROP TABLE IF EXISTS conv;");
                    db.exec("DROP TABLE IF EXISTS conv");
                    boolean fails = !o.ok() && "42883".equals(o.sqlstate());
                    checked++;
                    if (fails != PostgresFacts.conversionFails(f.getKey(), arity, type)) {
                        mismatches.add(f.getKey() + "/" + arity + " on " + type + ": " + o);
                    }
                }
            }
        }
        assertTrue(checked >= 100, "rows checked: " + checked);
        assertTrue(mismatches.isEmpty(), () -> String.join("\n", mismatches));
    }

    /**
     * {@link PostgresFacts#castMissing}, pair by pair: a type change of another column whose {@code USING} casts an
     * empty column of each type to each target, as a re-run meets it ({@code ALTER COLUMN meta TYPE jsonb USING
     * external_id::jsonb} once {@code external_id} is a bigint). 42846 exactly where the facts say so for a type of a
     * family they know; never claimed where the statement passes, and a statement that reads the column the same
     * statement retypes sees the type the statement starts with.
     */
    @Test
    void a_cast_in_using_fails_42846_exactly_where_the_facts_say() {
        List<String> types = List.of("text", "character varying(20)", "character(3)", "name", "smallint", "integer",
                "bigint", "numeric", "numeric(10,2)", "real", "double precision", "boolean", "date",
                "timestamp without time zone", "timestamp with time zone", "time without time zone",
                "time with time zone", "interval", "json", "jsonb", "uuid", "bytea", "text[]", "integer[]", "inet",
                "cidr", "money", "macaddr");
        List<String> targets = List.of("json", "jsonb", "uuid", "smallint", "integer", "bigint", "numeric", "boolean",
                "text");
        StringBuilder columns = new StringBuilder();
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            columns.append("c").append(i).append(' ').append(types.get(i)).append(", ");
            for (String to : targets) {
                statements.add("ALTER TABLE conv ALTER COLUMN d TYPE " + to + " USING c" + i + "::" + to);
            }
        }
        ok("CREATE TABLE conv (" + columns + "d text)");
        List<String> states = eachAlone(statements);
        db.exec("DROP TABLE IF EXISTS conv");
        List<String> mismatches = new ArrayList<>();
        int claimed = 0;
        for (int k = 0; k < statements.size(); k++) {
            String type = types.get(k / targets.size());
            String to = targets.get(k % targets.size());
            boolean fails = "42846".equals(states.get(k));
            boolean says = PostgresFacts.castMissing(type, to);
            claimed += says ? 1 : 0;
            // money and macaddr are of no family the facts know: nothing is claimed of them
            boolean known = !type.equals("money") && !type.equals("macaddr");
            if (says && !fails || known && fails != says) {
                mismatches.add(type + "::" + to + ": facts " + says + ", " + states.get(k));
            }
        }
        // the USING of a statement reads the types it starts with: the cast below sees text, then bigint
        ok("CREATE TABLE conv (a text, m json); ALTER TABLE conv ALTER COLUMN a TYPE bigint USING a::bigint,"
                + " ALTER COLUMN m TYPE jsonb USING a::jsonb");
        SqlOutcome again = db.exec("ALTER TABLE conv ALTER COLUMN a TYPE bigint USING a::bigint,"
                + " ALTER COLUMN m TYPE jsonb USING a::jsonb");
        db.exec("DROP TABLE IF EXISTS conv");
        assertEquals("42846", again.sqlstate(), again::toString);
        assertTrue(claimed >= 100, "pairs claimed: " + claimed);
        assertTrue(mismatches.isEmpty(), () -> String.join("\n", mismatches));
    }

    /**
     * {@link PostgresFacts#conversionFailsOnEnum}, row by row: each known conversion function with each argument count
     * it has, on an empty column of an enum type, converting it to that enum again (as a re-run of a conversion to
     * the enum does, {@code cast(upper(c) as mood)}). 42883 exactly where the facts say so.
     */
    @Test
    void a_conversion_function_fails_42883_on_an_enum_column_exactly_where_the_facts_say() {
        ok("CREATE TYPE mood AS ENUM ('HAPPY', 'SAD')");
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (var f : PostgresFacts.conversionFunctions().entrySet()) {
            for (int arity : f.getValue()) {
                String args = "c" + ", 'YYYY'".repeat(arity - 1);
                if (f.getKey().equals("split_part")) {
                    args = "c, ',', 1";
                }
                SqlOutcome o = db.exec("CREATE TABLE conv (c mood); ALTER TABLE conv ALTER COLUMN c TYPE mood USING cast("
                        + f.getKey() + "(" + args + ") as mood); DROP TABLE IF EXISTS conv;");
                db.exec("DROP TABLE IF EXISTS conv");
                boolean fails = !o.ok() && "42883".equals(o.sqlstate());
                checked++;
                if (fails != PostgresFacts.conversionFailsOnEnum(f.getKey(), arity)) {
                    mismatches.add(f.getKey() + "/" + arity + " on an enum: " + o);
                }
            }
        }
        // and the first run: upper() on the text column the enum replaces
        ok("CREATE TABLE conv (c text); ALTER TABLE conv ALTER COLUMN c TYPE mood USING cast(upper(c) as mood)");
        assertTrue(checked >= 9, "rows checked: " + checked);
        assertTrue(mismatches.isEmpty(), () -> String.join("\n", mismatches));
    }

    /**
     * {@link PostgresFacts#conversionFails(dev.idemlint.migration.TypeChange, String)} with a shift, row by row: a
     * conversion that adds an integer to the column or subtracts one ({@code to_timestamp(c + 18000)}, {@code c - 5}),
     * on an empty column of a type of each family, converting it to the type it already has. 42883 exactly where the
     * facts say so.
     */
    @Test
    void a_shift_by_an_integer_fails_42883_exactly_on_the_types_the_facts_name() {
        List<String> types = List.of("text", "character varying(20)", "integer", "bigint", "numeric", "double precision",
                "boolean", "date", "timestamp without time zone", "timestamp with time zone", "time without time zone",
                "time with time zone", "interval", "json", "uuid", "bytea");
        List<String> mismatches = new ArrayList<>();
        for (String type : types) {
            for (String using : List.of("c + 18000", "c - -5", "to_timestamp(c + 18000)", "to_date(c - 1, 'YYYY')")) {
                var change = dev.idemlint.migration.TypeChange.of(type, using, "c");
                assertTrue(change.shift() != null, using);
                SqlOutcome o = db.exec("CREATE TABLE conv (c " + type + "); ALTER TABLE conv ALTER COLUMN c TYPE "
                        + type + " USING " + using + "; DROP TABLE IF EXISTS conv;");
                db.exec("DROP TABLE IF EXISTS conv");
                boolean fails = !o.ok() && "42883".equals(o.sqlstate());
                // where the facts claim nothing, the statement may fail in other ways (a USING result of another type)
                if (PostgresFacts.conversionFails(change, type) && !fails) {
                    mismatches.add(using + " on " + type + " claimed, but: " + o);
                }
                // and a type the facts say takes no integer fails at the operator (other types may fail there too:
                // the facts name the few a conversion shifts in practice)
                if (PostgresFacts.shiftFails(type) && !(fails && o.message().contains("operator does not exist"))) {
                    mismatches.add(using + " on " + type + ": shiftFails " + PostgresFacts.shiftFails(type) + ", " + o);
                }
            }
        }
        assertTrue(mismatches.isEmpty(), () -> String.join("\n", mismatches));
    }

    /**
     * The SQLSTATE each of {@code statements} raises (null where it passes), each run alone in a subtransaction of one
     * DO block: PostgreSQL parses a statement it EXECUTEs as it parses one sent alone, and one psql run checks them all.
     */
    private List<String> eachAlone(List<String> statements) {
        StringBuilder array = new StringBuilder();
        for (String st : statements) {
            array.append(array.length() == 0 ? "" : ", ").append("$st$").append(st).append("$st$");
        }
        SqlOutcome o = ok("DO $do$ DECLARE i int := 0; st text; BEGIN FOREACH st IN ARRAY ARRAY[" + array
                + "]::text[] LOOP i := i + 1; BEGIN EXECUTE st; RAISE NOTICE 'statement % ok', i;"
                + " EXCEPTION WHEN others THEN RAISE NOTICE 'statement % %', i, SQLSTATE; END; END LOOP; END $do$");
        List<String> out = new ArrayList<>();
        for (String n : o.notices()) {
            String[] parts = n.split(" ");
            if (parts.length == 4 && parts[1].equals("statement")) {
                assertEquals(out.size() + 1, Integer.parseInt(parts[2]), o::toString);
                out.add(parts[3].equals("ok") ? null : parts[3]);
            }
        }
        assertEquals(statements.size(), out.size(), o::toString);
        return out;
    }

    /** One empty table per type, {@code retyped_<index>(c type, other text)}. */
    private void tablesOf(List<String> types) {
        StringBuilder sql = new StringBuilder("CREATE TYPE mood AS ENUM ('HAPPY', 'SAD');");
        for (int t = 0; t < types.size(); t++) {
            sql.append(" CREATE TABLE retyped_").append(t).append(" (c ").append(types.get(t)).append(", other text);");
        }
        ok(sql.toString());
    }

    /**
     * {@link PostgresFacts#textFunctionFails} and {@link PostgresFacts#likeFails}, row by row: each text function and
     * {@code [NOT] LIKE}/{@code ILIKE} on an empty column of each type, in an {@code UPDATE} and a {@code SELECT}
     * (read-before-type-change). The statement fails with the facts' SQLSTATE exactly where they name one, and passes
     * on every text type (the type the first run read).
     */
    @Test
    void a_text_function_or_like_fails_42883_exactly_on_the_types_the_facts_name() {
        List<String> types = List.of("text", "character varying(20)", "character(5)", "mood", "smallint", "integer",
                "bigint", "numeric", "double precision", "json", "jsonb");
        List<String> reads = List.of("upper(c)", "lower(c)", "initcap(c)", "trim(c)", "btrim(c)", "ltrim(c)",
                "rtrim(c)", "c LIKE 'x%'", "c NOT LIKE 'x%'", "c ILIKE 'x%'", "c NOT ILIKE 'x%'");
        tablesOf(types);
        List<String> statements = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < types.size(); t++) {
            String type = types.get(t);
            boolean nativeEnum = type.equals("mood");
            for (String read : reads) {
                var fails = read.startsWith("c ") ? PostgresFacts.likeFails(type, nativeEnum)
                        : PostgresFacts.textFunctionFails(read.substring(0, read.indexOf('(')), type, nativeEnum);
                statements.add("UPDATE retyped_" + t + " SET other = 'x' WHERE (" + read + ") IS NOT NULL");
                statements.add("SELECT (" + read + ") IS NULL FROM retyped_" + t);
                expected.add(fails == null ? null : fails.code());
                expected.add(fails == null ? null : fails.code());
            }
        }
        List<String> got = eachAlone(statements);
        List<String> mismatches = new ArrayList<>();
        for (int k = 0; k < statements.size(); k++) {
            if (!java.util.Objects.equals(got.get(k), expected.get(k))) {
                mismatches.add(statements.get(k) + ": facts " + expected.get(k) + ", server " + got.get(k));
            }
        }
        assertTrue(expected.stream().filter(java.util.Objects::nonNull).count() >= 100, "claims: " + expected);
        assertTrue(mismatches.isEmpty(), () -> String.join("\n", mismatches) + "\n" + types);
    }

    /**
     * {@link PostgresFacts#comparisonFails}, row by row: an empty column of each type compared ({@code =}, {@code <>},
     * {@code !=}, either side) with each constant. Where the facts name a SQLSTATE the statement fails with it; where
     * they name none the server may still refuse (an enum label not declared), but every text type takes every constant.
     */
    @Test
    void a_comparison_with_a_constant_fails_where_the_facts_say_and_with_their_sqlstate() {
        List<String> types = List.of("text", "character varying(20)", "mood", "smallint", "integer", "bigint",
                "numeric", "json", "jsonb");
        List<String> literals = List.of("", " ", "[]", "{}", "null", "true", "nul", "abc", "-1", " 7 ", "0x1F", "HAPPY",
                "NaN", "\"s\"");
        tablesOf(types);
        List<String> statements = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<Boolean> text = new ArrayList<>();
        for (int t = 0; t < types.size(); t++) {
            String type = types.get(t);
            for (String literal : literals) {
                var fails = PostgresFacts.comparisonFails(literal, type, type.equals("mood"));
                String quoted = "'" + literal.replace("'", "''") + "'";
                for (String where : List.of("c = " + quoted, "c <> " + quoted, "c != " + quoted, quoted + " = c")) {
                    statements.add("UPDATE retyped_" + t + " SET other = 'x' WHERE " + where);
                    expected.add(fails == null ? null : fails.code());
                    text.add("string".equals(PostgresFacts.typeFamily(type)));
                }
            }
        }
        List<String> got = eachAlone(statements);
        List<String> mismatches = new ArrayList<>();
        for (int k = 0; k < statements.size(); k++) {
            if (expected.get(k) != null ? !expected.get(k).equals(got.get(k)) : text.get(k) && got.get(k) != null) {
                mismatches.add(statements.get(k) + ": facts " + expected.get(k) + ", server " + got.get(k));
            }
        }
        assertTrue(expected.stream().filter(java.util.Objects::nonNull).count() >= 40, "claims: " + expected);
        assertTrue(mismatches.isEmpty(), () -> String.join("\n", mismatches) + "\n" + types);
    }

    // (f)
    @Test
    void create_type_if_not_exists_is_a_syntax_error_42601() {
        fails("CREATE TYPE IF NOT EXISTS division AS ENUM ('boys', 'girls')", "42601");
    }

    // (f)
    @Test
    void add_constraint_if_not_exists_is_a_syntax_error_42601() {
        fails("ALTER TABLE teams ADD CONSTRAINT IF NOT EXISTS uq_code UNIQUE (code)", "42601");
    }

    // (g)
    @Test
    void do_block_catching_duplicate_object_reruns_create_type_cleanly() {
        String guarded = """
                DO $$ BEGIN
                  CREATE TYPE division AS ENUM ('boys', 'girls');
                EXCEPTION WHEN duplicate_object THEN null;
                END $$;
                """;
        ok(guarded);
        ok(guarded);
        fails("CREATE TYPE division AS ENUM ('boys', 'girls')", "42710");
    }

    // (g) a unique constraint's duplicate is duplicate_table (42P07), which the handler does not name
    @Test
    void do_block_catching_only_duplicate_object_does_not_catch_a_duplicate_unique_constraint_42P07() {
        String guarded = """
                DO $$ BEGIN
                  ALTER TABLE teams ADD CONSTRAINT uq_teams_code UNIQUE (code);
                EXCEPTION WHEN duplicate_object THEN null;
                END $$;
                """;
        ok(guarded);
        fails(guarded, "42P07");
        ok(guarded.replace("duplicate_object", "duplicate_object OR duplicate_table"));
    }

    // (k)
    @Test
    void alter_type_add_value_if_not_exists_reruns_with_a_notice() {
        ok("CREATE TYPE division AS ENUM ('boys', 'girls')");
        ok("ALTER TYPE division ADD VALUE IF NOT EXISTS 'coed'");
        SqlOutcome again = ok("ALTER TYPE division ADD VALUE IF NOT EXISTS 'coed'");
        assertTrue(again.notices().stream().anyMatch(n -> n.startsWith("42710: enum label \"coed\" already exists, skipping")),
                again::toString);
        fails("ALTER TYPE division ADD VALUE 'coed'", "42710");
    }

    // PostgresFacts.tableMissing: a statement on an object of a missing table raises the table's error first,
    // whatever its own IF [NOT] EXISTS says.
    @ParameterizedTest
    @ValueSource(strings = {
        "ALTER TABLE gone ADD COLUMN IF NOT EXISTS a int",
        "ALTER TABLE gone DROP COLUMN IF EXISTS a",
        "ALTER TABLE gone DROP CONSTRAINT IF EXISTS c",
        "ALTER TABLE gone ADD CONSTRAINT c UNIQUE (a)",
        "ALTER TABLE gone RENAME COLUMN a TO b",
        "CREATE INDEX IF NOT EXISTS ix_gone ON gone (a)",
        "CREATE TRIGGER gone_touch BEFORE INSERT ON gone FOR EACH ROW EXECUTE FUNCTION touch()",
    })
    void a_statement_on_a_missing_table_raises_the_missing_table_code(String sql) {
        fails(sql, PostgresFacts.tableMissing().code());
    }

    @Test
    void alter_table_if_exists_skips_a_missing_table() {
        ok("ALTER TABLE IF EXISTS gone DROP COLUMN IF EXISTS a");
    }

    // PostgresFacts.dropSkipsMissingTable
    @Test
    void drop_if_exists_on_a_missing_table_skips_for_the_kinds_the_facts_name() {
        assertTrue(PostgresFacts.dropSkipsMissingTable(ObjectKind.TRIGGER));
        assertTrue(PostgresFacts.dropSkipsMissingTable(ObjectKind.POLICY));
        assertTrue(PostgresFacts.dropSkipsMissingTable(ObjectKind.RULE));
        ok("DROP TRIGGER IF EXISTS t ON gone");
        ok("DROP POLICY IF EXISTS p ON gone");
        ok("DROP RULE IF EXISTS r ON gone");
    }

    // (l)
    @Test
    void create_trigger_rerun_fails_42710() {
        String sql = "CREATE TRIGGER players_touch BEFORE INSERT ON players FOR EACH ROW EXECUTE FUNCTION touch()";
        ok(sql);
        fails(sql, "42710");
    }

    // (l) OR REPLACE for triggers exists since PostgreSQL 14
    @Test
    void create_or_replace_trigger_reruns_cleanly() {
        String sql = "CREATE OR REPLACE TRIGGER players_touch BEFORE INSERT ON players "
                + "FOR EACH ROW EXECUTE FUNCTION touch()";
        ok(sql);
        ok(sql);
    }

    // (l)
    @Test
    void create_policy_rerun_fails_42710() {
        String sql = "CREATE POLICY players_all ON players USING (true)";
        ok(sql);
        fails(sql, "42710");
    }

    // (l)
    @Test
    void rename_column_rerun_fails_undefined_column_42703() {
        String sql = "ALTER TABLE players RENAME COLUMN nick TO nickname";
        ok(sql);
        fails(sql, "42703");
    }

    // (d) the SQL spellings behind Alembic's constraint ops
    @Test
    void add_constraint_reruns_fail_with_codes_that_differ_by_kind() {
        String pk = "ALTER TABLE teams DROP CONSTRAINT teams_pkey; ALTER TABLE teams ADD CONSTRAINT pk_teams PRIMARY KEY (id)";
        ok(pk);
        fails("ALTER TABLE teams ADD CONSTRAINT pk_teams PRIMARY KEY (id)", "42P16");
        String fk = "ALTER TABLE players ADD CONSTRAINT fk_team FOREIGN KEY (team_id) REFERENCES teams (id)";
        ok(fk);
        fails(fk, "42710");
        String check = "ALTER TABLE players ADD CONSTRAINT ck_age CHECK (age > 0)";
        ok(check);
        fails(check, "42710");
        String unique = "ALTER TABLE teams ADD CONSTRAINT uq_code UNIQUE (code)";
        ok(unique);
        fails(unique, "42P07");
        String exclude = "ALTER TABLE teams ADD CONSTRAINT ex_code EXCLUDE USING btree (code WITH =)";
        ok(exclude);
        fails(exclude, "42P07");
    }

    // SchemaState.primaryKey: a table has one primary key, whatever it is called
    @Test
    void a_second_primary_key_fails_42P16_under_any_name_until_the_first_is_dropped_by_its_own() {
        fails("ALTER TABLE teams ADD CONSTRAINT other_pk PRIMARY KEY (code)", "42P16");
        // with no primary key left, one of any name may be added, and the names of the old key and its index are free
        ok("ALTER TABLE teams DROP CONSTRAINT teams_pkey; ALTER TABLE teams ADD CONSTRAINT other_pk PRIMARY KEY (code)");
        ok("CREATE INDEX teams_pkey ON teams (id)");
    }

    // CREATE TABLE new (LIKE old INCLUDING DEFAULTS), and INCLUDING ALL, copy a serial column's default
    // nextval('old_id_seq'): new's column then needs the sequence old's column owns, and DROP TABLE old without
    // CASCADE fails 2BP01 on its first run, and so do DROP COLUMN of that column and DROP SEQUENCE, until the copy's
    // default is dropped; CASCADE drops the default. A copy of the copy takes the same default. A plain LIKE copies no
    // default, and an identity column's copy gets a sequence of its own, so old drops (PostgresFacts
    // .defaultUsesSequence, SchemaState.copyColumns; rule drop-table-with-dependents).
    @Test
    void like_including_defaults_of_a_serial_column_keeps_its_source_from_being_dropped_2BP01() {
        ok("CREATE TABLE runs (id serial PRIMARY KEY, note text)");
        ok("CREATE TABLE runs_all (LIKE runs INCLUDING ALL)");
        SqlOutcome o = fails("DROP TABLE runs", "2BP01");
        assertTrue(o.stderr().contains("depends on sequence runs_id_seq"), o::stderr);
        ok("DROP TABLE runs_all");
        ok("CREATE TABLE runs_defaults (LIKE runs INCLUDING DEFAULTS)");
        fails("DROP TABLE runs", "2BP01");
        ok("DROP TABLE runs_defaults; CREATE TABLE runs_plain (LIKE runs); DROP TABLE runs");
        ok("CREATE TABLE jobs (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)");
        ok("CREATE TABLE jobs_all (LIKE jobs INCLUDING ALL); DROP TABLE jobs");
        ok("CREATE TABLE laps (id serial PRIMARY KEY); CREATE TABLE laps_copy (LIKE laps INCLUDING DEFAULTS)");
        ok("CREATE TABLE laps_copy2 (LIKE laps_copy INCLUDING DEFAULTS); DROP TABLE laps_copy");
        fails("ALTER TABLE laps DROP COLUMN id", "2BP01");
        fails("ALTER TABLE laps ALTER COLUMN id DROP DEFAULT; DROP SEQUENCE laps_id_seq", "2BP01");
        ok("ALTER TABLE laps_copy2 ALTER COLUMN id DROP DEFAULT; DROP TABLE laps");
        ok("CREATE TABLE heats (id serial PRIMARY KEY); CREATE TABLE heats_copy (LIKE heats INCLUDING ALL)");
        ok("DROP TABLE heats CASCADE");
        // the copy's default went, its column stayed
        ok("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid"
                + " WHERE c.relname = 'heats_copy') THEN RAISE EXCEPTION 'default left'; END IF; END $$");
        ok("SELECT id FROM heats_copy");
    }

    // A foreign key made apart from its column (create_foreign_key: ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY)
    // keeps the table it references from DROP TABLE without CASCADE, as a column's REFERENCES does; CASCADE drops
    // the constraint, not its table (SchemaState.referencedBy; drop-table-with-dependents).
    @Test
    void a_foreign_key_added_apart_keeps_its_referenced_table_from_being_dropped_2BP01() {
        ok("CREATE TABLE squads (id int PRIMARY KEY); CREATE TABLE members (id int PRIMARY KEY, squad_id int)");
        ok("ALTER TABLE members ADD CONSTRAINT fk_members_squad FOREIGN KEY (squad_id) REFERENCES squads (id)");
        fails("DROP TABLE squads", "2BP01");
        fails("DROP TABLE IF EXISTS squads", "2BP01");
        ok("DROP TABLE squads CASCADE");
        ok("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'fk_members_squad')"
                + " THEN RAISE EXCEPTION 'key left'; END IF; END $$");
        ok("SELECT squad_id FROM members");
    }

    // The guarded spellings our fixes write must really re-run cleanly.
    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER TABLE players ADD COLUMN IF NOT EXISTS custom_notes text",
            "CREATE TABLE IF NOT EXISTS oauth_tokens (id int PRIMARY KEY)",
            "CREATE INDEX IF NOT EXISTS ix_players_age ON players (age)",
            "CREATE UNIQUE INDEX IF NOT EXISTS ux_teams_code ON teams (code)",
            "CREATE SEQUENCE IF NOT EXISTS ticket_seq",
            "CREATE SCHEMA IF NOT EXISTS audit",
            "CREATE EXTENSION IF NOT EXISTS plpgsql",
            "CREATE OR REPLACE VIEW adults AS SELECT id FROM players WHERE age >= 18",
            "CREATE OR REPLACE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            "ALTER TABLE players DROP COLUMN IF EXISTS nick",
            "DROP INDEX IF EXISTS ix_nothing",
            "DROP TABLE IF EXISTS nothing",
            "DROP TYPE IF EXISTS nothing",
            "ALTER TABLE players DROP CONSTRAINT IF EXISTS nothing",
    })
    void guarded_statement_reruns_cleanly(String sql) {
        ok(sql);
        ok(sql);
    }
}
