package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonCommandTest {
    private static final List<String> LAUNCHER = List.of("-XX:+UseParallelGC", "-XX:MaxNewSize=128m",
            "-XX:MaxTenuringThreshold=0", "-XX:InitialRAMPercentage=4", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1",
            "-XX:Tier3InvocationThreshold=50", "-XX:Tier3MinInvocationThreshold=25", "-XX:Tier3CompileThreshold=500",
            "-XX:Tier3BackEdgeThreshold=5000", "-XX:AOTCache=/opt/idemlint/idemlint.aot", "-Xlog:aot=off");

    @Test
    void the_daemon_keeps_the_launchers_flags_but_the_one_shot_memory_flags() {
        assertEquals(List.of("-XX:+ExitOnOutOfMemoryError", "-XX:+UseParallelGC", "-XX:InitialRAMPercentage=4",
                "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-XX:Tier3InvocationThreshold=50",
                "-XX:Tier3MinInvocationThreshold=25", "-XX:Tier3CompileThreshold=500", "-XX:Tier3BackEdgeThreshold=5000",
                "-XX:AOTCache=/opt/idemlint/idemlint.aot", "-Xlog:aot=off"), DaemonCommand.daemonFlags(LAUNCHER));
    }
}
