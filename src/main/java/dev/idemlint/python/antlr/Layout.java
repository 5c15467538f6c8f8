package dev.idemlint.python.antlr;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Supplier;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * Turns physical lines into Python's logical layout: one NEWLINE per logical line, INDENT/DEDENT
 * around blocks, nothing for blank or comment-only lines or for line breaks inside brackets.
 * Tabs advance to the next multiple of 8, as in CPython's tokenizer. Errors are thrown as
 * {@link PythonLexError}; nothing is reported through ANTLR listeners.
 *
 * <p>It sits on top of a raw token source (every token of the lexer grammar except the skipped
 * blanks, comments and backslash continuations, then EOF): {@link PythonTokenizer} in production,
 * the ANTLR-generated {@link MigrationPythonLexer} as the reference the tokenizer is tested against.
 */
final class Layout {
    private final String source;
    private final Pair<TokenSource, CharStream> tokenSource;
    private final Supplier<Token> raw;
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

    Layout(String source, Pair<TokenSource, CharStream> tokenSource, Supplier<Token> raw) {
        this.source = source;
        this.tokenSource = tokenSource;
        this.raw = raw;
    }

    /**
     * Lexes an f-string replacement field: brackets count as already open, so line breaks are
     * insignificant and no indentation is computed.
     */
    void setFieldMode() {
        fieldMode = true;
        opened = 1;
        openOffsets[0] = -1;
        atLineStart = false;
    }

    Token next() {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        while (true) {
            Token t = fill();
            if (!pending.isEmpty()) {
                // layout tokens came first: the token itself queues up behind them
                if (t != null) {
                    pending.add(t);
                }
                return pending.poll();
            }
            if (t != null) {
                return t; // the common case: a token of the line, passed straight through
            }
        }
    }

    /** The raw source skipped a backslash continuation at [start, end). */
    void lineJoined(int start, int end) {
        lastLineJoinStart = start;
        lastLineJoinEnd = end;
    }

    /** Offset of the innermost bracket still open at the end of input, or -1. */
    int unclosedBracket() {
        return opened > 0 && !fieldMode ? openOffsets[opened - 1] : -1;
    }

    /**
     * Reads one raw token: returns it if it reaches the parser, or null if it is dropped (a line
     * break inside brackets or after a blank line); layout tokens due before it go to {@code pending}.
     */
    private Token fill() {
        Token t = raw.get();
        int type = t.getType();
        if (type == MigrationPythonLexer.NEWLINE) {
            lineStart = t.getStopIndex() + 1;
            if (opened > 0 || atLineStart) {
                return null;
            }
            atLineStart = true;
            return t;
        }
        if (type == Token.EOF) {
            if (lastLineJoinEnd >= 0 && source.substring(lastLineJoinEnd).isBlank() && !fieldMode) {
                throw new PythonLexError("unexpected EOF while parsing", lastLineJoinStart);
            }
            if (!atLineStart && !fieldMode) {
                pending.add(synthetic(MigrationPythonLexer.NEWLINE, t));
            }
            while (indentDepth > 0) {
                indentDepth--;
                pending.add(synthetic(MigrationPythonLexer.DEDENT, t));
            }
            return t;
        }
        if (atLineStart) {
            atLineStart = false;
            indent(t);
        }
        switch (type) {
            case MigrationPythonLexer.OPEN_PAREN, MigrationPythonLexer.OPEN_BRACK, MigrationPythonLexer.OPEN_BRACE -> {
                if (opened == openOffsets.length) {
                    openOffsets = Arrays.copyOf(openOffsets, opened * 2);
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
        return t;
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
        int col = 0;
        for (int i = lineStart; i < source.length(); i++) {
            char c = source.charAt(i);
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

    /** A zero-width token placed where {@code at} starts. */
    private Token synthetic(int type, Token at) {
        int start = at.getType() == Token.EOF ? source.length() : at.getStartIndex();
        CommonToken t = new CommonToken(tokenSource, type, Token.DEFAULT_CHANNEL, start, start - 1);
        t.setLine(at.getLine());
        t.setCharPositionInLine(at.getCharPositionInLine());
        t.setText(switch (type) {
            case MigrationPythonLexer.INDENT -> "<INDENT>";
            case MigrationPythonLexer.DEDENT -> "<DEDENT>";
            default -> "<NEWLINE>";
        });
        return t;
    }
}
