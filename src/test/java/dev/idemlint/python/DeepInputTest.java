package dev.idemlint.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.FixLoop;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile depth: code nested as deep as CPython compiles is linted like any other, deeper than CPython
 * compiles (python/NestingLimit) or its tokenizer allows is a located syntax error, and in every case
 * the other files of the tree are still linted. The inputs are generated here.
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

    /**
     * Chains of {@code n} terms, each {@code n + 1} expression levels deep: left-deep ones CPython's
     * parser builds without recursion, and prefix or right-deep ones.
     */
    private static List<String> chains(int n) {
        return List.of(
                "1" + repeat(n, i -> " + 1"),
                "\"a\"" + repeat(n, i -> " + \"a\""),
                "a" + repeat(n, i -> ".b"),
                "f" + repeat(n, i -> "()"),
                "a" + repeat(n, i -> "[0]"),
                "x" + repeat(n, i -> " if y else x"),
                repeat(n, i -> "-") + "1",
                repeat(n, i -> "not ") + "x",
                "2" + repeat(n, i -> " ** 2"),
                repeat(n, i -> "lambda: ") + "0");
    }

    /**
     * Where a chain goes: at module level, in upgrade(), and in upgrade() after a generator, which the
     * fast parser leaves to ANTLR (python/PythonParser), so that both parsers meet it.
     */
    private static List<String> placed(String chain) {
        return List.of(revision("x = " + chain, "pass"), revision("", "x = " + chain),
                revision("def g():\n    yield 1", "x = " + chain));
    }

    /** The line of {@code text} that holds {@code x = }. */
    private static int chainLine(String text) {
        String before = text.substring(0, text.indexOf("x = "));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    /** CPython 3.11's {@code compile()} takes each chain of 2,990 terms, in a function or at module level. */
    @Test
    void chains_cpython_compiles_are_linted_without_findings_lost(@TempDir Path tmp) throws IOException {
        int k = 0;
        for (String chain : chains(2_990)) {
            for (String text : placed(chain)) {
                Path dir = Files.createDirectory(tmp.resolve("c" + k++));
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

    /**
     * From 2,999 terms (3,000 levels) CPython 3.11 does not compile any of them (RecursionError during
     * compilation, or MemoryError for lambdas and powers), at 10,000 terms neither: a located
     * parse-error, the other file linted.
     */
    @Test
    void chains_cpython_refuses_are_a_located_parse_error(@TempDir Path tmp) throws IOException {
        refusedChains(tmp, 2_999, 10_000);
    }

    /**
     * As {@link #chains_cpython_refuses_are_a_located_parse_error} at 100,000 and 1,000,000 terms
     * (files of up to 12 MB): most of this class's time, so {@code mvn verify} runs it, {@code mvn test} not.
     */
    @Test
    @Tag("slow")
    void chains_of_a_million_terms_are_a_located_parse_error(@TempDir Path tmp) throws IOException {
        refusedChains(tmp, 100_000, 1_000_000);
    }

    private static void refusedChains(Path tmp, int... sizes) throws IOException {
        int k = 0;
        for (int n : sizes) {
            for (String chain : chains(n)) {
                // every place for the smaller sizes, in upgrade() after a generator for the larger
                List<String> texts = placed(chain);
                for (String text : n > 10_000 ? texts.subList(2, 3) : texts) {
                    Path dir = Files.createDirectory(tmp.resolve("d" + k++));
                    LintResult r = lint(dir, text);
                    Diagnostic d = only(r, BuiltinChecks.PARSE_ERROR);
                    String head = n + " terms, " + chain.substring(0, 12);
                    assertEquals("002_deep.py", d.file().fileName(), head);
                    assertTrue(d.message().contains("expression nested 3,000 levels deep"), head + ": " + d.message());
                    assertEquals(chainLine(text), d.line(), head + ": on the chain's line");
                    assertTrue(d.column() >= 5, head + ": within the chain, column " + d.column());
                }
            }
        }
    }

    /** The fixed text is parsed again before it is written: as deep as the lint, so the fix is kept. */
    @Test
    void a_file_with_a_chain_cpython_compiles_is_fixed(@TempDir Path tmp) throws IOException {
        int k = 0;
        for (String chain : List.of(repeat(2_990, i -> "lambda: ") + "0", "1" + repeat(2_990, i -> " + 1"))) {
            Path dir = Files.createDirectory(tmp.resolve("f" + k++));
            Path file = dir.resolve("002_deep.py");
            Files.writeString(file, revision("x = " + chain, "op.execute('CREATE TABLE u (id int)')"));
            List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
            Registry.all().forEach(r -> names.add(r.name()));
            Linter linter = new Linter(Registry.all(), RuleCatalog.load(names));
            FixLoop.Outcome out = new FixLoop(linter).run(new LintTarget(dir, dir, List.of(file), Settings.DEFAULT),
                    p -> p.getFileName().toString(), false);
            assertEquals(List.of(), out.problems());
            assertTrue(out.files().size() == 1 && out.files().get(0).text().contains("CREATE TABLE IF NOT EXISTS u"),
                    chain.substring(0, 12) + ": " + out.files().size() + " files fixed");
        }
    }

    @Test
    void a_call_deep_in_a_chain_is_still_an_operation(@TempDir Path tmp) throws IOException {
        String text = revision("", "x = " + "1" + repeat(2_990, i -> " + 1")
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
