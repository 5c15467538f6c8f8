package dev.idemlint.report;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Related;
import dev.idemlint.rule.Severity;
import dev.idemlint.source.Background;
import dev.idemlint.source.LineIndex;
import dev.idemlint.source.Printable;
import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Compiler-style output: {@code path:line:col: severity[rule] message}, a code frame with the span
 * underlined, related locations, help and fix titles; ANSI colour only when asked (on a TTY).
 */
public final class TextReporter implements Reporter {
    private final boolean color;
    private final boolean summary;

    public TextReporter(boolean color) {
        this(color, true);
    }

    public TextReporter(boolean color, boolean summary) {
        this.color = color;
        this.summary = summary;
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    /** Findings per window: the first half formatted on this thread, the second on the pool's worker. */
    private static final int WINDOW = 512;

    @Override
    public void write(Report report, Appendable out) throws IOException {
        List<Diagnostic> ds = report.diagnostics();
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
        if (!summary) {
            return;
        }
        int n = report.diagnostics().size();
        if (n == 0) {
            out.append(paint("32", "All checks passed")).append(" (").append(String.valueOf(report.filesRead()))
                    .append(report.filesRead() == 1 ? " file).\n" : " files).\n");
            return;
        }
        Report.Tally tally = report.tally();
        long fixable = 0;
        for (Diagnostic d : report.diagnostics()) {
            for (Fix f : d.fixes()) {
                if (f.applicability() == Applicability.SAFE) {
                    fixable++;
                    break;
                }
            }
        }
        out.append(paint("1", "Found " + n + (n == 1 ? " problem" : " problems"))).append(" (")
                .append(plural(tally.count(Severity.ERROR), "error")).append(", ")
                .append(plural(tally.count(Severity.WARNING), "warning")).append(") in ")
                .append(String.valueOf(report.filesRead())).append(report.filesRead() == 1 ? " file" : " files")
                .append(".\n");
        if (fixable > 0) {
            out.append(String.valueOf(fixable)).append(" fixable with `--fix`.\n");
        }
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
        String sev = d.severity().label();
        String sevColored = paint(d.severity() == Severity.ERROR ? "1;31" : d.severity() == Severity.WARNING ? "1;33"
                : "1;36", sev);
        out.append(paint("1", Printable.line(d.file().displayPath()) + ":" + d.line() + ":" + d.column() + ":"))
                .append(' ').append(sevColored).append('[').append(paint("1", d.rule())).append("] ")
                .append(Printable.line(d.message())).append('\n');
        frame(d.file(), d.span().start(), d.span().end(), out);
        for (Related r : d.related()) {
            out.append("   = note: ").append(Printable.line(r.file().displayPath())).append(':')
                    .append(String.valueOf(r.file().lines().line(r.span().start()))).append(':')
                    .append(String.valueOf(r.file().lines().column(r.span().start()))).append(": ")
                    .append(Printable.line(r.message())).append('\n');
        }
        if (d.help() != null && !d.help().isEmpty()) {
            out.append("   = ").append(paint("36", "help")).append(": ").append(Printable.lines(d.help())).append('\n');
        }
        for (Fix f : d.fixes()) {
            String kind = switch (f.applicability()) {
                case SAFE -> "fix";
                case UNSAFE -> "unsafe fix";
                case DISPLAY_ONLY -> "suggestion";
            };
            String title = Printable.lines(f.title()).replace("\n", "\n     ");
            out.append("   = ").append(paint("32", kind)).append(": ").append(title).append('\n');
        }
        out.append('\n');
    }

    private void frame(SourceFile file, int start, int end, Appendable out) throws IOException {
        String text = file.text();
        if (text.isEmpty()) {
            return;
        }
        LineIndex lines = file.lines();
        int line = lines.line(start);
        int lineStart = lines.lineStart(line);
        int lineEnd = lines.lineEnd(line, text);
        String raw = text.substring(lineStart, lineEnd).replace('\t', ' ');
        // control and bidi characters are printed as escapes, the caret moved to match
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
