package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import org.junit.jupiter.api.Test;

/** {@link NamesBroughtBack}: whether a name an operation takes away stands again when its transaction commits. */
class NamesBroughtBackTest {
    private static final ObjectRef PLAYERS_TEAM = ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("players"), "team");
    private static final ObjectRef COACHES = ObjectRef.table(QualifiedName.of("coaches"));
    private static final ObjectRef COACHES_VIEW = ObjectRef.of(ObjectKind.VIEW, QualifiedName.of("coaches"));

    private static Migration rev(String body) {
        return new Revisions().rev("a1", null, body).get("a1");
    }

    @Test
    void a_column_added_again_later_in_the_transaction_is_back() {
        NamesBroughtBack names = NamesBroughtBack.of(rev("""
                op.alter_column("players", "team", new_column_name="club")
                op.add_column("players", sa.Column("team", sa.Integer()))
                """));
        assertTrue(names.back(0, PLAYERS_TEAM));
        assertFalse(names.back(1, PLAYERS_TEAM), "nothing after the last statement brings it back");
    }

    @Test
    void a_column_renamed_into_place_is_back_in_any_spelling() {
        NamesBroughtBack names = NamesBroughtBack.of(rev("""
                op.execute("ALTER TABLE players DROP COLUMN team")
                op.execute("ALTER TABLE public.players RENAME COLUMN team_new TO team")
                """));
        assertTrue(names.back(0, PLAYERS_TEAM));
    }

    @Test
    void a_name_taken_away_again_before_the_commit_is_not_back() {
        NamesBroughtBack names = NamesBroughtBack.of(rev("""
                op.alter_column("players", "team", new_column_name="club")
                op.add_column("players", sa.Column("team", sa.Integer()))
                op.drop_column("players", "team")
                """));
        assertFalse(names.back(0, PLAYERS_TEAM));
    }

    @Test
    void a_view_of_the_old_name_is_back_as_a_view_not_as_a_table() {
        NamesBroughtBack names = NamesBroughtBack.of(rev("""
                op.rename_table("coaches", "staff")
                op.execute("CREATE VIEW coaches AS SELECT * FROM staff")
                """));
        assertTrue(names.back(0, COACHES_VIEW));
        assertFalse(names.back(0, COACHES));
    }

    @Test
    void a_name_brought_back_after_a_commit_or_by_an_autocommit_statement_is_not_back() {
        Migration m = rev("""
                op.drop_column("players", "team")
                op.execute("COMMIT")
                op.add_column("players", sa.Column("team", sa.Integer()))
                """);
        assertFalse(NamesBroughtBack.of(m).back(0, PLAYERS_TEAM));
        NamesBroughtBack block = NamesBroughtBack.of(rev("""
                op.drop_column("players", "team")
                with op.get_context().autocommit_block():
                    op.add_column("players", sa.Column("team", sa.Integer()))
                """));
        assertFalse(block.back(0, PLAYERS_TEAM));
    }

    @Test
    void a_statement_in_an_autocommit_block_is_never_covered() {
        NamesBroughtBack names = NamesBroughtBack.of(rev("""
                with op.get_context().autocommit_block():
                    op.drop_column("players", "team")
                    op.add_column("players", sa.Column("team", sa.Integer()))
                """));
        assertFalse(names.back(0, PLAYERS_TEAM));
    }

    @Test
    void a_dynamic_name_or_a_position_outside_the_revision_is_not_back() {
        NamesBroughtBack names = NamesBroughtBack.of(rev("""
                op.drop_column("players", "team")
                op.add_column("players", sa.Column("team", sa.Integer()))
                """));
        assertTrue(names.back(0, PLAYERS_TEAM));
        assertFalse(names.back(0, null));
        assertFalse(names.back(-1, PLAYERS_TEAM));
        assertFalse(names.back(2, PLAYERS_TEAM));
    }
}
