package dev.idemlint.graph;

import dev.idemlint.migration.Assigned;
import dev.idemlint.migration.DocHeader;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.RevisionHeader;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads revision headers with regular expressions so graph tests need no Python parser: module
 * level {@code name = literal} (optionally annotated, trailing comment allowed) and the docstring's
 * header lines. Only for the small, regular files tests write.
 */
final class HeaderReader {
    private static final Pattern ASSIGN = Pattern.compile(
            "(?m)^(revision|down_revision|branch_labels|depends_on)\\s*(?::[^=\\n]+)?=\\s*(.*?)\\s*(?:#.*)?$");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"|'([^']*)'");
    private static final Pattern DOC = Pattern.compile("(?m)^(Revision ID|Revises|Create Date):[ \\t]*(.*?)[ \\t]*$");

    private HeaderReader() {
    }

    static Migration file(String name, String text) {
        return read(Path.of("/virtual/versions", name), "versions/" + name, text);
    }

    static List<Migration> dir(Path versions) {
        try (Stream<Path> s = Files.list(versions)) {
            List<Migration> out = new ArrayList<>();
            for (Path p : s.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                out.add(read(p, "versions/" + p.getFileName(), Files.readString(p)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Migration read(Path path, String display, String text) {
        SourceFile src = SourceFile.of(path, display, text);
        Assigned<String> revision = null;
        Assigned<List<String>> down = null;
        Assigned<List<String>> labels = null;
        Assigned<List<String>> depends = null;
        Matcher m = ASSIGN.matcher(text);
        while (m.find()) {
            Span stmt = new Span(m.start(), m.end());
            Span value = new Span(m.start(2), m.end(2));
            List<String> strings = strings(m.group(2));
            boolean none = m.group(2).equals("None");
            switch (m.group(1)) {
                case "revision" -> revision = new Assigned<>(strings.isEmpty() ? null : strings.get(0), stmt, value,
                        !strings.isEmpty());
                case "down_revision" -> down = new Assigned<>(strings, stmt, value, none || !strings.isEmpty());
                case "branch_labels" -> labels = new Assigned<>(strings, stmt, value, true);
                default -> depends = new Assigned<>(strings, stmt, value, true);
            }
        }
        DocHeader doc = DocHeader.NONE;
        int docEnd = text.startsWith("\"\"\"") ? text.indexOf("\"\"\"", 3) : -1;
        if (docEnd > 0) {
            String rid = null;
            Span ridSpan = null;
            String revises = null;
            Span revisesSpan = null;
            String date = null;
            Matcher d = DOC.matcher(text).region(0, docEnd);
            while (d.find()) {
                Span s = new Span(d.start(2), d.end(2));
                switch (d.group(1)) {
                    case "Revision ID" -> {
                        rid = d.group(2);
                        ridSpan = s;
                    }
                    case "Revises" -> {
                        revises = d.group(2);
                        revisesSpan = s;
                    }
                    default -> date = d.group(2);
                }
            }
            doc = new DocHeader(rid, ridSpan, revises, revisesSpan, date);
        }
        return new Migration(src, new RevisionHeader(revision, down, labels, depends, doc), List.of(), null);
    }

    private static List<String> strings(String expr) {
        List<String> out = new ArrayList<>();
        Matcher s = STRING.matcher(expr);
        while (s.find()) {
            out.add(s.group(1) != null ? s.group(1) : s.group(2));
        }
        return List.copyOf(out);
    }
}
