package dev.idemlint.report;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Related;
import dev.idemlint.rule.Severity;
import dev.idemlint.source.Background;
import dev.idemlint.source.LineIndex;
import dev.idemlint.source.Printable;
import dev.idemlint.source.SourceEncoding;
import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Compiler-style output: {@code path:line:col: severity[rule] [*] message}, a code frame with the
 * span underlined, related locations, help and fix titles ({@code full}); or one line per finding,
 * {@code path:line:col: rule [*] message} ({@code concise}); or a count per rule ({@code statistics}).
 * {@code [*]} marks a finding that {@code --fix} fixes (with {@code --unsafe-fixes}, also by an unsafe
 * fix), as Ruff marks them. ANSI colour only when asked (on a TTY).
 *
 * @param unsafeFixes whether unsafe fixes are applied ({@code --unsafe-fixes}): they count as fixable
 * @param showFixes whether the concise layout lists each finding's fixes too
 */
public record TextReporter(boolean color, boolean summary, Layout layout, boolean unsafeFixes, boolean showFixes)
        implements Reporter {
    /** How findings are laid out. */
    public enum Layout { FULL, CONCISE, STATISTICS }

    public TextReporter(boolean color, boolean summary) {
        this(color, summary, Layout.FULL, false, false);
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    /** Findings per window: the first half formatted on this thread, the second on the pool's worker. */
    private static final int WINDOW = 512;

    @Override
    public void write(Report report, Appendable out) throws IOException {
        List<Diagnostic> ds = report.diagnostics();
        if (layout == Layout.STATISTICS) {
            statistics(ds, out);
        } else {
            findings(ds, out);
        }
        if (summary) {
            summary(report, out);
        }
    }

    private void findings(List<Diagnostic> ds, Appendable out) throws IOException {
        // Formatted a window at a time on both cores, each half into a buffer handed over whole (the
        // report is written after the lint, when the other core has nothing left to do; appended
        // piece by piece, each of a finding's ~15 pieces was encoded on its own).
        StringBuilder mine = new StringBuilder(1 << 16);
        StringBuilder theirs = new StringBuilder(1 << 16);
        for (int from = 0; from < ds.size(); from += WINDOW) {
            int to = Math.min(ds.size(), from + WINDOW);
            int mid = (from + to) >>> 1;
            StringBuilder second = theirs;
            second.setLength(0);
            Background<StringBuilder> other = Background.start(new Callable<StringBuilder>() {
                @Override
                public StringBuilder call() throws IOException {
                    return format(ds, mid, to, second);
                }
            });
            mine.setLength(0);
            out.append(format(ds, from, mid, mine));
            out.append(other.join());
        }
    }

    /** {@code --statistics}: how many findings of each rule, most first, {@code [*]} when all are fixable. */
    private void statistics(List<Diagnostic> ds, Appendable out) throws IOException {
        Map<String, int[]> counts = new TreeMap<>();
        for (Diagnostic d : ds) {
            int[] c = counts.computeIfAbsent(d.rule(), r -> new int[2]);
            c[0]++;
            c[1] += fixable(d) ? 1 : 0;
        }
        List<Map.Entry<String, int[]>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Comparator.comparing((Map.Entry<String, int[]> e) -> -e.getValue()[0]));
        int width = rows.stream().mapToInt(e -> e.getKey().length()).max().orElse(0);
        for (Map.Entry<String, int[]> e : rows) {
            int[] c = e.getValue();
            out.append(String.format("%5d  %-" + width + "s  %s%n", c[0], e.getKey(),
                    c[1] == c[0] ? "[*]" : c[1] > 0 ? "[-]" : "   ").stripTrailing()).append('\n');
        }
    }

    private void summary(Report report, Appendable out) throws IOException {
        List<Diagnostic> ds = report.diagnostics();
        int n = ds.size();
        if (n == 0) {
            out.append(paint("32", "All checks passed")).append(" (").append(String.valueOf(report.filesRead()))
                    .append(report.filesRead() == 1 ? " file).\n" : " files).\n");
            return;
        }
        Report.Tally tally = report.tally();
        long fixable = 0;
        long hidden = 0;
        Set<String> withFindings = new HashSet<>();
        for (Diagnostic d : ds) {
            withFindings.add(d.file().displayPath());
            if (fixable(d)) {
                fixable++;
            } else if (!unsafeFixes && d.fixes().stream().anyMatch(f -> f.applicability() == Applicability.UNSAFE)) {
                hidden++;
            }
        }
        out.append(paint("1", "Found " + n + (n == 1 ? " problem" : " problems"))).append(" (")
                .append(plural(tally.count(Severity.ERROR), "error")).append(", ")
                .append(plural(tally.count(Severity.WARNING), "warning")).append(") in ")
                .append(String.valueOf(withFindings.size())).append(" of ")
                .append(plural(Math.max(report.filesRead(), withFindings.size()), "file")).append(".\n");
        if (fixable > 0 || hidden > 0) {
            out.append(paint("32", "[*]")).append(' ').append(String.valueOf(fixable))
                    .append(" fixable with `--fix`");
            if (hidden > 0) {
                out.append(" (").append(String.valueOf(hidden)).append(hidden == 1 ? " hidden fix" : " hidden fixes")
                        .append(" can be enabled with `--unsafe-fixes`)");
            }
            out.append(".\n");
        }
    }

    /** Whether {@code --fix} (with {@code --unsafe-fixes} when given) fixes the finding. */
    private boolean fixable(Diagnostic d) {
        for (Fix f : d.fixes()) {
            if (f.applicability() == Applicability.SAFE || unsafeFixes && f.applicability() == Applicability.UNSAFE) {
                return true;
            }
        }
        return false;
    }

    /** Findings {@code from..to} appended to {@code sb}. */
    private StringBuilder format(List<Diagnostic> ds, int from, int to, StringBuilder sb) throws IOException {
        for (int i = from; i < to; i++) {
            writeOne(ds.get(i), sb);
        }
        return sb;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void writeOne(Diagnostic d, Appendable out) throws IOException {
        if (layout == Layout.CONCISE) {
            out.append(paint("1", Printable.line(d.file().displayPath()) + ":" + d.line() + ":" + d.column() + ":"))
                    .append(' ').append(paint("1", d.rule())).append(fixable(d) ? " " + paint("32", "[*]") : "")
                    .append(' ').append(Printable.line(d.message())).append('\n');
            if (showFixes) {
                fixTitles(d, out);
            }
            return;
        }
        String sev = d.severity().label();
        String sevColored = paint(d.severity() == Severity.ERROR ? "1;31" : d.severity() == Severity.WARNING ? "1;33"
                : "1;36", sev);
        out.append(paint("1", Printable.line(d.file().displayPath()) + ":" + d.line() + ":" + d.column() + ":"))
                .append(' ').append(sevColored).append('[').append(paint("1", d.rule())).append("] ")
                .append(fixable(d) ? paint("32", "[*]") + " " : "").append(Printable.line(d.message())).append('\n');
        frame(d.file(), d.span().start(), d.span().end(), out);
        for (Related r : d.related()) {
            out.append("   = note: ").append(Printable.line(r.file().displayPath())).append(':')
                    .append(String.valueOf(r.file().lines().line(r.span().start()))).append(':')
                    .append(String.valueOf(r.file().lines().column(r.span().start()))).append(": ")
                    .append(Printable.line(r.message())).append('\n');
        }
        if (d.help() != null && !d.help().isEmpty()) {
            out.append("   = ").append(paint("36", "help")).append(": ").append(Printable.line(d.help())).append('\n');
        }
        fixTitles(d, out);
        out.append('\n');
    }

    private void fixTitles(Diagnostic d, Appendable out) throws IOException {
        for (Fix f : d.fixes()) {
            String kind = switch (f.applicability()) {
                case SAFE -> "fix";
                case UNSAFE -> "unsafe fix";
                case DISPLAY_ONLY -> "suggestion";
            };
            String title = Printable.lines(f.title()).replace("\n", "\n     ");
            out.append("   = ").append(paint("32", kind)).append(": ").append(title).append('\n');
        }
    }

    /** {@code line} with each byte that was not UTF-8 (an escaped char, see SourceEncoding) shown as U+FFFD. */
    private static String shown(String line) {
        StringBuilder sb = null;
        for (int i = 0; i < line.length(); i++) {
            if (SourceEncoding.isEscapedByte(line, i)) {
                if (sb == null) {
                    sb = new StringBuilder(line);
                }
                sb.setCharAt(i, '\ufffd');
            }
        }
        return sb == null ? line : sb.toString();
    }

    private void frame(SourceFile file, int start, int end, Appendable out) throws IOException {
        LineIndex lines = file.lines();
        if (lines.length() == 0) {
            return;
        }
        int line = lines.line(start);
        int lineStart = lines.lineStart(line);
        String source = file.line(line);
        int lineEnd = lineStart + source.length();
        // undecodable bytes show as U+FFFD; control and bidi characters as escapes, the caret moved to match
        String raw = shown(source.replace('\t', ' '));
        String content = Printable.line(raw);
        String num = String.valueOf(line);
        String pad = " ".repeat(num.length());
        int offset = start - lineStart;
        int rawFrom = Math.max(0, Math.min(offset, raw.length()));
        int rawTo = Math.max(0, Math.min(Math.min(end, lineEnd) - lineStart, raw.length()));
        int from = Printable.width(raw, 0, rawFrom) + offset - rawFrom;
        int to = Math.max(from + 1, Printable.width(raw, 0, rawTo));
        out.append(pad).append(" |\n");
        out.append(num).append(" | ").append(content).append('\n');
        out.append(pad).append(" | ").append(" ".repeat(Math.max(0, from)))
                .append(paint("1;31", "^".repeat(Math.max(1, to - from)))).append('\n');
    }
}
