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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Which of several revision files is newer: by the commit that added each file when the directory
 * is a git work tree, else by the docstring's {@code Create Date:}, else by file name. Each criterion
 * decides only when it tells the files apart; git is optional (absent, slow or failing: skipped) and
 * can be turned off with {@code -Didemlint.git=false}.
 *
 * <p>One instance serves one analysis of one versions tree, on one thread: git is asked once per
 * folder of the files compared ({@code git log --name-status} over the folder, a file renamed inside
 * it dated by its first name's addition), and after a missed deadline not again by this instance.
 * Nothing is remembered from one analysis to the next, so a slow git in one run never changes the
 * next run's answer. A file copied from another is dated by its own commit: a duplicate revision id
 * usually comes from a copied revision file, which {@code git log --follow} would date by its source,
 * the other duplicate. A file moved in from another folder is dated by the move.
 *
 * <p>The repository is someone else's (a pull request can commit a {@code .git} file pointing at a
 * repository it ships), so git runs with the system and global config ignored and the repository
 * config's code-running keys overridden on the command line, which takes precedence: no fsmonitor
 * hook, hooks, pager, external diff, textconv filter, signature check (gpg) or transport (a partial
 * clone fetches missing objects on demand). Each call has a deadline of {@link #DEADLINE_MS}: the
 * output is read on a thread of its own, and at the deadline git and every process it started are
 * killed.
 */
public final class FileAge {
    /** How long one git call may take before it is killed and git is left out. */
    static final long DEADLINE_MS = 5_000;
    /** More output than a folder's additions can make (about 60 bytes each); past it nothing is trusted. */
    static final int MAX_OUTPUT = 1 << 23;

    private final String git;
    private final long deadlineMs;
    private boolean timedOut;
    /** Per folder, the oldest addition of each file in it (seconds), as git named them relative to the folder. */
    private final Map<Path, Map<String, Long>> folders = new HashMap<>();

    private FileAge(String git, long deadlineMs, boolean off) {
        this.git = git;
        this.deadlineMs = deadlineMs;
        this.timedOut = off;
    }

    /** The file ages of one analysis: git asked as {@code git}, unless {@code -Didemlint.git=false}. */
    public static FileAge forAnalysis() {
        return new FileAge("git", DEADLINE_MS, "false".equals(System.getProperty("idemlint.git")));
    }

    /** With the git executable {@code git} and a deadline of {@code deadlineMs} (tests use a fake git). */
    static FileAge with(String git, long deadlineMs) {
        return new FileAge(git, deadlineMs, false);
    }

    /** Whether a git call of this instance missed its deadline (git is then not asked again). */
    boolean timedOut() {
        return timedOut;
    }

    /** The newest file of {@code files} (at least one). */
    public Migration newest(List<Migration> files) {
        Migration best = files.get(0);
        for (Migration m : files.subList(1, files.size())) {
            if (compare(m, best) > 0) {
                best = m;
            }
        }
        return best;
    }

    /** Positive when {@code a} is newer than {@code b}. */
    public int compare(Migration a, Migration b) {
        OptionalLong ga = addedAt(a.source().path());
        OptionalLong gb = ga.isPresent() ? addedAt(b.source().path()) : OptionalLong.empty();
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

    private static String createDate(Migration m) {
        var doc = m.header().doc();
        return doc == null || doc.createDate() == null || doc.createDate().isBlank() ? null : doc.createDate().strip();
    }

    /** Commit time of the commit that added the file (following renames inside its folder), when git knows it. */
    OptionalLong addedAt(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        Path dir = file.toAbsolutePath().getParent();
        Map<String, Long> added = folders.get(dir);
        if (added == null) {
            added = timedOut ? Map.of() : additions(dir);
            folders.put(dir, added);
        }
        Long t = added.get(file.getFileName().toString());
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /** The oldest addition of every file of {@code dir}'s history; empty when git cannot tell. */
    private Map<String, Long> additions(Path dir) {
        // -M and --diff-filter=AR: a file renamed inside the folder is dated by its first name's addition,
        // as --follow dates it; the root commit's additions are shown whatever log.showRoot says, and the
        // one pathspec is not followed as a file whatever log.follow says
        List<String> command = new ArrayList<>(List.of(git, "--no-pager",
                "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.pager=cat",
                "-c", "log.showSignature=false", "-c", "protocol.allow=never", "-c", "log.showRoot=true",
                "-c", "log.follow=false",
                "-C", dir.toString(), "log", "--no-ext-diff", "--no-textconv", "--no-show-signature", "--no-color",
                "--diff-filter=AR", "-M", "--name-status", "-z", "--relative", "--format=%x01%ct", "--", "."));
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
            return Map.of(); // no git
        }
        try {
            p.getOutputStream().close();
            Bounded out = new Bounded();
            // read while git runs: a pipe that fills up would stall it, and a read to EOF has no deadline
            Thread reader = new Thread(() -> out.copy(p.getInputStream()), "idemlint-git-log");
            reader.setDaemon(true);
            reader.start();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMs);
            boolean exited = p.waitFor(deadlineMs, TimeUnit.MILLISECONDS);
            if (exited) {
                // a process git started may still hold the pipe open: the deadline covers it too
                reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            }
            if (!exited || reader.isAlive()) {
                timedOut = true;
                kill(p);
                return Map.of();
            }
            byte[] bytes = out.bytes();
            // the oldest additions come last: a cut-off log would date files by a later re-addition
            if (p.exitValue() != 0 || bytes == null) {
                return Map.of();
            }
            return parse(bytes);
        } catch (IOException e) {
            kill(p);
            return Map.of();
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /**
     * Reads {@code git log -z --name-status --format=%x01%ct} output, newest commit first: a header
     * {@code \1<seconds>} per commit, then {@code A path} or {@code R<score> old new} entries, every field
     * ended by NUL. A path is always taken as a path (it may hold any byte but NUL), so no name can pass
     * for a header. Returns each present file's oldest addition, followed back through renames; empty when
     * the output is not of that form. One pass, linear in the output.
     */
    static Map<String, Long> parse(byte[] out) {
        Map<String, Long> added = new HashMap<>();
        // a name in older history -> the present file it became; a present name renamed from another
        // is no longer itself further back
        Map<String, String> became = new HashMap<>();
        Set<String> renamedAway = new HashSet<>();
        long time = -1;
        int at = 0;
        while (at < out.length) {
            int nul = indexOf(out, at);
            if (nul < 0) {
                return Map.of();
            }
            int from = at < nul && out[at] == '\n' ? at + 1 : at;
            at = nul + 1;
            if (from < nul && out[from] == 1) {
                time = seconds(out, from + 1, nul);
                if (time < 0) {
                    return Map.of();
                }
                continue;
            }
            if (time < 0 || from == nul) {
                return Map.of();
            }
            byte status = out[from];
            int paths = status == 'A' ? 1 : status == 'R' ? 2 : 0;
            if (paths == 0) {
                return Map.of();
            }
            String[] names = new String[paths];
            for (int i = 0; i < paths; i++) {
                int e = indexOf(out, at);
                if (e < 0) {
                    return Map.of();
                }
                names[i] = new String(out, at, e - at, StandardCharsets.UTF_8);
                at = e + 1;
            }
            if (paths == 1) {
                String present = present(names[0], became, renamedAway);
                if (present != null) {
                    added.put(present, time); // older commits come later: the last one seen is the first addition
                }
            } else {
                String present = present(names[1], became, renamedAway);
                became.remove(names[1]);
                renamedAway.add(names[1]);
                if (present != null) {
                    became.put(names[0], present);
                    renamedAway.remove(names[0]);
                }
            }
        }
        return added;
    }

    private static String present(String name, Map<String, String> became, Set<String> renamedAway) {
        String p = became.get(name);
        return p != null ? p : renamedAway.contains(name) ? null : name;
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The decimal digits {@code b[from, to)} as a number, or -1 when they are not (at most 18 digits). */
    private static long seconds(byte[] b, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    /** Git's output up to {@link #MAX_OUTPUT} bytes; the rest is drained so git does not block on a full pipe. */
    private static final class Bounded {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean over;

        void copy(InputStream in) {
            byte[] buf = new byte[8192];
            try (in) {
                int r;
                while ((r = in.read(buf)) > 0) {
                    synchronized (this) {
                        if (kept.size() + r <= MAX_OUTPUT) {
                            kept.write(buf, 0, r);
                        } else {
                            over = true;
                        }
                    }
                }
            } catch (IOException e) {
                // killed, or the stream closed: what was read is all there is
            }
        }

        /** What git wrote, or null when it wrote more than is kept. */
        synchronized byte[] bytes() {
            return over ? null : kept.toByteArray();
        }
    }

    /** Kills git and every process it started (a wrapper script's children would keep the pipe open). */
    private static void kill(Process p) {
        List<ProcessHandle> tree = p.descendants().toList();
        p.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }
}
