package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.rule.Diagnostic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text report of many findings (formatted in windows, half of each on the pool's worker) is the
 * text of each finding reported alone, in order, then the summary.
 */
class TextReporterWindowsTest {
    @Test
    void a_report_formatted_in_windows_is_each_finding_in_order() throws IOException {
        List<Diagnostic> one = ReportFixtures.diagnostics();
        for (int copies : new int[] {1, 128, 129, 300}) { // 4, 512, 516 and 1,200 findings
            List<Diagnostic> many = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                many.addAll(one);
            }
            for (boolean color : new boolean[] {false, true}) {
                StringBuilder expected = new StringBuilder();
                for (Diagnostic d : many) {
                    new TextReporter(color, false).write(ReportFixtures.report(List.of(d)), expected);
                }
                StringBuilder all = new StringBuilder();
                new TextReporter(color, false).write(ReportFixtures.report(many), all);
                assertEquals(expected.toString(), all.toString(), copies + " copies, color " + color);
                StringBuilder summary = new StringBuilder();
                new TextReporter(color, true).write(ReportFixtures.report(many), summary);
                assertTrue(summary.toString().startsWith(expected.toString()) && summary.length() > expected.length(),
                        "the summary follows the findings");
            }
        }
    }
}
