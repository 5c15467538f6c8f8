import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Lints one directory N times in one JVM and prints each pass's time: the steady-state cost of the
 * pipeline without start-up, JIT warm-up or class loading, to compare changes that a cold run's
 * noise (+-10% here) hides. Not a test and not the benchmark (bench/run.sh times cold runs).
 *
 *   java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
 *        -cp target/idemlint.jar bench/tools/WarmLint.java 10 bench/.data/3700/versions
 *
 * One processor makes a pass's wall time its CPU time; compare minima and medians of the last passes.
 */
public class WarmLint {
    public static void main(String[] args) {
        int passes = Integer.parseInt(args[0]);
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        for (int i = 0; i < passes; i++) {
            long t = System.nanoTime();
            dev.idemlint.cli.Main.run("lint", "--format", "json", "--fail-on", "never", args[1]);
            out.println("pass " + i + ": " + (System.nanoTime() - t) / 1_000_000 + " ms");
        }
    }
}
