package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Config;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files named by the user are reported; the rest of the tree is read only as the graph's context. */
class FocusTest {
    /** Records which files a per-file rule was asked to check. */
    static final class CheckedFiles implements MigrationRule {
        final Set<String> seen = new ConcurrentSkipListSet<>();

        @Override
        public void check(Migration migration, RuleContext ctx) {
            seen.add(migration.source().fileName());
        }
    }

    @Test
    void per_file_rules_run_only_on_reported_files_while_the_graph_sees_the_whole_tree(@TempDir Path dir)
            throws IOException {
        List<Path> files = List.of(
                write(dir, "001_a.py", "'1'", "None", "    op.add_column('t', sa.Column('a', sa.Text()))\n"),
                write(dir, "002_b.py", "'2'", "'1'", "    op.add_column('t', sa.Column('b', sa.Text()))\n"),
                write(dir, "003_c.py", "'3'", "'2'", "    op.add_column('t', sa.Column('c', sa.Text()))\n"));
        CheckedFiles checked = new CheckedFiles();
        List<Rule> rules = new ArrayList<>(Registry.all());
        rules.add(checked);
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        Linter linter = new Linter(rules, RuleCatalog.load(names));

        LintResult focused = linter.lint(new LintTarget(dir, dir, files, Settings.DEFAULT, List.of(files.get(1)),
                Config.DEFAULT, Map.of()), p -> p.getFileName().toString());
        assertEquals(Set.of("002_b.py"), checked.seen, "the context files' per-file checks are skipped");
        assertTrue(focused.diagnostics().stream().allMatch(d -> d.file().fileName().equals("002_b.py")),
                focused.diagnostics().toString());
        assertTrue(focused.diagnostics().stream().anyMatch(d -> d.rule().equals("add-column-not-idempotent")),
                "the named file is linted: " + focused.diagnostics());
        assertTrue(focused.diagnostics().stream().noneMatch(d -> d.rule().equals("missing-down-revision")),
                "its parent comes from the context: " + focused.diagnostics());

        checked.seen.clear();
        LintResult whole = linter.lint(new LintTarget(dir, dir, files, Settings.DEFAULT), p -> p.getFileName().toString());
        assertEquals(Set.of("001_a.py", "002_b.py", "003_c.py"), checked.seen);
        assertEquals(3, whole.diagnostics().stream().filter(d -> d.rule().equals("add-column-not-idempotent")).count());
    }

    private static Path write(Path dir, String name, String revision, String down, String body) throws IOException {
        return Files.writeString(dir.resolve(name), "from alembic import op\nimport sqlalchemy as sa\n\nrevision = "
                + revision + "\ndown_revision = " + down + "\n\n\ndef upgrade():\n" + body);
    }
}
