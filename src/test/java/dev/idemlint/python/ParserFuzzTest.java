package dev.idemlint.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.idemlint.fixture.FuzzDeadline;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target: for any bytes (decoded as UTF-8), the production parser ({@link DescentParser}, run
 * strict so that any failure of it other than giving up surfaces, with ANTLR when it gives up) and
 * ANTLR alone give the same records with the same spans, or the same {@link PythonSyntaxError} at the
 * same offset; the only expected exception is that one, and never its "internal parser error" form
 * (a bug the facade caught). A module that parses has every span inside the file and inside its
 * parent. An input not done within {@link FuzzDeadline#LIMIT} is a finding.
 */
class ParserFuzzTest {
    private static final PythonParser REFERENCE = new PythonParser(false, false);
    private static final PythonParser FAST = new PythonParser(true, true);

    @MethodSource("dev.idemlint.fixture.FuzzSeeds#pythonFiles")
    @FuzzTest(maxDuration = "10s")
    void descent_parser_and_antlr_agree_on_any_input(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        FuzzDeadline.run(() -> {
            String expected = DescentParserTest.outcome(REFERENCE, text);
            // the outcome of an error is "error at <offset>: <message>"; a dump may hold any text
            assertFalse(expected.startsWith("error at ") && expected.substring(expected.indexOf(": ") + 2)
                    .startsWith("internal parser error"), expected);
            String actual = DescentParserTest.outcome(FAST, text);
            assertEquals(expected, actual, "the fast path and ANTLR differ");
            if (!expected.startsWith("error at ")) {
                for (Stmt s : FAST.parse(ParseSupport.source(text)).body()) {
                    SpanChecks.check(s, text);
                }
            }
        });
    }
}
