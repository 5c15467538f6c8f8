package dev.idemlint.source;

import java.util.Arrays;

/** Maps char offsets to 1-based line and column numbers; built once per file. */
public final class LineIndex {
    private final int[] lineStarts;
    private final int length;
    private final boolean newlinesOnly;

    private LineIndex(int[] lineStarts, int length, boolean newlinesOnly) {
        this.lineStarts = lineStarts;
        this.length = length;
        this.newlinesOnly = newlinesOnly;
    }

    /**
     * The index of a text whose line breaks are all {@code \n} and whose lines start at {@code
     * starts[0, count)} (0 first): for a reader that found them while scanning the file's bytes.
     */
    public static LineIndex ofLineStarts(int[] starts, int count, int length) {
        return new LineIndex(Arrays.copyOf(starts, count), length, true);
    }

    /**
     * The index {@link #lineStarts()}, {@link #length()} and {@link #newlinesOnly()} describe, as a
     * stored one is read back; null when they describe no text (starts not 0 first, not increasing, or
     * past the end).
     */
    public static LineIndex of(int[] starts, int length, boolean newlinesOnly) {
        if (starts.length == 0 || starts[0] != 0 || length < 0) {
            return null;
        }
        for (int i = 1; i < starts.length; i++) {
            if (starts[i] <= starts[i - 1] || starts[i] > length) {
                return null;
            }
        }
        return new LineIndex(starts.clone(), length, newlinesOnly);
    }

    public LineIndex(CharSequence text) {
        int[] starts = new int[16];
        int count = 1;
        String plain = text instanceof String s && s.indexOf('\r') < 0 ? s : null;
        if (plain != null) {
            // the common case, \n only: String.indexOf scans far faster than charAt through CharSequence
            for (int i = plain.indexOf('\n'); i >= 0; i = plain.indexOf('\n', i + 1)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        } else {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
        this.length = text.length();
        this.newlinesOnly = plain != null;
    }

    /** True when the text is known to break lines with {@code \n} only (no {@code \r} anywhere). */
    public boolean newlinesOnly() {
        return newlinesOnly;
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int idx = Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), length));
        return idx >= 0 ? idx + 1 : -idx - 1;
    }

    /** 1-based column (in chars) of an offset. */
    public int column(int offset) {
        int line = line(offset);
        return Math.min(Math.max(offset, 0), length) - lineStarts[line - 1] + 1;
    }

    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)];
    }

    /** Offset just past the end of the line's content, before its line break. */
    public int lineEnd(int line, CharSequence text) {
        int end = line < lineStarts.length ? lineStarts[line] : length;
        while (end > lineStart(line) && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** The offset at which each line starts, the first 0. */
    public int[] lineStarts() {
        return lineStarts.clone();
    }

    /** The length of the text, in chars. */
    public int length() {
        return length;
    }
}
