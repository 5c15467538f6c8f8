package dev.idemlint.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path tmp;
    Layout p;

    @BeforeEach
    void setUp() {
        p = new Layout(tmp);
    }

    @Test
    void reads_every_key_of_idemlint_toml() {
        p.file(".idemlint.toml", """
                select = ["ALL"]
                ignore = ["multiple-heads"]
                versions = ["db/migrations/versions"]
                alembic-version = "1.8.1"
                sqlalchemy-version = "1.4.46"
                postgres-version = 13
                baseline = ".idemlint-baseline.json"
                fail-on = "warning"
                exclude = ["legacy/**"]

                [severity]
                drop-column-not-idempotent = "warning"
                """);
        Config c = Config.load(tmp, f -> true);
        assertEquals(List.of(), c.problems());
        assertEquals(p.path(".idemlint.toml"), c.file());
        assertEquals(List.of(p.path("db/migrations/versions")), c.versions());
        assertEquals(Version.parse("1.8.1"), c.alembic());
        assertEquals(Version.parse("1.4.46"), c.sqlalchemy());
        assertEquals(13, c.postgresMajor());
        assertEquals(p.path(".idemlint-baseline.json"), c.baseline());
        assertEquals("warning", c.failOn());
        assertEquals(Map.of("drop-column-not-idempotent", "warning"), c.severity());
        assertEquals("warning", c.severityFor("drop-column-not-idempotent"));
        assertNull(c.severityFor("add-column-not-idempotent"));
        assertTrue(c.isEnabled("add-column-not-idempotent", () -> "idempotency"));
        assertFalse(c.isEnabled("multiple-heads", () -> "graph"));
        assertTrue(c.excludes(p.path("legacy/versions/a.py")));
        assertFalse(c.excludes(p.path("migrations/versions/a.py")));
    }

    @Test
    void reads_tool_idemlint_in_pyproject() {
        p.file("pyproject.toml", """
                [project]
                name = "app"

                [tool.idemlint]
                select = ["add-column-not-idempotent", "create-table-not-idempotent"]
                fail_on = "never"

                [tool.idemlint.severity]
                create-table-not-idempotent = "info"
                """);
        Config c = Config.load(tmp, f -> true);
        assertEquals(List.of(), c.problems());
        assertTrue(c.isEnabled("add-column-not-idempotent", () -> "idempotency"));
        assertFalse(c.isEnabled("multiple-heads", () -> "graph"));
        assertEquals("never", c.failOn());
        assertEquals("info", c.severityFor("create-table-not-idempotent"));
    }

    @Test
    void the_dedicated_file_wins_over_pyproject() {
        p.file("pyproject.toml", "[tool.idemlint]\npostgres-version = 12\n").file(".idemlint.toml", "postgres-version = 16\n");
        assertEquals(16, Config.load(tmp, f -> true).postgresMajor());
    }

    @Test
    void no_config_is_the_default() {
        p.file("pyproject.toml", "[tool.ruff]\nline-length = 100\n");
        assertSame(Config.DEFAULT, Config.load(tmp, f -> true));
        assertTrue(Config.DEFAULT.isEnabled("anything", () -> "idempotency"));
    }

    @Test
    void bad_entries_are_located_problems_and_keep_defaults() {
        p.file(".idemlint.toml", """
                select = "ALL"
                ignore = [1, 2]
                alembic-version = "one.two"
                postgres-version = 7
                fail-on = "sometimes"
                colour = true

                [severity]
                add-column-not-idempotent = "fatal"
                """);
        Config c = Config.load(tmp, f -> true);
        assertEquals(List.of(2, 3, 4, 5, 6, 9), c.problems().stream().map(InputProblem::line).toList());
        assertEquals(List.of("ALL"), c.select());
        assertNull(c.alembic());
        assertNull(c.postgresMajor());
        assertNull(c.failOn());
        assertTrue(c.problems().get(4).message().startsWith("unknown key 'colour'"));
    }

    @Test
    void invalid_toml_is_one_located_problem() {
        p.file(".idemlint.toml", "select = [\"ALL\"]\nignore = [\"x\"\n\n");
        Config c = Config.load(tmp, f -> true);
        assertEquals(1, c.problems().size());
        assertTrue(c.problems().get(0).render().matches(".*\\.idemlint\\.toml:\\d+: invalid TOML: .*"),
                c.problems().get(0).render());
        assertEquals(List.of(), c.select());
    }

    @Test
    void unknown_rule_names_are_reported_at_their_line() {
        p.file(".idemlint.toml", "select = [\"ALL\"]\nignore = [\"add-colum-not-idempotent\"]\n\n[severity]\nmultiple-head = \"warning\"\n");
        List<InputProblem> problems = Config.load(tmp, f -> true).checkRuleNames(Map.of("add-column-not-idempotent", "idempotency", "multiple-heads", "graph"));
        assertEquals(List.of(2, 5), problems.stream().map(InputProblem::line).toList());
    }

    @Test
    void select_and_ignore_take_categories_and_rule_name_prefixes() {
        p.file(".idemlint.toml", "select = [\"graph\", \"add-column\"]\nignore = [\"multiple-\"]\n");
        Config c = Config.load(tmp, f -> true);
        Map<String, String> known = Map.of("add-column-not-idempotent", "idempotency", "multiple-heads", "graph",
                "duplicate-revision-id", "graph", "create-table-not-idempotent", "idempotency");
        assertEquals(List.of(), c.checkRuleNames(known));
        assertTrue(c.isEnabled("duplicate-revision-id", () -> "graph"), "the category selects it");
        assertTrue(c.isEnabled("add-column-not-idempotent", () -> "idempotency"), "the prefix selects it");
        assertFalse(c.isEnabled("create-table-not-idempotent", () -> "idempotency"), "not selected");
        assertFalse(c.isEnabled("multiple-heads", () -> "graph"), "the prefix ending in '-' ignores it");
    }

    @Test
    void a_prefix_matches_whole_words_of_rule_names_only() {
        Map<String, String> known = Map.of("create-type-unguarded", "types", "created-twice", "types");
        assertTrue(RuleSelector.matches("create", "create-type-unguarded", "types"));
        assertFalse(RuleSelector.matches("create", "created-twice", "types"));
        assertFalse(RuleSelector.matches("creat", "create-type-unguarded", "types"));
        assertTrue(RuleSelector.known("types", known));
        assertFalse(RuleSelector.known("typ", known));
    }

    @Test
    void find_climbs_to_the_stop_directory() {
        p.file(".idemlint.toml", "postgres-version = 14\n").dir("a/b/c");
        assertEquals(14, Config.find(p.path("a/b/c"), tmp, f -> true).postgresMajor());
        assertSame(Config.DEFAULT, Config.find(p.path("a/b/c"), p.path("a"), f -> true));
    }

    @Test
    void bare_exclude_names_match_any_path_component() {
        p.file(".idemlint.toml", "exclude = [\"old_*\", \"./archive/\"]\n");
        Config c = Config.load(tmp, f -> true);
        assertTrue(c.excludes(p.path("migrations/versions/old_001.py")));
        assertTrue(c.excludes(p.path("archive/versions/x.py")));
        assertFalse(c.excludes(p.path("migrations/versions/new_001.py")));
    }
}
