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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixes, proved: each proof chain is copied, fixed with {@code lint --fix --unsafe-fixes} for the
 * installed Alembic/SQLAlchemy, and run again. Every revision the fixes leave without a finding must
 * apply and re-apply cleanly, and the fixed chain, re-run revision by revision, must leave the schema
 * ({@code pg_dump --schema-only}) a single {@code upgrade heads} of the unfixed chain leaves.
 */
@Tag("postgres")
class FixProofTest {

    /**
     * Revisions that --fix leaves without a finding although they still fail, keyed chain/revision: rule or
     * fix bugs to fix there. The test fails when an entry starts passing, so the list shrinks.
     */
    static final Map<String, String> KNOWN_FIX_MISMATCHES = Map.of();

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
    record FixedChain(String chain, int revisions, int fixedRevisions, int fixesProved, int leftUnfixed,
            String schemaComparedWith, List<String> leftovers, List<String> problems) {
    }

    @Test
    void fixed_chains_rerun_cleanly_and_leave_the_schema_of_the_unfixed_chain() throws IOException {
        List<FixedChain> chains = new ArrayList<>();
        for (Path c : RerunProofTest.proofCases()) {
            chains.add(prove(c));
        }
        writeSummary(chains);
        List<String> problems = chains.stream().flatMap(c -> c.problems().stream()).toList();
        if (!problems.isEmpty()) {
            fail(problems.size() + " fix proof problem(s):\n\n" + String.join("\n\n", problems));
        }
    }

    private FixedChain prove(Path caseDir) throws IOException {
        String chain = caseDir.getFileName().toString();
        Path copy = tmp.resolve(chain);
        copyTree(caseDir, copy);
        Path versions = copy.resolve("versions");

        LintResult before = RerunProof.lint(versions);
        Map<String, Integer> findingsBefore = new HashMap<>();
        RerunProof.findingsByFile(versions, before).forEach((file, found) -> findingsBefore.put(file, found.size()));
        Path unfixedDump = tmp.resolve(chain + "-unfixed.sql");
        ChainOutcome once = harness.upgradeHeadsOnce(versions, unfixedDump);

        String out = runFix(versions);

        Path fixedDump = tmp.resolve(chain + "-fixed.sql");
        ChainOutcome fixedRun = harness.run(versions, fixedDump);
        List<String> problems = new ArrayList<>();
        if (!fixedRun.load().ok()) {
            problems.add(chain + ": Alembic cannot load the fixed chain: " + fixedRun.load() + "\n" + out);
            return new FixedChain(chain, 0, 0, 0, 0, "-", List.of(), problems);
        }
        LintResult after = RerunProof.lint(versions);
        int fixedRevisions = 0;
        int fixesProved = 0;
        int leftUnfixed = 0;
        boolean anyFirstRunFailing = false;
        List<String> leftovers = new ArrayList<>();
        for (Verdict v : RerunProof.verdicts(chain, versions, after, fixedRun)) {
            int was = findingsBefore.getOrDefault(v.file(), 0);
            anyFirstRunFailing |= !v.outcome().first().ok();
            // an unflagged revision that fails unfixed is a linter false negative RerunProofTest reports
            boolean known = KNOWN_FIX_MISMATCHES.containsKey(v.key())
                    || was == 0 && RerunProofTest.KNOWN_MISMATCHES.containsKey(v.key());
            if (v.flagged()) {
                // a rule without a fix, or a fix not applicable here: outside this proof, listed in the summary
                leftUnfixed++;
                leftovers.add(v.key() + " " + v.rules() + (v.failed() ? ", still fails: " + v.realOutcome()
                        : ", re-runs cleanly (a known false positive)"));
            } else if (v.failed() && !known) {
                problems.add(v.key() + ": no finding is left after --fix, yet the fixed revision does not"
                        + " re-run cleanly: " + v.realOutcome() + "\n--- fixed file ---\n"
                        + Files.readString(versions.resolve(v.file())));
            } else if (!v.failed() && known) {
                problems.add(v.key() + " re-runs cleanly after --fix now: remove it from KNOWN_FIX_MISMATCHES");
            } else if (v.failed()) {
                leftovers.add(v.key() + " known mismatch: " + KNOWN_FIX_MISMATCHES.getOrDefault(v.key(),
                        RerunProofTest.KNOWN_MISMATCHES.get(v.key())));
            } else if (was > 0) {
                fixedRevisions++;
                fixesProved += was;
            }
        }
        String comparedWith;
        if (anyFirstRunFailing) {
            // A revision whose first run still fails leaves nothing behind: no schema to compare until its
            // rule gets a fix. (A failed re-run rolls back to the first run's schema, so it does not matter.)
            comparedWith = "not compared: a revision still fails its first run";
        } else {
            boolean unfixedOnce = once.headRun() != null && once.headRun().ok();
            Path reference = unfixedDump;
            comparedWith = "unfixed chain applied once";
            if (!unfixedOnce) {
                // The unfixed chain cannot apply once (a first-run failure a rule predicted, and fixed):
                // compare the fixed chain re-run revision by revision with itself applied once.
                reference = tmp.resolve(chain + "-fixed-once.sql");
                harness.upgradeHeadsOnce(versions, reference);
                comparedWith = "fixed chain applied once (the unfixed one fails: " + once.headRun() + ")";
            }
            List<String> drift = KNOWN_SCHEMA_DRIFT.getOrDefault(chain, List.of());
            String expected = Files.readString(reference);
            String actual = Files.readString(fixedDump);
            for (String name : drift) {
                if (!actual.contains(name)) {
                    problems.add(chain + ": the known re-run duplicate " + name + " is gone: remove it from"
                            + " KNOWN_SCHEMA_DRIFT");
                }
            }
            List<String> want = normalized(expected, drift);
            List<String> got = normalized(actual, drift);
            if (!want.equals(got)) {
                problems.add(chain + ": the fixed chain, re-run revision by revision, leaves another schema than the "
                        + comparedWith + ":\n" + diff(want, got));
            }
        }
        return new FixedChain(chain, fixedRun.revisions().size(), fixedRevisions, fixesProved, leftUnfixed,
                comparedWith, leftovers, problems);
    }

    /** Runs the CLI's fixer on a copied versions dir; returns what it printed. */
    private static String runFix(Path versions) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            Main.run("lint", "--fix", "--unsafe-fixes", "--color", "never",
                    "--alembic-version", RerunProof.SETTINGS.alembic().toString(),
                    "--sqlalchemy-version", RerunProof.SETTINGS.sqlalchemy().toString(),
                    "--pg-version", Integer.toString(RerunProof.SETTINGS.postgresMajor()), versions.toString());
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
            if (line.startsWith("-- ")) { // an entry's header, or the dump's closing comment
                skipping = line.startsWith("-- Name: ") && ignored.stream().anyMatch(line::contains);
            }
            if (skipping || line.isBlank() || line.equals("--") || ignored.stream().anyMatch(line::contains)) {
                continue;
            }
            out.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
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

    private static void copyTree(Path from, Path to) throws IOException {
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

    private static void writeSummary(List<FixedChain> chains) {
        StringBuilder b = new StringBuilder("\n## Fixes proved\n\n| chain | revisions | revisions fixed | findings fixed"
                + " and proved | revisions left with unfixable findings | schema compared with |\n"
                + "| --- | ---: | ---: | ---: | ---: | --- |\n");
        int rev = 0;
        int fixedRev = 0;
        int fixes = 0;
        int left = 0;
        List<String> leftovers = new ArrayList<>();
        for (FixedChain c : chains) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s |%n", c.chain(), c.revisions(),
                    c.fixedRevisions(), c.fixesProved(), c.leftUnfixed(), c.schemaComparedWith()));
            rev += c.revisions();
            fixedRev += c.fixedRevisions();
            fixes += c.fixesProved();
            left += c.leftUnfixed();
            leftovers.addAll(c.leftovers());
        }
        b.append(String.format(Locale.ROOT, "| **all** | %d | %d | %d | %d | |%n", rev, fixedRev, fixes, left));
        b.append("\nLeft after `--fix --unsafe-fixes`:\n\n");
        leftovers.forEach(l -> b.append("- ").append(l).append('\n'));
        String text = b.toString();
        System.out.println(text);
        try {
            Path target = RerunProof.repoRoot().resolve("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("proof-fixes.md"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
