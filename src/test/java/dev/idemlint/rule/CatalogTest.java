package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.EnvTimeouts;
import dev.idemlint.discovery.Settings;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Keeps rule classes, docs and fixture folders one to one, and lints the docs' examples. */
class CatalogTest {
    static final Path ROOT = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));
    static final Set<String> SECTIONS = Set.of("What it does", "Why it breaks deploys", "Example", "Use instead",
            "Fix safety", "References");
    private static final Pattern PY_BLOCK = Pattern.compile("(?:File:\\s*`?([^`\\s]+)`?\\s*\\n+)?```python\\n(.*?)```", Pattern.DOTALL);

    static Set<String> registered() {
        Set<String> names = new TreeSet<>();
        Registry.all().forEach(r -> names.add(r.name()));
        return names;
    }

    static Set<String> listNames(Path dir, String suffix, boolean dirs) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> dirs ? Files.isDirectory(p) : p.toString().endsWith(suffix))
                    .forEach(p -> out.add(p.getFileName().toString().replace(suffix, "")));
        }
        return out;
    }

    @Test
    void pages_are_read_when_asked_for_and_a_missing_page_fails_then() {
        RuleCatalog c = RuleCatalog.load(List.of("add-column-not-idempotent", "no-such-rule"));
        assertEquals(Severity.ERROR, c.doc("add-column-not-idempotent").severity());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> c.doc("no-such-rule"));
        assertTrue(e.getMessage().contains("missing rule doc idemlint/rules/no-such-rule.md"), e.getMessage());
        assertEquals(null, c.doc("not-in-this-catalog"));
        assertEquals(Severity.ERROR, c.severity("not-in-this-catalog"));
        RuleCatalog all = RuleCatalog.load(List.of("multiple-heads", "add-column-not-idempotent"));
        assertEquals(List.of("add-column-not-idempotent", "multiple-heads"),
                all.all().stream().map(RuleDoc::name).toList(), "in name order");
    }

    @Test
    void every_rule_has_a_doc_and_every_doc_a_rule() throws IOException {
        Set<String> expected = new TreeSet<>(registered());
        expected.addAll(BuiltinChecks.NAMES);
        assertEquals(expected, listNames(ROOT.resolve("rules"), ".md", false));
    }

    @Test
    void every_rule_has_a_fixture_folder_with_an_expectation() throws IOException {
        Set<String> expected = new TreeSet<>(registered());
        expected.addAll(BuiltinChecks.NAMES);
        Path fixtures = ROOT.resolve("src/test/resources/fixtures/rules");
        assertEquals(expected, listNames(fixtures, "", true));
        for (String rule : registered()) {
            boolean marked;
            try (Stream<Path> s = Files.walk(fixtures.resolve(rule))) {
                marked = s.filter(p -> p.toString().endsWith(".py")).anyMatch(p -> {
                    try {
                        return Files.readString(p).contains("expect: ") && Files.readString(p).contains(rule);
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
            assertTrue(marked, rule + ": no fixture line expects it");
        }
    }

    @Test
    void rule_class_name_is_the_pascal_case_of_its_name() {
        Registry.all().forEach(r -> assertEquals(RuleNames.pascal(r.name()), r.getClass().getSimpleName()));
        assertEquals(Registry.all().size(), registered().size(), "duplicate rule names in the registry");
    }

    @Test
    void docs_have_the_fixed_sections_and_front_matter() throws IOException {
        for (String name : listNames(ROOT.resolve("rules"), ".md", false)) {
            RuleDoc d = RuleCatalog.parse(Files.readString(ROOT.resolve("rules/" + name + ".md")));
            assertEquals(name, d.name(), "front matter name of " + name);
            assertFalse(d.summary().isBlank(), name + ": summary");
            assertTrue(Set.of("always", "sometimes", "none").contains(d.fix()), name + ": fix");
            if (!BuiltinChecks.NAMES.contains(name)) {
                assertEquals(List.copyOf(new TreeSet<>(SECTIONS)), List.copyOf(new TreeSet<>(d.sections().keySet())),
                        name + ": sections");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> doc_examples_fire_and_their_rewrites_do_not(@TempDir Path tmp) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : registered()) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                RuleDoc d = RuleCatalog.parse(Files.readString(ROOT.resolve("rules/" + name + ".md")));
                assertFires(name, d.section("Example"), true, tmp.resolve(name + "-example"));
                assertFires(name, d.section("Use instead"), false, tmp.resolve(name + "-instead"));
            }));
        }
        return tests.stream();
    }

    /** A section's python blocks form a tiny versions tree; the rule must (not) fire on it. */
    private static void assertFires(String rule, String section, boolean fire, Path dir) throws IOException {
        Matcher m = PY_BLOCK.matcher(section);
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        int i = 0;
        while (m.find()) {
            String fileName = m.group(1) == null ? String.format("%03d_example.py", i)
                    : Path.of(m.group(1)).getFileName().toString();
            i++;
            Path f = dir.resolve(fileName);
            Files.writeString(f, m.group(2), StandardCharsets.UTF_8);
            if (!fileName.equals("env.py")) {
                files.add(f);
            }
        }
        assertFalse(files.isEmpty(), rule + ": no ```python block");
        Linter linter = new Linter(Registry.all(), RuleCatalog.load(allNames()));
        // an env.py block is the project's: what it sets for the migrations' session, as discovery reads it
        Settings settings = dev.idemlint.fixture.FixtureCase.parseSettings(section)
                .withEnvTimeouts(EnvTimeouts.of(dir, dir, f -> true));
        LintResult r = linter.lint(new LintTarget(dir, dir, files, settings), Path::toString);
        boolean fired = r.diagnostics().stream().anyMatch(x -> x.rule().equals(rule));
        assertEquals(fire, fired, rule + (fire ? ": Example does not fire" : ": Use instead fires") + "\n"
                + r.diagnostics());
        assertTrue(r.diagnostics().stream().noneMatch(x -> x.rule().equals(BuiltinChecks.PARSE_ERROR)),
                rule + ": example does not parse: " + r.diagnostics());
    }

    static List<String> allNames() {
        List<String> n = new ArrayList<>(BuiltinChecks.NAMES);
        n.addAll(registered());
        return n;
    }
}
