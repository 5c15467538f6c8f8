package dev.idemlint.python;

import static dev.idemlint.python.ParseSupport.error;
import static dev.idemlint.python.ParseSupport.read;
import static dev.idemlint.python.ParseSupport.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonSyntaxErrorTest {

    /** Each file fails at the first occurrence of {@code at} after {@code skip} chars. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unclosed_paren.py             | (                  | 0  | '(' was never closed
            extra_close_paren.py          | )                  | 10 | unexpected ')'
            unterminated_string.py        | "                  | 0  | unterminated string literal
            unterminated_triple_string.py | \"""               | 0  | unterminated triple-quoted string literal
            inconsistent_dedent.py        | b = 2              | 0  | unindent does not match
            missing_block.py              | return             | 0  | expected an indented block
            python2_print.py              | "hello"            | 0  | unexpected '"hello"'
            unexpected_indent.py          | y = 2              | 0  | unexpected indent
            invalid_character.py          | $                  | 0  | invalid character '$'
            unterminated_fstring_field.py | f"                 | 0  | unterminated string literal
            unclosed_bracket_then_code.py | y                  | 0  | unexpected 'y'
            missing_colon.py              | \\n                | 0  | unexpected end of line
            """)
    void reports_invalid_file_with_message_and_offset(String file, String at, int skip, String message) {
        String text = read(resource("invalid/" + file));
        String marker = at.replace("\\n", "\n");
        PythonSyntaxError e = error(text);
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(text.indexOf(marker, skip), e.offset(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            x = (1, 2]                  | ]
            def f(:                     | :
            class = 1                   | =
            x = 1 +                     | EOF
            f(a b)                      | b
            if x:\\n  a\\n b\\n         | b
            f(a=1, b)                   | b
            f(**k, *a)                  | *a
            f(x for x in y, 1)          | x
            a < b = 1                   | a
            x, y: int = 1               | x
            f() += 1                    | f
            for f() in y: pass          | f()
            del *a, b                   | *a
            (a.b := 1)                  | a
            [x for x in y] = 1          | [
            x = 'a\\u12'                | \\u
            x = b'\\x4'                 | \\x
            x = 'a\\N'                  | \\N
            x = 1 + \\\\\\n              | \\\\
            """)
    void rejects_invalid_code_at_the_offending_token(String code, String at) {
        String text = unescape(code);
        PythonSyntaxError e = error(text);
        int expected = at.equals("EOF") ? text.length() : text.indexOf(unescape(at));
        assertEquals(expected, e.offset(), e.getMessage());
    }

    /** CSV cells spell a newline as backslash-n and a backslash as two backslashes. */
    private static String unescape(String cell) {
        return cell.replace("\\\\", "\u0000").replace("\\n", "\n").replace("\u0000", "\\");
    }
}
