package dev.idemlint.source;

/**
 * Text from input (a file's content, a file name, a revision id) made safe to print on a terminal
 * or a CI log: characters that move the cursor, recolour the screen, end a line or reorder what a
 * reader sees are written as escapes: {@code \x1b} up to U+00FF, above it a backslash, u and four
 * hex digits. The rest is left alone, so text without them comes back as the same instance.
 *
 * <p>Escaped: C0 controls but tab (ESC starts ANSI sequences, CR overwrites a line), DEL, C1 controls
 * (U+009B is a one-byte CSI on some terminals), the line and paragraph separators U+2028/U+2029,
 * the bidirectional controls of Unicode TR 9 (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
 * U+2069: CVE-2021-42574, "Trojan Source") and surrogates that are not half of a pair (no character
 * at all, and an encoder writes them as {@code ?}).
 */
public final class Printable {
    private Printable() {
    }

    /** Whether {@code c}, on its own (not as half of a surrogate pair), is written as an escape. */
    public static boolean unsafe(char c) {
        if (c < 0x20) {
            return c != '\t';
        }
        if (c < 0x7f) {
            return false;
        }
        return c <= 0x9f || c == 0x061c || c == 0x200e || c == 0x200f || c == 0x2028 || c == 0x2029
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || Character.isSurrogate(c);
    }

    /** {@code s} as one line: every unsafe character, newlines included, escaped. */
    public static String line(String s) {
        return escape(s, false);
    }

    /** {@code s} with its line breaks ({@code \n}) kept and every other unsafe character escaped. */
    public static String lines(String s) {
        return escape(s, true);
    }

    /**
     * How many characters {@link #line} makes of {@code s.substring(from, to)}: where a column of the
     * raw text lands in the printed one (a code frame's caret).
     */
    public static int width(String s, int from, int to) {
        return line(s.substring(from, to)).length();
    }

    private static String escape(String s, boolean keepNewlines) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        int i = 0;
        while (i < n && !needsEscape(s, i, keepNewlines)) {
            i += Character.isHighSurrogate(s.charAt(i)) ? 2 : 1;
        }
        if (i >= n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (needsEscape(s, i, keepNewlines)) {
                sb.append(escaped(c));
                i++;
            } else if (Character.isHighSurrogate(c)) {
                sb.append(c).append(s.charAt(i + 1));
                i += 2;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** Whether the char at {@code i} is escaped; a high surrogate is not when a low one follows it. */
    private static boolean needsEscape(String s, int i, boolean keepNewlines) {
        char c = s.charAt(i);
        if (c == '\n') {
            return !keepNewlines;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return unsafe(c);
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
        };
    }
}
