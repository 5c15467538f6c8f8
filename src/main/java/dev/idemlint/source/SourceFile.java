package dev.idemlint.source;

import java.nio.file.Path;

/**
 * One Python file as read from disk: its path (absolute), the path shown to users
 * (relative to where the run started), and its decoded text.
 */
public record SourceFile(Path path, String displayPath, String text, LineIndex lines) {
    public static SourceFile of(Path path, String displayPath, String text) {
        return new SourceFile(path, displayPath, text, new LineIndex(text));
    }

    public String slice(Span span) {
        return text.substring(span.start(), span.end());
    }

    public String fileName() {
        Path name = path.getFileName();
        return name == null ? displayPath : name.toString();
    }
}
