package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.source.RandomText;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    /** What the fingerprint's whitespace collapsing was written as, and must stay equal to. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    @Test
    void collapsing_whitespace_is_the_regex_replacement_over_any_range() {
        String[] pieces = {" ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\r\n", "a", "bc", "\u00a0", "\u2003",
                "\u001c", "#", "é"};
        Random random = new Random(31);
        for (int k = 0; k < 100_000; k++) {
            String text = RandomText.of(random, pieces, 12);
            int from = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);
            assertEquals(WHITESPACE.matcher(text.substring(from, to)).replaceAll(" "),
                    Fingerprint.collapse(text, from, to), () -> "[" + text + "] " + from + ".." + to);
        }
    }
}
