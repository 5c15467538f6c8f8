package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A try/except body's re-run claims are one finding, at the body's first claimed statement, whose fix guards every
 * claimed statement of the body: {@code --fix} converges in one pass however long the body is.
 */
class TryBodyClaimsTest {
    private static final Linter LINTER = FuzzProject.LINTER;

    private static Path revision(Path dir, int statements) throws IOException {
        Path versions = Files.createDirectories(dir.resolve("alembic/versions"));
        Files.writeString(versions.resolve("001_t.py"), """
                from alembic import op
                import sqlalchemy as sa

                revision = "001"
                down_revision = None


                def upgrade():
                    if not sa.inspect(op.get_bind()).has_table("t"):
                        op.create_table("t", sa.Column("id", sa.Integer, primary_key=True))
                """);
        String body = IntStream.range(0, statements)
                .mapToObj(i -> "        op.add_column(\"t\", sa.Column(\"c" + i + "\", sa.Integer()))\n")
                .collect(Collectors.joining());
        return Files.writeString(versions.resolve("002_cols.py"), """
                from alembic import op
                import sqlalchemy as sa

                revision = "002"
                down_revision = "001"


                def upgrade():
                    try:
                """ + body + """
                    except Exception:
                        pass
                    op.add_column("t", sa.Column("after", sa.Integer()))
                """);
    }

    private static LintTarget target(Path dir) throws IOException {
        Path versions = dir.resolve("alembic/versions");
        try (var files = Files.list(versions)) {
            return new LintTarget(dir, versions, files.sorted().toList(), Settings.DEFAULT);
        }
    }

    private static List<Diagnostic> rerunClaims(LintResult r) {
        return r.diagnostics().stream().filter(d -> d.rule().equals("add-column-not-idempotent")).toList();
    }

    @Test
    void only_the_first_claimed_statement_of_a_try_body_is_a_finding(@TempDir Path dir) throws IOException {
        revision(dir, 14);
        List<Diagnostic> found = rerunClaims(LINTER.lint(target(dir), p -> dir.relativize(p).toString()));
        // c0 (the body's first) and "after" (outside the body, its own finding)
        assertEquals(2, found.size(), found.toString());
        Diagnostic first = found.get(0);
        assertTrue(first.message().contains("\"c0\""), first.message());
        assertTrue(first.help().endsWith("13 statements after it in the body would fail as well, and the fix guards"
                + " them too."), first.help());
        assertTrue(first.fixes().get(0).title().endsWith("(and the 13 statements after it in the try body)"),
                first.fixes().get(0).title());
        assertEquals(14, first.fixes().get(0).edits().size());
        assertTrue(found.get(1).message().contains("\"after\""), found.get(1).message());
    }

    @Test
    void fixing_a_body_longer_than_the_fix_loop_converges_in_one_pass(@TempDir Path dir) throws IOException {
        Path file = revision(dir, FixLoop.MAX_PASSES + 4);
        FixLoop.Outcome out = new FixLoop(LINTER).run(target(dir), p -> dir.relativize(p).toString(), true);
        assertEquals(List.of(), out.problems());
        String fixed = out.files().stream().filter(f -> f.path().equals(file)).findFirst().orElseThrow().text();
        for (int i = 0; i < FixLoop.MAX_PASSES + 4; i++) {
            assertTrue(fixed.contains("if \"c" + i + "\" not in {c[\"name\"] for c in sa.inspect(op.get_bind())"
                    + ".get_columns(\"t\")}:"), "c" + i + " unguarded:\n" + fixed);
        }
        assertEquals(List.of(), rerunClaims(out.remaining()), "left after the fix");
    }
}
