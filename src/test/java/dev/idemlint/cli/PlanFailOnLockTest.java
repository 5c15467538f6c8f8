package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.report.PlanReporter;
import org.junit.jupiter.api.Test;

class PlanFailOnLockTest {
    @Test
    void sizes_read_in_the_units_pg_size_pretty_prints() {
        assertEquals(0, PlanCommand.bytes("0"));
        assertEquals(8192, PlanCommand.bytes("8192"));
        assertEquals(500L << 20, PlanCommand.bytes("500MB"));
        assertEquals(1L << 30, PlanCommand.bytes("1 GB"));
        assertEquals(2L << 40, PlanCommand.bytes("2tb"));
        assertEquals(-1, PlanCommand.bytes("1.5GB"));
        assertEquals(-1, PlanCommand.bytes("lots"));
        assertEquals(-1, PlanCommand.bytes("99999999999999TB"));
        assertEquals("8192 bytes", PlanReporter.size(8192));
        assertEquals("13 MB", PlanReporter.size(13_410_304));
        assertEquals("41 GB", PlanReporter.size(44_023_414_784L));
        assertEquals("10 kB", PlanReporter.size(10 * 1024));
    }

    @Test
    void a_size_that_does_not_read_is_a_usage_error_before_any_connection() {
        CliRun.Result r = CliRun.run("plan", "--fail-on-lock", "big\u001b[31m", "--db", "postgresql://u@127.0.0.1:1/db",
                ".");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--fail-on-lock takes a size such as 1GB"), r.err());
        assertTrue(!r.err().contains("\u001b"), r.err());
    }
}
