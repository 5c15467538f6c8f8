package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonCommandTest {
    private static final List<String> LAUNCHER = List.of("-XX:+UseParallelGC", "-XX:MaxNewSize=128m",
            "-XX:MaxTenuringThreshold=0", "-XX:InitialRAMPercentage=4", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1",
            "-XX:Tier3InvocationThreshold=50", "-XX:Tier3MinInvocationThreshold=25", "-XX:Tier3CompileThreshold=500",
            "-XX:Tier3BackEdgeThreshold=5000", "-XX:AOTCache=/opt/idemlint/idemlint.aot", "-Xlog:aot=off");

    @Test
    void the_daemon_keeps_the_launchers_flags_but_those_for_one_short_run() {
        List<String> expected = new ArrayList<>(List.of("-XX:+ExitOnOutOfMemoryError"));
        expected.addAll(DaemonCommand.LONG_RUN_JIT);
        expected.addAll(List.of("-XX:+UseParallelGC", "-XX:InitialRAMPercentage=4", "-XX:-UsePerfData",
                "-XX:AOTCache=/opt/idemlint/idemlint.aot", "-Xlog:aot=off"));
        assertEquals(expected, DaemonCommand.daemonFlags(LAUNCHER));
    }

    @Test
    void the_long_run_jit_flags_start_on_this_jvm() throws Exception {
        // a JVM without the flag (OpenJDK 17, which runs the tests here) must start all the same
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(DaemonCommand.LONG_RUN_JIT);
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }
}
