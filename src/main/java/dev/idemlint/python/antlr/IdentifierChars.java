package dev.idemlint.python.antlr;

import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The non-ASCII characters of the lexer grammar's {@code ID_START} and {@code ID_CONTINUE}, read from
 * the generated lexer's ATN, so {@link PythonTokenizer} uses exactly the Unicode tables ANTLR
 * compiled into the grammar (newer than Java 17's: U+0870 is a letter to ANTLR 4.13 and Python 3.12,
 * not to {@link Character#getType}). Loaded on first use: a migration with a non-ASCII identifier is rare.
 */
final class IdentifierChars {
    private IdentifierChars() {
    }

    static boolean isStart(char c) {
        return contains(Tables.START, c);
    }

    static boolean isContinue(char c) {
        return contains(Tables.CONTINUE, c);
    }

    private static boolean contains(int[] ranges, char c) {
        // ranges holds [from0, to0, from1, to1, ...], sorted and disjoint
        int lo = 0;
        int hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (c < ranges[2 * mid]) {
                hi = mid - 1;
            } else if (c > ranges[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Initialised when first asked, which deserializes the generated lexer's ATN once. */
    private static final class Tables {
        static final int[] START = firstChars("ID_START");
        static final int[] CONTINUE = firstChars("ID_CONTINUE");

        /** The chars one fragment rule can start with (both rules are single characters or a surrogate pair). */
        private static int[] firstChars(String rule) {
            int index = Arrays.asList(MigrationPythonLexer.ruleNames).indexOf(rule);
            if (index < 0) {
                throw new IllegalStateException("the lexer grammar has no rule " + rule);
            }
            IntervalSet set = MigrationPythonLexer._ATN.nextTokens(MigrationPythonLexer._ATN.ruleToStartState[index]);
            List<Interval> intervals = set.getIntervals();
            int[] ranges = new int[intervals.size() * 2];
            for (int i = 0; i < intervals.size(); i++) {
                ranges[2 * i] = intervals.get(i).a;
                ranges[2 * i + 1] = intervals.get(i).b;
            }
            return ranges;
        }
    }
}
