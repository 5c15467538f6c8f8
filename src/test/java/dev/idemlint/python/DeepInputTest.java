package dev.idemlint.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.LintResult;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile depth: code nested as deep as CPython accepts is linted like any other (no recursion of
 * idemlint follows it), deeper than CPython's tokenizer allows is CPython's own located syntax error,
 * and in every case the other files of the tree are still linted. The inputs are generated here.
 */
class DeepInputTest {
    private static final String GOOD = "revision = '1'\ndown_revision = None\nfrom alembic import op\nimport sqlalchemy as sa\n\n"
            + "def upgrade():\n    op.add_column('t', sa.Column('c', sa.Text()))\n";

    private static LintResult lint(Path dir, String deep) throws IOException {
        Path good = dir.resolve("001_good.py");
        Files.writeString(good, GOOD);
        Path bad = dir.resolve("002_deep.py");
        Files.writeString(bad, deep);
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        Linter linter = new Linter(Registry.all(), RuleCatalog.load(names));
        LintResult r = linter.lint(new LintTarget(dir, dir, List.of(good, bad), Settings.DEFAULT),
                p -> p.getFileName().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.rule().equals("add-column-not-idempotent")
                && d.file().fileName().equals("001_good.py")), "the other file is linted: " + r.diagnostics());
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.rule().equals(BuiltinChecks.INTERNAL_ERROR)),
                r.diagnostics().toString());
        return r;
    }

    private static String revision(String moduleLevel, String inUpgrade) {
        return "revision = '2'\ndown_revision = '1'\nfrom alembic import op\nimport sqlalchemy as sa\n\n"
                + moduleLevel + "\n\ndef upgrade():\n    " + inUpgrade
                + "\n    op.add_column('u', sa.Column('d', sa.Text()))\n";
    }

    private static String repeat(int n, IntFunction<String> part) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(part.apply(i));
        }
        return sb.toString();
    }

    /** Left-deep chains CPython's parser builds without recursion: 10,000 terms each. */
    private static final int TERMS = 10_000;

    private static List<String> chains() {
        return List.of(
                "1" + repeat(TERMS, i -> " + 1"),
                "\"a\"" + repeat(TERMS, i -> " + \"a\""),
                "a" + repeat(TERMS, i -> ".b"),
                "f" + repeat(TERMS, i -> "()"),
                "a" + repeat(TERMS, i -> "[0]"),
                "x" + repeat(TERMS, i -> " if y else x"),
                repeat(TERMS, i -> "-") + "1",
                repeat(TERMS, i -> "not ") + "x",
                "2" + repeat(TERMS, i -> " ** 2"),
                repeat(TERMS, i -> "lambda: ") + "0");
    }

    @Test
    void left_deep_and_unary_chains_are_linted_without_findings_lost(@TempDir Path tmp) throws IOException {
        int k = 0;
        for (String chain : chains()) {
            for (boolean inUpgrade : List.of(false, true)) {
                Path dir = Files.createDirectory(tmp.resolve("c" + k++));
                String text = inUpgrade ? revision("", "x = " + chain) : revision("x = " + chain, "pass");
                LintResult r = lint(dir, text);
                String head = chain.substring(0, 12);
                assertTrue(r.diagnostics().stream().noneMatch(d -> d.rule().equals(BuiltinChecks.PARSE_ERROR)),
                        head + ": " + r.diagnostics());
                assertTrue(r.diagnostics().stream().anyMatch(d -> d.rule().equals("add-column-not-idempotent")
                        && d.file().fileName().equals("002_deep.py")), head + " (the deep file is linted): "
                        + r.diagnostics());
            }
        }
    }

    @Test
    void a_call_deep_in_a_chain_is_still_an_operation(@TempDir Path tmp) throws IOException {
        String text = revision("", "x = " + "1" + repeat(TERMS, i -> " + 1")
                + " + op.add_column('v', sa.Column('e', sa.Text()))");
        LintResult r = lint(tmp, text);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.rule().equals("add-column-not-idempotent")
                && d.message().contains("\"e\"")), r.diagnostics().toString());
    }

    /** CPython's tokenizer: at most 200 open brackets (MAXLEVEL), 99 nested blocks (MAXINDENT 100). */
    @Test
    void brackets_nested_past_cpythons_limit_are_its_syntax_error_at_the_201st(@TempDir Path tmp) throws IOException {
        int k = 0;
        for (String[] pair : List.of(new String[] {"(", ")"}, new String[] {"[", "]"}, new String[] {"{", "}"})) {
            Path ok = Files.createDirectory(tmp.resolve("ok" + k));
            LintResult fine = lint(ok, revision("x = " + pair[0].repeat(200) + pair[1].repeat(200), "pass"));
            assertTrue(fine.diagnostics().stream().noneMatch(d -> d.rule().equals(BuiltinChecks.PARSE_ERROR)),
                    fine.diagnostics().toString());
            for (int n : new int[] {201, 100_000}) {
                Path dir = Files.createDirectory(tmp.resolve("deep" + k + "_" + n));
                LintResult r = lint(dir, revision("x = " + pair[0].repeat(n) + pair[1].repeat(n), "pass"));
                Diagnostic d = only(r, BuiltinChecks.PARSE_ERROR);
                assertTrue(d.message().contains("too many nested parentheses"), d.message());
                assertEquals(6, d.line());
                assertEquals(5 + 200, d.column(), "at the 201st bracket, as CPython reports it");
            }
            k++;
        }
    }

    @Test
    void blocks_nested_past_cpythons_limit_are_its_indentation_error(@TempDir Path tmp) throws IOException {
        // upgrade()'s body is the first indented level: 98 nested ifs in it make the 99 CPython allows
        for (int n : new int[] {98, 99, 5_000}) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(" ".repeat(4 + i)).append("if x:\n");
            }
            sb.append(" ".repeat(4 + n)).append("pass");
            Path dir = Files.createDirectory(tmp.resolve("if" + n));
            LintResult r = lint(dir, revision("", sb.toString().substring(4)));
            List<Diagnostic> errors = r.diagnostics().stream()
                    .filter(d -> d.rule().equals(BuiltinChecks.PARSE_ERROR)).toList();
            if (n < 99) {
                assertTrue(errors.isEmpty(), errors.toString());
            } else {
                Diagnostic d = only(r, BuiltinChecks.PARSE_ERROR);
                assertTrue(d.message().contains("too many levels of indentation"), d.message());
                assertEquals(8 + 100, d.line(), "the line that would open the 100th level");
                assertEquals(1, d.column());
            }
        }
    }

    private static Diagnostic only(LintResult r, String rule) {
        List<Diagnostic> found = r.diagnostics().stream().filter(d -> d.rule().equals(rule)).toList();
        assertEquals(1, found.size(), r.diagnostics().toString());
        return found.get(0);
    }
}
