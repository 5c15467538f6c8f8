package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.source.RandomText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsTest {
    private static final String HEAD = "revision = '1'\ndown_revision = None\n\ndef upgrade():\n";

    static List<Integer> flaggedLines(Path dir, String body) throws IOException {
        Path f = dir.resolve("001_x.py");
        Files.writeString(f, HEAD + body);
        return BadInputTest.lint(dir, List.of(f)).diagnostics().stream()
                .filter(d -> d.rule().equals("add-column-not-idempotent")).map(Diagnostic::line).toList();
    }

    @Test
    void an_ignore_comment_silences_its_line_and_the_line_below(@TempDir Path dir) throws IOException {
        List<Integer> lines = flaggedLines(dir, ""
                + "    op.add_column('t', sa.Column('a', sa.Text()))  # idemlint: ignore[add-column-not-idempotent]\n"
                + "    # idemlint: ignore[add-column-not-idempotent]\n"
                + "    op.add_column('t', sa.Column('b', sa.Text()))\n"
                + "    op.add_column('t', sa.Column('c', sa.Text()))  # idemlint: ignore[drop-not-idempotent]\n"
                + "    op.add_column('t', sa.Column('d', sa.Text()))  # idemlint: ignore\n"
                + "    op.add_column('t', sa.Column('e', sa.Text()))\n");
        assertEquals(List.of(8, 10), lines);
    }

    @Test
    void ignore_file_silences_the_rule_everywhere_in_the_file(@TempDir Path dir) throws IOException {
        assertEquals(List.of(), flaggedLines(dir, ""
                + "    # idemlint: ignore-file[add-column-not-idempotent]\n"
                + "    op.add_column('t', sa.Column('a', sa.Text()))\n"));
    }

    @Test
    void a_comment_silences_a_project_rule_in_a_file_with_no_finding_of_its_own(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("001_a.py");
        Path b = dir.resolve("002_b.py");
        Files.writeString(a, "revision = 'x'\ndown_revision = None\n\ndef upgrade():\n    pass\n");
        Files.writeString(b, "revision = 'x'  # idemlint: ignore[duplicate-revision-id]\ndown_revision = None\n\n"
                + "def upgrade():\n    pass\n");
        List<String> files = BadInputTest.lint(dir, List.of(a, b)).diagnostics().stream()
                .filter(d -> d.rule().equals("duplicate-revision-id")).map(d -> d.file().displayPath()).toList();
        assertEquals(List.of("001_a.py"), files);
    }

    @Test
    void the_marker_precheck_finds_exactly_what_the_comment_pattern_starts_with() {
        // the pre-check must never miss a marker (a finding would escape its suppression) and is
        // exactly "#, regex blanks, idemlint:" (the start of every match of the full pattern)
        Pattern start = Pattern.compile("#\\s*idemlint:");
        String[] pieces = {"#", " ", "\t", "\n", "\u000B", "\f", "\r", "\u00a0", "idemlint:", "idemlint", ":",
            "i", "x", "ignore", "#idemlint:", "# idemlint: ignore"};
        Random random = new Random(11);
        int found = 0;
        for (int i = 0; i < 50_000; i++) {
            String text = RandomText.of(random, pieces, 12);
            boolean expected = start.matcher(text).find();
            assertEquals(expected, Suppressions.marked(text), text);
            found += expected ? 1 : 0;
        }
        assertTrue(found > 1_000, "markers generated: " + found);
    }
}
