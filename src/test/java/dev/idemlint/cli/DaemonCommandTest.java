package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonCommandTest {
    private static final List<String> LAUNCHER = List.of("-XX:+UseParallelGC", "-XX:MaxNewSize=128m",
            "-XX:MaxTenuringThreshold=0", "-XX:InitialRAMPercentage=4", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1",
            "-XX:Tier3InvocationThreshold=50", "-XX:Tier3MinInvocationThreshold=25", "-XX:Tier3CompileThreshold=500",
            "-XX:Tier3BackEdgeThreshold=5000", "-XX:AOTCache=/opt/idemlint/idemlint.aot", "-Xlog:aot=off", "-jar",
            "/opt/idemlint/idemlint.jar");

    private static final long GIB = 1L << 30;

    @Test
    void the_daemon_keeps_the_launchers_flags_but_the_one_shot_memory_flags_and_fixes_its_young_generation() {
        // the added flag goes before -jar: what follows the jar is idemlint's own arguments
        assertEquals(List.of("-XX:+ExitOnOutOfMemoryError", "-Xmn512m", "-XX:+UseParallelGC",
                "-XX:InitialRAMPercentage=4", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1",
                "-XX:Tier3InvocationThreshold=50", "-XX:Tier3MinInvocationThreshold=25", "-XX:Tier3CompileThreshold=500",
                "-XX:Tier3BackEdgeThreshold=5000", "-XX:AOTCache=/opt/idemlint/idemlint.aot", "-Xlog:aot=off", "-jar",
                "/opt/idemlint/idemlint.jar"),
                DaemonCommand.daemonFlags(LAUNCHER, 6 * GIB));
    }

    @Test
    void a_heap_too_small_for_it_keeps_the_young_generation_adaptive() {
        List<String> flags = DaemonCommand.daemonFlags(LAUNCHER, 2 * GIB - 1);
        assertFalse(flags.stream().anyMatch(f -> f.startsWith("-Xmn")), flags.toString());
        assertTrue(DaemonCommand.daemonFlags(LAUNCHER, 2 * GIB).contains("-Xmn512m"));
    }

    @Test
    void flags_that_size_the_young_generation_or_choose_another_collector_are_left_as_they_are() {
        for (List<String> given : List.<List<String>>of(List.of("-XX:+UseParallelGC", "-Xmn64m"),
                List.of("-XX:+UseSerialGC", "-XX:NewRatio=3"), List.of("-XX:+UseParallelGC", "-XX:NewSize=100m"),
                List.of("-XX:+UseG1GC"), List.of("-XX:+UseZGC"), List.of())) {
            List<String> flags = DaemonCommand.daemonFlags(given, 16 * GIB);
            assertEquals(given, flags.subList(1, flags.size()), given.toString());
        }
        assertTrue(DaemonCommand.daemonFlags(List.of("-XX:+UseSerialGC"), 16 * GIB).contains("-Xmn512m"));
    }
}
