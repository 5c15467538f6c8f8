package dev.idemlint.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies fixes to one file's text. A fix is all or nothing: it is accepted only when none of its
 * edits collides with an edit already accepted (an edit identical to an accepted one is shared, not
 * a collision, so two fixes may add the same import). Accepted edits are applied from the end of the
 * text backwards, so earlier offsets stay valid. Skipped fixes are reported; the caller re-lints and
 * offers them again on the next pass.
 */
public final class FixApplier {
    /** The new text, the fixes applied and the fixes skipped (overlap, bad range, or whole-file changes). */
    public record Result(String text, List<Fix> applied, List<Fix> skipped) {
        public int appliedCount() {
            return applied.size();
        }

        public boolean changed() {
            return !applied.isEmpty();
        }
    }

    private FixApplier() {
    }

    /**
     * Applies {@code fixes} in order of preference (earlier fixes win a collision). Fixes without
     * edits (display-only suggestions) are neither applied nor skipped.
     */
    public static Result apply(String text, List<Fix> fixes) {
        List<TextEdit> accepted = new ArrayList<>();
        List<Fix> applied = new ArrayList<>();
        List<Fix> skipped = new ArrayList<>();
        for (Fix fix : fixes) {
            if (fix.edits().isEmpty() && fix.files().isEmpty()) {
                continue;
            }
            // Whole-file changes (new files, renames) are outside what a text pass can prove.
            if (!fix.files().isEmpty() || !fits(fix, text.length()) || collidesWithin(fix.edits())) {
                skipped.add(fix);
                continue;
            }
            boolean collides = false;
            for (TextEdit e : fix.edits()) {
                for (TextEdit a : accepted) {
                    if (collide(e, a)) {
                        collides = true;
                        break;
                    }
                }
                if (collides) {
                    break;
                }
            }
            if (collides) {
                skipped.add(fix);
                continue;
            }
            for (TextEdit e : fix.edits()) {
                boolean already = false;
                for (TextEdit a : accepted) {
                    already |= same(a, e);
                }
                if (!already) {
                    accepted.add(e);
                }
            }
            applied.add(fix);
        }
        return new Result(applyEdits(text, accepted), List.copyOf(applied), List.copyOf(skipped));
    }

    /** Applies non-colliding edits from the end backwards. */
    static String applyEdits(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(new Comparator<TextEdit>() {
            @Override
            public int compare(TextEdit a, TextEdit b) {
                int c = Integer.compare(a.range().start(), b.range().start());
                return c != 0 ? c : Integer.compare(a.range().end(), b.range().end());
            }
        });
        StringBuilder sb = new StringBuilder(text);
        for (int i = sorted.size() - 1; i >= 0; i--) {
            TextEdit e = sorted.get(i);
            sb.replace(e.range().start(), e.range().end(), e.replacement());
        }
        return sb.toString();
    }

    /** Every edit has a range inside the text and a replacement: a builder's slip skips its fix, no more. */
    private static boolean fits(Fix fix, int length) {
        for (TextEdit e : fix.edits()) {
            if (e == null || e.range() == null || e.replacement() == null || e.range().start() < 0
                    || e.range().start() > e.range().end() || e.range().end() > length) {
                return false;
            }
        }
        return true;
    }

    private static boolean collidesWithin(List<TextEdit> edits) {
        for (int i = 0; i < edits.size(); i++) {
            for (int j = i + 1; j < edits.size(); j++) {
                if (collide(edits.get(i), edits.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean same(TextEdit a, TextEdit b) {
        return a.range().equals(b.range()) && a.replacement().equals(b.replacement());
    }

    /**
     * Two edits collide when their ranges overlap, or when they start at the same offset (two
     * insertions there, or an insertion before a replacement, have no defined order). Edits that only
     * touch end to start do not collide. Identical edits never collide.
     */
    static boolean collide(TextEdit a, TextEdit b) {
        if (same(a, b)) {
            return false;
        }
        int as = a.range().start();
        int ae = a.range().end();
        int bs = b.range().start();
        int be = b.range().end();
        return as == bs || as < be && bs < ae;
    }
}
