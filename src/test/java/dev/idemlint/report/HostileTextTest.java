package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Related;
import dev.idemlint.rule.Severity;
import dev.idemlint.source.Printable;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file named with an ANSI sequence and a revision id holding a right-to-left override reach every
 * reporter as escapes: nothing a terminal or log viewer would act on is printed raw, and JSON
 * formats keep the data (a decoder gets the original text back).
 */
class HostileTextTest {
    private static final String NAME = "migrations/versions/001_\u001b[2J\u001b]0;pwned\u0007.py";
    private static final String REVISION = "ab\u202ecd";
    private static final String TEXT = "revision = \"" + REVISION + "\"\ndown_revision = \"zz\u2028\u0085\"\n";

    private static final SourceFile FILE = ReportFixtures.file(NAME, TEXT);

    private static List<Diagnostic> findings() {
        int at = TEXT.indexOf('"') + 1;
        Span id = new Span(at, at + REVISION.length());
        Fix fix = Fix.of("Rename " + REVISION + " \u2066here\u2069", Applicability.SAFE,
                List.of(TextEdit.insert(FILE.path(), at, "x\u202e")));
        return List.of(new Diagnostic("duplicate-revision-id", Severity.ERROR, FILE, id,
                "Revision " + REVISION + " is declared twice \ud800; ESC\u001b[31m red", "rename " + REVISION,
                List.of(fix), List.of(new Related(FILE, id, "other " + REVISION + " here\r"))));
    }

    private static String render(Reporter reporter) {
        return ReportFixtures.render(reporter, ReportFixtures.report(findings()));
    }

    /** The first raw character a terminal would act on (line breaks aside), or -1. */
    private static int firstUnsafe(String out) {
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '\n') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < out.length() && Character.isLowSurrogate(out.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Printable.unsafe(c)) {
                return i;
            }
        }
        return -1;
    }

    private static void assertPrintable(String out) {
        int at = firstUnsafe(out);
        assertEquals(-1, at, () -> "raw U+" + Integer.toHexString(out.charAt(at)) + " at " + at + " in\n" + out);
    }

    @Test
    void text_prints_escapes_and_keeps_the_caret_under_the_span() {
        String out = render(new TextReporter(false, false));
        assertPrintable(out);
        assertTrue(out.startsWith("migrations/versions/001_\\x1b[2J\\x1b]0;pwned\\x07.py:1:13: error[duplicate-revision-id] [*] "
                + "Revision ab\\u202ecd is declared twice \\ud800; ESC\\x1b[31m red\n"), out);
        String[] lines = out.split("\n");
        assertEquals("1 | revision = \"ab\\u202ecd\"", lines[2]);
        // the caret runs under the escaped id, all of it
        assertEquals("  | " + " ".repeat("revision = \"".length()) + "^".repeat("ab\\u202ecd".length()), lines[3]);
        assertTrue(out.contains("   = note: migrations/versions/001_\\x1b[2J\\x1b]0;pwned\\x07.py:1:13: other ab\\u202ecd here\\r\n"), out);
        assertTrue(out.contains("   = help: rename ab\\u202ecd\n"), out);
        assertTrue(out.contains("   = fix: Rename ab\\u202ecd \\u2066here\\u2069\n"), out);
    }

    @Test
    void text_escapes_a_code_frame_with_line_separators_and_c1_controls() {
        int at = TEXT.indexOf("zz");
        Diagnostic d = new Diagnostic("missing-down-revision", Severity.ERROR, FILE, new Span(at, at + 4),
                "m", null, List.of(), List.of());
        String out = ReportFixtures.render(new TextReporter(false, false), ReportFixtures.report(List.of(d)));
        assertPrintable(out);
        String[] lines = out.split("\n");
        assertEquals("2 | down_revision = \"zz\\u2028\\x85\"", lines[2]);
        assertEquals("  | " + " ".repeat("down_revision = \"".length()) + "^".repeat("zz\\u2028\\x85".length()),
                lines[3]);
    }

    @Test
    void github_escapes_the_protocol_characters_then_the_rest() {
        String out = render(new GithubReporter());
        assertPrintable(out);
        assertEquals("::error file=migrations/versions/001_\\x1b[2J\\x1b]0;pwned\\x07.py,line=1,col=13,endLine=1,"
                + "endColumn=18,title=duplicate-revision-id::Revision ab\\u202ecd is declared twice \\ud800; "
                + "ESC\\x1b[31m red%0Ahelp: rename ab\\u202ecd\n", out);
        assertEquals("a%25b%0D%0Ac%3Ad%2Ce\\x1b\\u2028", GithubReporter.property("a%b\r\nc:d,e\u001b\u2028"));
    }

    @Test
    void json_formats_escape_and_keep_the_text() {
        for (Reporter r : List.of(new JsonReporter(), new GitlabReporter(), new SarifReporter(ReportFixtures.PROJECT))) {
            String out = render(r);
            assertPrintable(out);
            assertFalse(out.contains("?"), () -> r + ": a lone surrogate written as '?'\n" + out);
            assertTrue(out.contains("ab\\u202ecd"), out);
            assertTrue(out.contains("\\ud800"), out);
            // escaped, not altered: a decoder reads the original message back
            assertTrue(Json.parse(out).toString().contains("Revision " + REVISION + " is declared twice \ud800"),
                    r.toString());
        }
    }

    @Test
    void sarif_percent_encodes_the_file_name_in_its_uri() {
        String out = render(new SarifReporter(ReportFixtures.PROJECT));
        assertTrue(out.contains("\"uri\": \"migrations/versions/001_%1B%5B2J%1B%5D0;pwned%07.py\""), out);
    }

    @Test
    void printable_escapes_only_what_a_terminal_acts_on() {
        String safe = "plain é 😀 \t tab";
        assertTrue(safe == Printable.line(safe), "text without escapes comes back as it is");
        assertEquals("a\\nb\\rc\\x1b\\x7f\\x9b\\u061c\\u200e\\u200f\\u202a\\u202e\\u2066\\u2069\\u2028\\u2029",
                Printable.line("a\nb\rc\u001b\u007f\u009b\u061c\u200e\u200f\u202a\u202e\u2066\u2069\u2028\u2029"));
        assertEquals("a\nb\\x00", Printable.lines("a\nb\u0000"));
        assertEquals("\\ud83d x \\ude00 😀", Printable.line("\ud83d x \ude00 \ud83d\ude00"));
    }

    @Test
    void plan_text_escapes_ids_paths_and_database_values() {
        var entry = new dev.idemlint.plan.Plan.Entry(REVISION, NAME, 1, dev.idemlint.plan.Plan.Status.FAILS,
                "42P07", "relation \"t\u001b[8m\" already exists", null);
        var plan = new dev.idemlint.plan.Plan("postgresql://u@h/db", "15.4", List.of("zz\u202e"), List.of(entry),
                List.of("note \u009b"), "alembic upgrade head", "deploy/\u202erun.sh:3 (alembic upgrade head)");
        String out = PlanReporter.text(plan);
        assertPrintable(out);
        assertTrue(out.contains("(deploy/\\u202erun.sh:3 (alembic upgrade head))"), out);
        assertTrue(out.contains("ab\\u202ecd"), out);
        assertTrue(out.contains("stamped   zz\\u202e"), out);
    }
}
