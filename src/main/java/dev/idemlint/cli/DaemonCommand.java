package dev.idemlint.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code idemlint daemon start|stop|status|run}: the resident process ({@link Daemon}) for the current
 * directory. {@code start} starts {@code run} in the background, detached from the terminal, with this
 * JVM's own command line and flags; {@code run} serves in the foreground (for a process supervisor).
 */
final class DaemonCommand implements Callable<Integer> {
    static final List<String> ACTIONS = List.of("start", "stop", "status", "run");
    /**
     * Flags of the one-shot launchers that do not suit a long-lived process. Their C1-only JIT flags stay: C2 makes
     * a cold run of the equal-work trees 40% faster, but only after 25 to 30 such runs, and its first runs take up to
     * four times as long while it compiles on the cores the run needs; Temurin 25.0.3's C2 also miscompiles
     * {@code DropNotIdempotent.ifExistsStatement} (a SIGSEGV, reproduced, unless ReduceAllocationMerges is off).
     * bench/NOTES.md, "The daemon on C2".
     */
    private static final List<String> ONE_SHOT_FLAGS = List.of("-XX:MaxTenuringThreshold=0", "-XX:MaxNewSize=128m");
    /**
     * The daemon's young generation, fixed. Left to ParallelGC's adaptive sizing it grew run after run (from 330 MB
     * to 1.6 GB in ten cold runs of the equal-work trees), and each run that allocated into memory no run had
     * touched yet paid a page fault per 4 KiB page: 50,000 to 70,000 of them, 150-250 ms of a 600 ms run, in
     * runs 3 to 7 of a new daemon and again at each growth. A fixed one is touched by the first run and then
     * reused (bench/NOTES.md, "The daemon's young generation"). Given only when the heap may grow to four times
     * its size, and when the flags choose a collector it suits and leave the young generation's size alone.
     */
    static final long YOUNG_BYTES = 512L << 20;

    private final String action;
    private final int idleMinutes;

    static CommandSpec spec() {
        CommandSpec s = Specs.command("daemon", "Keep a JVM running for `lint` runs in this directory.",
                DaemonCommand::new);
        Specs.positional(s, String.class, false, "ACTION",
                "start (in the background), stop, status, or run (in the foreground)");
        Specs.option(s, "--idle-timeout", Integer.class, "MINUTES",
                "exit after this many minutes without a run (default: 60)", "60");
        return s;
    }

    private DaemonCommand(CommandSpec parsed) {
        action = Specs.single(parsed);
        idleMinutes = Specs.<Integer>value(parsed, "--idle-timeout");
    }

    @Override
    public Integer call() throws IOException {
        if (!ACTIONS.contains(action)) {
            System.err.println("idemlint: unknown daemon action '" + action + "' (" + String.join(", ", ACTIONS) + ")");
            return 2;
        }
        if (idleMinutes < 1) {
            System.err.println("idemlint: --idle-timeout must be at least 1 minute");
            return 2;
        }
        int uid = Daemon.uid();
        Path dir = Daemon.runDir(System.getenv(), uid);
        Path cwd = Path.of("").toAbsolutePath().toRealPath();
        Path socket = Daemon.socket(dir, Daemon.install().toString(), cwd);
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > 100) {
            System.err.println("idemlint: the socket path " + socket + " is too long; set IDEMLINT_DAEMON_DIR to a shorter directory");
            return 2;
        }
        switch (action) {
            case "run":
                return Daemon.serve(socket, Duration.ofMinutes(idleMinutes));
            case "start":
                return start(dir, uid, socket, cwd);
            default:
                if (!Daemon.answers(socket)) {
                    System.out.println("idemlint: no daemon serves " + cwd);
                    return action.equals("stop") ? 0 : 1;
                }
                return ask(socket, cwd, action.equals("stop") ? 'S' : 'Q');
        }
    }

    private int start(Path dir, int uid, Path socket, Path cwd) throws IOException {
        Daemon.prepare(dir, uid);
        if (Daemon.answers(socket)) {
            if (current(socket, cwd)) {
                System.out.println("idemlint: a daemon already serves " + cwd);
                return 0;
            }
            // a daemon of an earlier build: it turned the hello away and exits, removing its socket
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Files.exists(socket) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 2;
                }
            }
        }
        List<String> command = command();
        if (command == null) {
            System.err.println("idemlint: cannot read the command line of this JVM to start the daemon with;"
                    + " run `idemlint daemon run` in the background instead");
            return 2;
        }
        Path log = Path.of(socket.toString().replaceFirst("\\.sock$", ".log"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Daemon.answers(socket)) {
                System.out.println("idemlint: daemon started for " + cwd + " (log: " + log + ")");
                return 0;
            }
            if (!p.isAlive() && !Daemon.answers(socket)) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        System.err.println("idemlint: the daemon did not start; see " + log);
        return 2;
    }

    /**
     * The command that runs {@code idemlint daemon run} with this JVM and its flags, in a session of its
     * own ({@code setsid}) when there is one, so that closing the terminal does not stop it; null when
     * this JVM's command line cannot be read.
     */
    private List<String> command() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> java = info.command();
        Optional<String[]> all = info.arguments();
        String[] mine = Main.arguments();
        if (java.isEmpty() || all.isEmpty() || mine == null || all.get().length < mine.length) {
            return null;
        }
        String[] a = all.get();
        int jvmArgs = a.length - mine.length;
        for (int i = 0; i < mine.length; i++) {
            if (!a[jvmArgs + i].equals(mine[i])) {
                return null;
            }
        }
        List<String> command = new ArrayList<>();
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                command.add(setsid);
                break;
            }
        }
        command.add(java.get());
        command.addAll(daemonFlags(Arrays.asList(a).subList(0, jvmArgs), Runtime.getRuntime().maxMemory()));
        command.addAll(List.of("daemon", "run", "--idle-timeout", String.valueOf(idleMinutes)));
        return command;
    }

    /** The daemon's JVM flags, from those of the JVM that starts it, whose heap may grow to {@code maxHeap} bytes. */
    static List<String> daemonFlags(List<String> launcher, long maxHeap) {
        // the JVM exits rather than go on with a heap it could not grow; the client then runs idemlint itself
        List<String> out = new ArrayList<>(List.of("-XX:+ExitOnOutOfMemoryError"));
        boolean young = false;
        boolean generational = false;
        for (String flag : launcher) {
            if (!ONE_SHOT_FLAGS.contains(flag)) {
                out.add(flag);
                young |= flag.startsWith("-Xmn") || flag.startsWith("-XX:NewSize=")
                        || flag.startsWith("-XX:MaxNewSize=") || flag.startsWith("-XX:NewRatio=");
                generational |= flag.equals("-XX:+UseParallelGC") || flag.equals("-XX:+UseSerialGC");
            }
        }
        if (generational && !young && maxHeap >= 4 * YOUNG_BYTES) {
            out.add(1, "-Xmn" + (YOUNG_BYTES >> 20) + "m"); // before -jar, whose arguments follow it
        }
        return out;
    }

    /** Whether the daemon on {@code socket} serves this build (one of an earlier build says no, and exits). */
    private static boolean current(Path socket, Path cwd) {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return hello(c, cwd) == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Says hello on {@code c} as this build's client in {@code cwd}: null when served, else the daemon's reason. */
    private static String hello(SocketChannel c, Path cwd) throws IOException {
        DataOutputStream out = new DataOutputStream(Channels.newOutputStream(c));
        DataInputStream in = new DataInputStream(Channels.newInputStream(c));
        byte[] hello = (Daemon.PROTOCOL + "\n" + Daemon.install() + "\n" + cwd).getBytes(StandardCharsets.UTF_8);
        Daemon.write(out, 'H', hello, 0, hello.length);
        out.flush();
        int type = in.read();
        if (type < 0) {
            return "it closed the connection";
        }
        byte[] body = in.readNBytes(in.readInt());
        return type == 'K' ? null : new String(body, StandardCharsets.UTF_8);
    }

    /** Sends a stop or status request and prints the answer. */
    private static int ask(Path socket, Path cwd, char request) throws IOException {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            String refused = hello(c, cwd);
            if (refused != null) {
                System.err.println("idemlint: the daemon did not answer: " + refused);
                return 2;
            }
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(c));
            DataInputStream in = new DataInputStream(Channels.newInputStream(c)); // unbuffered, as hello's
            Daemon.write(out, request, new byte[0], 0, 0);
            out.flush();
            while (true) {
                int type = in.read();
                if (type < 0) {
                    System.err.println("idemlint: the daemon closed the connection");
                    return 2;
                }
                byte[] body = in.readNBytes(in.readInt());
                switch (type) {
                    case 'O' -> System.out.write(body);
                    case 'E' -> System.err.write(body);
                    case 'X' -> {
                        System.out.flush();
                        return ByteBuffer.wrap(body).getInt();
                    }
                    default -> {
                    }
                }
            }
        }
    }
}
