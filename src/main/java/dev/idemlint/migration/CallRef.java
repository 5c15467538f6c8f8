package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonSyntaxError;
import dev.idemlint.python.StmtParts;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;

/**
 * The Python call an operation comes from, for fix builders. It is held while the file is modelled
 * and its per-file rules run; then the engine {@link #release() releases} it, so a run does not keep
 * every file's syntax tree alive (a call holds its whole argument tree). Asked for after that, by a
 * project rule building a fix, the call is found again by parsing the file and looking up its span.
 */
public final class CallRef {
    private static final PythonParser PARSER = new PythonParser();

    private final SourceFile file;
    private final Span span;
    private volatile Expr.Call call;

    public CallRef(SourceFile file, Expr.Call call) {
        this.file = file;
        this.span = call.span();
        this.call = call;
    }

    /**
     * A call known by its span only, as after {@link #release()}: {@link #get()} parses the file (a
     * model the result cache read back).
     */
    public CallRef(SourceFile file, Span span) {
        this.file = file;
        this.span = span;
    }

    /** The file and span of the call, for the result cache. */
    public SourceFile file() {
        return file;
    }

    public Span span() {
        return span;
    }

    /** The call while it is held (not yet {@link #release() released}), else null; never parses. */
    public Expr.Call held() {
        return call;
    }

    /** The call; null only if the file no longer parses (it was modelled from the same text). */
    public Expr.Call get() {
        Expr.Call c = call;
        return c != null ? c : find();
    }

    /** Drops the syntax tree; {@link #get()} parses the file again when asked. */
    public void release() {
        call = null;
    }

    private Expr.Call find() {
        PythonModule module;
        try {
            module = PARSER.parseShared(file);
        } catch (PythonSyntaxError | RuntimeException e) {
            return null;
        }
        return StmtParts.callAt(module.body(), span);
    }
}
