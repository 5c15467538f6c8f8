package dev.idemlint.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a command reads of the process it runs in besides its arguments and standard streams: the
 * environment and whether standard output is a terminal. A run in this process reads the process's own;
 * a run the daemon serves ({@link Daemon}) reads its client's, set here for the run's length (the
 * daemon runs one request at a time).
 */
final class Invocation {
    /** The client's environment and terminal while the daemon serves its request; null otherwise. */
    private static volatile Client client;

    private record Client(Map<String, String> env, boolean terminal) {
    }

    private Invocation() {
    }

    /** The value of the environment variable {@code name}, or null. */
    static String env(String name) {
        Client c = client;
        return c == null ? System.getenv(name) : c.env.get(name);
    }

    /** Whether standard output is a terminal. */
    static boolean terminal() {
        Client c = client;
        return c == null ? System.console() != null : c.terminal;
    }

    /** Work a served run left for after its client has its answer ({@link #later}). */
    private static final List<Runnable> LATER = new ArrayList<>();

    /** Whether this run is served by the daemon. */
    static boolean served() {
        return client != null;
    }

    /**
     * Runs {@code work}, which nothing the run prints or returns depends on (the result cache's writes), now;
     * or in a served run after the client has its answer, in the order given, before the next run.
     */
    static void later(Runnable work) {
        if (client == null) {
            work.run();
        } else {
            LATER.add(work);
        }
    }

    static void begin(Map<String, String> env, boolean terminal) {
        LATER.clear();
        client = new Client(Map.copyOf(env), terminal);
    }

    static void end() {
        client = null;
    }

    /** Runs the work the last served run left ({@link #later}). */
    static void runLater() {
        List<Runnable> work = List.copyOf(LATER);
        LATER.clear();
        for (Runnable r : work) {
            r.run();
        }
    }
}
