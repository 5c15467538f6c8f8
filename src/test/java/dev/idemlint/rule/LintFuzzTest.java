package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.fixture.FuzzDeadline;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target: any bytes as the one revision of a versions folder, linted by every rule. The lint
 * returns (no exception or error escapes), within {@link FuzzDeadline#LIMIT}; every finding points
 * inside its file; and no finding says the analyzer itself failed (an internal parser or model
 * failure, which the pipeline reports as a {@code parse-error} to keep the run going).
 */
class LintFuzzTest {
    @TempDir
    static Path dir;

    @MethodSource("dev.idemlint.fixture.FuzzSeeds#pythonFiles")
    @FuzzTest(maxDuration = "10s")
    void lint_of_one_revision_holds_on_any_input(byte[] input) throws Exception {
        FuzzProject project = new FuzzProject(dir);
        LintTarget target = project.write(input);
        LintResult result = FuzzDeadline.within(() -> FuzzProject.LINTER.lint(target, project.display()));
        for (Diagnostic d : result.diagnostics()) {
            int length = d.file().text().length();
            assertTrue(d.span().start() >= 0 && d.span().start() <= d.span().end() && d.span().end() <= length,
                    () -> "finding outside its file (" + length + " chars): " + d);
        }
        assertEquals(List.of(), FuzzProject.internalFailures(result.diagnostics()), "the analyzer failed");
    }
}
