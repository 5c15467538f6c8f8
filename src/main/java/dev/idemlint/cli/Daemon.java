package dev.idemlint.cli;

import dev.idemlint.cache.ContentMemo;
import dev.idemlint.cache.ResultCache;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.FileMemo;
import dev.idemlint.schema.SchemaTimeline;
import dev.idemlint.server.KeptModels;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The resident process behind {@code idemlint daemon}: one JVM per working directory and idemlint
 * install, serving {@code lint} runs for a client ({@code idemlint/daemon.py}, which the launchers
 * run when a daemon's socket exists) so that a run costs neither the JVM's start nor its warm-up, and
 * each versions tree's file models are kept in memory between runs (as the Language Server keeps
 * them): a run after one revision changed parses that revision and runs the cross-file rules again.
 * The files' bytes and keyed digests are kept too ({@link ContentMemo}), so that the result cache's
 * keys of unchanged files cost a stat; the cache's writes are done after the client has its answer
 * ({@link Invocation#later}), before the next request is read.
 *
 * <p>A request runs {@link Main#run} in this process exactly as the command line would, with the
 * client's arguments, standard input, terminal and the environment variables a lint reads
 * ({@link #CLIENT_ENV}); its standard output and error go back to the client in frames, then its exit
 * status. Requests run one at a time (a lint uses both cores already; {@code System.out} is the
 * process's). The daemon serves only its own working directory, where relative paths mean what the
 * client meant, and only its own build: when its jar (or the runtime it is linked into) changes on
 * disk it turns the client away, which then runs idemlint itself, and exits.
 *
 * <p>Wire format, both ways: frames of a type byte, a big-endian 4-byte length and that many bytes.
 * The client sends {@code H} (protocol, install and working directory, lines of UTF-8), waits for
 * {@code K} (served) or {@code N} (not served: a reason), then sends {@code A} (an argument), {@code V}
 * ({@code NAME=value}), {@code T} (one byte: stdout is a terminal), {@code I} (standard input bytes),
 * and last {@code R} (run), {@code S} (stop) or {@code Q} (status). The daemon answers with {@code O}
 * (stdout bytes) and {@code E} (stderr bytes) frames, then {@code X} (4-byte exit status).
 *
 * <p>Who may connect: the socket lives in a run directory only its owner can enter ({@link #runDir}),
 * checked by the client and the daemon, so a request comes from the user who started the daemon.
 */
final class Daemon {
    static final String PROTOCOL = "idemlint-daemon 1";
    /** The environment variables a lint reads; the client sends these, the daemon sees no other of its client's. */
    static final List<String> CLIENT_ENV = List.of("NO_COLOR", ResultCache.ENV);
    /** The longest frame a client may send: an argument or a piece of standard input. */
    static final int MAX_FRAME = 16 << 20;
    /** All of a request's frames together. */
    static final long MAX_REQUEST = 256L << 20;
    /** How long a client may take to send its request. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** How many of the latest runs' trees stay kept (a project's full runs, pre-commit's and an editor's task's). */
    static final int KEPT_RUNS = 4;
    /** The versions trees the latest {@link #KEPT_RUNS} runs linted, by their versions directory. */
    private static final Map<Path, Tree> TREES = new HashMap<>();
    /** The bytes and digests of those trees' files. */
    private static final ContentMemo CONTENTS = new ContentMemo();
    private static long runs;

    /**
     * A kept tree: its files, the number of the last run that linted it, and its models under each set of
     * rules that made their per-file findings ({@code --select} and {@code --ignore} choose them).
     */
    private static final class Tree {
        List<Path> files = List.of();
        long run = runs;
        final Map<Set<String>, KeptModels> models = new HashMap<>();
    }

    private Daemon() {
    }

    // ---- where the socket is ----

    /**
     * The directory of the daemons' sockets: {@code $IDEMLINT_DAEMON_DIR}, else {@code
     * $XDG_RUNTIME_DIR/idemlint}, else {@code ${TMPDIR:-/tmp}/idemlint-<uid>}. The launchers' client
     * finds it the same way.
     */
    static Path runDir(Map<String, String> env, int uid) {
        String named = env.get("IDEMLINT_DAEMON_DIR");
        if (named != null && !named.isEmpty()) {
            return Path.of(named);
        }
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && xdg.startsWith("/")) {
            return Path.of(xdg, "idemlint");
        }
        String tmp = env.get("TMPDIR");
        return Path.of(tmp != null && tmp.startsWith("/") ? tmp : "/tmp", "idemlint-" + uid);
    }

    /** The socket of the daemon for {@code cwd} and the install {@code install}: a hash of both, in {@code dir}. */
    static Path socket(Path dir, String install, Path cwd) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((install + "\n" + cwd).getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(h, 0, 12) + ".sock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This process's user id (the owner of its /proc entry). */
    static int uid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    /**
     * Why {@code dir} may not hold a daemon's socket, or null when it may: it must be a directory (not a
     * link) owned by {@code uid} that no one else can enter or write.
     */
    static String unsafe(Path dir, int uid) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return dir + " is not a directory";
        }
        int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != uid) {
            return dir + " belongs to user " + owner + ", not to user " + uid;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        for (PosixFilePermission p : perms) {
            if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                return dir + " is open to other users (" + PosixFilePermissions.toString(perms) + ")";
            }
        }
        return null;
    }

    /** Creates {@code dir} for its owner alone when missing; throws when it is there and {@link #unsafe}. */
    static void prepare(Path dir, int uid) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // made meanwhile: checked below like any other
            }
        }
        String why = unsafe(dir, uid);
        if (why != null) {
            throw new IOException(why + "; remove it or set IDEMLINT_DAEMON_DIR to a directory of your own");
        }
    }

    /**
     * What identifies this build: its jar, or the runtime it is linked into (the wheel's, the tarball's),
     * as a real path; the file whose change means a new build is {@link #buildFile}.
     */
    static Path install() {
        String forced = System.getProperty("idemlint.daemon.install");
        if (forced != null) { // tests: a file of their own stands for the build
            return Path.of(forced).toAbsolutePath().normalize();
        }
        try {
            URL location = Daemon.class.getProtectionDomain().getCodeSource().getLocation();
            if (location != null && "file".equals(location.getProtocol())) {
                return Path.of(location.toURI()).toRealPath();
            }
            return Path.of(System.getProperty("java.home")).toRealPath();
        } catch (IOException | URISyntaxException | SecurityException e) {
            return Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
        }
    }

    /** The file that changes with the build {@code install} names: the jar, or the runtime's module image. */
    static Path buildFile(Path install) {
        return Files.isDirectory(install) && Files.exists(install.resolve("lib/modules"))
                ? install.resolve("lib/modules") : install;
    }

    // ---- serving ----

    /** A frame, as read. */
    private record Frame(byte type, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Frame read(DataInputStream in, long[] budget) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException();
        }
        int n = in.readInt();
        if (n < 0 || n > MAX_FRAME || (budget[0] -= n) < 0) {
            throw new IOException("frame too large");
        }
        return new Frame((byte) type, in.readNBytes(n));
    }

    static void write(DataOutputStream out, char type, byte[] body, int off, int len) throws IOException {
        synchronized (out) {
            out.write(type);
            out.writeInt(len);
            out.write(body, off, len);
        }
    }

    /** Standard output or error of a request: bytes sent as frames of {@code type}, 64 KiB at most apart. */
    private static OutputStream frames(DataOutputStream out, char type) {
        return new BufferedOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Daemon.write(out, type, b, off, len);
            }

            @Override
            public void flush() throws IOException {
                synchronized (out) {
                    out.flush();
                }
            }
        }, 64 << 10);
    }

    /** The daemon's state, for {@code status}. */
    private static final class State {
        final long pid = ProcessHandle.current().pid();
        final long started = System.currentTimeMillis();
        final Path cwd;
        final Path install;
        final FileTime built;
        volatile long lastUsed = System.nanoTime();
        int served;

        State(Path cwd, Path install, FileTime built) {
            this.cwd = cwd;
            this.install = install;
            this.built = built;
        }
    }

    /**
     * Serves on {@code socket} until stopped, idle for {@code idle}, or its build changes; returns the
     * exit status. {@code socket}'s directory is checked first.
     */
    static int serve(Path socket, Duration idle) throws IOException {
        prepare(socket.getParent(), uid());
        Path cwd = Path.of("").toAbsolutePath().toRealPath();
        Path install = install();
        State state = new State(cwd, install, Files.getLastModifiedTime(buildFile(install)));
        if (answers(socket)) {
            System.err.println("idemlint: a daemon already serves " + cwd + " (" + socket + ")");
            return 1;
        }
        Files.deleteIfExists(socket); // left by a daemon that did not exit cleanly: nothing answers it
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "idemlint-daemon-timer");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true); // each request's deadline, cancelled once it is read
        // stopped by a signal, the daemon removes its socket too
        Thread removal = new Thread(() -> {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // a stale socket answers no one: the next start or client sees so
            }
        }, "idemlint-daemon-exit");
        Runtime.getRuntime().addShutdownHook(removal);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            timers.scheduleWithFixedDelay(() -> {
                if (System.nanoTime() - state.lastUsed > idle.toNanos()) {
                    close(server);
                }
            }, 1, 1, TimeUnit.SECONDS);
            System.err.println("idemlint: daemon " + state.pid + " serving " + cwd + " on " + socket);
            while (true) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (ClosedChannelException e) {
                    System.err.println("idemlint: daemon idle for " + idle.toMinutes() + " min; exiting");
                    return 0;
                }
                boolean more;
                try (client) {
                    ScheduledFuture<?> timeout = timers.schedule(() -> close(client), REQUEST_TIMEOUT.toMillis(),
                            TimeUnit.MILLISECONDS);
                    more = handle(client, state, timeout);
                } catch (IOException e) {
                    more = true; // the client went away or sent nonsense: the next one is served
                } catch (RuntimeException e) {
                    System.err.println("idemlint: daemon: a request failed with " + e + "; please report it");
                    more = true;
                }
                state.lastUsed = System.nanoTime();
                if (!more) {
                    return 0;
                }
            }
        } finally {
            timers.shutdownNow();
            Files.deleteIfExists(socket);
        }
    }

    private static void close(Channel c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing to stop: nothing to do
        }
    }

    /** Whether a daemon answers on {@code socket}. */
    static boolean answers(Path socket) {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Serves one connection; false when the daemon should exit after it. */
    private static boolean handle(SocketChannel channel, State state, ScheduledFuture<?> timeout) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
        long[] budget = {MAX_REQUEST};
        Frame hello = read(in, budget);
        String[] lines = hello.text().split("\n", -1);
        String refused = null;
        boolean stale = !Files.getLastModifiedTime(buildFile(state.install)).equals(state.built);
        if (hello.type() != 'H' || lines.length != 3 || !lines[0].equals(PROTOCOL)) {
            refused = "the client speaks another protocol than " + PROTOCOL;
        } else if (stale) {
            refused = "this daemon's build changed on disk; it exits";
        } else if (!lines[1].equals(state.install.toString())) {
            refused = "this daemon runs the install " + state.install + ", not " + lines[1];
        } else if (!lines[2].equals(state.cwd.toString())) {
            refused = "this daemon serves " + state.cwd + ", not " + lines[2];
        }
        if (refused != null) {
            byte[] why = refused.getBytes(StandardCharsets.UTF_8);
            write(out, 'N', why, 0, why.length);
            out.flush();
            return !stale;
        }
        write(out, 'K', new byte[0], 0, 0);
        out.flush();
        List<String> args = new ArrayList<>();
        Map<String, String> env = new HashMap<>();
        boolean terminal = false;
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        Frame f;
        while (true) {
            f = read(in, budget);
            switch (f.type()) {
                case 'A' -> args.add(f.text());
                case 'V' -> {
                    String kv = f.text();
                    int eq = kv.indexOf('=');
                    if (eq > 0 && CLIENT_ENV.contains(kv.substring(0, eq))) {
                        env.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                }
                case 'T' -> terminal = f.body().length == 1 && f.body()[0] == 1;
                case 'I' -> stdin.write(f.body(), 0, f.body().length);
                default -> {
                }
            }
            if (f.type() == 'R' || f.type() == 'S' || f.type() == 'Q') {
                break;
            }
        }
        timeout.cancel(false);
        if (f.type() == 'S') {
            finish(out, "idemlint: daemon " + state.pid + " for " + state.cwd + " stopped\n", 0);
            return false;
        }
        if (f.type() == 'Q') {
            Runtime rt = Runtime.getRuntime();
            long trees;
            synchronized (TREES) {
                trees = TREES.values().stream().filter(t -> !t.models.isEmpty()).count();
            }
            finish(out, "idemlint: daemon " + state.pid + " serving " + state.cwd + "\n"
                    + "  install: " + state.install + "\n"
                    + "  up: " + Duration.ofMillis(System.currentTimeMillis() - state.started).toSeconds() + " s, "
                    + state.served + (state.served == 1 ? " run" : " runs") + " served, models kept of " + trees
                    + (trees == 1 ? " versions tree, " : " versions trees, ")
                    + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " MB of heap in use\n", 0);
            return true;
        }
        if (args.isEmpty() || !args.get(0).equals("lint")) {
            finish(out, "idemlint: the daemon serves `lint` only\n", 2);
            return true;
        }
        state.served++;
        long started = System.nanoTime();
        int status = run(args, env, terminal, stdin.toByteArray(), out);
        System.err.println("idemlint: daemon: run " + state.served + ": exit " + status + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        byte[] x = ByteBuffer.allocate(4).putInt(status).array();
        try {
            write(out, 'X', x, 0, 4);
            out.flush();
        } finally {
            // the result cache's writes, which the answer did not wait for
            try {
                Invocation.runLater();
            } catch (RuntimeException e) {
                System.err.println("idemlint: daemon: writing the result cache failed: " + e);
            }
        }
        return true;
    }

    private static void finish(DataOutputStream out, String message, int status) throws IOException {
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        write(out, status == 0 ? 'O' : 'E', m, 0, m.length);
        write(out, 'X', ByteBuffer.allocate(4).putInt(status).array(), 0, 4);
        out.flush();
    }

    /** Runs one command line as {@code idemlint} would, its streams and environment the client's. */
    private static int run(List<String> args, Map<String, String> env, boolean terminal, byte[] stdin,
            DataOutputStream out) {
        PrintStream stdout0 = System.out;
        PrintStream stderr0 = System.err;
        InputStream stdin0 = System.in;
        PrintStream o = new PrintStream(frames(out, 'O'), false, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(frames(out, 'E'), true, StandardCharsets.UTF_8);
        System.setOut(o);
        System.setErr(e);
        System.setIn(new ByteArrayInputStream(stdin));
        Invocation.begin(env, terminal);
        try {
            return Main.run(args.toArray(new String[0]));
        } finally {
            Invocation.end();
            o.flush();
            e.flush();
            System.setOut(stdout0);
            System.setErr(stderr0);
            System.setIn(stdin0);
        }
    }

    // ---- kept models ----

    /**
     * The kept models of {@code target}'s tree under {@code rules} for a run of it, chained before {@code cache} (the result
     * cache's per-file entries, or null): a file the memory holds no valid model of is looked up in the
     * cache, and what the cache gives is kept in memory too.
     */
    static Models models(LintTarget target, Set<String> rules, FileMemo cache) {
        KeptModels kept;
        synchronized (TREES) {
            kept = TREES.computeIfAbsent(target.versionsDir(), d -> new Tree()).models
                    .computeIfAbsent(Set.copyOf(rules), r -> new KeptModels());
        }
        kept.begin(target, Map.of());
        return new Models(kept, cache);
    }

    /** The files' bytes and digests kept for the result cache. */
    static ContentMemo contents() {
        return CONTENTS;
    }

    /** Ends a run of {@code targets}: lets go of what is kept of the trees none of the latest {@link #KEPT_RUNS} runs linted. */
    static void retain(List<LintTarget> targets) {
        Set<Path> files = new HashSet<>();
        synchronized (TREES) {
            runs++;
            for (LintTarget t : targets) {
                Tree tree = TREES.computeIfAbsent(t.versionsDir(), d -> new Tree());
                tree.files = t.files();
                tree.run = runs;
            }
            TREES.values().removeIf(t -> t.run <= runs - KEPT_RUNS);
            TREES.values().forEach(t -> files.addAll(t.files));
        }
        CONTENTS.retain(files);
    }

    /** A run's memo: the tree's kept models, then the result cache's. */
    record Models(KeptModels kept, FileMemo cache) implements FileMemo {
        @Override
        public Kept find(Path file) {
            Kept k = kept.find(file);
            if (k == null && cache != null) {
                k = cache.find(file);
                if (k != null && k.effects() == null && k.model().header().isRevision()) {
                    // the linter makes a kept model's effects for the run and drops them: made here, they are
                    // kept with it, or every later run would make them again (each a parse of the revision)
                    k = new Kept(k.model(), k.found(), SchemaTimeline.recorded(k.model()));
                }
                if (k != null) {
                    kept.keep(file, k.model(), k.found(), k.effects());
                }
            }
            return k;
        }

        @Override
        public void keep(Path file, Migration model, List<Diagnostic> found, SchemaTimeline.Recorded effects) {
            kept.keep(file, model, found, effects);
            if (cache != null) {
                cache.keep(file, model, found, effects);
            }
        }

        @Override
        public void naming(NamingConvention convention) {
            kept.naming(convention); // the cache's key holds the convention already
        }

        /** Ends the run: the kept models of files gone from the tree are let go. */
        void end() {
            kept.end();
        }
    }
}
