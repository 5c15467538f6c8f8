package dev.idemlint.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.DeployCommands.Use;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the revision a project's deploy passes to {@code alembic upgrade}, from the files the deploy runs. */
class DeployCommandsTest {
    @TempDir
    Path tmp;
    Layout p;

    @BeforeEach
    void setUp() {
        p = new Layout(tmp);
    }

    private static List<String> revisions(String text) {
        List<Use> out = new ArrayList<>();
        DeployCommands.scan(text, "f", out);
        return out.stream().map(u -> u.line() + ":" + u.revision()).toList();
    }

    @Test
    void reads_the_shell_forms_with_options_and_wrappers() {
        assertEquals(List.of("1:heads"), revisions("exec .venv/bin/alembic upgrade heads\n"));
        assertEquals(List.of("1:head"), revisions("alembic -c conf/alembic.ini upgrade head && gunicorn app\n"));
        assertEquals(List.of("1:heads"), revisions("python -m alembic upgrade --sql heads > out.sql\n"));
        assertEquals(List.of("2:heads"), revisions("#!/bin/sh\npoetry run alembic upgrade heads;\n"));
        assertEquals(List.of("1:head"), revisions("    command: bash -c \"alembic upgrade head && granian app\"\n"));
        assertEquals(List.of("1:head"), revisions("release: flask db upgrade\n"));
        assertEquals(List.of("1:head"), revisions("flask db upgrade && flask run\n"));
    }

    @Test
    void reads_the_exec_form_and_python_calls() {
        assertEquals(List.of("1:heads"), revisions("CMD [\"alembic\", \"upgrade\", \"heads\"]\n"));
        assertEquals(List.of("1:head"), revisions("subprocess.run([sys.executable, '-m', 'alembic', 'upgrade', 'head'])\n"));
        assertEquals(List.of("1:heads"), revisions("    command.upgrade(alembic_cfg, \"heads\")\n"));
        assertEquals(List.of("1:head"), revisions("alembic.command.upgrade(cfg(x, y), revision='head', sql=False)\n"));
    }

    @Test
    void ignores_comments_variables_branches_and_other_upgrades() {
        assertEquals(List.of(), revisions("# alembic upgrade head\n  # then alembic upgrade heads\n"));
        assertEquals(List.of(), revisions("alembic.command.upgrade(config, revision)\n"));
        assertEquals(List.of(), revisions("alembic upgrade expand@head\n"));
        assertEquals(List.of(), revisions("alembic upgrade +1\npip install --upgrade pip\nalembic upgrade headless\n"));
        assertEquals(List.of(), revisions("alembic upgrade_head\nreupgrade head\n"));
        assertEquals(List.of(), revisions("apt-get upgrade\n"));
    }

    @Test
    void a_project_upgrades_heads_only_when_every_command_found_says_so() throws IOException {
        p.file("docker-compose.yml", "services:\n  migrate:\n    command: >\n      sh -c 'exec alembic upgrade heads'\n");
        assertEquals(Optional.of(new Use("docker-compose.yml", 4, "heads")), DeployCommands.deploys(tmp).filter(Use::heads));
        // flathub: the entrypoint says heads, the compose file head; the deploy's choice is unknown
        p.file("backend/docker-entrypoint.sh", "#!/bin/sh\nalembic upgrade head\n");
        assertEquals(Optional.empty(), DeployCommands.deploys(tmp).filter(Use::heads));
        assertEquals(List.of(new Use("backend/docker-entrypoint.sh", 2, "head"), new Use("docker-compose.yml", 4, "heads")),
                DeployCommands.read(tmp));
    }

    @Test
    void finds_none_where_nothing_runs_alembic_and_skips_tests_docs_and_hidden_folders() {
        p.file("README.md", "Run `alembic upgrade heads`.\n")
                .file("tests/conftest.py", "command.upgrade(cfg, 'head')\n")
                .file("src/app/test_migrations.py", "command.upgrade(cfg, 'head')\n")
                .file("docs/deploy.sh", "alembic upgrade head\n")
                .file(".venv/bin/start.sh", "alembic upgrade head\n")
                .file("migrations/versions/a.py", "# alembic upgrade head\nrevision = 'a'\n");
        assertEquals(List.of(), DeployCommands.read(tmp));
        p.file(".github/workflows/ci.yml", "      - run: poetry run alembic upgrade heads\n");
        assertEquals(List.of(new Use(".github/workflows/ci.yml", 1, "heads")), DeployCommands.read(tmp));
    }

    @Test
    void a_versions_folder_as_the_root_deploys_nothing() {
        String text = "# deploy\ncommand.upgrade(cfg, 'heads')\n";
        p.file("migrations/versions/a.py", text).file("migrations/other_versions/b.py", text).file("scripts/c.py", text);
        assertEquals(List.of(), DeployCommands.read(tmp.resolve("migrations/versions")));
        assertEquals(List.of(), DeployCommands.read(tmp.resolve("migrations/other_versions")));
        assertEquals(List.of(new Use("c.py", 2, "heads")), DeployCommands.read(tmp.resolve("scripts")));
    }

    @Test
    void reads_each_deploy_file_kind() {
        List<String> files = List.of("Dockerfile", "Dockerfile.prod", "api.Dockerfile", "Containerfile", "Procfile",
                "Makefile", "build/rules.mk", "justfile", "fly.toml", "app.json", "tox.ini", "pyproject.toml",
                "package.json", "compose.yaml", "charts/app/templates/job.yaml", "bin/start.sh", "app/main.py");
        for (String f : files) {
            assertTrue(DeployCommands.deployFile(Path.of(f)), f);
        }
        for (String f : List.of("README.md", "notes.txt", "pnpm-lock.yaml", "conftest.py", "test_db.py", "db_test.py", "alembic.ini")) {
            assertTrue(!DeployCommands.deployFile(Path.of(f)), f);
        }
    }

    @Test
    void a_huge_file_is_read_to_its_cap_and_a_binary_one_not_at_all() throws IOException {
        StringBuilder big = new StringBuilder();
        while (big.length() < DeployCommands.MAX_BYTES) {
            big.append("echo filler line\n");
        }
        big.append("alembic upgrade head\n"); // past the cap: not read
        p.file("huge.sh", "alembic upgrade heads\n" + big);
        byte[] binary = "alembic upgrade head\n\0\1\2".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(tmp.resolve("blob.sh"), binary);
        assertEquals(List.of(new Use("huge.sh", 1, "heads")), DeployCommands.read(tmp));
    }

    @Test
    void a_long_line_of_upgrades_or_many_lines_without_one_are_read_in_linear_time() {
        // a hang guard, not a speed target: a quadratic reading of these inputs takes hours, a linear one well
        // under a second, so a generous bound holds on a loaded machine and still fails the quadratic one
        String line = "upgrade(".repeat(200_000) + "\n" + "upgrade --x ".repeat(100_000) + "\n"
                + "upgrade \t".repeat(100_000) + "\n";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> revisions(line));
        // a file whose one use comes last: each line before it is not searched to the end of the file
        String lines = "x\n".repeat(1_000_000) + "alembic upgrade heads\n";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertEquals(List.of("1000001:heads"), revisions(lines)));
    }

    @Test
    void does_not_follow_links_out_of_the_project() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("start.sh"), "alembic upgrade head\n");
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("entrypoint.sh"), "alembic upgrade heads\n");
        Files.createSymbolicLink(project.resolve("linked.sh"), outside.resolve("start.sh"));
        Files.createSymbolicLink(project.resolve("scripts"), outside);
        Files.writeString(project.resolve("inside.sh"), "true\n");
        Files.createSymbolicLink(project.resolve("again.sh"), project.resolve("entrypoint.sh"));
        assertEquals(List.of(new Use("again.sh", 1, "heads"), new Use("entrypoint.sh", 1, "heads")),
                DeployCommands.read(project));
    }

    private LintTarget weasylLike(String compose) {
        p.ini("alembic.ini", "script_location = migrations\n")
                .revision("migrations/versions/a.py", "a", null)
                .revision("migrations/versions/b.py", "b", null)
                .file("docker-compose.yml", compose);
        return new Discovery(SettingsOverrides.NONE).discover(List.of(tmp)).targets().get(0);
    }

    @Test
    void discovery_gives_a_tree_the_heads_deploy_of_its_project() {
        LintTarget t = weasylLike("services:\n  migrate:\n    command: exec .venv/bin/alembic upgrade heads\n");
        PinSource at = new PinSource("docker-compose.yml", 3, "alembic upgrade heads");
        assertEquals(at, t.settings().upgradesHeads());
        assertEquals(at, t.provenance().get("upgrade"));
    }

    @Test
    void discovery_keeps_head_when_a_command_says_head_or_none_is_found() {
        LintTarget head = weasylLike("services:\n  web:\n    command: alembic upgrade head\n");
        assertEquals(null, head.settings().upgradesHeads());
        // the command that says head is where plan's `alembic upgrade head` comes from
        assertEquals(new PinSource("docker-compose.yml", 3, "alembic upgrade head"), head.provenance().get("upgrade"));
        LintTarget none = weasylLike("services:\n  web:\n    image: app\n");
        assertEquals(null, none.settings().upgradesHeads());
        assertEquals(null, none.provenance().get("upgrade"));
    }

    @Test
    void the_deploy_is_stated_by_the_first_heads_when_all_say_heads_else_by_the_first_head() {
        assertEquals(Optional.empty(), DeployCommands.deploys(tmp));
        p.file("b.sh", "alembic upgrade heads\n").file("c.sh", "alembic upgrade heads\n");
        assertEquals(Optional.of(new Use("b.sh", 1, "heads")), DeployCommands.deploys(tmp));
        p.file("d.sh", "true\nalembic upgrade head\n");
        assertEquals(Optional.of(new Use("d.sh", 2, "head")), DeployCommands.deploys(tmp));
        assertEquals(Optional.empty(), DeployCommands.deploys(tmp).filter(Use::heads));
    }

    @Test
    void the_config_states_the_deploy_over_what_the_files_say() {
        p.file(".idemlint.toml", "upgrade = \"head\"\n");
        LintTarget head = weasylLike("services:\n  migrate:\n    command: alembic upgrade heads\n");
        assertEquals(null, head.settings().upgradesHeads());
        assertEquals(new PinSource(".idemlint.toml", 1, "upgrade = \"head\""), head.provenance().get("upgrade"));
        p.file(".idemlint.toml", "upgrade = \"heads\"\n");
        LintTarget heads = weasylLike("services:\n  web:\n    image: app\n");
        assertEquals(new PinSource(".idemlint.toml", 1, "upgrade = \"heads\""), heads.settings().upgradesHeads());
    }

    @Test
    void a_bad_upgrade_value_in_the_config_is_a_located_problem() {
        p.file(".idemlint.toml", "fail-on = \"error\"\nupgrade = \"latest\"\n");
        LintTarget t = weasylLike("services:\n  migrate:\n    command: alembic upgrade heads\n");
        assertEquals(1, t.config().problems().size(), t.config().problems().toString());
        assertEquals(2, t.config().problems().get(0).line());
        assertTrue(t.config().problems().get(0).message().contains("\"head\" or \"heads\""));
        // the bad value is left out: the files decide
        assertEquals("docker-compose.yml", t.settings().upgradesHeads().file());
    }

    @Test
    void a_link_to_a_fifo_inside_the_project_is_not_read() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", tmp.resolve("pipe").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "no mkfifo");
        // opening a FIFO blocks until a writer comes: the read never returned
        Files.createSymbolicLink(tmp.resolve("entrypoint.sh"), Path.of("pipe"));
        Files.createSymbolicLink(tmp.resolve("Dockerfile"), Path.of("/dev/zero"));
        p.file("deploy.sh", "alembic upgrade heads\n");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals(List.of(new Use("deploy.sh", 1, "heads")),
                DeployCommands.read(tmp)));
    }

    @Test
    void the_uses_listed_are_bounded_and_the_deploy_is_still_decided_by_every_file() {
        p.file("a.sh", "alembic upgrade heads\n".repeat(3 * DeployCommands.MAX_USES))
                .file("b.sh", "alembic upgrade head\n");
        List<Use> uses = DeployCommands.read(tmp);
        assertEquals(DeployCommands.MAX_USES, uses.size());
        assertEquals(new Use("a.sh", DeployCommands.MAX_USES, "heads"), uses.get(uses.size() - 1));
        assertEquals(Optional.of(new Use("b.sh", 1, "head")), DeployCommands.deploys(tmp));
        assertEquals(Optional.empty(), DeployCommands.deploys(tmp).filter(Use::heads));
    }

    @Test
    void a_missing_or_unreadable_root_states_nothing() {
        assertEquals(List.of(), DeployCommands.read(tmp.resolve("missing")));
        assertEquals(List.of(), DeployCommands.read(null));
    }
}
