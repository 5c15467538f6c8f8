package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.Migration;
import dev.idemlint.rules.Registry;
import dev.idemlint.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule reports what it says at a source site once, however often the code runs it, and a finding per object the
 * passes name; the engine enforces it for every rule.
 */
class OneFindingPerSiteTest {

    /**
     * Reports one span three times alike and twice naming other objects, the way a rule walking an unrolled loop
     * would, with a fix each pass offers alike and one that spells the pass; named after a real rule for its
     * catalog entry.
     */
    static final class AddColumnNotIdempotent implements MigrationRule {
        @Override
        public void check(Migration m, RuleContext ctx) {
            Fix shared = Fix.of("Shared", Applicability.SAFE, List.of(TextEdit.insert(m.source().path(), 0, "# ")));
            for (int i = 0; i < 3; i++) {
                ctx.report(m.source(), new Span(0, 4), "It fails on a.").fix(shared).emit();
            }
            for (String name : List.of("b", "c")) {
                ctx.report(m.source(), new Span(0, 4), "It fails on " + name + ".").fix(shared)
                        .fix(Fix.of("Only " + name, Applicability.SAFE, List.of(TextEdit.insert(m.source().path(), 5, name))))
                        .emit();
            }
            ctx.report(m.source(), new Span(5, 9), "Another site fails.")
                    .fix(Fix.of("Own", Applicability.SAFE, List.of(TextEdit.insert(m.source().path(), 5, "x")))).emit();
        }
    }

    @Test
    void a_statement_in_a_loop_is_a_finding_per_object_it_names(@TempDir Path dir) throws IOException {
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
        assertEquals(4, creates.size(), creates.toString());
        for (int i = 0; i < 3; i++) {
            String schema = "schema \"tenant_" + (char) ('a' + i) + "\" already exists.";
            assertTrue(creates.get(i).message().endsWith(schema), creates.get(i).message());
            assertFalse(creates.get(i).help().startsWith("A loop"), creates.get(i).help());
            assertEquals(creates.get(0).span(), creates.get(i).span());
        }
        assertFalse(creates.get(3).message().contains("times)"), "a loop over unknown items is walked once: "
                + creates.get(3).message());
    }

    @Test
    void the_engine_counts_what_a_site_says_alike_and_keeps_the_fixes_every_pass_offers(@TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("001_a.py"), "from alembic import op\n\nrevision = '1'\n"
                + "down_revision = None\n\n\ndef upgrade():\n    pass\n");
        List<Rule> rules = List.of(new AddColumnNotIdempotent());
        List<Diagnostic> found = lint(dir, file, rules).stream().filter(d -> d.rule().equals("add-column-not-idempotent"))
                .toList();
        assertEquals(List.of("It fails on a (this line runs 3 times).", "It fails on b.", "It fails on c.",
                "Another site fails."), found.stream().map(Diagnostic::message).toList());
        assertEquals("A loop or repeated call runs this line 3 times. ", found.get(0).help());
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("Shared"), found.get(i).fixes().stream().map(Fix::title).toList(),
                    "a fix one pass spells would do its work on every pass: " + found.get(i));
        }
        assertEquals(List.of("Own"), found.get(3).fixes().stream().map(Fix::title).toList());
    }

    private static List<Diagnostic> lint(Path dir, Path file, List<Rule> rules) {
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        rules.forEach(r -> names.add(r.name()));
        Linter linter = new Linter(rules, RuleCatalog.load(names));
        return linter.lint(new LintTarget(dir, dir, List.of(file), Settings.DEFAULT), p -> p.getFileName().toString())
                .diagnostics();
    }
}
