package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void the_tally_counts_every_finding_once_by_severity_and_by_rule() {
        List<Diagnostic> base = ReportFixtures.diagnostics();
        List<Diagnostic> ds = new ArrayList<>();
        // runs of one rule across the tally's 32-finding steps, rules and severities mixed, equal
        // rule names that are not the same String
        for (int i = 0; i < 1_000; i++) {
            Diagnostic d = base.get(i / 7 % base.size());
            Severity s = Severity.values()[i % 5 % Severity.values().length];
            ds.add(new Diagnostic(new String(d.rule()), s, d.file(), d.span(), d.message(), d.help(), d.fixes(),
                    d.related()));
        }
        Report.Tally tally = ReportFixtures.report(ds).tally();
        for (Severity s : Severity.values()) {
            assertEquals(ds.stream().filter(d -> d.severity() == s).count(), tally.count(s), s.label());
        }
        Map<String, Integer> byRule = ds.stream().collect(Collectors.toMap(Diagnostic::rule, d -> 1, Integer::sum,
                TreeMap::new));
        assertEquals(byRule, tally.byRule());
        assertEquals(List.copyOf(byRule.keySet()), List.copyOf(tally.byRule().keySet()), "sorted by rule name");
        assertEquals(Map.of(), ReportFixtures.report(List.of()).tally().byRule());
    }
}
