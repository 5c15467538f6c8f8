package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fix of a re-run claim is withheld when the revision makes a statement-level call of code it does not define,
 * after the claim (the fixed re-run would reach it) or before it (the fixed re-run would no longer roll it back);
 * calls that cannot write withhold nothing.
 */
class UnreadCodeReachedTest {
    private static final Linter LINTER = FuzzProject.LINTER;

    private static List<Diagnostic> lint(Path dir, String body) throws IOException {
        Path versions = Files.createDirectories(dir.resolve("alembic/versions"));
        Files.writeString(versions.resolve("001_t.py"), """
                import sys
                from alembic import op
                import sqlalchemy as sa
                from app.seeds import insert_rows

                revision = "001"
                down_revision = None


                def seed():
                    insert_rows(op.get_bind())


                def upgrade():
                """ + body);
        try (var files = Files.list(versions)) {
            LintTarget t = new LintTarget(dir, versions, files.sorted().toList(), Settings.DEFAULT);
            return LINTER.lint(t, p -> dir.relativize(p).toString()).diagnostics().stream()
                    .filter(d -> d.rule().equals("create-table-not-idempotent")).toList();
        }
    }

    private static boolean applied(Diagnostic d) {
        return d.fixes().stream().anyMatch(f -> f.applicability() != Applicability.DISPLAY_ONLY);
    }

    @Test
    void a_claim_before_or_after_a_call_of_unread_code_keeps_its_fix_as_a_suggestion(@TempDir Path dir) throws IOException {
        List<Diagnostic> found = lint(dir, """
                    op.create_table("a", sa.Column("id", sa.Integer, primary_key=True))
                    seed()
                    op.create_table("b", sa.Column("id", sa.Integer, primary_key=True))
                """);
        assertEquals(2, found.size(), found.toString());
        Diagnostic a = found.get(0);
        assertTrue(!applied(a), a.fixes().toString());
        assertTrue(a.help().endsWith("No fix is applied: the re-run would go on to its end and commit"
                + " `insert_rows(...)` (run from line 16), code idemlint does not read, which may write again what the"
                + " first run wrote."), a.help());
        assertTrue(a.fixes().get(0).title().startsWith("Guard with `inspector.has_table` (not applied)"),
                a.fixes().get(0).title());
        // after the call: the re-run reaches it today, but its failure rolls the call's writes back
        Diagnostic b = found.get(1);
        assertTrue(!applied(b), b.fixes().toString());
        assertTrue(b.help().contains("commit `insert_rows(...)` (run from line 16)"), b.help());
    }

    @Test
    void a_revision_without_calls_of_unread_code_keeps_its_fixes(@TempDir Path dir) throws IOException {
        List<Diagnostic> found = lint(dir, """
                    op.create_table("a", sa.Column("id", sa.Integer, primary_key=True))
                    op.create_table("b", sa.Column("id", sa.Integer, primary_key=True))
                """);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.stream().allMatch(UnreadCodeReachedTest::applied), found.toString());
    }

    @Test
    void calls_that_end_the_process_or_chain_on_a_result_withhold_nothing(@TempDir Path dir) throws IOException {
        List<Diagnostic> found = lint(dir, """
                    op.create_table("a", sa.Column("id", sa.Integer, primary_key=True))
                    op.get_bind().execute(sa.text("SELECT 1")).fetchall()
                    sys.exit(0)
                """);
        assertEquals(1, found.size(), found.toString());
        assertTrue(applied(found.get(0)), found.get(0).toString());
    }

    @Test
    void each_claim_names_the_next_call_after_it_else_the_last_before_it(@TempDir Path dir) throws IOException {
        List<Diagnostic> found = lint(dir, """
                    op.create_table("a", sa.Column("id", sa.Integer, primary_key=True))
                    seed()
                    op.create_table("b", sa.Column("id", sa.Integer, primary_key=True))
                    insert_rows(op.get_bind())
                    op.create_table("c", sa.Column("id", sa.Integer, primary_key=True))
                    op.create_table("d", sa.Column("id", sa.Integer, primary_key=True))
                """);
        assertEquals(4, found.size(), found.toString());
        assertTrue(found.stream().noneMatch(UnreadCodeReachedTest::applied), found.toString());
        List<String> lines = found.stream().map(d -> d.help().replaceAll("(?s).*\\(run from line (\\d+)\\).*", "$1"))
                .toList();
        assertEquals(List.of("16", "18", "18", "18"), lines);
    }
}
