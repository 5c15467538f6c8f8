package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure of idemlint on one file costs that file a located internal-error, never the run. */
class InternalErrorTest {
    /** A rule that fails, as a bug or an exhausted stack or heap would, on files named {@code *_bad.py}. */
    private static final class FailingRule implements MigrationRule {
        private final Supplier<Throwable> failure;

        FailingRule(Supplier<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public String name() {
            return "failing-rule";
        }

        @Override
        public void check(Migration migration, RuleContext ctx) {
            if (migration.source().fileName().endsWith("_bad.py")) {
                Throwable t = failure.get();
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
        }
    }

    private static LintResult lint(Path dir, Supplier<Throwable> failure) throws IOException {
        Files.writeString(dir.resolve("001_good.py"), "revision = '1'\ndown_revision = None\n\ndef upgrade():\n"
                + "    op.add_column('t', sa.Column('c', sa.Text()))\n");
        Files.writeString(dir.resolve("002_bad.py"), "revision = '2'\ndown_revision = '1'\n\ndef upgrade():\n"
                + "    op.add_column('t', sa.Column('d', sa.Text()))\n");
        Files.writeString(dir.resolve("003_good.py"), "revision = '3'\ndown_revision = '2'\n\ndef upgrade():\n"
                + "    op.add_column('t', sa.Column('e', sa.Text()))\n");
        List<Rule> rules = new ArrayList<>(Registry.all());
        rules.add(new FailingRule(failure));
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        Linter linter = new Linter(rules, RuleCatalog.load(names));
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        return linter.lint(new LintTarget(dir, dir, files, Settings.DEFAULT), p -> p.getFileName().toString());
    }

    @Test
    void an_exception_a_stack_overflow_or_out_of_memory_in_one_file_is_a_finding_on_it(@TempDir Path tmp)
            throws IOException {
        List<Supplier<Throwable>> failures = List.of(() -> new IllegalStateException("bug"),
                StackOverflowError::new, () -> new OutOfMemoryError("Java heap space"));
        int k = 0;
        for (Supplier<Throwable> failure : failures) {
            Path dir = Files.createDirectory(tmp.resolve("case" + k++));
            LintResult r = lint(dir, failure);
            List<Diagnostic> internal = r.diagnostics().stream()
                    .filter(d -> d.rule().equals(BuiltinChecks.INTERNAL_ERROR)).toList();
            assertEquals(1, internal.size(), r.diagnostics().toString());
            Diagnostic d = internal.get(0);
            assertEquals("002_bad.py", d.file().fileName());
            assertEquals(1, d.line());
            assertTrue(d.message().contains(failure.get().getClass().getSimpleName()), d.message());
            for (String good : List.of("001_good.py", "003_good.py")) {
                assertTrue(r.diagnostics().stream().anyMatch(x -> x.rule().equals("add-column-not-idempotent")
                        && x.file().fileName().equals(good)), good + " is still linted: " + r.diagnostics());
            }
            // the failed file has no model: no finding of its own but the internal error
            assertTrue(r.diagnostics().stream().filter(x -> x.file().fileName().equals("002_bad.py"))
                    .allMatch(x -> x.rule().equals(BuiltinChecks.INTERNAL_ERROR)), r.diagnostics().toString());
        }
    }
}
