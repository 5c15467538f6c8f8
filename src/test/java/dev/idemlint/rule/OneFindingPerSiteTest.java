package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule reports a source site once, however often the code runs it; the engine enforces it for every rule. */
class OneFindingPerSiteTest {

    /**
     * Reports one span three times, the way a rule walking an unrolled loop would; named after a real
     * rule for its catalog entry.
     */
    static final class AddColumnNotIdempotent implements MigrationRule {
        @Override
        public void check(Migration m, RuleContext ctx) {
            for (int i = 0; i < 3; i++) {
                ctx.report(m.source(), new dev.idemlint.source.Span(0, 4), "It fails on pass " + i + ".").emit();
            }
            ctx.report(m.source(), new dev.idemlint.source.Span(5, 9), "Another site fails.").emit();
        }
    }

    @Test
    void a_statement_in_a_loop_is_one_finding_that_says_so(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("001_a.py"), """
                from alembic import op

                revision = "1"
                down_revision = None


                def upgrade():
                    for schema in ["tenant_a", "tenant_b", "tenant_c"]:
                        op.execute(f"CREATE SCHEMA {schema}")
                    for i in range(2):
                        op.execute("CREATE SEQUENCE order_seq")
                """);
        List<Diagnostic> found = lint(dir, file, new ArrayList<>(Registry.all()));
        List<Diagnostic> creates = found.stream().filter(d -> d.rule().equals("create-statement-not-idempotent"))
                .toList();
        assertEquals(2, creates.size(), creates.toString());
        Diagnostic schema = creates.get(0);
        assertTrue(schema.message().contains("schema \"tenant_a\" already exists"), schema.message());
        assertTrue(schema.message().contains("(this line runs 3 times)"), schema.message());
        assertTrue(schema.help().startsWith("A loop or repeated call runs this line 3 times. "), schema.help());
        assertFalse(creates.get(1).message().contains("times)"), "a loop over unknown items is walked once: "
                + creates.get(1).message());
        assertNoTwoFindingsShareARuleAndSpan(found);
    }

    @Test
    void the_engine_keeps_one_finding_per_rule_and_span_for_any_rule(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("001_a.py"), "from alembic import op\n\nrevision = '1'\n"
                + "down_revision = None\n\n\ndef upgrade():\n    pass\n");
        List<Rule> rules = List.of(new AddColumnNotIdempotent());
        List<Diagnostic> found = lint(dir, file, rules).stream().filter(d -> d.rule().equals("add-column-not-idempotent"))
                .toList();
        assertEquals(2, found.size(), found.toString());
        assertEquals("It fails on pass 0 (this line runs 3 times).",
                found.get(0).message());
        assertEquals("Another site fails.", found.get(1).message());
    }

    private static List<Diagnostic> lint(Path dir, Path file, List<Rule> rules) {
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        rules.forEach(r -> names.add(r.name()));
        Linter linter = new Linter(rules, RuleCatalog.load(names));
        return linter.lint(new LintTarget(dir, dir, List.of(file), Settings.DEFAULT), p -> p.getFileName().toString())
                .diagnostics();
    }

    private static void assertNoTwoFindingsShareARuleAndSpan(List<Diagnostic> found) {
        Map<String, Diagnostic> seen = new HashMap<>();
        for (Diagnostic d : found) {
            Diagnostic before = seen.put(d.rule() + " " + d.file().displayPath() + " " + d.span(), d);
            assertTrue(before == null, () -> "two findings at one site: " + before + " and " + d);
        }
    }
}
