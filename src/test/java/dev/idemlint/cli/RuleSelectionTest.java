package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --select/--ignore and the config's select/ignore take categories and prefixes; a bad config stops the run. */
class RuleSelectionTest {
    private static final String EXAMPLE = "examples/basketball-api";
    private static final Pattern RULE = Pattern.compile("\"rule\": \"([a-z-]+)\"");

    private static TreeSet<String> rules(CliRun.Result r) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = RULE.matcher(r.out());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void a_category_selects_its_rules_only() {
        CliRun.Result r = CliRun.run("lint", "--format", "json", "--select", "graph", EXAMPLE);
        assertEquals(1, r.exit(), r.err());
        assertEquals(new TreeSet<>(List.of("duplicate-revision-id")), rules(r));
    }

    @Test
    void a_prefix_selects_the_rules_it_begins_and_ignore_takes_categories() {
        CliRun.Result r = CliRun.run("lint", "--format", "json", "--select", "create", EXAMPLE);
        assertEquals(new TreeSet<>(List.of("create-index-not-idempotent", "create-table-not-idempotent")), rules(r));
        r = CliRun.run("lint", "--format", "json", "--ignore", "idempotency,graph,locks", EXAMPLE);
        assertEquals(new TreeSet<>(List.of("enum-type-created-twice")), rules(r));
    }

    @Test
    void config_names_the_settings_file_for_every_tree(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ci-idemlint.toml");
        Files.writeString(config, "select = [\"graph\"]\n");
        CliRun.Result r = CliRun.run("lint", "--format", "json", "--config", config.toString(), EXAMPLE);
        assertEquals(1, r.exit(), r.err());
        assertEquals(new TreeSet<>(List.of("duplicate-revision-id")), rules(r));
        Path pyproject = dir.resolve("pyproject.toml");
        Files.writeString(pyproject, "[tool.idemlint]\nignore = [\"ALL\"]\n");
        r = CliRun.run("lint", "--format", "json", "--config", pyproject.toString(), EXAMPLE);
        assertEquals(0, r.exit(), r.err());
        r = CliRun.run("lint", "--config", dir.resolve("missing.toml").toString(), EXAMPLE);
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("missing.toml: cannot read: no such file or directory"), r.err());
    }

    @Test
    void an_unknown_selector_is_a_usage_error() {
        CliRun.Result r = CliRun.run("lint", "--select", "graphs", EXAMPLE);
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("unknown rule or category 'graphs'"), r.err());
    }

    @Test
    void a_config_error_stops_the_run_before_any_report(@TempDir Path dir) throws Exception {
        Path versions = Files.createDirectories(dir.resolve("alembic/versions"));
        Files.writeString(versions.resolve("001_base.py"), """
                revision = "001"
                down_revision = None


                def upgrade():
                    op.add_column("t", sa.Column("c", sa.Text()))
                """);
        for (String config : List.of("ignore = [\"add-colum-not-idempotent\"]\n", "colour = true\n", "select = [\n")) {
            Files.writeString(dir.resolve(".idemlint.toml"), config);
            CliRun.Result r = CliRun.run("lint", dir.toString());
            assertEquals(2, r.exit(), config + r.out());
            assertEquals("", r.out(), config);
            assertTrue(r.err().matches("(?s).*\\.idemlint\\.toml:[12]: .*"), r.err());
            assertTrue(r.err().contains("nothing was linted"), r.err());
        }
        Files.writeString(dir.resolve(".idemlint.toml"), "ignore = [\"add-colum-not-idempotent\"]\n[severity]\n"
                + "multiple-head = \"warning\"\n");
        CliRun.Result typo = CliRun.run("lint", dir.toString());
        assertTrue(typo.err().contains(":1: unknown rule 'add-colum-not-idempotent' in ignore; did you mean"
                + " 'add-column-not-idempotent'?"), typo.err());
        assertTrue(typo.err().contains(":3: unknown rule 'multiple-head' in [severity]; did you mean 'multiple-heads'?"),
                typo.err());
        Files.writeString(dir.resolve(".idemlint.toml"), "ignore = [\"idempotency\"]\n");
        CliRun.Result r = CliRun.run("lint", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
    }
}
