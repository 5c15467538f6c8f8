package dev.idemlint.report;

import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Severity;
import java.io.IOException;
import java.util.Map;

/**
 * The JSON contract other tools rely on:
 * {@code {"diagnostics":[{"rule","severity","file","line","column","endLine","endColumn","message","help","fixes"}],"summary":{...}}},
 * 1-based lines and columns.
 */
public final class JsonReporter implements Reporter {
    @Override
    public void write(Report report, Appendable out) throws IOException {
        out.append("{\n  \"diagnostics\": [");
        boolean first = true;
        // one builder reused per finding: Json.str's per-field strings were most of this reporter
        StringBuilder sb = new StringBuilder(1024);
        for (Diagnostic d : report.diagnostics()) {
            sb.setLength(0);
            sb.append(first ? "\n" : ",\n");
            first = false;
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
            out.append(sb);
        }
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
}
