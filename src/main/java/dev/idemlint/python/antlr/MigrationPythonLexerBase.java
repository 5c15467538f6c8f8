package dev.idemlint.python.antlr;

import java.util.ArrayDeque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The Java half of the ANTLR lexer grammar: string bodies ({@link StringLiteralScanner}) and the
 * logical layout ({@link Layout}). The generated lexer is the executable form of
 * {@code grammar/MigrationPythonLexer.g4}; production lexing uses {@link PythonTokenizer}, which
 * the tests hold to this lexer token by token.
 */
public abstract class MigrationPythonLexerBase extends Lexer {
    private Layout layout;
    private boolean fieldMode;
    private String source;

    protected MigrationPythonLexerBase(CharStream input) {
        super(input);
    }

    /** See {@link Layout#setFieldMode()}; call before the first token. */
    public void setFieldMode() {
        fieldMode = true;
    }

    /** Tokens the layout has released for the parser, not yet returned. */
    private final ArrayDeque<Token> ready = new ArrayDeque<>();
    /** The raw token the layout is working on. */
    private Token current;

    @Override
    public Token nextToken() {
        Layout l = layout();
        while (ready.isEmpty()) {
            current = super.nextToken();
            l.accept(current.getType(), current.getStartIndex(), current.getStopIndex());
        }
        return ready.poll();
    }

    /** Layout's sink: the raw token itself, or a layout token with the raw token's line and column. */
    private void release(int type, int start, int stop) {
        Token raw = current;
        if (type == raw.getType() && start == raw.getStartIndex() && stop == raw.getStopIndex()) {
            ready.add(raw);
            return;
        }
        CommonToken t = new CommonToken(_tokenFactorySourcePair, type, Token.DEFAULT_CHANNEL, start, stop);
        t.setLine(raw.getLine());
        t.setCharPositionInLine(raw.getCharPositionInLine());
        t.setText(Layout.syntheticText(type));
        ready.add(t);
    }

    private Layout layout() {
        if (layout == null) {
            layout = new Layout(source(), this::release);
            if (fieldMode) {
                layout.setFieldMode();
            }
        }
        return layout;
    }

    /** Offset of the innermost bracket still open at the end of input, or -1. */
    public int unclosedBracket() {
        return layout().unclosedBracket();
    }

    /** Called after a backslash continuation, so a file cannot end inside a logical line. */
    protected void lineJoined() {
        layout().lineJoined(_tokenStartCharIndex, _input.index());
    }

    private String source() {
        if (source == null) {
            source = _input instanceof StringCharStream str ? str.text() : _input.getText(Interval.of(0, _input.size() - 1));
        }
        return source;
    }

    /** Called after a string prefix and its first quote: consumes the rest of the literal. */
    protected void scanString() {
        String src = source();
        int quotePos = _input.index() - 1;
        String prefix = src.substring(_tokenStartCharIndex, quotePos);
        int end = StringLiteralScanner.scan(src, _tokenStartCharIndex, quotePos, prefix, null);
        // jump to the end, keeping the line and column the interpreter would have counted char by
        // char (its consume() costs a stream read and a call per character of every string body)
        int from = _input.index();
        int line = getLine();
        int column = getCharPositionInLine() + (end - from);
        for (int nl = src.indexOf('\n', from); nl >= 0 && nl < end; nl = src.indexOf('\n', nl + 1)) {
            line++;
            column = end - nl - 1;
        }
        _input.seek(end);
        setLine(line);
        setCharPositionInLine(column);
    }
}
