package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.rule.Diagnostic;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The concise and statistics layouts, the [*] marker and hidden-fix hint, JSON lines and JUnit XML. */
class TextLayoutsTest {
    private static final List<Diagnostic> DS = ReportFixtures.diagnostics();

    private static String text(TextReporter.Layout layout, boolean unsafe, boolean showFixes) {
        return ReportFixtures.render(new TextReporter(false, true, layout, unsafe, showFixes), ReportFixtures.report(DS));
    }

    @Test
    void concise_prints_one_line_per_finding_with_the_fixable_marker() {
        String out = text(TextReporter.Layout.CONCISE, false, false);
        List<String> lines = out.lines().toList();
        assertEquals("migrations/versions/020_add notes.py:14:5: add-column-not-idempotent [*] Column"
                + " players.custom_notes is added without a guard; a second run fails with DuplicateColumn.", lines.get(0));
        // the finding with neither a safe nor an unsafe fix carries no marker
        assertTrue(lines.get(2).startsWith("migrations/versions/021_ratings.py:") && lines.get(2).contains(
                " multiple-heads Revisions 020"), lines.get(2));
        assertFalse(out.contains("   = "), "no help, frames or fix titles: " + out);
        assertTrue(out.endsWith("\nFound 4 problems (2 errors, 1 warning) in 2 of 2 files.\n[*] 2 fixable with `--fix`.\n"),
                out);
    }

    @Test
    void show_fixes_lists_each_findings_fixes_in_the_concise_layout() {
        String out = text(TextReporter.Layout.CONCISE, false, true);
        assertTrue(out.contains("\n   = fix: Add `if_not_exists=True`\n   = unsafe fix: Wrap in an inspector guard\n"), out);
    }

    @Test
    void full_marks_fixable_findings_and_statistics_count_rules() {
        String full = text(TextReporter.Layout.FULL, false, false);
        assertTrue(full.contains("error[add-column-not-idempotent] [*] Column players"), full);
        assertTrue(full.contains("warning[multiple-heads] Revisions"), full);
        String stats = text(TextReporter.Layout.STATISTICS, false, false);
        assertEquals(List.of("    2  add-column-not-idempotent  [*]", "    1  multiple-heads",
                "    1  revision-message-missing"), stats.lines().limit(3).toList());
    }

    @Test
    void the_summary_counts_fixes_hidden_behind_unsafe_fixes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var f = ReportFixtures.file("v/001.py", "op.x()\n");
        Diagnostic unsafeOnly = ReportFixtures.diag("add-column-not-idempotent", dev.idemlint.rule.Severity.ERROR, f,
                "op.x()", "m.", List.of(dev.idemlint.fix.Fix.of("guard", dev.idemlint.fix.Applicability.UNSAFE,
                        List.of(dev.idemlint.fix.TextEdit.insert(f.path(), 0, "if x:\n    ")))), List.of());
        Report r = new Report(List.of(unsafeOnly), 3, ReportFixtures.catalog(), "t");
        String hidden = ReportFixtures.render(new TextReporter(false, true), r);
        assertTrue(hidden.endsWith("in 1 of 3 files.\n[*] 0 fixable with `--fix` (1 hidden fix can be enabled with"
                + " `--unsafe-fixes`).\n"), hidden);
        String shown = ReportFixtures.render(new TextReporter(false, true, TextReporter.Layout.FULL, true, false), r);
        assertTrue(shown.contains("[add-column-not-idempotent] [*] m."), shown);
        assertTrue(shown.endsWith("[*] 1 fixable with `--fix`.\n"), shown);
    }

    @Test
    void json_lines_has_one_object_per_finding_equal_to_the_json_arrays() throws Exception {
        String lines = ReportFixtures.render(new JsonLinesReporter(), ReportFixtures.report(DS));
        String json = ReportFixtures.render(new JsonReporter(), ReportFixtures.report(DS));
        assertEquals(DS.size(), lines.lines().count());
        for (String line : lines.lines().toList()) {
            assertTrue(line.startsWith("{\"rule\": ") && line.endsWith("]}"), line);
            assertTrue(json.contains("    " + line), "the same object as in the json format: " + line);
        }
    }

    @Test
    void junit_is_well_formed_xml_with_a_failure_per_finding() throws Exception {
        String xml = ReportFixtures.render(new JunitReporter(), ReportFixtures.report(DS));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(4, doc.getElementsByTagName("failure").getLength());
        assertEquals(2, doc.getElementsByTagName("testsuite").getLength());
        assertEquals("4", doc.getDocumentElement().getAttribute("failures"));
        // a control character XML cannot carry is written escaped, and the CR LF of a message survives parsing
        assertEquals("a\\u001bb", JunitReporter.text("a\u001bb"));
        String clean = ReportFixtures.render(new JunitReporter(), ReportFixtures.report(List.of()));
        assertTrue(clean.contains("failures=\"0\"") && clean.contains("<testcase name=\"idemlint\""), clean);
    }
}
