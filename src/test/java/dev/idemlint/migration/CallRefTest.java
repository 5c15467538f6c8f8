package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.idemlint.python.Expr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After the engine releases syntax trees, fix builders still get each operation's call back. */
class CallRefTest {
    private static final String REVISION = """
            revision = "002"
            down_revision = "001"

            def _add(table):
                op.add_column(table, sa.Column("x", sa.Integer()))

            def upgrade():
                op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True))
                if True:
                    with op.batch_alter_table("t") as b:
                        b.add_column(sa.Column("y", sa.Text(), nullable=[f(1), g(2)][0]))
                for t in ["a", "b"]:
                    _add(t)
                op.execute("CREATE INDEX i ON t (id); CREATE INDEX j ON t (id)")

            def downgrade():
                op.drop_table("t")
            """;

    @Test
    void a_released_call_is_found_again_by_parsing_with_the_same_span_and_arguments() throws Exception {
        Migration m = MigrationReaderTest.read(REVISION);
        List<Expr.Call> held = new ArrayList<>();
        for (Operation op : m.operations()) {
            held.add(op.site().call());
        }
        m.releaseSyntax();
        for (int i = 0; i < held.size(); i++) {
            Expr.Call before = held.get(i);
            Expr.Call after = m.operations().get(i).site().call();
            assertNotNull(before, "every operation here comes from a call");
            assertNotNull(after, "found again: " + before.span());
            assertNotSame(before, after, "the tree was released, so this is a fresh parse");
            assertEquals(before.span(), after.span());
            assertEquals(before.args().size(), after.args().size());
            assertEquals(m.source().slice(before.span()), m.source().slice(after.span()));
        }
    }

    @Test
    void a_held_call_is_the_modelled_object() throws Exception {
        Migration m = MigrationReaderTest.read(REVISION);
        Operation first = m.operations().get(0);
        assertSame(first.site().call(), first.site().call());
    }
}
