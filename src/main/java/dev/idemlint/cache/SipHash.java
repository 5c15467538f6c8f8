package dev.idemlint.cache;

import java.nio.charset.StandardCharsets;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012), a keyed hash made to authenticate short and long inputs:
 * without the key, nobody can find two inputs with one hash or make an input with a given hash. Two
 * lanes under independent keys give 128 bits. It keys and signs the cache's entries: the JDK's SHA-256
 * has no C1 intrinsic, and on the launcher's C1-only JVM it took half of a warm run (4.5 MB of revisions
 * and 5 MB of entries), where this takes a fraction. Fed in pieces; {@link #finish} gives 16 bytes.
 *
 * <p>The content key must stay keyed or cryptographic: a pull request chooses the bytes of its revisions,
 * and a collision would serve it the findings of other bytes. CRC-32C, which the JVM computes in one
 * instruction per word, is linear (for inputs of one length, CRC(a) xor CRC(b) depends only on a xor b,
 * whatever the starting value), so anyone can make a collision without the key. Over the 4.5 MB of
 * the equal-work set this hash is about 2% of a warm run's CPU (JFR), below what would pay for a
 * second, faster keyed hash.
 */
final class SipHash {
    private final Lane a;
    private final Lane b;
    /** Bytes not yet making up a whole word, little-endian, and how many. */
    private long tail;
    private int tailBytes;
    private long length;

    /** A hasher under the 32-byte {@code key} (its first half keys one lane, the second the other). */
    SipHash(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a SipHash key pair is 32 bytes");
        }
        a = new Lane(word(key, 0), word(key, 8));
        b = new Lane(word(key, 16), word(key, 24));
    }

    private static long word(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
                | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48
                | (b[i + 7] & 0xffL) << 56;
    }

    void update(byte[] b) {
        update(b, 0, b.length);
    }

    void update(byte[] b, int offset, int n) {
        length += n;
        int i = offset;
        int end = offset + n;
        while (tailBytes != 0 && i < end) {
            tail |= (b[i++] & 0xffL) << (8 * tailBytes);
            if (++tailBytes == 8) {
                compress(tail);
                tail = 0;
                tailBytes = 0;
            }
        }
        for (; end - i >= 8; i += 8) {
            compress(word(b, i));
        }
        for (; i < end; i++) {
            tail |= (b[i] & 0xffL) << (8 * tailBytes++);
        }
    }

    /** Feeds a length-prefixed piece, so that no two sequences of pieces hash alike by running together. */
    SipHash piece(byte[] b) {
        int n = b.length;
        update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        update(b);
        return this;
    }

    SipHash piece(String s) {
        return piece(s.getBytes(StandardCharsets.UTF_8));
    }

    private void compress(long m) {
        a.compress(m);
        b.compress(m);
    }

    /** The two lanes' SipHash-2-4 of everything fed, 8 bytes each, little-endian. */
    byte[] finish() {
        long last = (length & 0xffL) << 56 | tail;
        compress(last);
        long x = a.finish();
        long y = b.finish();
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (x >>> (8 * i));
            out[8 + i] = (byte) (y >>> (8 * i));
        }
        return out;
    }

    /** One SipHash-2-4 state under a 16-byte key. */
    private static final class Lane {
        private long v0;
        private long v1;
        private long v2;
        private long v3;

        Lane(long k0, long k1) {
            v0 = k0 ^ 0x736f6d6570736575L;
            v1 = k1 ^ 0x646f72616e646f6dL;
            v2 = k0 ^ 0x6c7967656e657261L;
            v3 = k1 ^ 0x7465646279746573L;
        }

        void compress(long m) {
            v3 ^= m;
            round();
            round();
            v0 ^= m;
        }

        /** The hash, after the last word was compressed. */
        long finish() {
            v2 ^= 0xff;
            for (int r = 0; r < 4; r++) {
                round();
            }
            return v0 ^ v1 ^ v2 ^ v3;
        }

        private void round() {
            v0 += v1;
            v1 = Long.rotateLeft(v1, 13);
            v1 ^= v0;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v3;
            v3 = Long.rotateLeft(v3, 16);
            v3 ^= v2;
            v0 += v3;
            v3 = Long.rotateLeft(v3, 21);
            v3 ^= v0;
            v2 += v1;
            v1 = Long.rotateLeft(v1, 17);
            v1 ^= v2;
            v2 = Long.rotateLeft(v2, 32);
        }
    }
}
