import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Lints one directory N times in one JVM and prints each pass's time: the steady-state cost of the
 * pipeline without start-up, JIT warm-up or class loading, to compare changes that a cold run's
 * noise (+-10% here) hides. Not a test and not the benchmark (bench/run.sh times cold runs).
 *
 *   java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xms3g -Xmn1g -XX:TieredStopAtLevel=1 \
 *        -cp target/idemlint.jar bench/tools/WarmLint.java 20 bench/.data/3700/versions
 *
 * One processor makes a pass's wall time its CPU time; compare minima and medians of the last passes.
 * The heap is collected before each pass (outside its time) and the young generation (1 GB) holds a
 * whole 3,700-file pass, so no pass pays for a collection: with the default heap the passes were
 * bimodal (~480 or ~600-800 ms, as old-generation collections fell) and two builds could not be told
 * apart by less than 10%; so set up, the last passes of one JVM agree within ~1% (~330 ms), and two
 * JVMs of the same build within ~3%. What this leaves out is what a change does to the collections
 * of a cold run (fewer kept objects): measure that with -Xlog:gc pause totals.
 */
public class WarmLint {
    public static void main(String[] args) {
        int passes = Integer.parseInt(args[0]);
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        for (int i = 0; i < passes; i++) {
            System.gc();
            long t = System.nanoTime();
            dev.idemlint.cli.Main.run("lint", "--format", "json", "--fail-on", "never", args[1]);
            out.println("pass " + i + ": " + (System.nanoTime() - t) / 1_000_000 + " ms");
        }
    }
}
