package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.StrPiece;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves Python expressions to strings statically: literals, implicit and explicit
 * concatenation, names bound to constants, {@code %} and {@code .format} templates, f-strings,
 * {@code text()}/{@code sa.text()}/{@code DDL()}/{@code dedent()} wrappers. Unknown parts become
 * {@link SqlText#DYNAMIC} chars with offset -1, never guessed values.
 */
final class StringResolver {
    private static final Set<String> WRAPPERS = Set.of("text", "DDL", "dedent", "cleandoc", "literal_column",
            "TextClause", "str");
    private static final int MAX_DEPTH = 12;

    private StringResolver() {
    }

    /** A growing string with a file offset per char. */
    static final class Builder {
        final StringBuilder text = new StringBuilder();
        int[] offsets = new int[32];
        boolean dynamic;
        /** Dynamic parts so far, and those whose value is made at run time. */
        int parts;
        final BitSet runtime = new BitSet();

        void append(char c, int offset) {
            if (c == SqlText.DYNAMIC) {
                parts++;
            }
            room(1);
            offsets[text.length()] = offset;
            text.append(c);
        }

        /** Room for {@code more} chars' offsets and the trailing entry. */
        private void room(int more) {
            int need = text.length() + more + 1;
            if (need > offsets.length) {
                offsets = Arrays.copyOf(offsets, Math.max(need, offsets.length * 2 + 2));
            }
        }

        /** A literal piece's text and its chars' file offsets, in bulk (a call per char was most of resolving). */
        void append(StrPiece literal) {
            String t = literal.text();
            room(t.length());
            literal.copySourceOffsets(offsets, text.length());
            text.append(t);
        }

        void appendDynamic() {
            append(SqlText.DYNAMIC, -1);
            dynamic = true;
        }

        /** A dynamic part from Python expression {@code source}, noted when its value is made at run time. */
        void appendDynamic(Expr source, Scope scope) {
            if (RunTimeValues.madeAtRunTime(source, scope)) {
                runtime.set(parts);
            }
            appendDynamic();
        }

        /**
         * {@code source}'s text when it is {@code plain} (no conversion or format spec) and resolves to a string
         * known in whole; a dynamic part otherwise.
         */
        void appendValue(Expr source, boolean plain, Scope scope, int depth) {
            Builder v = source == null || !plain ? null : StringResolver.build(source, scope, depth + 1);
            if (v == null || v.dynamic) {
                appendDynamic(source, scope);
            } else {
                append(v);
            }
        }

        void append(Builder other) {
            int n = other.text.length();
            room(n);
            System.arraycopy(other.offsets, 0, offsets, text.length(), n);
            text.append(other.text);
            dynamic |= other.dynamic;
            for (int i = other.runtime.nextSetBit(0); i >= 0; i = other.runtime.nextSetBit(i + 1)) {
                runtime.set(parts + i);
            }
            parts += other.parts;
        }

        SqlText build(Span exprSpan) {
            int[] out = Arrays.copyOf(offsets, text.length() + 1);
            out[text.length()] = text.length() == 0 ? exprSpan.end() : lastOffset() + 1;
            SqlText sql = new SqlText(text.toString(), out, dynamic, exprSpan);
            return runtime.isEmpty() ? sql : sql.withRuntimeParts(runtime);
        }

        private int lastOffset() {
            for (int i = text.length() - 1; i >= 0; i--) {
                if (offsets[i] >= 0) {
                    return offsets[i];
                }
            }
            return -1;
        }
    }

    /** Resolves {@code e} to a SqlText, or null when nothing of it is a string. */
    static SqlText resolve(Expr e, Scope scope) {
        Builder b = build(e, scope, 0);
        if (b == null) {
            return null;
        }
        return b.build(e.span());
    }

    /** The constant string value of {@code e}, or null when any part is dynamic. */
    static String constant(Expr e, Scope scope) {
        // the common case, one plain literal (a table or column name): its text as it is, without
        // the per-char offsets a Builder records for SQL
        if (e instanceof Expr.Str s && !s.bytes() && s.pieces().size() == 1 && !s.pieces().get(0).dynamic()) {
            return s.pieces().get(0).text();
        }
        Builder b = build(e, scope, 0);
        return b == null || b.dynamic ? null : b.text.toString();
    }

    static Builder build(Expr e, Scope scope, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (e instanceof Expr.Str s) {
            if (s.bytes()) {
                return null;
            }
            Builder b = new Builder();
            for (StrPiece p : s.pieces()) {
                if (p.dynamic()) {
                    b.appendValue(p.expr(), p.text().indexOf('!') < 0 && p.text().indexOf(':') < 0, scope, depth);
                } else {
                    b.append(p);
                }
            }
            return b;
        }
        if (e instanceof Expr.Name n) {
            Expr bound = scope == null ? null : scope.lookup(n.id());
            return bound == null || bound == e ? null : build(bound, scope, depth + 1);
        }
        if (e instanceof Expr.Subscript sub && sub.value() instanceof Expr.Name n && scope != null
                && sub.index() instanceof Expr.Num k && k.text().matches("[0-9]{1,3}")
                && scope.lookup(n.id()) instanceof Expr.Tuple t && Integer.parseInt(k.text()) < t.elements().size()) {
            // `cmd[0]` for `cmd` bound to a tuple written out (an item of a literal list of pairs)
            return build(t.elements().get(Integer.parseInt(k.text())), scope, depth + 1);
        }
        if (e instanceof Expr.Subscript sub) {
            // `fk["name"]` for `fk` bound to a dict written out (an item of a literal list of dicts)
            Expr item = ColumnReader.dictItem(sub, scope);
            return item == null ? null : build(item, scope, depth + 1);
        }
        if (e instanceof Expr.BinOp bin) {
            if (bin.op().equals("+")) {
                Builder l = build(bin.left(), scope, depth + 1);
                Builder r = build(bin.right(), scope, depth + 1);
                if (l == null && r == null) {
                    return null;
                }
                Builder b = new Builder();
                if (l == null) {
                    b.appendDynamic(bin.left(), scope);
                } else {
                    b.append(l);
                }
                if (r == null) {
                    b.appendDynamic(bin.right(), scope);
                } else {
                    b.append(r);
                }
                return b;
            }
            if (bin.op().equals("%")) {
                Builder l = build(bin.left(), scope, depth + 1);
                return l == null ? null : percentFormat(l, bin.right(), scope, depth);
            }
            return null;
        }
        if (e instanceof Expr.Call c) {
            String last = Names.lastPart(c.func());
            if (last == null) {
                return null;
            }
            if (c.func() instanceof Expr.Attribute a) {
                switch (last) {
                    case "format" -> {
                        Builder l = build(a.value(), scope, depth + 1);
                        return l == null ? null : braceFormat(l, c, scope, depth);
                    }
                    case "bindparams", "execution_options", "columns", "params" -> {
                        // text("...").bindparams(x=1) runs the same SQL text.
                        return build(a.value(), scope, depth + 1);
                    }
                    case "strip", "lstrip", "rstrip", "upper", "lower" -> {
                        if (c.args().isEmpty()) {
                            return build(a.value(), scope, depth + 1);
                        }
                        return null;
                    }
                    case "join" -> {
                        return join(a.value(), c, scope, depth);
                    }
                    default -> {
                        // sa.text(...), textwrap.dedent(...)
                    }
                }
            }
            if (WRAPPERS.contains(last)) {
                Expr arg = c.positional(0);
                return arg == null ? null : build(arg, scope, depth + 1);
            }
            return null;
        }
        return null;
    }

    private static Builder join(Expr sepExpr, Expr.Call c, Scope scope, int depth) {
        Builder sep = build(sepExpr, scope, depth + 1);
        Expr arg = c.positional(0);
        if (arg instanceof Expr.Name n && scope != null) {
            arg = scope.lookup(n.id());
        }
        List<Expr> items;
        if (arg instanceof Expr.ListExpr l) {
            items = l.elements();
        } else if (arg instanceof Expr.Tuple t) {
            items = t.elements();
        } else {
            return null;
        }
        Builder b = new Builder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                if (sep == null) {
                    b.appendDynamic();
                } else {
                    b.append(sep);
                }
            }
            Builder item = build(items.get(i), scope, depth + 1);
            if (item == null) {
                b.appendDynamic();
            } else {
                b.append(item);
            }
        }
        return b;
    }

    private static Builder percentFormat(Builder template, Expr args, Scope scope, int depth) {
        List<Expr> positional = new ArrayList<>();
        Expr.Dict dict = null;
        Expr resolvedArgs = args;
        if (args instanceof Expr.Name n && scope != null && scope.lookup(n.id()) != null) {
            resolvedArgs = scope.lookup(n.id());
        }
        if (resolvedArgs instanceof Expr.Tuple t) {
            positional.addAll(t.elements());
        } else if (resolvedArgs instanceof Expr.Dict d) {
            dict = d;
        } else {
            positional.add(args);
        }
        Builder out = new Builder();
        String t = template.text.toString();
        int next = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch != '%' || i + 1 >= t.length()) {
                out.append(ch, template.offsets[i]);
                continue;
            }
            char n = t.charAt(i + 1);
            if (n == '%') {
                out.append('%', template.offsets[i]);
                i++;
                continue;
            }
            int j = i + 1;
            String key = null;
            if (n == '(') {
                int close = t.indexOf(')', j);
                if (close < 0) {
                    out.append(ch, template.offsets[i]);
                    continue;
                }
                key = t.substring(j + 1, close);
                j = close + 1;
            }
            while (j < t.length() && "-+ #0123456789.".indexOf(t.charAt(j)) >= 0) {
                j++;
            }
            if (j >= t.length() || "sdrifxXeEgGca".indexOf(t.charAt(j)) < 0) {
                out.append(ch, template.offsets[i]);
                continue;
            }
            Expr value = null;
            if (key != null && dict != null) {
                for (int k = 0; k < dict.keys().size(); k++) {
                    Expr kk = dict.keys().get(k);
                    if (kk instanceof Expr.Str ks && key.equals(ks.constantText())) {
                        value = dict.values().get(k);
                    }
                }
            } else if (key == null && next < positional.size()) {
                value = positional.get(next++);
            }
            out.appendValue(value, true, scope, depth);
            i = j;
        }
        out.dynamic |= template.dynamic;
        return out;
    }

    private static Builder braceFormat(Builder template, Expr.Call call, Scope scope, int depth) {
        Builder out = new Builder();
        String t = template.text.toString();
        int auto = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if ((ch == '{' || ch == '}') && i + 1 < t.length() && t.charAt(i + 1) == ch) {
                out.append(ch, template.offsets[i]);
                i++;
                continue;
            }
            if (ch != '{') {
                out.append(ch, template.offsets[i]);
                continue;
            }
            int close = t.indexOf('}', i);
            if (close < 0) {
                out.append(ch, template.offsets[i]);
                continue;
            }
            String field = t.substring(i + 1, close);
            int cut = indexOfAny(field, "!:.[");
            String key = cut < 0 ? field : field.substring(0, cut);
            Expr value;
            if (key.isEmpty()) {
                value = call.positional(auto++);
            } else if (allDigits(key)) {
                value = call.positional(Integer.parseInt(key));
            } else {
                var kw = call.keyword(key);
                value = kw == null ? null : kw.value();
            }
            out.appendValue(value, cut < 0, scope, depth);
            i = close;
        }
        out.dynamic |= template.dynamic;
        return out;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether every char of {@code s} is a digit (true for "", which callers rule out first). */
    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
