package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Severity;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {
    static final String PATH = "migrations/versions/020_add_notes.py";
    static final String CALL = "op.add_column(\"players\", sa.Column(\"custom_notes\", sa.Text()))";
    static final String BEFORE = "def upgrade():\n    " + CALL + "\n";

    /** One add-column finding per occurrence of the call in {@code text}. */
    static List<Diagnostic> lint(String text) {
        SourceFile f = ReportFixtures.file(PATH, text);
        List<Diagnostic> out = new ArrayList<>();
        for (int at = text.indexOf("op.add_column("); at >= 0; at = text.indexOf("op.add_column(", at + 1)) {
            int end = text.indexOf('\n', at);
            out.add(new Diagnostic("add-column-not-idempotent", Severity.ERROR, f,
                    new dev.idemlint.source.Span(at, end), "Column " + at + " is added without a guard.", null,
                    List.of(), List.of()));
        }
        return out;
    }

    static Baseline roundTrip(List<Diagnostic> diags) {
        return Baseline.parse(Baseline.of(diags).toJson());
    }

    @Test
    void written_baseline_has_the_documented_shape() {
        String json = Baseline.of(lint(BEFORE)).toJson();
        String fp = Fingerprint.of(lint(BEFORE)).get(0);
        assertEquals("{\n  \"version\": 1,\n  \"findings\": [\n    {\n      \"rule\": \"add-column-not-idempotent\",\n"
                + "      \"file\": \"" + PATH + "\",\n      \"fingerprint\": \"" + fp + "\",\n"
                + "      \"message\": \"Column 19 is added without a guard.\"\n    }\n  ]\n}\n", json);
    }

    @Test
    void baselined_finding_stays_matched_after_edits_above_it() {
        Baseline baseline = roundTrip(lint(BEFORE));
        String edited = "\"\"\"docstring\"\"\"\nimport sqlalchemy as sa\n\n\ndef upgrade():\n    # reviewed\n"
                + "        " + CALL + "   \n";
        assertEquals(1, lint(edited).size());
        assertEquals(List.of(), baseline.newFindings(lint(edited)));
    }

    @Test
    void new_finding_is_not_matched() {
        Baseline baseline = roundTrip(lint(BEFORE));
        String edited = BEFORE + "    op.add_column(\"players\", sa.Column(\"rating\", sa.Integer()))\n";
        List<Diagnostic> fresh = baseline.newFindings(lint(edited));
        assertEquals(1, fresh.size());
        assertEquals(3, fresh.get(0).line());
    }

    @Test
    void a_copy_of_a_baselined_line_is_a_new_finding() {
        Baseline baseline = roundTrip(lint(BEFORE));
        List<Diagnostic> twice = lint(BEFORE + "    " + CALL + "\n");
        List<String> fps = Fingerprint.of(twice);
        assertNotEquals(fps.get(0), fps.get(1));
        assertEquals(List.of(twice.get(1)), baseline.newFindings(twice));
    }

    @Test
    void changing_the_flagged_line_or_the_file_changes_the_fingerprint() {
        String fp = Fingerprint.of(lint(BEFORE)).get(0);
        assertNotEquals(fp, Fingerprint.of(lint(BEFORE.replace("custom_notes", "notes"))).get(0));
        SourceFile other = ReportFixtures.file("other.py", BEFORE);
        Diagnostic d = lint(BEFORE).get(0);
        Diagnostic moved = new Diagnostic(d.rule(), d.severity(), other, d.span(), d.message(), null, List.of(),
                List.of());
        assertNotEquals(fp, Fingerprint.of(List.of(moved)).get(0));
    }

    @Test
    void fingerprint_does_not_depend_on_the_order_findings_are_passed() {
        List<Diagnostic> twice = lint(BEFORE + "    " + CALL + "\n");
        List<String> fps = Fingerprint.of(twice);
        assertEquals(List.of(fps.get(1), fps.get(0)), Fingerprint.of(List.of(twice.get(1), twice.get(0))));
    }

    @Test
    void rejects_unknown_versions_and_malformed_files() {
        assertThrows(IllegalArgumentException.class, () -> Baseline.parse("{\"version\": 2, \"findings\": []}"));
        assertThrows(IllegalArgumentException.class, () -> Baseline.parse("{\"version\": 1}"));
        assertThrows(IllegalArgumentException.class, () -> Baseline.parse("{\"version\": 1, \"findings\": [{}]}"));
        assertThrows(IllegalArgumentException.class, () -> Baseline.parse("[1, 2"));
        assertEquals(0, Baseline.parse("{\"version\": 1, \"findings\": []}").findings().size());
    }

    /** A pull request controls the baseline file the config names: nesting deep enough to exhaust the stack is refused. */
    @Test
    void a_baseline_nested_past_the_limit_is_a_located_error_not_a_stack_overflow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Baseline.parse("[".repeat(200_000)));
        assertEquals("invalid JSON at offset 64: arrays and objects nested deeper than 64", e.getMessage());
        String nested = "[".repeat(60) + "]".repeat(60);
        assertEquals("baseline is not a JSON object",
                assertThrows(IllegalArgumentException.class, () -> Baseline.parse(nested)).getMessage(),
                "nesting under the limit still parses");
    }
}
