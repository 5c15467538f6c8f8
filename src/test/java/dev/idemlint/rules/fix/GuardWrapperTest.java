package dev.idemlint.rules.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rules.Registry;
import dev.idemlint.source.RandomText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class GuardWrapperTest {

    @Test
    void the_if_line_replaces_every_inspector_placeholder() {
        String[] pieces = {GuardWrapper.INSPECTOR, "{insp", "insp}", "\"t\" not in ", "{", "}", "x", ".get_columns(\"t\")"};
        Random random = new Random(23);
        for (int i = 0; i < 20_000; i++) {
            String condition = RandomText.of(random, pieces, 8);
            String inspector = random.nextBoolean() ? "sa.inspect(op.get_bind())" : "";
            assertEquals("if " + condition.replace(GuardWrapper.INSPECTOR, inspector) + ":",
                    GuardWrapper.ifLine(condition, inspector), condition);
        }
    }

    /** The guard edit of each finding in a file written with {@code eol} line breaks, line breaks made \n. */
    private static List<String> guardEdits(Path dir, String eol) throws IOException {
        List<String> out = new ArrayList<>();
        for (TextEdit e : guards(dir, String.join(eol, "revision = '1'", "down_revision = None", "", "",
                "def upgrade():", "    op.add_column(", "        'players',", "        sa.Column(",
                "            'custom_notes',  # why", "            sa.Text(),", "", "            nullable=True,",
                "        ),", "    )", "    op.create_index('ix_p', 'players', ['a'])", ""))) {
            out.add(e.range().start() + ":" + e.replacement().replace(eol, "\n"));
        }
        return out;
    }

    /** The edits that wrap a statement in a guard ({@code if ...:}), from every rule's fixes for {@code text}. */
    private static List<TextEdit> guards(Path dir, String text) throws IOException {
        Path f = dir.resolve("001_x.py");
        Files.writeString(f, text);
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        Linter linter = new Linter(Registry.all(), RuleCatalog.load(names));
        List<TextEdit> out = new ArrayList<>();
        for (Diagnostic d : linter.lint(new LintTarget(dir, dir, List.of(f), Settings.DEFAULT),
                p -> p.getFileName().toString()).diagnostics()) {
            for (Fix fix : d.fixes()) {
                for (TextEdit e : fix.edits()) {
                    if (e.replacement().startsWith("if ")) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void a_multi_line_statement_is_wrapped_alike_with_any_line_breaks(@TempDir Path lf, @TempDir Path crlf)
            throws IOException {
        // \n-only files take the indexOf path to the next line; \r\n files the char-by-char one
        List<String> plain = guardEdits(lf, "\n");
        assertFalse(plain.isEmpty());
        assertEquals(List.of(), plain.stream().filter(s -> !s.contains("\n                'custom_notes',  # why\n                sa.Text(),\n\n                nullable")
                && s.contains("add_column")).toList(), "every continuation line indented one level more, the blank line left blank");
        List<String> windows = guardEdits(crlf, "\r\n");
        assertEquals(plain.size(), windows.size());
        for (int i = 0; i < plain.size(); i++) {
            // offsets differ by one char per line break before the statement; the texts must not
            assertEquals(plain.get(i).substring(plain.get(i).indexOf(':')), windows.get(i).substring(windows.get(i).indexOf(':')));
        }
    }

    @Test
    void lines_inside_a_string_are_left_alone_and_the_lines_around_it_indented(@TempDir Path dir) throws IOException {
        List<String> wraps = new ArrayList<>();
        for (TextEdit e : guards(dir, String.join("\n", "revision = '1'", "down_revision = None", "", "",
                "def upgrade():", "    op.create_table(", "        'players',", "        sa.Column('id', sa.Integer()),",
                "        sa.Column('bio', sa.Text(), comment=\"\"\"first", "second", "    third\"\"\"),",
                "        sa.Column('tag', sa.Text(), comment='x'), sa.Column('y', sa.Text(), comment=\"\"\"a",
                "b\"\"\"),", "        sa.Column('name', sa.String()),", "    )", ""))) {
            if (e.replacement().contains("create_table")) {
                wraps.add(e.replacement());
            }
        }
        assertFalse(wraps.isEmpty());
        for (String w : wraps) {
            String body = w.substring(w.indexOf('\n') + 1);
            assertEquals(String.join("\n", "        op.create_table(", "            'players',",
                    "            sa.Column('id', sa.Integer()),", "            sa.Column('bio', sa.Text(), comment=\"\"\"first",
                    "second", "    third\"\"\"),", "            sa.Column('tag', sa.Text(), comment='x'), sa.Column('y', sa.Text(),"
                    + " comment=\"\"\"a", "b\"\"\"),", "            sa.Column('name', sa.String()),", "        )"), body);
        }
    }
}
