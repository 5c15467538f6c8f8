package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.idemlint.pg.RerunProof.ChainProof;
import dev.idemlint.pg.RerunProof.Counts;
import dev.idemlint.pg.RerunProof.Kind;
import dev.idemlint.pg.RerunProof.Verdict;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The proof: every revision of the corpus under {@code src/test/resources/proof/} (and of the rule
 * fixtures that form a runnable chain) is linted and then applied and re-applied on PostgreSQL.
 * A flagged revision must really fail, with the SQLSTATE its message names; an unflagged one must
 * re-run cleanly. Writes the counts to {@code target/proof-summary.md}.
 */
@Tag("postgres")
class RerunProofTest {

    private static final String WRONG = "WRONG_SQLSTATE: ";
    private static final String FP = "FALSE_POSITIVE: ";

    /**
     * Where a rule and the database disagree today, keyed chain/revision. Each entry is a rule bug to
     * fix in the rule, not here; the test fails when an entry stops disagreeing, so the list shrinks.
     */
    static final Map<String, String> KNOWN_MISMATCHES = Map.ofEntries(
            // enum-type-missing does not guess when the type is created on a sibling branch; Alembic applies
            // the add_column branch first: UndefinedObject (42704).
            Map.entry("fixture:enum-type-missing/created_on_other_branch/003",
                    WRONG + "type created on a sibling branch that Alembic applies later (42704)"));

    /**
     * Rule fixtures (folder cases of predicting rules) that are self-contained chains Alembic can run:
     * their base creates what later revisions use. Single-file fixtures reference tables they never
     * create, and the others below need context they do not have.
     */
    static final List<String> DIRECT_FIXTURES = List.of(
            "add-column-not-idempotent/loop_over_tables",
            "add-constraint-not-idempotent/loop_over_tables",
            "create-index-not-idempotent/loop_over_tables",
            "create-statement-not-idempotent/loop_over_sequences",
            "create-table-not-idempotent/loop_over_names",
            "create-type-unguarded/loop_over_types",
            "drop-not-idempotent/loop_over_tables",
            "drop-not-idempotent/batch_op_passed_to_helper",
            "drop-not-idempotent/altered_before_drop",
            "rename-not-idempotent/loop_over_tables",
            "alter-column-type-not-idempotent/conversions",
            "alter-column-type-not-idempotent/shifted_conversion",
            "alter-column-type-not-idempotent/cast_to_enum",
            "alter-column-type-not-idempotent/using_cast_of_retyped_column",
            "alter-column-type-not-idempotent/using_cast_quiet",
            "read-before-type-change/retyped_reads",
            "create-table-not-idempotent/copied_in_try_loop",
            "add-column-not-idempotent/unread_names_run",
            "add-constraint-not-idempotent/try_in_autocommit_block",
            "add-constraint-not-idempotent/foreign_keys_dropped_in_loop",
            "add-constraint-not-idempotent/keys_in_named_schema",
            "add-constraint-not-idempotent/unnamed_after_failing_statement",
            "add-constraint-not-idempotent/unnamed_in_helper",
            "add-constraint-not-idempotent/unnamed_columns_passed_in",
            "create-table-not-idempotent/unread_helper_reached",
            "create-table-not-idempotent/assigned_result",
            "drop-not-idempotent/dropped_on_unread_table",
            "create-index-not-idempotent/table_swapped_in",
            "create-index-not-idempotent/index_after_column_drop",
            "create-index-not-idempotent/try_after_commit",
            "create-table-not-idempotent/swapped_in_keys",
            "create-type-unguarded/renamed_away",
            "create-type-unguarded/swapped_in",
            "add-constraint-not-idempotent/primary_key_swapped",
            "drop-not-idempotent/primary_key_remade_under_read_name",
            "enum-type-created-twice/generic_enum_create_type_false",
            "enum-type-created-twice/merged_branches",
            "enum-type-created-twice/reused_without_creating",
            "enum-type-created-twice/same_revision",
            "enum-type-created-twice/seed004_division",
            "enum-type-created-twice/unmerged_heads",
            "enum-type-missing/created_on_other_branch",
            "insert-not-idempotent/core_insert_function",
            "insert-not-idempotent/orm_session_rows",
            "insert-not-idempotent/orm_project_model",
            "create-index-not-idempotent/module_constant_branch",
            "insert-not-idempotent/bound_module_constants",
            "insert-not-idempotent/keys_dropped",
            "insert-not-idempotent/run_time_keys",
            "insert-not-idempotent/selected_rows_positional",
            "insert-not-idempotent/seed_keys",
            "insert-not-idempotent/one_unique_key_dropped",
            "insert-not-idempotent/unnamed_key_dropped_by_name",
            "insert-not-idempotent/seed_rows",
            "insert-not-idempotent/rows_read_from_target",
            "insert-not-idempotent/run_time_key_keywords",
            "insert-not-idempotent/rows_deleted_first",
            "insert-not-idempotent/renamed_table_keys",
            "insert-not-idempotent/rows_from_other_table",
            "insert-not-idempotent/rows_deleted_by_key",
            // NOTIFY_ENVIRONMENT unset: the seed under `!= "production"` runs on the first run and on the re-run
            "insert-not-idempotent/environment_seed_run",
            "object-created-twice/guarded_and_unmerged",
            "object-created-twice/if_else_branches",
            "object-created-twice/constant_tests",
            "object-created-twice/helper_creates_two",
            "add-column-not-idempotent/constant_tests",
            "object-created-twice/seed003_merged_branches",
            "object-created-twice/serial_sequence",
            "rename-not-idempotent/if_exists",
            "rename-not-idempotent/table_renamed_later",
            "rename-not-idempotent/dropped_then_renamed",
            "add-column-not-idempotent/table_renamed_later",
            "add-constraint-not-idempotent/table_renamed_later",
            "create-index-not-idempotent/table_renamed_later",
            "drop-not-idempotent/table_dropped_later",
            "create-statement-not-idempotent/table_dropped_later",
            "create-statement-not-idempotent/trigger_function_dropped_cascade",
            "create-statement-not-idempotent/trigger_of_other_function_kept",
            "create-statement-not-idempotent/op_function_imported",
            "create-table-not-idempotent/sql_file_read_whole",
            "drop-not-idempotent/constant_from_project_module",
            "add-constraint-not-idempotent/enum_check_on_alter_column",
            "create-table-not-idempotent/temporary_table",
            "create-table-not-idempotent/created_in_helper",
            "create-table-not-idempotent/partition_dropped_with_parent",
            "add-column-not-idempotent/type_dropped_with_cascade",
            "add-column-not-idempotent/column_dropped_and_added_again",
            "add-column-not-idempotent/create_table_like_postgresql",
            "add-column-not-idempotent/suppressed_run",
            "add-column-not-idempotent/try_body_run",
            "add-column-not-idempotent/recovered_in_handler",
            "add-column-not-idempotent/early_returns_in_a_row",
            "column-identity-not-idempotent/serial_to_identity",
            "drop-not-idempotent/referenced_by_new_table",
            "drop-not-idempotent/read_before_drop_chain",
            "drop-not-idempotent/read_in_from_subquery",
            "drop-not-idempotent/read_in_query_loop",
            "drop-not-idempotent/core_read_before_drop",
            "drop-not-idempotent/read_before_checked_drop",
            "drop-not-idempotent/orm_read_before_drop",
            "drop-not-idempotent/column_named_like_its_table",
            "drop-not-idempotent/column_named_like_a_function",
            "drop-not-idempotent/insert_select_bare_column",
            "drop-not-idempotent/long_op_f_name_recreated",
            "rename-not-idempotent/swapped_into_place",
            "drop-not-idempotent/formatted_schema",
            "drop-not-idempotent/helper_calls",
            "drop-not-idempotent/default_schema_qualified",
            "drop-not-idempotent/swallowed_in_try",
            "drop-not-idempotent/reraised_on_dialect",
            "drop-not-idempotent/x_argument",
            "insert-not-idempotent/renamed_away_later",
            "insert-not-idempotent/imported_model",
            "create-statement-not-idempotent/alembic_utils_extension",
            "idempotency-kwarg-unpinned/autocommit_index",
            "drop-not-idempotent/remade_later",
            "create-statement-not-idempotent/view_after_failed_rename",
            "add-column-not-idempotent/added_after_failed_rename",
            "drop-not-idempotent/after_unread_type",
            "drop-index-of-constraint/unique_key_index_dropped",
            "drop-table-with-dependents/copy_keeps_sequence",
            "drop-table-with-dependents/foreign_key_made_apart",
            "drop-table-with-dependents/copy_maybe_made",
            "drop-not-idempotent/referenced_by_new_foreign_key",
            "drop-index-of-constraint/guarded_and_other_indexes",
            "create-statement-not-idempotent/sequence_ddl_element",
            "create-statement-not-idempotent/sequence_ddl_element_schema",
            "create-statement-not-idempotent/view_unread_name",
            "create-type-unguarded/enum_ddl_element",
            "create-table-not-idempotent/star_column_list",
            "drop-not-idempotent/index_taken_by_constraint",
            "add-constraint-not-idempotent/guard_on_name_as_written",
            "add-constraint-not-idempotent/check_kept_when_other_column_dropped",
            "add-constraint-not-idempotent/exclusion_kept_when_other_column_dropped",
            "create-index-not-idempotent/kwargs_dict",
            "rename-not-idempotent/renamed_away_and_added_back",
            "rename-not-idempotent/loop_over_literal_dict",
            "rename-not-idempotent/loop_over_dict_not_spelled_out",
            // Alembic's multidb template: the harness runs each engine's function on a database of its own
            "create-table-not-idempotent/multidb_engines",
            "object-created-twice/multidb_engines",
            "insert-not-idempotent/multidb_engines",
            "create-index-blocks-writes/runs_on_postgres",
            "add-foreign-key-blocks-writes/runs_on_postgres",
            "drop-index-blocks-table/runs_on_postgres",
            "validate-in-same-transaction/runs_on_postgres");

    /**
     * The {@code -x} arguments a direct fixture runs with (as {@code alembic -x KEY=VALUE}), on the first run and on
     * the re-run alike: its findings under a condition on them hold where the condition does.
     */
    static final Map<String, List<String>> X_ARGUMENTS = Map.of(
            "drop-not-idempotent/x_argument", List.of("delete_data=1"));

    /** {@code rerun.py}'s options for the {@code -x} arguments of fixture {@code f} ({@link #X_ARGUMENTS}). */
    static List<String> xOptions(String f) {
        List<String> out = new ArrayList<>();
        for (String x : X_ARGUMENTS.getOrDefault(f, List.of())) {
            out.addAll(List.of("--x-arg", x));
        }
        return out;
    }

    /**
     * Predicting rules the installed versions cannot exercise: their premise needs a newer Alembic
     * than the 1.8.1 this machine runs, where the kwarg they inspect is ignored or a TypeError.
     */
    static final Map<String, String> NOT_PROVABLE_HERE = Map.of(
            "if-not-exists-kwarg-incomplete",
            "fires only with Alembic 1.13.3+ (create_table) or 1.16.0+ (add_column) if_not_exists=True",
            "idempotency-kwarg-unpinned",
            "fires only where the project pins no Alembic, and the corpus pins 1.8.1 (its fixture autocommit_index,"
                    + " unpinned, is run directly on 1.8.1, which ignores the keyword)",
            "revision-left-half-applied",
            "fires only on MySQL and MariaDB, where each DDL statement commits (proved on MariaDB by MariaDbFixProofTest)",
            "revision-never-stamped",
            "fires only where SQLAlchemy may be 2.x, and the corpus runs 1.4.46 (proved with SQLAlchemy 2.0.40 and Alembic"
                    + " 1.13.2 by NeverStampedProofTest)");

    private static Results results;

    /**
     * Fixtures whose revisions need SQLAlchemy 2.x (a model on a {@code DeclarativeBase}, which Debian 12's 1.4 lacks):
     * run with {@code scripts/sqlalchemy2}'s SQLAlchemy 2.0 and Alembic 1.13 first on PYTHONPATH.
     */
    static final Set<String> SQLALCHEMY2_FIXTURES = Set.of("insert-not-idempotent/orm_project_model");

    /**
     * The harness fixture {@code f} (its folder or copy {@code dir}) runs with: {@code plain}, unless it needs
     * SQLAlchemy 2.x ({@link #SQLALCHEMY2_FIXTURES}), holds packages beside versions/ (the application's models, a
     * stand-in for a library: run as Alembic runs a project, with its root on sys.path) or takes {@code -x}
     * arguments ({@link #X_ARGUMENTS}).
     */
    static AlembicRerunHarness harnessFor(String f, Path dir, AlembicRerunHarness plain) {
        List<Path> pythonPath = new ArrayList<>();
        if (SQLALCHEMY2_FIXTURES.contains(f)) {
            pythonPath.add(Path.of(NeverStampedProofTest.requireStack()));
        }
        if (hasPackages(dir)) {
            pythonPath.add(dir);
        }
        if (pythonPath.isEmpty() && !X_ARGUMENTS.containsKey(f)) {
            return plain;
        }
        return new AlembicRerunHarness(PgCluster.require(), Duration.ofMinutes(3), pythonPath, xOptions(f));
    }

    static boolean hasPackages(Path dir) {
        try (var children = Files.list(dir)) {
            return children.anyMatch(c -> !c.getFileName().toString().equals("versions")
                    && Files.isRegularFile(c.resolve("__init__.py")));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private AlembicRerunHarness harness;

    @BeforeEach
    void cluster() {
        harness = new AlembicRerunHarness(PgCluster.require());
    }

    record Results(List<ChainProof> corpus, List<ChainProof> fixtures, int fixtureCases) {
        List<Verdict> corpusVerdicts() {
            return corpus.stream().flatMap(c -> c.verdicts().stream()).toList();
        }

        List<Verdict> fixtureVerdicts() {
            return fixtures.stream().flatMap(c -> c.verdicts().stream()).toList();
        }
    }

    private synchronized Results results() {
        if (results == null) {
            List<ChainProof> corpus = new ArrayList<>();
            for (Path c : proofCases()) {
                corpus.add(RerunProof.prove(c.getFileName().toString(), c.resolve("versions"), harness));
            }
            List<ChainProof> fixtures = new ArrayList<>();
            Path root = RerunProof.repoRoot().resolve("src/test/resources/fixtures/rules");
            for (String f : directFixtures()) {
                Path dir = root.resolve(f);
                Path versions = Files.isDirectory(dir.resolve("versions")) ? dir.resolve("versions") : dir;
                fixtures.add(RerunProof.prove("fixture:" + f, versions, harnessFor(f, dir, harness)));
            }
            results = new Results(corpus, fixtures, countFixtureCases(root));
            if (!targeted()) {
                // a targeted run holds some chains only: its figures are not the proof's
                writeSummary(results);
            }
        }
        return results;
    }

    /** The chains named by {@code -Didemlint.proof.chains=a,b}, blank when every chain runs. */
    private static String targetedChains() {
        return System.getProperty("idemlint.proof.chains", "");
    }

    private static boolean targeted() {
        return !targetedChains().isBlank() || !System.getProperty("idemlint.proof.fixtures", "").isBlank();
    }

    /**
     * The runnable rule fixtures, or those named by {@code -Didemlint.proof.fixtures=rule/case,...} (a targeted run;
     * CI runs them all); a name that is none of them fails.
     */
    static List<String> directFixtures() {
        String only = System.getProperty("idemlint.proof.fixtures", "");
        if (only.isBlank()) {
            return DIRECT_FIXTURES;
        }
        List<String> chosen = List.of(only.split(","));
        for (String f : chosen) {
            if (!DIRECT_FIXTURES.contains(f)) {
                throw new IllegalArgumentException("-Didemlint.proof.fixtures names " + f + ", no runnable rule fixture");
            }
        }
        return chosen;
    }

    static List<Path> proofCases() {
        Path root = RerunProof.repoRoot().resolve("src/test/resources/proof");
        try (Stream<Path> s = Files.list(root)) {
            // -Didemlint.proof.chains=a,b runs those chains only (a targeted run; CI runs them all)
            String only = targetedChains();
            List<String> chosen = only.isBlank() ? List.of() : List.of(only.split(","));
            return s.filter(p -> Files.isDirectory(p.resolve("versions")))
                    .filter(p -> chosen.isEmpty() || chosen.contains(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_database_runs_the_versions_the_corpus_is_linted_for() {
        for (ChainProof c : results().corpus()) {
            ChainOutcome run = c.run();
            assertEquals(RerunProof.SETTINGS.alembic().toString(), run.alembicVersion(), c.chain());
            assertEquals(RerunProof.SETTINGS.sqlalchemy().toString(), run.sqlalchemyVersion(), c.chain());
            assertTrue(run.serverVersion().startsWith(RerunProof.SETTINGS.postgresMajor() + "."),
                    () -> c.chain() + " ran on PostgreSQL " + run.serverVersion());
        }
    }

    @Test
    void every_flagged_revision_fails_with_the_named_sqlstate_and_every_other_reruns_cleanly() {
        check(results().corpusVerdicts());
    }

    @Test
    void runnable_rule_fixtures_agree_with_the_database() {
        check(results().fixtureVerdicts());
    }

    private static void check(List<Verdict> verdicts) {
        List<String> problems = new ArrayList<>();
        for (Verdict v : verdicts) {
            boolean known = KNOWN_MISMATCHES.containsKey(v.key());
            if (v.kind().mismatch() && !known) {
                problems.add(v.describe());
            } else if (!v.kind().mismatch() && known) {
                problems.add(v.key() + " agrees with the database now (" + v.kind()
                        + "): remove it from KNOWN_MISMATCHES\n" + v.describe());
            } else if (known && !KNOWN_MISMATCHES.get(v.key()).startsWith(v.kind().name())) {
                problems.add(v.key() + " is a known " + KNOWN_MISMATCHES.get(v.key()) + " but now "
                        + v.kind() + "\n" + v.describe());
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " revision(s) where the linter and PostgreSQL disagree:\n\n"
                    + String.join("\n\n", problems));
        }
    }

    @Test
    void every_allow_list_entry_names_a_revision_or_rule_of_the_proof() {
        Results r = results();
        Set<String> keys = Stream.concat(r.corpusVerdicts().stream(), r.fixtureVerdicts().stream())
                .map(Verdict::key).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String key : KNOWN_MISMATCHES.keySet()) {
            // a fixture a targeted run (-Didemlint.proof.fixtures) left out cannot be checked there
            boolean leftOut = key.startsWith("fixture:") && directFixtures().stream()
                    .noneMatch(f -> key.startsWith("fixture:" + f + "/"));
            if (!keys.contains(key) && !leftOut) {
                problems.add("KNOWN_MISMATCHES names " + key + ", which is no revision the proof runs");
            }
        }
        for (String rule : NOT_PROVABLE_HERE.keySet()) {
            if (!RerunProof.predictingRules().contains(rule)) {
                problems.add("NOT_PROVABLE_HERE names " + rule + ", which is no predicting rule");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void every_predicting_rule_is_proved_by_a_failing_revision_and_a_clean_counterpart() {
        org.junit.jupiter.api.Assumptions.assumeTrue(!targeted(),
                "a targeted run (-Didemlint.proof.chains) holds only some of the rules' proofs");
        Results r = results();
        Set<String> provedFailing = new TreeSet<>();
        Map<String, List<String>> counterparts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Verdict v : r.corpusVerdicts()) {
            if (v.kind() == Kind.TRUE_POSITIVE) {
                provedFailing.addAll(v.rules());
            }
            Path file = RerunProof.repoRoot().resolve("src/test/resources/proof").resolve(v.chain())
                    .resolve("versions").resolve(v.file());
            for (String rule : RerunProof.cleanCounterpartOf(file)) {
                if (v.flagged() || v.failed()) {
                    problems.add(v.key() + " is marked the clean counterpart of " + rule + " but is " + v.kind());
                }
                counterparts.computeIfAbsent(rule, k -> new ArrayList<>()).add(v.key());
            }
        }
        for (String rule : RerunProof.predictingRules()) {
            if (NOT_PROVABLE_HERE.containsKey(rule)) {
                continue;
            }
            if (!provedFailing.contains(rule)) {
                problems.add(rule + " never fires on a revision that really fails with the SQLSTATE it names");
            }
            if (!counterparts.containsKey(rule)) {
                problems.add(rule + " has no revision marked `# clean counterpart of: " + rule + "`");
            }
        }
        for (String rule : counterparts.keySet()) {
            if (!RerunProof.predictingRules().contains(rule)) {
                problems.add("`# clean counterpart of: " + rule + "` names no predicting rule");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void the_corpus_parses_and_pins_the_versions_it_is_linted_for() throws IOException {
        for (ChainProof c : results().corpus()) {
            for (Diagnostic d : c.lint().diagnostics()) {
                assertTrue(!BuiltinChecks.NAMES.contains(d.rule()), () -> c.chain() + ": " + d.message());
            }
        }
        for (Path c : proofCases()) {
            String pins = Files.readString(c.resolve("requirements.txt"));
            assertTrue(pins.contains("alembic==" + RerunProof.SETTINGS.alembic()), c.toString());
            assertTrue(pins.contains("SQLAlchemy==" + RerunProof.SETTINGS.sqlalchemy()), c.toString());
        }
    }

    private static int countFixtureCases(Path root) {
        int n = 0;
        for (String rule : RerunProof.predictingRules()) {
            Path dir = root.resolve(rule);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                n += (int) s.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".py")
                        && !p.getFileName().toString().endsWith(".fixed.approved.py")).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return n;
    }

    private static void writeSummary(Results r) {
        List<Verdict> corpus = r.corpusVerdicts();
        List<Verdict> fixtures = r.fixtureVerdicts();
        Counts all = Counts.of(corpus);
        StringBuilder b = new StringBuilder("# Proof on PostgreSQL\n\n");
        ChainOutcome any = r.corpus().get(0).run();
        b.append("PostgreSQL ").append(any.serverVersion()).append(", Alembic ").append(any.alembicVersion())
                .append(", SQLAlchemy ").append(any.sqlalchemyVersion()).append(".\n\n");
        b.append(Counts.header()).append('\n');
        for (ChainProof c : r.corpus()) {
            b.append(Counts.of(c.verdicts()).row(c.chain())).append('\n');
        }
        b.append(all.row("**proof corpus**")).append('\n');
        b.append(Counts.of(fixtures).row("**rule fixtures run directly**")).append('\n');
        b.append("\nRule fixtures covered directly: ").append(r.fixtures().size()).append(" of ")
                .append(r.fixtureCases()).append(" fixture cases of predicting rules (")
                .append(fixtures.size()).append(" revisions); the others are single files or partial trees"
                        + " that use tables they never create, so the proof corpus covers every rule instead.\n");
        b.append("\nKnown mismatches (rule bugs, listed in RerunProofTest.KNOWN_MISMATCHES):\n\n");
        List<Verdict> known = Stream.concat(corpus.stream(), fixtures.stream())
                .filter(v -> KNOWN_MISMATCHES.containsKey(v.key())).toList();
        if (known.isEmpty()) {
            b.append("- none\n");
        }
        for (Verdict v : known) {
            b.append("- `").append(v.key()).append("` ").append(v.kind()).append(": predicted ")
                    .append(v.predictedCodes()).append(" ").append(v.rules()).append(", real ")
                    .append(v.realOutcome()).append('\n');
        }
        String text = b.toString();
        System.out.println(text);
        try {
            Path target = RerunProof.repoRoot().resolve("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("proof-summary.md"), text);
            // every revision's prediction and outcome, for review
            Files.writeString(target.resolve("proof-revisions.txt"), Stream.concat(corpus.stream(),
                    fixtures.stream()).map(Verdict::describe).collect(Collectors.joining("\n")) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
