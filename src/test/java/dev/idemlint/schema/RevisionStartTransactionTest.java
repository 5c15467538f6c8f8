package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.migration.Migration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RevisionStart#transaction}: the transactions a revision's statements run in, split at its commits; {@link
 * RevisionStart#transactions} answers the same for every statement in one pass.
 */
class RevisionStartTransactionTest {
    private static final int NONE = RevisionStart.NO_TRANSACTION;

    private static List<Integer> transactions(String body) {
        Migration m = new Revisions().rev("a1", null, body).get("a1");
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < m.upgrade().size(); i++) {
            out.add(RevisionStart.transaction(m, i));
        }
        assertEquals(out, Arrays.stream(RevisionStart.transactions(m)).boxed().toList(), "one pass answers as each");
        return out;
    }

    @Test
    void statements_without_a_commit_share_alembics_transaction() {
        assertEquals(List.of(0, 0, 0), transactions("""
                op.add_column("t", sa.Column("a", sa.Integer()))
                op.execute("UPDATE t SET a = 1")
                op.create_index("ix_t_a", "t", ["a"])
                """));
    }

    @Test
    void an_autocommit_block_runs_outside_and_the_statements_after_it_in_a_new_transaction() {
        assertEquals(List.of(0, NONE, NONE, 1, 1), transactions("""
                op.add_column("t", sa.Column("a", sa.Integer()))
                with op.get_context().autocommit_block():
                    op.create_index("ix_t_a", "t", ["a"], postgresql_concurrently=True)
                    op.execute("CREATE INDEX CONCURRENTLY ix_t_b ON t (b)")
                op.add_column("u", sa.Column("a", sa.Integer()))
                op.add_column("v", sa.Column("a", sa.Integer()))
                """));
    }

    @Test
    void a_commit_ends_the_transaction_it_runs_in() {
        assertEquals(List.of(0, 0, NONE, NONE), transactions("""
                op.add_column("t", sa.Column("a", sa.Integer()))
                op.execute("COMMIT")
                op.execute("CREATE INDEX CONCURRENTLY ix_t_b ON t (b)")
                op.add_column("u", sa.Column("a", sa.Integer()))
                """));
    }

    @Test
    void a_revision_that_begins_in_a_block_leaves_alembics_transaction_empty() {
        assertEquals(List.of(NONE, 1, 1, NONE), transactions("""
                with op.get_context().autocommit_block():
                    op.execute("CREATE INDEX CONCURRENTLY ix_t_a ON t (a)")
                op.add_column("u", sa.Column("a", sa.Integer()))
                op.execute("COMMIT")
                op.add_column("v", sa.Column("a", sa.Integer()))
                """));
    }

    @Test
    void the_two_blocks_part_three_transactions() {
        assertEquals(List.of(0, NONE, 1, NONE, 2), transactions("""
                op.add_column("t", sa.Column("a", sa.Integer()))
                with op.get_context().autocommit_block():
                    op.execute("CREATE INDEX CONCURRENTLY ix_t_a ON t (a)")
                op.add_column("u", sa.Column("a", sa.Integer()))
                with op.get_context().autocommit_block():
                    op.execute("CREATE INDEX CONCURRENTLY ix_u_a ON u (a)")
                op.add_column("v", sa.Column("a", sa.Integer()))
                """));
    }
}
