package dev.idemlint.python;

import dev.idemlint.python.antlr.StringLiteralScanner;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes one string token into {@link StrPiece}s: escapes resolved, every decoded char mapped back
 * to the source char that produced it, f-string fields split out and parsed. Newlines inside a
 * literal decode to '\n' whatever the file's line endings, as CPython reads source in universal
 * newline mode.
 */
final class StringLiteralDecoder {

    /** Parses the f-string field expression in {@code src[start, end)}. */
    interface FieldParser {
        Expr parse(int start, int end);
    }

    private final String src;
    /** {@code src}'s chars for the f-string scanner, from the tokenizer or made on first use; null until then. */
    private char[] chars;
    private final int shift;
    /** This thread's recent texts, for the short literals; looked up on the first one. */
    private RecentTexts recent;

    /** {@code shift} is the file offset of {@code src.charAt(0)}. */
    StringLiteralDecoder(String src, int shift) {
        this(src, null, shift);
    }

    /** {@code chars}: {@code src}'s chars if the caller has them (null: made when an f-string needs them). */
    StringLiteralDecoder(String src, char[] chars, int shift) {
        this.src = src;
        this.chars = chars;
        this.shift = shift;
    }

    /** Appends the pieces of the token {@code src[start, end)} to {@code out}. */
    void decode(int start, int end, FieldParser fields, List<StrPiece> out) {
        int quotePos = start;
        while (src.charAt(quotePos) != '\'' && src.charAt(quotePos) != '"') {
            quotePos++;
        }
        String prefix = src.substring(start, quotePos);
        int ql = StringLiteralScanner.quoteLength(src, quotePos);
        String quote = quote(src.charAt(quotePos), ql);
        int contentStart = quotePos + ql;
        int contentEnd = end - ql;
        Span token = new Span(shift + start, shift + end);
        boolean raw = StringLiteralScanner.isRaw(prefix);
        boolean bytes = StringLiteralScanner.isBytes(prefix);
        if (!StringLiteralScanner.isFormatted(prefix)) {
            out.add(literal(contentStart, contentEnd, raw, bytes, false, token, prefix, quote));
            return;
        }
        List<StringLiteralScanner.Field> found = new ArrayList<>();
        StringLiteralScanner.scan(chars(), src.length(), start, quotePos, prefix, found);
        int before = out.size();
        int pos = contentStart;
        for (StringLiteralScanner.Field f : found) {
            if (f.start() > pos) {
                out.add(literal(pos, f.start(), raw, false, true, token, prefix, quote));
            }
            if (f.debugEnd() >= 0) {
                // CPython copies the source of a self-documenting field ("x = ") into the value
                out.add(literal(f.exprStart(), f.debugEnd(), true, false, false, token, prefix, quote));
            }
            Expr expr = fields.parse(f.exprStart(), f.exprEnd());
            out.add(new StrPiece(src.substring(f.start(), f.end()), true, expr, (StrPiece.Offsets) null, token, prefix, quote));
            pos = f.end();
        }
        if (contentEnd > pos || out.size() == before) {
            out.add(literal(pos, contentEnd, raw, false, true, token, prefix, quote));
        }
    }

    private StrPiece literal(int from, int to, boolean raw, boolean bytes, boolean fmt, Span token,
            String prefix, String quote) {
        if (isPlain(from, to, raw, fmt)) {
            // most literals (identifiers, SQL without escapes): the text as written, offsets one run
            return new StrPiece(plainText(from, to), false, null, StrPiece.Offsets.run(to - from + 1, shift + from),
                    token, prefix, quote);
        }
        StringBuilder text = new StringBuilder(to - from);
        int[] offsets = new int[to - from + 1];
        int n = 0;
        int i = from;
        while (i < to) {
            char c = src.charAt(i);
            if (c == '\\' && !raw && i + 1 < to) {
                char d = src.charAt(i + 1);
                int at = shift + i;
                switch (d) {
                    case '\n' -> i += 2;
                    case '\r' -> i += (i + 2 < to && src.charAt(i + 2) == '\n') ? 3 : 2;
                    case '\\', '\'', '"' -> {
                        text.append(d);
                        offsets[n++] = at;
                        i += 2;
                    }
                    case 'a', 'b', 'f', 'n', 'r', 't', 'v' -> {
                        text.append(simpleEscape(d));
                        offsets[n++] = at;
                        i += 2;
                    }
                    case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                        int j = i + 1;
                        int value = 0;
                        while (j < to && j < i + 4 && src.charAt(j) >= '0' && src.charAt(j) <= '7') {
                            value = value * 8 + (src.charAt(j) - '0');
                            j++;
                        }
                        text.append((char) (bytes ? value & 0xFF : value));
                        offsets[n++] = at;
                        i = j;
                    }
                    case 'x', 'u', 'U' -> {
                        if (d != 'x' && bytes) {
                            // bytes have no \\u escapes: the backslash stays
                            text.append('\\');
                            offsets[n++] = at;
                            i++;
                        } else {
                            int digits = d == 'x' ? 2 : d == 'u' ? 4 : 8;
                            int cp = hex(i + 2, digits, to);
                            if (cp < 0) {
                                throw invalid("truncated \\" + d + "X".repeat(digits) + " escape", at);
                            }
                            if (cp > Character.MAX_CODE_POINT) {
                                throw invalid("illegal Unicode character", at);
                            }
                            n = appendCodePoint(text, offsets, n, cp, at);
                            i += 2 + digits;
                        }
                    }
                    case 'N' -> {
                        if (bytes) {
                            text.append('\\');
                            offsets[n++] = at;
                            i++;
                        } else {
                            int close = src.indexOf('}', i);
                            if (i + 2 >= to || src.charAt(i + 2) != '{' || close < 0 || close >= to) {
                                throw invalid("malformed \\N character escape", at);
                            }
                            int cp;
                            try {
                                cp = Character.codePointOf(src.substring(i + 3, close));
                            } catch (IllegalArgumentException unknownName) {
                                // Java's name table lags CPython's (and lacks aliases): never reject for it
                                cp = '\uFFFD';
                            }
                            n = appendCodePoint(text, offsets, n, cp, at);
                            i = close + 1;
                        }
                    }
                    default -> {
                        // an unknown escape keeps its backslash (a DeprecationWarning in CPython)
                        text.append('\\');
                        offsets[n++] = at;
                        i++;
                    }
                }
                continue;
            }
            if (fmt && (c == '{' || c == '}') && i + 1 < to && src.charAt(i + 1) == c) {
                text.append(c);
                offsets[n++] = shift + i;
                i += 2;
                continue;
            }
            if (c == '\r') {
                text.append('\n');
                offsets[n++] = shift + i;
                i += (i + 1 < to && src.charAt(i + 1) == '\n') ? 2 : 1;
                continue;
            }
            text.append(c);
            offsets[n++] = shift + i;
            i++;
        }
        offsets[n++] = shift + to;
        return new StrPiece(text.toString(), false, null, StrPiece.Offsets.of(n == offsets.length ? offsets : Arrays.copyOf(offsets, n)),
                token, prefix, quote);
    }

    /** The quote as written: one of four constants rather than a substring per literal. */
    private static String quote(char c, int length) {
        if (c == '"') {
            return length == 1 ? "\"" : "\"\"\"";
        }
        return length == 1 ? "'" : "'''";
    }

    /**
     * {@code src[from, to)} as a string: for a short one (a table, column or index name), the copy met
     * before when this thread decoded the same text ({@link RecentTexts}): a migration names a table in
     * every call that touches it, and the model keeps each name to the end of the run.
     */
    private String plainText(int from, int to) {
        int length = to - from;
        if (length > RecentTexts.LONGEST || length == 0) {
            return src.substring(from, to);
        }
        if (recent == null) {
            recent = RecentTexts.mine();
        }
        return recent.of(src, chars(), from, length, false);
    }

    /** {@code src}'s chars, made once per source when the caller had none (not once per literal). */
    private char[] chars() {
        if (chars == null) {
            chars = src.toCharArray();
        }
        return chars;
    }

    /** True when {@code src[from, to)} decodes to itself: no escape, no CR, no doubled brace of an f-string. */
    private boolean isPlain(int from, int to, boolean raw, boolean fmt) {
        char[] chars = chars(); // an array load per char; charAt was a call per char under C1
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c == '\\' && !raw || c == '\r' || fmt && (c == '{' || c == '}')) {
                return false;
            }
        }
        return true;
    }

    private static RuntimeException invalid(String what, int offset) {
        return new PythonParser.InvalidSyntax("(unicode error) " + what, offset);
    }

    private static int appendCodePoint(StringBuilder text, int[] offsets, int n, int cp, int at) {
        int before = text.length();
        text.appendCodePoint(cp);
        for (int k = before; k < text.length(); k++) {
            offsets[n++] = at;
        }
        return n;
    }

    private static char simpleEscape(char d) {
        return switch (d) {
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> '\u000B';
        };
    }

    private int hex(int from, int digits, int to) {
        if (from + digits > to) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < from + digits; k++) {
            int v = Character.digit(src.charAt(k), 16);
            if (v < 0) {
                return -1;
            }
            value = value * 16 + v;
        }
        return value;
    }
}
