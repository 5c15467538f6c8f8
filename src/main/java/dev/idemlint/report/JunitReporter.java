package dev.idemlint.report;

import dev.idemlint.rule.Diagnostic;
import dev.idemlint.source.Printable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --output-format junit}: JUnit XML for CI test-report panes (GitLab, Jenkins, Azure): a
 * test suite per file with findings, a failed test case per finding named after its rule and line.
 * A clean run is one passing test case, so the pane shows that the check ran.
 */
public final class JunitReporter implements Reporter {
    @Override
    public void write(Report report, Appendable out) throws IOException {
        Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
        for (Diagnostic d : report.diagnostics()) {
            byFile.computeIfAbsent(d.file().displayPath(), f -> new ArrayList<>()).add(d);
        }
        int n = report.diagnostics().size();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"idemlint\" tests=\"").append(String.valueOf(Math.max(1, n)))
                .append("\" failures=\"").append(String.valueOf(n)).append("\">\n");
        if (n == 0) {
            out.append("  <testsuite name=\"idemlint\" tests=\"1\" failures=\"0\">\n")
                    .append("    <testcase name=\"idemlint\" classname=\"idemlint\"/>\n  </testsuite>\n");
        }
        for (Map.Entry<String, List<Diagnostic>> e : byFile.entrySet()) {
            String file = attr(e.getKey());
            int count = e.getValue().size();
            out.append("  <testsuite name=\"").append(file).append("\" tests=\"").append(String.valueOf(count))
                    .append("\" failures=\"").append(String.valueOf(count)).append("\">\n");
            for (Diagnostic d : e.getValue()) {
                out.append("    <testcase name=\"").append(attr(d.rule() + ":" + d.line() + ":" + d.column()))
                        .append("\" classname=\"").append(file).append("\" file=\"").append(file)
                        .append("\" line=\"").append(String.valueOf(d.line())).append("\">\n")
                        .append("      <failure type=\"").append(attr(d.rule())).append("\" message=\"")
                        .append(attr(d.message())).append("\">")
                        .append(text(Printable.line(e.getKey()) + ":" + d.line() + ":" + d.column() + ": "
                                + d.severity().label() + "[" + Printable.line(d.rule()) + "] " + Printable.line(d.message())
                                + (d.help() == null || d.help().isEmpty() ? "" : "\nhelp: " + Printable.line(d.help()))))
                        .append("</failure>\n    </testcase>\n");
            }
            out.append("  </testsuite>\n");
        }
        out.append("</testsuites>\n");
    }

    /** An attribute value: text from input shown as {@link Printable#line} shows it, then markup escaped. */
    private static String attr(String s) {
        return text(Printable.line(s)).replace("\"", "&quot;");
    }

    /**
     * Text content, each piece from input already passed through {@link Printable#line} (a CI job may
     * print the report to its log, where a line break from input would start a line of its own):
     * markup characters escaped, and characters XML 1.0 cannot carry at all (C0
     * controls but tab and newline, lone surrogates, U+FFFE/U+FFFF) written as {@code \\uXXXX}.
     */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == '&') {
                sb.append("&amp;");
            } else if (c == '<') {
                sb.append("&lt;");
            } else if (c == '>') {
                sb.append("&gt;");
            } else if (c < 0x20 && c != '\t' && c != '\n' || c == '\r' || Character.isSurrogate(c)
                    || c == '\uFFFE' || c == '\uFFFF') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
