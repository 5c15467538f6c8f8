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

    /** {@code n} findings cycling through the report fixtures', each message prefixed and numbered. */
    private static List<Diagnostic> many(int n, String prefix) {
        List<Diagnostic> base = ReportFixtures.diagnostics();
        List<Diagnostic> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Diagnostic d = base.get(i % base.size());
            out.add(new Diagnostic(d.rule(), d.severity(), d.file(), d.span(), prefix + i + ": " + d.message(),
                    d.help(), d.fixes(), d.related()));
        }
        return out;
    }

    @Test
    void a_report_formatted_in_parallel_windows_is_the_findings_in_order() throws IOException {
        // 10,001 findings: several windows, each split across two threads, and a short last one
        List<Diagnostic> many = many(10_001, "finding ");
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

    @Test
    void json_bytes_are_the_utf8_of_the_escaped_string_for_every_kind_of_char() {
        String[] cases = {
            "", "plain", "quote \" backslash \\ slash /", "\n\r\t\b\f\u0000\u0001\u001f\u007f", "é ß ÿ Ā", "€ ☃ \uFFFF",
            "😀 \uD83D\uDE00", "lone high \uD83D", "\uD83D", "lone low \uDE00 x", "\uDE00\uD83D", "\uD83D\uD83D\uDE00",
            // '?' is also what the Latin-1 fast path reads for a char it cannot encode
            "?", "a?b", "a?b\u4e2d?c", "??😀?", "?\uD83D?", "x?é?", "\u4e2d??",
            // escaped for terminals: C1, bidi controls, line separators
            "\u0085\u009b\u061c\u200e\u202e x \u2028\u2029\u2066\u2069", "?\u202e?",
        };
        for (String s : cases) {
            assertJsonBytes(s);
        }
        java.util.Random random = new java.util.Random(11);
        char[] pool = {'a', '?', '"', '\\', '\n', '\u0003', '\u007f', '\u0080', 'é', '\u07ff', '\u0800', '€', '\uD800',
            '\uDBFF', '\uDC00', '\uDFFF', '\uE000', '\uFFFF', '\u009b', '\u202e', '\u2028'};
        for (int i = 0; i < 20_000; i++) {
            char[] cs = new char[random.nextInt(12)];
            for (int k = 0; k < cs.length; k++) {
                cs[k] = pool[random.nextInt(pool.length)];
            }
            assertJsonBytes(new String(cs));
        }
        assertEquals("null", new JsonBytes(0).str(null).toString());
    }

    private static void assertJsonBytes(String s) {
        JsonBytes b = new JsonBytes(0);
        b.str(s);
        byte[] expected = Json.str(s).getBytes(StandardCharsets.UTF_8);
        assertEquals(java.util.Arrays.toString(expected),
                java.util.Arrays.toString(java.util.Arrays.copyOf(b.bytes(), b.length())), s);
    }

    @Test
    void json_bytes_write_ints_as_integer_to_string_does() {
        List<Integer> values = new ArrayList<>(List.of(0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 65_535, 1_000_000,
                Integer.MAX_VALUE, -1, -9, -10, -100, Integer.MIN_VALUE + 1, Integer.MIN_VALUE));
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 10_000; i++) {
            values.add(random.nextInt() >> random.nextInt(32));
        }
        for (int v : values) {
            JsonBytes b = new JsonBytes(1).raw('[').num(v).raw(']');
            assertEquals("[" + v + "]", b.toString());
        }
    }

    @Test
    void a_report_written_as_bytes_is_the_report_written_as_text() throws IOException {
        List<Diagnostic> many = many(3_000, "é😀 ");
        StringBuilder text = new StringBuilder();
        new JsonReporter().write(ReportFixtures.report(many), text);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Output out = new Utf8Output(bytes);
        new JsonReporter().write(ReportFixtures.report(many), out);
        out.flush();
        assertEquals(text.toString(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void findings_rendered_ahead_make_the_same_report_as_findings_formatted_in_it() throws IOException {
        List<Diagnostic> files = many(3_000, "é😀 file ");
        List<Diagnostic> project = many(40, "project ");
        // the report: the files' findings with some left out (--ignore, a baseline), and findings
        // the lint did not hand over (project rules') between them, first and last
        List<Diagnostic> shown = new ArrayList<>();
        shown.add(project.get(0));
        for (int i = 0; i < files.size(); i++) {
            if (i % 97 == 5) {
                continue;
            }
            shown.add(files.get(i));
            if (i % 101 == 0) {
                shown.add(project.get(1 + i / 101));
            }
        }
        shown.add(project.get(39));
        String expected = text(new JsonReporter(), shown);
        for (int steps : new int[] {0, 1, 2, 10, 30, 48, 100}) {
            // the first finding rendered ahead, and not: it is written without its leading comma
            for (List<Diagnostic> report : List.of(shown, shown.subList(1, shown.size()))) {
                JsonReporter ahead = new JsonReporter();
                dev.idemlint.source.Spare spare = ahead.ahead(files);
                int ran = 0;
                while (ran < steps && spare.step()) {
                    ran++;
                }
                assertEquals(Math.min(steps, 48), ran, "an index, then 3,000 findings in 47 chunks");
                assertEquals(text(new JsonReporter(), report), text(ahead, report), steps + " steps");
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                Utf8Output out = new Utf8Output(bytes);
                ahead.write(ReportFixtures.report(report), out);
                out.flush();
                assertEquals(text(new JsonReporter(), report), bytes.toString(StandardCharsets.UTF_8), steps + " steps, as bytes");
            }
        }
        // past the budget for rendering ahead (a few chunks here), the rest of the handed-over findings
        // is formatted in windows as the report is written, between and after the rendered ones
        for (List<Diagnostic> report : List.of(shown, shown.subList(1, shown.size()))) {
            JsonReporter small = new JsonReporter(150_000);
            dev.idemlint.source.Spare spare = small.ahead(files);
            int ran = 0;
            while (spare.step()) {
                ran++;
            }
            org.junit.jupiter.api.Assertions.assertTrue(ran > 2 && ran < 10, "stopped at the budget after " + ran + " steps");
            assertEquals(text(new JsonReporter(), report), text(small, report));
        }
        // two trees' findings handed over one after the other
        JsonReporter two = new JsonReporter();
        dev.idemlint.source.Spare first = two.ahead(files.subList(0, 1_500));
        dev.idemlint.source.Spare second = two.ahead(files.subList(1_500, 3_000));
        while (first.step() | second.step()) {
            // all of both
        }
        assertEquals(expected, text(two, shown));
    }

    private static String text(JsonReporter reporter, List<Diagnostic> ds) throws IOException {
        StringBuilder out = new StringBuilder();
        reporter.write(ReportFixtures.report(ds), out);
        return out.toString();
    }
}
