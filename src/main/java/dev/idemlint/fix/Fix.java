package dev.idemlint.fix;

import java.util.ArrayList;
import java.util.List;

/** One way to fix a diagnostic: a title for humans, its applicability and the edits. */
public record Fix(String title, Applicability applicability, List<TextEdit> edits, List<FileChange> files) {
    public static Fix of(String title, Applicability applicability, List<TextEdit> edits) {
        return new Fix(title, applicability, List.copyOf(edits), List.of());
    }

    public static Fix displayOnly(String title, String suggestion) {
        return new Fix(title + ":\n" + suggestion, Applicability.DISPLAY_ONLY, List.of(), List.of());
    }

    /**
     * This fix with {@code other}'s edits too, titled {@code title}, as safe as the less safe of the two; null when
     * an edit of {@code other} collides with one of this fix ({@link FixApplier}'s rule: an identical edit is
     * shared) or either changes whole files.
     */
    public Fix joinedWith(Fix other, String title) {
        if (!files.isEmpty() || !other.files().isEmpty()) {
            return null;
        }
        List<TextEdit> joined = new ArrayList<>(edits);
        for (TextEdit e : other.edits()) {
            boolean shared = false;
            for (TextEdit a : edits) {
                if (FixApplier.collide(e, a)) {
                    return null;
                }
                shared |= a.range().equals(e.range()) && a.replacement().equals(e.replacement());
            }
            if (!shared) {
                joined.add(e);
            }
        }
        Applicability weaker = applicability.compareTo(other.applicability()) >= 0 ? applicability : other.applicability();
        return new Fix(title, weaker, List.copyOf(joined), List.of());
    }

    /** Removes the nulls (fixes a builder could not make) from {@code fixes}. */
    public static void dropMissing(List<Fix> fixes) {
        for (int i = fixes.size() - 1; i >= 0; i--) {
            if (fixes.get(i) == null) {
                fixes.remove(i);
            }
        }
    }
}
