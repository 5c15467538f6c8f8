package dev.idemlint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAgeTest {
    @TempDir
    Path tmp;

    private Path script(String name, String body) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path git = bin.resolve(name);
        Files.writeString(git, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwx------"));
        return git;
    }

    private Path revision() throws IOException {
        Path versions = Files.createDirectories(tmp.resolve("project/versions"));
        return Files.writeString(versions.resolve("001_a.py"), "revision = 'a'\ndown_revision = None\n");
    }

    @Test
    void a_git_that_hangs_is_killed_with_its_children_at_the_deadline() throws Exception {
        Path pidFile = tmp.resolve("child.pid");
        // the child holds git's stdout open: reading to EOF would wait for it
        Path git = script("git", "sleep 120 &\necho $! > '" + pidFile + "'\nwait\necho 1700000000\n");
        Path file = revision();
        AtomicBoolean timedOut = new AtomicBoolean();
        OptionalLong t = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> FileAge.addedAt(file, git.toString(), 500, timedOut));
        assertTrue(t.isEmpty());
        assertTrue(timedOut.get(), "a missed deadline turns git off for the run");
        long child = Long.parseLong(Files.readString(pidFile).strip());
        for (int i = 0; i < 100 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "git's child is killed too");
    }

    @Test
    void a_git_that_floods_its_output_is_read_while_it_runs() throws Exception {
        // 4 MB before the answer: a caller that waited before reading would stall git on a full pipe
        Path git = script("git", "head -c 4000000 /dev/zero | tr '\\0' '\\n'\necho 1700000000\n");
        AtomicBoolean timedOut = new AtomicBoolean();
        OptionalLong t = FileAge.addedAt(revision(), git.toString(), 20_000, timedOut);
        assertFalse(timedOut.get());
        // only the first 64 KB are kept: the answer past them is not trusted, and nothing is claimed
        assertTrue(t.isEmpty(), t.toString());
    }

    @Test
    void git_runs_without_the_repositorys_code_running_config() throws Exception {
        Path log = tmp.resolve("args.txt");
        Path git = script("git", "printf '%s\\n' \"$@\" > '" + log + "'\n"
                + "echo \"NOSYSTEM=$GIT_CONFIG_NOSYSTEM GLOBAL=$GIT_CONFIG_GLOBAL DIR=${GIT_DIR-unset}\" >> '" + log + "'\n"
                + "echo 1700000001\necho 1700000000\n");
        OptionalLong t = FileAge.addedAt(revision(), git.toString(), 10_000, new AtomicBoolean());
        assertEquals(OptionalLong.of(1_700_000_000L), t, "the oldest addition comes last");
        List<String> args = Files.readAllLines(log);
        for (String setting : List.of("core.fsmonitor=false", "core.hooksPath=/dev/null", "core.pager=cat",
                "log.showSignature=false", "protocol.allow=never")) {
            int at = args.indexOf(setting);
            assertTrue(at > 0 && args.get(at - 1).equals("-c"), setting + " in " + args);
        }
        assertTrue(args.containsAll(List.of("--no-pager", "--no-ext-diff", "--no-textconv", "--no-show-signature")),
                args.toString());
        assertTrue(args.indexOf("--no-ext-diff") > args.indexOf("log"), "log options come after the verb");
        assertEquals("NOSYSTEM=1 GLOBAL=/dev/null DIR=unset", args.get(args.size() - 1));
    }

    @Test
    void a_repository_config_that_runs_a_command_on_git_log_runs_nothing() throws Exception {
        assumeTrue(run(tmp, "git", "--version") == 0, "git is installed");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path file = Files.writeString(repo.resolve("001_a.py"), "revision = 'a'\n");
        // a signed commit (signed by a stand-in for gpg): git log verifies it when log.showSignature is on
        Path signer = script("sign", "cat > /dev/null\necho '[GNUPG:] SIG_CREATED ' >&2\n"
                + "printf -- '-----BEGIN PGP SIGNATURE-----\\n\\nx\\n-----END PGP SIGNATURE-----\\n'\n");
        assertEquals(0, run(repo, "git", "init", "-q", "."));
        assertEquals(0, run(repo, "git", "add", "001_a.py"));
        assertEquals(0, run(repo, "git", "-c", "user.email=a@example.org", "-c", "user.name=a", "-c",
                "gpg.program=" + signer, "-c", "user.signingkey=k", "commit", "-q", "-S", "-m", "a"));
        Path marker = tmp.resolve("ran");
        Path payload = script("payload", "touch '" + marker + "'\n");
        Files.writeString(repo.resolve(".git/config"), "[log]\n\tshowSignature = true\n[gpg]\n\tprogram = "
                + payload + "\n[core]\n\tfsmonitor = " + payload + "\n\tpager = " + payload + "\n",
                StandardOpenOption.APPEND);
        // the plain command runs the repository's gpg.program: the hazard is real on this git
        assertEquals(0, run(repo, "git", "log", "--diff-filter=A", "--follow", "--format=%ct", "--", "001_a.py"));
        assertTrue(Files.exists(marker), "plain git log ran the payload");
        Files.delete(marker);

        OptionalLong t = FileAge.addedAt(file, "git", 10_000, new AtomicBoolean());
        assertTrue(t.isPresent(), "git still answers");
        assertFalse(Files.exists(marker), "no command from the repository's config ran");
    }

    private static int run(Path dir, String... command) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
            if (rc != 0) {
                System.err.println(String.join(" ", command) + ": " + out);
            }
            return rc;
        } catch (IOException e) {
            return -1;
        }
    }
}
