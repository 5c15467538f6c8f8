package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.pg.ChainOutcome.Outcome;
import dev.idemlint.pg.ChainOutcome.RevisionOutcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Alembic 1.8.1 / SQLAlchemy 1.4.46 really send to PostgreSQL, and what happens when a revision runs
 * a second time (stamped back to its parents, then upgraded again). Each test asserts what the server
 * answered; where that differs from what the project had assumed, the test says so.
 */
@Tag("postgres")
class AlembicFactsTest {

    private static final String TABLES = """
            op.create_table("teams", sa.Column("id", sa.Integer, nullable=False), sa.Column("code", sa.Text))
            op.create_table("players", sa.Column("id", sa.Integer, primary_key=True),
                            sa.Column("team_id", sa.Integer), sa.Column("age", sa.Integer))
            """;

    private AlembicRerunHarness harness;

    @TempDir
    Path tmp;

    @BeforeEach
    void cluster() {
        harness = new AlembicRerunHarness(PgCluster.require());
    }

    private RevisionChain chain() {
        return new RevisionChain(tmp.resolve("versions"));
    }

    /** Runs a chain: a base revision "a" making teams/players, then {@code body} as revision "b". */
    private RevisionOutcome rerunOnTables(String body) {
        ChainOutcome out = harness.run(chain().revision("a", null, TABLES).revision("b", "a", body).dir());
        RevisionOutcome b = out.revision("b");
        assertTrue(b.first().ok(), () -> "first run must pass\n" + out.describe());
        return b;
    }

    private static void assertFails(Outcome o, String sqlstate, String errorClass) {
        assertFalse(o.ok(), () -> "expected " + sqlstate + " but it passed: " + o.statements());
        assertEquals(sqlstate, o.sqlstate(), o::toString);
        assertEquals(errorClass, o.errorClass(), o::toString);
    }

    // (a)
    @Test
    void add_column_rerun_fails_with_duplicate_column_42701() {
        RevisionOutcome b = rerunOnTables("""
                op.add_column("players", sa.Column("custom_notes", sa.Text()))
                """);
        assertFails(b.rerun(), "42701", "DuplicateColumn");
    }

    // (b)
    @Test
    void create_table_rerun_fails_with_duplicate_table_42P07() {
        ChainOutcome out = harness.run(chain().revision("a", null, TABLES).dir());
        assertFails(out.revision("a").rerun(), "42P07", "DuplicateTable");
    }

    // (c)
    @Test
    void create_index_rerun_fails_with_duplicate_table_42P07() {
        RevisionOutcome b = rerunOnTables("""
                op.create_index("ix_players_age", "players", ["age"])
                """);
        assertFails(b.rerun(), "42P07", "DuplicateTable");
    }

    // (d)
    @Test
    void create_foreign_key_rerun_fails_with_duplicate_object_42710() {
        ChainOutcome out = harness.run(chain()
                .revision("a", null, TABLES + "op.create_primary_key(\"pk_teams\", \"teams\", [\"id\"])\n")
                .revision("b", "a", """
                        op.create_foreign_key("fk_players_team", "players", "teams", ["team_id"], ["id"])
                        """)
                .dir());
        assertTrue(out.revision("b").first().ok(), out::describe);
        assertFails(out.revision("b").rerun(), "42710", "DuplicateObject");
    }

    // (d) a unique constraint is backed by an index, a relation: so the duplicate is a *table* error
    @Test
    void create_unique_constraint_rerun_fails_with_duplicate_table_42P07_not_42710() {
        RevisionOutcome b = rerunOnTables("""
                op.create_unique_constraint("uq_teams_code", "teams", ["code"])
                """);
        assertFails(b.rerun(), "42P07", "DuplicateTable");
        assertTrue(b.rerun().message().contains("relation \"uq_teams_code\" already exists"), b.rerun()::toString);
    }

    // (d)
    @Test
    void create_check_constraint_rerun_fails_with_duplicate_object_42710() {
        RevisionOutcome b = rerunOnTables("""
                op.create_check_constraint("ck_players_age", "players", "age > 0")
                """);
        assertFails(b.rerun(), "42710", "DuplicateObject");
    }

    // (d) PostgreSQL checks "one primary key per table" before it looks at the constraint name
    @Test
    void create_primary_key_rerun_fails_with_invalid_table_definition_42P16() {
        RevisionOutcome b = rerunOnTables("""
                op.create_primary_key("pk_teams", "teams", ["id"])
                """);
        assertFails(b.rerun(), "42P16", "InvalidTableDefinition");
        assertTrue(b.rerun().message().contains("multiple primary keys"), b.rerun()::toString);
    }

    // (e) Alembic 1.8.1's create_index takes **kw and hands it to sa.Index as a dialect kwarg: SQLAlchemy
    // warns it cannot find a dialect named "if", emits a plain CREATE INDEX, and the re-run fails.
    @Test
    void create_index_if_not_exists_is_ignored_with_a_warning_on_alembic_1_8() {
        RevisionOutcome b = rerunOnTables("""
                op.create_index("ix_players_age", "players", ["age"], if_not_exists=True)
                """);
        assertTrue(b.first().emitted("CREATE INDEX ix_players_age ON players (age)"), b.first().statements()::toString);
        assertTrue(b.first().warnings().stream().anyMatch(w -> w.contains("if_not_exists")), () -> b.first().warnings().toString());
        assertFails(b.rerun(), "42P07", "DuplicateTable");
    }

    // (e)
    @Test
    void add_column_if_not_exists_raises_type_error_on_alembic_1_8() {
        ChainOutcome out = harness.run(chain().revision("a", null, TABLES)
                .revision("b", "a", "op.add_column(\"players\", sa.Column(\"nick\", sa.Text()), if_not_exists=True)\n")
                .dir());
        Outcome first = out.revision("b").first();
        assertFails(first, null, "TypeError");
        assertTrue(first.message().contains("unexpected keyword argument 'if_not_exists'"), first::toString);
        assertNull(out.revision("b").rerun());
    }

    // (e) create_table(**kw) passes it to sa.Table as a dialect kwarg: warned, ignored, plain CREATE TABLE
    @Test
    void create_table_if_not_exists_is_ignored_with_a_warning_on_alembic_1_8() {
        ChainOutcome out = harness.run(chain().revision("a", null, """
                op.create_table("teams", sa.Column("id", sa.Integer, primary_key=True), if_not_exists=True)
                """).dir());
        RevisionOutcome a = out.revision("a");
        assertTrue(a.first().ok(), out::describe);
        assertTrue(a.first().emitted("CREATE TABLE teams ("), a.first().statements()::toString);
        assertTrue(a.first().warnings().stream().anyMatch(w -> w.contains("if_not_exists")), () -> a.first().warnings().toString());
        assertFails(a.rerun(), "42P07", "DuplicateTable");
    }

    // (h) The Python except swallows the DuplicateColumn, but PostgreSQL has aborted the migration's
    // transaction: Alembic's own UPDATE of alembic_version then fails with 25P02.
    @Test
    void try_except_around_add_column_does_not_save_the_rerun_25P02() {
        RevisionOutcome b = rerunOnTables("""
                try:
                    op.add_column("players", sa.Column("custom_notes", sa.Text()))
                except Exception:
                    pass
                """);
        assertFails(b.rerun(), "25P02", "InFailedSqlTransaction");
    }

    // (i) Alembic keeps one memo per migration context: within one `upgrade` run SQLAlchemy's
    // ENUM create event remembers "division" and does not emit CREATE TYPE twice, even from two revisions
    // with separate MetaData. Revision by revision (a new context each time) the second one fails.
    @Test
    void enum_created_by_two_revisions_passes_in_one_upgrade_run() {
        Path dir = twoRevisionsCreatingDivision();
        ChainOutcome once = harness.upgradeHeadsOnce(dir);
        assertTrue(once.headRun().ok(), once::describe);
        assertEquals(1, once.headRun().statements().stream().filter(s -> s.startsWith("CREATE TYPE division")).count(),
                () -> once.headRun().statements().toString());
    }

    // (i)
    @Test
    void enum_created_by_two_revisions_fails_applied_one_by_one_42710() {
        ChainOutcome out = harness.run(twoRevisionsCreatingDivision());
        assertTrue(out.revision("a").first().ok(), out::describe);
        assertFails(out.revision("b").first(), "42710", "DuplicateObject");
        assertEquals("type \"division\" already exists", out.revision("b").first().message());
    }

    // (i) the memo only knows types SQLAlchemy created itself: a CREATE TYPE from op.execute is not in it,
    // so the same enum in a later create_table fails even within one upgrade run.
    @Test
    void enum_created_by_raw_sql_then_by_create_table_fails_even_in_one_upgrade_run_42710() {
        Path dir = chain()
                .revision("a", null, "op.execute(\"CREATE TYPE division AS ENUM ('boys', 'girls')\")\n")
                .revision("b", "a", """
                        op.create_table("teams", sa.Column("id", sa.Integer, primary_key=True),
                                        sa.Column("division", sa.Enum("boys", "girls", name="division")))
                        """)
                .dir();
        ChainOutcome once = harness.upgradeHeadsOnce(dir);
        assertFails(once.headRun(), "42710", "DuplicateObject");
    }

    private Path twoRevisionsCreatingDivision() {
        return chain()
                .revision("a", null, """
                        op.create_table("players", sa.Column("id", sa.Integer, primary_key=True),
                                        sa.Column("division", sa.Enum("boys", "girls", name="division")))
                        """)
                .revision("b", "a", """
                        op.create_table("teams", sa.Column("id", sa.Integer, primary_key=True),
                                        sa.Column("division", sa.Enum("boys", "girls", name="division")))
                        """)
                .dir();
    }

    // (j) create_type is a postgresql.ENUM argument; the generic sa.Enum accepts and drops it.
    @Test
    void generic_enum_ignores_create_type_false_and_still_creates_the_type() {
        ChainOutcome out = harness.run(typeThenTableWith("sa.Enum(\"boys\", \"girls\", name=\"division\", create_type=False)"));
        Outcome b = out.revision("b").first();
        assertTrue(b.emitted("CREATE TYPE division"), b.statements()::toString);
        assertFails(b, "42710", "DuplicateObject");
    }

    // (j)
    @Test
    void postgresql_enum_honours_create_type_false() {
        ChainOutcome out = harness.run(
                typeThenTableWith("postgresql.ENUM(\"boys\", \"girls\", name=\"division\", create_type=False)"));
        Outcome b = out.revision("b").first();
        assertTrue(b.ok(), out::describe);
        assertFalse(b.emitted("CREATE TYPE"), b.statements()::toString);
        // and its re-run fails only on the table itself
        assertFails(out.revision("b").rerun(), "42P07", "DuplicateTable");
    }

    private Path typeThenTableWith(String enumExpr) {
        return chain()
                .revision("a", null, "op.execute(\"CREATE TYPE division AS ENUM ('boys', 'girls')\")\n")
                .revision("b", "a", "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer, primary_key=True), "
                        + "sa.Column(\"division\", " + enumExpr + "))\n")
                .dir();
    }

    // (k) inside Alembic's per-migration transaction (allowed since PostgreSQL 12)
    @Test
    void alter_type_add_value_if_not_exists_reruns_cleanly_and_without_it_fails_42710() {
        ChainOutcome out = harness.run(chain()
                .revision("a", null, "op.execute(\"CREATE TYPE division AS ENUM ('boys', 'girls')\")\n")
                .revision("b", "a", "op.execute(\"ALTER TYPE division ADD VALUE IF NOT EXISTS 'coed'\")\n")
                .revision("c", "b", "op.execute(\"ALTER TYPE division ADD VALUE 'mixed'\")\n")
                .dir());
        assertTrue(out.revision("b").first().ok(), out::describe);
        assertTrue(out.revision("b").rerun().ok(), out::describe);
        assertTrue(out.revision("c").first().ok(), out::describe);
        assertFails(out.revision("c").rerun(), "42710", "DuplicateObject");
    }

    // (m) Alembic 1.8.1 does not raise a CommandError/ResolutionError here: it warns, then the revision
    // map lookup raises a bare KeyError naming the missing parent (what `alembic upgrade head` prints too).
    @Test
    void missing_down_revision_makes_alembic_raise_key_error() {
        Path dir = chain().revision("a", null, TABLES).revision("b", "zzz_missing", "").dir();
        ChainOutcome walk = harness.run(dir);
        assertFails(walk.load(), null, "KeyError");
        assertEquals("'zzz_missing'", walk.load().message());
        assertTrue(walk.load().warnings().stream().anyMatch(w -> w.contains("Revision zzz_missing referenced from")
                && w.contains("is not present")), () -> walk.load().warnings().toString());
        ChainOutcome once = harness.upgradeHeadsOnce(dir);
        assertFails(once.headRun(), null, "KeyError");
    }

    // (m) Two files declare revision "040": Alembic warns and keeps the one it read last from
    // os.listdir() (directory order, not name order); `upgrade heads` runs only that one and passes.
    @Test
    void duplicate_revision_id_warns_and_upgrade_heads_silently_skips_one_file() {
        Path dir = chain()
                .revision("039", null, "op.create_table(\"t\", sa.Column(\"id\", sa.Integer, primary_key=True))\n")
                .file("040_add_jersey_public_orders.py", "040", List.of("039"),
                        "op.create_table(\"jersey_public_orders\", sa.Column(\"id\", sa.Integer, primary_key=True))\n")
                .file("040_create_16u_local_queens_team.py", "040", List.of("039"),
                        "op.create_table(\"queens\", sa.Column(\"id\", sa.Integer, primary_key=True))\n")
                .dir();
        ChainOutcome once = harness.upgradeHeadsOnce(dir);
        assertTrue(once.headRun().ok(), once::describe);
        assertTrue(once.load().warnings().stream().anyMatch(w -> w.contains("Revision 040 is present more than once")),
                once::describe);
        long created = once.headRun().statements().stream()
                .filter(s -> s.startsWith("CREATE TABLE jersey_public_orders") || s.startsWith("CREATE TABLE queens"))
                .count();
        assertEquals(1, created, () -> "exactly one of the two 040 files runs: " + once.headRun().statements());
        ChainOutcome walk = harness.run(dir);
        assertEquals(2, walk.revisions().size(), walk::describe);
    }
}
