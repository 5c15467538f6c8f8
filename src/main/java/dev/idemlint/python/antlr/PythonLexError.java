package dev.idemlint.python.antlr;

/** A tokenizing error (unterminated string, bad dedent) with the file offset where it starts. */
public final class PythonLexError extends RuntimeException {
    private final int offset;

    public PythonLexError(String message, int offset) {
        super(message, null, false, false);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
