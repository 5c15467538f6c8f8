package dev.idemlint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Migration;
import dev.idemlint.report.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {
    static final Path FIXTURES = Path.of(System.getProperty("idemlint.root", "."), "src/test/resources/fixtures/rules");

    static Migration rev(String file, String id, String down) {
        return rev(file, id, down, "None", "None");
    }

    static Migration rev(String file, String id, String down, String labels, String depends) {
        String text = "\"\"\"" + file + "\n\nRevision ID: " + id + "\nRevises: " + (down.equals("None") ? "" : down.replaceAll("[()\"',]", " ").trim().replaceAll("\\s+", ", "))
                + "\nCreate Date: 2026-01-01 00:00:00\n\n\"\"\"\nfrom alembic import op\n\nrevision = \"" + id + "\"\ndown_revision = " + down
                + "\nbranch_labels = " + labels + "\ndepends_on = " + depends + "\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n";
        return HeaderReader.file(file, text);
    }

    static String q(String id) {
        return "\"" + id + "\"";
    }

    static List<String> ids(List<Migration> ms) {
        return ms.stream().map(m -> m.header().revisionId()).toList();
    }

    static List<Migration> chain(int from, int to) {
        List<Migration> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            String id = String.format("%03d", i);
            out.add(rev(id + "_step.py", id, i == from ? "None" : q(String.format("%03d", i - 1))));
        }
        return out;
    }

    @Test
    void linear_chain_has_one_head_one_base_and_topological_order() {
        var g = RevisionGraph.build(chain(1, 4));
        assertEquals(List.of("004"), g.heads());
        assertEquals(List.of("001"), g.bases());
        assertEquals(List.of("001", "002", "003", "004"), ids(g.topologicalOrder()));
        assertEquals(List.of("003", "004"), ids(g.upgradePlan("002")));
        assertEquals(List.of("001", "002", "003", "004"), ids(g.upgradePlan((String) null)));
        assertTrue(g.contains("003"));
        assertFalse(g.contains("3"));
    }

    @Test
    void topological_order_puts_parents_first_even_when_file_names_disagree() {
        var g = RevisionGraph.build(List.of(rev("a_second.py", "bbb", q("ccc")), rev("b_first.py", "ccc", "None")));
        assertEquals(List.of("ccc", "bbb"), ids(g.topologicalOrder()));
    }

    @Test
    void fork_has_two_heads_a_branch_point_and_paths_on_each_side() {
        List<Migration> ms = new ArrayList<>(chain(17, 18));
        ms.add(rev("019_a.py", "019", q("018")));
        ms.add(rev("020_b.py", "020", q("018")));
        ms.add(rev("021_c.py", "021", q("020")));
        var g = RevisionGraph.build(ms);
        assertEquals(List.of("019", "021"), g.heads());
        assertEquals(List.of("018"), g.branchPoints());
        assertEquals(Optional.of("018"), g.forkPoint(g.heads()));
        assertEquals(List.of("020", "021"), g.path("018", "021"));
        assertEquals(List.of("019"), g.path("018", "019"));
        assertEquals(List.of("019", "020", "021"), g.children("018").size() == 2 ? ids(g.upgradePlan("018")) : null);
    }

    @Test
    void merge_revision_joins_heads_and_upgrade_plan_from_the_fork_runs_both_sides() {
        List<Migration> ms = new ArrayList<>(chain(17, 18));
        ms.add(rev("019_a.py", "019", q("018")));
        ms.add(rev("020_b.py", "020", q("018")));
        ms.add(rev("021_c.py", "021", q("020")));
        ms.add(rev("022_merge_heads.py", "022", "(\"019\", \"021\")"));
        ms.add(rev("023_d.py", "023", q("022")));
        var g = RevisionGraph.build(ms);
        assertEquals(List.of("023"), g.heads());
        assertEquals(List.of("022"), g.mergePoints());
        // Seed 002: a database stamped 018 (though 020 ran out of order) gets 019..023 applied,
        // including 020 again: the DuplicateColumn crash.
        assertEquals(List.of("019", "020", "021", "022", "023"), ids(g.upgradePlan("018")));
        assertEquals(List.of("019", "022", "023"), ids(g.upgradePlan("021")));
    }

    @Test
    void upgrade_plan_rejects_a_stamp_the_code_does_not_know() {
        var g = RevisionGraph.build(chain(1, 17));
        var e = assertThrows(IllegalArgumentException.class, () -> g.upgradePlan("018"));
        assertEquals("Can't locate revision identified by '018'", e.getMessage());
    }

    @Test
    void duplicate_id_keeps_every_file_and_the_graph_keeps_the_one_alembic_reads_last() {
        var g = RevisionGraph.build(HeaderReader.dir(FIXTURES.resolve("duplicate-revision-id/seed000_duplicate_040/versions")));
        var files = g.duplicates().get("040");
        assertEquals(List.of("040_add_jersey_public_orders.py", "040_create_16u_local_queens_team.py"),
                files.stream().map(m -> m.source().fileName()).toList());
        assertEquals("040_create_16u_local_queens_team.py", g.node("040").source().fileName());
        assertEquals(List.of("040_add_jersey_public_orders.py"),
                g.shadowed().stream().map(m -> m.source().fileName()).toList());
        assertEquals(List.of("042"), g.heads());
        assertEquals(List.of("039", "040", "041", "042"), ids(g.topologicalOrder()));
        // As `alembic heads` does (checked on Alembic 1.20: heads ('040', '042')).
        assertEquals("""
                042 (head)  versions/042_dedupe_alice.py
                040 (head; shadowed duplicate, ignored by upgrades)  versions/040_add_jersey_public_orders.py
                """, GraphPrinter.heads(g));
    }

    @Test
    void missing_parent_points_at_the_entry_that_names_it() {
        List<Migration> ms = new ArrayList<>(chain(17, 17));
        ms.add(rev("019_a.py", "019", q("018")));
        ms.add(rev("020_b.py", "020", q("019"), "None", "(\"0xx\", \"017\")"));
        var g = RevisionGraph.build(ms);
        assertEquals(2, g.missingParents().size());
        var first = g.missingParents().get(0);
        assertEquals("018", first.reference());
        assertEquals(RevisionGraph.Edge.DOWN_REVISION, first.kind());
        assertEquals("\"018\"", first.file().source().slice(HeaderSpans.element(first.file().source(), first.assignment(), "018")));
        var second = g.missingParents().get(1);
        assertEquals(RevisionGraph.Edge.DEPENDS_ON, second.kind());
        assertEquals("\"0xx\"", second.file().source().slice(HeaderSpans.element(second.file().source(), second.assignment(), "0xx")));
        // 019's parent is missing: it is not a base (down_revision is not None).
        assertEquals(List.of("017"), g.bases());
    }

    @Test
    void cycle_is_reported_once_and_self_reference_too() {
        List<Migration> ms = new ArrayList<>(chain(9, 9));
        ms.add(rev("010_a.py", "010", q("012")));
        ms.add(rev("011_b.py", "011", q("010")));
        ms.add(rev("012_c.py", "012", q("011")));
        ms.add(rev("013_d.py", "013", q("013")));
        var g = RevisionGraph.build(ms);
        assertEquals(2, g.cycles().size());
        assertEquals(List.of("010", "011", "012"), g.cycles().get(0).revisions());
        assertEquals(List.of("013"), g.cycles().get(1).revisions());
        assertEquals(5, g.topologicalOrder().size());
    }

    @Test
    void labelled_branches_propagate_to_descendants_and_clashes_are_found() {
        List<Migration> ms = new ArrayList<>(chain(1, 1));
        ms.add(rev("002_expand.py", "002", q("001"), "(\"expand\",)", "None"));
        ms.add(rev("003_expand_more.py", "003", q("002")));
        ms.add(rev("004_contract.py", "004", q("001"), "(\"contract\",)", "None"));
        ms.add(rev("005_contract_more.py", "005", q("004"), "None", q("expand")));
        var g = RevisionGraph.build(ms);
        assertEquals(List.of("003", "005"), g.heads());
        assertEquals(java.util.Set.of("expand"), g.labelsOf("003"));
        assertEquals(java.util.Set.of("contract"), g.labelsOf("005"));
        assertEquals(List.of("004"), g.parents("005"));
        assertEquals(List.of("002"), g.dependsOn("005"));
        assertTrue(g.missingParents().isEmpty());
        // Alembic 1.20: a branch label in down_revision fails with KeyError; only depends_on takes labels.
        List<Migration> labelParent = new ArrayList<>(ms);
        labelParent.add(rev("008_on_label.py", "008", q("contract")));
        assertEquals(List.of("contract"), RevisionGraph.build(labelParent).missingParents().stream()
                .map(RevisionGraph.MissingParent::reference).toList());
        assertTrue(g.labelClashes().isEmpty());

        ms.add(rev("006_other.py", "006", q("001"), "\"expand\"", "None"));
        ms.add(rev("007_named_like_a_rev.py", "007", q("001"), "(\"001\",)", "None"));
        var clashing = RevisionGraph.build(ms);
        assertEquals(List.of("expand", "001"), clashing.labelClashes().stream().map(RevisionGraph.LabelClash::label).toList());
    }

    @Test
    void resolve_follows_alembic_partial_id_rules() {
        var g = RevisionGraph.build(List.of(rev("ae1027a6acf1_a.py", "ae1027a6acf1", "None"),
                rev("b7c2d91e44f0_b.py", "b7c2d91e44f0", q("ae1027a6acf1"), "(\"billing\",)", "None")));
        assertEquals(Optional.of("ae1027a6acf1"), g.resolve("ae10"));
        assertEquals(Optional.of("ae1027a6acf1"), g.resolve("ae"));
        assertEquals(Optional.of("b7c2d91e44f0"), g.resolve("billing"));
        assertEquals(Optional.empty(), g.resolve("c"));
    }

    @Test
    void printers_show_heads_merges_and_labels() {
        List<Migration> ms = new ArrayList<>(chain(18, 18));
        ms.add(rev("019_a.py", "019", q("018")));
        ms.add(rev("020_b.py", "020", q("018"), "(\"side\",)", "None"));
        ms.add(rev("022_merge_heads.py", "022", "(\"019\", \"020\")"));
        var g = RevisionGraph.build(ms);
        assertEquals("""
                * 022 <- 019, 020 (head; merge)  versions/022_merge_heads.py
                  020 <- 018 (label side)  versions/020_b.py
                  019 <- 018  versions/019_a.py
                  018 <- <base> (branch point -> 019, 020)  versions/018_step.py
                """, GraphPrinter.text(g));
        assertEquals("{\"heads\":[\"022\"],\"bases\":[\"018\"],\"revisions\":["
                + "{\"revision\":\"018\",\"down_revision\":[],\"file\":\"versions/018_step.py\",\"branch_labels\":[],\"depends_on\":[]},"
                + "{\"revision\":\"019\",\"down_revision\":[\"018\"],\"file\":\"versions/019_a.py\",\"branch_labels\":[],\"depends_on\":[]},"
                + "{\"revision\":\"020\",\"down_revision\":[\"018\"],\"file\":\"versions/020_b.py\",\"branch_labels\":[\"side\"],\"depends_on\":[]},"
                + "{\"revision\":\"022\",\"down_revision\":[\"019\",\"020\"],\"file\":\"versions/022_merge_heads.py\",\"branch_labels\":[],\"depends_on\":[]}]}",
                GraphPrinter.json(g));
        String dot = GraphPrinter.dot(g);
        assertTrue(dot.contains("\"019\" -> \"022\";"), dot);
        assertTrue(dot.contains("\"022\" [label=\"022\\n022_merge_heads.py\", peripheries=2];"), dot);
        assertEquals("022 (side) (head)  versions/022_merge_heads.py\n", GraphPrinter.heads(g));
    }

    @Test
    void graph_json_escapes_what_a_ci_log_or_a_terminal_would_act_on() {
        String id = "a##[error]b\u001b\u202e";
        String json = GraphPrinter.json(RevisionGraph.build(List.of(rev("001_x.py", id, "None"))));
        assertTrue(json.contains("\"revision\":\"a#\\u0023[error]b\\u001b\\u202e\""), json);
        // the same data to a JSON reader
        var revisions = (List<?>) ((Map<?, ?>) Json.parse(json)).get("revisions");
        assertEquals(id, ((Map<?, ?>) revisions.get(0)).get("revision"));
    }

    @Test
    void mermaid_marks_heads_branch_points_duplicates_and_missing_parents_with_generated_node_ids() {
        List<Migration> ms = new ArrayList<>();
        ms.add(rev("018_step.py", "018", "None"));
        ms.add(rev("019_a.py", "019", "\"018\""));
        ms.add(rev("020_b.py", "020", "\"018\""));
        ms.add(rev("021_c.py", "021\\\"];click n0 call x(", "\"gone\""));
        ms.add(rev("022_x.py", "022", "\"019\""));
        ms.add(rev("022_y.py", "022", "\"019\""));
        String m = GraphPrinter.mermaid(RevisionGraph.build(ms));
        assertTrue(m.startsWith("flowchart BT\n"), m);
        assertTrue(m.contains("  n0[\"018<br/>018_step.py\"]\n"), m);
        assertTrue(m.contains("<br/>2 files declare this id\"]\n"), m);
        assertTrue(m.contains("[\"missing: gone\"]:::missing\n"), m);
        // a hostile id stays inside its quoted label: its quote is an entity, no new statement starts
        assertTrue(m.contains("[\"021#quot;];click n0 call x(<br/>021_c.py\"]"), m);
        assertEquals(1, m.lines().filter(l -> l.contains("click")).count(), m);
        assertTrue(m.lines().anyMatch(l -> l.matches("  class n\\d+(,n\\d+)* head")), m);
        assertTrue(m.contains("class n0 branch"), m);
        assertTrue(m.lines().anyMatch(l -> l.matches("  class n\\d+ duplicate")), m);
        assertTrue(m.contains("n0 --> n1") && m.contains("n0 --> n2"), m);
    }

    @Test
    void revision_scheme_continues_numbers_or_derives_hex_ids() {
        var numeric = RevisionScheme.detect(List.of("001", "002", "e09c9e678004", "042"));
        assertEquals("043", numeric.next(java.util.Set.of("001", "042"), "x"));
        var hash = RevisionScheme.detect(List.of("ae1027a6acf1", "b7c2d91e44f0"));
        String id = hash.next(java.util.Set.of(), "versions/x.py\ntext");
        assertTrue(id.matches("[0-9a-f]{12}"), id);
        assertEquals(id, hash.next(java.util.Set.of(), "versions/x.py\ntext"));
    }

    @Test
    void file_names_carry_ids_only_in_known_shapes() {
        assertEquals("040", FileNameId.of("040_add_jersey_public_orders.py").orElseThrow().text());
        assertEquals("ae1027a6acf", FileNameId.of("ae1027a6acf_x.py").orElseThrow().text());
        assertEquals("ae1027a6acf1", FileNameId.of("2023_01_05_1234-ae1027a6acf1_slug.py").orElseThrow().text());
        assertTrue(FileNameId.of("2023_01_05_1234-add_users.py").isEmpty());
        assertTrue(FileNameId.of("add_users_table.py").isEmpty());
        assertTrue(FileNameId.of("deadbeefcafe_words.py").isEmpty());
        assertTrue(FileNameId.mentions("2023_01_05_1234-ae1027a6acf1_slug.py", "ae1027a6acf1"));
        assertFalse(FileNameId.mentions("0400_x.py", "040"));
    }

    @Test
    void load_order_is_the_load_order_comparators_for_files_in_several_folders() {
        java.util.Random random = new java.util.Random(7);
        String[] folders = {"versions", "versions/2024", "versions/a b", "other", "versions/B"};
        String[] names = {"a.py", "B.py", "b.py", "a_1.py", "a1.py", "0_x.py", "é.py", "z.py"};
        List<Migration> ms = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String folder = folders[random.nextInt(folders.length)];
            String name = names[random.nextInt(names.length)];
            String text = i % 50 == 0 ? "\"\"\"not a revision\"\"\"\n" : "revision = \"r" + i + "\"\ndown_revision = None\n";
            ms.add(HeaderReader.read(Path.of(folder, name), folder + "/" + name, text));
        }
        List<Migration> expected = ms.stream().filter(m -> m.header() != null && m.header().isRevision()
                && m.header().revisionId() != null).sorted(RevisionGraph.LOAD_ORDER).toList();
        List<Migration> actual = RevisionGraph.build(ms).loadOrder();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(expected.get(i) == actual.get(i), "file " + i + ": " + actual.get(i).source().displayPath());
        }
    }

    /** Files named by the order {@code os.listdir} returned them on the machine the expectation was recorded on. */
    private static List<Migration> inOrder(List<Migration> ms, String... files) {
        List<Migration> out = new ArrayList<>();
        for (String f : files) {
            out.add(ms.stream().filter(m -> m.source().fileName().equals(f)).findFirst().orElseThrow());
        }
        return out;
    }

    @Test
    void upgrade_order_is_alembics_on_a_branched_chain() {
        // Recorded with Alembic 1.8.1: `alembic upgrade heads --sql` on these files ran
        // a, c1, c2, zb1, b2, m, after, d1; from a: the same without a.
        List<Migration> ms = List.of(rev("z_a.py", "a", "None"), rev("m_b1.py", "zb1", q("a")),
                rev("a_b2.py", "b2", q("zb1")), rev("k_c1.py", "c1", q("a")), rev("b_c2.py", "c2", q("c1")),
                rev("c_d1.py", "d1", q("a")), rev("y_m.py", "m", "(\"b2\", \"c2\")"), rev("q_after.py", "after", q("m")));
        var g = RevisionGraph.build(ms);
        List<Migration> listdir = inOrder(ms, "z_a.py", "a_b2.py", "c_d1.py", "y_m.py", "m_b1.py", "k_c1.py", "b_c2.py",
                "q_after.py");
        assertEquals(List.of("a", "c1", "c2", "zb1", "b2", "m", "after", "d1"),
                ids(g.alembicUpgradeOrder(List.of(), listdir)));
        assertEquals(List.of("c1", "c2", "zb1", "b2", "m", "after", "d1"), ids(g.alembicUpgradeOrder(List.of("a"), listdir)));
        // the same set as upgradePlan, whatever the order
        assertEquals(new java.util.HashSet<>(ids(g.upgradePlan("a"))),
                new java.util.HashSet<>(ids(g.alembicUpgradeOrder(List.of("a"), null))));
    }

    @Test
    void upgrade_order_follows_depends_on_as_alembic_does() {
        // Recorded with Alembic 1.8.1: `alembic upgrade y1:heads --sql` ran x1, y2, x2, m, z1.
        List<Migration> ms = List.of(rev("f_base.py", "base", "None"), rev("a_x1.py", "x1", q("base")),
                rev("b_y1.py", "y1", q("base")), rev("c_y2.py", "y2", q("y1"), "None", q("x1")),
                rev("e_x2.py", "x2", q("x1")), rev("d_z1.py", "z1", q("base")), rev("g_m.py", "m", "(\"x2\", \"y2\")"));
        var g = RevisionGraph.build(ms);
        List<Migration> listdir = inOrder(ms, "b_y1.py", "e_x2.py", "a_x1.py", "c_y2.py", "d_z1.py", "g_m.py", "f_base.py");
        assertEquals(List.of("x1", "y2", "x2", "m", "z1"), ids(g.alembicUpgradeOrder(List.of("y1"), listdir)));
    }
}
