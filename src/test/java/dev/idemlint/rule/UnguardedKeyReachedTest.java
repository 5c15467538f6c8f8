package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixes of re-run claims before an unnamed key whose guard is not applied are withheld (fixed, the re-run would
 * reach the key and add it again); the claims after it, and every claim of a revision whose unnamed keys are guarded,
 * keep theirs.
 */
class UnguardedKeyReachedTest {
    private static final Linter LINTER = FuzzProject.LINTER;

    private static List<Diagnostic> lint(Path dir, String body) throws IOException {
        Path versions = Files.createDirectories(dir.resolve("alembic/versions"));
        Files.writeString(versions.resolve("001_t.py"), """
                from alembic import op
                import sqlalchemy as sa

                revision = "001"
                down_revision = None


                def link(table, columns):
                    op.add_column(table, sa.Column("mission_id", sa.Integer()))
                    op.create_foreign_key(None, table, "mission", columns, ["id"])
                    op.add_column(table, sa.Column("other_id", sa.Integer()))


                def upgrade():
                """ + body);
        try (var files = Files.list(versions)) {
            LintTarget t = new LintTarget(dir, versions, files.sorted().toList(), Settings.DEFAULT);
            // the re-run claims only: the locks category warns about the same statements' locks
            Set<String> locks = Registry.all().stream().filter(r -> r.getClass().getPackageName().endsWith(".locks"))
                    .map(Rule::name).collect(Collectors.toSet());
            return LINTER.lint(t, p -> dir.relativize(p).toString()).diagnostics().stream()
                    .filter(d -> !locks.contains(d.rule())).toList();
        }
    }

    private static boolean applied(Diagnostic d) {
        return d.fixes().stream().anyMatch(f -> f.applicability() != Applicability.DISPLAY_ONLY);
    }

    private static List<Diagnostic> addColumns(List<Diagnostic> found) {
        return found.stream().filter(d -> d.rule().equals("add-column-not-idempotent")).toList();
    }

    @Test
    void claims_before_an_unguarded_unnamed_key_keep_their_fixes_as_suggestions(@TempDir Path dir) throws IOException {
        List<Diagnostic> found = addColumns(lint(dir, """
                    op.add_column("mission", sa.Column("code", sa.Text()))
                    link("activity", ["mission_id"])
                """));
        assertEquals(3, found.size(), found.toString());
        for (Diagnostic d : found.subList(0, 2)) {
            assertFalse(applied(d), d.fixes().toString());
            assertTrue(d.help().endsWith("No fix is applied: the re-run would go on to add the unnamed foreign key on"
                    + " \"activity\" (run from line 16) a second time, its guard not applied."), d.help());
        }
        // after the key: the re-run stops before it either way
        assertTrue(applied(found.get(2)), found.get(2).fixes().toString());
    }

    @Test
    void a_guarded_unnamed_key_withholds_nothing(@TempDir Path dir) throws IOException {
        List<Diagnostic> found = lint(dir, """
                    op.add_column("mission", sa.Column("code", sa.Text()))
                    op.add_column("activity", sa.Column("mission_id", sa.Integer()))
                    op.create_foreign_key(None, "activity", "mission", ["mission_id"], ["id"])
                """);
        assertEquals(3, found.size(), found.toString());
        found.forEach(d -> assertTrue(applied(d), d.rule() + " " + d.fixes()));
    }
}
