package dev.idemlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rules.fix.GuardWrapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * A finding's fix carries only what it changes: the findings of one statement share the statement's
 * move, and a statement too long to rewrite gets a display-only fix that does not copy it.
 */
class FixPayloadTest {
    @TempDir
    Path dir;

    /** One op.execute of {@code n} CREATE INDEX CONCURRENTLY statements; the concurrently-in-transaction findings. */
    private List<Diagnostic> concurrently(int n) throws Exception {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sql.append("        CREATE INDEX CONCURRENTLY ix_").append(i).append(" ON t (c").append(i).append(");\n");
        }
        Path f = dir.resolve("001_big.py");
        Files.writeString(f, "from alembic import op\n\nrevision = '1'\ndown_revision = None\n\n\n"
                + "def upgrade():\n    op.execute(\n        \"\"\"\n" + sql + "        \"\"\"\n    )\n");
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        Linter linter = new Linter(Registry.all(), RuleCatalog.load(names));
        return linter.lint(new LintTarget(dir, dir, List.of(f), Settings.DEFAULT), p -> p.getFileName().toString())
                .diagnostics().stream().filter(d -> d.rule().equals("concurrently-in-transaction")).toList();
    }

    private static int editChars(Diagnostic d) {
        int n = 0;
        for (Fix fix : d.fixes()) {
            for (TextEdit e : fix.edits()) {
                n += e.replacement().length();
            }
            n += fix.title().length();
        }
        return n;
    }

    @Test
    void the_statements_of_one_execute_share_one_move() throws Exception {
        List<Diagnostic> found = concurrently(50);
        assertEquals(50, found.size());
        Fix move = found.get(0).fixes().get(0);
        assertEquals(Applicability.UNSAFE, move.applicability());
        assertTrue(move.edits().get(0).replacement().startsWith("with op.get_context().autocommit_block():"),
                move.edits().get(0).replacement());
        assertTrue(move.edits().get(0).replacement().contains("CREATE INDEX CONCURRENTLY ix_49 ON t (c49);"));
        for (Diagnostic d : found.subList(1, found.size())) {
            assertEquals(1, d.fixes().size(), d.toString());
            assertEquals(Applicability.DISPLAY_ONLY, d.fixes().get(0).applicability());
            assertTrue(editChars(d) < 300, d.fixes().toString());
        }
    }

    @Test
    void a_statement_past_the_rewrite_bound_gets_a_display_only_fix_without_its_text() throws Exception {
        int n = GuardWrapper.MAX_REWRITE / 40 + 100; // each statement line is over 40 chars
        List<Diagnostic> found = concurrently(n);
        assertEquals(n, found.size());
        Fix first = found.get(0).fixes().get(0);
        assertEquals(Applicability.DISPLAY_ONLY, first.applicability());
        assertTrue(first.title().startsWith("Move the statement into an autocommit block:\n"
                + "with op.get_context().autocommit_block():\n    <this statement, "), first.title());
        for (Diagnostic d : found) {
            assertTrue(editChars(d) < 300, d.fixes().toString());
        }
    }
}
