package dev.idemlint.report;

import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a reporter needs: the findings in order, how many files were read, the catalog (for
 * rule docs) and the tool version.
 */
public record Report(List<Diagnostic> diagnostics, int filesRead, RuleCatalog catalog, String toolVersion) {

    public long count(Severity s) {
        return diagnostics.stream().filter(d -> d.severity() == s).count();
    }

    public Map<String, Integer> byRule() {
        Map<String, Integer> out = new TreeMap<>();
        for (Diagnostic d : diagnostics) {
            out.merge(d.rule(), 1, Integer::sum);
        }
        return out;
    }
}
