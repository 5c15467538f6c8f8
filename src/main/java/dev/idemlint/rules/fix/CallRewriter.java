package dev.idemlint.rules.fix;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Origin;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.source.SharedStrings;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.List;

/**
 * Edits the arguments of a Python call the way a person would: a keyword argument added after the
 * last argument (on its own line, with the trailing comma style kept, when the call is laid out one
 * argument per line), a {@code False} value turned {@code True}, or a keyword argument removed with
 * its comma.
 */
public final class CallRewriter {
    private CallRewriter() {
    }

    /**
     * Edits that make {@code call} pass {@code name=True}; empty when the call cannot take it
     * ({@code **kwargs} might already carry it, or there are no arguments to follow).
     */
    public static List<TextEdit> passTrue(SourceFile file, Expr.Call call, String name) {
        return pass(file, call, name, "True");
    }

    /**
     * Edits that make {@code call} pass {@code name=<value>} ({@code value} is Python source), laid
     * out like {@link #passTrue}; empty when the call cannot take it.
     */
    public static List<TextEdit> pass(SourceFile file, Expr.Call call, String name, String value) {
        Arg existing = call.keyword(name);
        if (existing != null) {
            return List.of(TextEdit.replace(file.path(), existing.value().span(), value));
        }
        if (call.args().isEmpty()) {
            return List.of();
        }
        for (Arg a : call.args()) {
            if (a.star() == 2) {
                return List.of();
            }
        }
        SourceLayout layout = SourceLayout.of(file);
        String text = file.text();
        Arg last = call.args().get(call.args().size() - 1);
        int lastEnd = last.span().end();
        int close = call.argsSpan().end() - 1;
        int lastLine = file.lines().line(lastEnd);
        if (file.lines().line(close) == lastLine || !layout.startsLine(last.span().start())) {
            return List.of(TextEdit.insert(file.path(), lastEnd, SharedStrings.of(", " + name + "=" + value)));
        }
        // One argument per line: a new line with the last argument's indentation.
        String indent = layout.indentationAt(last.span().start());
        int comma = text.indexOf(',', lastEnd);
        boolean trailingComma = comma >= 0 && comma < close && commentFree(text, lastEnd, comma);
        if (trailingComma) {
            int lineEnd = file.lines().lineEnd(file.lines().line(comma), text);
            return List.of(TextEdit.insert(file.path(), lineEnd, layout.eol() + indent + name + "=" + value + ","));
        }
        int lineEnd = file.lines().lineEnd(lastLine, text);
        if (lineEnd == lastEnd) {
            return List.of(TextEdit.insert(file.path(), lastEnd, "," + layout.eol() + indent + name + "=" + value));
        }
        return List.of(TextEdit.insert(file.path(), lastEnd, ","),
                TextEdit.insert(file.path(), lineEnd, layout.eol() + indent + name + "=" + value));
    }

    /**
     * The fix passing {@code name=True} to the op's call: SAFE (a keyword changes nothing but the
     * DDL's IF [NOT] EXISTS, wherever the call is reached from); display-only for batch ops, whose
     * keyword support varies by Alembic version; null when the call cannot take it.
     */
    /**
     * The idempotency keyword fix, in the right place among the alternatives: SAFE and first when the
     * project's Alembic is known to honour it. When the version is unknown, the keyword may raise
     * TypeError (add_column, drop_column, drop_constraint on a 1.8-era Alembic; create_index and
     * create_table hand it to SQLAlchemy, which rejects it) or be ignored, so it is never written: the
     * inspector guard, which works on every version, comes first and the keyword is only shown.
     */
    public static void addKeywordFix(List<Fix> out, Fix keyword, Fix guard, Settings s) {
        if (keyword != null && s.alembic().isLatest()) {
            out.add(guard);
            out.add(Fix.displayOnly(keyword.title() + " once the project pins an Alembic that has it",
                    "this project's Alembic version is unknown, and a 1.8-era Alembic rejects the keyword; pin it"
                            + " (requirements, lock file) or pass --alembic-version to get this fix"));
            return;
        }
        out.add(keyword);
        out.add(guard);
    }

    public static Fix passTrueFix(SourceFile file, OpSite site, String name) {
        String title = SharedStrings.of("Pass `" + name + "=True`");
        if (site.call() == null) {
            return null;
        }
        if (site.origin() == Origin.BATCH_OP) {
            return null;
        }
        List<TextEdit> edits = passTrue(file, site.call(), name);
        return edits.isEmpty() ? null : Fix.of(title, Applicability.SAFE, edits);
    }

    private static boolean commentFree(String text, int from, int to) {
        return text.substring(from, to).isBlank();
    }

    /** The span to delete to remove keyword argument {@code arg} of {@code call} with its comma. */
    public static Span removal(SourceFile file, Expr.Call call, Arg arg) {
        List<Arg> args = call.args();
        int i = args.indexOf(arg);
        String text = file.text();
        if (i > 0) {
            // ", kw=True" — from the end of the previous argument.
            return new Span(args.get(i - 1).span().end(), arg.span().end());
        }
        if (args.size() > 1) {
            return new Span(arg.span().start(), args.get(1).span().start());
        }
        int end = arg.span().end();
        int k = end;
        while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        if (k < text.length() && text.charAt(k) == ',') {
            end = k + 1;
        }
        return new Span(arg.span().start(), end);
    }

    /** Source text of an argument when it is a plain name, attribute or string; else a quoted literal of {@code value}. */
    public static String expression(SourceFile file, Expr e, String value) {
        if (e instanceof Expr.Str || e instanceof Expr.Name || e instanceof Expr.Attribute) {
            String src = file.slice(e.span());
            if (!src.contains("\n") && !src.contains("\r")) {
                return src;
            }
        }
        return value == null ? null : quote(value);
    }

    /** Source text of a plain name, attribute or one-line string argument; null for anything else. */
    public static String source(SourceFile file, Expr e) {
        if (e instanceof Expr.Str || e instanceof Expr.Name || e instanceof Expr.Attribute) {
            String src = file.slice(e.span());
            return src.contains("\n") || src.contains("\r") ? null : src;
        }
        return null;
    }

    /** A Python string literal for {@code s}, or null for null. */
    public static String quoteOrNull(String s) {
        return s == null ? null : quote(s);
    }

    /**
     * A Python string literal for {@code s}. Control characters and unpaired surrogates are escaped:
     * CPython refuses a source holding a NUL, and no encoding can write a lone surrogate.
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else if (Character.isSurrogate(c) && !paired) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else if (paired) {
                        sb.append(c).append(s.charAt(++i));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The argument passed as keyword {@code keyword} or at position {@code pos}, or null. */
    public static Expr argument(Expr.Call call, int pos, String keyword) {
        Arg kw = call.keyword(keyword);
        return kw != null ? kw.value() : pos < 0 ? null : call.positional(pos);
    }

    /** The name the op call goes through ({@code op}, or a batch's own name), {@code op} when unknown. */
    public static String opName(OpSite site) {
        return site.call() != null && site.origin() == Origin.OP_CALL && site.call().func() instanceof Expr.Attribute a
                && a.value() instanceof Expr.Name n ? n.id() : "op";
    }
}
