package dev.idemlint.python;

import static org.junit.jupiter.api.Assertions.fail;

import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

final class ParseSupport {
    static final PythonParser PARSER = new PythonParser();

    private ParseSupport() {
    }

    static SourceFile source(String text) {
        return SourceFile.of(Path.of("/virtual/test.py"), "test.py", text);
    }

    static PythonModule parse(String text) {
        try {
            return PARSER.parse(source(text));
        } catch (PythonSyntaxError e) {
            return fail("unexpected syntax error at " + e.offset() + ": " + e.getMessage());
        }
    }

    static List<Stmt> body(String text) {
        return parse(text).body();
    }

    static Expr expr(String text) {
        return ((Stmt.ExprStmt) body(text).get(0)).expr();
    }

    static String dump(String text) {
        return NodeDump.of(body(text));
    }

    static PythonSyntaxError error(String text) {
        try {
            PARSER.parse(source(text));
        } catch (PythonSyntaxError e) {
            return e;
        }
        return fail("expected a syntax error");
    }

    static Path resource(String relative) {
        return Path.of(System.getProperty("idemlint.root", "."), "src/test/resources/python", relative);
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
