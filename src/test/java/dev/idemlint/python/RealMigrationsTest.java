package dev.idemlint.python;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parses every migration file (a .py file in a {@code versions} directory) under /tmp/realrepos
 * (checkouts of real projects) when that directory exists. Every one is valid Python, so any syntax
 * error is a grammar bug.
 */
class RealMigrationsTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.realrepos", "/tmp/realrepos"));

    @Test
    void parses_every_real_migration_file() throws IOException {
        assumeTrue(Files.isDirectory(ROOT), ROOT + " is absent");
        List<Path> files = PythonCorpus.migrations(ROOT);
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (Path file : files) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                        .toString();
            } catch (CharacterCodingException notUtf8) {
                continue;
            }
            try {
                PythonModule module = ParseSupport.PARSER.parse(ParseSupport.source(text));
                for (Stmt s : module.body()) {
                    SpanChecks.check(s, text);
                }
            } catch (PythonSyntaxError e) {
                failures.add(file + " @" + e.offset() + ": " + e.getMessage());
            } catch (AssertionError e) {
                failures.add(file + ": " + e.getMessage());
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("parsed %d real migration files in %d ms, %d failures%n", files.size(), millis,
                failures.size());
        failures.forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " files failed to parse:\n" + String.join("\n", failures));
    }
}
