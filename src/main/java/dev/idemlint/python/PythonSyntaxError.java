package dev.idemlint.python;

/** The file is not valid Python (for our grammar). {@code offset} locates the first error. */
public final class PythonSyntaxError extends Exception {
    private final int offset;

    public PythonSyntaxError(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
