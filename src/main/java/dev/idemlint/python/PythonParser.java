package dev.idemlint.python;

import dev.idemlint.source.SourceFile;

/**
 * Parses one file into our syntax nodes. ANTLR types never leave this package.
 * Thread-safe: one instance may parse files from many threads.
 */
public final class PythonParser {
    public PythonModule parse(SourceFile file) throws PythonSyntaxError {
        throw new UnsupportedOperationException("TODO: grammar facade");
    }
}
