package dev.idemlint.python;

import dev.idemlint.source.SourceFile;
import java.util.List;

/**
 * A parsed file: its statements and the docstring (first statement string), if any. Comments
 * matter to the linter only for suppressions, which are read from the text directly.
 */
public record PythonModule(SourceFile source, List<Stmt> body) {
}
