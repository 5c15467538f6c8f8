package dev.idemlint.python.antlr;

import java.util.Arrays;
import org.antlr.v4.runtime.Token;

/**
 * Turns physical lines into Python's logical layout: one NEWLINE per logical line, INDENT/DEDENT
 * around blocks, nothing for blank or comment-only lines or for line breaks inside brackets.
 * Tabs advance to the next multiple of 8, as in CPython's tokenizer. Errors are thrown as
 * {@link PythonLexError}; nothing is reported through ANTLR listeners.
 *
 * <p>It is fed the raw tokens (every token of the lexer grammar except the skipped blanks, comments
 * and backslash continuations, then EOF) as type and offsets, and hands what reaches the parser to a
 * {@link Sink} in order: {@link PythonTokenizer} in production (into arrays, no token objects), the
 * ANTLR-generated {@link MigrationPythonLexer} as the reference the tokenizer is tested against.
 */
final class Layout {
    /**
     * Receives the tokens for the parser: a raw token passed through (its own type and offsets), or
     * a layout token, zero-width ({@code stop = start - 1}) where the raw token that caused it starts.
     */
    interface Sink {
        void token(int type, int start, int stop);
    }

    private final String source;
    private final Sink sink;
    /**
     * CPython's tokenizer limits (Parser/tokenizer.h): MAXINDENT 100 indentation levels, the
     * unindented one included, so 99 nested blocks ("too many levels of indentation", an
     * IndentationError at the start of the line that would open the 100th); MAXLEVEL 200 open brackets
     * ("too many nested parentheses" at the 201st). They also bound how deep statements and bracketed
     * expressions can nest for every walk after the parser.
     */
    private static final int MAX_INDENT = 100;
    private static final int MAX_LEVEL = 200;
    private final int[] indentStack = new int[MAX_INDENT - 1];
    private int indentDepth;
    private int opened;
    private int[] openOffsets = new int[16];
    private boolean atLineStart = true;
    private int lineStart;
    private int lastLineJoinStart = -1;
    private int lastLineJoinEnd = -1;
    private boolean fieldMode;

    Layout(String source, Sink sink) {
        this.source = source;
        this.sink = sink;
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
     * Takes the next raw token ({@code stop} is its last char; EOF starts at the end of input):
     * the layout tokens due before it, then the token itself unless it is dropped (a line break
     * inside brackets or after a blank line), go to the sink. Throws {@link PythonLexError} for
     * inconsistent indentation or input that ends inside a logical line.
     */
    void accept(int type, int start, int stop) {
        if (type == MigrationPythonLexer.NEWLINE) {
            lineStart = stop + 1;
            if (opened > 0 || atLineStart) {
                return;
            }
            atLineStart = true;
            sink.token(type, start, stop);
            return;
        }
        if (type == Token.EOF) {
            if (lastLineJoinEnd >= 0 && source.substring(lastLineJoinEnd).isBlank() && !fieldMode) {
                throw new PythonLexError("unexpected EOF while parsing", lastLineJoinStart);
            }
            if (!atLineStart && !fieldMode) {
                synthetic(MigrationPythonLexer.NEWLINE, start);
            }
            while (indentDepth > 0) {
                indentDepth--;
                synthetic(MigrationPythonLexer.DEDENT, start);
            }
            sink.token(type, start, stop);
            return;
        }
        if (atLineStart) {
            atLineStart = false;
            indent(start);
        }
        switch (type) {
            case MigrationPythonLexer.OPEN_PAREN, MigrationPythonLexer.OPEN_BRACK, MigrationPythonLexer.OPEN_BRACE -> {
                // an f-string field's own brace is not counted: CPython 3.11 parses the field apart
                if (opened - (fieldMode ? 1 : 0) == MAX_LEVEL) {
                    throw new PythonLexError("too many nested parentheses", start);
                }
                if (opened == openOffsets.length) {
                    openOffsets = Arrays.copyOf(openOffsets, opened * 2);
                }
                openOffsets[opened++] = start;
            }
            case MigrationPythonLexer.CLOSE_PAREN, MigrationPythonLexer.CLOSE_BRACK, MigrationPythonLexer.CLOSE_BRACE -> {
                if (opened > 0) {
                    opened--;
                }
            }
            default -> {
            }
        }
        sink.token(type, start, stop);
    }

    /** INDENT or DEDENTs before the first token of a logical line, which starts at {@code first}. */
    private void indent(int first) {
        int col = indentation();
        int current = indentDepth == 0 ? 0 : indentStack[indentDepth - 1];
        if (col > current) {
            if (indentDepth == indentStack.length) {
                throw new PythonLexError("too many levels of indentation", lineStart);
            }
            indentStack[indentDepth++] = col;
            synthetic(MigrationPythonLexer.INDENT, first);
            return;
        }
        while (col < current) {
            indentDepth--;
            synthetic(MigrationPythonLexer.DEDENT, first);
            current = indentDepth == 0 ? 0 : indentStack[indentDepth - 1];
        }
        if (col != current) {
            throw new PythonLexError("unindent does not match any outer indentation level", first);
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

    /** A zero-width layout token at {@code at}. */
    private void synthetic(int type, int at) {
        sink.token(type, at, at - 1);
    }

    /** The text ANTLR-facing tokens give a zero-width layout token of {@code type}. */
    static String syntheticText(int type) {
        return switch (type) {
            case MigrationPythonLexer.INDENT -> "<INDENT>";
            case MigrationPythonLexer.DEDENT -> "<DEDENT>";
            default -> "<NEWLINE>";
        };
    }
}
