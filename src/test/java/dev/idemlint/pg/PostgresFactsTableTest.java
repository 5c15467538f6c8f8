package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.pg.PgCluster.TempDatabase;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@link PostgresFacts} on a real server, each in a database of its own: the
 * duplicate CREATE raises the row's SQLSTATE, {@code IF NOT EXISTS} and {@code OR REPLACE} are
 * accepted exactly when the row says so for this server's version, a DO block catching the row's
 * condition re-runs cleanly, and DROP / ALTER ... RENAME of a missing object raise the row's codes.
 */
@Tag("postgres")
class PostgresFactsTableTest {

    /**
     * Statements for one kind. {@code create} holds {@code %s} where {@code IF NOT EXISTS} goes, {@code drop}
     * where {@code IF EXISTS} goes; both drop and rename name an object that does not exist. {@code {u}}
     * becomes a name unique to the run, for the objects of the whole cluster (roles, databases).
     */
    record Example(String setup, String create, String drop, String rename, String cleanup, boolean inDoBlock) {
        Example(String setup, String create, String drop, String rename) {
            this(setup, create, drop, rename, null, true);
        }
    }

    private static final String TABLE = "CREATE TABLE t (a int, b int)";
    private static final String FDW = "CREATE FOREIGN DATA WRAPPER w";
    private static final String SERVER = FDW + "; CREATE SERVER s FOREIGN DATA WRAPPER w";

    static final Map<ObjectKind, Example> EXAMPLES = new EnumMap<>(Map.ofEntries(
            Map.entry(ObjectKind.TABLE, new Example("", "CREATE TABLE %s t1 (a int)", "DROP TABLE %s nope",
                    "ALTER TABLE nope RENAME TO x")),
            Map.entry(ObjectKind.COLUMN, new Example(TABLE, "ALTER TABLE t ADD COLUMN %s c int",
                    "ALTER TABLE t DROP COLUMN %s nope", "ALTER TABLE t RENAME COLUMN nope TO x")),
            Map.entry(ObjectKind.INDEX, new Example(TABLE, "CREATE INDEX %s i1 ON t (a)", "DROP INDEX %s nope",
                    "ALTER INDEX nope RENAME TO x")),
            Map.entry(ObjectKind.CONSTRAINT, new Example(TABLE, "ALTER TABLE t ADD CONSTRAINT %s ck CHECK (a > 0)",
                    "ALTER TABLE t DROP CONSTRAINT %s nope", "ALTER TABLE t RENAME CONSTRAINT nope TO x")),
            Map.entry(ObjectKind.SEQUENCE, new Example("", "CREATE SEQUENCE %s s1", "DROP SEQUENCE %s nope",
                    "ALTER SEQUENCE nope RENAME TO x")),
            Map.entry(ObjectKind.TYPE, new Example("", "CREATE TYPE %s ty AS ENUM ('a')", "DROP TYPE %s nope",
                    "ALTER TYPE nope RENAME TO x")),
            Map.entry(ObjectKind.DOMAIN, new Example("", "CREATE DOMAIN %s d1 AS int", "DROP DOMAIN %s nope",
                    "ALTER DOMAIN nope RENAME TO x")),
            Map.entry(ObjectKind.VIEW, new Example("", "CREATE VIEW %s v1 AS SELECT 1 AS a", "DROP VIEW %s nope",
                    "ALTER VIEW nope RENAME TO x")),
            Map.entry(ObjectKind.MATERIALIZED_VIEW, new Example("", "CREATE MATERIALIZED VIEW %s mv AS SELECT 1 AS a",
                    "DROP MATERIALIZED VIEW %s nope", "ALTER MATERIALIZED VIEW nope RENAME TO x")),
            Map.entry(ObjectKind.FUNCTION, new Example("", "CREATE FUNCTION %s f1() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                    "DROP FUNCTION %s nope()", "ALTER FUNCTION nope() RENAME TO x")),
            Map.entry(ObjectKind.PROCEDURE, new Example("", "CREATE PROCEDURE %s p1() LANGUAGE sql AS ''",
                    "DROP PROCEDURE %s nope()", "ALTER PROCEDURE nope() RENAME TO x")),
            Map.entry(ObjectKind.AGGREGATE, new Example("", "CREATE AGGREGATE %s ag(int) (SFUNC = int4pl, STYPE = int)",
                    "DROP AGGREGATE %s nope(int)", "ALTER AGGREGATE nope(int) RENAME TO x")),
            Map.entry(ObjectKind.OPERATOR, new Example("",
                    "CREATE OPERATOR %s === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq)",
                    "DROP OPERATOR %s ==== (int, int)", null)),
            Map.entry(ObjectKind.TRIGGER, new Example(TABLE + "; CREATE FUNCTION tf() RETURNS trigger"
                    + " LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                    "CREATE TRIGGER %s tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf()",
                    "DROP TRIGGER %s nope ON t", "ALTER TRIGGER nope ON t RENAME TO x")),
            Map.entry(ObjectKind.POLICY, new Example(TABLE, "CREATE POLICY %s po ON t USING (true)",
                    "DROP POLICY %s nope ON t", "ALTER POLICY nope ON t RENAME TO x")),
            Map.entry(ObjectKind.RULE, new Example(TABLE, "CREATE RULE %s ru AS ON INSERT TO t DO ALSO NOTHING",
                    "DROP RULE %s nope ON t", "ALTER RULE nope ON t RENAME TO x")),
            Map.entry(ObjectKind.STATISTICS, new Example(TABLE, "CREATE STATISTICS %s st ON a, b FROM t",
                    "DROP STATISTICS %s nope", "ALTER STATISTICS nope RENAME TO x")),
            Map.entry(ObjectKind.PUBLICATION, new Example(TABLE, "CREATE PUBLICATION %s pu FOR TABLE t",
                    "DROP PUBLICATION %s nope", "ALTER PUBLICATION nope RENAME TO x")),
            // connect = false: no publisher is needed; the slot name must go before the DROP can skip it.
            Map.entry(ObjectKind.SUBSCRIPTION, new Example("",
                    "CREATE SUBSCRIPTION %s su CONNECTION 'dbname=nope' PUBLICATION pu WITH (connect = false)",
                    "DROP SUBSCRIPTION %s nope", "ALTER SUBSCRIPTION nope RENAME TO x",
                    "ALTER SUBSCRIPTION su SET (slot_name = NONE); DROP SUBSCRIPTION su", true)),
            Map.entry(ObjectKind.SCHEMA, new Example("", "CREATE SCHEMA %s sc", "DROP SCHEMA %s nope",
                    "ALTER SCHEMA nope RENAME TO x")),
            Map.entry(ObjectKind.EXTENSION, new Example("DROP EXTENSION plpgsql", "CREATE EXTENSION %s plpgsql",
                    "DROP EXTENSION %s nope", null)),
            Map.entry(ObjectKind.EVENT_TRIGGER, new Example(
                    "CREATE FUNCTION etf() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$",
                    "CREATE EVENT TRIGGER %s et ON ddl_command_start EXECUTE FUNCTION etf()",
                    "DROP EVENT TRIGGER %s nope", "ALTER EVENT TRIGGER nope RENAME TO x")),
            Map.entry(ObjectKind.CAST, new Example(TABLE, "CREATE CAST %s (t AS int) WITH INOUT",
                    "DROP CAST %s (t AS bigint)", null)),
            Map.entry(ObjectKind.COLLATION, new Example("", "CREATE COLLATION %s co FROM \"C\"",
                    "DROP COLLATION %s nope", "ALTER COLLATION nope RENAME TO x")),
            Map.entry(ObjectKind.CONVERSION, new Example("",
                    "CREATE CONVERSION %s cv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8",
                    "DROP CONVERSION %s nope", "ALTER CONVERSION nope RENAME TO x")),
            Map.entry(ObjectKind.LANGUAGE, new Example("", "CREATE LANGUAGE %s lx HANDLER plpgsql_call_handler",
                    "DROP LANGUAGE %s nope", "ALTER LANGUAGE nope RENAME TO x")),
            Map.entry(ObjectKind.TEXT_SEARCH_CONFIGURATION, new Example("",
                    "CREATE TEXT SEARCH CONFIGURATION %s tsc (COPY = simple)",
                    "DROP TEXT SEARCH CONFIGURATION %s nope", "ALTER TEXT SEARCH CONFIGURATION nope RENAME TO x")),
            Map.entry(ObjectKind.TEXT_SEARCH_DICTIONARY, new Example("",
                    "CREATE TEXT SEARCH DICTIONARY %s tsd (TEMPLATE = simple)",
                    "DROP TEXT SEARCH DICTIONARY %s nope", "ALTER TEXT SEARCH DICTIONARY nope RENAME TO x")),
            Map.entry(ObjectKind.TEXT_SEARCH_PARSER, new Example("", "CREATE TEXT SEARCH PARSER %s tsp (START ="
                    + " prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype)",
                    "DROP TEXT SEARCH PARSER %s nope", "ALTER TEXT SEARCH PARSER nope RENAME TO x")),
            Map.entry(ObjectKind.TEXT_SEARCH_TEMPLATE, new Example("",
                    "CREATE TEXT SEARCH TEMPLATE %s tst (LEXIZE = dsimple_lexize, INIT = dsimple_init)",
                    "DROP TEXT SEARCH TEMPLATE %s nope", "ALTER TEXT SEARCH TEMPLATE nope RENAME TO x")),
            Map.entry(ObjectKind.FOREIGN_TABLE, new Example(SERVER, "CREATE FOREIGN TABLE %s ft (a int) SERVER s",
                    "DROP FOREIGN TABLE %s nope", "ALTER FOREIGN TABLE nope RENAME TO x")),
            Map.entry(ObjectKind.SERVER, new Example(FDW, "CREATE SERVER %s s FOREIGN DATA WRAPPER w",
                    "DROP SERVER %s nope", "ALTER SERVER nope RENAME TO x")),
            Map.entry(ObjectKind.FOREIGN_DATA_WRAPPER, new Example("", "CREATE FOREIGN DATA WRAPPER %s w",
                    "DROP FOREIGN DATA WRAPPER %s nope", "ALTER FOREIGN DATA WRAPPER nope RENAME TO x")),
            Map.entry(ObjectKind.USER_MAPPING, new Example(SERVER + "; CREATE SERVER s2 FOREIGN DATA WRAPPER w",
                    "CREATE USER MAPPING %s FOR CURRENT_USER SERVER s", "DROP USER MAPPING %s FOR CURRENT_USER SERVER s2",
                    null)),
            Map.entry(ObjectKind.OPERATOR_CLASS, new Example("CREATE OPERATOR FAMILY of USING btree",
                    "CREATE OPERATOR CLASS %s oc FOR TYPE int USING btree FAMILY of AS OPERATOR 1 <",
                    "DROP OPERATOR CLASS %s nope USING btree", "ALTER OPERATOR CLASS nope USING btree RENAME TO x")),
            Map.entry(ObjectKind.OPERATOR_FAMILY, new Example("", "CREATE OPERATOR FAMILY %s of USING btree",
                    "DROP OPERATOR FAMILY %s nope USING btree", "ALTER OPERATOR FAMILY nope USING btree RENAME TO x")),
            Map.entry(ObjectKind.ACCESS_METHOD, new Example("",
                    "CREATE ACCESS METHOD %s am TYPE TABLE HANDLER heap_tableam_handler", "DROP ACCESS METHOD %s nope",
                    null)),
            // brin_minmax_opcinfo is a built-in internal -> internal function, the shape FROM SQL needs.
            Map.entry(ObjectKind.TRANSFORM, new Example("",
                    "CREATE TRANSFORM %s FOR int LANGUAGE plpgsql (FROM SQL WITH FUNCTION brin_minmax_opcinfo(internal))",
                    "DROP TRANSFORM %s FOR bigint LANGUAGE plpgsql", null)),
            Map.entry(ObjectKind.ROLE, new Example("", "CREATE ROLE %s r_{u}", "DROP ROLE %s nope_{u}",
                    "ALTER ROLE nope_{u} RENAME TO x_{u}", "DROP ROLE IF EXISTS r_{u}", true)),
            // CREATE DATABASE cannot run inside a function, so not in a DO block either.
            Map.entry(ObjectKind.DATABASE, new Example("", "CREATE DATABASE %s d_{u}", "DROP DATABASE %s nope_{u}",
                    "ALTER DATABASE nope_{u} RENAME TO x_{u}", "DROP DATABASE IF EXISTS d_{u}", false))));

    static Stream<PostgresFacts.Row> rows() {
        return PostgresFacts.rows().stream();
    }

    @Test
    void every_row_has_an_example_and_every_example_a_row() {
        Set<ObjectKind> rows = PostgresFacts.rows().stream().map(PostgresFacts.Row::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ObjectKind.class)));
        assertEquals(rows, EXAMPLES.keySet());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void row_matches_what_postgres_does(PostgresFacts.Row row) {
        PgCluster cluster = PgCluster.require();
        Example ex = EXAMPLES.get(row.kind());
        try (TempDatabase db = cluster.createDatabase()) {
            String u = db.name();
            String create = ex.create().replace("{u}", u);
            try {
                int major = serverMajor(db);
                if (!ex.setup().isEmpty()) {
                    ok(db, ex.setup());
                }
                String plain = create.formatted("").replace("  ", " ");
                ok(db, plain);
                fails(db, plain, row.duplicate());

                String ine = create.formatted("IF NOT EXISTS");
                if (row.ifNotExists(major)) {
                    ok(db, ine);
                } else {
                    fails(db, ine, SqlState.SYNTAX_ERROR);
                }

                if (plain.startsWith("CREATE ")) {
                    String orReplace = "CREATE OR REPLACE " + plain.substring("CREATE ".length());
                    if (row.orReplace(major)) {
                        ok(db, orReplace);
                    } else {
                        fails(db, orReplace, SqlState.SYNTAX_ERROR);
                    }
                } else {
                    assertFalse(row.orReplace(major), "OR REPLACE on a statement that is not a CREATE");
                }

                if (ex.inDoBlock()) {
                    ok(db, "DO $$ BEGIN " + plain + "; EXCEPTION WHEN " + row.condition() + " THEN null; END $$");
                }

                String drop = ex.drop().replace("{u}", u);
                fails(db, drop.formatted("").replace("  ", " "), row.dropMissing());
                assertTrue(row.dropIfExists(major));
                ok(db, drop.formatted("IF EXISTS"));

                assertEquals(ex.rename() == null, row.renameMissing() == null, "a RENAME iff the row has its code");
                if (ex.rename() != null) {
                    fails(db, ex.rename().replace("{u}", u), row.renameMissing());
                }
            } finally {
                if (ex.cleanup() != null) {
                    db.exec(ex.cleanup().replace("{u}", u));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ConstraintKind.class, names = {"PRIMARY_KEY", "UNIQUE", "EXCLUDE", "FOREIGN_KEY", "CHECK"})
    void a_duplicate_constraint_raises_what_the_table_says_for_its_kind(ConstraintKind kind) {
        String body = switch (kind) {
            case PRIMARY_KEY -> "PRIMARY KEY (id)";
            case UNIQUE -> "UNIQUE (code)";
            case EXCLUDE -> "EXCLUDE USING btree (code WITH =)";
            case FOREIGN_KEY -> "FOREIGN KEY (parent) REFERENCES t (id)";
            default -> "CHECK (id > 0)";
        };
        try (TempDatabase db = PgCluster.require().createDatabase()) {
            ok(db, "CREATE TABLE t (id int, code text, parent int)" + (kind == ConstraintKind.FOREIGN_KEY
                    ? "; ALTER TABLE t ADD PRIMARY KEY (id)" : ""));
            String add = "ALTER TABLE t ADD CONSTRAINT c1 " + body;
            ok(db, add);
            fails(db, add, PostgresFacts.duplicate(kind));
        }
    }

    @Test
    void only_an_integer_column_takes_an_identity() {
        try (TempDatabase db = PgCluster.require().createDatabase()) {
            ok(db, "CREATE TABLE w (j jsonb NOT NULL, s varchar(10) NOT NULL, n numeric NOT NULL, b bigint NOT NULL)");
            for (String c : List.of("j", "s", "n")) {
                assertTrue(PostgresFacts.identityImpossible(c.equals("j") ? "jsonb" : c.equals("s")
                        ? "character varying(10)" : "numeric"));
                fails(db, "ALTER TABLE w ALTER COLUMN " + c + " ADD GENERATED ALWAYS AS IDENTITY",
                        SqlState.INVALID_PARAMETER_VALUE);
            }
            assertFalse(PostgresFacts.identityImpossible("bigint"));
            ok(db, "ALTER TABLE w ALTER COLUMN b ADD GENERATED ALWAYS AS IDENTITY");
        }
    }

    @Test
    void an_identity_column_refuses_a_second_identity_a_drop_default_and_a_missing_identity_its_drop() {
        try (TempDatabase db = PgCluster.require().createDatabase()) {
            ok(db, "CREATE TABLE t (id serial PRIMARY KEY, n integer)");
            ok(db, "ALTER TABLE t ALTER COLUMN id DROP DEFAULT");
            ok(db, "DROP SEQUENCE t_id_seq");
            ok(db, "ALTER TABLE t ALTER COLUMN id SET DATA TYPE integer, ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY");
            fails(db, "ALTER TABLE t ALTER COLUMN id DROP DEFAULT", PostgresFacts.dropDefaultOfIdentity());
            fails(db, "ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY",
                    PostgresFacts.identityAlreadyPresent());
            fails(db, "ALTER TABLE t ALTER COLUMN id SET DEFAULT 1", PostgresFacts.setDefaultOfIdentity());
            // the identity's own sequence takes the freed serial name: a second DROP meets it (2BP01), not
            // 42P01, with IF EXISTS and with CASCADE too
            fails(db, "DROP SEQUENCE t_id_seq", PostgresFacts.dropIdentitySequence());
            fails(db, "DROP SEQUENCE IF EXISTS t_id_seq", PostgresFacts.dropIdentitySequence());
            fails(db, "DROP SEQUENCE t_id_seq CASCADE", PostgresFacts.dropIdentitySequence());
            // DROP IDENTITY takes the sequence along
            ok(db, "ALTER TABLE t ALTER COLUMN id DROP IDENTITY");
            fails(db, "DROP SEQUENCE t_id_seq", PostgresFacts.dropMissing(ObjectKind.SEQUENCE));
            fails(db, "ALTER TABLE t ALTER COLUMN id DROP IDENTITY", PostgresFacts.identityMissing());
            ok(db, "ALTER TABLE t ALTER COLUMN id DROP IDENTITY IF EXISTS");
            // a column with a default takes no identity
            ok(db, "ALTER TABLE t ALTER COLUMN id SET DEFAULT 1");
            fails(db, "ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY", PostgresFacts.identityOverDefault());
            ok(db, "ALTER TABLE t ALTER COLUMN id DROP DEFAULT");
            // and DROP COLUMN takes the identity's sequence along
            ok(db, "ALTER TABLE t ADD COLUMN k integer NOT NULL GENERATED ALWAYS AS IDENTITY");
            ok(db, "ALTER TABLE t DROP COLUMN k");
            fails(db, "DROP SEQUENCE t_k_seq", PostgresFacts.dropMissing(ObjectKind.SEQUENCE));
            // a column without NOT NULL is refused with the same code
            fails(db, "ALTER TABLE t ALTER COLUMN n ADD GENERATED BY DEFAULT AS IDENTITY",
                    PostgresFacts.identityAlreadyPresent());
            ok(db, "ALTER TABLE t ALTER COLUMN n SET NOT NULL");
            ok(db, "ALTER TABLE t ALTER COLUMN n ADD GENERATED BY DEFAULT AS IDENTITY");
            fails(db, "ALTER TABLE t ALTER COLUMN n ADD GENERATED BY DEFAULT AS IDENTITY",
                    PostgresFacts.identityAlreadyPresent());
        }
    }

    @Test
    void a_serial_column_owns_a_sequence_its_default_uses_which_goes_with_the_table_or_column_and_keeps_its_name() {
        try (TempDatabase db = PgCluster.require().createDatabase()) {
            ok(db, "CREATE TABLE t (id serial PRIMARY KEY, n bigserial, m smallserial)");
            for (String c : List.of("id", "n", "m")) {
                ownedBy(db, "t", c, "public." + ConstraintNames.postgresDefault(ConstraintNames.Kind.SEQUENCE, "t",
                        List.of(c)));
            }
            // the name is taken: CREATE SEQUENCE (or any relation) of it fails
            fails(db, "CREATE SEQUENCE t_id_seq", PostgresFacts.duplicate(ObjectKind.SEQUENCE));
            // the default uses it: DROP SEQUENCE fails, with IF EXISTS too, until the default is dropped
            fails(db, "DROP SEQUENCE t_id_seq", PostgresFacts.dropSequenceInUse());
            fails(db, "DROP SEQUENCE IF EXISTS t_n_seq", PostgresFacts.dropSequenceInUse());
            ok(db, "ALTER TABLE t ALTER COLUMN n DROP DEFAULT");
            ok(db, "DROP SEQUENCE t_n_seq");
            // serial implies NOT NULL: a serial column that is no key takes an identity once its default is gone
            ok(db, "ALTER TABLE t ALTER COLUMN n ADD GENERATED BY DEFAULT AS IDENTITY");
            // CASCADE drops the default, not the column
            ok(db, "DROP SEQUENCE t_m_seq CASCADE");
            ok(db, "DO $$ BEGIN IF (SELECT column_default FROM information_schema.columns WHERE table_name = 't'"
                    + " AND column_name = 'm') IS NOT NULL THEN RAISE EXCEPTION 'default kept'; END IF; END $$");
            ok(db, "INSERT INTO t (n, m) VALUES (1, 1)");
            // renaming the table and the column keeps the sequence's name; a new serial takes the next free one
            ok(db, "ALTER TABLE t RENAME TO u");
            ok(db, "ALTER TABLE u RENAME COLUMN id TO pk");
            ownedBy(db, "u", "pk", "public.t_id_seq");
            fails(db, "DROP SEQUENCE t_id_seq", PostgresFacts.dropSequenceInUse());
            ok(db, "CREATE TABLE t (id serial)");
            ownedBy(db, "t", "id", "public.t_id_seq1");
            // DROP TABLE and DROP COLUMN take the owned sequence along
            ok(db, "DROP TABLE u");
            fails(db, "DROP SEQUENCE t_id_seq", PostgresFacts.dropMissing(ObjectKind.SEQUENCE));
            ok(db, "ALTER TABLE t DROP COLUMN id");
            fails(db, "DROP SEQUENCE t_id_seq1", PostgresFacts.dropMissing(ObjectKind.SEQUENCE));
            // ADD COLUMN makes one as well; a long name is truncated as a key's is
            String longName = "a".repeat(60);
            ok(db, "CREATE TABLE " + longName + " (k int)");
            ok(db, "ALTER TABLE " + longName + " ADD COLUMN id serial");
            ownedBy(db, longName, "id", "public." + ConstraintNames.postgresDefault(ConstraintNames.Kind.SEQUENCE,
                    longName, List.of("id")));
            // IF NOT EXISTS on a table or column that is there makes no sequence
            ok(db, "CREATE TABLE w (id int)");
            ok(db, "CREATE TABLE IF NOT EXISTS w (id serial)");
            ok(db, "ALTER TABLE w ADD COLUMN IF NOT EXISTS id serial");
            fails(db, "DROP SEQUENCE w_id_seq", PostgresFacts.dropMissing(ObjectKind.SEQUENCE));
            // the serial made an identity column (renku-data-services ce54fdbb40fe): the identity's sequence
            // takes the freed name
            ok(db, "CREATE TABLE prefs (id serial PRIMARY KEY)");
            fails(db, "ALTER TABLE prefs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY",
                    PostgresFacts.identityOverDefault());
            ok(db, "ALTER TABLE prefs ALTER COLUMN id DROP DEFAULT");
            ok(db, "DROP SEQUENCE IF EXISTS prefs_id_seq");
            ok(db, "ALTER TABLE prefs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY");
            ownedBy(db, "prefs", "id", "public.prefs_id_seq");
        }
    }

    /** {@code column} of {@code table} owns the sequence {@code sequence} (schema-qualified), as the catalog says. */
    private static void ownedBy(TempDatabase db, String table, String column, String sequence) {
        ok(db, "DO $$ BEGIN IF pg_get_serial_sequence('" + table + "', '" + column + "') IS DISTINCT FROM '" + sequence
                + "' THEN RAISE EXCEPTION 'owned: %', pg_get_serial_sequence('" + table + "', '" + column + "');"
                + " END IF; END $$");
    }

    @Test
    void a_table_a_foreign_key_of_another_table_references_is_dropped_only_with_cascade() {
        try (TempDatabase db = PgCluster.require().createDatabase()) {
            ok(db, "CREATE TABLE t (id int PRIMARY KEY, parent int REFERENCES t (id));"
                    + " CREATE TABLE u (id int PRIMARY KEY, t_id int REFERENCES t (id))");
            fails(db, "DROP TABLE t", PostgresFacts.dropWithDependents());
            fails(db, "DROP TABLE IF EXISTS t", PostgresFacts.dropWithDependents());
            // its own foreign key goes with it; CASCADE takes u's key, not u
            ok(db, "DROP TABLE t CASCADE");
            ok(db, "INSERT INTO u VALUES (1, 42)");
        }
    }

    @Test
    void the_index_of_a_unique_primary_or_exclusion_constraint_is_dropped_only_with_its_constraint() {
        try (TempDatabase db = PgCluster.require().createDatabase()) {
            ok(db, "CREATE TABLE t (id int, name text, r int4range, CONSTRAINT t_pk PRIMARY KEY (id),"
                    + " CONSTRAINT uq_t_name UNIQUE (name), CONSTRAINT ex_t_r EXCLUDE USING gist (r WITH &&))");
            for (String index : List.of("t_pk", "uq_t_name", "ex_t_r")) {
                fails(db, "DROP INDEX " + index, PostgresFacts.dropIndexOfConstraint());
                fails(db, "DROP INDEX IF EXISTS " + index, PostgresFacts.dropIndexOfConstraint());
                fails(db, "DROP INDEX " + index + " CASCADE", PostgresFacts.dropIndexOfConstraint());
            }
            // the constraint takes its index; a plain unique index of the same columns drops alone
            ok(db, "ALTER TABLE t DROP CONSTRAINT uq_t_name");
            ok(db, "DROP INDEX IF EXISTS uq_t_name");
            ok(db, "CREATE UNIQUE INDEX uq_t_name ON t (name); DROP INDEX uq_t_name");
        }
    }

    @Test
    void a_constraint_drop_on_a_view_fails_even_with_if_exists_and_the_catalog_lookup_skips_it() {
        try (TempDatabase db = PgCluster.require().createDatabase()) {
            ok(db, "CREATE TABLE t (a int, CONSTRAINT ck_t_a CHECK (a > 0)); ALTER TABLE t RENAME TO u;"
                    + " CREATE VIEW t AS SELECT * FROM u");
            fails(db, "ALTER TABLE t DROP CONSTRAINT ck_t_a", PostgresFacts.dropConstraintOfView());
            fails(db, "ALTER TABLE t DROP CONSTRAINT IF EXISTS ck_t_a", PostgresFacts.dropConstraintOfView());
            String lookup = "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'ck_t_a' AND conrelid ="
                    + " to_regclass('\"%s\"')) THEN ALTER TABLE \"%s\" DROP CONSTRAINT \"ck_t_a\"; END IF; END $$";
            ok(db, String.format(lookup, "t", "t"));
            ok(db, String.format(lookup, "missing", "missing"));
            // on the table, the lookup drops it
            ok(db, String.format(lookup, "u", "u"));
            ok(db, "INSERT INTO u VALUES (-1)");
        }
    }

    /** A rename onto a taken name, per kind the re-run check renames: setup, then the rename. */
    static final Map<String, Map.Entry<String, ObjectKind>> RENAMES_ONTO_TAKEN = Map.ofEntries(
            Map.entry("CREATE TABLE a (); CREATE TABLE b ()", Map.entry("ALTER TABLE a RENAME TO b", ObjectKind.TABLE)),
            Map.entry("CREATE TABLE c (x int, y int)", Map.entry("ALTER TABLE c RENAME COLUMN x TO y", ObjectKind.COLUMN)),
            Map.entry("CREATE TABLE d (x int); CREATE INDEX d1 ON d (x); CREATE INDEX d2 ON d (x)",
                    Map.entry("ALTER INDEX d1 RENAME TO d2", ObjectKind.INDEX)),
            Map.entry("CREATE SEQUENCE s1; CREATE SEQUENCE s2", Map.entry("ALTER SEQUENCE s1 RENAME TO s2", ObjectKind.SEQUENCE)),
            Map.entry("CREATE VIEW v1 AS SELECT 1; CREATE VIEW v2 AS SELECT 2",
                    Map.entry("ALTER VIEW v1 RENAME TO v2", ObjectKind.VIEW)),
            Map.entry("CREATE TABLE k (x int, CONSTRAINT k1 CHECK (x > 0), CONSTRAINT k2 CHECK (x > 1))",
                    Map.entry("ALTER TABLE k RENAME CONSTRAINT k1 TO k2", ObjectKind.CONSTRAINT)),
            // a primary key renames its index first: a taken relation name fails as an index rename
            Map.entry("CREATE TABLE p (x int CONSTRAINT p_pkey PRIMARY KEY); CREATE TABLE p_old ()",
                    Map.entry("ALTER TABLE p RENAME CONSTRAINT p_pkey TO p_old", ObjectKind.INDEX)),
            Map.entry("CREATE TYPE e1 AS ENUM ('a'); CREATE TYPE e2 AS ENUM ('a')",
                    Map.entry("ALTER TYPE e1 RENAME TO e2", ObjectKind.TYPE)),
            Map.entry("CREATE DOMAIN m1 AS int; CREATE DOMAIN m2 AS int", Map.entry("ALTER DOMAIN m1 RENAME TO m2",
                    ObjectKind.DOMAIN)),
            Map.entry("CREATE FUNCTION f1() RETURNS int LANGUAGE sql AS 'SELECT 1';"
                    + " CREATE FUNCTION f2() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                    Map.entry("ALTER FUNCTION f1() RENAME TO f2", ObjectKind.FUNCTION)),
            Map.entry("CREATE SCHEMA n1; CREATE SCHEMA n2", Map.entry("ALTER SCHEMA n1 RENAME TO n2", ObjectKind.SCHEMA)),
            Map.entry("CREATE TEXT SEARCH CONFIGURATION c1 (COPY = simple); CREATE TEXT SEARCH CONFIGURATION c2 (COPY = simple)",
                    Map.entry("ALTER TEXT SEARCH CONFIGURATION c1 RENAME TO c2", ObjectKind.TEXT_SEARCH_CONFIGURATION)));

    @Test
    void a_rename_onto_a_taken_name_raises_what_the_table_says_for_its_kind() {
        for (Map.Entry<String, Map.Entry<String, ObjectKind>> r : RENAMES_ONTO_TAKEN.entrySet()) {
            try (TempDatabase db = PgCluster.require().createDatabase()) {
                ok(db, r.getKey());
                fails(db, r.getValue().getKey(), PostgresFacts.renameTaken(r.getValue().getValue()));
            }
        }
    }

    @Test
    void enum_labels_raise_what_the_table_says() {
        try (TempDatabase db = PgCluster.require().createDatabase()) {
            ok(db, "CREATE TYPE mood AS ENUM ('sad', 'happy')");
            fails(db, "ALTER TYPE mood ADD VALUE 'sad'", PostgresFacts.labels().labelTaken());
            fails(db, "ALTER TYPE mood RENAME VALUE 'sad' TO 'happy'", PostgresFacts.labels().labelTaken());
            fails(db, "ALTER TYPE mood RENAME VALUE 'bored' TO 'calm'", PostgresFacts.labels().labelMissing());
            ok(db, "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad'");
        }
    }

    @Test
    void a_handler_naming_each_condition_catches_its_sqlstate() {
        try (TempDatabase db = PgCluster.require().createDatabase()) {
            Set<String> codes = new java.util.TreeSet<>(PostgresFacts.otherConditionCodes());
            for (SqlState st : SqlState.values()) {
                codes.add(st.code());
            }
            for (String code : codes) {
                ok(db, "DO $$ BEGIN RAISE SQLSTATE '" + code.toUpperCase(java.util.Locale.ROOT) + "'; EXCEPTION WHEN "
                        + PostgresFacts.condition(code) + " THEN null; END $$");
                if (code.startsWith("42")) {
                    ok(db, "DO $$ BEGIN RAISE SQLSTATE '" + code.toUpperCase(java.util.Locale.ROOT) + "'; EXCEPTION WHEN "
                            + PostgresFacts.condition("42000") + " THEN null; END $$");
                }
            }
            for (String condition : PostgresFacts.class42Conditions()) {
                ok(db, "DO $$ BEGIN RAISE " + condition + "; EXCEPTION WHEN " + PostgresFacts.CLASS_42
                        + " THEN null; END $$");
            }
        }
    }

    private static int serverMajor(TempDatabase db) {
        SqlOutcome o = db.exec("DO $$ BEGIN RAISE NOTICE 'major=%', current_setting('server_version_num')::int / 10000;"
                + " END $$");
        assertTrue(o.ok(), o::toString);
        String n = o.notices().get(0);
        return Integer.parseInt(n.substring(n.indexOf("major=") + 6).strip());
    }

    private static void ok(TempDatabase db, String sql) {
        SqlOutcome o = db.exec(sql);
        assertTrue(o.ok(), () -> "expected success of\n" + sql + "\nbut: " + o);
    }

    private static void fails(TempDatabase db, String sql, SqlState state) {
        SqlOutcome o = db.exec(sql);
        assertFalse(o.ok(), () -> "expected " + state.label() + " from\n" + sql + "\nbut it passed");
        assertEquals(state.code(), o.sqlstate(), () -> sql + " -> " + o);
    }
}
