package dev.idemlint.graph;

import dev.idemlint.migration.Assigned;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;

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

    /** The characters of {@code value} itself inside the assignment's value, without quotes. */
    public static Span inner(SourceFile file, Assigned<?> a, String value) {
        Span el = element(file, a, value);
        String text = file.slice(el);
        int i = text.indexOf(value);
        return i < 0 ? el : new Span(el.start() + i, el.start() + i + value.length());
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
    public static String literal(java.util.List<String> ids, char quote) {
        if (ids.isEmpty()) {
            return "None";
        }
        if (ids.size() == 1) {
            return quote + ids.get(0) + quote;
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(quote).append(ids.get(i)).append(quote);
        }
        return sb.append(')').toString();
    }
}
