package dev.idemlint.fix;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code idemlint ARGS} in a JVM of its own (the classes under test and their libraries), for
 * what an in-process run cannot show: the locale the JVM starts in, process limits.
 */
public final class ForkedCli {
    public record Result(int exit, String out, String err) {
    }

    private ForkedCli() {
    }

    /** The classes the CLI needs at run time: ours (picocli is unpacked into them) and each library's jar. */
    public static String classpath() {
        List<String> parts = new ArrayList<>();
        for (String cls : List.of("dev.idemlint.cli.Main", "org.antlr.v4.runtime.CharStream",
                "net.sf.jsqlparser.parser.CCJSqlParserUtil", "org.postgresql.Driver")) {
            try {
                parts.add(Path.of(Class.forName(cls).getProtectionDomain().getCodeSource().getLocation().toURI())
                        .toString());
            } catch (ClassNotFoundException | URISyntaxException e) {
                throw new IllegalStateException(cls, e);
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    /**
     * Runs the CLI in {@code dir} with exactly {@code env} as its environment, behind {@code prefix}
     * (e.g. a shell that sets a limit and execs the JVM).
     */
    public static Result run(Path dir, Map<String, String> env, List<String> prefix, String... args)
            throws IOException, InterruptedException {
        return runWithClasspath(dir, env, prefix, classpath(), args);
    }

    /** As {@link #run(Path, Map, List, String...)}, with the class path {@code classpath}. */
    public static Result runWithClasspath(Path dir, Map<String, String> env, List<String> prefix, String classpath,
            String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-cp", classpath, "dev.idemlint.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path err = java.nio.file.Files.createTempFile("idemlint-forked-", ".err");
        try {
            Process p = pb.redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("idemlint did not finish: " + cmd);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(err);
        }
    }
}
