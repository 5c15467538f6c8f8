package dev.idemlint.python;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TortureFilesTest {

    static Stream<Path> validFiles() throws IOException {
        try (Stream<Path> files = Files.list(ParseSupport.resource("valid"))) {
            return files.filter(p -> p.toString().endsWith(".py")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void parses_every_valid_torture_file(Path file) {
        String text = ParseSupport.read(file);
        PythonModule module = assertDoesNotThrow(
                () -> ParseSupport.PARSER.parse(ParseSupport.source(text)), file.toString());
        for (Stmt s : module.body()) {
            SpanChecks.check(s, text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void matches_cpython_statement_kinds_and_spans(Path file) {
        String text = ParseSupport.read(file);
        Path expected = Path.of(file.toString().replaceAll("\\.py$", ".stmts"));
        List<String> ours = new ArrayList<>();
        list(ParseSupport.parse(text).body(), ours);
        assertEquals(ParseSupport.read(expected).lines().toList(), ours);
    }

    /** Pre-order, like cpython_statements.py; match cases are not statements there. */
    private static void list(List<Stmt> stmts, List<String> out) {
        for (Stmt s : stmts) {
            String kind = s instanceof Stmt.Opaque o ? o.kind() : s.getClass().getSimpleName();
            out.add(kind + " " + s.span().start() + " " + s.span().end());
            list(SpanChecks.bodies(s), out);
        }
    }
}
