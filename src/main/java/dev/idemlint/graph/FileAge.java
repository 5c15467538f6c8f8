package dev.idemlint.graph;

import dev.idemlint.migration.Migration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which of several revision files is newer: by the commit that added each file when the directory
 * is a git work tree, else by the docstring's {@code Create Date:}, else by file name. Each criterion
 * decides only when it tells the files apart; git is optional (absent, slow or failing: skipped) and
 * can be turned off with {@code -Didemlint.git=false}.
 *
 * <p>The repository is someone else's (a pull request can commit a {@code .git} file pointing at a
 * repository it ships), so git runs with the system and global config ignored and the repository
 * config's code-running keys overridden on the command line, which takes precedence: no fsmonitor
 * hook, hooks, pager, external diff, textconv filter, signature check (gpg) or transport (a partial
 * clone fetches missing objects on demand). Each call has a deadline of {@link #DEADLINE_MS}: the
 * output is read on a thread of its own, and at the deadline git and every process it started are
 * killed; after one timeout git is not asked again in this run.
 */
public final class FileAge {
    private FileAge() {
    }

    /** How long one git call may take before it is killed and git is left out. */
    static final long DEADLINE_MS = 5_000;
    /** More output than a file's additions can make: the rest is not read. */
    private static final int MAX_OUTPUT = 1 << 16;
    /** Set when git missed its deadline: a slow git is not waited for once per duplicate pair. */
    private static final AtomicBoolean GIT_TIMED_OUT = new AtomicBoolean();

    /** The newest file of {@code files} (at least one); git is asked about each file at most once. */
    public static Migration newest(List<Migration> files) {
        Map<Path, OptionalLong> added = new HashMap<>();
        Migration best = files.get(0);
        for (Migration m : files.subList(1, files.size())) {
            if (compare(m, best, added) > 0) {
                best = m;
            }
        }
        return best;
    }

    /** Positive when {@code a} is newer than {@code b}. */
    public static int compare(Migration a, Migration b) {
        return compare(a, b, new HashMap<>());
    }

    private static int compare(Migration a, Migration b, Map<Path, OptionalLong> added) {
        OptionalLong ga = added(a, added);
        OptionalLong gb = ga.isPresent() ? added(b, added) : OptionalLong.empty();
        if (ga.isPresent() && gb.isPresent() && ga.getAsLong() != gb.getAsLong()) {
            return Long.compare(ga.getAsLong(), gb.getAsLong());
        }
        String ca = createDate(a);
        String cb = createDate(b);
        if (ca != null && cb != null && !ca.equals(cb)) {
            // Alembic writes str(datetime): "2026-04-11 19:51:33.123456", which sorts as text.
            return ca.compareTo(cb);
        }
        return a.source().fileName().compareTo(b.source().fileName());
    }

    private static OptionalLong added(Migration m, Map<Path, OptionalLong> known) {
        Path p = m.source().path();
        if (p == null) {
            return OptionalLong.empty();
        }
        OptionalLong t = known.get(p);
        if (t == null) {
            t = addedAt(p);
            known.put(p, t);
        }
        return t;
    }

    private static String createDate(Migration m) {
        var doc = m.header().doc();
        return doc == null || doc.createDate() == null || doc.createDate().isBlank() ? null : doc.createDate().strip();
    }

    /** Commit time of the commit that added the file, when git knows it. */
    static OptionalLong addedAt(Path file) {
        if ("false".equals(System.getProperty("idemlint.git")) || GIT_TIMED_OUT.get()) {
            return OptionalLong.empty();
        }
        return addedAt(file, "git", DEADLINE_MS, GIT_TIMED_OUT);
    }

    /**
     * {@link #addedAt(Path)} with the git executable {@code git} and a deadline of {@code deadlineMs}
     * (tests use a fake git); a missed deadline sets {@code timedOut}.
     */
    static OptionalLong addedAt(Path file, String git, long deadlineMs, AtomicBoolean timedOut) {
        if (file == null || !Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        Path dir = file.toAbsolutePath().getParent();
        List<String> command = new ArrayList<>(List.of(git, "--no-pager",
                "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.pager=cat",
                "-c", "log.showSignature=false", "-c", "protocol.allow=never",
                "-C", dir.toString(), "log", "--no-ext-diff", "--no-textconv", "--no-show-signature",
                "--diff-filter=A", "--follow", "--format=%ct", "--", file.getFileName().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        // the machine's and the user's config are not the repository's to choose, but neither is
        // needed to read history; an inherited GIT_DIR or GIT_WORK_TREE would point git elsewhere
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_OPTIONAL_LOCKS", "0");
        env.put("GIT_NO_LAZY_FETCH", "1");
        env.put("GIT_PAGER", "cat");
        for (String inherited : List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_EXTERNAL_DIFF",
                "GIT_CEILING_DIRECTORIES", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES")) {
            env.remove(inherited);
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // no git
        }
        try {
            p.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // read while git runs: a pipe that fills up would stall it, and a read to EOF has no deadline
            Thread reader = new Thread(() -> copy(p.getInputStream(), out), "idemlint-git-log");
            reader.setDaemon(true);
            reader.start();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMs);
            boolean exited = p.waitFor(deadlineMs, TimeUnit.MILLISECONDS);
            if (exited) {
                // a process git started may still hold the pipe open: the deadline covers it too
                reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            }
            if (!exited || reader.isAlive()) {
                timedOut.set(true);
                kill(p);
                return OptionalLong.empty();
            }
            String text;
            synchronized (out) {
                text = out.toString(StandardCharsets.UTF_8).strip();
            }
            if (p.exitValue() != 0 || text.isEmpty()) {
                return OptionalLong.empty();
            }
            String[] lines = text.split("\\R");
            // With --follow the oldest addition comes last.
            return OptionalLong.of(Long.parseLong(lines[lines.length - 1].strip()));
        } catch (IOException | NumberFormatException e) {
            kill(p);
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** Copies up to {@link #MAX_OUTPUT} bytes, then drains the rest so git does not block on a full pipe. */
    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            int r;
            while ((r = in.read(buf)) > 0) {
                synchronized (out) {
                    if (out.size() < MAX_OUTPUT) {
                        out.write(buf, 0, Math.min(r, MAX_OUTPUT - out.size()));
                    }
                }
            }
        } catch (IOException e) {
            // killed, or the stream closed: what was read is all there is
        }
    }

    /** Kills git and every process it started (a wrapper script's children would keep the pipe open). */
    private static void kill(Process p) {
        List<ProcessHandle> tree = p.descendants().toList();
        p.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }
}
