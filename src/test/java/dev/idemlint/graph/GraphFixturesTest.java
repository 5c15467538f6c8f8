package dev.idemlint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.idemlint.migration.Migration;
import dev.idemlint.rule.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs each graph rule on its fixture folders until the generic fixture harness lands: every line
 * marked {@code # expect: <rule>} must fire, no other line may.
 */
class GraphFixturesTest {
    static final List<String> RULES = List.of("duplicate-revision-id", "multiple-heads", "missing-down-revision",
            "revision-cycle", "multiple-bases", "duplicate-branch-label", "filename-revision-mismatch",
            "docstring-header-mismatch");

    @TestFactory
    Stream<DynamicTest> marked_lines_fire_and_unmarked_lines_do_not() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String rule : RULES) {
            Path dir = RevisionGraphTest.FIXTURES.resolve(rule);
            try (Stream<Path> cases = Files.list(dir)) {
                for (Path c : cases.sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(rule + "/" + c.getFileName(), () -> check(rule, c)));
                }
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    private static void check(String rule, Path caseDir) {
        List<Migration> ms = HeaderReader.dir(caseDir.resolve("versions"));
        TreeSet<String> expected = new TreeSet<>();
        for (Migration m : ms) {
            String[] lines = m.source().text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains("# expect: " + rule)) {
                    expected.add(m.source().fileName() + ":" + (i + 1));
                }
            }
        }
        List<Diagnostic> ds = Lint.run(Lint.rule(rule), ms);
        TreeSet<String> actual = new TreeSet<>();
        for (Diagnostic d : ds) {
            actual.add(d.file().fileName() + ":" + d.line());
        }
        assertEquals(expected, actual, () -> ds.stream().map(d -> d.file().fileName() + ":" + d.line() + " " + d.message())
                .reduce("", (a, b) -> a + "\n" + b));
    }
}
