package dev.idemlint.source;

import java.util.Collection;
import java.util.Optional;

/**
 * The name a mistyped one was probably meant to be, for "did you mean" in usage errors: the nearest of the
 * candidates by edit distance (insertions, deletions, substitutions and swaps of two neighbours, each one
 * edit), when it is at most a third of the longer name's length away (at least one edit); ties go to the
 * first candidate. Names are compared as given, case included.
 */
public final class Spelling {
    /** Longer input is no typo of a name: its distance is not worked out (the work is quadratic). */
    private static final int MAX_LENGTH = 200;

    private Spelling() {
    }

    public static Optional<String> nearest(String typed, Collection<String> candidates) {
        if (typed == null || typed.isEmpty() || typed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equals(typed) || c.length() > MAX_LENGTH) {
                continue;
            }
            int d = distance(typed, c);
            if (d <= Math.max(1, Math.max(typed.length(), c.length()) / 3) && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: Levenshtein's, with a swap of two neighbours as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
