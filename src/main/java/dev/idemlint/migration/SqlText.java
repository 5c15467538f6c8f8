package dev.idemlint.migration;

import dev.idemlint.source.Span;

/**
 * A SQL string resolved statically from Python: literals, concatenations, constants, and
 * {@code %}/{@code .format}/f-string templates. {@code fileOffsets[i]} is the file offset of char
 * {@code i}, or -1 where the char came from a dynamic part (then {@code text} holds a placeholder
 * {@code \u0000} run of length 1 per dynamic part). {@code fileOffsets} has one extra trailing entry.
 * {@code exprSpan} covers the Python expression that produced the string.
 */
public record SqlText(String text, int[] fileOffsets, boolean dynamic, Span exprSpan) {
    /** Placeholder char standing for an unknown (dynamic) part of the string. */
    public static final char DYNAMIC = '\u0000';

    /** File offset of char {@code i}, or -1 when that char is dynamic or not from a literal. */
    public int fileOffset(int i) {
        if (i < 0 || i >= fileOffsets.length) {
            return -1;
        }
        return fileOffsets[i];
    }

    /**
     * A file span for chars {@code [from, to)} of the text: from the first to the last char that
     * has a file offset; falls back to {@code exprSpan} when none has.
     */
    public Span fileSpan(int from, int to) {
        int s = -1;
        for (int i = from; i < to && s < 0; i++) {
            s = fileOffset(i);
        }
        int e = -1;
        for (int i = to - 1; i >= from && e < 0; i--) {
            e = fileOffset(i);
        }
        if (s < 0 || e < 0 || e < s) {
            return exprSpan;
        }
        return new Span(s, e + 1);
    }

    public boolean isDynamic(int from, int to) {
        for (int i = from; i < to && i < text.length(); i++) {
            if (text.charAt(i) == DYNAMIC) {
                return true;
            }
        }
        return false;
    }
}
