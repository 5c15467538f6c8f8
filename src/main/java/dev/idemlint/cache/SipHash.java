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
    private long a0;
    private long a1;
    private long a2;
    private long a3;
    private long b0;
    private long b1;
    private long b2;
    private long b3;
    /** Bytes not yet making up a whole word, little-endian, and how many. */
    private long tail;
    private int tailBytes;
    private long length;

    /** A hasher under the 32-byte {@code key} (its first half keys one lane, the second the other). */
    SipHash(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a SipHash key pair is 32 bytes");
        }
        long k0 = word(key, 0);
        long k1 = word(key, 8);
        long k2 = word(key, 16);
        long k3 = word(key, 24);
        a0 = k0 ^ 0x736f6d6570736575L;
        a1 = k1 ^ 0x646f72616e646f6dL;
        a2 = k0 ^ 0x6c7967656e657261L;
        a3 = k1 ^ 0x7465646279746573L;
        b0 = k2 ^ 0x736f6d6570736575L;
        b1 = k3 ^ 0x646f72616e646f6dL;
        b2 = k2 ^ 0x6c7967656e657261L;
        b3 = k3 ^ 0x7465646279746573L;
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

    /** A length-prefixed piece, so that no two sequences of pieces hash alike by running together. */
    void piece(byte[] b) {
        int n = b.length;
        update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        update(b);
    }

    void piece(String s) {
        piece(s.getBytes(StandardCharsets.UTF_8));
    }

    private void compress(long m) {
        a3 ^= m;
        b3 ^= m;
        for (int r = 0; r < 2; r++) {
            rounds();
        }
        a0 ^= m;
        b0 ^= m;
    }

    private void rounds() {
        a0 += a1;
        a1 = Long.rotateLeft(a1, 13);
        a1 ^= a0;
        a0 = Long.rotateLeft(a0, 32);
        a2 += a3;
        a3 = Long.rotateLeft(a3, 16);
        a3 ^= a2;
        a0 += a3;
        a3 = Long.rotateLeft(a3, 21);
        a3 ^= a0;
        a2 += a1;
        a1 = Long.rotateLeft(a1, 17);
        a1 ^= a2;
        a2 = Long.rotateLeft(a2, 32);
        b0 += b1;
        b1 = Long.rotateLeft(b1, 13);
        b1 ^= b0;
        b0 = Long.rotateLeft(b0, 32);
        b2 += b3;
        b3 = Long.rotateLeft(b3, 16);
        b3 ^= b2;
        b0 += b3;
        b3 = Long.rotateLeft(b3, 21);
        b3 ^= b0;
        b2 += b1;
        b1 = Long.rotateLeft(b1, 17);
        b1 ^= b2;
        b2 = Long.rotateLeft(b2, 32);
    }

    /** The two lanes' SipHash-2-4 of everything fed, 8 bytes each, little-endian. */
    byte[] finish() {
        long last = (length & 0xffL) << 56 | tail;
        compress(last);
        a2 ^= 0xff;
        b2 ^= 0xff;
        for (int r = 0; r < 4; r++) {
            rounds();
        }
        long x = a0 ^ a1 ^ a2 ^ a3;
        long y = b0 ^ b1 ^ b2 ^ b3;
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (x >>> (8 * i));
            out[8 + i] = (byte) (y >>> (8 * i));
        }
        return out;
    }
}
