package dev.idemlint.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Revision ID:}, {@code Revises:} and {@code Create Date:} lines of a revision's
 * docstring, found line by line. The same lines as the pattern
 * {@code (?m)^[ \t]*(Revision ID|Revises|Create Date)[ \t]*:[ \t]*(.*?)[ \t]*$} finds (lines end at
 * the terminators java.util.regex knows: \n, \r, \r\n, \u0085, \u2028, \u2029), without running a
 * regex over every file's docstring (1% of the per-file work under C1). {@code DocFieldsTest}
 * holds the two equal.
 */
final class DocFields {
    static final String[] KEYS = {"Revision ID", "Revises", "Create Date"};

    /** One field line: its key and the value's range in the text ({@code start == end}: empty). */
    record Field(String key, int start, int end) {
    }

    private DocFields() {
    }

    static List<Field> scan(String text) {
        List<Field> out = new ArrayList<>(3);
        int n = text.length();
        int line = 0;
        while (line <= n) {
            int eol = line;
            while (eol < n && !terminator(text.charAt(eol))) {
                eol++;
            }
            Field f = field(text, line, eol);
            if (f != null) {
                out.add(f);
            }
            if (eol >= n) {
                break;
            }
            line = eol + (text.charAt(eol) == '\r' && eol + 1 < n && text.charAt(eol + 1) == '\n' ? 2 : 1);
        }
        return out;
    }

    private static Field field(String text, int from, int eol) {
        int i = blanks(text, from, eol);
        for (String key : KEYS) {
            if (text.startsWith(key, i) && i + key.length() <= eol) {
                int j = blanks(text, i + key.length(), eol);
                if (j < eol && text.charAt(j) == ':') {
                    int start = blanks(text, j + 1, eol);
                    int end = eol;
                    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
                        end--;
                    }
                    return new Field(key, start, end);
                }
                return null;
            }
        }
        return null;
    }

    private static int blanks(String text, int i, int eol) {
        while (i < eol && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean terminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
