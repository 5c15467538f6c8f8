package dev.idemlint.python.antlr;

import java.util.Arrays;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The production lexer: {@code grammar/MigrationPythonLexer.g4} written out by hand, producing the
 * same tokens as the generated {@link MigrationPythonLexer} (types, offsets, lines, columns, layout,
 * errors) without its automaton.
 *
 * <p>Why by hand: the generated lexer walks a DFA per character, builds that DFA from the ATN on a
 * cold start, and was a sixth of a run's CPU time; this one decides most tokens from their first
 * character. The grammar stays the specification: {@code PythonTokenizerTest} lexes every Python
 * file of the test resources and thousands of generated snippets with both and requires identical
 * token streams, so a change to the grammar that is not made here fails the build.
 *
 * <p>Semantics kept from ANTLR: the longest match wins, a keyword beats NAME on equal length, a
 * string prefix followed by a quote starts a STRING, and {@code charPositionInLine} counts UTF-16
 * units since the last {@code \n} (a lone {@code \r} does not start a new line for it).
 */
public final class PythonTokenizer implements TokenSource {
    private final String src;
    /** {@code src}'s chars: read by index, an array load is much cheaper than charAt in C1-compiled code. */
    private final char[] buf;
    private final int n;
    private final StringCharStream input;
    private final Pair<TokenSource, CharStream> pair;
    private final Layout layout;
    private int pos;
    /** The raw token just read: [tokStart, tokEnd). */
    private int tokStart;
    private int tokEnd;

    // the tokens for the parser, filled by lexAll()
    private int[] types;
    private int[] starts;
    private int[] stops;
    private int count;
    private PythonLexError error;
    /** Offsets of every '\n', for line and column numbers of materialized tokens; built on demand. */
    private int[] newlines;
    private int served;

    public PythonTokenizer(String text) {
        this(text, text.toCharArray());
    }

    /** {@code chars}: {@code text}'s chars, made by the caller (the file reader widens them as it scans). */
    public PythonTokenizer(String text, char[] chars) {
        if (chars.length != text.length()) {
            throw new IllegalArgumentException("chars of another text: " + chars.length + " != " + text.length());
        }
        this.src = text;
        this.buf = chars;
        this.n = text.length();
        this.input = new StringCharStream(text);
        this.pair = new Pair<>(this, input);
        this.layout = new Layout(text, new Layout.Sink() {
            @Override
            public void token(int type, int start, int stop) {
                emit(type, start, stop);
            }
        });
    }

    /** The text's chars, as read (do not change them). */
    public char[] chars() {
        return buf;
    }

    /** See {@link Layout#setFieldMode()}; call before the first token. */
    public void setFieldMode() {
        layout.setFieldMode();
    }

    /** Offset of the innermost bracket still open at the end of input, or -1. */
    public int unclosedBracket() {
        lexAll();
        return layout.unclosedBracket();
    }

    /**
     * Lexes the whole input into arrays (type, start, stop per token; EOF last), once. A lexical
     * error ends the arrays with the tokens released before the raw token that failed, as the
     * reference lexer releases them, and is kept for {@link #error()}.
     */
    void lexAll() {
        if (types != null) {
            return;
        }
        // Python migrations average one token per 6-7 chars; sized for that, most files never grow
        int guess = 64 + n / 6;
        types = new int[guess];
        starts = new int[guess];
        stops = new int[guess];
        int before = 0;
        try {
            while (true) {
                before = count;
                int type = raw();
                layout.accept(type, tokStart, tokEnd - 1);
                if (type == Token.EOF) {
                    return;
                }
            }
        } catch (PythonLexError e) {
            count = before;
            error = e;
        }
    }

    /** Layout's sink: appends one token for the parser. */
    private void emit(int type, int start, int stop) {
        if (count == types.length) {
            int size = count * 2;
            types = Arrays.copyOf(types, size);
            starts = Arrays.copyOf(starts, size);
            stops = Arrays.copyOf(stops, size);
        }
        types[count] = type;
        starts[count] = start;
        stops[count] = stop;
        count++;
    }

    int[] types() {
        return types;
    }

    int[] starts() {
        return starts;
    }

    int[] stops() {
        return stops;
    }

    int count() {
        return count;
    }

    /** The lexical error that ended {@link #lexAll()}, or null. */
    PythonLexError error() {
        return error;
    }

    /**
     * Token {@code i} as an ANTLR token object, with the line and column ANTLR counts (only
     * {@code \n} starts a line; the column is in UTF-16 units). Made only when ANTLR parses the
     * file or a test asks: the fast path reads the arrays.
     */
    Token token(int i) {
        int type = types[i];
        int start = starts[i];
        int stop = stops[i];
        CommonToken t = new CommonToken(pair, type, Token.DEFAULT_CHANNEL, start, stop);
        if (newlines == null) {
            newlines = newlineOffsets();
        }
        int k = Arrays.binarySearch(newlines, start);
        int before = k >= 0 ? k : -k - 1; // newlines strictly before start
        t.setLine(before + 1);
        t.setCharPositionInLine(before == 0 ? start : start - newlines[before - 1] - 1);
        if (stop < start && type != Token.EOF) {
            t.setText(Layout.syntheticText(type));
        }
        t.setTokenIndex(i);
        return t;
    }

    private int[] newlineOffsets() {
        int[] out = new int[16];
        int k = 0;
        for (int i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) {
            if (k == out.length) {
                out = Arrays.copyOf(out, k * 2);
            }
            out[k++] = i;
        }
        return Arrays.copyOf(out, k);
    }

    /**
     * The tokens one by one, for ANTLR and the tests: those lexed, then the lexical error if there
     * was one, else EOF again and again.
     */
    @Override
    public Token nextToken() {
        lexAll();
        if (served < count) {
            return token(served++);
        }
        if (error != null) {
            throw error;
        }
        return token(count - 1);
    }

    /** The next token of the lexer grammar, blanks, comments and line joins skipped: its type; it spans [tokStart, tokEnd). */
    private int raw() {
        while (pos < n) {
            int start = pos;
            char c = buf[pos];
            switch (c) {
                case ' ', '\t', '\f' -> {
                    int i = pos + 1;
                    while (i < n && ((c = buf[i]) == ' ' || c == '\t' || c == '\f')) {
                        i++;
                    }
                    pos = i;
                    continue;
                }
                case '\uFEFF' -> {
                    pos++;
                    continue;
                }
                case '#' -> {
                    int i = pos + 1;
                    while (i < n && (c = buf[i]) != '\n' && c != '\r') {
                        i++;
                    }
                    pos = i;
                    continue;
                }
                case '\\' -> {
                    int end = lineJoin(pos);
                    if (end < 0) {
                        return token(MigrationPythonLexer.ERROR_CHAR, pos + 1);
                    }
                    layout.lineJoined(start, end);
                    pos = end;
                    continue;
                }
                case '\n' -> {
                    return token(MigrationPythonLexer.NEWLINE, pos + 1);
                }
                case '\r' -> {
                    return token(MigrationPythonLexer.NEWLINE, pos + 1 < n && buf[pos + 1] == '\n' ? pos + 2 : pos + 1);
                }
                case '"', '\'' -> {
                    return string(pos);
                }
                case '.' -> {
                    int end = number(pos);
                    if (end > 0) {
                        return token(MigrationPythonLexer.NUMBER, end);
                    }
                    if (pos + 2 < n && buf[pos + 1] == '.' && buf[pos + 2] == '.') {
                        return token(MigrationPythonLexer.ELLIPSIS, pos + 3);
                    }
                    return token(MigrationPythonLexer.DOT, pos + 1);
                }
                default -> {
                    if (c >= '0' && c <= '9') {
                        return token(MigrationPythonLexer.NUMBER, number(pos));
                    }
                    int first = idStart(pos);
                    if (first > 0) {
                        return name(pos, first);
                    }
                    return operator(c);
                }
            }
        }
        tokStart = n;
        tokEnd = n;
        return Token.EOF;
    }

    /** A token from {@code pos} to {@code end}; moves past it. */
    private int token(int type, int end) {
        tokStart = pos;
        tokEnd = end;
        pos = end;
        return type;
    }

    /** {@code LINE_JOIN : '\\' [ \t]* ( '\r'? '\n' | '\r' )}: its end, or -1. */
    private int lineJoin(int at) {
        int i = at + 1;
        while (i < n && (buf[i] == ' ' || buf[i] == '\t')) {
            i++;
        }
        if (i < n && buf[i] == '\r') {
            return i + 1 < n && buf[i + 1] == '\n' ? i + 2 : i + 1;
        }
        return i < n && buf[i] == '\n' ? i + 1 : -1;
    }

    /** A string literal whose prefix starts at {@code pos} and whose first quote is at {@code quote}. */
    private int string(int quote) {
        String prefix = src.substring(pos, quote);
        return token(MigrationPythonLexer.STRING, StringLiteralScanner.scan(buf, n, pos, quote, prefix, null));
    }

    /**
     * A name, keyword or prefixed string starting at {@code pos}, whose first identifier char ends
     * at {@code first}.
     */
    private int name(int at, int first) {
        // STRING_PREFIX : [rRuUbBfF] | [rR] [bBfF] | [bBfF] [rR], then a quote
        if (first == at + 1 && isPrefix(buf[at])) {
            if (isQuote(at + 1)) {
                return string(at + 1);
            }
            if (at + 2 < n && isTwoCharPrefix(buf[at], buf[at + 1]) && isQuote(at + 2)) {
                return string(at + 2);
            }
        }
        int end = first;
        while (end < n) {
            // ASCII identifier chars by table, here in the loop: a call to idContinue per char of every
            // name was an eighth of the tokenizer's time under C1
            char c = buf[end];
            if (c < 0x80) {
                if (!ASCII_ID_CONTINUE[c]) {
                    break;
                }
                end++;
                continue;
            }
            int next = idContinue(end);
            if (next < 0) {
                break;
            }
            end = next;
        }
        return token(keyword(at, end), end);
    }

    /** {@code ID_CONTINUE} on ASCII: letters, digits, '_'. */
    private static final boolean[] ASCII_ID_CONTINUE = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_ID_CONTINUE[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
    }

    private boolean isQuote(int at) {
        return at < n && (buf[at] == '"' || buf[at] == '\'');
    }

    private static boolean isPrefix(char c) {
        return switch (c) {
            case 'r', 'R', 'u', 'U', 'b', 'B', 'f', 'F' -> true;
            default -> false;
        };
    }

    private static boolean isTwoCharPrefix(char a, char b) {
        boolean aRaw = a == 'r' || a == 'R';
        boolean bRaw = b == 'r' || b == 'R';
        boolean aBf = a == 'b' || a == 'B' || a == 'f' || a == 'F';
        boolean bBf = b == 'b' || b == 'B' || b == 'f' || b == 'F';
        return aRaw && bBf || aBf && bRaw;
    }

    /**
     * The keyword type of {@code src[start, end)}, or NAME: candidates by first char, then a region
     * compare, so the many plain names allocate no substring to look up.
     */
    private int keyword(int start, int end) {
        char c = buf[start];
        char[][] words = c < KEYWORDS.length ? KEYWORDS[c] : null;
        if (words != null) {
            int len = end - start;
            candidates:
            for (int i = 0; i < words.length; i++) {
                char[] w = words[i];
                if (w.length != len) {
                    continue;
                }
                for (int k = 1; k < len; k++) {
                    if (w[k] != buf[start + k]) {
                        continue candidates;
                    }
                }
                return KEYWORD_TYPES[c][i];
            }
        }
        return MigrationPythonLexer.NAME;
    }

    /** The keywords of the lexer grammar by first char (as char arrays, compared with the buffer), and their token types. */
    private static final char[][][] KEYWORDS = new char[128][][];
    private static final int[][] KEYWORD_TYPES = new int[128][];

    static {
        keyword("and", MigrationPythonLexer.AND);
        keyword("as", MigrationPythonLexer.AS);
        keyword("assert", MigrationPythonLexer.ASSERT);
        keyword("async", MigrationPythonLexer.ASYNC);
        keyword("await", MigrationPythonLexer.AWAIT);
        keyword("break", MigrationPythonLexer.BREAK);
        keyword("class", MigrationPythonLexer.CLASS);
        keyword("continue", MigrationPythonLexer.CONTINUE);
        keyword("def", MigrationPythonLexer.DEF);
        keyword("del", MigrationPythonLexer.DEL);
        keyword("elif", MigrationPythonLexer.ELIF);
        keyword("else", MigrationPythonLexer.ELSE);
        keyword("except", MigrationPythonLexer.EXCEPT);
        keyword("False", MigrationPythonLexer.FALSE);
        keyword("finally", MigrationPythonLexer.FINALLY);
        keyword("for", MigrationPythonLexer.FOR);
        keyword("from", MigrationPythonLexer.FROM);
        keyword("global", MigrationPythonLexer.GLOBAL);
        keyword("if", MigrationPythonLexer.IF);
        keyword("import", MigrationPythonLexer.IMPORT);
        keyword("in", MigrationPythonLexer.IN);
        keyword("is", MigrationPythonLexer.IS);
        keyword("lambda", MigrationPythonLexer.LAMBDA);
        keyword("None", MigrationPythonLexer.NONE);
        keyword("nonlocal", MigrationPythonLexer.NONLOCAL);
        keyword("not", MigrationPythonLexer.NOT);
        keyword("or", MigrationPythonLexer.OR);
        keyword("pass", MigrationPythonLexer.PASS);
        keyword("raise", MigrationPythonLexer.RAISE);
        keyword("return", MigrationPythonLexer.RETURN);
        keyword("True", MigrationPythonLexer.TRUE);
        keyword("try", MigrationPythonLexer.TRY);
        keyword("while", MigrationPythonLexer.WHILE);
        keyword("with", MigrationPythonLexer.WITH);
        keyword("yield", MigrationPythonLexer.YIELD);
        keyword("match", MigrationPythonLexer.MATCH);
        keyword("case", MigrationPythonLexer.CASE);
        keyword("type", MigrationPythonLexer.TYPE);
    }

    private static void keyword(String word, int type) {
        char c = word.charAt(0);
        char[][] words = KEYWORDS[c] == null ? new char[0][] : KEYWORDS[c];
        int[] types = KEYWORD_TYPES[c] == null ? new int[0] : KEYWORD_TYPES[c];
        KEYWORDS[c] = Arrays.copyOf(words, words.length + 1);
        KEYWORDS[c][words.length] = word.toCharArray();
        KEYWORD_TYPES[c] = Arrays.copyOf(types, types.length + 1);
        KEYWORD_TYPES[c][types.length] = type;
    }

    /** {@code ID_START : [_\p{L}\p{Nl}] | SURROGATE_PAIR}: the end of one at {@code at}, or -1. */
    private int idStart(int at) {
        char c = buf[at];
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' ? at + 1 : -1;
        }
        if (Character.isHighSurrogate(c)) {
            return surrogatePair(at);
        }
        return IdentifierChars.isStart(c) ? at + 1 : -1;
    }

    /** {@code ID_CONTINUE : [_\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u00B7] | SURROGATE_PAIR}: its end, or -1. */
    private int idContinue(int at) {
        char c = buf[at];
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' ? at + 1 : -1;
        }
        if (Character.isHighSurrogate(c)) {
            return surrogatePair(at);
        }
        return IdentifierChars.isContinue(c) ? at + 1 : -1;
    }

    /** {@code SURROGATE_PAIR : [\uD800-\uDBFF] [\uDC00-\uDFFF]} (any astral char, as in the grammar). */
    private int surrogatePair(int at) {
        return at + 1 < n && Character.isLowSurrogate(buf[at + 1]) ? at + 2 : -1;
    }

    /**
     * {@code NUMBER : INTEGER | FLOAT_NUMBER | IMAG_NUMBER}: the end of the longest match at
     * {@code at}, or -1. Every alternative's greedy end is a candidate (their continuations are
     * digits and underscores, so a shorter prefix of one never allows a longer match), and an
     * exponent or {@code j} suffix may follow any float or digit-part candidate.
     */
    private int number(int at) {
        int best = integer(at);
        int digits = digitPart(at);
        int fractionFirst = -1;
        int pointEnd = -1;
        int base = digits < 0 ? at : digits;
        if (base < n && buf[base] == '.') {
            fractionFirst = digitPart(base + 1);
            pointEnd = digits < 0 ? -1 : base + 1;
        }
        best = Math.max(best, Math.max(fractionFirst, pointEnd));
        // each candidate on its own: two arrays per number token were 1% of a run's allocation
        int exponentBest = Math.max(exponentAfter(digits), Math.max(exponentAfter(fractionFirst),
                exponentAfter(pointEnd)));
        best = Math.max(best, exponentBest);
        best = Math.max(best, Math.max(imaginaryAfter(digits), imaginaryAfter(fractionFirst)));
        return Math.max(best, Math.max(imaginaryAfter(pointEnd), imaginaryAfter(exponentBest)));
    }

    /** The exponent's end when candidate end {@code b} is one (positive) and an exponent follows, else -1. */
    private int exponentAfter(int b) {
        return b > 0 ? exponent(b) : -1;
    }

    /** {@code b + 1} when candidate end {@code b} is one and a {@code j} suffix follows it, else -1. */
    private int imaginaryAfter(int b) {
        return b > 0 && b < n && (buf[b] == 'j' || buf[b] == 'J') ? b + 1 : -1;
    }

    /** {@code [eE] [+-]? DIGIT_PART} after {@code at}: its end, or -1. */
    private int exponent(int at) {
        if (at >= n || (buf[at] != 'e' && buf[at] != 'E')) {
            return -1;
        }
        int i = at + 1;
        if (i < n && (buf[i] == '+' || buf[i] == '-')) {
            i++;
        }
        return digitPart(i);
    }

    /** {@code DIGIT_PART : [0-9] ( '_'? [0-9] )*}: its end, or -1. */
    private int digitPart(int at) {
        return digits(at, '0', '9');
    }

    /** {@code [lo-hi] ( '_'? [lo-hi] )*} at {@code at}: its end, or -1. */
    private int digits(int at, char lo, char hi) {
        if (at >= n || buf[at] < lo || buf[at] > hi) {
            return -1;
        }
        int i = at + 1;
        while (i < n) {
            char c = buf[i];
            if (c >= lo && c <= hi) {
                i++;
            } else if (c == '_' && i + 1 < n && buf[i + 1] >= lo && buf[i + 1] <= hi) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** {@code INTEGER}: decimal, zeros, octal, hex or binary; the end, or -1. */
    private int integer(int at) {
        char c = buf[at];
        if (c >= '1' && c <= '9') {
            return digitPart(at);
        }
        if (c != '0') {
            return -1;
        }
        int best = digits(at, '0', '0');
        if (at + 1 < n) {
            int radix = switch (buf[at + 1]) {
                case 'o', 'O' -> radixDigits(at + 2, 8);
                case 'x', 'X' -> radixDigits(at + 2, 16);
                case 'b', 'B' -> radixDigits(at + 2, 2);
                default -> -1;
            };
            best = Math.max(best, radix);
        }
        return best;
    }

    /** {@code ( '_'? digit )+} in {@code radix} at {@code at}: its end, or -1. */
    private int radixDigits(int at, int radix) {
        int i = at;
        while (i < n) {
            int d = Character.digit(buf[i], radix);
            boolean ascii = buf[i] < 0x80;
            if (d >= 0 && ascii) {
                i++;
            } else if (buf[i] == '_' && i + 1 < n && buf[i + 1] < 0x80
                    && Character.digit(buf[i + 1], radix) >= 0) {
                i += 2;
            } else {
                break;
            }
        }
        return i > at ? i : -1;
    }

    /** Operators and delimiters, longest first; anything else is one ERROR_CHAR. */
    private int operator(char c) {
        char c1 = pos + 1 < n ? buf[pos + 1] : '\0';
        char c2 = pos + 2 < n ? buf[pos + 2] : '\0';
        return switch (c) {
            case '(' -> token(MigrationPythonLexer.OPEN_PAREN, pos + 1);
            case ')' -> token(MigrationPythonLexer.CLOSE_PAREN, pos + 1);
            case '[' -> token(MigrationPythonLexer.OPEN_BRACK, pos + 1);
            case ']' -> token(MigrationPythonLexer.CLOSE_BRACK, pos + 1);
            case '{' -> token(MigrationPythonLexer.OPEN_BRACE, pos + 1);
            case '}' -> token(MigrationPythonLexer.CLOSE_BRACE, pos + 1);
            case ',' -> token(MigrationPythonLexer.COMMA, pos + 1);
            case ';' -> token(MigrationPythonLexer.SEMI_COLON, pos + 1);
            case '~' -> token(MigrationPythonLexer.NOT_OP, pos + 1);
            case ':' -> c1 == '=' ? token(MigrationPythonLexer.WALRUS, pos + 2) : token(MigrationPythonLexer.COLON, pos + 1);
            case '=' -> c1 == '=' ? token(MigrationPythonLexer.EQUALS, pos + 2) : token(MigrationPythonLexer.ASSIGN, pos + 1);
            case '!' -> c1 == '=' ? token(MigrationPythonLexer.NOT_EQ, pos + 2) : token(MigrationPythonLexer.ERROR_CHAR, pos + 1);
            case '+' -> withAssign(c1, MigrationPythonLexer.ADD, MigrationPythonLexer.ADD_ASSIGN);
            case '%' -> withAssign(c1, MigrationPythonLexer.MOD, MigrationPythonLexer.MOD_ASSIGN);
            case '&' -> withAssign(c1, MigrationPythonLexer.AND_OP, MigrationPythonLexer.AND_ASSIGN);
            case '|' -> withAssign(c1, MigrationPythonLexer.OR_OP, MigrationPythonLexer.OR_ASSIGN);
            case '^' -> withAssign(c1, MigrationPythonLexer.XOR, MigrationPythonLexer.XOR_ASSIGN);
            case '@' -> withAssign(c1, MigrationPythonLexer.AT, MigrationPythonLexer.AT_ASSIGN);
            case '-' -> c1 == '>' ? token(MigrationPythonLexer.ARROW, pos + 2)
                    : withAssign(c1, MigrationPythonLexer.MINUS, MigrationPythonLexer.SUB_ASSIGN);
            case '*' -> doubled(c, c1, c2, MigrationPythonLexer.STAR, MigrationPythonLexer.MULT_ASSIGN,
                    MigrationPythonLexer.POWER, MigrationPythonLexer.POWER_ASSIGN);
            case '/' -> doubled(c, c1, c2, MigrationPythonLexer.DIV, MigrationPythonLexer.DIV_ASSIGN,
                    MigrationPythonLexer.IDIV, MigrationPythonLexer.IDIV_ASSIGN);
            case '<' -> doubled(c, c1, c2, MigrationPythonLexer.LESS_THAN, MigrationPythonLexer.LT_EQ,
                    MigrationPythonLexer.LEFT_SHIFT, MigrationPythonLexer.LEFT_SHIFT_ASSIGN);
            case '>' -> doubled(c, c1, c2, MigrationPythonLexer.GREATER_THAN, MigrationPythonLexer.GT_EQ,
                    MigrationPythonLexer.RIGHT_SHIFT, MigrationPythonLexer.RIGHT_SHIFT_ASSIGN);
            default -> token(MigrationPythonLexer.ERROR_CHAR, pos + 1);
        };
    }

    private int withAssign(char next, int plain, int assign) {
        return next == '=' ? token(assign, pos + 2) : token(plain, pos + 1);
    }

    /** {@code c}, {@code c=}, {@code cc} or {@code cc=}. */
    private int doubled(char c, char c1, char c2, int single, int singleAssign, int twice, int twiceAssign) {
        if (c1 == c) {
            return c2 == '=' ? token(twiceAssign, pos + 3) : token(twice, pos + 2);
        }
        return withAssign(c1, single, singleAssign);
    }

    /** Not tracked while lexing (tokens carry their own); ANTLR's parser does not ask. */
    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getCharPositionInLine() {
        return 0;
    }

    @Override
    public CharStream getInputStream() {
        return input;
    }

    @Override
    public String getSourceName() {
        return input.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        throw new UnsupportedOperationException("tokens are always CommonTokens");
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return CommonTokenFactory.DEFAULT;
    }
}
