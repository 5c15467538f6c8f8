package dev.idemlint.fix;

import dev.idemlint.source.Span;
import java.nio.file.Path;

/** Replace {@code range} of {@code file} (half-open char offsets) with {@code replacement}. */
public record TextEdit(Path file, Span range, String replacement) {
    public static TextEdit insert(Path file, int offset, String text) {
        return new TextEdit(file, new Span(offset, offset), text);
    }

    public static TextEdit replace(Path file, Span range, String text) {
        return new TextEdit(file, range, text);
    }

    public static TextEdit delete(Path file, Span range) {
        return new TextEdit(file, range, "");
    }
}
