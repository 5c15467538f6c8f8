package dev.idemlint.report;

import dev.idemlint.source.Printable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON text built straight into UTF-8 bytes: what {@link Json#str} writes, escaped the same way,
 * encoded as {@code String.getBytes(UTF_8)} would encode it (a surrogate pair as one 4-byte
 * character), in one pass over each string. A big report formatted
 * into a {@code StringBuilder} was copied into a String, scanned for non-ASCII bytes and copied
 * again to encode it: two fifths of the report's time at 3,700 files, all on one core.
 */
final class JsonBytes {
    private byte[] buf;
    private int n;

    JsonBytes(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Empties the buffer for reuse, keeping its capacity. */
    JsonBytes clear() {
        n = 0;
        return this;
    }

    byte[] bytes() {
        return buf;
    }

    int length() {
        return n;
    }

    /** The bytes of ASCII text that needs no escaping, for {@link #raw(byte[])}: the report's fixed keys and punctuation. */
    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Bytes made by {@link #ascii}, copied in one go. */
    JsonBytes raw(byte[] ascii) {
        ensure(ascii.length);
        System.arraycopy(ascii, 0, buf, n, ascii.length);
        n += ascii.length;
        return this;
    }

    /** Text that needs no escaping and is ASCII (keys, punctuation, numbers). */
    JsonBytes raw(String ascii) {
        int len = ascii.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            buf[n++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    JsonBytes raw(char ascii) {
        ensure(1);
        buf[n++] = (byte) ascii;
        return this;
    }

    /** A decimal int, written digit by digit (Integer.toString's strings were 2% of a run's allocation). */
    JsonBytes num(int value) {
        if (value < 0) {
            if (value == Integer.MIN_VALUE) {
                return raw(Integer.toString(value));
            }
            raw('-');
            value = -value;
        }
        int digits = 1;
        for (int v = value; v >= 10; v /= 10) {
            digits++;
        }
        ensure(digits);
        int k = n + digits;
        n = k;
        do {
            buf[--k] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        return this;
    }

    /** {@code s} as a JSON string literal, or {@code null}. */
    JsonBytes str(String s) {
        if (s == null) {
            return raw("null");
        }
        int len = s.length();
        ensure(6 * len + 2); // the longest encoding of one char is a six-char escape
        byte[] b = buf;
        int k = n;
        b[k++] = '"';
        // Nearly every string is ASCII: its chars are read as Latin-1 bytes fetched in one go, an array
        // load per char instead of a charAt call (which C1 does not make cheap). From the first
        // non-ASCII char on (a negative byte, or a '?' that stands for a char Latin-1 cannot encode),
        // the loop below reads the chars and encodes them.
        byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i < len) {
            // a run of bytes that stand for themselves, found by table and copied in one go
            int run = i;
            while (i < len && PLAIN[latin1[i] & 0xff]) {
                i++;
            }
            System.arraycopy(latin1, run, b, k, i - run);
            k += i - run;
            if (i == len) {
                break;
            }
            byte v = latin1[i];
            if (v == '?' && s.charAt(i) == '?' || v == '#' && !Printable.commandMarker(s, i)) {
                b[k++] = v;
            } else if (v < 0 || v == '?') {
                break;
            } else {
                k = escape((char) v, b, k);
            }
            i++;
        }
        for (; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f && (c != '#' || !Printable.commandMarker(s, i))) {
                    b[k++] = (byte) c;
                } else {
                    k = escape(c, b, k);
                }
            } else if (Printable.unsafeAt(s, i)) {
                k = escape(c, b, k);
            } else if (c < 0x800) {
                b[k++] = (byte) (0xc0 | c >> 6);
                b[k++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                // a pair (a lone half is unsafe, escaped above)
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                b[k++] = (byte) (0xf0 | cp >> 18);
                b[k++] = (byte) (0x80 | cp >> 12 & 0x3f);
                b[k++] = (byte) (0x80 | cp >> 6 & 0x3f);
                b[k++] = (byte) (0x80 | cp & 0x3f);
                i++;
            } else {
                b[k++] = (byte) (0xe0 | c >> 12);
                b[k++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[k++] = (byte) (0x80 | c & 0x3f);
            }
        }
        b[k++] = '"';
        n = k;
        return this;
    }

    /** The JSON escape of {@code c} ({@code "}, backslash, a control char or one {@link Printable#unsafeAt} names) at {@code b[k]}. */
    private static int escape(char c, byte[] b, int k) {
        b[k++] = '\\';
        switch (c) {
            case '"' -> b[k++] = '"';
            case '\\' -> b[k++] = '\\';
            case '\n' -> b[k++] = 'n';
            case '\r' -> b[k++] = 'r';
            case '\t' -> b[k++] = 't';
            case '\b' -> b[k++] = 'b';
            case '\f' -> b[k++] = 'f';
            default -> {
                b[k++] = 'u';
                b[k++] = HEX[c >> 12];
                b[k++] = HEX[c >> 8 & 0xf];
                b[k++] = HEX[c >> 4 & 0xf];
                b[k++] = HEX[c & 0xf];
            }
        }
        return k;
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /**
     * Latin-1 bytes written as they are: printable ASCII (not DEL) but {@code "} and backslash. Not '?', which
     * may stand for a char Latin-1 cannot encode, nor '#' (escaped where it makes a mid-line CI command, see
     * {@link Printable#commandMarker}), nor any byte of a non-ASCII char.
     */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int v = 0x20; v < 0x7f; v++) {
            PLAIN[v] = v != '"' && v != '\\' && v != '?' && v != '#';
        }
    }

    private void ensure(int more) {
        if (n + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }
    }

    @Override
    public String toString() {
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }
}
