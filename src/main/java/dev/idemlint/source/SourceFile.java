package dev.idemlint.source;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One Python file as read from disk: its path (absolute), the path shown to users (relative to where
 * the run started), its decoded text and its line index.
 *
 * <p>A file whose findings come from the result cache knows its line index and the lines its
 * findings quote ({@link #line}) without its text: printing them decodes nothing, and the text is
 * decoded only when something asks for it. Two files are equal when their paths, shown paths and texts
 * are.
 */
public final class SourceFile {
    private final Path path;
    private final String displayPath;
    private final LineIndex lines;
    /** Lines known without the text (1-based number to content); empty when the text was given. */
    private final Map<Integer, String> known;
    private final Once<String> text;

    public SourceFile(Path path, String displayPath, String text, LineIndex lines) {
        this.path = path;
        this.displayPath = displayPath;
        this.text = Once.of(text);
        this.lines = lines;
        this.known = Map.of();
    }

    private SourceFile(Path path, String displayPath, LineIndex lines, Map<Integer, String> known,
            Supplier<String> reader) {
        this.path = path;
        this.displayPath = displayPath;
        this.lines = lines;
        this.known = Map.copyOf(known);
        this.text = new Once<>(reader);
    }

    public static SourceFile of(Path path, String displayPath, String text) {
        return new SourceFile(path, displayPath, text, new LineIndex(text));
    }

    /**
     * A file known by its line index and some of its lines (number to content, without the line
     * break); {@code reader} gives its whole text, once, when something asks for it.
     */
    public static SourceFile known(Path path, String displayPath, LineIndex lines, Map<Integer, String> known,
            Supplier<String> reader) {
        return new SourceFile(path, displayPath, lines, known, reader);
    }

    public Path path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    public LineIndex lines() {
        return lines;
    }

    public String text() {
        return text.get();
    }

    /** Whether the text is decoded: a file from the result cache decodes it only when asked for it. */
    public boolean hasText() {
        return text.made();
    }

    /** The content of 1-based line {@code n}, without its line break. */
    public String line(int n) {
        String k = known.get(n);
        if (k != null) {
            return k;
        }
        String t = text();
        return t.substring(lines.lineStart(n), lines.lineEnd(n, t));
    }

    public String slice(Span span) {
        return text().substring(span.start(), span.end());
    }

    public String fileName() {
        Path name = path.getFileName();
        return name == null ? displayPath : name.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SourceFile f && path.equals(f.path) && displayPath.equals(f.displayPath)
                && text().equals(f.text());
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + displayPath.hashCode();
    }

    @Override
    public String toString() {
        return "SourceFile[path=" + path + ", displayPath=" + displayPath + "]";
    }
}
