package dev.idemlint.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rule-doc markdown to plain text for viewers that show SARIF {@code text} fields verbatim. */
final class Markdown {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)]+)\\)");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*([^*]+)\\*\\*|__([^_]+)__");

    private Markdown() {
    }

    /**
     * Unwraps soft line breaks inside paragraphs, drops backticks, emphasis, heading marks and code
     * fences (code lines stay as written), and writes links as {@code text (url)}.
     */
    static String plain(String md) {
        StringBuilder out = new StringBuilder();
        boolean inCode = false;
        boolean inParagraph = false;
        for (String line : md.replace("\r\n", "\n").split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                newline(out);
                inParagraph = false;
                continue;
            }
            if (inCode) {
                out.append(line).append('\n');
                continue;
            }
            String t = line.strip();
            if (t.isEmpty()) {
                if (out.length() > 0 && !out.toString().endsWith("\n\n")) {
                    newline(out);
                    out.append('\n');
                }
                inParagraph = false;
                continue;
            }
            boolean block = t.startsWith("#") || t.startsWith("- ") || t.startsWith("* ") || t.matches("\\d+\\. .*");
            if (t.startsWith("#")) {
                t = t.replaceFirst("^#+\\s*", "");
            }
            t = inline(t);
            if (inParagraph && !block) {
                out.append(' ').append(t);
            } else {
                newline(out);
                out.append(t);
            }
            inParagraph = true;
        }
        return out.toString().strip();
    }

    private static String inline(String t) {
        StringBuilder links = new StringBuilder();
        Matcher m = LINK.matcher(t);
        while (m.find()) {
            m.appendReplacement(links, Matcher.quoteReplacement(
                    m.group(1).equals(m.group(2)) ? m.group(1) : m.group(1) + " (" + m.group(2) + ")"));
        }
        m.appendTail(links);
        StringBuilder plain = new StringBuilder();
        m = EMPHASIS.matcher(links);
        while (m.find()) {
            m.appendReplacement(plain, Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        m.appendTail(plain);
        String s = plain.toString();
        return s.replace("`", "");
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
