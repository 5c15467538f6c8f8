package dev.idemlint.rules;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Origin;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.SharedStrings;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Wraps an op call's statement in an inspector guard, {@code if not sa.inspect(op.get_bind())
 * .has_table("t"):}, re-indenting it by the file's indent unit (lines inside string literals are
 * left alone) and importing SQLAlchemy when the module does not. Always UNSAFE: it changes control
 * flow. Display-only for ops reached through a helper or loop, batch ops, and statements that share
 * a line with other code, since there the guard's place is a human's call.
 */
public final class GuardWrapper {
    private static final Comparator<Span> SPAN_START = new Comparator<>() {
        @Override
        public int compare(Span a, Span b) {
            return Integer.compare(a.start(), b.start());
        }
    };

    private static final Comparator<TextEdit> EDIT_START = new Comparator<>() {
        @Override
        public int compare(TextEdit a, TextEdit b) {
            return Integer.compare(a.range().start(), b.range().start());
        }
    };

    /** Stands for the inspector expression in condition templates. */
    public static final String INSPECTOR = "{insp}";

    private GuardWrapper() {
    }

    /** Title for a guard built on inspector method {@code method}. */
    public static String title(String method) {
        return SharedStrings.of("Guard with `inspector." + method + "`");
    }

    /**
     * The guard fix. {@code condition} uses {@link #INSPECTOR} for the inspector; {@code inner} are
     * edits inside the statement applied along with the wrap (e.g. a keyword argument removed).
     */
    public static Fix wrap(SourceFile file, OpSite site, String condition, String title, List<TextEdit> inner) {
        Expr.Call call = site.call();
        if (call == null || condition == null) {
            return null;
        }
        SourceLayout layout = SourceLayout.of(file);
        // batch_op queues its work; the guard asks the real connection, through `op`.
        String opName = site.origin() != Origin.BATCH_OP && call.func() instanceof Expr.Attribute a
                && a.value() instanceof Expr.Name n ? n.id() : "op";
        String alias = layout.sqlalchemyAlias();
        String importLine = null;
        if (alias == null) {
            alias = layout.binds("sa") ? "sqlalchemy" : "sa";
            importLine = alias.equals("sa") ? "import sqlalchemy as sa" : "import sqlalchemy";
        }
        String test = ifLine(condition, alias + ".inspect(" + opName + ".get_bind())");
        Span stmt = site.statement();
        boolean wholeLine = stmt != null && stmt.equals(call.span()) && layout.module() != null
                && layout.startsLine(stmt.start()) && layout.endsLine(stmt.end());
        if (site.indirect() || site.origin() == Origin.BATCH_OP || !wholeLine
                || !(call.func() instanceof Expr.Attribute a2 && a2.value() instanceof Expr.Name)) {
            String body = applyWithin(file.text(), call.span(), inner);
            return Fix.displayOnly(title, test + "\n" + layout.indentUnit() + body);
        }
        String indent = layout.indentationAt(stmt.start());
        String eol = layout.eol();
        String unit = layout.indentUnit();
        // string tokens in source order: the loop below asks about line starts in increasing order
        List<Span> strings = new ArrayList<>(SourceLayout.stringTokens(call));
        strings.sort(SPAN_START);
        int s = 0; // the first string token that does not end before the current line start
        List<TextEdit> sorted = new ArrayList<>(inner);
        sorted.sort(EDIT_START);
        String text = file.text();
        // sized for the statement plus a level of indentation per line: it grew by doubling before
        StringBuilder sb = new StringBuilder(test.length() + (stmt.end() - stmt.start()) * 5 / 4 + 64)
                .append(test).append(eol).append(indent).append(unit);
        int k = 0;
        int i = stmt.start();
        int end = stmt.end();
        while (i < end) {
            if (i > stmt.start() && lineStart(text, i)) {
                while (s < strings.size() && strings.get(s).end() <= i) {
                    s++;
                }
                boolean inString = s < strings.size() && strings.get(s).start() < i;
                if (!inString && !blankLine(text, i)) {
                    sb.append(unit);
                }
            }
            if (k < sorted.size() && sorted.get(k).range().start() == i) {
                TextEdit e = sorted.get(k++);
                sb.append(e.replacement());
                if (e.range().length() > 0) {
                    i = e.range().end();
                    continue;
                }
            }
            // copy up to the next line start or the next edit, whichever comes first (a run at a
            // time: char by char this loop was 5% of a run with many guard fixes)
            int next = nextLineStart(text, i, end, file.lines().newlinesOnly());
            if (k < sorted.size()) {
                next = Math.min(next, Math.max(i + 1, sorted.get(k).range().start()));
            }
            sb.append(text, i, next);
            i = next;
        }
        List<TextEdit> edits = new ArrayList<>();
        if (importLine != null) {
            edits.add(layout.addImport(importLine));
        }
        edits.add(TextEdit.replace(file.path(), stmt, sb.toString()));
        return Fix.of(title, Applicability.UNSAFE, edits);
    }

    /** The text of {@code span} with the edits that fall inside it applied. */
    public static String applyWithin(String text, Span span, List<TextEdit> edits) {
        List<TextEdit> inside = new ArrayList<>();
        for (TextEdit e : edits) {
            if (span.contains(e.range())) {
                inside.add(e);
            }
        }
        if (inside.isEmpty()) {
            return text.substring(span.start(), span.end());
        }
        inside.sort(Collections.reverseOrder(EDIT_START));
        StringBuilder sb = new StringBuilder(text.substring(span.start(), span.end()));
        for (TextEdit e : inside) {
            sb.replace(e.range().start() - span.start(), e.range().end() - span.start(), e.replacement());
        }
        return sb.toString();
    }

    /** {@code if <condition>:} with each {@link #INSPECTOR} in it replaced by {@code inspector}, built in one buffer. */
    static String ifLine(String condition, String inspector) {
        StringBuilder sb = new StringBuilder(condition.length() + inspector.length() + 8).append("if ");
        int from = 0;
        for (int at = condition.indexOf(INSPECTOR); at >= 0; at = condition.indexOf(INSPECTOR, from)) {
            sb.append(condition, from, at).append(inspector);
            from = at + INSPECTOR.length();
        }
        return sb.append(condition, from, condition.length()).append(':').toString();
    }

    /**
     * The first offset after {@code i} that {@link #lineStart} accepts, or {@code end}. In a text
     * whose line breaks are all {@code \n} that is just past the next one (found by indexOf rather than
     * two charAt calls per char).
     */
    private static int nextLineStart(String text, int i, int end, boolean newlinesOnly) {
        if (newlinesOnly) {
            int nl = text.indexOf('\n', i);
            return nl < 0 || nl + 1 >= end ? end : nl + 1;
        }
        int j = i + 1;
        while (j < end && !lineStart(text, j)) {
            j++;
        }
        return j;
    }

    private static boolean lineStart(String text, int i) {
        char prev = text.charAt(i - 1);
        return prev == '\n' || prev == '\r' && text.charAt(i) != '\n';
    }

    private static boolean blankLine(String text, int i) {
        int k = i;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        return k >= text.length() || text.charAt(k) == '\n' || text.charAt(k) == '\r';
    }

    // ---- condition templates ----------------------------------------------------------------------

    /** {@code , schema=<expr>} when the call passes a schema, else empty. */
    public static String schemaArg(SourceFile file, Expr.Call call) {
        Arg schema = call.keyword("schema");
        if (schema == null || schema.value() instanceof Expr.Const) {
            return "";
        }
        return ", schema=" + file.slice(schema.value().span());
    }

    /** {@code [not ]insp.has_table(t)}. */
    public static String hasTable(String table, String schema, boolean present) {
        return table == null ? null : (present ? "" : "not ") + INSPECTOR + ".has_table(" + table + schema + ")";
    }

    /**
     * {@code "c" [not ]in {c["name"] for c in insp.<method>(t)}}: name-based membership for columns,
     * indexes and constraints.
     */
    public static String named(String name, String method, String table, String schema, boolean present) {
        if (name == null || table == null) {
            return null;
        }
        String v = method.equals("get_columns") ? "c" : method.equals("get_indexes") ? "i"
                : method.equals("get_foreign_keys") ? "fk" : method.equals("get_unique_constraints") ? "uc" : "ck";
        return name + (present ? " in {" : " not in {") + v + "[\"name\"] for " + v + " in " + INSPECTOR + "."
                + method + "(" + table + schema + ")}";
    }
}
