package dev.idemlint.rules.fix;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StmtParts;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Moves one statement of upgrade() into {@code with op.get_context().autocommit_block():}, with edits made inside
 * it on the way ({@code postgresql_concurrently=True}, {@code CONCURRENTLY}). Always UNSAFE: Alembic commits the
 * revision's transaction when the block starts, so the statements before it stay applied if a later one fails,
 * and the revision is then half applied while alembic_version still names its parent.
 */
public final class AutocommitWrapper {
    private AutocommitWrapper() {
    }

    public static final String HEADER = "with op.get_context().autocommit_block():";

    /**
     * The fix that wraps the upgrade() statement spanning {@code statement}, applying {@code inner} (edits inside
     * that statement) first; null when the statement is not one of upgrade()'s own, the module does not bind
     * {@code op}, the statement does not start and end its lines, a string in it spans lines (re-indenting would
     * change its value), or an edit falls outside it.
     */
    public static Fix wrap(SourceFile file, Span statement, List<TextEdit> inner, String title) {
        SourceLayout layout = SourceLayout.of(file);
        PythonModule module = layout.module();
        if (statement == null || module == null || !layout.binds("op") || inner.isEmpty()) {
            return null;
        }
        List<Stmt> body = RunWrapper.upgradeBody(module);
        int k = RunWrapper.indexOf(body, statement);
        if (k < 0 || !layout.startsLine(statement.start()) || !layout.endsLine(statement.end())
                || statement.length() > GuardWrapper.MAX_REWRITE) {
            return null;
        }
        String text = file.text();
        for (Expr e : StmtParts.expressions(body.get(k))) {
            for (Span s : SourceLayout.stringTokens(e)) {
                if (text.substring(s.start(), s.end()).indexOf('\n') >= 0) {
                    return null;
                }
            }
        }
        List<TextEdit> edits = new ArrayList<>(inner);
        edits.sort(Comparator.comparingInt((TextEdit e) -> e.range().start()).reversed());
        StringBuilder stmt = new StringBuilder(text.substring(statement.start(), statement.end()));
        int last = Integer.MAX_VALUE;
        for (TextEdit e : edits) {
            if (!e.file().equals(file.path()) || e.range().start() < statement.start()
                    || e.range().end() > statement.end() || e.range().end() > last) {
                return null;
            }
            stmt.replace(e.range().start() - statement.start(), e.range().end() - statement.start(), e.replacement());
            last = e.range().start();
        }
        String eol = layout.eol();
        String indent = layout.indentationAt(statement.start());
        String unit = layout.indentUnit();
        StringBuilder sb = new StringBuilder(HEADER).append(eol).append(indent).append(unit);
        String[] lines = stmt.toString().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n');
                if (!lines[i].isBlank()) {
                    sb.append(unit);
                }
            }
            sb.append(lines[i]);
        }
        return Fix.of(title, Applicability.UNSAFE, List.of(TextEdit.replace(file.path(), statement, sb.toString())));
    }

    /**
     * The fix that applies {@code inner} (edits inside the upgrade() statement spanning {@code statement}) and puts
     * {@code followUp} (one line of Python) in an autocommit block on the lines after it; null when the statement is
     * not one of upgrade()'s own, the module does not bind {@code op}, the statement does not start and end its
     * lines, or an edit falls outside it.
     */
    public static Fix followWith(SourceFile file, Span statement, List<TextEdit> inner, String followUp, String title) {
        SourceLayout layout = SourceLayout.of(file);
        PythonModule module = layout.module();
        if (statement == null || module == null || !layout.binds("op") || followUp.contains("\n")
                || RunWrapper.indexOf(RunWrapper.upgradeBody(module), statement) < 0
                || !layout.startsLine(statement.start()) || !layout.endsLine(statement.end())) {
            return null;
        }
        for (TextEdit e : inner) {
            if (!e.file().equals(file.path()) || e.range().start() < statement.start()
                    || e.range().end() > statement.end()) {
                return null;
            }
        }
        // after a trailing comment, so that the comment stays on the statement's line
        int lineEnd = file.lines().lineEnd(file.lines().line(statement.end()), file.text());
        String eol = layout.eol();
        String indent = layout.indentationAt(statement.start());
        List<TextEdit> edits = new ArrayList<>(inner);
        edits.add(TextEdit.insert(file.path(), lineEnd, eol + indent + HEADER + eol + indent + layout.indentUnit()
                + followUp));
        return Fix.of(title, Applicability.UNSAFE, edits);
    }
}
