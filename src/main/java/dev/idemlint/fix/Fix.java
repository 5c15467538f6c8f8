package dev.idemlint.fix;

import java.util.List;

/** One way to fix a diagnostic: a title for humans, its applicability and the edits. */
public record Fix(String title, Applicability applicability, List<TextEdit> edits, List<FileChange> files) {
    public static Fix of(String title, Applicability applicability, List<TextEdit> edits) {
        return new Fix(title, applicability, List.copyOf(edits), List.of());
    }

    public static Fix displayOnly(String title, String suggestion) {
        return new Fix(title + ":\n" + suggestion, Applicability.DISPLAY_ONLY, List.of(), List.of());
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
