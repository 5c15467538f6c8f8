package dev.idemlint.python.antlr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.python.PythonCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@link PythonTokenizer} against the lexer ANTLR generates from
 * {@code grammar/MigrationPythonLexer.g4}: for every input, both must produce the same tokens
 * (type, offsets, line, column, text) or fail with the same error at the same offset.
 */
class PythonTokenizerTest {

    @Test
    void matches_the_grammar_on_every_python_file_of_the_test_resources() throws IOException {
        List<Path> files = PythonCorpus.all();
        int tokens = 0;
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            tokens += assertSameTokens(file.toString(), text, false);
        }
        // the test resources alone hold ~54,000 tokens (the real projects ecosystem/real-sources fetches may be absent)
        assertTrue(tokens > 40_000, "compared " + tokens + " tokens");
    }

    @Test
    void matches_the_grammar_on_the_edge_cases_of_each_rule() {
        String[] cases = {
            "", "\n", "\r", "\r\n", "x", "x\r\ny\rz\n", "\uFEFFx = 1\n", "\t\f x\n", "# only a comment",
            // numbers: longest match across INTEGER, FLOAT_NUMBER and IMAG_NUMBER
            "0 00 0_0 012 0_7 1_000 1__0 1_ 1_e5 1e 1e5 1E+5 1e-5_0 1.e3 .5 .5j 5. 5.j 1.5e3j 07.5 0x 0xfF_0 0o17 0o8 0b102 0B_1",
            "1if 1else 1j 1J 0j 0.0.0 1..2 ...5 .. ... .e5 9_9.9_9e9_9j",
            // names, keywords, soft keywords, prefixes
            "and as assert async await break class continue def del elif else except False finally for from",
            "global if import in is lambda None nonlocal not or pass raise return True try while with yield",
            "match case type matches _type ifx None_ r u b f rb Rb bR br fr Fr rf ur ub bu x_1 _",
            "r'a' u'b' b'c' f'd' R\"e\" rb'f' BR'g' fR'h' Rf'i' ur'j' ub'k' fb'l' x'm'",
            "'''a\nb''' \"\"\"c\r\nd\"\"\" 'e\\'f' f'{x!r:>{w}}' f\"{d[\"k\"]}\" f'''{\n1}'''",
            // operators: longest match
            "** **= * *= // //= / /= << <<= <= < <> >> >>= >= > == = != ! -> -= - += + %= % &= & |= | ^= ^ @= @ := : ~",
            "()[]{},;. ... ....",
            // line joins and stray characters
            "x = 1 + \\\n  2\n", "x = \\\r\n1", "x = \\  \t\n1", "x = \\ 1", "x = \\", "a $ b ? c `d` \u00A0",
            // unicode identifiers
            "é = ñ·x + Ⅻ + a\u0301 + x٣ + \uD835\uDD18 + \uD83D\uDE00 + \uD800 + \uDC00x + é_\u203F",
            // layout
            "if x:\n    y\n  z\n", "if x:\n\ty\n        z\n", "def f(\n  a,\n    b):\n  pass\n", "(\n", "x)\n",
        };
        for (String c : cases) {
            assertSameTokens(c, c, false);
            assertSameTokens(c, c, true);
        }
    }

    @Test
    void matches_the_grammar_on_random_snippets() {
        // fragments chosen to meet at every rule boundary; seeded, so a failure reproduces
        String[] parts = {
            "0", "1", "9", "_", ".", "e", "E", "j", "x", "o", "b", "B", "r", "R", "f", "u", "0x", "0o", "0b", "a",
            "+", "-", "*", "/", "<", ">", "=", "!", ":", "@", "%", "&", "|", "^", "~", "(", ")", "[", "]", "{",
            "}", ",", ";", "'", "\"", "'''", "\\", "\\\n", " ", "  ", "\t", "\f", "\n", "\r", "\r\n", "#c", "if",
            "not", "async", "match", "type", "None", "é", "\uD835\uDD18", "\uD800", "·", "\u0301", "٣", "\uFEFF",
            "$", "\u00A0", "{x}", "'s'", "f'{a}'",
        };
        Random random = new Random(20261122);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(14);
            for (int k = 0; k < len; k++) {
                sb.append(parts[random.nextInt(parts.length)]);
            }
            String s = sb.toString();
            assertSameTokens("snippet " + i + ": " + s, s, false);
            if (i % 4 == 0) {
                assertSameTokens("field snippet " + i + ": " + s, s, true);
            }
        }
    }

    @Test
    void matches_the_grammar_for_every_utf16_unit_as_identifier_start_part_and_lone_char() {
        for (int c = 1; c <= 0xFFFF; c++) {
            char ch = (char) c;
            String s = "a" + ch + "b " + ch + "c\n";
            assertSameTokens("U+" + Integer.toHexString(c), s, false);
        }
    }


    /** Returns the number of tokens compared. */
    static int assertSameTokens(String what, String text, boolean field) {
        MigrationPythonLexer reference = new MigrationPythonLexer(new StringCharStream(text));
        reference.removeErrorListeners();
        PythonTokenizer tokenizer = new PythonTokenizer(text);
        if (field) {
            reference.setFieldMode();
            tokenizer.setFieldMode();
        }
        List<String> expected = dump(reference);
        List<String> actual = dump(tokenizer);
        if (!expected.equals(actual)) {
            assertEquals(String.join("\n", expected), String.join("\n", actual), what);
        }
        int unclosedExpected = reference.unclosedBracket();
        assertEquals(unclosedExpected, tokenizer.unclosedBracket(), what + ": unclosed bracket");
        return actual.size();
    }

    private static List<String> dump(TokenSource source) {
        List<String> out = new ArrayList<>();
        try {
            while (true) {
                Token t = source.nextToken();
                out.add(t.getType() + " " + t.getStartIndex() + ".." + t.getStopIndex() + " @" + t.getLine() + ":"
                        + t.getCharPositionInLine() + " " + t.getText());
                if (t.getType() == Token.EOF) {
                    return out;
                }
            }
        } catch (PythonLexError e) {
            out.add("error at " + e.offset() + ": " + e.getMessage());
            return out;
        }
    }

    @Test
    void chars_handed_in_must_be_the_texts() {
        // the tokenizer reads the array and cuts token texts from the string: they must agree
        assertThrows(IllegalArgumentException.class, () -> new PythonTokenizer("x = 1\n", "x = 1".toCharArray()));
        char[] chars = "x = 1\n".toCharArray();
        assertSame(chars, new PythonTokenizer("x = 1\n", chars).chars());
    }
}
