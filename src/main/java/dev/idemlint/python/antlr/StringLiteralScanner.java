package dev.idemlint.python.antlr;

import java.util.List;

/**
 * Finds where a string literal ends and, for f-strings, where its replacement fields are. Shared by
 * the lexer (token boundaries) and the string decoder (pieces), so both agree on every quirk:
 * a backslash always hides the next char from the terminator check, even in raw strings; inside a
 * replacement field any quote opens a nested literal (PEP 701 allows the outer quote there, and
 * older Pythons never had a quote there that closed the outer string); after a top-level ':' the
 * format spec is literal text again, with its own nested fields.
 */
public final class StringLiteralScanner {

    /**
     * One top-level replacement field: {@code start} at its '{', {@code end} just past its '}',
     * the expression in {@code [exprStart, exprEnd)}. For a self-documenting field ({@code {x = }})
     * {@code debugEnd} ends the text CPython copies into the value ("x = "), else it is -1.
     */
    public record Field(int start, int end, int exprStart, int exprEnd, int debugEnd) {
    }

    private StringLiteralScanner() {
    }

    public static boolean isRaw(String prefix) {
        return prefix.indexOf('r') >= 0 || prefix.indexOf('R') >= 0;
    }

    public static boolean isFormatted(String prefix) {
        return prefix.indexOf('f') >= 0 || prefix.indexOf('F') >= 0;
    }

    public static boolean isBytes(String prefix) {
        return prefix.indexOf('b') >= 0 || prefix.indexOf('B') >= 0;
    }

    /** Length of the quote that opens the literal at {@code quotePos}: 1 or 3. */
    public static int quoteLength(String src, int quotePos) {
        char q = src.charAt(quotePos);
        return quotePos + 2 < src.length() && src.charAt(quotePos + 1) == q && src.charAt(quotePos + 2) == q ? 3 : 1;
    }

    /** {@link #scan(char[], int, int, int, String, List)} on a string's chars. */
    public static int scan(String src, int tokenStart, int quotePos, String prefix, List<Field> fields) {
        return scan(src.toCharArray(), src.length(), tokenStart, quotePos, prefix, fields);
    }

    private static int quoteLength(char[] src, int n, int quotePos) {
        char q = src[quotePos];
        return quotePos + 2 < n && src[quotePos + 1] == q && src[quotePos + 2] == q ? 3 : 1;
    }

    /**
     * Scans the literal whose opening quote is at {@code quotePos} and returns the offset just past
     * its closing quote. Top-level fields of an f-string are added to {@code fields} if non-null.
     *
     * The literal lies in {@code src[0, n)}; the tokenizer reads a file's chars from an array (charAt
     * is a call per char in C1-compiled code).
     *
     * @throws PythonLexError if the literal is not terminated; the offset is {@code tokenStart}
     */
    public static int scan(char[] src, int n, int tokenStart, int quotePos, String prefix, List<Field> fields) {
        char q = src[quotePos];
        int ql = quoteLength(src, n, quotePos);
        boolean triple = ql == 3;
        boolean raw = isRaw(prefix);
        boolean fmt = isFormatted(prefix);
        int i = quotePos + ql;
        while (true) {
            if (i >= n) {
                throw unterminated(triple, tokenStart);
            }
            char c = src[i];
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw unterminated(triple, tokenStart);
                }
                char d = src[i + 1];
                if (fmt && (d == '{' || d == '}')) {
                    i++;
                    continue;
                }
                if (fmt && !raw && d == 'N' && i + 2 < n && src[i + 2] == '{') {
                    int close = indexOf(src, n, '}', i + 3);
                    if (close < 0) {
                        throw unterminated(triple, tokenStart);
                    }
                    i = close + 1;
                    continue;
                }
                i += (d == '\r' && i + 2 < n && src[i + 2] == '\n') ? 3 : 2;
                continue;
            }
            if (c == q) {
                if (!triple) {
                    return i + 1;
                }
                if (i + 2 < n && src[i + 1] == q && src[i + 2] == q) {
                    return i + 3;
                }
                i++;
                continue;
            }
            if ((c == '\n' || c == '\r') && !triple) {
                throw unterminated(false, tokenStart);
            }
            if (fmt && c == '{') {
                if (i + 1 < n && src[i + 1] == '{') {
                    i += 2;
                    continue;
                }
                int[] ends = scanField(src, n, tokenStart, i + 1, triple);
                if (fields != null) {
                    fields.add(new Field(i, ends[1], i + 1, ends[0], ends[2]));
                }
                i = ends[1];
                continue;
            }
            i++;
        }
    }

    /** Returns {exprEnd, fieldEnd, debugEnd} for the field whose expression starts at {@code i}. */
    private static int[] scanField(char[] src, int n, int tokenStart, int i, boolean triple) {
        int depth = 0;
        int exprEnd = -1;
        boolean debug = false;
        int debugEnd = -1;
        while (true) {
            if (i >= n) {
                throw new PythonLexError("f-string: expecting '}'", tokenStart);
            }
            char c = src[i];
            if (c == '\'' || c == '"') {
                int p = i;
                while (p > 0 && Character.isLetter(src[p - 1]) && i - p < 3) {
                    p--;
                }
                String nested = new String(src, p, i - p);
                if (nested.length() > 2 || !isPrefix(nested)
                        || (p > 0 && Character.isLetterOrDigit(src[p - 1]))) {
                    nested = "";
                }
                i = scan(src, n, tokenStart, i, nested, null);
                continue;
            }
            if (debug && debugEnd < 0 && (c == '!' || c == ':' || c == '}')) {
                debugEnd = i;
            }
            if (exprEnd < 0 && depth == 0) {
                if (c == '!' && i + 1 < n && src[i + 1] != '=') {
                    exprEnd = i;
                    i++;
                    continue;
                }
                if (c == '=' && i + 1 < n && src[i + 1] != '='
                        && "=!<>".indexOf(src[i - 1]) < 0) {
                    exprEnd = i;
                    debug = true;
                    i++;
                    continue;
                }
            }
            if (depth == 0 && c == ':') {
                if (exprEnd < 0) {
                    exprEnd = i;
                }
                return new int[] {exprEnd, scanFormatSpec(src, n, tokenStart, i + 1), debugEnd};
            }
            if (c == '#') {
                while (i < n && src[i] != '\n' && src[i] != '\r') {
                    i++;
                }
                continue;
            }
            switch (c) {
                case '(', '[', '{' -> depth++;
                case ')', ']' -> depth--;
                case '}' -> {
                    if (depth == 0) {
                        return new int[] {exprEnd < 0 ? i : exprEnd, i + 1, debugEnd};
                    }
                    depth--;
                }
                default -> {
                }
            }
            i++;
        }
    }

    /** Scans a format spec starting at {@code i}; returns the offset just past the field's '}'. */
    private static int scanFormatSpec(char[] src, int n, int tokenStart, int i) {
        while (true) {
            if (i >= n) {
                throw new PythonLexError("f-string: expecting '}'", tokenStart);
            }
            char c = src[i];
            if (c == '{') {
                i = scanField(src, n, tokenStart, i + 1, false)[1];
                continue;
            }
            if (c == '}') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                i += 2;
                continue;
            }
            i++;
        }
    }

    private static PythonLexError unterminated(boolean triple, int tokenStart) {
        return new PythonLexError(triple ? "unterminated triple-quoted string literal"
                : "unterminated string literal", tokenStart);
    }

    private static int indexOf(char[] src, int n, char c, int from) {
        for (int i = from; i < n; i++) {
            if (src[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Whether every char of {@code s} is a string prefix letter. */
    private static boolean isPrefix(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("rRbBfFuU".indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
