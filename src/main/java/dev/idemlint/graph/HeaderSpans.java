package dev.idemlint.graph;

import dev.idemlint.migration.Assigned;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.List;

/** Finer positions inside a header assignment: one string of a tuple, the text between quotes. */
public final class HeaderSpans {
    private HeaderSpans() {
    }

    /**
     * The span of the string literal {@code value} (quotes included) inside the assignment's value,
     * or the whole value span when it cannot be found.
     */
    public static Span element(SourceFile file, Assigned<?> a, String value) {
        Span whole = a.valueSpan() != null ? a.valueSpan() : a.statement();
        String text = file.slice(whole);
        for (String q : new String[] {"\"", "'"}) {
            int i = text.indexOf(q + value + q);
            if (i >= 0) {
                return new Span(whole.start() + i, whole.start() + i + value.length() + 2);
            }
        }
        return whole;
    }

    /**
     * The characters of {@code value} itself inside the assignment's value, without quotes; null unless
     * {@code value} is {@link #plain} and written between quotes there, so that replacing the span with
     * another plain id gives a string literal holding exactly that id.
     */
    public static Span inner(SourceFile file, Assigned<?> a, String value) {
        if (!plain(value)) {
            return null;
        }
        Span el = element(file, a, value);
        String text = file.slice(el);
        return text.length() == value.length() + 2 && text.charAt(0) == text.charAt(text.length() - 1)
                && (text.charAt(0) == '"' || text.charAt(0) == '\'') ? new Span(el.start() + 1, el.end() - 1) : null;
    }

    /**
     * True when {@code id} reads the same written raw into any Python string or docstring and read back
     * by a header parser: printable ASCII without quotes, backslashes, braces (an f-string), or the
     * separators of a {@code Revises:} line. Every id Alembic generates is plain; a fix writes any
     * other id only as an escaped literal ({@link #literal}), never into a docstring.
     */
    public static boolean plain(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c >= 0x7F || "\\'\"{}(),".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The quote character the assignment's value uses ({@code "} when unknown). */
    public static char quote(SourceFile file, Assigned<?> a) {
        if (a != null && a.valueSpan() != null) {
            for (char c : file.slice(a.valueSpan()).toCharArray()) {
                if (c == '"' || c == '\'') {
                    return c;
                }
            }
        }
        return '"';
    }

    /** A Python literal for a {@code down_revision}: None, a string, or a tuple of strings. */
    public static String literal(List<String> ids, char quote) {
        if (ids.isEmpty()) {
            return "None";
        }
        if (ids.size() == 1) {
            return string(ids.get(0), quote);
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(string(ids.get(i), quote));
        }
        return sb.append(')').toString();
    }

    /**
     * A Python string literal in {@code quote}s whose value is {@code value}: backslashes, the quote and
     * every character outside printable ASCII escaped, so it compiles in any source encoding.
     */
    public static String string(String value, char quote) {
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\\' || c == quote) {
                sb.append('\\').append((char) c);
            } else if (c >= ' ' && c < 0x7F) {
                sb.append((char) c);
            } else if (c < 0x100) {
                sb.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
                // a lone surrogate too: a Python string may hold one, and its escape compiles
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append(String.format("\\U%08x", c));
            }
        }
        return sb.append(quote).toString();
    }
}
