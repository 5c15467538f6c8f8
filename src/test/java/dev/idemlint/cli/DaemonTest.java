package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code idemlint daemon}: a real daemon JVM started in this repository's root, reached through the
 * launchers' client ({@code src/dist/python/idemlint/daemon.py}) exactly as {@code ./idemlint lint}
 * reaches it. What it prints and returns is compared with the same run made in this JVM. A daemon JVM
 * per test: tagged {@code slow}, run by {@code mvn verify}, not {@code mvn test}.
 */
@Tag("slow")
class DaemonTest {
    private static final Path ROOT = rootDir();
    private static final Path CLIENT = ROOT.resolve("src/dist/python/idemlint/daemon.py");
    private static final String EXAMPLE = "examples/basketball-api";
    /** What the client runs when no daemon serves the run: this marker, and exit status 97. */
    private static final List<String> NOT_SERVED = List.of("/bin/sh", "-c", "echo not-served >&2; exit 97", "sh");

    @TempDir
    Path tmp;
    private Path runDir;
    private Path install;
    private Path cache;
    private Process daemon;
    private Path socket;

    private static Path rootDir() {
        try {
            return Path.of(System.getProperty("user.dir")).toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void startDaemon() throws Exception {
        runDir = Files.createDirectory(tmp.resolve("run"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------"))).toRealPath();
        install = Files.writeString(tmp.resolve("install.jar"), "a stand-in for the build").toRealPath();
        cache = Files.createDirectory(tmp.resolve("cache"));
        socket = Daemon.socket(runDir, install.toString(), ROOT);
        daemon = start();
    }

    private Process start() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Didemlint.daemon.install=" + install, "-cp",
                System.getProperty("java.class.path"), "dev.idemlint.cli.Main", "daemon", "run", "--idle-timeout", "5");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("daemon.log").toFile());
        pb.environment().put("IDEMLINT_DAEMON_DIR", runDir.toString());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Daemon.answers(socket)) {
            assertTrue(p.isAlive(), () -> "the daemon exited: " + log());
            assertTrue(System.nanoTime() < deadline, "the daemon did not answer within 60 s");
            Thread.sleep(20);
        }
        return p;
    }

    private String log() {
        try {
            return Files.readString(tmp.resolve("daemon.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.destroy();
        if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
        }
    }

    /** {@code idemlint ARGS} through the client in {@code cwd}, with the run directory and cache of this test. */
    private CliRun.Result client(Path cwd, Map<String, String> env, byte[] stdin, String... args) throws Exception {
        return client(NOT_SERVED, cwd, env, stdin, args);
    }

    /** As {@link #client(Path, Map, byte[], String...)}, {@code fallback} running the runs no daemon serves. */
    private CliRun.Result client(List<String> fallback, Path cwd, Map<String, String> env, byte[] stdin, String... args)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", "-I", "-S", CLIENT.toString(), install.toString(),
                String.valueOf(args.length), "--"));
        cmd.addAll(fallback);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("IDEMLINT_DAEMON_DIR", runDir.toString());
        pb.environment().put("IDEMLINT_CACHE_DIR", cache.toString());
        pb.environment().remove("IDEMLINT_DAEMON");
        pb.environment().remove("NO_COLOR");
        pb.environment().putAll(env);
        Path err = tmp.resolve("client.err");
        Process p = pb.redirectError(err.toFile()).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the client did not finish");
        return new CliRun.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    private CliRun.Result client(String... args) throws Exception {
        return client(ROOT, Map.of(), null, args);
    }

    private static void assertSame(CliRun.Result expected, CliRun.Result actual) {
        assertEquals(expected.out(), actual.out());
        assertEquals(expected.err(), actual.err());
        assertEquals(expected.exit(), actual.exit());
    }

    @Test
    void a_served_run_prints_and_returns_what_the_command_line_does_over_every_fixture() throws Exception {
        for (String format : List.of("json", "full")) {
            String[] args = {"lint", "--format", format, "--fail-on", "warning", "src/test/resources/fixtures/rules",
                EXAMPLE};
            String[] direct = {"lint", "--no-cache", "--format", format, "--fail-on", "warning",
                "src/test/resources/fixtures/rules", EXAMPLE};
            CliRun.Result expected = CliRun.run(direct);
            assertTrue(expected.out().length() > 10_000 && expected.exit() == 1, expected.err());
            // the first run fills the cache and the daemon's models, the second replays, the third uses the
            // kept models with the cache off
            assertSame(expected, client(args));
            assertSame(expected, client(args));
            assertSame(expected, client(direct));
        }
        assertTrue(Files.list(cache).findAny().isPresent(), "the client's IDEMLINT_CACHE_DIR reached the daemon");
    }

    @Test
    void a_revision_changed_between_runs_is_read_again() throws Exception {
        Path project = copy(ROOT.resolve(EXAMPLE), tmp.resolve("project"));
        String[] args = {"lint", "--format", "concise", "--no-cache", project.toString()};
        String[] cached = {"lint", "--format", "concise", project.toString()};
        assertSame(CliRun.run(args), client(cached));
        Path revision;
        try (Stream<Path> s = Files.walk(project)) {
            revision = s.filter(p -> p.toString().endsWith(".py") && p.toString().contains("versions"))
                    .sorted().findFirst().orElseThrow();
        }
        // the modification time as before: the size tells the change
        String text = Files.readString(revision);
        FileTime time = Files.getLastModifiedTime(revision);
        String changed = text.replaceFirst("def upgrade\\(\\)( -> None)?:\n",
                "def upgrade()$1:\n    op.add_column('teams', sa.Column('zz', sa.Integer()))\n");
        assertFalse(changed.equals(text), "the revision has an upgrade()");
        Files.writeString(revision, changed);
        Files.setLastModifiedTime(revision, time);
        CliRun.Result after = CliRun.run(args);
        assertTrue(after.out().contains("zz"), after.out());
        assertSame(after, client(cached));
        assertSame(after, client(args));
    }

    @Test
    void a_write_of_the_same_size_with_the_time_set_back_is_seen_once_the_stamps_are_trusted() throws Exception {
        Path project = copy(ROOT.resolve(EXAMPLE), tmp.resolve("project"));
        Path revision = project.resolve("alembic/versions/020_custom_notes.py");
        String[] args = {"lint", "--format", "concise", project.toString()};
        Thread.sleep(2_100); // files written less than 2 s before are read again every run: wait until they are kept
        client(args);
        CliRun.Result before = client(args);
        assertTrue(before.out().contains("\"custom_notes\""), before.out());
        FileTime time = Files.getLastModifiedTime(revision);
        String text = Files.readString(revision);
        Files.writeString(revision, text.replace("custom_notes", "custom_nutes"));
        Files.setLastModifiedTime(revision, time);
        Thread.sleep(2_100); // and the change is old enough to be trusted: only its status-change time tells it
        CliRun.Result after = client(args);
        assertTrue(after.out().contains("\"custom_nutes\""), after.out());
        assertSame(CliRun.run("lint", "--no-cache", "--format", "concise", project.toString()), after);
    }

    @Test
    void a_naming_convention_changed_in_a_module_env_py_reads_is_seen() throws Exception {
        Path project = copy(ROOT.resolve("src/test/resources/fixtures/rules/add-constraint-not-idempotent/naming_convention"),
                tmp.resolve("named"));
        String[] args = {"lint", "--format", "concise", project.toString()};
        CliRun.Result before = client(args);
        assertTrue(before.out().contains("\"fk_orders_customer_id_customers\""), before.out());
        Path models = project.resolve("models.py");
        Files.writeString(models, Files.readString(models).replace("\"fk\": \"fk_%", "\"fk\": \"fkey_%"));
        CliRun.Result after = client(args);
        assertTrue(after.out().contains("\"fkey_orders_customer_id_customers\""), after.out());
        assertSame(CliRun.run("lint", "--no-cache", "--format", "concise", project.toString()), after);
    }

    @Test
    void a_run_with_other_rules_selected_gets_their_findings() throws Exception {
        String[] some = {"lint", "--no-cache", "--format", "concise", "--select", "add-column-not-idempotent", EXAMPLE};
        String[] all = {"lint", "--format", "concise", "--no-cache", EXAMPLE};
        String[] kept = {"lint", "--format", "concise", EXAMPLE};
        assertSame(CliRun.run(some), client(kept[0], "--format", "concise", "--select", "add-column-not-idempotent",
                EXAMPLE));
        CliRun.Result expected = CliRun.run(all);
        assertTrue(expected.out().contains("create-table-not-idempotent"), expected.out());
        assertSame(expected, client(kept));
    }

    @Test
    void standard_input_and_fix_are_served_as_on_the_command_line() throws Exception {
        Path project = copy(ROOT.resolve(EXAMPLE), tmp.resolve("project"));
        Path revision;
        try (Stream<Path> s = Files.walk(project)) {
            revision = s.filter(p -> p.toString().endsWith(".py") && p.toString().contains("versions"))
                    .sorted().findFirst().orElseThrow();
        }
        byte[] text = (Files.readString(revision).replaceFirst("def upgrade\\(\\)( -> None)?:\n",
                "def upgrade()$1:\n    op.add_column('teams', sa.Column('zz', sa.Integer()))\n"))
                .getBytes(StandardCharsets.UTF_8);
        String[] stdin = {"lint", "--format", "concise", "-", "--stdin-filename", revision.toString()};
        CliRun.Result expected = CliRun.runWithStdin(new String(text, StandardCharsets.UTF_8), stdin);
        assertTrue(expected.out().contains("zz"), expected.out());
        assertSame(expected, client(ROOT, Map.of(), text, stdin));

        Path other = copy(project, tmp.resolve("other"));
        CliRun.Result fixedHere = CliRun.run("lint", "--fix", "--format", "concise", "--unsafe-fixes", project.toString());
        CliRun.Result fixedThere = client("lint", "--fix", "--format", "concise", "--unsafe-fixes", other.toString());
        assertEquals(fixedHere.exit(), fixedThere.exit());
        assertEquals(fixedHere.out().replace(project.toString(), "P"), fixedThere.out().replace(other.toString(), "P"));
        int rewritten = 0;
        try (Stream<Path> s = Files.walk(project)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path rel = project.relativize(p);
                assertEquals(Files.readString(p), Files.readString(other.resolve(rel)), p.toString());
                Path original = ROOT.resolve(EXAMPLE).resolve(rel);
                rewritten += Files.exists(original) && !Files.readString(original).equals(Files.readString(p)) ? 1 : 0;
            }
        }
        assertTrue(rewritten > 0, "--fix rewrote a file: " + fixedHere.out() + fixedHere.err());
    }

    @Test
    void runs_it_does_not_serve_go_to_the_command_line() throws Exception {
        assertEquals(97, client("rules").exit(), "only lint is served");
        assertEquals(97, client(ROOT, Map.of("IDEMLINT_DAEMON", "0"), null, "lint", EXAMPLE).exit());
        assertEquals(97, client(tmp, Map.of(), null, "lint", ROOT.resolve(EXAMPLE).toString()).exit(),
                "another directory has no daemon");
        Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(97, client("lint", EXAMPLE).exit(), "a run directory others can enter is not trusted");
        assertNotNull(Daemon.unsafe(runDir, Daemon.uid()));
        Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwx------"));
        assertNull(Daemon.unsafe(runDir, Daemon.uid()));
        CliRun.Result served = client("lint", "--no-cache", EXAMPLE);
        assertEquals(CliRun.run("lint", "--no-cache", EXAMPLE).out(), served.out());
    }

    @Test
    void hostile_clients_do_not_stop_it() throws Exception {
        for (byte[] garbage : List.of(new byte[] {'H', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), new byte[0])) {
            try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                c.write(java.nio.ByteBuffer.wrap(garbage));
            }
        }
        // a client that says hello and then sends an argument it claims is 2 GB long
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(c));
            byte[] hello = (Daemon.PROTOCOL + "\n" + install + "\n" + ROOT).getBytes(StandardCharsets.UTF_8);
            Daemon.write(out, 'H', hello, 0, hello.length);
            out.write('A');
            out.writeInt(Integer.MAX_VALUE);
            out.flush();
            DataInputStream in = new DataInputStream(Channels.newInputStream(c));
            assertEquals('K', in.read());
        }
        CliRun.Result served = client("lint", "--no-cache", EXAMPLE);
        assertEquals(CliRun.run("lint", "--no-cache", EXAMPLE).out(), served.out());
        assertTrue(daemon.isAlive());
    }

    @Test
    void a_changed_build_turns_clients_away_and_exits() throws Exception {
        assertEquals(1, client("lint", EXAMPLE).exit());
        Files.setLastModifiedTime(install, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        CliRun.Result r = client("lint", EXAMPLE);
        assertEquals(97, r.exit(), r.err());
        assertTrue(daemon.waitFor(20, TimeUnit.SECONDS), "the daemon exits");
        assertFalse(Files.exists(socket), "and removes its socket");
    }

    @Test
    void start_replaces_a_daemon_of_an_earlier_build() throws Exception {
        Files.setLastModifiedTime(install, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        CliRun.Result started = forked("daemon", "start", "--idle-timeout", "2");
        try {
            assertEquals(0, started.exit(), started.err() + log());
            assertTrue(started.out().contains("daemon started for " + ROOT), started.out());
            assertTrue(daemon.waitFor(20, TimeUnit.SECONDS), "the earlier build's daemon exits");
            CliRun.Result served = client("lint", "--no-cache", EXAMPLE);
            assertEquals(CliRun.run("lint", "--no-cache", EXAMPLE).out(), served.out());
            assertEquals(0, forked("daemon", "start").exit(), "a second start finds it running");
            assertTrue(forked("daemon", "status").out().contains("1 run served"));
        } finally {
            assertEquals(0, forked("daemon", "stop").exit());
        }
        assertEquals(97, client("lint", EXAMPLE).exit());
    }

    @Test
    void auto_starts_a_daemon_that_serves_the_next_run() throws Exception {
        Path project = copy(ROOT.resolve(EXAMPLE), tmp.resolve("auto")).toRealPath();
        Path socketThere = Daemon.socket(runDir, install.toString(), project);
        Map<String, String> auto = Map.of("IDEMLINT_DAEMON", "auto");
        try {
            CliRun.Result first = client(jvm(), project, auto, null, "lint", "--no-cache", ".");
            assertEquals(1, first.exit(), first.err());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Daemon.answers(socketThere)) {
                assertTrue(System.nanoTime() < deadline, "no daemon was started for " + project);
                Thread.sleep(50);
            }
            assertSame(first, client(jvm(), project, auto, null, "lint", "--no-cache", "."));
            String log = Files.readString(Path.of(socketThere.toString().replace(".sock", ".log")));
            assertTrue(log.contains("run 1: exit 1"), "the second run was served: " + log);
            assertEquals(97, client(tmp, Map.of(), null, "lint", project.toString()).exit(),
                    "without auto, a run in a directory no daemon serves is the launcher's own");
        } finally {
            forked(project, "daemon", "stop");
        }
        assertFalse(Daemon.answers(socketThere));
    }

    @Test
    void status_and_stop() throws Exception {
        CliRun.Result status = forked("daemon", "status");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("serving " + ROOT), status.out());
        CliRun.Result stop = forked("daemon", "stop");
        assertEquals(0, stop.exit(), stop.err());
        assertTrue(daemon.waitFor(20, TimeUnit.SECONDS), "the daemon exits");
        assertEquals(1, forked("daemon", "status").exit());
        assertEquals(97, client("lint", EXAMPLE).exit());
    }

    /** The command line that runs {@code idemlint} in a JVM of its own, as this test's build. */
    private List<String> jvm() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-Didemlint.daemon.install=" + install, "-cp", System.getProperty("java.class.path"),
                "dev.idemlint.cli.Main");
    }

    /** {@code idemlint ARGS} in a JVM of its own in the repository root, with this test's run directory. */
    private CliRun.Result forked(String... args) throws Exception {
        return forked(ROOT, args);
    }

    /** {@code idemlint ARGS} in a JVM of its own in {@code cwd}, with this test's run directory. */
    private CliRun.Result forked(Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(jvm());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("IDEMLINT_DAEMON_DIR", runDir.toString());
        Path err = tmp.resolve("forked.err");
        Process p = pb.redirectError(err.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new CliRun.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
