package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.mariadb.MariaDbServer.Outcome;
import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.MysqlFacts;
import dev.idemlint.migration.MysqlFacts.MysqlError;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.ServerFacts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every MariaDB row of {@link MysqlFacts} on a real MariaDB, each in a database of its own: a duplicate
 * create raises the row's error, {@code IF NOT EXISTS} / {@code OR REPLACE} / {@code DROP ... IF EXISTS}
 * are accepted exactly when the row says so (and a re-run with them then succeeds), and a drop and a rename
 * of a missing object raise the row's errors. Then the constraint kinds and the UNIQUE trap.
 */
@Tag("mariadb")
class MysqlFactsTableTest {

    /**
     * Statements for one kind: {@code create} holds {@code %s} where {@code IF NOT EXISTS} goes and
     * {@code drop} where {@code IF EXISTS} goes, naming an object that does not exist; {@code orReplace}
     * is the create with {@code OR REPLACE}; {@code rename} renames a missing object (null: no rename).
     */
    record Example(String setup, String create, String orReplace, String drop, String rename) {
    }

    private static final String TABLE = "CREATE TABLE t (a int, b int)";
    private static final Map<ObjectKind, Example> EXAMPLES = new EnumMap<>(Map.of(
            ObjectKind.TABLE, new Example("", "CREATE TABLE %s t1 (a int)", "CREATE OR REPLACE TABLE t1 (a int)",
                    "DROP TABLE %s nope", "RENAME TABLE nope TO x"),
            ObjectKind.COLUMN, new Example(TABLE, "ALTER TABLE t ADD COLUMN %s c int", null,
                    "ALTER TABLE t DROP COLUMN %s nope", "ALTER TABLE t RENAME COLUMN nope TO x"),
            ObjectKind.INDEX, new Example(TABLE, "ALTER TABLE t ADD INDEX %s ix (a)", "CREATE OR REPLACE INDEX ix ON t (a)",
                    "ALTER TABLE t DROP INDEX %s nope", "ALTER TABLE t RENAME INDEX nope TO x"),
            ObjectKind.CONSTRAINT, new Example(TABLE, "ALTER TABLE t ADD CONSTRAINT %s ck CHECK (a > 0)", null,
                    "ALTER TABLE t DROP CONSTRAINT %s nope", null),
            ObjectKind.VIEW, new Example("", "CREATE VIEW %s v AS SELECT 1 AS a", "CREATE OR REPLACE VIEW v AS SELECT 1 AS a",
                    "DROP VIEW %s nope", "RENAME TABLE nope TO x"),
            ObjectKind.SEQUENCE, new Example("", "CREATE SEQUENCE %s s1", "CREATE OR REPLACE SEQUENCE s1",
                    "DROP SEQUENCE %s nope", "RENAME TABLE nope TO x"),
            ObjectKind.TRIGGER, new Example(TABLE, "CREATE TRIGGER %s tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1",
                    "CREATE OR REPLACE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1",
                    "DROP TRIGGER %s nope", null),
            ObjectKind.FUNCTION, new Example("", "CREATE FUNCTION %s f1() RETURNS int RETURN 1",
                    "CREATE OR REPLACE FUNCTION f1() RETURNS int RETURN 1", "DROP FUNCTION %s nope", null),
            ObjectKind.PROCEDURE, new Example("", "CREATE PROCEDURE %s p1() SELECT 1",
                    "CREATE OR REPLACE PROCEDURE p1() SELECT 1", "DROP PROCEDURE %s nope", null),
            ObjectKind.DATABASE, new Example("", "CREATE DATABASE %s idemlint_facts_db", 
                    "CREATE OR REPLACE DATABASE idemlint_facts_db", "DROP DATABASE %s idemlint_facts_nope", null)));

    static Stream<MysqlFacts.Row> rows() {
        return MysqlFacts.mariadb().stream();
    }

    private static void assertError(MysqlError expected, Outcome actual, String what) {
        assertFalse(actual.ok(), what + " succeeded");
        assertEquals(expected.number(), actual.errno(), what + ": " + actual);
    }

    @Test
    void every_mariadb_row_has_an_example_and_is_proven() {
        rows().forEach(r -> {
            assertNotNull(EXAMPLES.get(r.kind()), "no example for " + r.kind());
            assertTrue(r.proven(), r.kind() + " is checked here, so it is proven");
        });
        MysqlFacts.mysql().forEach(r -> assertFalse(r.proven(), r.kind() + ": no MySQL server here"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void the_row_holds_on_mariadb(MysqlFacts.Row row) {
        Example ex = EXAMPLES.get(row.kind());
        MariaDbServer server = MariaDbServer.require();
        try (TempDatabase db = server.createDatabase()) {
            try {
                if (!ex.setup().isEmpty()) {
                    assertTrue(db.exec(ex.setup()).ok(), "setup");
                }
                String create = ex.create().formatted("");
                assertTrue(db.exec(create).ok(), "first create");
                assertError(row.duplicate(), db.exec(create), "second " + create);
                Outcome ine = db.exec(ex.create().formatted("IF NOT EXISTS"));
                assertEquals(row.ifNotExists(), ine.ok(), "IF NOT EXISTS: " + ine);
                if (ex.orReplace() != null) {
                    Outcome orReplace = db.exec(ex.orReplace());
                    assertEquals(row.orReplace(), orReplace.ok(), "OR REPLACE: " + orReplace);
                }
                assertError(row.dropMissing(), db.exec(ex.drop().formatted("")), "drop of a missing object");
                Outcome ie = db.exec(ex.drop().formatted("IF EXISTS"));
                assertEquals(row.dropIfExists(), ie.ok(), "DROP IF EXISTS: " + ie);
                if (row.renameMissing() != null) {
                    assertError(row.renameMissing(), db.exec(ex.rename()), "rename of a missing object");
                }
            } finally {
                if (row.kind() == ObjectKind.DATABASE) {
                    server.exec(null, "DROP DATABASE IF EXISTS idemlint_facts_db");
                }
            }
        }
    }

    @Test
    void a_second_primary_key_is_1068_and_mariadb_takes_if_not_exists() {
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE t (a int NOT NULL, b int NOT NULL); ALTER TABLE t ADD PRIMARY KEY (a)").ok());
            MysqlError dup = MysqlFacts.duplicate(Dialect.parse("mariadb"), ConstraintKind.PRIMARY_KEY);
            assertError(dup, db.exec("ALTER TABLE t ADD PRIMARY KEY (b)"), "second primary key");
            assertTrue(db.exec("ALTER TABLE t ADD PRIMARY KEY IF NOT EXISTS (b)").ok());
        }
    }

    @Test
    void a_unique_constraint_is_an_index_and_only_the_unique_key_form_takes_if_not_exists() {
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE t (a int); ALTER TABLE t ADD CONSTRAINT uq UNIQUE (a)").ok());
            MysqlError dup = MysqlFacts.duplicate(Dialect.parse("mariadb"), ConstraintKind.UNIQUE);
            assertError(dup, db.exec("ALTER TABLE t ADD CONSTRAINT uq UNIQUE (a)"), "second unique");
            // the trap: the constraint spelling rejects IF NOT EXISTS as a syntax error
            assertEquals(1064, db.exec("ALTER TABLE t ADD CONSTRAINT IF NOT EXISTS uq UNIQUE (a)").errno());
            assertTrue(db.exec("ALTER TABLE t ADD UNIQUE KEY IF NOT EXISTS uq (a)").ok());
        }
    }

    @Test
    void a_second_foreign_key_of_a_name_fails_in_innodb_and_the_if_not_exists_goes_after_foreign_key() {
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (a int);"
                    + " ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id)").ok());
            MysqlError dup = MysqlFacts.duplicate(Dialect.parse("mariadb"), ConstraintKind.FOREIGN_KEY);
            assertError(dup, db.exec("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id)"), "second fk");
            assertEquals(1064, db.exec("ALTER TABLE t ADD CONSTRAINT IF NOT EXISTS fk FOREIGN KEY (a) REFERENCES p (id)")
                    .errno());
            assertTrue(db.exec("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY IF NOT EXISTS (a) REFERENCES p (id)").ok());
            assertTrue(db.exec("ALTER TABLE t DROP FOREIGN KEY IF EXISTS nope").ok());
            assertError(MysqlFacts.CANT_DROP_FIELD_OR_KEY, db.exec("ALTER TABLE t DROP FOREIGN KEY nope"), "drop fk");
        }
    }

    /**
     * The index {@code PRIMARY} is the table's primary key, whatever spelling drops it: {@code DROP INDEX `PRIMARY`}
     * (either form, any case) leaves no primary key, so an {@code ADD PRIMARY KEY} after it passes, and a second
     * drop, with none left, fails 1091 (SchemaState's index PRIMARY).
     */
    @Test
    void dropping_the_index_primary_drops_the_primary_key() {
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE t (a int NOT NULL PRIMARY KEY, b int)").ok());
            assertTrue(db.exec("ALTER TABLE t DROP INDEX `PRIMARY`").ok());
            assertEquals("0", db.exec("SELECT COUNT(*) AS n FROM information_schema.table_constraints WHERE"
                    + " table_schema = DATABASE() AND table_name = 't' AND constraint_type = 'PRIMARY KEY'")
                    .stdout().replaceAll("[^0-9]", ""));
            assertError(MysqlFacts.CANT_DROP_FIELD_OR_KEY, db.exec("ALTER TABLE t DROP INDEX `PRIMARY`"), "second drop");
            assertError(MysqlFacts.CANT_DROP_FIELD_OR_KEY, db.exec("DROP INDEX `PRIMARY` ON t"), "second drop");
            assertTrue(db.exec("ALTER TABLE t ADD PRIMARY KEY (a)").ok());
            assertTrue(db.exec("DROP INDEX `primary` ON t").ok());
            assertTrue(db.exec("ALTER TABLE t ADD PRIMARY KEY (a)").ok());
        }
    }

    /**
     * A foreign key makes an index of its own name on its columns when no index of the table starts with them, and
     * {@code DROP FOREIGN KEY} leaves it; an index that starts with them serves instead, and one made later replaces
     * the key's own (SchemaState's foreign key index, held unknown).
     */
    @Test
    void a_foreign_key_makes_an_index_of_its_name_where_none_serves_it() {
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int PRIMARY KEY, pid int, c int)")
                    .ok());
            String indexes = "SELECT CONCAT('ix ', GROUP_CONCAT(DISTINCT index_name ORDER BY index_name)) AS i FROM"
                    + " information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 't'";
            assertTrue(db.exec("ALTER TABLE t ADD CONSTRAINT fk_x FOREIGN KEY (pid) REFERENCES p (id)").ok());
            assertTrue(db.exec(indexes).stdout().contains("ix fk_x,PRIMARY"), db.exec(indexes).stdout());
            assertTrue(db.exec("ALTER TABLE t DROP FOREIGN KEY fk_x").ok());
            assertTrue(db.exec("ALTER TABLE t DROP KEY fk_x").ok());
            assertTrue(db.exec("CREATE INDEX ip ON t (pid, c);"
                    + " ALTER TABLE t ADD CONSTRAINT fk_y FOREIGN KEY (pid) REFERENCES p (id)").ok());
            assertTrue(db.exec(indexes).stdout().contains("ix ip,PRIMARY"), db.exec(indexes).stdout());
            assertTrue(db.exec("ALTER TABLE t DROP FOREIGN KEY fk_y; DROP INDEX ip ON t;"
                    + " ALTER TABLE t ADD CONSTRAINT fk_z FOREIGN KEY (pid) REFERENCES p (id); CREATE INDEX ip ON t (pid, c)")
                    .ok());
            assertTrue(db.exec(indexes).stdout().contains("ix ip,PRIMARY"), db.exec(indexes).stdout());
            assertError(MysqlFacts.CANT_DROP_FIELD_OR_KEY, db.exec("ALTER TABLE t DROP KEY fk_z"), "replaced index");
        }
    }

    /**
     * The gone-table finding on MariaDB: a statement on a missing table fails with 1146 whatever its own
     * {@code IF [NOT] EXISTS} ({@link ServerFacts#undefinedTable}), and {@code ALTER TABLE IF EXISTS} skips it
     * ({@link ServerFacts#alterTableIfExists}).
     */
    @Test
    void a_statement_on_a_missing_table_fails_with_1146_unless_alter_table_if_exists() {
        ServerFacts facts = ServerFacts.of(Dialect.parse("mariadb:10.11"), 16);
        assertEquals("1146", facts.undefinedTable().code());
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            for (String sql : List.of("ALTER TABLE gone ADD COLUMN IF NOT EXISTS c int",
                    "CREATE INDEX IF NOT EXISTS ix ON gone (c)", "DROP INDEX IF EXISTS ix ON gone", "DROP INDEX ix ON gone",
                    "ALTER TABLE gone DROP INDEX ix", "ALTER TABLE gone DROP INDEX `PRIMARY`",
                    "ALTER TABLE gone DROP CONSTRAINT IF EXISTS ck", "ALTER TABLE gone RENAME COLUMN a TO b")) {
                assertError(MysqlFacts.NO_SUCH_TABLE, db.exec(sql), sql);
            }
            assertTrue(facts.alterTableIfExists());
            assertTrue(db.exec("ALTER TABLE IF EXISTS gone ADD COLUMN c int").ok());
        }
    }

    @Test
    void a_read_of_a_column_or_table_renamed_away_fails_with_1054_or_1146() {
        // read-before-rename: the re-run's read meets the old name gone, which the first run renamed
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE players (id int, nick varchar(20), label varchar(20));"
                    + " CREATE TABLE results (id int); ALTER TABLE players RENAME COLUMN nick TO nickname;"
                    + " RENAME TABLE results TO match_results").ok());
            assertError(MysqlFacts.BAD_FIELD, db.exec("SELECT players.id, players.nick FROM players"), "SELECT t.c");
            assertError(MysqlFacts.BAD_FIELD, db.exec("UPDATE players SET label = players.nick"), "UPDATE ... = t.c");
            assertError(MysqlFacts.BAD_FIELD, db.exec("UPDATE players SET label = nick"), "UPDATE ... = bare c");
            assertError(MysqlFacts.NO_SUCH_TABLE, db.exec("SELECT results.id FROM results"), "SELECT FROM t");
            assertError(MysqlFacts.NO_SUCH_TABLE, db.exec("INSERT INTO players (id) SELECT id FROM results"),
                    "INSERT ... SELECT FROM t");
            assertTrue(db.exec("SELECT players.nickname FROM players").ok(), "the new name reads");
        }
    }

    @Test
    void a_read_of_a_column_or_table_dropped_with_if_exists_fails_with_1054_or_1146() {
        // read-before-drop: the first run read, then dropped with IF EXISTS, each statement committed; the re-run's
        // read meets the object gone before the drop is reached again
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE roms (id int, region varchar(20), regions text);"
                    + " CREATE TABLE rom_notes (id int, raw text); CREATE TABLE rom_user (id int, note text)").ok());
            assertTrue(db.exec("UPDATE roms SET regions = JSON_ARRAY(region)").ok(), "the first run reads");
            assertTrue(db.exec("INSERT INTO rom_user (id, note) SELECT id, raw FROM rom_notes").ok());
            assertTrue(db.exec("ALTER TABLE roms DROP COLUMN IF EXISTS region; DROP TABLE IF EXISTS rom_notes").ok());
            assertError(MysqlFacts.BAD_FIELD, db.exec("UPDATE roms SET regions = JSON_ARRAY(region)"),
                    "UPDATE ... = bare c");
            assertError(MysqlFacts.NO_SUCH_TABLE, db.exec("INSERT INTO rom_user (id, note) SELECT id, raw FROM rom_notes"),
                    "INSERT ... SELECT FROM t");
            assertTrue(db.exec("ALTER TABLE roms DROP COLUMN IF EXISTS region; DROP TABLE IF EXISTS rom_notes").ok(),
                    "the drops themselves re-run");
        }
    }

    @Test
    void a_text_read_of_an_enum_number_or_json_column_passes_so_no_read_is_claimed_to_fail() {
        // read-before-type-change stays silent here: MariaDB converts the column to a string for UPPER() and LIKE,
        // and a constant that is no number fails (1292, strict mode) only against a row it is compared with
        assertFalse(ServerFacts.of(Dialect.parse("mariadb:10.11"), 16).readsCheckedByType());
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE plans (id int, tier enum('FREE','PRO'), quota int, features json,"
                    + " note varchar(20)); INSERT INTO plans VALUES (1, 'FREE', 5, '[]', 'x')").ok());
            for (String read : List.of("UPDATE plans SET note = UPPER(tier) WHERE tier IS NOT NULL",
                    "UPDATE plans SET note = LOWER(quota) WHERE TRIM(quota) = '5'",
                    "UPDATE plans SET note = 'y' WHERE tier LIKE 'F%' OR quota LIKE '5%' OR features LIKE '[%'",
                    "UPDATE plans SET note = 'y' WHERE features = '' OR UPPER(features) = '[]'",
                    "UPDATE plans SET note = 'y' WHERE tier = 'nope'")) {
                Outcome o = db.exec(read);
                assertTrue(o.ok(), read + ": " + o);
            }
            assertTrue(db.exec("CREATE TABLE empty_plans (quota int, note varchar(20));"
                    + " UPDATE empty_plans SET note = 'y' WHERE quota = ''").ok(), "no row, no conversion");
            assertError(new MysqlError(1292, "ER_TRUNCATED_WRONG_VALUE"),
                    db.exec("UPDATE plans SET note = 'y' WHERE quota = ''"), "a row compared with ''");
        }
    }

    /**
     * A rename onto a taken name raises the kind's duplicate ({@link MysqlFacts#renameTaken}), checked after the old
     * name: where the old name is missing too the rename fails as a missing one, and {@code CHANGE COLUMN IF EXISTS}
     * of a column that is there still fails on a taken new name.
     */
    @Test
    void a_rename_onto_a_taken_name_fails_as_a_duplicate_after_the_old_name_is_found() {
        Dialect mariadb = Dialect.parse("mariadb:10.11");
        ServerFacts facts = ServerFacts.of(mariadb, 16);
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE chatrooms (owner_id binary(16), room_owner_id binary(16), agent_id int,"
                    + " KEY i1 (agent_id), KEY i2 (owner_id)); CREATE TABLE t1 (a int); CREATE TABLE t2 (a int);"
                    + " CREATE VIEW v1 AS SELECT 1 AS a").ok());
            MysqlError column = MysqlFacts.renameTaken(mariadb, ObjectKind.COLUMN);
            assertEquals(MysqlFacts.DUP_FIELDNAME, column);
            assertEquals("1060", facts.renameTaken(ObjectKind.COLUMN).code());
            for (String sql : List.of("ALTER TABLE chatrooms CHANGE owner_id room_owner_id binary(16)",
                    "ALTER TABLE chatrooms RENAME COLUMN owner_id TO room_owner_id",
                    "ALTER TABLE chatrooms CHANGE COLUMN IF EXISTS owner_id room_owner_id binary(16)")) {
                assertError(column, db.exec(sql), sql);
            }
            assertError(MysqlFacts.renameTaken(mariadb, ObjectKind.TABLE), db.exec("RENAME TABLE t1 TO t2"), "table");
            assertError(MysqlFacts.renameTaken(mariadb, ObjectKind.TABLE), db.exec("ALTER TABLE t1 RENAME TO t2"),
                    "ALTER TABLE RENAME TO");
            assertError(MysqlFacts.renameTaken(mariadb, ObjectKind.VIEW), db.exec("RENAME TABLE v1 TO t2"), "view");
            assertError(MysqlFacts.renameTaken(mariadb, ObjectKind.INDEX),
                    db.exec("ALTER TABLE chatrooms RENAME INDEX i1 TO i2"), "index");
            // the old name first: missing and taken fails as missing
            assertError(MysqlFacts.of(mariadb, ObjectKind.COLUMN).renameMissing(),
                    db.exec("ALTER TABLE chatrooms CHANGE nope room_owner_id binary(16)"), "CHANGE missing onto taken");
            assertError(MysqlFacts.of(mariadb, ObjectKind.COLUMN).renameMissing(),
                    db.exec("ALTER TABLE chatrooms RENAME COLUMN nope TO room_owner_id"), "RENAME missing onto taken");
            assertError(MysqlFacts.of(mariadb, ObjectKind.TABLE).renameMissing(), db.exec("RENAME TABLE nope TO t2"),
                    "table missing onto taken");
            assertError(MysqlFacts.of(mariadb, ObjectKind.INDEX).renameMissing(),
                    db.exec("ALTER TABLE chatrooms RENAME INDEX nope TO i2"), "index missing onto taken");
        }
    }

    /**
     * {@code ADD COLUMN c ... AFTER a} with {@code a} missing fails with 1054 before {@code c} is compared, and so does
     * a statement one of whose clauses renames a missing column ({@link MysqlFacts#statementColumnMissing}), whichever
     * clause names it, while {@code ADD COLUMN IF NOT EXISTS} skips an existing column before it looks at the placement.
     */
    @Test
    void a_column_a_statement_names_missing_fails_with_1054_before_any_duplicate_name() {
        ServerFacts facts = ServerFacts.of(Dialect.parse("mariadb:10.11"), 16);
        assertEquals("1054", facts.statementColumnMissing().code());
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE q (id int, b binary(16))").ok());
            assertError(MysqlFacts.DUP_FIELDNAME, db.exec("ALTER TABLE q ADD COLUMN b binary(16) AFTER id"),
                    "placed after a column that is there");
            for (String sql : List.of("ALTER TABLE q ADD COLUMN b binary(16) AFTER a",
                    "ALTER TABLE q ADD COLUMN c int AFTER a",
                    "ALTER TABLE q ADD COLUMN b int, ADD COLUMN d int AFTER a")) {
                assertError(MysqlFacts.statementColumnMissing(), db.exec(sql), sql);
            }
            // a rename onto a taken name, in a statement whose other clause renames a missing column (beaker's form)
            assertTrue(db.exec("CREATE TABLE job (id int, deleted datetime, purged datetime)").ok());
            assertError(MysqlFacts.statementColumnMissing(), db.exec("ALTER TABLE job CHANGE deleted purged datetime,"
                    + " CHANGE to_delete deleted datetime"), "CHANGE onto a taken name, then CHANGE of a missing one");
            assertError(MysqlFacts.DUP_FIELDNAME, db.exec("ALTER TABLE job CHANGE deleted purged datetime"),
                    "the first clause alone");
            assertTrue(db.exec("ALTER TABLE q ADD COLUMN IF NOT EXISTS b binary(16) AFTER a").ok(),
                    "IF NOT EXISTS skips first");
            assertError(MysqlFacts.statementColumnMissing(), db.exec("ALTER TABLE q ADD COLUMN IF NOT EXISTS c int AFTER a"),
                    "IF NOT EXISTS of a new column still places it");
        }
    }

    @Test
    void ddl_commits_the_statements_before_a_failure() {
        // the half-applied revision: the first ALTER stays although the script fails at the second
        try (TempDatabase db = MariaDbServer.require().createDatabase()) {
            assertTrue(db.exec("CREATE TABLE t (a int)").ok());
            Outcome failed = db.exec("START TRANSACTION; ALTER TABLE t ADD COLUMN b int; ALTER TABLE t ADD COLUMN a int;");
            assertEquals(1060, failed.errno(), failed.toString());
            db.exec("ROLLBACK");
            assertTrue(db.exec("SELECT b FROM t").ok(), "column b was committed by its own DDL");
            assertEquals(1060, db.exec("ALTER TABLE t ADD COLUMN b int").errno(), "the re-run fails on b");
        }
    }
}
