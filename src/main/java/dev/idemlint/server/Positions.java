package dev.idemlint.server;

import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Offsets into a text and LSP positions. LSP counts a position's character in UTF-16 code units, which
 * is what a Java string's index counts, so a column is an index difference; lines end at {@code \n},
 * {@code \r\n} or {@code \r}, as the protocol says.
 */
final class Positions {
    private final int[] starts;
    private final int count;
    private final int length;

    Positions(String text) {
        int[] s = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        starts = s;
        count = n;
        length = text.length();
    }

    Position position(int offset) {
        int off = Math.max(0, Math.min(offset, length));
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= off) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Position(lo, off - starts[lo]);
    }

    Range range(int start, int end) {
        return new Range(position(start), position(end));
    }

    /** The offset of {@code p}, clamped to its line's end (the line break is not part of the line). */
    int offset(Position p) {
        if (p.getLine() < 0) {
            return 0;
        }
        if (p.getLine() >= count) {
            return length;
        }
        int start = starts[p.getLine()];
        int end = p.getLine() + 1 < count ? starts[p.getLine() + 1] : length;
        return Math.min(start + Math.max(0, p.getCharacter()), end);
    }
}
