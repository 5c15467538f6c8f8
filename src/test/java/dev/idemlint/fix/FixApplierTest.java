package dev.idemlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixApplierTest {
    static final Path FILE = Path.of("m.py");

    static Fix fix(String title, TextEdit... edits) {
        return Fix.of(title, Applicability.SAFE, List.of(edits));
    }

    static TextEdit ins(int at, String s) {
        return TextEdit.insert(FILE, at, s);
    }

    static TextEdit rep(int from, int to, String s) {
        return TextEdit.replace(FILE, new Span(from, to), s);
    }

    @Test
    void applies_edits_from_the_end_so_earlier_offsets_stay_valid() {
        String text = "CREATE INDEX ix ON t (a); CREATE TABLE t2 (a int)";
        var r = FixApplier.apply(text, List.of(fix("a", ins(12, " IF NOT EXISTS")), fix("b", ins(38, " IF NOT EXISTS"))));
        assertEquals("CREATE INDEX IF NOT EXISTS ix ON t (a); CREATE TABLE IF NOT EXISTS t2 (a int)", r.text());
        assertEquals(2, r.appliedCount());
        assertEquals(0, r.skipped().size());
    }

    @Test
    void skips_a_fix_whose_edit_overlaps_an_accepted_one_and_reports_it() {
        String text = "0123456789";
        Fix first = fix("first", rep(2, 6, "ab"));
        Fix second = fix("second", rep(5, 8, "XY"));
        var r = FixApplier.apply(text, List.of(first, second));
        assertEquals("01ab6789", r.text());
        assertEquals(List.of(first), r.applied());
        assertEquals(List.of(second), r.skipped());
    }

    @Test
    void a_fix_is_all_or_nothing() {
        String text = "0123456789";
        Fix wrap = fix("wrap", ins(0, "["), ins(10, "]"));
        Fix clash = fix("clash", ins(4, "x"), rep(9, 10, "Z"), ins(10, "!"));
        var r = FixApplier.apply(text, List.of(wrap, clash));
        assertEquals("[0123456789]", r.text());
        assertEquals(List.of(clash), r.skipped());
    }

    @Test
    void two_insertions_at_one_offset_collide_unless_identical() {
        String text = "import op\nbody\n";
        Fix a = fix("a", ins(9, "\nimport sqlalchemy as sa"), rep(10, 14, "if x:\n    body"));
        Fix b = fix("b", ins(9, "\nimport sqlalchemy as sa"));
        Fix c = fix("c", ins(9, "\nother"));
        var r = FixApplier.apply(text, List.of(a, b, c));
        assertEquals("import op\nimport sqlalchemy as sa\nif x:\n    body\n", r.text());
        assertEquals(List.of(a, b), r.applied());
        assertEquals(List.of(c), r.skipped());
    }

    @Test
    void edits_that_touch_end_to_start_both_apply() {
        var r = FixApplier.apply("abcdef", List.of(fix("a", rep(0, 3, "X")), fix("b", rep(3, 6, "Y"))));
        assertEquals("XY", r.text());
    }

    @Test
    void out_of_range_edits_and_whole_file_changes_are_skipped() {
        Fix far = fix("far", ins(99, "x"));
        Fix files = new Fix("files", Applicability.SAFE, List.of(), List.of(new FileChange.Create(FILE, "")));
        Fix display = Fix.displayOnly("show", "code");
        var r = FixApplier.apply("abc", List.of(far, files, display));
        assertEquals("abc", r.text());
        assertEquals(List.of(far, files), r.skipped());
        assertTrue(r.applied().isEmpty());
    }

    @Test
    void keeps_crlf_and_every_untouched_char() {
        String text = "\uFEFFa = 1\r\nb = '\u00e9\u20ac\uD83D\uDE00'\r\n\tc\r";
        var r = FixApplier.apply(text, List.of(fix("x", ins(8, "# note\r\n"))));
        assertEquals("\uFEFFa = 1\r\n# note\r\nb = '\u00e9\u20ac\uD83D\uDE00'\r\n\tc\r", r.text());
    }

    /** Applies non-overlapping edits front to back: a second, independent way to the same result. */
    private static String reference(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort((x, y) -> Integer.compare(x.range().start(), y.range().start()));
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (TextEdit e : sorted) {
            sb.append(text, at, e.range().start()).append(e.replacement());
            at = e.range().end();
        }
        return sb.append(text.substring(at)).toString();
    }

    @Test
    void random_corpus_of_edits_is_applied_exactly() {
        Random rnd = new Random(20261122);
        String alphabet = "ab \t\r\n'\"\\$\u00e9\u20ac\uD83D\uDE00;(),";
        for (int round = 0; round < 2000; round++) {
            StringBuilder t = new StringBuilder();
            int len = rnd.nextInt(200);
            for (int i = 0; i < len; i++) {
                t.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String text = t.toString();
            // Disjoint ranges at strictly increasing starts, one fix each or grouped.
            List<TextEdit> edits = new ArrayList<>();
            int pos = 0;
            while (pos <= text.length() && edits.size() < 12) {
                int start = pos + rnd.nextInt(Math.max(1, Math.min(30, text.length() - pos + 1)));
                if (start > text.length()) {
                    break;
                }
                int end = Math.min(text.length(), start + (rnd.nextBoolean() ? 0 : rnd.nextInt(8)));
                edits.add(rep(start, end, rnd.nextBoolean() ? "" : "<" + round + ":" + edits.size() + ">"));
                pos = end + 1;
            }
            List<Fix> fixes = new ArrayList<>();
            for (int i = 0; i < edits.size(); ) {
                int take = 1 + rnd.nextInt(3);
                fixes.add(Fix.of("f" + i, Applicability.SAFE, edits.subList(i, Math.min(edits.size(), i + take))));
                i += take;
            }
            java.util.Collections.shuffle(fixes, rnd);
            var r = FixApplier.apply(text, fixes);
            assertEquals(reference(text, edits), r.text(), "round " + round);
            assertEquals(fixes.size(), r.appliedCount());
        }
    }

    @Test
    void random_overlapping_edits_never_lose_a_char_outside_applied_ones() {
        Random rnd = new Random(7);
        for (int round = 0; round < 1000; round++) {
            String text = "x".repeat(rnd.nextInt(60)) + "y".repeat(rnd.nextInt(60));
            List<Fix> fixes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int s = rnd.nextInt(text.length() + 1);
                int e = Math.min(text.length(), s + rnd.nextInt(10));
                fixes.add(fix("f" + i, rep(s, e, "[" + i + "]")));
            }
            var r = FixApplier.apply(text, fixes);
            List<TextEdit> applied = r.applied().stream().flatMap(f -> f.edits().stream()).toList();
            for (int i = 0; i < applied.size(); i++) {
                for (int j = i + 1; j < applied.size(); j++) {
                    assertTrue(!FixApplier.collide(applied.get(i), applied.get(j)));
                }
            }
            assertEquals(reference(text, applied), r.text());
            assertEquals(fixes.size(), r.appliedCount() + r.skipped().size());
        }
    }
}
