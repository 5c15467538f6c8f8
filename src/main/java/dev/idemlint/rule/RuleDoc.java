package dev.idemlint.rule;

import java.util.Map;

/**
 * A rule's documentation page, {@code rules/<name>.md}: front matter ({@code name},
 * {@code category}, {@code severity}, {@code fix}, {@code summary}, {@code tags}) and the markdown
 * sections by heading.
 */
public record RuleDoc(String name, String category, Severity severity, String fix, String summary,
        String tags, String markdown, Map<String, String> sections) {

    public String section(String heading) {
        return sections.getOrDefault(heading, "");
    }
}
