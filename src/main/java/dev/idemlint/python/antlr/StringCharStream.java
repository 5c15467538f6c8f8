package dev.idemlint.python.antlr;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A {@link CharStream} straight over a {@code String}, indexed by UTF-16 unit like our offsets.
 * ANTLR's own streams copy the text first: {@code ANTLRInputStream} into a {@code char[]} (which
 * inflates a compact Latin-1 string to two bytes per character, and every token text is compressed
 * back), {@code CharStreams.fromString} into code points (whose indexes are not UTF-16 offsets).
 * Both copies were ~5% of a run.
 */
public final class StringCharStream implements CharStream {
    private final String text;
    private final int n;
    private int p;

    public StringCharStream(String text) {
        this.text = text;
        this.n = text.length();
    }

    /** The whole text, without a copy. */
    public String text() {
        return text;
    }

    @Override
    public void consume() {
        if (p >= n) {
            throw new IllegalStateException("cannot consume EOF");
        }
        p++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) {
            return 0;
        }
        int at = i < 0 ? p + i : p + i - 1;
        return at < 0 || at >= n ? IntStream.EOF : text.charAt(at);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return p;
    }

    @Override
    public void seek(int index) {
        p = Math.min(Math.max(index, 0), n);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public String getSourceName() {
        return IntStream.UNKNOWN_SOURCE_NAME;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(interval.a, 0);
        int stop = Math.min(interval.b, n - 1);
        return start > stop ? "" : text.substring(start, stop + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
