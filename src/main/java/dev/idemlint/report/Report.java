package dev.idemlint.report;

import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a reporter needs: the findings in order, how many files were read, the catalog (for
 * rule docs), the tool version, and the dialects the linted trees target ({@code mariadb:10.11}) with
 * where each was read ({@code migrations/env.py:12 (create_engine("mysql+pymysql://..."))}), in order;
 * the dialect lists are null when not known and never hold a URL past its scheme.
 */
public record Report(List<Diagnostic> diagnostics, int filesRead, RuleCatalog catalog, String toolVersion,
        List<String> dialects, List<String> dialectSources) {

    public Report(List<Diagnostic> diagnostics, int filesRead, RuleCatalog catalog, String toolVersion) {
        this(diagnostics, filesRead, catalog, toolVersion, null, null);
    }

    /** This report, carrying the linted trees' dialects for the JSON summary and SARIF run properties. */
    public Report withDialects(List<String> dialects) {
        return new Report(diagnostics, filesRead, catalog, toolVersion, List.copyOf(dialects), dialectSources);
    }

    /** This report, carrying where each dialect was read. */
    public Report withDialectSources(List<String> sources) {
        return new Report(diagnostics, filesRead, catalog, toolVersion, dialects, List.copyOf(sources));
    }

    /** How many findings there are of each severity and of each rule (by rule name, sorted). */
    public record Tally(long[] bySeverity, Map<String, Integer> byRule) {
        public long count(Severity s) {
            return bySeverity[s.ordinal()];
        }
    }

    /**
     * Both counts, made in one pass (the reporter's summary and the command's exit code each ask). The pass
     * runs over tens of thousands of findings, so it calls a method per run of 32 findings, which C1
     * compiles after a few dozen calls: as one loop it ran in the interpreter (four such loops were a
     * third of writing a 3,700-file JSON report).
     */
    public Tally tally() {
        long[] bySeverity = new long[Severity.values().length];
        Map<String, int[]> counts = new HashMap<>();
        for (int from = 0; from < diagnostics.size(); from += 32) {
            tally(from, Math.min(diagnostics.size(), from + 32), bySeverity, counts);
        }
        Map<String, Integer> byRule = new TreeMap<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            byRule.put(e.getKey(), e.getValue()[0]);
        }
        return new Tally(bySeverity, byRule);
    }

    private void tally(int from, int to, long[] bySeverity, Map<String, int[]> counts) {
        String rule = null;
        int[] n = null;
        for (int i = from; i < to; i++) {
            Diagnostic d = diagnostics.get(i);
            bySeverity[d.severity().ordinal()]++;
            if (!d.rule().equals(rule)) {
                rule = d.rule();
                n = counts.get(rule);
                if (n == null) {
                    n = new int[1];
                    counts.put(rule, n);
                }
            }
            n[0]++;
        }
    }
}
