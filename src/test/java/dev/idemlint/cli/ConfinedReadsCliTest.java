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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A pull request may commit a link from a settings file (pins, config, env.py) to a file of the
 * machine that lints it: that file is not read, none of its text reaches the output, a warning names
 * the link and the run goes on.
 */
class ConfinedReadsCliTest {
    private static final String SECRET = "hunter2-7f3a";

    @TempDir
    Path tmp;
    Path project;
    Path versions;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve(".git"));
        versions = Files.createDirectories(project.resolve("migrations/versions"));
        Files.writeString(project.resolve("migrations/env.py"), "from alembic import context\n");
        Files.writeString(versions.resolve("001_a.py"), "revision = \"001\"\ndown_revision = None\n");
    }

    /** Text each file kind would quote in a message or a pin source if it were read. */
    private static String content(String name) {
        return switch (name) {
            case ".idemlint.toml" -> "select = [\"" + SECRET + "\"]\n";
            case "pyproject.toml" -> "[project]\ndependencies = [\"alembic==1.4.0\"]\n[tool.idemlint]\nselect = [\""
                    + SECRET + "\"]\n";
            case "setup.cfg" -> "[options]\ninstall_requires =\n    alembic==1.4.0 # " + SECRET + "\n";
            case "setup.py" -> "setup(install_requires=[\"alembic==1.4.0\", \"" + SECRET + "\"])\n";
            case "uv.lock", "poetry.lock" -> "[[package]]\nname = \"alembic\"\nversion = \"1.4.0\"\n# " + SECRET + "\n";
            case "env.py" -> "# " + SECRET + "\nconnection.execution_options(isolation_level=\"AUTOCOMMIT\")\n";
            default -> "alembic==1.4.0 # " + SECRET + "\n";
        };
    }

    @ParameterizedTest
    @CsvSource({"requirements.txt", "requirements-dev.txt", "pyproject.toml", ".idemlint.toml", "setup.cfg",
            "setup.py", "uv.lock", "poetry.lock", "migrations/env.py"})
    void a_settings_file_linked_out_of_the_project_is_not_read(String name) throws IOException {
        Path secret = Files.writeString(tmp.resolve("outside-" + Path.of(name).getFileName()),
                content(Path.of(name).getFileName().toString()));
        Path link = project.resolve(name);
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, secret);
        for (String format : new String[] {"text", "json"}) {
            CliRun.Result r = CliRun.run("lint", "--format", format, project.toString());
            assertEquals(0, r.exit(), r.err());
            assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r.out() + r.err());
            assertTrue(r.err().contains("warning: " + link + ": symbolic link to a path outside the project, not followed"),
                    r.err());
        }
    }

    @Test
    void the_same_config_inside_the_project_is_read() throws IOException {
        // the control: without the link the secret would be quoted, so the test above can fail
        Files.writeString(project.resolve(".idemlint.toml"), content(".idemlint.toml"));
        CliRun.Result r = CliRun.run("lint", project.toString());
        assertTrue(r.err().contains(SECRET), r.err());
    }

    @Test
    void a_link_the_user_named_is_read() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve(".idemlint.toml"), content(".idemlint.toml"));
        Path linked = Files.createSymbolicLink(tmp.resolve("named"), outside);
        Files.createDirectories(outside.resolve("versions"));
        Files.writeString(outside.resolve("versions/001_a.py"), "revision = \"001\"\ndown_revision = None\n");
        CliRun.Result r = CliRun.run("lint", linked.toString());
        assertTrue(r.err().contains(SECRET), r.err());
        assertFalse(r.err().contains("outside the project"), r.err());
    }

    @Test
    void a_requirements_include_out_of_the_project_is_not_read() throws IOException {
        Files.writeString(tmp.resolve("outside.txt"), "alembic==1.4.0 # " + SECRET + "\n");
        Files.writeString(project.resolve("requirements.txt"), "-r ../outside.txt\n");
        CliRun.Result r = CliRun.run("lint", "--format", "json", project.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r.out() + r.err());
        assertFalse(r.out().contains("1.4.0"), r.out());
        assertTrue(r.err().contains("warning: " + tmp.resolve("outside.txt") + ": path outside the project, not read"),
                r.err());
    }

    @Test
    void plan_escapes_what_it_prints_and_keeps_warnings_warnings() throws IOException {
        Path secret = Files.writeString(tmp.resolve("outside.toml"), content("pyproject.toml"));
        Path config = Files.createSymbolicLink(project.resolve("pyproject.toml"), secret);
        Path escLink = Files.createSymbolicLink(versions.resolve("002_\u001b[31mred.py"), secret);
        CliRun.Result r = CliRun.run("plan", "--db", "postgresql://idemlint@127.0.0.1:1/none", "--timeout", "5",
                project.toString());
        assertEquals(2, r.exit(), r.err());
        assertFalse(r.err().contains("\u001b"), r.err());
        assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r.out() + r.err());
        assertTrue(r.err().contains("idemlint: " + versions.resolve("002_\\x1b[31mred.py")
                + ": symbolic link to a path outside the project, not followed"), r.err());
        assertTrue(r.err().contains("idemlint: warning: " + config + ": symbolic link to a path outside the project"),
                r.err());
        assertTrue(r.err().contains("127.0.0.1"), r.err()); // it stopped at the database, after discovery
        assertTrue(Files.isSymbolicLink(escLink));
    }
}
