package dev.idemlint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.idemlint.migration.Migration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
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
        FileAge age = FileAge.with(git.toString(), 500);
        OptionalLong t = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> age.addedAt(file));
        assertTrue(t.isEmpty());
        assertTrue(age.timedOut(), "a missed deadline turns git off for the analysis");
        long child = Long.parseLong(Files.readString(pidFile).strip());
        for (int i = 0; i < 100 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "git's child is killed too");
    }

    @Test
    void a_git_that_floods_its_output_is_read_while_it_runs() throws Exception {
        // past the bound before the answer: a caller that waited before reading would stall git on a full pipe
        Path git = script("git", "head -c " + (FileAge.MAX_OUTPUT + 1000) + " /dev/zero | tr '\\0' 'x'\n"
                + "printf '\\001%s\\000\\nA\\000001_a.py\\000' 1700000000\n");
        FileAge age = FileAge.with(git.toString(), 30_000);
        OptionalLong t = age.addedAt(revision());
        assertFalse(age.timedOut());
        // only the bound is kept: a cut-off log is not trusted, and nothing is claimed
        assertTrue(t.isEmpty(), t.toString());
    }

    @Test
    void git_runs_without_the_repositorys_code_running_config() throws Exception {
        Path log = tmp.resolve("args.txt");
        Path git = script("git", "printf '%s\\n' \"$@\" > '" + log + "'\n"
                + "echo \"NOSYSTEM=$GIT_CONFIG_NOSYSTEM GLOBAL=$GIT_CONFIG_GLOBAL DIR=${GIT_DIR-unset}\" >> '" + log + "'\n"
                + "printf '\\001%s\\000\\nA\\000001_a.py\\000' 1700000001 1700000000\n");
        OptionalLong t = FileAge.with(git.toString(), 10_000).addedAt(revision());
        assertEquals(OptionalLong.of(1_700_000_000L), t, "the oldest addition comes last");
        List<String> args = Files.readAllLines(log);
        for (String setting : List.of("core.fsmonitor=false", "core.hooksPath=/dev/null", "core.pager=cat",
                "log.showSignature=false", "protocol.allow=never", "log.showRoot=true", "log.follow=false")) {
            int at = args.indexOf(setting);
            assertTrue(at > 0 && args.get(at - 1).equals("-c"), setting + " in " + args);
        }
        assertTrue(args.containsAll(List.of("--no-pager", "--no-ext-diff", "--no-textconv", "--no-show-signature",
                "--no-color", "-z")), args.toString());
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

        OptionalLong t = FileAge.with("git", 10_000).addedAt(file);
        assertTrue(t.isPresent(), "git still answers");
        assertFalse(Files.exists(marker), "no command from the repository's config ran");
    }

    @Test
    void a_timeout_in_one_analysis_leaves_the_next_asking_git() throws Exception {
        // the first call hangs, every later one answers at once
        Path marker = tmp.resolve("hung");
        Path git = script("git", "if [ ! -e '" + marker + "' ]; then touch '" + marker + "'; sleep 120; fi\n"
                + "printf '\\001%s\\000\\nA\\000001_a.py\\000' 1700000000\n");
        Path file = revision();
        FileAge first = FileAge.with(git.toString(), 500);
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> first.addedAt(file)).isEmpty());
        assertTrue(first.timedOut());
        assertTrue(first.addedAt(file).isEmpty(), "the slow git is not asked again in the same analysis");
        FileAge next = FileAge.with(git.toString(), 10_000);
        assertEquals(OptionalLong.of(1_700_000_000L), next.addedAt(file), "the next analysis asks again");
        assertFalse(next.timedOut());
    }

    @Test
    void a_folder_is_asked_once_for_all_its_files() throws Exception {
        Path count = tmp.resolve("calls");
        Path git = script("git", "echo x >> '" + count + "'\n"
                + "printf '\\001%s\\000\\nA\\000002_b.py\\000' 1700000002\n"
                + "printf '\\001%s\\000\\nA\\000001_a.py\\000' 1700000001\n");
        Path a = revision();
        Path b = Files.writeString(a.resolveSibling("002_b.py"), "revision = 'a'\ndown_revision = None\n");
        FileAge age = FileAge.with(git.toString(), 10_000);
        assertEquals(OptionalLong.of(1_700_000_001L), age.addedAt(a));
        assertEquals(OptionalLong.of(1_700_000_002L), age.addedAt(b));
        assertEquals(1, Files.readAllLines(count).size(), "one git call for the folder");
    }

    @Test
    void the_log_is_read_newest_first_following_renames_back_to_the_first_name() {
        String log = "\1" + 300 + "\0\nR100\0old.py\0new.py\0"
                + "\1" + 200 + "\0\nA\0new.py\0A\0other.py\0"
                + "\1" + 100 + "\0\nA\0old.py\0";
        Map<String, Long> added = FileAge.parse(log.getBytes(StandardCharsets.UTF_8));
        // new.py is old.py renamed: the new.py added at 200 and deleted before 300 is another file
        assertEquals(Map.of("new.py", 100L, "other.py", 200L), added);
    }

    @Test
    void a_path_is_never_taken_for_a_header_or_a_status() {
        String odd = "\1" + "99\nA";
        String log = "\1" + 200 + "\0\nA\0" + odd + "\0A\0\nR1\0"
                + "\1" + 100 + "\0\nA\0plain.py\0";
        Map<String, Long> added = FileAge.parse(log.getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of(odd, 200L, "\nR1", 200L, "plain.py", 100L), added);
    }

    @Test
    void output_not_of_the_expected_form_dates_nothing() {
        for (String log : List.of("A\0a.py\0", "\1" + "12x\0\nA\0a.py\0", "\1" + "1\0\nM\0a.py\0",
                "\1" + "1\0\nA\0a.py", "\1" + "1\0\nR100\0a.py\0", "\1" + "1234567890123456789\0\nA\0a.py\0")) {
            assertEquals(Map.of(), FileAge.parse(log.getBytes(StandardCharsets.UTF_8)), log);
        }
    }

    @Test
    void a_long_log_is_read_in_linear_time() {
        StringBuilder sb = new StringBuilder();
        int n = 100_000;
        for (int i = n; i > 0; i--) {
            // a chain of renames through every name: a quadratic reader would walk it once per entry
            sb.append('\1').append(i + 1).append("\0\nR100\0f").append(i - 1).append(".py\0f").append(i).append(".py\0");
        }
        sb.append('\1').append(1).append("\0\nA\0f0.py\0");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, Long> added = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> FileAge.parse(bytes));
        assertEquals(Map.of("f" + n + ".py", 1L), added);
    }

    @Test
    void the_folders_answer_is_the_per_file_follow_answer_on_a_real_repository() throws Exception {
        assumeTrue(run(tmp, "git", "--version") == 0, "git is installed");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path versions = Files.createDirectories(repo.resolve("alembic/versions"));
        assertEquals(0, run(repo, "git", "init", "-q", "."));
        // two files with one revision id added in two commits, unlike each other; a third renamed in the folder
        Files.writeString(versions.resolve("abc_first.py"), "revision = 'abc'\ndown_revision = None\n"
                + "def upgrade():\n    op.create_table('players')\n");
        Files.writeString(versions.resolve("x_old name.py"), "revision = 'x'\ndown_revision = 'abc'\n");
        commit(repo, "1700000000");
        Files.writeString(versions.resolve("abc_second.py"), "\"\"\"Teams.\"\"\"\nrevision = \"abc\"\n"
                + "down_revision = \"x\"\nimport sqlalchemy as sa\n\ndef upgrade():\n    op.add_column('teams', sa.Column('n'))\n");
        commit(repo, "1700000100");
        assertEquals(0, run(repo, "git", "mv", "alembic/versions/x_old name.py", "alembic/versions/x_new.py"));
        commit(repo, "1700000200");
        FileAge age = FileAge.with("git", 30_000);
        for (String name : List.of("abc_first.py", "abc_second.py", "x_new.py")) {
            OptionalLong perFile = followed(versions, name);
            assertTrue(perFile.isPresent(), name);
            assertEquals(perFile, age.addedAt(versions.resolve(name)), name);
        }
        assertEquals(OptionalLong.of(1_700_000_000L), age.addedAt(versions.resolve("x_new.py")), "renamed: first name's date");
        assertEquals(OptionalLong.of(1_700_000_100L), age.addedAt(versions.resolve("abc_second.py")));
    }

    @Test
    void a_copied_duplicate_is_dated_by_its_own_commit_where_follow_dates_it_by_its_source() throws Exception {
        assumeTrue(run(tmp, "git", "--version") == 0, "git is installed");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path versions = Files.createDirectories(repo.resolve("alembic/versions"));
        assertEquals(0, run(repo, "git", "init", "-q", "."));
        String body = "revision = 'abc'\ndown_revision = None\n\ndef upgrade():\n    op.create_table('players')\n";
        Files.writeString(versions.resolve("abc_first.py"), body);
        commit(repo, "1700000000");
        // the usual way a duplicate id arises: a revision file copied and edited
        Files.writeString(versions.resolve("abc_second.py"), body + "    op.create_table('teams')\n");
        commit(repo, "1700000100");
        // --follow takes a new file much like one already there for its copy (status C) and follows it to the
        // source's addition: both files look equally old
        assertEquals(OptionalLong.of(1_700_000_000L), followed(versions, "abc_second.py"));
        FileAge age = FileAge.with("git", 30_000);
        assertEquals(OptionalLong.of(1_700_000_100L), age.addedAt(versions.resolve("abc_second.py")));
        assertEquals(OptionalLong.of(1_700_000_000L), age.addedAt(versions.resolve("abc_first.py")));
    }

    @Test
    void the_newest_of_a_copied_pair_is_the_one_committed_later() throws Exception {
        assumeTrue(run(tmp, "git", "--version") == 0, "git is installed");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path versions = Files.createDirectories(repo.resolve("alembic/versions"));
        assertEquals(0, run(repo, "git", "init", "-q", "."));
        String body = "\"\"\"Players.\n\nRevision ID: abc\nRevises:\nCreate Date: 2026-01-02 03:04:05.000000\n\n\"\"\"\n"
                + "revision = 'abc'\ndown_revision = None\n\n\ndef upgrade():\n    op.create_table('players')\n";
        Files.writeString(versions.resolve("abc_z_players.py"), body);
        commit(repo, "1700000000");
        // copied with its Create Date; its name sorts first, so neither Create Date nor file name picks it
        Files.writeString(versions.resolve("abc_a_teams.py"), body + "    op.create_table('teams')\n");
        commit(repo, "1700000100");
        Migration newest = FileAge.with("git", 30_000).newest(HeaderReader.dir(versions));
        assertEquals("abc_a_teams.py", newest.source().fileName());
        assertEquals(followed(versions, "abc_a_teams.py"), followed(versions, "abc_z_players.py"),
                "per-file --follow could not tell them apart");
    }

    private static void commit(Path repo, String epoch) throws IOException, InterruptedException {
        assertEquals(0, run(repo, "git", "add", "-A"));
        ProcessBuilder pb = new ProcessBuilder("git", "-c", "user.email=a@example.org", "-c", "user.name=a", "commit",
                "-q", "-m", epoch).directory(repo.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_COMMITTER_DATE", epoch + " +0000");
        pb.environment().put("GIT_AUTHOR_DATE", epoch + " +0000");
        Process p = pb.start();
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0);
    }

    /** The answer of one {@code git log --diff-filter=A --follow} for the file: its oldest addition. */
    private static OptionalLong followed(Path dir, String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "log", "--diff-filter=A", "--follow", "--format=%ct", "--", name)
                .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0);
        String[] lines = out.split("\n");
        return out.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines[lines.length - 1].strip()));
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
