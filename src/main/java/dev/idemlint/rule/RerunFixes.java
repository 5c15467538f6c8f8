package dev.idemlint.rule;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A revision's re-run fixes go together. They exist to make the revision run again when the schema is
 * ahead of {@code alembic_version}; when one of its re-run failures has no fix to apply (a read whose
 * result the code uses, a statement in a helper), the revision still fails on re-run whatever the others
 * do, so their fixes are shown and not applied: a file is never rewritten into one that still does not
 * converge.
 */
final class RerunFixes {
    /** How every re-run finding's message starts (the rules' {@code RerunScenario} sentence). */
    static final String RERUN = "Re-running this revision fails";

    private RerunFixes() {
    }

    /** {@code shown} with the re-run fixes of each file that also has an unfixable re-run finding made display-only. */
    static List<Diagnostic> together(List<Diagnostic> shown) {
        Map<String, Diagnostic> unfixable = new HashMap<>();
        for (Diagnostic d : shown) {
            if (rerun(d) && d.fixes().stream().noneMatch(RerunFixes::applies)) {
                unfixable.putIfAbsent(d.file().displayPath(), d);
            }
        }
        if (unfixable.isEmpty()) {
            return shown;
        }
        List<Diagnostic> out = new ArrayList<>(shown.size());
        for (Diagnostic d : shown) {
            Diagnostic blocker = rerun(d) ? unfixable.get(d.file().displayPath()) : null;
            if (blocker == null || d.fixes().stream().noneMatch(RerunFixes::applies)) {
                out.add(d);
                continue;
            }
            String why = " (not applied: the re-run still fails at line " + blocker.line() + ", which has no fix)";
            List<Fix> held = d.fixes().stream()
                    .map(f -> applies(f) ? new Fix(f.title() + why, Applicability.DISPLAY_ONLY, f.edits(), f.files()) : f)
                    .toList();
            out.add(new Diagnostic(d.rule(), d.severity(), d.file(), d.span(), d.message(), d.help(), held, d.related()));
        }
        return out;
    }

    private static boolean rerun(Diagnostic d) {
        return d.severity() == Severity.ERROR && d.message().startsWith(RERUN);
    }

    private static boolean applies(Fix f) {
        return f.applicability() != Applicability.DISPLAY_ONLY && (!f.edits().isEmpty() || !f.files().isEmpty());
    }
}
