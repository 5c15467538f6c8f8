package dev.idemlint.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code idemlint ARGS} in this JVM and captures its exit code, stdout and stderr. */
public final class CliRun {
    public record Result(int exit, String out, String err) {
    }

    private CliRun() {
    }

    /** One run at a time: System.out and System.err are swapped for the run. */
    public static synchronized Result run(String... args) {
        return runWithStdin(null, args);
    }

    /** {@link #run} with {@code environment} as the process environment {@code plan} reads (DATABASE_URL, PGPASSWORD). */
    public static synchronized Result runWithEnvironment(java.util.Map<String, String> environment, String... args) {
        PlanCommand.environment = environment;
        try {
            return runWithStdin(null, args);
        } finally {
            PlanCommand.environment = null;
        }
    }

    /** {@link #run} with {@code stdin} (UTF-8) as System.in when not null. */
    public static synchronized Result runWithStdin(String stdin, String... args) {
        java.io.InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            if (stdin != null) {
                System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            int code = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
    }
}
