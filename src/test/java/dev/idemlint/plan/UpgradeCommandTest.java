package dev.idemlint.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.discovery.Discovery;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.SettingsOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command plan models is the one lint reads from the project: {@code --heads}, the config, the deploy files. */
class UpgradeCommandTest {
    @TempDir
    Path tmp;

    private LintTarget project(String composeCommand) throws IOException {
        Files.writeString(tmp.resolve("alembic.ini"), "[alembic]\nscript_location = migrations\n");
        Path versions = Files.createDirectories(tmp.resolve("migrations/versions"));
        for (String rev : List.of("a", "b")) {
            Files.writeString(versions.resolve(rev + ".py"), "revision = \"" + rev + "\"\ndown_revision = None\n\n"
                    + "def upgrade():\n    pass\n");
        }
        if (composeCommand != null) {
            Files.writeString(tmp.resolve("docker-compose.yml"), "services:\n  migrate:\n    command: " + composeCommand
                    + "\n");
        }
        return new Discovery(SettingsOverrides.NONE).discover(List.of(tmp)).targets().get(0);
    }

    @Test
    void a_project_deploying_with_heads_is_planned_with_heads_from_its_file_and_line() throws IOException {
        UpgradeCommand u = UpgradeCommand.of(project("sh -c 'alembic upgrade heads'"), false);
        assertEquals(new UpgradeCommand(true, "docker-compose.yml:3 (alembic upgrade heads)"), u);
        assertEquals("alembic upgrade heads", u.command());
    }

    @Test
    void a_project_deploying_with_head_or_stating_nothing_is_planned_with_head() throws IOException {
        assertEquals(new UpgradeCommand(false, "docker-compose.yml:3 (alembic upgrade head)"),
                UpgradeCommand.of(project("alembic upgrade head"), false));
        Files.delete(tmp.resolve("docker-compose.yml"));
        UpgradeCommand none = UpgradeCommand.of(project(null), false);
        assertEquals(new UpgradeCommand(false, "default: head"), none);
        assertEquals("alembic upgrade head", none.command());
    }

    @Test
    void the_config_and_the_flag_state_the_command_over_the_files() throws IOException {
        Files.writeString(tmp.resolve(".idemlint.toml"), "upgrade = \"head\"\n");
        assertEquals(new UpgradeCommand(false, ".idemlint.toml:1 (upgrade = \"head\")"),
                UpgradeCommand.of(project("alembic upgrade heads"), false));
        assertEquals(new UpgradeCommand(true, "--heads"), UpgradeCommand.of(project("alembic upgrade heads"), true));
        Files.writeString(tmp.resolve(".idemlint.toml"), "upgrade = \"heads\"\n");
        assertEquals(new UpgradeCommand(true, ".idemlint.toml:1 (upgrade = \"heads\")"),
                UpgradeCommand.of(project(null), false));
    }
}
