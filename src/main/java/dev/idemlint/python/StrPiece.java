package dev.idemlint.python;

import dev.idemlint.source.Span;

/**
 * A piece of a string expression: either literal text from one string token, or (in f-strings) a
 * replacement field {@code {expr}} whose value is unknown statically.
 *
 * <p>For a literal piece, {@code text} is the decoded value and {@code sourceOffsets[i]} is the file
 * offset of the first source char that produced {@code text.charAt(i)}; {@code sourceOffsets} has
 * {@code text.length() + 1} entries, the last being the offset just past the piece's content.
 * {@code token} is the whole token (prefix and quotes included); {@code prefix} is the string prefix
 * as written ("", "r", "f", "Rb"...) and {@code quote} the opening quote as written ({@code "},
 * {@code '''}...). For a dynamic piece, {@code text} is the field's source text, {@code expr} its
 * parsed expression (or an Opaque), and {@code sourceOffsets} is null.
 */
public record StrPiece(String text, boolean dynamic, Expr expr, Offsets offsets, Span token,
        String prefix, String quote) {

    /** The same piece from an explicit offsets array ({@code null} for a dynamic piece), stored compactly. */
    public StrPiece(String text, boolean dynamic, Expr expr, int[] sourceOffsets, Span token,
            String prefix, String quote) {
        this(text, dynamic, expr, sourceOffsets == null ? null : Offsets.of(sourceOffsets), token, prefix, quote);
    }

    /** File offset of char {@code i} of this literal piece's decoded text. */
    /**
     * Writes the file offsets of this literal piece's chars {@code [0, text().length())} into
     * {@code dst} from {@code at}: {@link #sourceOffset} for each, in one pass.
     */
    public void copySourceOffsets(int[] dst, int at) {
        offsets.copyTo(dst, at, text.length());
    }

    public int sourceOffset(int i) {
        return offsets.at(i);
    }

    /**
     * {@code sourceOffset(i)} for every {@code i} from 0 to {@code text().length()}, as a new array
     * (null for a dynamic piece).
     */
    public int[] sourceOffsets() {
        return offsets == null ? null : offsets.toArray();
    }

    public boolean raw() {
        return prefix.indexOf('r') >= 0 || prefix.indexOf('R') >= 0;
    }

    /**
     * A literal's char-to-file-offset map, stored as runs where {@code offset - index} is constant
     * (a plain literal is one run; each escape or line continuation starts a new one) instead of one
     * int per char, which was the largest array population of the heap. Identity equality, like
     * the array it replaces.
     */
    public static final class Offsets {
        private final int length;
        private final int base;       // offset - index of the first run
        private final int[] starts;   // index where each later run starts (null: one run)
        private final int[] deltas;   // offset - index within that run
        private final int[] plain;    // used instead when runs would not be smaller

        private Offsets(int length, int base, int[] starts, int[] deltas, int[] plain) {
            this.length = length;
            this.base = base;
            this.starts = starts;
            this.deltas = deltas;
            this.plain = plain;
        }

        /** {@code length} entries {@code first, first + 1, ...}: a literal that decodes to its source text. */
        static Offsets run(int length, int first) {
            return new Offsets(length, first, null, null, null);
        }

        /** {@code a}, stored as runs where that is smaller (the array is not kept). */
        public static Offsets of(int[] a) {
            int n = a.length;
            if (n == 0) {
                return new Offsets(0, 0, null, null, a);
            }
            int runs = 0;
            for (int i = 1; i < n; i++) {
                if (a[i] - i != a[i - 1] - (i - 1)) {
                    runs++;
                }
            }
            if (runs == 0) {
                return new Offsets(n, a[0], null, null, null);
            }
            if (runs * 2 >= n) {
                return new Offsets(n, 0, null, null, a.clone());
            }
            int[] starts = new int[runs];
            int[] deltas = new int[runs];
            int k = 0;
            for (int i = 1; i < n; i++) {
                if (a[i] - i != a[i - 1] - (i - 1)) {
                    starts[k] = i;
                    deltas[k++] = a[i] - i;
                }
            }
            return new Offsets(n, a[0], starts, deltas, null);
        }

        /** How many entries. */
        public int length() {
            return length;
        }

        /** The entry at {@code i}, clamped to {@code [0, length - 1]} (as the array lookup was). */
        public int at(int i) {
            if (plain != null) {
                return plain[Math.max(0, Math.min(i, plain.length - 1))];
            }
            int j = Math.max(0, Math.min(i, length - 1));
            if (starts == null) {
                return base + j;
            }
            int lo = 0;
            int hi = starts.length - 1;
            int run = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] <= j) {
                    run = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return (run < 0 ? base : deltas[run]) + j;
        }

        /**
         * Writes entries {@code [0, count)} into {@code dst} from {@code at}, as {@link #at} gives them,
         * run by run rather than a lookup per entry. {@code count} is at most the length.
         */
        void copyTo(int[] dst, int at, int count) {
            if (count > length) {
                throw new IndexOutOfBoundsException(count + " > " + length);
            }
            if (plain != null) {
                System.arraycopy(plain, 0, dst, at, count);
                return;
            }
            int delta = base;
            int run = 0;
            int next = starts == null || starts.length == 0 ? Integer.MAX_VALUE : starts[0];
            for (int i = 0; i < count; i++) {
                if (i == next) {
                    delta = deltas[run++];
                    next = run < starts.length ? starts[run] : Integer.MAX_VALUE;
                }
                dst[at + i] = delta + i;
            }
        }

        public int[] toArray() {
            int[] out = new int[length];
            for (int i = 0; i < length; i++) {
                out[i] = at(i);
            }
            return out;
        }
    }
}
