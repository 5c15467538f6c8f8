package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config's {@code baseline} does what {@code --baseline} does, for a file inside the project only. */
class ConfigBaselineTest {
    @TempDir
    Path tmp;
    private Path project;

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = .\n");
        Files.createDirectories(project.resolve("versions"));
        revision("001", "    op.add_column(\"players\", sa.Column(\"notes\", sa.Text()))\n");
    }

    private void revision(String id, String body) throws IOException {
        Files.writeString(project.resolve("versions/" + id + "_change.py"), "\"\"\"change " + id + "\n\nRevision ID: "
                + id + "\nRevises:\n\"\"\"\nimport sqlalchemy as sa\nfrom alembic import op\n\nrevision = \"" + id
                + "\"\ndown_revision = None\n\n\ndef upgrade():\n" + body + "\n\ndef downgrade():\n    pass\n");
    }

    private CliRun.Result lint(String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "lint";
        args[1] = "--format";
        args[2] = "concise";
        System.arraycopy(options, 0, args, 3, options.length);
        args[args.length - 1] = project.toString();
        return CliRun.run(args);
    }

    @Test
    void the_config_baseline_hides_the_findings_it_holds_and_reports_new_ones() throws IOException {
        CliRun.Result before = lint("--no-cache");
        assertEquals(1, before.exit(), before.out() + before.err());
        assertTrue(before.out().contains("add-column-not-idempotent"), before.out());
        assertEquals(0, lint("--no-cache", "--write-baseline", project.resolve("baseline.json").toString()).exit());
        Files.writeString(project.resolve(".idemlint.toml"), "baseline = \"baseline.json\"\n");
        CliRun.Result hidden = lint("--no-cache");
        assertEquals(0, hidden.exit(), hidden.out() + hidden.err());
        assertFalse(hidden.out().contains("add-column-not-idempotent"), hidden.out());
        // with the cache, the report is not replayed past a change of the baseline file (not part of any key)
        Path cache = tmp.resolve("cache");
        assertEquals(hidden, lint("--cache-dir", cache.toString()));
        assertEquals(hidden, lint("--cache-dir", cache.toString()));
        Files.writeString(project.resolve("baseline.json"), "{\"version\": 1, \"findings\": []}\n");
        CliRun.Result emptied = lint("--no-cache");
        assertEquals(before, emptied);
        assertEquals(emptied, lint("--cache-dir", cache.toString()));
    }

    @Test
    void the_command_line_baseline_wins_over_the_config() throws IOException {
        Files.writeString(project.resolve("empty.json"), "{\"version\": 1, \"findings\": []}\n");
        assertEquals(0, lint("--no-cache", "--write-baseline", project.resolve("baseline.json").toString()).exit());
        Files.writeString(project.resolve(".idemlint.toml"), "baseline = \"baseline.json\"\n");
        CliRun.Result r = lint("--no-cache", "--baseline", project.resolve("empty.json").toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("add-column-not-idempotent"), r.out());
    }

    @Test
    void a_config_baseline_out_of_the_project_is_refused_unread() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        // a file whose text would show in a parse error, were it read
        Files.writeString(outside.resolve("secret.json"), "SECRET-TOKEN-123");
        for (String named : new String[] {"../outside/secret.json", outside.resolve("secret.json").toString(),
                "linked.json"}) {
            Files.deleteIfExists(project.resolve("linked.json"));
            Files.createSymbolicLink(project.resolve("linked.json"), outside.resolve("secret.json"));
            Files.writeString(project.resolve(".idemlint.toml"), "baseline = \"" + named + "\"\n");
            CliRun.Result r = lint("--no-cache");
            assertEquals(2, r.exit(), named + ": " + r.out() + r.err());
            assertTrue(r.err().contains("path outside the project, not read"), named + ": " + r.err());
            assertTrue(r.err().contains(".idemlint.toml"), named + ": the config is named: " + r.err());
            assertFalse((r.out() + r.err()).contains("SECRET-TOKEN"), named + ": " + r.out() + r.err());
        }
    }

    @Test
    void a_missing_config_baseline_is_a_clear_error() throws IOException {
        Files.writeString(project.resolve(".idemlint.toml"), "baseline = \"nowhere.json\"\n");
        CliRun.Result r = lint("--no-cache");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("nowhere.json") && r.err().contains("--write-baseline"), r.err());
    }
}
