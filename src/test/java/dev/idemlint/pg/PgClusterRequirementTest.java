package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the postgres-tagged tests fail for want of a cluster instead of skipping (runs without one). */
class PgClusterRequirementTest {

    @Test
    void scripts_test_or_ci_make_a_missing_cluster_a_failure() {
        assertTrue(PgCluster.mustRun(Map.of(PgCluster.REQUIRED_ENV, "1")));
        assertTrue(PgCluster.mustRun(Map.of("CI", "true")));
        assertFalse(PgCluster.mustRun(Map.of()));
        assertFalse(PgCluster.mustRun(Map.of(PgCluster.REQUIRED_ENV, "0", "CI", "false")));
    }

    @Test
    void scripts_test_says_the_suite_must_run_before_it_starts_maven() throws IOException {
        String script = Files.readString(RerunProof.repoRoot().resolve("scripts/test"));
        int export = script.indexOf("export " + PgCluster.REQUIRED_ENV + "=1");
        assertTrue(export >= 0, "scripts/test does not export " + PgCluster.REQUIRED_ENV + "=1");
        assertTrue(export < script.indexOf("mvn \"${mvn_flags[@]}\" verify"), "the export comes after maven starts");
    }
}
