package dev.idemlint.python;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.RealSources;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parses every migration file (a .py file in a {@code versions} directory) of the real projects pinned in
 * {@code ecosystem/real-sources.pins} (Debian 12 and 13 packages fetched into a cache outside the repository by
 * {@code ecosystem/real-sources}; a missing source fails under {@code IDEMLINT_PG_REQUIRED=1}, as on CI).
 * Every one is valid Python 3 (Debian byte-compiles them on install), so any syntax error is a grammar bug.
 */
class RealMigrationsTest {

    @Test
    void parses_every_real_migration_file() throws IOException {
        List<Path> files = new ArrayList<>();
        for (RealSources.Pin pin : RealSources.pins()) {
            files.addAll(PythonCorpus.migrations(RealSources.pythonPackages(pin.pkg())));
        }
        // the pinned packages ship 224 revision files (and their versions packages' __init__.py)
        assertTrue(files.size() >= 224, "found only " + files.size() + " real migration files");
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
