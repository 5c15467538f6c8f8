package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Discovery;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One linter lints run after run (the Language Server's edits): each run reads the project as it is then. */
class LinterReuseTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/rules/add-constraint-not-idempotent/naming_convention");

    private static Linter linter() {
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        return new Linter(Registry.all(), RuleCatalog.load(names));
    }

    private static String messages(Linter linter, Path project) {
        LintTarget target = new Discovery(Settings.DEFAULT).discover(List.of(project)).targets().get(0);
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : linter.lint(target, p -> p.getFileName().toString()).diagnostics()) {
            out.append(d.rule()).append(": ").append(d.message()).append('\n');
        }
        return out.toString();
    }

    @Test
    void a_naming_convention_changed_between_runs_is_read_again(@TempDir Path tmp) throws IOException {
        Path project = tmp.resolve("named");
        try (Stream<Path> s = Files.walk(FIXTURE)) {
            for (Path p : s.sorted().toList()) {
                Path t = project.resolve(FIXTURE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        Linter linter = linter();
        String before = messages(linter, project);
        assertTrue(before.contains("\"fk_orders_customer_id_customers\""), before);
        Path models = project.resolve("models.py");
        Files.writeString(models, Files.readString(models).replace("\"fk\": \"fk_%", "\"fk\": \"fkey_%"));
        String after = messages(linter, project);
        assertTrue(after.contains("\"fkey_orders_customer_id_customers\""), after);
        assertEquals(messages(linter(), project), after);
    }
}
