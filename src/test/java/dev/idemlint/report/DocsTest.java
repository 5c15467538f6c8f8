package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from rules/*.md; this fails when it is stale. */
class DocsTest {
    @Test
    void generated_rule_index_is_up_to_date() throws IOException {
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        String expected = RuleIndex.markdown(RuleCatalog.load(names));
        Path index = Path.of(System.getProperty("idemlint.root", ".")).resolve("docs/rules.md");
        if (Boolean.getBoolean("regenerate")) {
            Files.writeString(index, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(index) ? Files.readString(index, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, "docs/rules.md is stale: run mvn -B test -Dtest=DocsTest -Dregenerate=true");
    }
}
