package dev.idemlint.report;

import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The JSON contract other tools rely on:
 * {@code {"diagnostics":[{"rule","severity","file","line","column","endLine","endColumn","message","help","fixes"}],"summary":{...}}},
 * 1-based lines and columns.
 */
public final class JsonReporter implements Reporter {
    /** Findings formatted per step: two halves on two threads, then written in order; bounds memory. */
    private static final int WINDOW = 1024;

    @Override
    public void write(Report report, Appendable out) throws IOException {
        out.append("{\n  \"diagnostics\": [");
        List<Diagnostic> ds = report.diagnostics();
        // A big report is a sequential tail of the run (25 MB for 3,700 files): each window's second
        // half is formatted on the common pool while this thread formats the first. Every finding's
        // text depends only on the finding and its index, so the output is the same as in one pass.
        // The two halves' buffers are reused window after window (a fresh pair per window was 28 MB of
        // garbage at 3,700 files, enough to set off a collection while the report is written).
        JsonBytes mine = new JsonBytes(WINDOW / 2 * 1400);
        JsonBytes theirs = new JsonBytes(WINDOW / 2 * 1400);
        for (int from = 0; from < ds.size(); from += WINDOW) {
            int to = Math.min(ds.size(), from + WINDOW);
            if (to - from < 256) {
                emit(format(ds, from, to, mine.clear()), out);
                continue;
            }
            int mid = (from + to) >>> 1;
            CompletableFuture<JsonBytes> second = CompletableFuture.supplyAsync(
                    () -> format(ds, mid, to, theirs.clear()));
            emit(format(ds, from, mid, mine.clear()), out);
            emit(second.join(), out);
        }
        boolean first = ds.isEmpty();
        out.append(first ? "],\n" : "\n  ],\n");
        out.append("  \"summary\": {\"files\": ").append(String.valueOf(report.filesRead()))
                .append(", \"diagnostics\": ").append(String.valueOf(report.diagnostics().size()))
                .append(", \"errors\": ").append(String.valueOf(report.count(Severity.ERROR)))
                .append(", \"warnings\": ").append(String.valueOf(report.count(Severity.WARNING)))
                .append(", \"infos\": ").append(String.valueOf(report.count(Severity.INFO)))
                .append(", \"byRule\": {");
        boolean fr = true;
        for (Map.Entry<String, Integer> e : report.byRule().entrySet()) {
            out.append(fr ? "" : ", ");
            fr = false;
            out.append(Json.str(e.getKey())).append(": ").append(String.valueOf(e.getValue()));
        }
        out.append("}}\n}\n");
    }

    /** Formatted findings to {@code out}: as bytes when it is a UTF-8 byte sink, else as text. */
    private static void emit(JsonBytes json, Appendable out) throws IOException {
        if (out instanceof Utf8Output bytes) {
            bytes.write(json.bytes(), 0, json.length());
        } else {
            out.append(json.toString());
        }
    }

    /** Findings {@code from..to} as they appear in the array (the first one after "[", the rest after ","). */
    private static JsonBytes format(List<Diagnostic> ds, int from, int to, JsonBytes sb) {
        for (int i = from; i < to; i++) {
            Diagnostic d = ds.get(i);
            sb.raw(i == 0 ? "\n" : ",\n");
            sb.raw("    {\"rule\": ").str(d.rule())
                    .raw(", \"severity\": ").str(d.severity().label())
                    .raw(", \"file\": ").str(d.file().displayPath())
                    .raw(", \"line\": ").num(d.line())
                    .raw(", \"column\": ").num(d.column())
                    .raw(", \"endLine\": ").num(d.endLine())
                    .raw(", \"endColumn\": ").num(d.endColumn())
                    .raw(", \"message\": ").str(d.message())
                    .raw(", \"help\": ").str(d.help())
                    .raw(", \"fixes\": [");
            boolean ff = true;
            for (Fix f : d.fixes()) {
                sb.raw(ff ? "" : ", ");
                ff = false;
                sb.raw("{\"title\": ").str(f.title())
                        .raw(", \"applicability\": ").str(f.applicability().name().toLowerCase())
                        .raw(", \"edits\": [");
                boolean fe = true;
                for (TextEdit e : f.edits()) {
                    sb.raw(fe ? "" : ", ");
                    fe = false;
                    var lines = d.file().lines();
                    sb.raw("{\"line\": ").num(lines.line(e.range().start()))
                            .raw(", \"column\": ").num(lines.column(e.range().start()))
                            .raw(", \"endLine\": ").num(lines.line(e.range().end()))
                            .raw(", \"endColumn\": ").num(lines.column(e.range().end()))
                            .raw(", \"replacement\": ").str(e.replacement()).raw('}');
                }
                sb.raw("]}");
            }
            sb.raw("]}");
        }
        return sb;
    }
}
