package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of {@link PostgresFacts}, created by the statement {@code PostgresFactsTableTest} proves
 * fails when run twice on PostgreSQL, is a re-run finding when written unguarded, and is none with
 * {@code IF NOT EXISTS} where the server has it. No server needed: the failure itself is the other test's.
 */
class RerunFindingPerKindTest {
    /** The rules whose finding says a re-run of the revision fails on a duplicate. */
    private static final Set<String> RERUN_RULES = Set.of("create-table-not-idempotent", "add-column-not-idempotent",
            "create-index-not-idempotent", "add-constraint-not-idempotent", "create-type-unguarded",
            "create-statement-not-idempotent");

    static Stream<PostgresFacts.Row> rows() {
        return PostgresFacts.rows().stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void an_unguarded_create_of_every_kind_is_a_rerun_finding(PostgresFacts.Row row, @TempDir Path dir)
            throws IOException {
        String create = PostgresFactsTableTest.EXAMPLES.get(row.kind()).create().replace("{u}", "x");
        List<Diagnostic> plain = rerunFindings(dir, "a", create.formatted("").replace("  ", " "));
        assertEquals(1, plain.size(), () -> row.kind() + ": " + plain);
        if (row.ifNotExists(Settings.DEFAULT.postgresMajor()) && row.kind() != ObjectKind.TYPE) {
            List<Diagnostic> ine = rerunFindings(dir, "b", create.formatted("IF NOT EXISTS"));
            assertTrue(ine.isEmpty(), () -> row.kind() + " IF NOT EXISTS: " + ine);
        }
    }

    private static List<Diagnostic> rerunFindings(Path dir, String name, String sql) throws IOException {
        Path file = Files.writeString(dir.resolve("001_" + name + ".py"), "from alembic import op\n\nrevision = \"1"
                + name + "\"\ndown_revision = None\n\n\ndef upgrade():\n    op.execute(\"" + sql.replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\")\n");
        List<String> names = new java.util.ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        Linter linter = new Linter(new java.util.ArrayList<>(Registry.all()), RuleCatalog.load(names));
        List<Diagnostic> found = linter.lint(new LintTarget(dir, dir, List.of(file), Settings.DEFAULT),
                p -> p.getFileName().toString()).diagnostics();
        Files.delete(file);
        return found.stream().filter(d -> RERUN_RULES.contains(d.rule())).toList();
    }
}
