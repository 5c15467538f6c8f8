package dev.idemlint.rules.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.rule.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fix of an index's drop that the re-run meets owned by the constraint its revision makes under its name. */
class DropNotIdempotentFixTest {

    /** The drop-not-idempotent finding on upgrade()'s first statement, whose body is {@code body}; null when none. */
    private static Diagnostic dropFinding(Path dir, String... body) throws IOException {
        return UpgradeBody.finding(dir, "drop-not-idempotent", UpgradeBody.FIRST_LINE, body);
    }

    @Test
    void drops_the_constraint_first_then_the_index(@TempDir Path dir) throws IOException {
        Diagnostic d = dropFinding(dir, "op.drop_index('uix_totals', table_name='totals')",
                "op.create_unique_constraint('uix_totals', 'totals', ['account_id', 'period'])");
        assertEquals(true, d != null, "no finding");
        assertEquals(true, d.message().contains("(2BP01)"), d.message());
        assertEquals(List.of(Applicability.UNSAFE), d.fixes().stream().map(Fix::applicability).toList());
        assertEquals("op.execute('ALTER TABLE \"totals\" DROP CONSTRAINT IF EXISTS \"uix_totals\"; DROP INDEX IF"
                + " EXISTS \"uix_totals\"')", d.fixes().get(0).edits().get(0).replacement());
    }

    @Test
    void offers_no_fix_when_a_foreign_key_of_the_revision_may_rest_on_the_constraint(@TempDir Path dir)
            throws IOException {
        Diagnostic d = dropFinding(dir, "op.drop_index('uix_totals', table_name='totals')",
                "op.create_unique_constraint('uix_totals', 'totals', ['account_id', 'period'])",
                "op.create_foreign_key('fk_lines_totals', 'lines', 'totals', ['account_id', 'period'],"
                        + " ['account_id', 'period'])");
        assertEquals(true, d.message().contains("(2BP01)"), d.message());
        assertEquals(List.of(), d.fixes());
    }

    @Test
    void claims_nothing_when_code_it_cannot_see_runs_in_the_revision(@TempDir Path dir) throws IOException {
        assertEquals(null, dropFinding(dir, "op.drop_index('uix_totals', table_name='totals')",
                "op.create_unique_constraint('uix_totals', 'totals', ['account_id', 'period'])", "helper()"));
    }

    @Test
    void drops_the_table_holding_the_foreign_key_first_where_the_revision_makes_it_again(@TempDir Path dir)
            throws IOException {
        Diagnostic d = dropFinding(dir, "op.drop_table('hosts')", "op.create_table('hosts', sa.Column('id',"
                + " sa.Integer(), primary_key=True))", "op.create_table('ports', sa.Column('id', sa.Integer(),"
                + " primary_key=True), sa.Column('host_id', sa.Integer(), sa.ForeignKey('hosts.id')))");
        assertEquals(true, d != null && d.message().contains("(2BP01)"), String.valueOf(d));
        assertEquals(List.of(Applicability.UNSAFE), d.fixes().stream().map(Fix::applicability).toList());
        assertEquals("op.execute('DROP TABLE IF EXISTS \"ports\"; DROP TABLE \"hosts\"')",
                d.fixes().get(0).edits().get(0).replacement());
    }

    @Test
    void offers_no_fix_where_another_table_made_again_holds_a_foreign_key_too(@TempDir Path dir) throws IOException {
        Diagnostic d = dropFinding(dir, "op.drop_table('hosts')", "op.create_table('hosts', sa.Column('id',"
                + " sa.Integer(), primary_key=True))", "op.create_table('ports', sa.Column('id', sa.Integer(),"
                + " primary_key=True), sa.Column('host_id', sa.Integer(), sa.ForeignKey('hosts.id')))",
                "op.create_table('disks', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('host_id',"
                        + " sa.Integer(), sa.ForeignKey('hosts.id')))");
        assertEquals(true, d != null && d.message().contains("(2BP01)"), String.valueOf(d));
        assertEquals(List.of(), d.fixes());
    }
}
