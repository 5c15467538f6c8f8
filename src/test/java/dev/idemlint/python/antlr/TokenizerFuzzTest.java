package dev.idemlint.python.antlr;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.idemlint.fixture.FuzzDeadline;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target: any bytes, decoded as the file reader decodes UTF-8, give the hand-written
 * {@link PythonTokenizer} and the lexer generated from the grammar the same tokens or the same
 * {@link PythonLexError} at the same offset, in module and in f-string field mode. Any other
 * exception, a difference, or an input not done within {@link FuzzDeadline#LIMIT} is a finding.
 */
class TokenizerFuzzTest {

    @MethodSource("dev.idemlint.fixture.FuzzSeeds#pythonFiles")
    @FuzzTest(maxDuration = "10s")
    void tokenizer_matches_the_grammar_on_any_input(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        FuzzDeadline.run(() -> {
            PythonTokenizerTest.assertSameTokens("module", text, false);
            PythonTokenizerTest.assertSameTokens("field", text, true);
        });
    }
}
