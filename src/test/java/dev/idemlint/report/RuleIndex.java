package dev.idemlint.report;

import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.RuleDoc;
import java.util.Map;
import java.util.TreeMap;

/** Renders {@code docs/rules.md}, the rule index generated from the {@code rules/*.md} pages. */
public final class RuleIndex {
    private RuleIndex() {
    }

    public static String markdown(RuleCatalog catalog) {
        Map<String, StringBuilder> byCategory = new TreeMap<>();
        for (RuleDoc d : catalog.all()) {
            byCategory.computeIfAbsent(d.category(), k -> new StringBuilder()
                    .append("| Rule | Severity | Fix | Summary |\n|---|---|---|---|\n"))
                    .append("| [`").append(d.name()).append("`](../rules/").append(d.name()).append(".md) | ")
                    .append(d.severity().label()).append(" | ").append(d.fix()).append(" | ")
                    .append(d.summary().replace("|", "\\|")).append(" |\n");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# idemlint rules\n\n")
                .append("<!-- Generated from rules/*.md by DocsTest; edit the rule pages, then run\n")
                .append("     mvn -B test -Dtest=DocsTest -Dregenerate=true -->\n\n")
                .append(catalog.all().size()).append(" rules. `idemlint explain <rule>` prints a page.\n");
        byCategory.forEach((cat, table) -> sb.append("\n## ").append(cat).append("\n\n").append(table));
        return sb.toString();
    }
}
