package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.rule.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

    @Test
    void a_report_formatted_in_parallel_windows_is_the_findings_in_order() throws IOException {
        // 10,001 findings: several windows, each split across two threads, and a short last one
        List<Diagnostic> base = ReportFixtures.diagnostics();
        List<Diagnostic> many = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            Diagnostic d = base.get(i % base.size());
            many.add(new Diagnostic(d.rule(), d.severity(), d.file(), d.span(), "finding " + i + ": " + d.message(),
                    d.help(), d.fixes(), d.related()));
        }
        StringBuilder out = new StringBuilder();
        new JsonReporter().write(ReportFixtures.report(many), out);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(out.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> diags = (List<Map<String, Object>>) json.get("diagnostics");
        assertEquals(many.size(), diags.size());
        for (int i = 0; i < many.size(); i++) {
            assertEquals(many.get(i).message(), diags.get(i).get("message"), "finding " + i);
        }
        // and each finding reads the same as in a report of its own
        StringBuilder single = new StringBuilder();
        new JsonReporter().write(ReportFixtures.report(List.of(many.get(4_097))), single);
        @SuppressWarnings("unchecked")
        Map<String, Object> alone = (Map<String, Object>) Json.parse(single.toString());
        assertEquals(((List<?>) alone.get("diagnostics")).get(0), diags.get(4_097));
    }

    @Test
    void utf8_output_encodes_like_an_encoding_writer_even_across_split_surrogate_pairs() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Output out = new Utf8Output(bytes);
        out.append("équipe ").append("\uD83D").append("\uDE00").append(' ').append('\uD83D').append('\uDE00');
        out.append("ab", 1, 2).append((CharSequence) null).append("x\uD83D");
        out.flush();
        assertEquals("équipe 😀 😀bnullx?", bytes.toString(StandardCharsets.UTF_8));
    }
}
