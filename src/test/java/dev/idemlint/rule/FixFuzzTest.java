package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.fix.AtomicWriter;
import dev.idemlint.fixture.FuzzDeadline;
import dev.idemlint.python.PythonParser;
import dev.idemlint.source.SourceEncoding;
import dev.idemlint.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target: {@code --fix --unsafe-fixes} on any bytes as the one revision of a versions folder. The
 * fix loop (lint, apply, re-parse, re-lint) returns within {@link FuzzDeadline#LIMIT} with no problem
 * to report (a fix whose result does not parse is one); every fixed text parses, holds no NUL the input
 * did not (CPython refuses such a file) and is written as the CLI writes it; the lint of the written files finds no analyzer failure; and a second fix pass over
 * them changes nothing (the fixes converged).
 */
class FixFuzzTest {
    private static final PythonParser PARSER = new PythonParser();
    /** As the CLI writes the files a fix creates: UTF-8 without a BOM. */
    private static final SourceEncoding NEW_FILE = new SourceEncoding(StandardCharsets.UTF_8, false);

    @TempDir
    static Path dir;

    @MethodSource("dev.idemlint.fixture.FuzzSeeds#pythonFiles")
    @FuzzTest(maxDuration = "10s")
    void fixes_parse_and_converge_on_any_input(byte[] input) throws Exception {
        FuzzProject project = new FuzzProject(dir);
        LintTarget target = project.write(input);
        FixLoop.Outcome first = FuzzDeadline.within(() -> new FixLoop(FuzzProject.LINTER).run(target,
                project.display(), true));
        assertEquals(List.of(), first.problems(), "the fix loop reported problems");
        if (first.files().isEmpty()) {
            return;
        }
        boolean nul = new String(input, StandardCharsets.UTF_8).indexOf('\0') >= 0;
        for (FixLoop.FixedFile f : first.files()) {
            PARSER.parse(SourceFile.of(f.path(), f.displayPath(), f.text())); // throws when it does not parse
            // CPython refuses a source file holding a NUL ("source code cannot contain null bytes")
            assertTrue(nul || f.text().indexOf('\0') < 0, f.displayPath() + ": the fixes wrote a NUL character");
            AtomicWriter.Outcome written = f.created() ? AtomicWriter.create(f.path(), f.text(),
                    NEW_FILE) ? AtomicWriter.Outcome.WRITTEN : AtomicWriter.Outcome.EXISTS
                    : f.moved() ? AtomicWriter.move(f.snapshot(), f.path(), f.text())
                    : AtomicWriter.write(f.snapshot(), f.text());
            assertEquals(AtomicWriter.Outcome.WRITTEN, written, f.displayPath() + ": not written");
            assertTrue(Files.isRegularFile(f.path()), f.displayPath() + ": missing after the write");
        }
        LintTarget fixed = project.target();
        FixLoop.Outcome second = FuzzDeadline.within(() -> new FixLoop(FuzzProject.LINTER).run(fixed,
                project.display(), true));
        assertEquals(List.of(), FuzzProject.internalFailures(second.remaining().diagnostics()),
                "the analyzer failed on the fixed text");
        assertEquals(List.of(), second.problems(), "the second fix pass reported problems");
        assertEquals(List.of(), second.files().stream().map(f -> f.displayPath() + ":\n" + f.text()).toList(),
                "a second fix pass changed the fixed text: the fixes did not converge");
    }
}
