package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import dev.idemlint.mariadb.MariaDbServer.TempDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixes proven on a real MariaDB: a revision of DDL statements (raw SQL with backticks, ADD INDEX/KEY,
 * UNIQUE KEY, CHECK, FOREIGN KEY, and op calls) fails on its re-run as linted, with the error number the
 * finding names; after {@code lint --fix --unsafe-fixes --dialect mariadb:10.11} it re-runs cleanly, and
 * nothing is left to report. Alembic is Debian's, run by {@code run_upgrade.py} through PyMySQL.
 */
@Tag("mariadb")
class MariaDbFixProofTest {
    @TempDir
    Path dir;

    private static final Path RESOURCES = Path.of(System.getProperty("idemlint.root", ".")).resolve(
            "src/test/resources/mariadb");

    /** Copies one revision of the MariaDB resources ({@code from}, relative) into {@code dir/<folder>/versions}. */
    private Path revision(String folder, String from) throws IOException {
        Path versions = Files.createDirectories(dir.resolve(folder).resolve("versions"));
        Path revision = versions.resolve(Path.of(from).getFileName().toString());
        Files.copy(RESOURCES.resolve(from), revision);
        return revision;
    }

    /** Runs {@code --fix --unsafe-fixes} for MariaDB 10.11 and returns the fixed text, which has no PostgreSQL construct. */
    private static String fixedForMariaDb(Path revision) throws IOException {
        CliRun.Result fixed = CliRun.run("lint", "--fix", "--unsafe-fixes", "--dialect", "mariadb:10.11",
                revision.getParent().toString());
        String text = Files.readString(revision);
        assertFalse(text.contains("$$") || text.contains("ON CONFLICT") || text.contains("postgresql"), text);
        assertEquals(0, fixed.exit(), fixed.out() + fixed.err() + "\n" + text);
        return text;
    }

    /**
     * Lint names {@code finding}; on a fresh database the revision runs and its re-run fails with
     * {@code error}; fixed for MariaDB, it runs and re-runs twice.
     */
    private void failsItsReRunUntilFixed(Path revision, String finding, String error, String why) throws IOException {
        failsItsReRunUntilFixed(revision, null, finding, error, why);
    }

    /** As above, each database made from {@code base} (SQL) first when it is not null. */
    private void failsItsReRunUntilFixed(Path revision, String base, String finding, String error, String why)
            throws IOException {
        MariaDbServer server = MariaDbServer.require();
        CliRun.Result before = CliRun.run("lint", "--dialect", "mariadb:10.11", "--format", "concise",
                revision.getParent().toString());
        assertTrue(before.out().contains(finding), before.out());
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(base == null || db.exec(base).ok());
            assertEquals("ok", db.upgrade(revision, null));
            String rerun = db.upgrade(revision, null);
            assertTrue(rerun.startsWith("ERROR " + error), why + ": " + rerun);
        }

        String text = fixedForMariaDb(revision);
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(base == null || db.exec(base).ok());
            assertEquals("ok", db.upgrade(revision, null), text);
            assertEquals("ok", db.upgrade(revision, null), "the fixed revision re-runs:\n" + text);
            assertEquals("ok", db.upgrade(revision, null), "and again:\n" + text);
        }
    }

    @Test
    void the_fixed_revision_re_runs_on_mariadb_where_the_original_fails() throws IOException {
        failsItsReRunUntilFixed(revision("proof", "proof/versions/e1a0b0000001_half_applied.py"),
                "error 1060 ER_DUP_FIELDNAME", "1060", "the original re-run fails as the finding says");
    }

    /**
     * magnum's form: the revision renames columns of {@code bay}, then {@code bay} itself; the re-run fails on the
     * first column rename with 1146 (the table is {@code cluster} now), and the fixed guard asks {@code has_table}
     * before {@code get_columns}, which would raise NoSuchTableError.
     */
    @Test
    void column_renames_of_a_table_renamed_later_fail_their_re_run_with_1146_until_fixed() throws IOException {
        failsItsReRunUntilFixed(revision("rename", "rename/versions/e6a0b0000001_bay_to_cluster.py"),
                "CREATE TABLE bay (id int PRIMARY KEY, baymodel_id varchar(255), bay_create_timeout int)",
                "error 1146 ER_NO_SUCH_TABLE because table \"bay\" is already gone: this revision renames it to \"cluster\"",
                "1146",
                "the first statement meets the renamed table");
    }

    /**
     * voipbin's form: a column renamed away, then another renamed onto its old name. On the re-run the old name is
     * there again (the second rename made it) and the new one too: MariaDB raises 1060, not 1054, as the finding says;
     * the fixed guards rename only while the old name exists and the new one is free.
     */
    @Test
    void a_rename_whose_old_name_the_revision_makes_again_fails_its_re_run_with_1060_until_fixed() throws IOException {
        Path versions = Files.createDirectories(dir.resolve("madeagain/versions"));
        Path revision = versions.resolve("d5e1000021_made_again.py");
        Files.writeString(revision, """
                import sqlalchemy as sa
                from alembic import op

                revision = "d5e1000021"
                down_revision = None


                def upgrade():
                    op.alter_column("chatrooms", "owner_id", new_column_name="room_owner_id", existing_type=sa.Integer())
                    op.alter_column("chatrooms", "agent_id", new_column_name="owner_id", existing_type=sa.Integer())


                def downgrade():
                    pass
                """);
        failsItsReRunUntilFixed(revision, "CREATE TABLE chatrooms (id int PRIMARY KEY, owner_id int, agent_id int)",
                "error 1060 ER_DUP_FIELDNAME because column \"owner_id\" of \"chatrooms\" cannot be renamed to"
                        + " \"room_owner_id\"", "1060", "the old name is there again, and so is the new one");
    }

    /**
     * voipbin's form: a column added {@code AFTER} one the revision drops later. On the re-run MariaDB resolves the
     * placement before it compares the added column's name: 1054 on the dropped column, not 1060, as the finding
     * says; {@code ADD COLUMN IF NOT EXISTS} skips the existing column before it looks at the placement.
     */
    @Test
    void a_column_added_after_one_dropped_later_fails_its_re_run_with_1054_until_fixed() throws IOException {
        Path versions = Files.createDirectories(dir.resolve("placement/versions"));
        Path revision = versions.resolve("d5e1000031_placement.py");
        Files.writeString(revision, """
                from alembic import op

                revision = "d5e1000031"
                down_revision = None


                def upgrade():
                    op.execute("ALTER TABLE queue_queues ADD COLUMN wait_flow_id binary(16) AFTER wait_actions")
                    op.execute("ALTER TABLE queue_queues DROP COLUMN wait_actions")


                def downgrade():
                    pass
                """);
        failsItsReRunUntilFixed(revision, "CREATE TABLE queue_queues (id int PRIMARY KEY, wait_actions json)",
                "error 1054 ER_BAD_FIELD_ERROR because column \"wait_actions\" of \"queue_queues\", where"
                        + " \"wait_flow_id\" is placed AFTER", "1054", "the placement is resolved first");
    }

    /**
     * Columns added to a table the revision drops later: the re-run from where the first run ended meets the table
     * gone, and MariaDB looks it up first (1146, IF NOT EXISTS or not), as the fixture
     * {@code add-column-not-idempotent/mariadb_table_dropped_later} says; the fixes ask {@code has_table} first or
     * write {@code ALTER TABLE IF EXISTS}, which MariaDB 10.11 takes, and the fixed revision re-runs.
     */
    @Test
    void columns_added_to_a_table_dropped_later_fail_their_re_run_with_1146_until_fixed() throws IOException {
        Path versions = Files.createDirectories(dir.resolve("droppedlater/versions"));
        Path revision = versions.resolve("d5e1000011_dropped_later.py");
        Files.writeString(revision, """
                import sqlalchemy as sa
                from alembic import op

                revision = "d5e1000011"
                down_revision = None


                def upgrade():
                    op.add_column("players_old", sa.Column("nickname", sa.Text()))
                    op.execute("ALTER TABLE players_old ADD COLUMN IF NOT EXISTS rank int")
                    with op.batch_alter_table("players_old") as batch_op:
                        batch_op.add_column(sa.Column("score", sa.Integer()))
                    op.execute("DROP TABLE players_old")


                def downgrade():
                    pass
                """);
        failsItsReRunUntilFixed(revision, "CREATE TABLE players_old (id int PRIMARY KEY)",
                "error 1146 ER_NO_SUCH_TABLE because table \"players_old\" is already gone: this revision drops it",
                "1146", "the first statement meets the dropped table");
        String fixed = Files.readString(revision);
        assertTrue(fixed.contains("ALTER TABLE IF EXISTS players_old ADD COLUMN IF NOT EXISTS rank int")
                && fixed.contains(".has_table(\"players_old\")"), fixed);
    }

    /**
     * cloudkitty 4da82e1c11c8's form (class F4): a batch block per table of a loop, its table the loop variable.
     * The re-run fails on the first table's column (1060); the fix guards the column with {@code get_columns(table)},
     * the block's own table expression, so that it holds on every turn, and the fixed revision re-runs (the
     * constraints it drops and makes again are there each time).
     */
    @Test
    void a_batch_over_a_loop_variables_table_is_guarded_with_that_variable() throws IOException {
        Path revision = revision("loopbatch", "loopbatch/versions/e7a0b0000001_per_tenant.py");
        failsItsReRunUntilFixed(revision,
                "CREATE TABLE hashmap_mappings (id int PRIMARY KEY, value varchar(20), field_id int,"
                        + " CONSTRAINT uniq_field_mapping UNIQUE (value, field_id));"
                        + " CREATE TABLE hashmap_thresholds (id int PRIMARY KEY, level int, field_id int,"
                        + " CONSTRAINT uniq_field_threshold UNIQUE (level, field_id))",
                "error 1060 ER_DUP_FIELDNAME because column \"tenant_id\" of \"hashmap_mappings\"", "1060",
                "the first table's column is there");
        assertTrue(Files.readString(revision).contains(".get_columns(table)}:"), Files.readString(revision));
    }

    /**
     * cloudkitty c50ed2c19204's form (class F4): the batch's table is {@code name}, the loop variable over a
     * model's metadata, picked by {@code if name == ...}. The re-run fails with 1061; the fix guards the
     * constraint with {@code get_unique_constraints(name)}, and the fixed revision re-runs.
     */
    @Test
    void a_batch_over_a_models_metadata_is_guarded_with_the_loop_variable() throws IOException {
        Path revision = revision("loopbatch2", "loopbatch2/versions/e8a0b0000001_storage_constraint.py");
        failsItsReRunUntilFixed(revision,
                "CREATE TABLE storage_states (id int PRIMARY KEY, identifier varchar(256) NOT NULL,"
                        + " scope_key varchar(40))",
                "error 1061 ER_DUP_KEYNAME because constraint \"uq_storage_states_identifier\"", "1061",
                "the unique key is there");
        assertTrue(Files.readString(revision).contains(".get_unique_constraints(name)}:"), Files.readString(revision));
    }

    /**
     * designate's form: the re-run's 1061 arrives as PyMySQL's OperationalError, which {@code except
     * sa.exc.IntegrityError} does not catch, so the try/except tolerates nothing and the lint reports it.
     */
    @Test
    void a_unique_constraint_under_except_integrity_error_fails_its_re_run_with_1061() throws IOException {
        failsItsReRunUntilFixed(revision("tryexcept", "tryexcept/versions/e3a0b0000001_unique_ns_name.py"),
                "error 1061 ER_DUP_KEYNAME because constraint \"unique_ns_name\"", "1061",
                "the handler does not catch the duplicate key name");
    }

    /**
     * SQLAlchemy Core's {@code Index(...).create(bind)} emits a plain CREATE INDEX: its re-run fails with 1061 as the
     * fixture {@code create-index-not-idempotent/mysql8_index_create} says, while the fixture's
     * {@code checkfirst=True} variant and the fix ({@code checkfirst=True}) re-run.
     */
    @Test
    void an_index_created_with_create_bind_fails_its_re_run_with_1061_until_checkfirst() throws IOException {
        Path versions = Files.createDirectories(dir.resolve("indexcreate/versions"));
        Path revision = versions.resolve("d1a0b0000061_index_create.py");
        Files.copy(Path.of(System.getProperty("idemlint.root", ".")).resolve(
                "src/test/resources/fixtures/rules/create-index-not-idempotent/mysql8_index_create.py"), revision);
        failsItsReRunUntilFixed(revision, "CREATE TABLE events (id int PRIMARY KEY, kind varchar(20), source varchar(20))",
                "error 1061 ER_DUP_KEYNAME because index \"ix_events_kind\" already exists", "1061",
                "the index made by the first run is there");
        String fixed = Files.readString(revision);
        assertTrue(fixed.contains("sa.Index(\"ix_events_kind\", events.c.kind).create(bind, checkfirst=True)"), fixed);
    }

    @Test
    void a_failure_half_way_leaves_the_earlier_ddl_applied_and_the_re_run_fails_on_it() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path revision = revision("half", "half/versions/f1a0b0000001_email.py");
        CliRun.Result lint = CliRun.run("lint", "--dialect", "mariadb", "--format", "concise",
                revision.getParent().toString());
        assertTrue(lint.out().contains("revision-left-half-applied"), lint.out());
        assertTrue(lint.out().contains("error 1060 ER_DUP_FIELDNAME"), lint.out());
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec("CREATE TABLE players (id int PRIMARY KEY, name varchar(20));"
                    + " INSERT INTO players VALUES (1, 'a'), (2, 'b')").ok());
            String first = db.upgrade(revision, null);
            assertTrue(first.startsWith("ERROR 1062"), "the unique index fails on the rows: " + first);
            assertTrue(db.exec("SELECT email FROM players").ok(), "the column stayed although the revision failed");
            db.exec("UPDATE players SET email = CONCAT(name, '@example.org')");
            String rerun = db.upgrade(revision, null);
            assertTrue(rerun.startsWith("ERROR 1060"), "after the data is fixed, the re-run fails on the column: " + rerun);
        }
    }

    @Test
    void an_enum_created_with_create_bind_makes_no_type_on_mariadb_and_the_re_run_fails_on_the_column() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path versions = Files.createDirectories(dir.resolve("enum/versions"));
        Path revision = versions.resolve("d3a0b0000001_enum_state.py");
        Files.copy(Path.of(System.getProperty("idemlint.root", ".")).resolve(
                "src/test/resources/fixtures/rules/create-type-unguarded/mariadb.py"), revision);
        CliRun.Result lint = CliRun.run("lint", "--dialect", "mariadb:10.11", "--format", "concise", versions.toString());
        assertTrue(lint.out().contains("error 1060 ER_DUP_FIELDNAME"), lint.out());
        assertFalse(lint.out().contains("create-type-unguarded") || lint.out().contains("42710"), lint.out());
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec("CREATE TABLE nodes (id int PRIMARY KEY)").ok());
            assertEquals("ok", db.upgrade(revision, null));
            String rerun = db.upgrade(revision, null);
            assertTrue(rerun.startsWith("ERROR 1060"), "Enum.create(bind) emitted nothing; the column fails: " + rerun);
        }
    }

    /** The objects the seed revision starts from: a table it seeds, one it drops, an index it drops, one it renames. */
    private static final String SEED_BASE = "CREATE TABLE teams (id int PRIMARY KEY, name varchar(20));"
            + " CREATE TABLE legacy (id int); CREATE INDEX ix_teams_old ON teams (name); CREATE TABLE scratch (id int)";

    /** Every table's and view's SHOW CREATE, every trigger's and the seeded rows: the schema and data a run leaves. */
    private static String schema(TempDatabase db) {
        StringBuilder out = new StringBuilder();
        String tables = db.exec("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " ORDER BY table_name").stdout();
        for (String t : tables.strip().split("\n")) {
            if (!t.equals("table_name") && !t.isBlank()) {
                out.append(db.exec("SHOW CREATE TABLE `" + t + "`").stdout());
            }
        }
        out.append(db.exec("SELECT trigger_name, action_statement FROM information_schema.triggers"
                + " WHERE trigger_schema = DATABASE() ORDER BY trigger_name").stdout());
        out.append(db.exec("SELECT * FROM teams ORDER BY id").stdout());
        return out.toString();
    }

    @Test
    void seed_rows_views_triggers_drops_and_renames_fixed_for_mariadb_re_run_to_the_same_schema() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path revision = revision("seed", "proof2/versions/e2a0b0000001_seed_and_objects.py");

        CliRun.Result before = CliRun.run("lint", "--dialect", "mariadb:10.11", "--format", "concise",
                revision.getParent().toString());
        for (String error : List.of("1062 ER_DUP_ENTRY", "1050 ER_TABLE_EXISTS_ERROR", "1359 ER_TRG_ALREADY_EXISTS",
                "1051 ER_BAD_TABLE_ERROR", "1091 ER_CANT_DROP_FIELD_OR_KEY", "1146 ER_NO_SUCH_TABLE")) {
            assertTrue(before.out().contains("error " + error), error + " in:\n" + before.out());
        }
        assertFalse(before.out().matches("(?s).*\\([0-9]{2}[0-9A-Z]{3}\\).*"), "no SQLSTATE:\n" + before.out());
        String unfixed;
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec(SEED_BASE).ok());
            assertEquals("ok", db.upgrade(revision, null));
            unfixed = schema(db);
            assertTrue(db.upgrade(revision, null).startsWith("ERROR 1062"), "the original re-run fails on the rows");
        }

        String text = fixedForMariaDb(revision);
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec(SEED_BASE).ok());
            assertEquals("ok", db.upgrade(revision, null), text);
            assertEquals(unfixed, schema(db), "the fixed revision's first run leaves what the original does:\n" + text);
            assertEquals("ok", db.upgrade(revision, null), "the fixed revision re-runs:\n" + text);
            assertEquals("ok", db.upgrade(revision, null), "and again:\n" + text);
            assertEquals(unfixed, schema(db), "and the re-runs change nothing:\n" + text);
        }
    }

    /**
     * CTFd's shape: the fixes guard the add_column and drop_column; without a guard on the unnamed foreign key the
     * re-run would reach it and MariaDB would add a second one as {@code teams_ibfk_2}. Fixed, the re-runs leave
     * the schema the first run made.
     */
    @Test
    void an_unnamed_foreign_key_after_a_fixed_statement_is_not_added_twice() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path revision = revision("fk", "fk/versions/e4a0b0000001_brackets.py");
        String base = "CREATE TABLE teams (id int PRIMARY KEY, bracket varchar(20));"
                + " CREATE TABLE users (id int PRIMARY KEY)";
        CliRun.Result before = CliRun.run("lint", "--dialect", "mariadb:10.11", "--format", "concise",
                revision.getParent().toString());
        assertTrue(before.out().contains("a second foreign key on \"teams\""), before.out());
        assertTrue(before.out().contains("a second foreign key on \"users\""), before.out());
        String unfixed;
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec(base).ok());
            assertEquals("ok", db.upgrade(revision, null));
            unfixed = schema(db, "brackets", "teams", "users");
            assertTrue(db.upgrade(revision, null).startsWith("ERROR 1050"), "the original re-run fails first");
        }

        String text = fixedForMariaDb(revision);
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec(base).ok());
            assertEquals("ok", db.upgrade(revision, null), text);
            assertEquals("ok", db.upgrade(revision, null), "the fixed revision re-runs:\n" + text);
            assertEquals("ok", db.upgrade(revision, null), "and again:\n" + text);
            String after = schema(db, "brackets", "teams", "users");
            assertFalse(after.contains("_ibfk_2"), after);
            assertEquals(unfixed, after, "one foreign key per column, as the first run made:\n" + text);
        }
    }

    /**
     * cloudkitty's shape: a batch with {@code recreate="always"} builds a new table from the reflected one (or
     * {@code copy_from}) plus its ops, keyed by name, and swaps it in; the re-run makes it again, nothing collides,
     * and the lint reports nothing.
     */
    @Test
    void additions_of_a_batch_with_recreate_always_re_run_and_are_not_reported() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path revision = revision("rebuilt", "rebuilt/versions/e5a0b0000001_rebuilt.py");
        CliRun.Result lint = CliRun.run("lint", "--dialect", "mariadb:10.11", "--format", "concise",
                revision.getParent().toString());
        assertFalse(lint.out().contains("not-idempotent"), lint.out());
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec("CREATE TABLE states (id int PRIMARY KEY, identifier varchar(64) NOT NULL);"
                    + " INSERT INTO states VALUES (1, 'a')").ok());
            assertEquals("ok", db.upgrade(revision, null));
            String first = schema(db, "states");
            assertEquals("ok", db.upgrade(revision, null), "the re-run builds the table again");
            assertEquals(first, schema(db, "states"));
            assertTrue(db.exec("SELECT active, note FROM states WHERE identifier = 'a'").ok());
        }
    }

    /**
     * magnum's form: a data migration's raw SELECT of {@code cluster.node_count} before
     * {@code drop_column("cluster", "node_count")}: the first run's drop committed, so the re-run stops at the
     * read with 1054, where the lint reports it (the drop's own 1091 comes later).
     */
    @Test
    void a_read_of_a_column_the_revision_drops_later_fails_its_re_run_with_1054() throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path versions = Files.createDirectories(dir.resolve("read/versions"));
        Path revision = versions.resolve("d3a0b0000041_read_before_drop.py");
        Files.copy(Path.of(System.getProperty("idemlint.root", ".")).resolve(
                "src/test/resources/fixtures/rules/drop-not-idempotent/mariadb_read_before_drop.py"), revision);
        CliRun.Result lint = CliRun.run("lint", "--dialect", "mariadb:10.11", "--format", "concise", versions.toString());
        assertTrue(lint.out().contains("fails here with error 1054 ER_BAD_FIELD_ERROR because column \"node_count\""),
                lint.out());
        try (TempDatabase db = server.createDatabase()) {
            assertTrue(db.exec("CREATE TABLE cluster (uuid varchar(36), name varchar(20), node_count int, node_addresses text);"
                    + " CREATE TABLE nodegroup (cluster_id varchar(36), node_count int);"
                    + " INSERT INTO cluster VALUES ('u1', 'a', 3, 'x')").ok());
            assertEquals("ok", db.upgrade(revision, null));
            String rerun = db.upgrade(revision, null);
            assertTrue(rerun.startsWith("ERROR 1054") && rerun.contains("node_count"), "the read fails first: " + rerun);
        }
    }

    /** SHOW CREATE TABLE of the given tables. */
    private static String schema(TempDatabase db, String... tables) {
        StringBuilder out = new StringBuilder();
        for (String t : tables) {
            out.append(db.exec("SHOW CREATE TABLE `" + t + "`").stdout());
        }
        return out.toString();
    }
}
