package dev.idemlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source launcher {@code ./idemlint}, copied into a scratch checkout and run by bash with a stub
 * JDK (a {@code java} script that logs its arguments) and a stub {@code mvn} on {@code PATH}: its
 * training run's result cache lives in a new private folder removed however the run ends, a
 * launcher killed while it builds or trains takes its children with it, and concurrent first runs
 * start one build.
 */
class LauncherTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));
    private static final long TIMEOUT_S = 60;

    /** Logs its arguments; a training run (it records an archive) writes into the cache folder it is given. */
    private static final String JAVA_STUB = """
            #!/bin/bash
            log="$STUB_LOG"
            echo "java $*" >> "$log/java.log"
            out="" prev=""
            for a in "$@"; do
              case "$a" in -XX:ArchiveClassesAtExit=*) out="${a#*=}" ;; esac
              if [[ "$prev" == --cache-dir ]]; then
                if [[ -L "$a" ]]; then kind=link; elif [[ -d "$a" ]]; then kind=dir; else kind=none; fi
                echo "cache $kind $(stat -L -c %a "$a" 2>/dev/null) $a" >> "$log/java.log"
                mkdir -p "$a" && echo entry > "$a/written"
              fi
              prev="$a"
            done
            if [[ -n "$out" ]]; then
              if [[ -n "${JAVA_STUB_SLEEP:-}" ]]; then
                sleep "$JAVA_STUB_SLEEP" & echo "$$ $!" > "$log/java.pid"
                wait
              fi
              echo archive > "$out"
            fi
            echo ran
            """;
    /**
     * Counts its runs; sleeps MVN_STUB_SLEEP seconds (in a child, as Maven's JVM is), then writes the
     * jar, or fails when MVN_STUB_FAIL is set; prints colour codes as Maven 3.8 does in batch mode.
     */
    private static final String MVN_STUB = """
            #!/bin/bash
            echo "mvn $PWD" >> "$STUB_LOG/mvn.log"
            printf '\\e[0m\\e[0m'
            sleep "${MVN_STUB_SLEEP:-1}" & echo "$$ $!" > "$STUB_LOG/mvn.pid"
            wait
            if [[ -n "${MVN_STUB_FAIL:-}" ]]; then
              printf '\\e[1;31m[ERROR]\\e[m COMPILATION ERROR in Main.java\\n\\e[0m'
              exit 1
            fi
            mkdir -p target && echo jar > target/idemlint.jar
            """;

    @TempDir
    Path tmp;
    private Path repo;
    private Path launcher;
    private Path bin;
    private Path logs;
    private Path tmpdir;
    private Path java;
    private final List<Process> launched = new ArrayList<>();

    @BeforeEach
    void scratchCheckout() throws IOException {
        repo = Files.createDirectories(tmp.resolve("repo"));
        launcher = repo.resolve("idemlint");
        Files.copy(ROOT.resolve("idemlint"), launcher);
        // the training lints examples/basketball-api when there is one, with a result cache
        Files.createDirectories(repo.resolve("examples/basketball-api"));
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
        Files.writeString(tmp.resolve("jdk/release"), "JAVA_VERSION=\"21.0.1\"\n");
        java = executable(jdk.resolve("java"), JAVA_STUB);
        bin = Files.createDirectories(tmp.resolve("bin"));
        executable(bin.resolve("mvn"), MVN_STUB);
        logs = Files.createDirectories(tmp.resolve("logs"));
        tmpdir = Files.createDirectories(tmp.resolve("tmpdir"));
    }

    @AfterEach
    void stopLeftovers() throws IOException {
        launched.forEach(p -> p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly));
        launched.forEach(Process::destroyForcibly);
        for (String file : List.of("java.pid", "mvn.pid")) {
            stubPids(file).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void the_training_cache_is_a_new_private_folder_and_a_link_at_the_old_predictable_name_is_not_followed()
            throws Exception {
        jarBuilt();
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        // the launcher keeps the pid of the shell that execs it: a link planted at
        // $TMPDIR/idemlint-training-cache-<that pid> is where the training cache would go if named by it
        Process run = start(Map.of(), "bash", "-c",
                "ln -s \"$1\" \"$TMPDIR/idemlint-training-cache-$$\" && exec bash \"$2\" --version",
                "plant", victim.toString(), launcher.toString());
        assertEquals(0, finish(run), output(run));

        try (Stream<Path> planted = Files.list(victim)) {
            assertEquals(List.of(), planted.toList(), "the training wrote through the planted link");
        }
        List<String> caches = Files.readAllLines(logs.resolve("java.log")).stream()
                .filter(l -> l.startsWith("cache ")).toList();
        assertEquals(1, caches.size(), "one training run with a result cache: " + caches);
        String[] cache = caches.get(0).split(" ", 4);
        assertEquals("dir", cache[1], "the cache folder exists before the training starts, and is no link");
        assertEquals("700", cache[2], "only its owner may enter the cache folder");
        assertTrue(Path.of(cache[3]).startsWith(tmpdir), cache[3] + " is not under $TMPDIR");
        assertFalse(Files.exists(Path.of(cache[3]), LinkOption.NOFOLLOW_LINKS),
                "the training cache " + cache[3] + " is left behind");
        try (Stream<Path> left = Files.list(tmpdir)) {
            assertEquals(List.of("idemlint-training-cache-" + run.pid()),
                    left.map(p -> p.getFileName().toString()).toList(), "only the planted link remains in $TMPDIR");
        }
        assertTrue(Files.isRegularFile(repo.resolve("target/idemlint-jdk-default-serial.jsa"))
                || Files.isRegularFile(repo.resolve("target/idemlint-jdk-default-parallel.jsa")),
                "the training recorded its archive");
    }

    @Test
    void a_launcher_killed_during_the_training_stops_it_and_leaves_no_folder() throws Exception {
        jarBuilt();
        Process run = start(Map.of("JAVA_STUB_SLEEP", "120"), "bash", launcher.toString(), "--version");
        List<Long> training = awaitPids(run, "java.pid");
        run.destroy(); // SIGTERM
        assertTrue(run.waitFor(TIMEOUT_S, TimeUnit.SECONDS), "the launcher did not end on SIGTERM");

        awaitGone(training, "the training run");
        try (Stream<Path> left = Files.list(tmpdir)) {
            assertEquals(List.of(), left.toList(), "a killed training leaves its cache folder in $TMPDIR");
        }
        try (Stream<Path> target = Files.list(repo.resolve("target"))) {
            assertEquals(List.of(), target.filter(p -> p.toString().endsWith(".tmp")).toList(),
                    "a killed training leaves its half-written archive");
        }
    }

    @Test
    void a_launcher_killed_while_it_builds_the_jar_stops_the_build() throws Exception {
        Process run = start(Map.of("MVN_STUB_SLEEP", "120", "IDEMLINT_CDS", "0"), "bash", launcher.toString(),
                "--version");
        List<Long> build = awaitPids(run, "mvn.pid");
        run.destroy(); // SIGTERM
        assertTrue(run.waitFor(TIMEOUT_S, TimeUnit.SECONDS), "the launcher did not end on SIGTERM");
        awaitGone(build, "the build (mvn and its child)");

        // the next run does not take the build cut short for a finished one
        Files.writeString(repo.resolve("target/idemlint.jar"), "half a jar");
        Process next = start(Map.of("MVN_STUB_SLEEP", "0", "IDEMLINT_CDS", "0"), "bash", launcher.toString(),
                "--version");
        assertEquals(0, finish(next), output(next));
        assertEquals(2, Files.readAllLines(logs.resolve("mvn.log")).size(), "the interrupted build is run again");
        assertEquals("jar\n", Files.readString(repo.resolve("target/idemlint.jar")));
    }

    @Test
    void concurrent_first_runs_start_one_build_and_all_use_its_jar() throws Exception {
        assertOneBuild(Map.of());
    }

    @Test
    void concurrent_first_runs_start_one_build_without_flock() throws Exception {
        // PATH holds the stub mvn and only the commands the launcher and the stubs use, flock not among them
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        for (String tool : List.of("bash", "mkdir", "rm", "sleep", "mktemp", "readlink")) {
            Path real = Stream.of("/usr/bin/", "/bin/").map(d -> Path.of(d + tool)).filter(Files::isExecutable)
                    .findFirst().orElseThrow(() -> new IllegalStateException(tool + " not found"));
            Files.createSymbolicLink(tools.resolve(tool), real);
        }
        assertOneBuild(Map.of("PATH", bin + ":" + tools));
    }

    private void assertOneBuild(Map<String, String> env) throws Exception {
        Map<String, String> slow = new HashMap<>(env);
        slow.put("MVN_STUB_SLEEP", "3");
        slow.put("IDEMLINT_CDS", "0");
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(start(slow, "bash", launcher.toString(), "--version"));
        }
        for (Process run : runs) {
            assertEquals(0, finish(run), output(run));
            assertEquals("ran\n", Files.readString(stdout(run)), "each run execs java on the built jar");
        }
        assertEquals(1, Files.readAllLines(logs.resolve("mvn.log")).size(), "concurrent first runs each built the jar");
        assertFalse(Files.exists(repo.resolve("target/idemlint.jar.building")), "the build left its marker");
        for (Process run : runs) {
            assertFalse(output(run).contains("\u001b"), "the build's colour codes reached the terminal: " + output(run));
        }
    }

    @Test
    void a_failed_build_shows_mavens_output_without_colour_codes_and_fails() throws Exception {
        Process run = start(Map.of("MVN_STUB_SLEEP", "0", "MVN_STUB_FAIL", "1"), "bash", launcher.toString(), "--version");
        assertEquals(1, finish(run), output(run));
        String err = output(run);
        assertTrue(err.contains("\n[ERROR] COMPILATION ERROR in Main.java\n"), err);
        assertTrue(err.contains("idemlint: the build of " + repo.resolve("target/idemlint.jar") + " failed (exit 1;"), err);
        assertFalse(err.contains("\u001b"), err);
        assertFalse(Files.exists(logs.resolve("java.log")), "java ran although the build failed");
    }

    private void jarBuilt() throws IOException {
        Files.createDirectories(repo.resolve("target"));
        Files.writeString(repo.resolve("target/idemlint.jar"), "jar\n");
    }

    private Process start(Map<String, String> env, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("IDEMLINT_") || k.equals("JAVA_HOME"));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("TMPDIR", tmpdir.toString());
        pb.environment().put("STUB_LOG", logs.toString());
        pb.environment().put("IDEMLINT_JAVA", java.toString());
        pb.environment().putAll(env);
        int n = launched.size();
        pb.redirectOutput(logs.resolve("out" + n).toFile()).redirectError(logs.resolve("err" + n).toFile());
        Process p = pb.start();
        launched.add(p);
        return p;
    }

    private int finish(Process p) throws InterruptedException {
        assertTrue(p.waitFor(TIMEOUT_S, TimeUnit.SECONDS), "the launcher did not finish");
        return p.exitValue();
    }

    private Path stdout(Process p) {
        return logs.resolve("out" + launched.indexOf(p));
    }

    private String output(Process p) throws IOException {
        int n = launched.indexOf(p);
        return Files.readString(logs.resolve("out" + n)) + Files.readString(logs.resolve("err" + n));
    }

    private List<Long> stubPids(String file) throws IOException {
        Path f = logs.resolve(file);
        if (!Files.exists(f)) {
            return List.of();
        }
        String text = Files.readString(f).strip();
        return text.isEmpty() ? List.of() : Stream.of(text.split(" ")).map(Long::parseLong).toList();
    }

    /** The stub's pid and its child's, once the stub has written them. */
    private List<Long> awaitPids(Process run, String file) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (System.nanoTime() < deadline) {
            List<Long> pids = stubPids(file);
            if (pids.size() == 2) {
                return pids;
            }
            assertTrue(run.isAlive(), "the launcher ended before its child started: " + output(run));
            Thread.sleep(50);
        }
        throw new AssertionError(file + " never written: " + output(run));
    }

    private static void awaitGone(List<Long> pids, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && pids.stream().anyMatch(LauncherTest::running)) {
            Thread.sleep(50);
        }
        for (long pid : pids) {
            assertFalse(running(pid), what + " (pid " + pid + ") outlived the launcher");
        }
    }

    /** Alive and not a zombie (an orphan waits to be reaped by whatever adopted it). */
    private static boolean running(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
