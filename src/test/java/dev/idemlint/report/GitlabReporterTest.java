package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitlabReporterTest {
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> issues(List<dev.idemlint.rule.Diagnostic> diags) {
        return (List<Map<String, Object>>) Json.parse(
                ReportFixtures.render(new GitlabReporter(), ReportFixtures.report(diags)));
    }

    @Test
    void writes_code_quality_issues_with_fingerprints_and_line_ranges() {
        var diags = ReportFixtures.diagnostics();
        List<Map<String, Object>> issues = issues(diags);
        assertEquals(4, issues.size());
        Map<String, Object> first = issues.get(0);
        assertEquals("add-column-not-idempotent", first.get("check_name"));
        assertEquals("critical", first.get("severity"));
        assertEquals(diags.get(0).message(), first.get("description"));
        assertEquals(Fingerprint.of(diags).get(0), first.get("fingerprint"));
        assertEquals(Map.of("path", "migrations/versions/020_add notes.py", "lines", Map.of("begin", 14L, "end", 14L)),
                first.get("location"));
        assertEquals("major", issues.get(2).get("severity"));
        assertEquals("info", issues.get(3).get("severity"));
        assertEquals(32, ((String) first.get("fingerprint")).length());
    }

    @Test
    void writes_an_empty_array_when_clean() {
        assertEquals("[]\n", ReportFixtures.render(new GitlabReporter(), ReportFixtures.report(List.of())));
    }
}
