package dev.idemlint.rule;

import dev.idemlint.source.SourceFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: {@code # idemlint: ignore[rule-a, rule-b]} (or a bare {@code ignore} for
 * every rule) after code silences findings on that line; on a line of its own, on the line below;
 * {@code # idemlint: ignore-file[rule]} silences the rule in the whole file.
 */
public final class Suppressions {
    private static final Pattern MARK = Pattern.compile("#\\s*idemlint:\\s*(ignore-file|ignore)\\b(?:\\[([^\\]]*)\\])?");
    private static final String ALL = "*";

    private final Map<Integer, Set<String>> byLine = new HashMap<>();
    private final Set<String> fileWide = new HashSet<>();

    public static Suppressions scan(SourceFile file) {
        Suppressions s = new Suppressions();
        String text = file.text();
        if (!marked(text)) {
            return s;
        }
        Matcher m = MARK.matcher(text);
        while (m.find()) {
            Set<String> rules = new HashSet<>();
            if (m.group(2) == null || m.group(2).isBlank()) {
                rules.add(ALL);
            } else {
                for (String r : m.group(2).split(",")) {
                    rules.add(r.trim());
                }
            }
            if (m.group(1).equals("ignore-file")) {
                s.fileWide.addAll(rules);
            } else {
                int line = file.lines().line(m.start());
                s.byLine.computeIfAbsent(line, k -> new HashSet<>()).addAll(rules);
                // A comment on a line of its own covers the line below; one after code covers its line only.
                if (text.substring(file.lines().lineStart(line), m.start()).isBlank()) {
                    s.byLine.computeIfAbsent(line + 1, k -> new HashSet<>()).addAll(rules);
                }
            }
        }
        return s;
    }

    /**
     * Whether {@link #MARK} can match: a '#', blanks, then {@code idemlint:}. Most files have a few
     * '#'s (comments) and no marker; a search for "idemlint:" itself stopped at every 'i' of the file
     * and was 3% of the per-file work.
     */
    static boolean marked(String text) {
        for (int h = text.indexOf('#'); h >= 0; h = text.indexOf('#', h + 1)) {
            int i = h + 1;
            while (i < text.length() && isRegexSpace(text.charAt(i))) {
                i++;
            }
            if (text.startsWith("idemlint:", i)) {
                return true;
            }
        }
        return false;
    }

    /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    public boolean suppressed(Diagnostic d) {
        if (fileWide.isEmpty() && byLine.isEmpty()) {
            return false; // nearly every file: no marker, so no line number to work out
        }
        if (fileWide.contains(ALL) || fileWide.contains(d.rule())) {
            return true;
        }
        Set<String> rules = byLine.get(d.line());
        return rules != null && (rules.contains(ALL) || rules.contains(d.rule()));
    }
}
