package dev.idemlint.rules.fix;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Origin;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StmtParts;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.SharedStrings;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps an op call's statement in an inspector guard, {@code if not sa.inspect(op.get_bind())
 * .has_table("t"):}, re-indenting it by the file's indent unit (lines inside string literals are
 * left alone) and importing SQLAlchemy when the module does not. Always UNSAFE: it changes control
 * flow. Display-only for ops reached through a helper or loop whose check is not made of the call's own
 * arguments, batch ops on another schema, and statements that share a line with other code, since
 * there the guard's place is a human's call.
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
        return wrap(file, site, condition, title, inner, false);
    }

    /**
     * As {@link #wrap(SourceFile, OpSite, String, String, List)}; {@code fromSource} says that the condition
     * is made only of the call's own argument expressions (a parameter, a loop variable, a literal), so it
     * holds for every call of a helper and every turn of a loop, and the guard is applied there too.
     */
    public static Fix wrap(SourceFile file, OpSite site, String condition, String title, List<TextEdit> inner,
            boolean fromSource) {
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
        return block(file, site, test, title, inner, importLine, fromSource);
    }

    /**
     * The op's statement under {@code if <condition>:}, a condition written out whole (no inspector);
     * applied where {@link #wrap} would be. Imports SQLAlchemy as {@code sa} when the condition uses it
     * and the module does not bind it.
     */
    public static Fix wrapPlain(SourceFile file, OpSite site, String condition, String title) {
        if (site.call() == null || condition == null) {
            return null;
        }
        SourceLayout layout = SourceLayout.of(file);
        String importLine = layout.sqlalchemyAlias() == null && condition.contains("sa.") && !layout.binds("sa")
                ? "import sqlalchemy as sa" : null;
        return block(file, site, "if " + condition + ":", title, List.of(), importLine, false);
    }

    /**
     * The op's statement moved into {@code with <opName>.get_context().autocommit_block():}, so that it
     * runs outside the migration's transaction (UNSAFE: a failure after the block leaves its work
     * committed); display-only where a guard would be.
     */
    public static Fix autocommitBlock(SourceFile file, OpSite site, String title) {
        Expr.Call call = site.call();
        if (call == null || site.origin() == Origin.BATCH_OP) {
            return null;
        }
        String opName = site.origin() != Origin.BATCH_OP && call.func() instanceof Expr.Attribute a
                && a.value() instanceof Expr.Name n && SourceLayout.of(file).binds(n.id()) ? n.id() : "op";
        return block(file, site, "with " + opName + ".get_context().autocommit_block():", title, List.of(), null,
                true);
    }

    /**
     * The longest statement (in chars) a wrap rewrites; a longer one gets a display-only fix that does
     * not copy it. Each finding holds its fix until the report is written, and a report prints every
     * fix's text: one {@code op.execute} of thousands of statements, each a finding, made each finding
     * carry the whole statement re-indented (4,000 statements, 190 KB, filled a 512 MB heap). 64 KiB is
     * ~1,500 lines of SQL, beyond any statement written by hand; a generated one that long is better
     * moved by a human than shown again in every finding.
     */
    public static final int MAX_REWRITE = 64 * 1024;

    /** The statement of {@code site} indented under {@code header}; see {@link #wrap}. */
    private static Fix block(SourceFile file, OpSite site, String test, String title, List<TextEdit> inner,
            String importLine, boolean fromSource) {
        Expr.Call call = site.call();
        SourceLayout layout = SourceLayout.of(file);
        Span stmt = site.statement();
        if (site.indirect() && fromSource && layout.startsLine(call.span().start()) && layout.endsLine(call.span().end())) {
            stmt = call.span(); // the op's own statement in the helper's body, not the helper's call
        }
        if (call.span().length() > MAX_REWRITE || stmt != null && stmt.length() > MAX_REWRITE) {
            return Fix.displayOnly(title, test + "\n" + layout.indentUnit() + "<this statement, "
                    + Math.max(call.span().length(), stmt == null ? 0 : stmt.length()) + " characters>");
        }
        boolean wholeLine = stmt != null && (stmt.equals(call.span()) || unreadAssignment(file, layout, stmt, call))
                && layout.module() != null && layout.startsLine(stmt.start()) && layout.endsLine(stmt.end());
        if (site.indirect() && !fromSource || site.origin() == Origin.BATCH_OP && !batchGuardable(layout, stmt)
                || !wholeLine
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

    /** Where an identifier starts as a whole word (with UNICODE_CHARACTER_CLASS: Python's letters and digits). */
    private static final String WORD_START = "(?<!\\w)";

    /** What reads a function's local variables by name, past any occurrence of the name in its source. */
    private static final Pattern DYNAMIC_LOCALS = Pattern.compile("\\b(locals|vars|exec|eval)\\s*\\(");

    /**
     * True when {@code stmt} is {@code NAME = <the op call>} and NAME occurs nowhere else in the text of its
     * top-level function (no read, no {@code global}/{@code nonlocal}, not even in a string or a comment) and
     * nothing there reads locals by name: under the guard the re-run leaves NAME unbound, and nothing reads it.
     */
    private static boolean unreadAssignment(SourceFile file, SourceLayout layout, Span stmt, Expr.Call call) {
        PythonModule module = layout.module();
        if (module == null) {
            return false;
        }
        for (Stmt s : module.body()) {
            if (s instanceof Stmt.FunctionDef f && f.span().contains(stmt)) {
                Stmt.Assign a = assignAt(f.body(), stmt);
                if (a == null || a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name n)
                        || !(a.value() instanceof Expr.Call c) || !c.span().equals(call.span())) {
                    return false;
                }
                String text = file.text().substring(f.span().start(), f.span().end());
                Matcher m = Pattern.compile(WORD_START + Pattern.quote(n.id()) + "(?!\\w)",
                        Pattern.UNICODE_CHARACTER_CLASS).matcher(text);
                int occurrences = 0;
                while (m.find()) {
                    occurrences++;
                }
                return occurrences == 1 && !DYNAMIC_LOCALS.matcher(text).find();
            }
        }
        return false;
    }

    /** The assignment statement whose span is {@code x}, anywhere in {@code body}, or null. */
    private static Stmt.Assign assignAt(List<Stmt> body, Span x) {
        for (Stmt s : body) {
            if (!s.span().contains(x)) {
                continue;
            }
            if (s.span().equals(x)) {
                return s instanceof Stmt.Assign a ? a : null;
            }
            // an assignment inside a nested def, class or unread statement is not the call's own
            if (s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef || s instanceof Stmt.Opaque) {
                return null;
            }
            List<List<Stmt>> inner = StmtParts.blockLists(s);
            for (List<Stmt> b : inner) {
                Stmt.Assign found = assignAt(b, x);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return null;
    }

    /**
     * A batch op can be guarded where it stands: on PostgreSQL {@code batch_alter_table} emits plain
     * ALTER statements when the block ends, and the guard, asked while the block queues its work, sees
     * the schema as it was before the block, which is what the op meets. It needs {@code op} for the
     * connection and a batch on the default schema (the guard's inspector call names no schema).
     */
    private static boolean batchGuardable(SourceLayout layout, Span stmt) {
        Expr.Call batch = layout.enclosingBatch(stmt);
        if (batch == null || !layout.binds("op")) {
            return false;
        }
        Arg schema = batch.keyword("schema");
        return schema == null || schema.value() instanceof Expr.Const c && "None".equals(c.text());
    }

    /**
     * The table of the block holding a batch op, as its {@code batch_alter_table(...)} call writes it: a
     * string literal, or a plain name (a loop variable, a helper's parameter) that nothing between the
     * block's start and the op binds again, so that a guard written with it asks about the block's table on
     * every turn of a loop. Null for anything else, and for an op outside a batch block.
     */
    public static String batchTable(SourceFile file, OpSite site) {
        if (site.origin() != Origin.BATCH_OP || site.statement() == null) {
            return null;
        }
        Expr.Call batch = SourceLayout.of(file).enclosingBatch(site.statement());
        Expr table = batch == null ? null : CallRewriter.argument(batch, 0, "table_name");
        if (!(table instanceof Expr.Str || table instanceof Expr.Name) || batch.span().end() > site.statement().start()) {
            return null;
        }
        if (table instanceof Expr.Name n
                && SourceLayout.of(file).rebinding(batch, n.id()).before(site.statement().start())) {
            return null;
        }
        return CallRewriter.source(file, table);
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

    /** Whether offset {@code i} (after the first) starts a line: a CR LF pair is one line break. */
    static boolean lineStart(String text, int i) {
        char prev = text.charAt(i - 1);
        return prev == '\n' || prev == '\r' && text.charAt(i) != '\n';
    }

    /** Whether the line from offset {@code i} holds only spaces and tabs. */
    static boolean blankLine(String text, int i) {
        int k = i;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        return k >= text.length() || text.charAt(k) == '\n' || text.charAt(k) == '\r';
    }

    /**
     * Whether a guard written from {@code args} (and the call's {@code schema=}, when it passes one) holds for
     * every call of a helper and every turn of a loop: each is a string literal, a name or an attribute on one
     * line, whose source the guard repeats in the call's own scope just before it (the {@code fromSource} of
     * {@link #wrap(SourceFile, OpSite, String, String, List, boolean)}).
     */
    public static boolean fromSource(SourceFile file, Expr.Call call, Expr... args) {
        for (Expr e : args) {
            if (e == null || CallRewriter.source(file, e) == null) {
                return false;
            }
        }
        Arg schema = call.keyword("schema");
        return schema == null || schema.value() instanceof Expr.Const || CallRewriter.source(file, schema.value()) != null;
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
