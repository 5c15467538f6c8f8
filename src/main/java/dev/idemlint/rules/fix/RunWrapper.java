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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a run of consecutive statements of one block under one {@code if <condition>:}, re-indenting each
 * line by the file's indent unit (lines inside string literals and blank lines are left alone) and importing
 * SQLAlchemy when the module does not. The callers decide that skipping the whole run is sound. Always
 * UNSAFE: it changes control flow.
 */
public final class RunWrapper {
    private RunWrapper() {
    }

    /**
     * The guard fix for {@code run} (consecutive statements of one block, in order) under {@code condition}
     * ({@link GuardWrapper#INSPECTOR} stands for the inspector, asked through {@code op}); null when the module
     * does not bind {@code op}, the run does not start and end its lines, or it is longer than a wrap rewrites.
     */
    public static Fix wrap(SourceFile file, List<Stmt> run, String condition, String title) {
        SourceLayout layout = SourceLayout.of(file);
        if (run.isEmpty() || condition == null || layout.module() == null || !layout.binds("op")) {
            return null;
        }
        Span span = new Span(run.get(0).span().start(), run.get(run.size() - 1).span().end());
        if (!layout.startsLine(span.start()) || !layout.endsLine(span.end())
                || span.length() > GuardWrapper.MAX_REWRITE) {
            return null;
        }
        String alias = layout.sqlalchemyAlias();
        String importLine = null;
        if (alias == null) {
            alias = layout.binds("sa") ? "sqlalchemy" : "sa";
            importLine = alias.equals("sa") ? "import sqlalchemy as sa" : "import sqlalchemy";
        }
        String test = GuardWrapper.ifLine(condition, alias + ".inspect(op.get_bind())");
        List<Span> strings = strings(run);
        String text = file.text();
        String unit = layout.indentUnit();
        StringBuilder sb = new StringBuilder(test.length() + span.length() * 5 / 4 + 64).append(test)
                .append(layout.eol()).append(layout.indentationAt(span.start())).append(unit);
        int s = 0;
        for (int i = span.start(); i < span.end(); i++) {
            if (i > span.start() && GuardWrapper.lineStart(text, i)) {
                while (s < strings.size() && strings.get(s).end() <= i) {
                    s++;
                }
                boolean inString = s < strings.size() && strings.get(s).start() < i;
                if (!inString && !GuardWrapper.blankLine(text, i)) {
                    sb.append(unit);
                }
            }
            sb.append(text.charAt(i));
        }
        List<TextEdit> edits = new ArrayList<>();
        if (importLine != null) {
            edits.add(layout.addImport(importLine));
        }
        edits.add(TextEdit.replace(file.path(), span, sb.toString()));
        return Fix.of(title, Applicability.UNSAFE, edits);
    }

    /** The string tokens of every statement of {@code run} and of the blocks nested in them, by start. */
    private static List<Span> strings(List<Stmt> run) {
        List<Span> out = new ArrayList<>();
        ArrayDeque<Stmt> work = new ArrayDeque<>(run);
        while (!work.isEmpty()) {
            Stmt s = work.pop();
            for (Expr e : StmtParts.expressions(s)) {
                out.addAll(SourceLayout.stringTokens(e));
            }
            StmtParts.blocks(s).forEach(work::push);
        }
        out.sort(Comparator.comparingInt(Span::start));
        return out;
    }

    /** The body of the module's top-level {@code upgrade()}; empty when there is none. */
    public static List<Stmt> upgradeBody(PythonModule module) {
        for (Stmt s : module.body()) {
            if (s instanceof Stmt.FunctionDef f && f.name().equals("upgrade")) {
                return f.body();
            }
        }
        return List.of();
    }

    /** The index of the statement of {@code body} whose span is {@code statement}; -1 when none is. */
    public static int indexOf(List<Stmt> body, Span statement) {
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).span().equals(statement)) {
                return i;
            }
        }
        return -1;
    }
}
