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
}
