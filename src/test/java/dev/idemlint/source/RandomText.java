package dev.idemlint.source;

import java.util.Random;

/** Texts made of random pieces, for tests that hold a fast path to the slow one it replaces. */
public final class RandomText {
    private RandomText() {
    }

    /** Up to {@code most - 1} pieces, each drawn from {@code pieces}, joined. */
    public static String of(Random random, String[] pieces, int most) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(most);
        for (int k = 0; k < n; k++) {
            b.append(pieces[random.nextInt(pieces.length)]);
        }
        return b.toString();
    }
}
