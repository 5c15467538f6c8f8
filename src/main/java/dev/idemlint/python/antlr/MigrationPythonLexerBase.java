package dev.idemlint.python.antlr;

import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Turns physical lines into Python's logical layout: one NEWLINE per logical line, INDENT/DEDENT
 * around blocks, nothing for blank or comment-only lines or for line breaks inside brackets.
 * Tabs advance to the next multiple of 8, as in CPython's tokenizer. Errors are thrown as
 * {@link PythonLexError}; nothing is reported through ANTLR listeners.
 */
public abstract class MigrationPythonLexerBase extends Lexer {
    private final Deque<Token> pending = new ArrayDeque<>();
    private final int[] indentStack = new int[256];
    private int indentDepth;
    private int opened;
    private int[] openOffsets = new int[16];
    private boolean atLineStart = true;
    private int lineStart;
    private int lastLineJoinStart = -1;
    private int lastLineJoinEnd = -1;
    private boolean fieldMode;
    private String source;

    protected MigrationPythonLexerBase(CharStream input) {
        super(input);
    }

    /**
     * Lexes an f-string replacement field: brackets count as already open, so line breaks are
     * insignificant and no indentation is computed.
     */
    public void setFieldMode() {
        fieldMode = true;
        opened = 1;
        openOffsets[0] = -1;
        atLineStart = false;
    }

    @Override
    public Token nextToken() {
        while (pending.isEmpty()) {
            fill();
        }
        return pending.poll();
    }

    private void fill() {
        Token t = super.nextToken();
        int type = t.getType();
        if (type == MigrationPythonLexer.NEWLINE) {
            lineStart = t.getStopIndex() + 1;
            if (opened > 0 || atLineStart) {
                return;
            }
            atLineStart = true;
            pending.add(t);
            return;
        }
        if (type == Token.EOF) {
            if (lastLineJoinEnd >= 0 && source().substring(lastLineJoinEnd).isBlank() && !fieldMode) {
                throw new PythonLexError("unexpected EOF while parsing", lastLineJoinStart);
            }
            if (!atLineStart && !fieldMode) {
                pending.add(synthetic(MigrationPythonLexer.NEWLINE, t));
            }
            while (indentDepth > 0) {
                indentDepth--;
                pending.add(synthetic(MigrationPythonLexer.DEDENT, t));
            }
            pending.add(t);
            return;
        }
        if (atLineStart) {
            atLineStart = false;
            indent(t);
        }
        switch (type) {
            case MigrationPythonLexer.OPEN_PAREN, MigrationPythonLexer.OPEN_BRACK, MigrationPythonLexer.OPEN_BRACE -> {
                if (opened == openOffsets.length) {
                    openOffsets = java.util.Arrays.copyOf(openOffsets, opened * 2);
                }
                openOffsets[opened++] = t.getStartIndex();
            }
            case MigrationPythonLexer.CLOSE_PAREN, MigrationPythonLexer.CLOSE_BRACK, MigrationPythonLexer.CLOSE_BRACE -> {
                if (opened > 0) {
                    opened--;
                }
            }
            default -> {
            }
        }
        pending.add(t);
    }

    /** Offset of the innermost bracket still open at the end of input, or -1. */
    public int unclosedBracket() {
        return opened > 0 && !fieldMode ? openOffsets[opened - 1] : -1;
    }

    private void indent(Token first) {
        int col = indentation();
        int current = indentDepth == 0 ? 0 : indentStack[indentDepth - 1];
        if (col > current) {
            if (indentDepth == indentStack.length) {
                throw new PythonLexError("too many levels of indentation", first.getStartIndex());
            }
            indentStack[indentDepth++] = col;
            pending.add(synthetic(MigrationPythonLexer.INDENT, first));
            return;
        }
        while (col < current) {
            indentDepth--;
            pending.add(synthetic(MigrationPythonLexer.DEDENT, first));
            current = indentDepth == 0 ? 0 : indentStack[indentDepth - 1];
        }
        if (col != current) {
            throw new PythonLexError("unindent does not match any outer indentation level", first.getStartIndex());
        }
    }

    /**
     * Indentation of the logical line that starts at {@code lineStart}. Only its first physical
     * line counts: after a backslash continuation, CPython ignores how the next line is indented.
     */
    private int indentation() {
        String src = source();
        int col = 0;
        for (int i = lineStart; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == ' ') {
                col++;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;
            } else if (c == '\f') {
                col = 0;
            } else if (c != '\uFEFF') {
                break;
            }
        }
        return col;
    }

    /** Called after a backslash continuation, so a file cannot end inside a logical line. */
    protected void lineJoined() {
        lastLineJoinStart = _tokenStartCharIndex;
        lastLineJoinEnd = _input.index();
    }

    /** A zero-width token placed where {@code at} starts. */
    private Token synthetic(int type, Token at) {
        int start = at.getType() == Token.EOF ? _input.size() : at.getStartIndex();
        CommonToken t = new CommonToken(_tokenFactorySourcePair, type, Token.DEFAULT_CHANNEL, start, start - 1);
        t.setLine(at.getLine());
        t.setCharPositionInLine(at.getCharPositionInLine());
        t.setText(switch (type) {
            case MigrationPythonLexer.INDENT -> "<INDENT>";
            case MigrationPythonLexer.DEDENT -> "<DEDENT>";
            default -> "<NEWLINE>";
        });
        return t;
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
