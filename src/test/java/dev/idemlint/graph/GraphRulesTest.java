package dev.idemlint.graph;

import static dev.idemlint.graph.RevisionGraphTest.FIXTURES;
import static dev.idemlint.graph.RevisionGraphTest.chain;
import static dev.idemlint.graph.RevisionGraphTest.q;
import static dev.idemlint.graph.RevisionGraphTest.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Settings;
import dev.idemlint.discovery.Version;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.FileChange;
import dev.idemlint.migration.Migration;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphRulesTest {

    private static List<Diagnostic> lint(String rule, List<Migration> ms) {
        return Lint.run(Lint.rule(rule), ms);
    }

    @Test
    void duplicate_revision_id_names_every_file_and_the_one_alembic_keeps() {
        var ms = HeaderReader.dir(FIXTURES.resolve("duplicate-revision-id/seed000_duplicate_040/versions"));
        var ds = lint("duplicate-revision-id", ms);
        assertEquals(2, ds.size());
        Diagnostic d = ds.get(0);
        assertEquals(Severity.ERROR, d.severity());
        assertEquals("\"040\"", d.file().slice(d.span()));
        assertEquals("Revision id 040 is declared by 2 files, so Alembic keeps one and never runs the other's"
                + " upgrade.", d.message());
        assertTrue(d.help().startsWith("Alembic only warns and keeps 040_create_16u_local_queens_team.py (the file it"
                + " reads last, in sorted file-name order) of 040_add_jersey_public_orders.py,"
                + " 040_create_16u_local_queens_team.py;"), d.help());
        assertTrue(d.help().contains("043"), d.help());
        assertTrue(d.help().contains("SELECT version_num FROM alembic_version"), d.help());
        // Only the newer file (by Create Date here) carries the renumber fix.
        var fixed = ds.stream().filter(x -> !x.fixes().isEmpty()).toList();
        assertEquals(1, fixed.size());
        assertEquals("040_add_jersey_public_orders.py", fixed.get(0).file().fileName());
        assertEquals(Applicability.UNSAFE, fixed.get(0).fixes().get(0).applicability());
    }

    @Test
    void duplicate_revision_id_says_listing_order_is_not_guaranteed_before_alembic_1_10() {
        var ms = HeaderReader.dir(FIXTURES.resolve("duplicate-revision-id/seed001_duplicate_031/versions"));
        var ds = Lint.run(Lint.rule("duplicate-revision-id"), ms, Settings.DEFAULT.withAlembic(Version.parse("1.9.4")));
        assertTrue(ds.get(0).help().contains("directory listing order, which is not guaranteed"), ds.get(0).help());
        // Mixed scheme (numbers plus one hash id) still continues the numbers.
        assertTrue(ds.get(0).help().contains("next free id 032"), ds.get(0).help());
    }

    @Test
    void multiple_heads_names_the_fork_and_the_files_on_each_side() {
        var ms = HeaderReader.dir(FIXTURES.resolve("multiple-heads/seed002_fork_before_merge/versions"));
        var ds = lint("multiple-heads", ms);
        assertEquals(2, ds.size());
        assertEquals("2 heads (019, 021) fork at revision 018, so `alembic upgrade head` fails with \"Multiple head"
                + " revisions are present\".", ds.get(0).message());
        assertTrue(ds.get(0).help().startsWith("The heads fork at revision 018 (018_add_groupme_and_outbox.py) with"
                + " 019_add_player_teams.py on one side and 020_add_custom_notes.py, 021_add_oauth_tokens.py on the"
                + " other. Join the heads"), ds.get(0).help());
        var fix = ds.get(0).fixes().get(0);
        var create = (FileChange.Create) fix.files().get(0);
        assertEquals("022_merge_heads.py", create.file().getFileName().toString());
        assertTrue(create.content().contains("down_revision: Union[str, Sequence[str], None] = (\"019\", \"021\")"),
                create.content());
        assertTrue(create.content().contains("Revises: 019, 021\n"), create.content());
    }

    @Test
    void merge_fix_yields_one_head() {
        var ms = HeaderReader.dir(FIXTURES.resolve("multiple-heads/seed002_fork_before_merge/versions"));
        var fix = lint("multiple-heads", ms).get(0).fixes().get(0);
        var files = new java.util.LinkedHashMap<java.nio.file.Path, String>();
        ms.forEach(m -> files.put(m.source().path(), m.source().text()));
        var after = RevisionGraph.build(Lint.migrations(Lint.apply(files, fix)));
        assertEquals(List.of("022"), after.heads());
        assertTrue(lint("multiple-heads", Lint.migrations(Lint.apply(files, fix))).isEmpty());
    }

    @Test
    void heads_on_distinct_labelled_branches_are_not_reported_but_a_fork_inside_one_is() {
        List<Migration> ms = new ArrayList<>(chain(1, 1));
        ms.add(rev("002_expand.py", "002", q("001"), "(\"expand\",)", "None"));
        ms.add(rev("003_contract.py", "003", q("001"), "(\"contract\",)", "None"));
        assertTrue(lint("multiple-heads", ms).isEmpty());
        ms.add(rev("004_expand_a.py", "004", q("002")));
        ms.add(rev("005_expand_b.py", "005", q("002")));
        var ds = lint("multiple-heads", ms);
        assertEquals(List.of("004_expand_a.py", "005_expand_b.py"), ds.stream().map(d -> d.file().fileName()).toList());
        assertTrue(ds.get(0).message().startsWith("2 heads on branch expand (004, 005) fork at revision 002"),
                ds.get(0).message());
    }

    @Test
    void one_unlabelled_head_beside_labelled_branches_is_fine() {
        List<Migration> ms = new ArrayList<>(chain(1, 3));
        ms.add(rev("a_reports.py", "9f8e7d6c5b4a", q("001"), "(\"reports\",)", "None"));
        assertTrue(lint("multiple-heads", ms).isEmpty());
    }

    @Test
    void missing_down_revision_suggests_by_file_name_prefix_and_distance() {
        var ds = lint("missing-down-revision",
                HeaderReader.dir(FIXTURES.resolve("missing-down-revision/did_you_mean_filename/versions")));
        assertEquals(1, ds.size());
        assertEquals("down_revision '018' names no revision or branch label in this directory, so every Alembic"
                + " command fails with KeyError.", ds.get(0).message());
        assertTrue(ds.get(0).help().startsWith("Did you mean '018a' (declared by 018_add_groupme.py)?"), ds.get(0).help());
        assertEquals(1, ds.get(0).fixes().size());

        var hash = lint("missing-down-revision",
                HeaderReader.dir(FIXTURES.resolve("missing-down-revision/hash_typo_and_depends_on/versions")));
        // the depends_on with nothing near it may name another package's revision: not claimed
        assertEquals(1, hash.size());
        assertTrue(hash.get(0).help().contains("'ae1027a6acf1'"), hash.get(0).help());
    }

    @Test
    void missing_down_revision_does_not_guess_between_short_numbers() {
        List<Migration> ms = new ArrayList<>(chain(1, 2));
        ms.add(rev("004_x.py", "004", q("003")));
        var ds = lint("missing-down-revision", ms);
        assertEquals(1, ds.size());
        assertTrue(ds.get(0).fixes().isEmpty());
    }

    @Test
    void multiple_bases_skips_labelled_bases() {
        List<Migration> ms = new ArrayList<>(chain(1, 2));
        ms.add(rev("003_other.py", "003", "None"));
        ms.add(rev("004_branch.py", "004", "None", "(\"reports\",)", "None"));
        var ds = lint("multiple-bases", ms);
        assertEquals(1, ds.size());
        assertEquals("None", ds.get(0).file().slice(ds.get(0).span()));
        assertTrue(ds.get(0).message().startsWith("Revision 003 is a second base (down_revision = None)"),
                ds.get(0).message());
        assertTrue(ds.get(0).help().startsWith("Besides the base 001 (001_"), ds.get(0).help());
    }

    @Test
    void filename_revision_mismatch_has_no_false_positives_on_common_templates() {
        var ds = lint("filename-revision-mismatch",
                HeaderReader.dir(FIXTURES.resolve("filename-revision-mismatch/numbered_and_hash_names/versions")));
        assertEquals(2, ds.size());
        assertEquals(Severity.WARNING, ds.get(0).severity());
        var move = (FileChange.Move) ds.get(0).fixes().get(0).files().get(0);
        assertEquals("043_add_jersey_public_orders.py", move.to().getFileName().toString());
        assertTrue(lint("filename-revision-mismatch",
                HeaderReader.dir(FIXTURES.resolve("filename-revision-mismatch/templates_that_match/versions"))).isEmpty());
    }

    @Test
    void docstring_header_mismatch_fix_rewrites_the_header_from_the_variables() {
        var ms = HeaderReader.dir(FIXTURES.resolve("docstring-header-mismatch/renumbered_by_hand/versions"));
        var ds = lint("docstring-header-mismatch", ms);
        assertEquals(2, ds.size());
        var files = new java.util.LinkedHashMap<java.nio.file.Path, String>();
        ms.forEach(m -> files.put(m.source().path(), m.source().text()));
        for (Diagnostic d : ds) {
            files.putAll(Lint.apply(files, d.fixes().get(0)));
        }
        assertTrue(lint("docstring-header-mismatch", Lint.migrations(files)).isEmpty());
        String fixed = files.get(ds.get(0).file().path());
        assertTrue(fixed.contains("Revision ID: 043\nRevises: 042\n"), fixed);
    }

    @Test
    void cycle_and_branch_label_rules_fire_once_per_problem() {
        List<Migration> ms = new ArrayList<>(chain(9, 9));
        ms.add(rev("010_a.py", "010", q("011")));
        ms.add(rev("011_b.py", "011", q("010")));
        var ds = lint("revision-cycle", ms);
        assertEquals(1, ds.size());
        assertEquals("\"011\"", ds.get(0).file().slice(ds.get(0).span()));
        assertEquals(1, ds.get(0).related().size());

        List<Migration> labelled = new ArrayList<>(chain(1, 1));
        labelled.add(rev("002_a.py", "002", q("001"), "(\"expand\",)", "None"));
        labelled.add(rev("003_b.py", "003", q("001"), "(\"expand\",)", "None"));
        var ls = lint("duplicate-branch-label", labelled);
        assertEquals(2, ls.size());
        assertEquals("\"expand\"", ls.get(1).file().slice(ls.get(1).span()));
    }
}
