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
        for (Diagnostic d : report.diagnostics()) {
            out.append(first ? "\n" : ",\n");
            first = false;
            out.append("    {\"rule\": ").append(Json.str(d.rule()))
                    .append(", \"severity\": ").append(Json.str(d.severity().label()))
                    .append(", \"file\": ").append(Json.str(d.file().displayPath()))
                    .append(", \"line\": ").append(String.valueOf(d.line()))
                    .append(", \"column\": ").append(String.valueOf(d.column()))
                    .append(", \"endLine\": ").append(String.valueOf(d.endLine()))
                    .append(", \"endColumn\": ").append(String.valueOf(d.endColumn()))
                    .append(", \"message\": ").append(Json.str(d.message()))
                    .append(", \"help\": ").append(Json.str(d.help()))
                    .append(", \"fixes\": [");
            boolean ff = true;
            for (Fix f : d.fixes()) {
                out.append(ff ? "" : ", ");
                ff = false;
                out.append("{\"title\": ").append(Json.str(f.title()))
                        .append(", \"applicability\": ").append(Json.str(f.applicability().name().toLowerCase()))
                        .append(", \"edits\": [");
                boolean fe = true;
                for (TextEdit e : f.edits()) {
                    out.append(fe ? "" : ", ");
                    fe = false;
                    var lines = d.file().lines();
                    out.append("{\"line\": ").append(String.valueOf(lines.line(e.range().start())))
                            .append(", \"column\": ").append(String.valueOf(lines.column(e.range().start())))
                            .append(", \"endLine\": ").append(String.valueOf(lines.line(e.range().end())))
                            .append(", \"endColumn\": ").append(String.valueOf(lines.column(e.range().end())))
                            .append(", \"replacement\": ").append(Json.str(e.replacement())).append('}');
                }
                out.append("]}");
            }
            out.append("]}");
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
