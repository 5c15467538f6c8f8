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
        for (int from = 0; from < ds.size(); from += WINDOW) {
            int to = Math.min(ds.size(), from + WINDOW);
            if (to - from < 256) {
                out.append(format(ds, from, to));
                continue;
            }
            int mid = (from + to) >>> 1;
            CompletableFuture<StringBuilder> second = CompletableFuture.supplyAsync(() -> format(ds, mid, to));
            out.append(format(ds, from, mid));
            out.append(second.join());
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

    /** Findings {@code from..to} as they appear in the array (the first one after "[", the rest after ","). */
    private static StringBuilder format(List<Diagnostic> ds, int from, int to) {
        StringBuilder sb = new StringBuilder((to - from) * 1400);
        for (int i = from; i < to; i++) {
            Diagnostic d = ds.get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("    {\"rule\": ");
            Json.str(d.rule(), sb).append(", \"severity\": ");
            Json.str(d.severity().label(), sb).append(", \"file\": ");
            Json.str(d.file().displayPath(), sb).append(", \"line\": ").append(d.line())
                    .append(", \"column\": ").append(d.column())
                    .append(", \"endLine\": ").append(d.endLine())
                    .append(", \"endColumn\": ").append(d.endColumn())
                    .append(", \"message\": ");
            Json.str(d.message(), sb).append(", \"help\": ");
            Json.str(d.help(), sb).append(", \"fixes\": [");
            boolean ff = true;
            for (Fix f : d.fixes()) {
                sb.append(ff ? "" : ", ");
                ff = false;
                sb.append("{\"title\": ");
                Json.str(f.title(), sb).append(", \"applicability\": ");
                Json.str(f.applicability().name().toLowerCase(), sb).append(", \"edits\": [");
                boolean fe = true;
                for (TextEdit e : f.edits()) {
                    sb.append(fe ? "" : ", ");
                    fe = false;
                    var lines = d.file().lines();
                    sb.append("{\"line\": ").append(lines.line(e.range().start()))
                            .append(", \"column\": ").append(lines.column(e.range().start()))
                            .append(", \"endLine\": ").append(lines.line(e.range().end()))
                            .append(", \"endColumn\": ").append(lines.column(e.range().end()))
                            .append(", \"replacement\": ");
                    Json.str(e.replacement(), sb).append('}');
                }
                sb.append("]}");
            }
            sb.append("]}");
        }
        return sb;
    }
}
