package dev.idemlint.python;

import dev.idemlint.source.SharedStrings;
import java.util.Arrays;

/**
 * A thread's recently met short texts (names, and the string literals that name tables, columns
 * and indexes), found again from their chars: a slot, by hash of the chars, keeps the last text
 * that hashed to it. A migration repeats {@code op}, {@code sa}, {@code Column}, {@code nullable}
 * and its own table and column names in call after call and again in its downgrade; met again,
 * such a text costs no substring and no lookup in the shared map (together a sixth of the parser's
 * time for names), and the model keeps one copy of it instead of one per use (half of the Strings
 * a big run kept were repeats).
 */
final class RecentTexts {
    /** Longer texts are not looked up (SQL, prose). */
    static final int LONGEST = 64;
    private static final int MASK = 2047;
    private static final ThreadLocal<RecentTexts> MINE = new ThreadLocal<>() {
        @Override
        protected RecentTexts initialValue() {
            return new RecentTexts();
        }
    };

    private final char[][] keys = new char[MASK + 1][];
    private final String[] values = new String[MASK + 1];

    private RecentTexts() {
    }

    /** This thread's table. */
    static RecentTexts mine() {
        return MINE.get();
    }

    /**
     * {@code src.substring(start, start + length)}, whose chars are {@code chars[start, start + length)}
     * ({@code length} at most {@link #LONGEST}): the copy met last when this thread met these chars
     * before, else a new one, made the one {@link SharedStrings} keeps when {@code shared}. (A name met
     * first as a literal is then not the shared copy: an equal string, one copy for this file at least.)
     */
    String of(String src, char[] chars, int start, int length, boolean shared) {
        int h = 0;
        for (int k = start; k < start + length; k++) {
            h = 31 * h + chars[k];
        }
        int slot = (h ^ h >>> 11) & MASK;
        char[] key = keys[slot];
        if (key != null && key.length == length && same(key, chars, start)) {
            return values[slot];
        }
        String text = src.substring(start, start + length);
        if (shared) {
            text = SharedStrings.of(text);
        }
        keys[slot] = Arrays.copyOfRange(chars, start, start + length);
        values[slot] = text;
        return text;
    }

    /**
     * Whether {@code key} is {@code chars[start, start + key.length)}: a plain loop, which C1 compiles
     * to a few instructions per char, where {@code Arrays.equals} on ranges checks its bounds and goes
     * through {@code ArraysSupport.mismatch} (vectorized only by C2), costly for names of a few chars.
     */
    private static boolean same(char[] key, char[] chars, int start) {
        for (int k = 0; k < key.length; k++) {
            if (key[k] != chars[start + k]) {
                return false;
            }
        }
        return true;
    }
}
