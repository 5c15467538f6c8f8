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
 *
 * <p>Escaped too, so that no text from input makes a CI runner act on a line of output: a {@code :}
 * first on a line (after white space) that another {@code :} follows, or that ends the text, is
 * written {@code \x3a}: the GitHub Actions runner runs a line that starts with {@code ::} (after .NET's
 * {@code TrimStart}) as a workflow command ({@code ::add-mask::}, {@code ::stop-commands::}, forged
 * {@code ::error} annotations). The second {@code #} of {@code ##[}, {@code ##vso[} or any
 * {@code ##word[} is written {@code \x23}: the runner's legacy {@code ##[command]}, Azure Pipelines'
 * {@code ##vso[...]} and TeamCity's {@code ##teamcity[...]} are read anywhere in a line. The text is
 * taken to start a line, and {@link #lines} starts one after each line break: a caller writes a
 * fragment at the start of a line or after text of its own.
 */
public final class Printable {
    private Printable() {
    }

    /**
     * Whether the {@code #} at {@code i} is the second one of {@code ##}, then letters, digits,
     * {@code _} or {@code -}, then {@code [}: what makes a CI runner read a command mid-line. JSON
     * writers escape it too ({@code \u0023}); the data is unchanged.
     */
    public static boolean commandMarker(CharSequence s, int i) {
        if (s.charAt(i) != '#' || i == 0 || s.charAt(i - 1) != '#') {
            return false;
        }
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '[') {
                return true;
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return false;
    }

    /** What .NET's {@code Char.IsWhiteSpace} holds, so its {@code TrimStart} removes before {@code ::}. */
    static boolean leadingSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == 0x85 || Character.isSpaceChar(c);
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

    /**
     * Appends {@code s} as a JSON string literal (RFC 8259) to {@code sb}; returns {@code sb}. Escaped besides
     * what JSON needs: what {@link #unsafeAt} names, and the {@code #} of a mid-line CI command
     * ({@link #commandMarker}), written {@code \u0023}: JSON printed to a CI log runs nothing. The data is unchanged.
     */
    public static StringBuilder json(String s, StringBuilder sb) {
        sb.append('"');
        int n = s.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\'
                    && (c < 0x7f ? c != '#' || !commandMarker(s, i) : !unsafeAt(s, i))) {
                if (Character.isHighSurrogate(c)) {
                    i++; // a pair: unsafeAt() saw its low half
                }
                continue;
            }
            sb.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xf])
                        .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
            }
        }
        sb.append(s, from, n);
        return sb.append('"');
    }

    /**
     * Whether the non-ASCII char at {@code i} is written as an escape in JSON (backslash, u, four hex digits): a
     * character a terminal or log viewer would act on rather than show ({@link #unsafe}), which JSON allows raw
     * (U+2028/U+2029 even end a line in older JavaScript), or a surrogate that is not half of a pair
     * (escaped, it is the same string to a decoder; raw, it cannot be encoded). The data is unchanged.
     */
    public static boolean unsafeAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return unsafe(c);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** {@code s} as one line: every unsafe character, newlines included, escaped. */
    public static String line(String s) {
        return s == null ? null : escape(s, false, s.length());
    }

    /** {@code s} with its line breaks ({@code \n}) kept and every other unsafe character escaped. */
    public static String lines(String s) {
        return s == null ? null : escape(s, true, s.length());
    }

    /**
     * How many characters {@link #line} makes of {@code s.substring(from, to)}: where a column of the
     * raw text lands in the printed one (a code frame's caret).
     */
    public static int width(String s, int from, int to) {
        return escape(s, false, to).length() - escape(s, false, from).length();
    }

    /** {@code s.substring(0, n)} escaped, each char as it is escaped within the whole of {@code s}. */
    private static String escape(String s, boolean keepNewlines, int n) {
        int i = 0;
        boolean lineStart = true;
        while (i < n && !needsEscape(s, i, keepNewlines, lineStart)) {
            char c = s.charAt(i);
            lineStart = c == '\n' || lineStart && leadingSpace(c);
            i += Character.isHighSurrogate(c) ? 2 : 1;
        }
        if (i >= n) {
            return n == s.length() ? s : s.substring(0, n);
        }
        StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (needsEscape(s, i, keepNewlines, lineStart)) {
                sb.append(escaped(c));
                lineStart = false;
                i++;
            } else if (Character.isHighSurrogate(c)) {
                sb.append(c).append(s.charAt(i + 1));
                lineStart = false;
                i += 2;
            } else {
                sb.append(c);
                lineStart = c == '\n' || lineStart && leadingSpace(c);
                i++;
            }
        }
        return sb.toString();
    }

    /**
     * Whether the char at {@code i} is escaped; a high surrogate is not when a low one follows it.
     * {@code lineStart}: only white space is before it on its line.
     */
    private static boolean needsEscape(String s, int i, boolean keepNewlines, boolean lineStart) {
        char c = s.charAt(i);
        if (c == ':') {
            return lineStart && (i + 1 == s.length() || s.charAt(i + 1) == ':');
        }
        if (c == '#') {
            return commandMarker(s, i);
        }
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
