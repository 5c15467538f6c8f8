package dev.idemlint.rules.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.rule.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fix of a rename whose new name an earlier statement of its revision drops. */
class RenameNotIdempotentFixTest {

    /** The fixes of the rename-not-idempotent finding on {@code line} of a revision whose upgrade() is {@code body}. */
    private static List<Fix> renameFixes(Path dir, int line, String... body) throws IOException {
        Diagnostic d = UpgradeBody.finding(dir, "rename-not-idempotent", line, body);
        if (d == null) {
            throw new AssertionError("no rename-not-idempotent finding on line " + line);
        }
        return d.fixes();
    }

    @Test
    void puts_the_drop_of_the_new_name_and_the_rename_under_one_guard_on_the_old_name(@TempDir Path dir)
            throws IOException {
        List<Fix> fixes = renameFixes(dir, 10, "op.drop_column('report', 'title')",
                "op.drop_column('report', 'summary')", "op.alter_column('report', 'heading', new_column_name='title')");
        assertEquals(1, fixes.size());
        assertEquals(Applicability.UNSAFE, fixes.get(0).applicability());
        String wrapped = fixes.get(0).edits().get(fixes.get(0).edits().size() - 1).replacement();
        assertEquals("if 'heading' in {c[\"name\"] for c in sa.inspect(op.get_bind()).get_columns('report')}:\n"
                + "        op.drop_column('report', 'title')\n        op.drop_column('report', 'summary')\n"
                + "        op.alter_column('report', 'heading', new_column_name='title')", wrapped);
    }

    @Test
    void keeps_the_suggestion_when_code_it_cannot_see_runs_between(@TempDir Path dir) throws IOException {
        List<Fix> fixes = renameFixes(dir, 10, "op.drop_column('report', 'title')", "print('between')",
                "op.alter_column('report', 'heading', new_column_name='title')");
        assertEquals(List.of(Applicability.DISPLAY_ONLY), fixes.stream().map(Fix::applicability).toList());
    }

    @Test
    void keeps_the_suggestion_when_a_statement_between_renames_the_old_name(@TempDir Path dir) throws IOException {
        List<Fix> fixes = renameFixes(dir, 10, "op.drop_column('report', 'title')",
                "op.alter_column('report', 'caption', new_column_name='heading')",
                "op.alter_column('report', 'heading', new_column_name='title')");
        assertEquals(List.of(Applicability.DISPLAY_ONLY), fixes.stream().map(Fix::applicability).toList());
    }

    @Test
    void keeps_the_suggestion_when_the_drop_names_its_table_at_run_time(@TempDir Path dir) throws IOException {
        List<Fix> fixes = renameFixes(dir, 9, "op.drop_column(table_name(), 'title')",
                "op.alter_column('report', 'heading', new_column_name='title')");
        assertEquals(List.of(Applicability.DISPLAY_ONLY), fixes.stream().map(Fix::applicability).toList());
    }

    @Test
    void guards_the_rename_alone_when_the_drop_is_of_another_table(@TempDir Path dir) throws IOException {
        List<Fix> fixes = renameFixes(dir, 9, "op.drop_column('other', 'title')",
                "op.alter_column('report', 'heading', new_column_name='title')");
        assertEquals(1, fixes.size());
        String wrapped = fixes.get(0).edits().get(fixes.get(0).edits().size() - 1).replacement();
        assertTrue(wrapped.contains("'title' not in") && !wrapped.contains("drop_column"), wrapped);
    }
}
