package dev.idemlint.python.antlr;

import java.util.Arrays;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * All tokens of one input, lexed up front into arrays (type, start, stop), as a {@link TokenStream}
 * for the parser. From {@link PythonTokenizer} no token objects exist until ANTLR asks for one:
 * the descent parser reads the arrays, and most files never reach ANTLR.
 *
 * <p>The parser asks for the next token's type (LA) several times per token: in every prediction
 * and in every error-strategy sync. ANTLR's {@code BufferedTokenStream} answers through lazy
 * initialisation, a sync/fetch check and a list lookup each time, about 9% of a run's samples;
 * here it is one array read. Every token of our lexer is on the default channel (layout and
 * comments are skipped), so there is no channel filtering to do either.
 */
public final class TokenArray implements TokenStream {
    private final TokenSource source;
    /** Token objects, made on first use when the source is a {@link PythonTokenizer}. */
    private Token[] tokens;
    private final int[] types;
    private final int[] starts;
    private final int[] stops;
    private final int size;
    private int p;

    private TokenArray(TokenSource source, Token[] tokens, int[] types, int[] starts, int[] stops, int size) {
        this.source = source;
        this.tokens = tokens;
        this.types = types;
        this.starts = starts;
        this.stops = stops;
        this.size = size;
    }

    /** Lexes {@code tokenizer}'s input to its end (EOF included); throws its {@link PythonLexError}. */
    public static TokenArray lex(PythonTokenizer tokenizer) {
        tokenizer.lexAll();
        if (tokenizer.error() != null) {
            throw tokenizer.error();
        }
        int n = tokenizer.count();
        // no Token objects yet: the descent parser reads the arrays, only ANTLR asks for tokens
        return new TokenArray(tokenizer, null, tokenizer.types(), tokenizer.starts(), tokenizer.stops(), n);
    }

    /** Lexes {@code source} to its end (EOF included). */
    public static TokenArray lex(TokenSource source) {
        if (source instanceof PythonTokenizer tokenizer) {
            return lex(tokenizer);
        }
        // Python migrations average one token per 6-7 chars; sized for that, most files never grow
        int guess = 64 + source.getInputStream().size() / 6;
        Token[] tokens = new Token[guess];
        int[] types = new int[guess];
        int n = 0;
        while (true) {
            Token t = source.nextToken();
            if (n == tokens.length) {
                tokens = Arrays.copyOf(tokens, n * 2);
                types = Arrays.copyOf(types, n * 2);
            }
            if (t instanceof org.antlr.v4.runtime.WritableToken w) {
                w.setTokenIndex(n);
            }
            tokens[n] = t;
            int type = t.getType();
            types[n++] = type;
            if (type == Token.EOF) {
                int[] starts = new int[n];
                int[] stops = new int[n];
                for (int i = 0; i < n; i++) {
                    starts[i] = tokens[i].getStartIndex();
                    stops[i] = tokens[i].getStopIndex();
                }
                return new TokenArray(source, tokens, types, starts, stops, n);
            }
        }
    }

    /**
     * The token types, index by index, EOF last (the array may be longer than {@link #size()}).
     * Shared, not copied: callers must not write to it. For parsers that read the arrays directly.
     */
    public int[] types() {
        return types;
    }

    /** Each token's first char offset, as {@link #types()}: shared, not to be written to. */
    public int[] starts() {
        return starts;
    }

    /** Each token's last char offset ({@code start - 1} for zero-width layout tokens and EOF), as {@link #types()}. */
    public int[] stops() {
        return stops;
    }

    private Token token(int i) {
        if (tokens == null) {
            tokens = new Token[size];
        }
        Token t = tokens[i];
        if (t == null) {
            t = ((PythonTokenizer) source).token(i);
            tokens[i] = t;
        }
        return t;
    }

    @Override
    public int LA(int i) {
        int at = p + i - (i > 0 ? 1 : 0);
        if (i == 0 || at < 0) {
            return i == 0 ? 0 : Token.INVALID_TYPE;
        }
        return types[at < size ? at : size - 1];
    }

    @Override
    public Token LT(int k) {
        if (k == 0) {
            return null;
        }
        int at = k > 0 ? p + k - 1 : p + k;
        if (at < 0) {
            return null;
        }
        return token(at < size ? at : size - 1);
    }

    @Override
    public Token get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("token index " + index + " out of range 0.." + (size - 1));
        }
        return token(index);
    }

    @Override
    public void consume() {
        if (types[p] == Token.EOF) {
            throw new IllegalStateException("cannot consume EOF");
        }
        p++;
    }

    @Override
    public int index() {
        return p;
    }

    @Override
    public void seek(int index) {
        p = Math.max(0, Math.min(index, size - 1));
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int mark() {
        return 0;
    }

    @Override
    public void release(int marker) {
        // everything stays buffered
    }

    @Override
    public TokenSource getTokenSource() {
        return source;
    }

    @Override
    public String getSourceName() {
        String name = source.getSourceName();
        return name == null || name.isEmpty() ? IntStream.UNKNOWN_SOURCE_NAME : name;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(interval.b, size - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = start; i <= stop; i++) {
            if (types[i] == Token.EOF) {
                break;
            }
            sb.append(token(i).getText());
        }
        return sb.toString();
    }

    @Override
    public String getText() {
        return getText(Interval.of(0, size - 1));
    }

    @Override
    public String getText(RuleContext ctx) {
        return getText(ctx.getSourceInterval());
    }

    @Override
    public String getText(Token start, Token stop) {
        return start == null || stop == null ? "" : getText(Interval.of(start.getTokenIndex(), stop.getTokenIndex()));
    }
}
