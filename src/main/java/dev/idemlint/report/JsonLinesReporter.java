package dev.idemlint.report;

import dev.idemlint.rule.Diagnostic;
import java.io.IOException;

/**
 * {@code --output-format json-lines}: one finding per line, each the object of the {@code json}
 * format's {@code diagnostics} array, with no summary; for tools that stream findings.
 */
public final class JsonLinesReporter implements Reporter {
    @Override
    public void write(Report report, Appendable out) throws IOException {
        JsonBytes line = new JsonBytes(2048);
        for (Diagnostic d : report.diagnostics()) {
            JsonReporter.finding(d, line.clear());
            line.raw('\n');
            RenderedAhead.emit(line.bytes(), 0, line.length(), out);
        }
    }
}
