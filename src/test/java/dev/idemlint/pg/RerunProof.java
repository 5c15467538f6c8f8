package dev.idemlint.pg;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.discovery.Version;
import dev.idemlint.migration.Migration;
import dev.idemlint.pg.ChainOutcome.Outcome;
import dev.idemlint.pg.ChainOutcome.RevisionOutcome;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.LintResult;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.Rule;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lints a runnable revision chain and runs it on PostgreSQL, then sets each revision's prediction
 * (a finding of an idempotency, types or correctness rule in its upgrade) beside what really happened
 * (its first run or its re-run failed, and with which SQLSTATE).
 */
final class RerunProof {

    /** The versions this machine runs (Debian's python3-alembic, python3-sqlalchemy, postgresql-15). */
    static final Settings SETTINGS = new Settings(Version.parse("1.8.1"), Version.parse("1.4.46"), 15);

    /** Rule categories whose findings predict that a revision fails on a real database. */
    static final Set<String> PREDICTING = Set.of("idempotency", "types", "correctness");

    /** SQLSTATEs in messages are written "DuplicateColumn (42701)". */
    private static final Pattern SQLSTATE = Pattern.compile("\\((\\w{5})\\)");

    private static final List<String> NAMES = ruleNames();
    static final RuleCatalog CATALOG = RuleCatalog.load(NAMES);
    private static final Linter LINTER = new Linter(Registry.all(), CATALOG);

    private RerunProof() {
    }

    private static List<String> ruleNames() {
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        for (Rule r : Registry.all()) {
            names.add(r.name());
        }
        return names;
    }

    /** Names of the registered rules whose findings predict a failure on the database. */
    static Set<String> predictingRules() {
        Set<String> out = new TreeSet<>();
        for (Rule r : Registry.all()) {
            if (PREDICTING.contains(CATALOG.doc(r.name()).category())) {
                out.add(r.name());
            }
        }
        return out;
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));
    }

    /** What is predicted and what happened for one revision. */
    record Verdict(String chain, String revision, String file, List<Diagnostic> findings, RevisionOutcome outcome) {

        boolean flagged() {
            return !findings.isEmpty();
        }

        Set<String> rules() {
            Set<String> out = new TreeSet<>();
            findings.forEach(d -> out.add(d.rule()));
            return out;
        }

        /** SQLSTATEs the messages name; "TypeError" when a message predicts that Python exception. */
        Set<String> predictedCodes() {
            Set<String> out = new TreeSet<>();
            for (Diagnostic d : findings) {
                Matcher m = SQLSTATE.matcher(d.message());
                while (m.find()) {
                    out.add(m.group(1));
                }
                if (d.message().contains("TypeError")) {
                    out.add("TypeError");
                }
            }
            return out;
        }

        /** The failing run, first run before re-run; null when both passed. */
        Outcome failure() {
            if (!outcome.first().ok()) {
                return outcome.first();
            }
            return outcome.rerun() != null && !outcome.rerun().ok() ? outcome.rerun() : null;
        }

        boolean failed() {
            return failure() != null;
        }

        /** The SQLSTATE of the failure, or the exception class when it carried none (TypeError). */
        String actualCode() {
            Outcome f = failure();
            return f == null ? null : f.sqlstate() != null ? f.sqlstate() : f.errorClass();
        }

        Kind kind() {
            if (flagged() && failed()) {
                return predictedCodes().contains(actualCode()) ? Kind.TRUE_POSITIVE : Kind.WRONG_SQLSTATE;
            }
            if (flagged()) {
                return Kind.FALSE_POSITIVE;
            }
            return failed() ? Kind.FALSE_NEGATIVE : Kind.TRUE_NEGATIVE;
        }

        String key() {
            return chain + "/" + revision;
        }

        String realOutcome() {
            Outcome f = failure();
            String when = f == null ? "" : f == outcome.first() ? " on the first run" : " on the re-run";
            return (f == null ? "first run and re-run ok" : f + when)
                    + (outcome.afterFailure() ? " [after an ancestor failed]" : "");
        }

        String describe() {
            StringBuilder b = new StringBuilder(key() + " (" + file + "): " + kind() + "\n  predicted: ");
            if (findings.isEmpty()) {
                b.append("clean (no idempotency/types/correctness finding in upgrade)");
            } else {
                b.append(predictedCodes()).append(" from ").append(rules());
                for (Diagnostic d : findings) {
                    b.append("\n    ").append(d.rule()).append(" line ").append(d.line()).append(": ")
                            .append(d.message());
                }
            }
            return b.append("\n  real:      ").append(realOutcome()).toString();
        }
    }

    enum Kind {
        TRUE_POSITIVE, WRONG_SQLSTATE, FALSE_POSITIVE, FALSE_NEGATIVE, TRUE_NEGATIVE;

        boolean mismatch() {
            return this == WRONG_SQLSTATE || this == FALSE_POSITIVE || this == FALSE_NEGATIVE;
        }
    }

    /** One chain's lint result and run. */
    record ChainProof(String chain, LintResult lint, ChainOutcome run, List<Verdict> verdicts) {
    }

    /** Lints {@code versionsDir} with {@link #SETTINGS}. */
    static LintResult lint(Path versionsDir) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(versionsDir)) {
            files = s.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path root = versionsDir.getParent();
        return LINTER.lint(new LintTarget(root, versionsDir, files, SETTINGS),
                p -> root.relativize(p.toAbsolutePath().normalize()).toString());
    }

    /** Lints and runs a chain; a chain Alembic cannot load is a harness failure. */
    static ChainProof prove(String chain, Path versionsDir, AlembicRerunHarness harness) {
        LintResult lint = lint(versionsDir);
        ChainOutcome run = harness.run(versionsDir);
        if (!run.load().ok()) {
            throw new AssertionError(chain + ": Alembic cannot load this chain: " + run.load());
        }
        return new ChainProof(chain, lint, run, verdicts(chain, versionsDir, lint, run));
    }

    static List<Verdict> verdicts(String chain, Path versionsDir, LintResult lint, ChainOutcome run) {
        Map<String, List<Diagnostic>> byFile = findingsByFile(versionsDir, lint);
        List<Verdict> out = new ArrayList<>();
        for (RevisionOutcome r : run.revisions()) {
            List<Diagnostic> findings = byFile.get(r.file());
            if (findings == null) {
                throw new AssertionError(chain + ": the linter did not read " + r.file() + " that Alembic ran");
            }
            out.add(new Verdict(chain, r.revision(), r.file(), findings, r));
        }
        return out;
    }

    /**
     * Per revision file (relative to the versions dir), the findings of predicting rules in its upgrade;
     * every file the linter read as a revision has an entry.
     */
    static Map<String, List<Diagnostic>> findingsByFile(Path versionsDir, LintResult lint) {
        Path base = versionsDir.toAbsolutePath().normalize();
        Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
        for (Migration m : lint.migrations()) {
            out.put(base.relativize(m.source().path().toAbsolutePath().normalize()).toString(), new ArrayList<>());
        }
        for (Diagnostic d : lint.diagnostics()) {
            List<Diagnostic> list = out.get(base.relativize(d.file().path().toAbsolutePath().normalize()).toString());
            if (list != null && PREDICTING.contains(CATALOG.doc(d.rule()).category()) && !inDowngrade(d)) {
                list.add(d);
            }
        }
        return out;
    }

    /** Whether a finding lies in the module's {@code def downgrade} (it never runs on upgrade). */
    static boolean inDowngrade(Diagnostic d) {
        String text = d.file().text();
        int start = text.indexOf("\ndef downgrade(");
        if (start < 0) {
            return false;
        }
        int end = text.indexOf("\ndef ", start + 1);
        int at = d.span().start();
        return at > start && (end < 0 || at < end);
    }

    /** Revision-level counts for the summary table. */
    record Counts(int revisions, int flagged, int truePositives, int wrongSqlstate, int falsePositives,
            int falseNegatives) {

        static Counts of(List<Verdict> vs) {
            int f = 0;
            int tp = 0;
            int ws = 0;
            int fp = 0;
            int fn = 0;
            for (Verdict v : vs) {
                f += v.flagged() ? 1 : 0;
                switch (v.kind()) {
                    case TRUE_POSITIVE:
                        tp++;
                        break;
                    case WRONG_SQLSTATE:
                        ws++;
                        break;
                    case FALSE_POSITIVE:
                        fp++;
                        break;
                    case FALSE_NEGATIVE:
                        fn++;
                        break;
                    default:
                        break;
                }
            }
            return new Counts(vs.size(), f, tp, ws, fp, fn);
        }

        /** A revision flagged and really failing counts for precision even when the SQLSTATE is wrong. */
        double precision() {
            return flagged == 0 ? 1.0 : (double) (truePositives + wrongSqlstate) / flagged;
        }

        double recall() {
            int failing = truePositives + wrongSqlstate + falseNegatives;
            return failing == 0 ? 1.0 : (double) (truePositives + wrongSqlstate) / failing;
        }

        String row(String label) {
            return String.format(java.util.Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.3f | %.3f |", label,
                    revisions, flagged, truePositives, wrongSqlstate, falsePositives, falseNegatives, precision(),
                    recall());
        }

        static String header() {
            return "| chains | revisions | flagged | true positives | wrong SQLSTATE | false positives"
                    + " | false negatives | precision | recall |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
        }
    }

    /** Rules named in {@code # clean counterpart of: <rule>} comments of a revision file. */
    static Set<String> cleanCounterpartOf(Path file) {
        Set<String> out = new LinkedHashSet<>();
        try {
            Matcher m = Pattern.compile("^# clean counterpart of: ([a-z0-9-]+)\\s*$", Pattern.MULTILINE)
                    .matcher(Files.readString(file));
            while (m.find()) {
                out.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
