package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.fail;

import dev.idemlint.cli.Main;
import dev.idemlint.pg.ChainOutcome.RevisionOutcome;
import dev.idemlint.pg.RerunProof.Verdict;
import dev.idemlint.rule.LintResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixes, proved: each proof chain is copied, fixed with {@code lint --fix --unsafe-fixes} for the
 * installed Alembic/SQLAlchemy, and run again. Every revision the fixes leave without a finding must
 * apply and re-apply cleanly; a revision still flagged must be named in {@link #KNOWN_UNFIXED} with its
 * reason. The schema ({@code pg_dump --schema-only}) after every revision of the fixed chain, run and
 * re-run, must be the schema after that revision of the unfixed chain applied once, and at the head a
 * single {@code upgrade heads} of both must leave the same schema. Where the unfixed chain fails, the
 * reference is the unfixed chain applied once with each failing statement rolled back and skipped (its
 * effect applied once), never the fixed chain itself; a revision without a reference is not counted as equal.
 * A chain whose directory holds an env.py is linted from there (its naming convention), and its models.py
 * gives the harness the same {@code target_metadata}.
 */
@Tag("postgres")
class FixProofTest {

    /**
     * Revisions that --fix leaves without a finding although they still fail, keyed chain/revision: rule or
     * fix bugs to fix there. The test fails when an entry starts passing, so the list shrinks.
     */
    static final Map<String, String> KNOWN_FIX_MISMATCHES = Map.of();

    /**
     * Revisions still flagged after {@code --fix --unsafe-fixes}, keyed chain/revision, each with the reason no
     * applied fix exists. Every other revision still flagged fails the test, and so does an entry whose
     * revision has no finding left.
     */
    static final Map<String, String> KNOWN_UNFIXED = Map.of(
            "identity/i01", "column-identity-not-idempotent offers no fix for a serial turned identity column:"
                    + " DROP DEFAULT, the DROP SEQUENCE of the serial and ADD GENERATED belong under one condition,"
                    + " which depends on the revision's intent",
            "conversions/v01", "alter-column-type-not-idempotent offers no fix: which condition tells the old type"
                    + " from the new one depends on the types, and belongs to the revision's author",
            "created_twice/o21", "drop-index-of-constraint fails the first run, not a re-run: its remedy (drop the"
                    + " constraint instead) changes what the revision does, so it is a suggestion, never applied",
            "renamed_reads/n01", "read-before-rename has no fix: the re-run fails at the UPDATE reading the old column"
                    + " name whatever guards the rename, so rename-not-idempotent's guard is a suggestion only",
            "renamed_reads/n02", "as renamed_reads/n01, for a table renamed after an INSERT ... SELECT reads it",
            "retyped_reads/r01", "read-before-type-change has no fix: the re-run fails at the UPDATE reading the column"
                    + " under the type the first run gave it, and a guard on the type change alone leaves the read",
            "enum_label_swap/l01", "filter-on-removed-enum-label offers no fix: the DELETE must compare the column as"
                    + " text (`state::text = 'stale'`) or move to a revision of its own, a change to the statement's SQL"
                    + " its help names for the author");

    /**
     * Objects a re-run adds again without failing, per chain: an unnamed CHECK, UNIQUE or index gets a
     * fresh generated name each run (players_age_check1 ...). No rule flags this yet; the schema check
     * ignores exactly these names and fails when one no longer appears, so the list shrinks.
     */
    static final Map<String, List<String>> KNOWN_SCHEMA_DRIFT = Map.of(
            "constraints", List.of("players_age_check1", "players_email_key1"), // k06, k07
            "tables_indexes", List.of("venues_capacity_idx1"), // t08
            "heldout_funcs", List.of("item_stats_owner_idx1")); // an unnamed unique index

    private AlembicRerunHarness harness;

    @TempDir
    Path tmp;

    @BeforeEach
    void cluster() {
        harness = new AlembicRerunHarness(PgCluster.require());
    }

    /** One chain's fix proof. */
    record FixedChain(String chain, int revisions, int flaggedBefore, int fixedRevisions, int fixesProved,
            int leftUnfixed, int rerunOk, int schemaEqual, String eachComparedWith, String headComparedWith,
            List<String> leftovers, List<String> problems, Set<String> revisionKeys) {
    }

    @Test
    void fixed_chains_rerun_cleanly_and_leave_the_schema_of_the_unfixed_chain() throws IOException {
        List<FixedChain> chains = new ArrayList<>();
        for (Path c : RerunProofTest.proofCases()) {
            chains.add(prove(c));
        }
        writeSummary(chains);
        List<String> problems = new ArrayList<>(chains.stream().flatMap(c -> c.problems().stream()).toList());
        Set<String> keys = chains.stream().flatMap(c -> c.revisionKeys().stream()).collect(Collectors.toSet());
        Set<String> chainNames = chains.stream().map(FixedChain::chain).collect(Collectors.toSet());
        problems.addAll(staleEntries("KNOWN_FIX_MISMATCHES", KNOWN_FIX_MISMATCHES.keySet(), keys, chainNames));
        problems.addAll(staleEntries("KNOWN_UNFIXED", KNOWN_UNFIXED.keySet(), keys, chainNames));
        Set<String> allChains = allProofChains();
        for (String chain : KNOWN_SCHEMA_DRIFT.keySet()) {
            if (!allChains.contains(chain)) {
                problems.add("KNOWN_SCHEMA_DRIFT names " + chain + ", which is no proof chain");
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " fix proof problem(s):\n\n" + String.join("\n\n", problems));
        }
    }

    /**
     * Runnable rule fixtures ({@link RerunProofTest#DIRECT_FIXTURES}) still flagged after {@code --fix
     * --unsafe-fixes}, keyed {@code fixture:rule/case/revision}, each with the reason no applied fix exists.
     */
    static final Map<String, String> KNOWN_UNFIXED_FIXTURES = Map.of(
            "fixture:add-column-not-idempotent/type_dropped_with_cascade/002", "add-column-not-idempotent's guard of"
                    + " label is a suggestion only: the re-run adds environment_kind (dropped by DROP TYPE ... CASCADE)"
                    + " again after it, so the table's columns would come in another order",
            "fixture:add-column-not-idempotent/column_dropped_and_added_again/002", "add-column-not-idempotent's guard"
                    + " of memo is a suggestion only: the re-run drops balance and adds it again after it, so the"
                    + " table's columns would come in another order",
            "fixture:add-constraint-not-idempotent/unnamed_columns_passed_in/002", "the unnamed foreign key's guard is"
                    + " a suggestion only (its columns are a parameter of the helper), so the fixes of the statements"
                    + " before it are withheld: fixed, the re-run would add activity_mission_id_fkey1",
            "fixture:create-statement-not-idempotent/op_function_imported/001", "create-table-not-idempotent offers no"
                    + " fix for a create_table called by a name imported from alembic.op (`make_table(...)`): its"
                    + " has_table guard asks `op.get_bind()`, and such a revision need not bind `op`");

    /**
     * Runnable rule fixtures whose fix proof has problems not resolved yet, keyed {@code rule/case}, each with what
     * PostgreSQL showed. Their problems are reported in the summary, not failed on; the test fails when a listed
     * fixture proves cleanly, so the list shrinks. Fix bugs (a fixed chain that leaves another schema) first.
     */
    static final Map<String, String> KNOWN_FIXTURE_PROBLEMS = Map.ofEntries(
            Map.entry("insert-not-idempotent/unnamed_key_dropped_by_name", "a re-run of 002 adds the unnamed unique"
                    + " key again as sports_img_key1 without failing (as KNOWN_SCHEMA_DRIFT for the chains)"),
            Map.entry("insert-not-idempotent/seed_keys", "fixture: 002's (1, nextval('documents_version')) row"
                    + " repeats the key (1, 1) on the first run (23505), before any re-run"),
            Map.entry("insert-not-idempotent/seed_rows", "fixture: 002 inserts into unknown_table, which no revision"
                    + " creates: 42P01 on the first run"),
            Map.entry("insert-not-idempotent/renamed_table_keys", "not claimed: colors' keys are unknown to the model"
                    + " (the fixture's point), and 003's re-run fails 23505"),
            Map.entry("drop-not-idempotent/column_named_like_a_function", "not claimed: 002's re-run fails 42809 at"
                    + " assignments.rank, read as the rank() aggregate once the column is gone"),
            Map.entry("drop-not-idempotent/formatted_schema", "not claimed: 002's re-run fails 42P07 at create_table"
                    + " t once the drop of the formatted {schema}.t passes"),
            Map.entry("drop-not-idempotent/core_read_before_drop", "no fix: 002's read of member.is_admin before the"
                    + " drop fails 42703 on the re-run; a read is not guarded"),
            Map.entry("drop-not-idempotent/orm_read_before_drop", "no fix: 002's ORM query over QueryEngine, whose rows"
                    + " a loop uses, reads query_engine.status_checker before the drop and fails 42703 on the re-run"),
            Map.entry("drop-not-idempotent/dropped_on_unread_table", "no fix: 004's drop_column on tables read at run"
                    + " time gets the inspector guard as a suggestion only, and its re-run fails 42703"));

    /**
     * The fixes of the runnable rule fixtures that have an approved fixed output, proved as the corpus's: a copy
     * fixed with {@code lint --fix --unsafe-fixes} for the versions the database runs re-runs cleanly revision by
     * revision and leaves the unfixed fixture's schema after each revision and at the head.
     */
    @Test
    void fixed_rule_fixtures_rerun_cleanly_and_leave_the_schema_of_the_unfixed_fixture() throws IOException {
        Path root = RerunProof.repoRoot().resolve("src/test/resources/fixtures/rules");
        List<FixedChain> chains = new ArrayList<>();
        for (String f : RerunProofTest.directFixtures()) {
            Path dir = root.resolve(f);
            if (!Files.isRegularFile(root.resolve(f + ".fixed.approved.py"))) {
                continue;
            }
            Path copy = tmp.resolve("fixtures").resolve(f);
            copyTree(dir, copy);
            Path versions = Files.isDirectory(copy.resolve("versions")) ? copy.resolve("versions") : copy;
            // run as RerunProofTest runs it: its root on sys.path, its -x arguments, SQLAlchemy 2.x if it needs it
            AlembicRerunHarness h = RerunProofTest.harnessFor(f, copy, harness);
            // fixed from the folder of its env.py, when it has one: the naming convention the linter reads there
            chains.add(prove("fixture:" + f, versions, tmp.resolve("fixture-dumps").resolve(f), h,
                    KNOWN_UNFIXED_FIXTURES, Map.of(), List.of()));
        }
        writeSummary(chains, "Fixes of the runnable rule fixtures proved", "proof-fixture-fixes.md");
        List<String> problems = new ArrayList<>();
        Set<String> proved = new HashSet<>();
        for (FixedChain c : chains) {
            String fixture = c.chain().substring("fixture:".length());
            proved.add(fixture);
            if (!KNOWN_FIXTURE_PROBLEMS.containsKey(fixture)) {
                problems.addAll(c.problems());
            } else if (c.problems().isEmpty()) {
                problems.add(fixture + " proves cleanly now: remove it from KNOWN_FIXTURE_PROBLEMS");
            }
        }
        if (System.getProperty("idemlint.proof.fixtures", "").isBlank()) {
            for (String fixture : KNOWN_FIXTURE_PROBLEMS.keySet()) {
                if (!proved.contains(fixture)) {
                    problems.add("KNOWN_FIXTURE_PROBLEMS names " + fixture + ", which is no fixture proved");
                }
            }
        }
        Set<String> keys = chains.stream().flatMap(c -> c.revisionKeys().stream()).collect(Collectors.toSet());
        if (System.getProperty("idemlint.proof.fixtures", "").isBlank()) {
            for (String key : KNOWN_UNFIXED_FIXTURES.keySet()) {
                if (!keys.contains(key)) {
                    problems.add("KNOWN_UNFIXED_FIXTURES names " + key + ", which is no revision of the fixtures proved");
                }
            }
        }
        if (chains.isEmpty()) {
            problems.add("no runnable rule fixture with an approved fixed output was proved");
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " fix proof problem(s):\n\n" + String.join("\n\n", problems));
        }
    }

    /**
     * The entries of an allow-list keyed {@code chain/revision} that name no revision: of a chain that is none of
     * the proof chains, or of a chain that ran and has no such revision. Entries of chains left out of a targeted run
     * ({@code -Didemlint.proof.chains}) cannot be checked there and are left alone.
     */
    static List<String> staleEntries(String list, Set<String> entries, Set<String> keys, Set<String> chainsRun) {
        return staleEntries(list, entries, keys, chainsRun, allProofChains());
    }

    /** As {@link #staleEntries(String, Set, Set, Set)}, for the chains {@code allChains}. */
    static List<String> staleEntries(String list, Set<String> entries, Set<String> keys, Set<String> chainsRun,
            Set<String> allChains) {
        List<String> out = new ArrayList<>();
        for (String key : entries) {
            String chain = key.contains("/") ? key.substring(0, key.indexOf('/')) : key;
            if (!allChains.contains(chain) || chainsRun.contains(chain) && !keys.contains(key)) {
                out.add(list + " names " + key + ", which is no revision of the chains proved");
            }
        }
        return out;
    }

    /** The names of every proof chain, whichever a targeted run chose. */
    static Set<String> allProofChains() {
        try (Stream<Path> s = Files.list(RerunProof.repoRoot().resolve("src/test/resources/proof"))) {
            return s.filter(p -> Files.isDirectory(p.resolve("versions"))).map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FixedChain prove(Path caseDir) throws IOException {
        String chain = caseDir.getFileName().toString();
        Path copy = tmp.resolve(chain);
        copyTree(caseDir, copy);
        return prove(chain, copy.resolve("versions"), tmp.resolve(chain + "-dumps"), harness, KNOWN_UNFIXED,
                KNOWN_FIX_MISMATCHES, KNOWN_SCHEMA_DRIFT.getOrDefault(chain, List.of()));
    }

    /**
     * Proves {@code --fix --unsafe-fixes} on the chain in {@code versions} (a scratch copy, fixed in place):
     * every revision left without a finding re-runs, every revision still flagged is named in
     * {@code knownUnfixed}, a revision left without a finding that still fails is named in
     * {@code knownFixMismatches}, and the schema after each revision and at the head is the unfixed
     * chain's. Dumps go under {@code dumps}; {@code drift} names the re-run duplicates the comparison ignores.
     */
    static FixedChain prove(String chain, Path versions, Path dumps, AlembicRerunHarness harness,
            Map<String, String> knownUnfixed, Map<String, String> knownFixMismatches, List<String> drift)
            throws IOException {
        // a chain with an env.py is linted from its root, where env.py gives the naming convention
        Path lintRoot = Files.isRegularFile(versions.resolveSibling("env.py")) ? versions.getParent() : versions;
        return prove(chain, versions, lintRoot, dumps, harness, knownUnfixed, knownFixMismatches, drift);
    }

    /**
     * As {@link #prove(String, Path, Path, AlembicRerunHarness, Map, Map, List)}, with {@code --fix} run on
     * {@code lintRoot} (a real project's package root, as its users lint it; every chain under it is fixed,
     * the one in {@code versions} is proved).
     */
    static FixedChain prove(String chain, Path versions, Path lintRoot, Path dumps, AlembicRerunHarness harness,
            Map<String, String> knownUnfixed, Map<String, String> knownFixMismatches, List<String> drift)
            throws IOException {

        LintResult before = RerunProof.lint(versions);
        Map<String, Integer> findingsBefore = new HashMap<>();
        RerunProof.findingsByFile(versions, before).forEach((file, found) -> findingsBefore.put(file, found.size()));
        // the unfixed chain, kept aside: it is walked after the fixed one, in the fixed walk's order (a merge
        // revision the fixes add may change the order Alembic walks sibling branches in)
        Path unfixed = dumps.resolve("unfixed").resolve("versions");
        copyTree(versions, unfixed);
        // the chain's env.py and models.py: the naming convention both the linter and the harness read
        for (String beside : List.of("env.py", "models.py")) {
            if (Files.isRegularFile(versions.resolveSibling(beside))) {
                Files.copy(versions.resolveSibling(beside), unfixed.resolveSibling(beside));
            }
        }
        Path unfixedHeadDump = dumps.resolve("unfixed-head.sql");
        ChainOutcome unfixedHead = harness.upgradeHeadsOnce(unfixed, unfixedHeadDump);

        String out = runFix(lintRoot);

        Path fixedDump = dumps.resolve("fixed-walk.sql");
        ChainOutcome fixedRun = harness.run(versions, fixedDump, dumps.resolve("fixed-walk-each"));
        ChainOutcome unfixedEach = harness.runOnce(unfixed, dumps.resolve("unfixed-each"),
                fixedRun.revisions().stream().map(RevisionOutcome::revision).toList());
        List<String> problems = new ArrayList<>();
        if (!fixedRun.load().ok()) {
            problems.add(chain + ": Alembic cannot load the fixed chain: " + fixedRun.load() + "\n" + out);
            return new FixedChain(chain, 0, 0, 0, 0, 0, 0, 0, "-", "-", List.of(), problems, Set.of());
        }
        LintResult after = RerunProof.lint(versions);
        int fixedRevisions = 0;
        int fixesProved = 0;
        int leftUnfixed = 0;
        int flaggedBefore = 0;
        int rerunOk = 0;
        List<String> leftovers = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Verdict v : RerunProof.verdicts(chain, versions, after, fixedRun)) {
            keys.add(v.key());
            int was = findingsBefore.getOrDefault(v.file(), 0);
            flaggedBefore += was > 0 ? 1 : 0;
            rerunOk += v.failed() ? 0 : 1;
            // an unflagged revision that fails unfixed is a linter false negative RerunProofTest reports
            boolean knownMismatch = knownFixMismatches.containsKey(v.key())
                    || was == 0 && RerunProofTest.KNOWN_MISMATCHES.containsKey(v.key());
            String unfixedReason = knownUnfixed.get(v.key());
            if (v.flagged()) {
                leftUnfixed++;
                String state = v.failed() ? "still fails: " + v.realOutcome() : "re-runs cleanly (a false positive)";
                if (unfixedReason == null) {
                    problems.add(v.key() + " " + v.rules() + " is still flagged after --fix --unsafe-fixes and "
                            + state + "; fix it, or name it in KNOWN_UNFIXED with the reason\n--- fixed file ---\n"
                            + Files.readString(versions.resolve(v.file())));
                } else {
                    leftovers.add(v.key() + " " + v.rules() + ", " + state + ": " + unfixedReason);
                }
            } else if (unfixedReason != null) {
                problems.add(v.key() + " has no finding left after --fix now: remove it from KNOWN_UNFIXED");
            } else if (v.failed() && !knownMismatch) {
                problems.add(v.key() + ": no finding is left after --fix, yet the fixed revision does not"
                        + " re-run cleanly: " + v.realOutcome() + "\n--- fixed file ---\n"
                        + Files.readString(versions.resolve(v.file())));
            } else if (!v.failed() && knownMismatch) {
                problems.add(v.key() + " re-runs cleanly after --fix now: remove it from KNOWN_FIX_MISMATCHES");
            } else if (v.failed()) {
                leftovers.add(v.key() + " known mismatch: " + knownFixMismatches.getOrDefault(v.key(),
                        RerunProofTest.KNOWN_MISMATCHES.get(v.key())));
            } else if (was > 0) {
                fixedRevisions++;
                fixesProved += was;
            }
        }

        Comparison each = compareEachRevision(chain, unfixed, dumps, unfixedEach, fixedRun, drift, problems, harness);

        // At the head: a single upgrade of the fixed chain, and the fixed chain re-run revision by revision,
        // against a single upgrade of the unfixed chain (or, where that fails, of the unfixed chain skipping
        // each failing statement); no reference, no comparison.
        Path fixedHeadDump = dumps.resolve("fixed-head.sql");
        ChainOutcome fixedHead = harness.upgradeHeadsOnce(versions, fixedHeadDump);
        String headComparedWith;
        Path headReference = null;
        if (unfixedHead.headRun().ok()) {
            headReference = unfixedHeadDump;
            headComparedWith = "unfixed chain";
        } else {
            Path skippingHead = dumps.resolve("unfixed-skipping-head.sql");
            ChainOutcome skipped = harness.upgradeHeadsOnceSkippingFailures(unfixed, skippingHead);
            if (skipped.headRun().ok()) {
                headReference = skippingHead;
                headComparedWith = "unfixed chain skipping its failing statements (unfixed: " + unfixedHead.headRun()
                        + ")";
            } else {
                headComparedWith = "not compared: the unfixed chain fails even skipping failing statements: "
                        + skipped.headRun();
            }
        }
        if (headReference != null) {
            if (!fixedHead.headRun().ok()) {
                problems.add(chain + ": the reference upgrades to its heads, the fixed chain fails: "
                        + fixedHead.headRun());
            } else {
                compare(chain + " at the head, fixed chain upgraded once", headReference, fixedHeadDump, List.of(),
                        problems);
            }
        }
        List<String> fixedNames = objectNames(Files.readString(fixedDump));
        for (String name : drift) {
            if (!fixedNames.contains(name)) {
                problems.add(chain + ": the known re-run duplicate " + name + " is gone: remove it from"
                        + " KNOWN_SCHEMA_DRIFT");
            }
        }
        if (headReference != null) {
            compare(chain + " at the head, fixed chain re-run revision by revision", headReference, fixedDump, drift,
                    problems);
        }
        return new FixedChain(chain, fixedRun.revisions().size(), flaggedBefore, fixedRevisions, fixesProved,
                leftUnfixed, rerunOk, each.equal(), each.describe(), headComparedWith, leftovers, problems, keys);
    }

    /**
     * How many revisions' schemas were compared with which reference: {@code withUnfixed} with the unfixed chain
     * applied once, {@code withSkipping} with the unfixed chain applied once skipping each failing statement,
     * {@code equal} of those compared; {@code uncompared} names the revisions with no independent reference.
     */
    record Comparison(int withUnfixed, int withSkipping, int equal, List<String> uncompared, String why) {
        String describe() {
            return withUnfixed + " with the unfixed chain" + (withSkipping == 0 ? ""
                    : ", " + withSkipping + " with the unfixed chain skipping its failing statements (" + why + ")")
                    + (uncompared.isEmpty() ? "" : ", " + uncompared.size() + " not compared (no reference: "
                            + String.join(", ", uncompared) + ")");
        }
    }

    /**
     * The schema after each revision of the fixed chain (first run and re-run) against a reference no fix helped
     * build: the schema after the same revision of the unfixed chain applied once, or, from the first revision
     * whose first run fails unfixed on (a failure a rule predicted and --fix removed), of the unfixed chain
     * applied once with each failing statement rolled back and skipped (its effect applied once). A revision
     * with no such reference (one the fixes added, or one that fails even so) is not compared, and counts as
     * no "schema equal".
     */
    private static Comparison compareEachRevision(String chain, Path unfixed, Path dumps, ChainOutcome unfixedEach,
            ChainOutcome fixedRun, List<String> drift, List<String> problems, AlembicRerunHarness harness)
            throws IOException {
        Map<String, Integer> unfixedIndex = new HashMap<>();
        int firstFailure = Integer.MAX_VALUE;
        String why = "";
        for (int i = 0; i < unfixedEach.revisions().size(); i++) {
            RevisionOutcome r = unfixedEach.revisions().get(i);
            unfixedIndex.put(r.revision(), i);
            if (!r.first().ok() && firstFailure == Integer.MAX_VALUE) {
                firstFailure = i;
                why = "unfixed, " + r.revision() + " fails its first run: " + r.first();
            }
        }
        Path skippingDir = dumps.resolve("unfixed-skipping-each");
        ChainOutcome skipping = null;
        int withUnfixed = 0;
        int withSkipping = 0;
        List<String> uncompared = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        String divergedAt = null;
        for (RevisionOutcome r : fixedRun.revisions()) {
            Integer at = unfixedIndex.get(r.revision());
            Path reference;
            if (at == null) {
                uncompared.add(r.revision() + " (added by the fixes)");
                continue;
            } else if (at < firstFailure) {
                reference = dumps.resolve("unfixed-each").resolve(r.revision() + ".sql");
                withUnfixed++;
            } else {
                if (skipping == null) {
                    skipping = harness.runOnceSkippingFailures(unfixed, skippingDir,
                            fixedRun.revisions().stream().map(RevisionOutcome::revision).toList());
                }
                java.util.Optional<RevisionOutcome> ref = skipping.find(r.revision());
                if (ref.isEmpty() || !ref.get().first().ok() || ref.get().afterFailure()) {
                    uncompared.add(r.revision() + " (fails unfixed even skipping failing statements: "
                            + ref.map(x -> x.first().toString()).orElse("not walked") + ")");
                    if (divergedAt == null) {
                        divergedAt = r.revision();
                    }
                    continue;
                }
                if (divergedAt != null) {
                    // the walk goes on past a failed revision on another branch: the reference's database
                    // lacks that revision's effect, which the fixed chain applied, so no later schema of
                    // this walk is an independent reference
                    uncompared.add(r.revision() + " (walked after " + divergedAt + ", which fails unfixed even skipping"
                            + " failing statements)");
                    continue;
                }
                reference = skippingDir.resolve(r.revision() + ".sql");
                withSkipping++;
            }
            List<String> one = new ArrayList<>();
            compare(chain + " after " + r.revision(), reference,
                    dumps.resolve("fixed-walk-each").resolve(r.revision() + ".sql"), drift, one);
            if (!one.isEmpty()) {
                if (differing.isEmpty()) {
                    problems.addAll(one); // the first revision that differs, with its diff
                }
                differing.add(r.revision());
            }
        }
        if (differing.size() > 1) {
            problems.add(chain + ": the schema differs after " + differing.size() + " revisions: " + differing);
        }
        return new Comparison(withUnfixed, withSkipping, withUnfixed + withSkipping - differing.size(), uncompared,
                why);
    }

    private static void compare(String what, Path expectedDump, Path actualDump, List<String> drift,
            List<String> problems) throws IOException {
        List<String> want = normalized(Files.readString(expectedDump), drift);
        List<String> got = normalized(Files.readString(actualDump), drift);
        if (!want.equals(got)) {
            problems.add(what + ": the schema (pg_dump --schema-only) differs from " + expectedDump.getFileName()
                    + ":\n" + diff(want, got));
        }
    }

    /** Runs the CLI's fixer on a copied versions dir or project; returns what it printed. */
    private static String runFix(Path lintRoot) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            Main.run("lint", "--fix", "--unsafe-fixes", "--color", "never",
                    "--alembic-version", RerunProof.SETTINGS.alembic().toString(),
                    "--sqlalchemy-version", RerunProof.SETTINGS.sqlalchemy().toString(),
                    "--pg-version", Integer.toString(RerunProof.SETTINGS.postgresMajor()),
                    lintRoot.toString());
        } finally {
            System.setOut(stdout);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /**
     * The dump's lines without blank and bare {@code --} lines, without the entries and lines naming a
     * known re-run duplicate, and without the trailing comma that removing such a line moves.
     */
    static List<String> normalized(String dump, List<String> ignored) {
        List<String> out = new ArrayList<>();
        boolean skipping = false;
        for (String line : dump.lines().toList()) {
            boolean names = !ignored.isEmpty() && objectNames(line).stream().anyMatch(ignored::contains);
            if (line.startsWith("-- ")) { // an entry's header, or the dump's closing comment
                skipping = line.startsWith("-- Name: ") && names;
            }
            if (skipping || line.isBlank() || line.equals("--") || names) {
                continue;
            }
            out.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
        }
        return out;
    }

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile(
            "\"((?:[^\"]|\"\")+)\"|[A-Za-z_][A-Za-z0-9_$]*");

    /**
     * The identifiers of a dump's text, each whole ({@code players_age_check1}, a quoted one unquoted), so that an
     * allow-list entry matches an object's exact name and never a name it is part of.
     */
    static List<String> objectNames(String text) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group());
        }
        return out;
    }

    /** A line diff good enough to read in a failure: lines more often in one list than in the other. */
    static String diff(List<String> expected, List<String> actual) {
        Map<String, Integer> count = new java.util.LinkedHashMap<>();
        expected.forEach(l -> count.merge(l, 1, Integer::sum));
        actual.forEach(l -> count.merge(l, -1, Integer::sum));
        StringBuilder out = new StringBuilder();
        count.forEach((l, n) -> {
            for (int i = 0; i < Math.abs(n); i++) {
                out.append(n > 0 ? "- " : "+ ").append(l).append('\n');
            }
        });
        return out.length() == 0 ? "(same lines, another order)\n" : out.toString();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.toString().contains("__pycache__")) {
                    Files.copy(p, t);
                }
            }
        }
    }

    static void writeSummary(List<FixedChain> chains) {
        writeSummary(chains, "Fixes proved", "proof-fixes.md");
    }

    static void writeSummary(List<FixedChain> chains, String title, String fileName) {
        StringBuilder b = new StringBuilder("\n## " + title + "\n\n| chain | revisions | flagged before"
                + " | revisions fixed | findings fixed and proved | left flagged | re-run OK after the fixes"
                + " | schema equal after the revision | schema after each revision compared with"
                + " | schema at the head compared with |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        int rev = 0;
        int flagged = 0;
        int fixedRev = 0;
        int fixes = 0;
        int left = 0;
        int rerun = 0;
        int equal = 0;
        List<String> leftovers = new ArrayList<>();
        for (FixedChain c : chains) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %s | %s |%n", c.chain(),
                    c.revisions(), c.flaggedBefore(), c.fixedRevisions(), c.fixesProved(), c.leftUnfixed(),
                    c.rerunOk(), c.schemaEqual(), c.eachComparedWith(), c.headComparedWith()));
            rev += c.revisions();
            flagged += c.flaggedBefore();
            fixedRev += c.fixedRevisions();
            fixes += c.fixesProved();
            left += c.leftUnfixed();
            rerun += c.rerunOk();
            equal += c.schemaEqual();
            leftovers.addAll(c.leftovers());
        }
        b.append(String.format(Locale.ROOT, "| **all** | %d | %d | %d | %d | %d | %d | %d | | |%n", rev, flagged,
                fixedRev, fixes, left, rerun, equal));
        b.append("\nLeft after `--fix --unsafe-fixes`:\n\n");
        leftovers.forEach(l -> b.append("- ").append(l).append('\n'));
        String text = b.toString();
        System.out.println(text);
        try {
            Path target = RerunProof.repoRoot().resolve("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve(fileName), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
