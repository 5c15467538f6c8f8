package dev.idemlint.report;

import dev.idemlint.rule.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings a team has accepted, so idemlint can gate only new ones on a project with many old
 * migrations. Stored as {@code {"version":1,"findings":[{rule,file,fingerprint,message}]}};
 * matching uses rule, file and {@link Fingerprint}, never line numbers, so edits above a finding
 * keep it matched. The message is there for reviewers only.
 */
public record Baseline(List<Entry> findings) {
    public static final int VERSION = 1;

    public record Entry(String rule, String file, String fingerprint, String message) {
        String key() {
            return rule + '\u0000' + file + '\u0000' + fingerprint;
        }
    }

    public static Baseline of(List<Diagnostic> diagnostics) {
        List<String> fps = Fingerprint.of(diagnostics);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            out.add(new Entry(d.rule(), d.file().displayPath(), fps.get(i), d.message()));
        }
        return new Baseline(List.copyOf(out));
    }

    public String toJson() {
        List<Object> list = new ArrayList<>();
        for (Entry e : findings) {
            list.add(Json.obj().with("rule", e.rule()).with("file", e.file()).with("fingerprint", e.fingerprint())
                    .with("message", e.message()));
        }
        return Json.write(Json.obj().with("version", VERSION).with("findings", list));
    }

    /** Reads a baseline file's text; throws {@code IllegalArgumentException} naming what is wrong. */
    public static Baseline parse(String json) {
        Object root = Json.parse(json);
        if (!(root instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("baseline is not a JSON object");
        }
        if (!(m.get("version") instanceof Long v) || v != VERSION) {
            throw new IllegalArgumentException("unsupported baseline version " + m.get("version") + " (expected "
                    + VERSION + ")");
        }
        if (!(m.get("findings") instanceof List<?> list)) {
            throw new IllegalArgumentException("baseline has no \"findings\" array");
        }
        List<Entry> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> f) || !(f.get("rule") instanceof String rule)
                    || !(f.get("file") instanceof String file) || !(f.get("fingerprint") instanceof String fp)) {
                throw new IllegalArgumentException("baseline finding needs string rule, file and fingerprint: " + o);
            }
            out.add(new Entry(rule, file, fp, f.get("message") instanceof String s ? s : null));
        }
        return new Baseline(List.copyOf(out));
    }

    /**
     * The diagnostics the baseline does not cover, in their order. Each baseline entry covers at
     * most one finding, so a copy of an accepted problem is still reported.
     */
    public List<Diagnostic> newFindings(List<Diagnostic> diagnostics) {
        Map<String, Integer> budget = new HashMap<>();
        for (var e : findings) {
            budget.put(e.key(), budget.getOrDefault(e.key(), 0) + 1);
        }
        Baseline current = of(diagnostics);
        List<Diagnostic> out = new ArrayList<>();
        for (int i = 0; i < diagnostics.size(); i++) {
            String key = current.findings().get(i).key();
            int left = budget.getOrDefault(key, 0);
            if (left > 0) {
                budget.put(key, left - 1);
            } else {
                out.add(diagnostics.get(i));
            }
        }
        return out;
    }
}
