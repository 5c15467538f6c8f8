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
 * rule docs) and the tool version.
 */
public record Report(List<Diagnostic> diagnostics, int filesRead, RuleCatalog catalog, String toolVersion) {

    // Loops over tens of thousands of findings that run once per report: counted in a hash map of a
    // few rules rather than a stream, or a TreeMap that compared rule names per finding.
    public long count(Severity s) {
        long n = 0;
        for (Diagnostic d : diagnostics) {
            if (d.severity() == s) {
                n++;
            }
        }
        return n;
    }

    /** How many findings each rule has, by rule name. */
    public Map<String, Integer> byRule() {
        Map<String, int[]> counts = new HashMap<>();
        for (Diagnostic d : diagnostics) {
            counts.computeIfAbsent(d.rule(), r -> new int[1])[0]++;
        }
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((rule, n) -> out.put(rule, n[0]));
        return out;
    }
}
