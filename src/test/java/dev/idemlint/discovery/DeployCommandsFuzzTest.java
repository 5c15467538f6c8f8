package dev.idemlint.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.idemlint.discovery.DeployCommands.Use;
import dev.idemlint.fixture.FuzzDeadline;
import dev.idemlint.fixture.FuzzFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target: any bytes as a project a pull request controls, read by {@link DeployCommands}. The input is a
 * list of entries, each {@code "\n=== "} + a header line + the file's bytes: the header is a path under the
 * project root ({@code /}-separated, any segment but {@code .}, {@code ..} and the empty one), or
 * {@code #N path} for the {@code N}th kind of deploy file in {@code path}'s folder, or {@code @link path ->
 * target} for a symbolic link (the target may leave the root: a file beside it says {@code alembic upgrade
 * heads}, and must never be read). {@code read} returns (it documents no error: an unreadable file or folder
 * states nothing) within {@link FuzzDeadline#LIMIT}, twice the same; every use names a deploy file inside the
 * root, not under a link, a line that file has and {@code head} or {@code heads}; at most
 * {@link DeployCommands#MAX_USES} uses; {@code deploys} agrees with it (when the list is
 * not cut).
 */
class DeployCommandsFuzzTest {
    @TempDir
    static Path dir;
    private static int n;

    /** The kinds {@code #N} names: every kind of file the reader reads, and some it must not. */
    static final List<String> KINDS = List.of("Dockerfile", "Containerfile", "app.dockerfile", "docker-compose.yml",
            "compose.yaml", "entrypoint.sh", "Procfile", "Procfile.dev", "Makefile", "GNUmakefile", "rules.mk",
            "justfile", "fly.toml", "app.json", "tox.ini", "pyproject.toml", "package.json", "deploy.yaml",
            "migrate.py", "test_migrate.py", "conftest.py", "pnpm-lock.yaml", "README.md");

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10s")
    void reading_a_hostile_project_holds_on_any_input(byte[] input) throws Exception {
        Path root = Files.createDirectories(dir.resolve("p" + n).resolve("root"));
        Path outside = root.getParent().resolve("outside");
        n++;
        try {
            Files.createDirectories(outside);
            Files.writeString(outside.resolve("steal.sh"), "alembic upgrade heads\n");
            FuzzFiles.build(root, input, KINDS);
            FuzzDeadline.run(() -> check(root));
        } finally {
            FuzzFiles.delete(root.getParent());
        }
    }

    private static void check(Path root) throws IOException {
        List<Use> uses = DeployCommands.read(root);
        assertEquals(uses, DeployCommands.read(root), "a second read differs");
        assertTrue(uses.size() <= DeployCommands.MAX_USES, () -> uses.size() + " uses");
        Path realRoot = root.toRealPath();
        for (Use u : uses) {
            assertTrue(u.revision().equals("head") || u.revision().equals("heads"), () -> "revision of " + u);
            Path rel = Path.of(u.file());
            assertFalse(rel.isAbsolute() || Arrays.asList(u.file().split("/")).contains(".."), () -> "outside: " + u);
            Path file = root.resolve(rel);
            assertTrue(DeployCommands.deployFile(rel), () -> "not a deploy file: " + u);
            Path real = file.toRealPath();
            assertTrue(real.startsWith(realRoot) && Files.isRegularFile(real), () -> "read outside the root: " + u);
            // no folder on the way is a link: the walk enters none
            for (Path p = file.getParent(); !p.equals(root); p = p.getParent()) {
                Path at = p;
                assertFalse(Files.isSymbolicLink(p), () -> "read under a linked folder " + at + ": " + u);
            }
            byte[] bytes = Files.readAllBytes(file);
            int lines = 1;
            for (int i = 0; i < Math.min(bytes.length, DeployCommands.MAX_BYTES); i++) {
                lines += bytes[i] == '\n' ? 1 : 0;
            }
            int max = lines;
            assertTrue(u.line() >= 1 && u.line() <= max, () -> "line of " + u + " (" + max + " lines)");
        }
        Optional<Use> deploys = DeployCommands.deploys(root);
        assertEquals(uses.isEmpty(), deploys.isEmpty(), () -> "deploys " + deploys + " from " + uses);
        // a list cut at MAX_USES may miss the head that decides; deploys() reads on
        if (!uses.isEmpty() && uses.size() < DeployCommands.MAX_USES) {
            boolean allHeads = uses.stream().allMatch(Use::heads);
            assertEquals(allHeads ? uses.get(0) : uses.stream().filter(u -> !u.heads()).findFirst().orElseThrow(),
                    deploys.orElseThrow());
            assertEquals(allHeads ? deploys : Optional.empty(), deploys.filter(Use::heads));
        }
    }

    /** A project of each kind, with the forms the reader knows, links in and out, and the deploy files of tests. */
    static Stream<Arguments> seeds() {
        List<Arguments> out = new ArrayList<>();
        seed(out, "compose heads", "=== docker-compose.yml\nservices:\n  migrate:\n    command: >\n"
                + "      sh -c 'exec alembic upgrade heads'\n");
        seed(out, "mixed", "=== backend/docker-entrypoint.sh\n#!/bin/sh\nalembic -c a.ini upgrade --sql head\n"
                + "=== docker-compose.yml\ncommand: [\"alembic\", \"upgrade\", \"heads\"]\n");
        seed(out, "python", "=== app/migrate.py\nfrom alembic import command\ncommand.upgrade(cfg, revision=\"heads\")\n"
                + "command.upgrade(cfg, 'head')\n=== tests/test_migrate.py\ncommand.upgrade(cfg, \"head\")\n");
        seed(out, "flask", "=== Procfile\nrelease: flask db upgrade && gunicorn app\n=== Makefile\nmigrate:\n\t"
                + "# alembic upgrade head\n\tflask db upgrade\n");
        seed(out, "kinds", "=== #\u0000 a\nRUN alembic upgrade heads\n=== #\u0005 b/c\nalembic upgrade heads\n"
                + "=== #\u000c d\nscripts: upgrade: alembic upgrade heads\n=== #\u0012 .github/workflows\n"
                + "- run: alembic upgrade heads\n");
        seed(out, "links", "=== @link a.sh -> ../outside/steal.sh\n=== @link b.sh -> c.sh\n=== c.sh\n"
                + "alembic upgrade head\n=== @link d -> ../outside\n=== @link e.sh -> e.sh\n"
                + "=== @link f/g.yml -> /etc/passwd\n");
        seed(out, "deep", "=== a/b/c/d/e/f/g/h/x.sh\nalembic upgrade heads\n=== a/b/c/d/x.sh\nalembic upgrade head\n"
                + "=== .hidden/x.sh\nalembic upgrade head\n=== node_modules/x.sh\nalembic upgrade head\n");
        seed(out, "long line", "=== x.sh\n" + "alembic upgrade heads ".repeat(100) + "\n" + "(upgrade(".repeat(100)
                + "\n");
        seed(out, "binary", "=== x.sh\nalembic upgrade heads\u0000\n=== y.yaml\n\r\nalembic upgrade\theads\r\n");
        return out.stream();
    }

    private static void seed(List<Arguments> out, String name, String text) {
        out.add(Arguments.of(Named.of(name, text.getBytes(StandardCharsets.ISO_8859_1))));
    }
}
