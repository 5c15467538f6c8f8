package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The text a revision's uses of project names are searched in ({@link ReadOnlyHelpers#codeOnly}): string literals'
 * insides and comments are blanked, offsets and line ends kept, f-strings kept whole (their fields are code).
 */
class CodeOnlyTextTest {
    @Test
    void blanks_the_inside_of_a_string_and_a_comment_keeping_offsets() {
        String text = "x = CONF['service:central'].pool  # central options\ncentral.register_opts(CONF)\n";
        String code = ReadOnlyHelpers.codeOnly(text);
        assertEquals(text.length(), code.length());
        assertEquals("x = CONF['" + " ".repeat(15) + "'].pool" + " ".repeat(19)
                + "\ncentral.register_opts(CONF)\n", code);
    }

    @Test
    void reads_escaped_quotes_triple_quotes_and_prefixes() {
        assertEquals("a = '     ' + b", ReadOnlyHelpers.codeOnly("a = '\\'x\\'' + b"));
        assertEquals("\"\"\"" + " ".repeat(6) + "\n" + " ".repeat(7) + "\"\"\"\nimport central",
                ReadOnlyHelpers.codeOnly("\"\"\"doc \" \ncentral\"\"\"\nimport central"));
        assertEquals("r'  ' + rb\"   \" + central", ReadOnlyHelpers.codeOnly("r'\\d' + rb\"c.x\" + central"));
    }

    @Test
    void keeps_an_f_string_whose_fields_are_code() {
        String text = "d = f\"{central.PREFIX}-x\" + 'central'";
        assertEquals("d = f\"{central.PREFIX}-x\" + '       '", ReadOnlyHelpers.codeOnly(text));
    }

    @Test
    void an_unclosed_literal_ends_at_its_line_or_at_the_end_of_the_text() {
        assertEquals("a = '   \ncentral", ReadOnlyHelpers.codeOnly("a = 'abc\ncentral"));
        assertEquals("a = '''" + " ".repeat(4) + "\n" + " ".repeat(7),
                ReadOnlyHelpers.codeOnly("a = '''abc \ncentral"));
        assertEquals("a = ' ", ReadOnlyHelpers.codeOnly("a = '\\"));
    }

    @Test
    void a_long_hostile_text_is_read_in_linear_time() {
        String text = "'\\".repeat(400_000) + "\"\"\"".repeat(200_000) + "#".repeat(400_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals(text.length(),
                ReadOnlyHelpers.codeOnly(text).length()));
    }
}
