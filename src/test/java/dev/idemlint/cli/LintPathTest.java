package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint path links no lambdas of ours (see {@code dev.idemlint.source.Background}): every run of
 * the CLI is a cold start, and each lambda or method reference reached is a call site the JVM links
 * on first use, plus the method-handle code C1 then compiles. A fresh JVM lints the bundled example
 * and every rule's fixtures in each output format and with {@code --diff}, logging the classes it
 * loads; a lambda class of a {@code dev.idemlint} class fails the test with its name. The JDK's and
 * other libraries' own lambdas (regular expressions, JSqlParser) are not ours to change.
 */
class LintPathTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));

    @Test
    void a_lint_in_every_format_and_a_fix_diff_load_no_lambda_class_of_ours(@TempDir Path tmp) throws Exception {
        String example = ROOT.resolve("examples/basketball-api").toString();
        String fixtures = ROOT.resolve("src/test/resources/fixtures/rules").toString();
        List<List<String>> runs = List.of(
                List.of("--format", "json"), List.of("--format", "text"), List.of("--format", "sarif"),
                List.of("--format", "github"), List.of("--format", "gitlab"), List.of("--diff"));
        TreeSet<String> ours = new TreeSet<>();
        for (List<String> flags : runs) {
            List<String> args = new ArrayList<>(List.of("lint", "--fail-on", "never"));
            args.addAll(flags);
            args.add(example);
            args.add(fixtures);
            List<String> loaded = loadedClasses(tmp, Main.class.getName(), args);
            assertTrue(loaded.contains(Main.class.getName()) && loaded.contains("dev.idemlint.rule.Linter"),
                    "the class log of " + flags + " does not show the lint running");
            for (String c : loaded) {
                if (c.startsWith("dev.idemlint.") && c.contains("$$Lambda")) {
                    ours.add(c.replaceAll("\\$\\$Lambda.*", "") + " (" + String.join(" ", flags) + ")");
                }
            }
        }
        assertTrue(ours.isEmpty(), "lambdas or method references on the lint path, in: " + ours);
    }

    /** The check can see a lambda: a class that uses one shows up in the same kind of log. */
    @Test
    void the_class_log_shows_a_lambda_when_one_is_used(@TempDir Path tmp) throws Exception {
        List<String> loaded = loadedClasses(tmp, Control.class.getName(), List.of());
        assertTrue(loaded.stream().anyMatch(c -> c.startsWith(Control.class.getName() + "$$Lambda")), loaded::toString);
    }

    /** Uses one lambda. */
    public static final class Control {
        public static void main(String[] args) {
            Runnable r = () -> System.out.print("ran");
            r.run();
        }
    }

    /** The classes a fresh JVM loads running {@code main} with {@code args} (exit status 0, or 1: fixes to make). */
    private static List<String> loadedClasses(Path tmp, String main, List<String> args)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(tmp, "classes", ".log");
        Path out = Files.createTempFile(tmp, "out", ".txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // no git: telling duplicate revision files apart by commit date runs git per pair, seconds here
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:off", "-Didemlint.git=false",
                "-Xlog:class+load=info:file=" + log, "-cp", cp, main));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(p.exitValue() == 0 || p.exitValue() == 1, "exit " + p.exitValue() + ": " + printed);
        assertFalse(printed.isBlank(), "no output from " + args);
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // [info][class,load] dev.idemlint.cli.Main source: ...
            int at = line.indexOf("] ");
            if (at >= 0 && line.contains("[class,load]")) {
                String rest = line.substring(line.lastIndexOf("] ") + 2);
                int space = rest.indexOf(' ');
                classes.add(space < 0 ? rest : rest.substring(0, space));
            }
        }
        return classes;
    }
}
