package dev.idemlint.sql;

import dev.idemlint.migration.SqlText;
import java.util.Arrays;

/**
 * Decodes string literal contents and builds {@link SqlText}s for SQL nested in literals
 * ({@code EXECUTE 'ALTER ...'}, {@code DO '...'}), keeping each decoded char's file offset.
 */
final class LiteralDecoder {
    private LiteralDecoder() {
    }

    /** A decoded value; {@code source[i]} is the index in the lexed text where char {@code i} came from. */
    record Decoded(String value, int[] source) {
    }

    /**
     * Decodes {@code s[from, to)}: {@code ''} is one quote; with {@code escapes} (E'' strings) the
     * C-style backslash escapes are decoded too. With standard_conforming_strings on (the default
     * since PostgreSQL 9.1) a backslash in a plain literal is just a backslash.
     */
    static Decoded decode(String s, int from, int to, boolean escapes) {
        StringBuilder sb = new StringBuilder(to - from);
        int[] src = new int[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            int at = i;
            if (c == '\'' && i + 1 < to && s.charAt(i + 1) == '\'') {
                i += 2;
            } else if (escapes && c == '\\' && i + 1 < to) {
                char e = s.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 'n' -> c = '\n';
                    case 't' -> c = '\t';
                    case 'r' -> c = '\r';
                    case 'b' -> c = '\b';
                    case 'f' -> c = '\f';
                    case 'x' -> {
                        int end = i;
                        while (end < to && end < i + 2 && Character.digit(s.charAt(end), 16) >= 0) {
                            end++;
                        }
                        c = end > i ? (char) Integer.parseInt(s.substring(i, end), 16) : 'x';
                        i = end;
                    }
                    case 'u', 'U' -> {
                        int len = e == 'u' ? 4 : 8;
                        int end = i;
                        while (end < to && end < i + len && Character.digit(s.charAt(end), 16) >= 0) {
                            end++;
                        }
                        c = end - i == len ? (char) Integer.parseInt(s.substring(i, end), 16) : e;
                        i = end - i == len ? end : i;
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int end = i;
                            while (end < to && end < i + 2 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                                end++;
                            }
                            c = (char) Integer.parseInt(s.substring(i - 1, end), 8);
                            i = end;
                        } else {
                            c = e;
                        }
                    }
                }
            } else {
                i++;
            }
            sb.append(c);
            src[n++] = at;
        }
        return new Decoded(sb.toString(), Arrays.copyOf(src, n));
    }

    /** Decodes a string token of {@code outer} into a SqlText whose offsets point into the file. */
    static SqlText literalText(SqlText outer, SqlToken string) {
        String s = outer.text();
        boolean escapes = string.contentStart() - string.start() == 2
                && (s.charAt(string.start()) == 'E' || s.charAt(string.start()) == 'e');
        Decoded d = decode(s, string.contentStart(), string.contentEnd(), escapes);
        return new Builder(outer).append(d).build(string.contentEnd());
    }

    /** Accumulates pieces of decoded literal text and dynamic placeholders into a SqlText. */
    static final class Builder {
        private final SqlText outer;
        private final StringBuilder text = new StringBuilder();
        private int[] offsets = new int[16];
        private boolean dynamic;

        Builder(SqlText outer) {
            this.outer = outer;
        }

        Builder append(Decoded d) {
            for (int k = 0; k < d.value().length(); k++) {
                put(d.value().charAt(k), outer.fileOffset(d.source()[k]));
            }
            return this;
        }

        Builder dynamic() {
            dynamic = true;
            return put(SqlText.DYNAMIC, -1);
        }

        private Builder put(char c, int offset) {
            if (text.length() + 1 >= offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[text.length()] = c == SqlText.DYNAMIC ? -1 : offset;
            dynamic |= c == SqlText.DYNAMIC;
            text.append(c);
            return this;
        }

        SqlText build(int outerEnd) {
            int[] off = Arrays.copyOf(offsets, text.length() + 1);
            off[text.length()] = outer.fileOffset(outerEnd);
            return new SqlText(text.toString(), off, dynamic, outer.exprSpan());
        }
    }
}
