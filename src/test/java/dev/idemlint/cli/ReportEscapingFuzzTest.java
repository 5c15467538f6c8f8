package dev.idemlint.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.idemlint.fixture.FuzzDeadline;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target: any text as every piece of input-derived text (file names, revision ids, messages, help,
 * fix titles, related notes, plan values) through every output format, as {@link EscapingPropertyTest}
 * checks it: no output line starts a GitHub workflow command, none holds a mid-line {@code ##word[}
 * command, no raw control, bidi or line-separator character or lone surrogate is printed, and the JSON
 * formats parse and keep the text. The input is read as chars: a byte below 0x80 is that char, a byte
 * from 0x80 up takes the next two bytes as one UTF-16 char (any char, a lone surrogate too); a NUL byte
 * ends one piece of text and starts the next, which is taken from the start again when the input runs out.
 */
class ReportEscapingFuzzTest {

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10s")
    void no_input_text_makes_an_output_run_a_ci_command(byte[] input) throws Exception {
        String[] pieces = pieces(input);
        int[] next = {0};
        FuzzDeadline.run(() -> EscapingPropertyTest.check("fuzz input",
                () -> pieces[next[0]++ % pieces.length]));
    }

    private static String[] pieces(byte[] input) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < input.length; i++) {
            int b = input[i] & 0xff;
            if (b < 0x80) {
                sb.append((char) b);
            } else if (i + 2 < input.length) {
                sb.append((char) ((input[i + 1] & 0xff) << 8 | input[i + 2] & 0xff));
                i += 2;
            }
        }
        return sb.toString().split("\u0000", -1);
    }

    /** The reproductions of the issue, and a few pieces of each kind the property test draws from. */
    static Stream<Arguments> seeds() {
        return Stream.of("c\n::error file=x.py,line=1::forged", "b1\n::stop-commands::tok",
                "x\u0000  ::add-mask::secret\u0000##[error]legacy\u0000##vso[task.complete result=Succeeded]x",
                "\u001b[2J\u0000\r::warning::w\u0000%0A::notice::n\u0000a,b:c")
                .map(s -> Arguments.of(Named.of(s.replace("\n", "\\n").replace("\u0000", "|"),
                        s.getBytes(StandardCharsets.ISO_8859_1))));
    }
}
