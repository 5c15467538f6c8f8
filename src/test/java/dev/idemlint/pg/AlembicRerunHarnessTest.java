package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.pg.ChainOutcome.RevisionOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: walk order over branches and merges, isolation, dumps, cleanup. */
@Tag("postgres")
class AlembicRerunHarnessTest {

    private PgCluster cluster;
    private AlembicRerunHarness harness;

    @TempDir
    Path tmp;

    @BeforeEach
    void cluster() {
        cluster = PgCluster.require();
        harness = new AlembicRerunHarness(cluster);
    }

    private static String table(String name) {
        return "op.create_table(\"" + name + "\", sa.Column(\"id\", sa.Integer, primary_key=True))\n";
    }

    @Test
    void walks_branches_and_merges_with_parents_first_and_keeps_the_other_branch_heads() {
        // a -> b1 -> b2 -\
        //  \-> c1 --------> m -> d
        Path dir = new RevisionChain(tmp.resolve("versions"))
                .revision("a", null, table("ta"))
                .revision("b1", "a", table("tb1"))
                .revision("b2", "b1", table("tb2"))
                .revision("c1", "a", table("tc1"))
                .merge("m", List.of("b2", "c1"), "")
                .revision("d", "m", table("td"))
                .dir();
        ChainOutcome out = harness.run(dir);
        List<String> order = out.revisions().stream().map(RevisionOutcome::revision).toList();
        assertEquals(6, order.size(), out::describe);
        for (RevisionOutcome r : out.revisions()) {
            for (String p : r.parents()) {
                assertTrue(order.indexOf(p) < order.indexOf(r.revision()), () -> "parent after child: " + order);
            }
            // every first run passes only if stamping never forgot another branch's head
            assertTrue(r.first().ok(), out::describe);
            if (r.revision().equals("m")) {
                assertTrue(r.rerun().ok(), "an empty merge re-runs cleanly\n" + out.describe());
            } else {
                assertEquals("42P07", r.rerun().sqlstate(), out::describe);
            }
        }
    }

    @Test
    void guarded_chain_reruns_cleanly_and_dumps_the_schema_without_version_noise() throws IOException {
        Path dir = new RevisionChain(tmp.resolve("versions"))
                .revision("a", null, "op.execute(\"CREATE TABLE IF NOT EXISTS players (id int PRIMARY KEY)\")\n")
                .revision("b", "a", "op.execute(\"ALTER TABLE players ADD COLUMN IF NOT EXISTS custom_notes text\")\n")
                .dir();
        Path dump = tmp.resolve("schema.sql");
        ChainOutcome out = harness.run(dir, dump);
        for (RevisionOutcome r : out.revisions()) {
            assertTrue(r.first().ok() && r.rerun().ok(), out::describe);
        }
        String schema = Files.readString(dump);
        assertTrue(schema.contains("CREATE TABLE public.players"), schema);
        assertTrue(schema.contains("custom_notes text"), schema);
        assertFalse(schema.contains("alembic_version"), schema);
        assertFalse(schema.contains("Dumped from"), schema);
        assertFalse(schema.contains("\\restrict"), schema);
    }

    @Test
    void leaves_no_database_behind() {
        Path dir = new RevisionChain(tmp.resolve("versions")).revision("a", null, table("ta")).dir();
        for (ChainOutcome out : List.of(harness.run(dir), harness.upgradeHeadsOnce(dir))) {
            assertTrue(out.database().startsWith("idemlint_"), out::describe);
            SqlOutcome left = cluster.psql("postgres", "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_database WHERE datname = '"
                    + out.database() + "') THEN RAISE EXCEPTION 'left behind'; END IF; END $$;");
            assertTrue(left.ok(), () -> out.database() + ": " + left);
        }
    }

    @Test
    void reports_versions_of_the_tools_it_ran() {
        ChainOutcome out = harness.upgradeHeadsOnce(
                new RevisionChain(tmp.resolve("versions")).revision("a", null, "").dir());
        assertTrue(out.headRun().ok(), out::describe);
        assertTrue(out.alembicVersion().matches("\\d+\\.\\d+.*"), out::describe);
        assertTrue(out.serverVersion().matches("\\d+.*"), out::describe);
    }
}
