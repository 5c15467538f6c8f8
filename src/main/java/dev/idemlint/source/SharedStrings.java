package dev.idemlint.source;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of the short texts every migration repeats: identifiers ({@code op}, {@code sa},
 * {@code Column}, {@code nullable}...) and type names ({@code sa.Text}, {@code sa.DateTime}). A copy
 * per use was a large part of what a big run keeps to its end, and each young collection copies what
 * is kept. Bounded, so odd inputs cannot grow it without limit.
 */
public final class SharedStrings {
    private static final int LONGEST = 64;
    private static final int MOST = 100_000;
    private static final ConcurrentHashMap<String, String> SHARED = new ConcurrentHashMap<>();

    private SharedStrings() {
    }

    /** The shared copy of {@code s} (equal to it), or {@code s} itself when it is long or the table full. */
    public static String of(String s) {
        String shared = SHARED.get(s);
        if (shared != null) {
            return shared;
        }
        if (s.length() <= LONGEST && SHARED.size() < MOST) {
            shared = SHARED.putIfAbsent(s, s);
            return shared == null ? s : shared;
        }
        return s;
    }
}
