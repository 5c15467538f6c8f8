package dev.idemlint.graph;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.MigrationReader;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonSyntaxError;
import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads revision files for graph tests through the real parser and migration reader. */
final class HeaderReader {
    private static final PythonParser PARSER = new PythonParser();
    private static final MigrationReader READER = new MigrationReader();

    private HeaderReader() {
    }

    static Migration file(String name, String text) {
        return read(Path.of("versions", name), "versions/" + name, text);
    }

    static List<Migration> dir(Path versions) {
        try (Stream<Path> s = Files.list(versions)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted()
                    .map(p -> read(p, "versions/" + p.getFileName(), readString(p))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Migration read(Path path, String display, String text) {
        try {
            return READER.read(PARSER.parse(SourceFile.of(path, display, text)));
        } catch (PythonSyntaxError e) {
            throw new IllegalArgumentException(display + ": " + e.getMessage(), e);
        }
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
