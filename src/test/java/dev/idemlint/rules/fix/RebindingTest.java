package dev.idemlint.rules.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RebindingTest {
    /** The definition {@link Rebinding} reads in one pass, as a regex: the oracle for small inputs. */
    private static boolean regex(String code, String name) {
        String n = "(?<![\\w.])" + Pattern.quote(name) + "(?!\\w)";
        return Pattern.compile(n + "\\s*(?:[-+*/%&|^@]|//|\\*\\*|<<|>>|:)?=(?!=)"
                + "|" + n + "\\s*[,)\\]][^\n=]*=(?!=)|,\\s*" + n + "[^\n=]*=(?!=)"
                + "|\\bfor\\b[^\n]*" + n + "[^\n]*\\bin\\b|\\bas\\s*\\(?\\s*" + n
                + "|\\b(?:global|nonlocal|del|import)\\b[^\n]*" + n).matcher(code).find();
    }

    private static boolean scan(String code, String name) {
        return new Rebinding.Scan(code + "\nbatch_op.f()", 0, name).before(code.length() + 1);
    }

    @Test
    void each_kind_of_binding_is_found_and_reads_and_comparisons_are_not() {
        for (String code : new String[] {"t = 'b'", "t += 1", "t //= 2", "t := f()", "a, t = g()", "(t, a) = g()",
                "x, \n t = 1", "for t in tables:", "for a, t in pairs:", "with f() as t:", "with f() as (t, u):",
                "global t", "del t", "import t", "f(t=1)"}) {
            assertTrue(scan(code, "t"), code);
        }
        for (String code : new String[] {"t == 1", "f(t)", "x.t = 1", "tt = 1", "print(t)", "if t in xs:", "t[0] == 2",
                ""}) {
            assertFalse(scan(code, "t"), code);
        }
    }

    @Test
    void it_agrees_with_the_regex_on_random_code() {
        String[] parts = {"t", "tt", " ", "  ", "\n", "=", "==", "+", "/", "//", "*", ":", ",", "(", ")", "[", "]", ".",
            "for", "in", "as", "del", "global", "x", "_", "1", "f(", "#"};
        Random r = new Random(20261124);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int k = 1 + r.nextInt(10);
            for (int j = 0; j < k; j++) {
                sb.append(parts[r.nextInt(parts.length)]);
            }
            String code = sb.toString();
            // whole lines only: the scan answers per line, the regex per character
            assertEquals(regex(code, "t"), scan(code, "t"), () -> "on: " + code.replace("\n", "\\n"));
        }
    }

    @Test
    void a_long_line_of_fors_and_names_is_read_in_one_pass() {
        String line = "for t ".repeat(200_000);
        String code = line + "\n" + "    batch_op.drop_column('c')\n";
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertFalse(new Rebinding.Scan(code, 0, "t").before(line.length() + 5)), "hang guard only");
    }

    @Test
    void many_statements_of_one_block_read_its_lines_once() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            sb.append("    batch_op.drop_column('c").append(i).append("')\n");
        }
        String code = sb.toString();
        Rebinding.Scan scan = new Rebinding.Scan(code, 0, "table");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int at = code.indexOf("batch_op"); at >= 0; at = code.indexOf("batch_op", at + 1)) {
                assertFalse(scan.before(at));
            }
        }, "hang guard only");
    }
}
