package dev.idemlint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Migration;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.RuleDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The docs are tests: each graph rule's Example fires, its Use instead does not. */
class GraphRuleDocsTest {
    private static final Pattern BLOCK = Pattern.compile("(?:File: (\\S+)\\n)?```python\\n(.*?)```", Pattern.DOTALL);

    @Test
    void examples_fire_and_use_instead_does_not() {
        RuleCatalog catalog = RuleCatalog.load(GraphFixturesTest.RULES);
        for (String name : GraphFixturesTest.RULES) {
            RuleDoc doc = catalog.doc(name);
            assertEquals(name, doc.name());
            assertEquals("graph", doc.category());
            for (String s : List.of("What it does", "Why it breaks deploys", "Example", "Use instead", "Fix safety",
                    "References")) {
                assertFalse(doc.section(s).isBlank(), name + ": " + s);
            }
            assertFalse(Lint.run(Lint.rule(name), blocks(doc.section("Example"))).isEmpty(), name + " Example");
            assertTrue(Lint.run(Lint.rule(name), blocks(doc.section("Use instead"))).isEmpty(), name + " Use instead");
        }
    }

    private static List<Migration> blocks(String section) {
        List<Migration> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(section);
        while (m.find()) {
            String file = m.group(1) == null ? "versions/example.py" : m.group(1);
            out.add(HeaderReader.file(file.substring(file.lastIndexOf('/') + 1), m.group(2)));
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
