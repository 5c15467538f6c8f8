package dev.idemlint.rule;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The re-run claims of one try/except (or {@code contextlib.suppress}) body are one finding. Python leaves the body
 * at the first statement that raises, so on a re-run the body's later statements never run (PostgreSQL then fails
 * the next statement after the handler with 25P02); only the first claimed statement of the body is reported. Its
 * fixes take the edits of the later claimed statements' fixes too, so that one pass of {@code --fix} makes the
 * whole body safe: fixed one statement a pass, a body of more failing statements than {@link FixLoop#MAX_PASSES}
 * would never converge.
 */
final class TryBodyClaims {
    private TryBodyClaims() {
    }

    /**
     * {@code found}, the findings of revision {@code m}, with the re-run claims ({@code rerunClaim} of the rule) on
     * statements of one try body after the body's first claimed statement folded into that statement's finding(s),
     * in the order given.
     */
    static List<Diagnostic> firstOnly(Migration m, List<Diagnostic> found, Predicate<String> rerunClaim) {
        List<Operation> ops = m.upgrade();
        Map<Span, List<Integer>> bodies = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            Diagnostic d = found.get(i);
            if (d.step() < 0 || d.step() >= ops.size() || !rerunClaim.test(d.rule())) {
                continue;
            }
            Guard g = ops.get(d.step()).site().guard();
            if (g != null && g.kind() == GuardKind.TRY_EXCEPT) {
                bodies.computeIfAbsent(g.span(), k -> new ArrayList<>()).add(i);
            }
        }
        if (bodies.isEmpty()) {
            return found;
        }
        List<Diagnostic> out = new ArrayList<>(found);
        boolean[] folded = new boolean[found.size()];
        for (List<Integer> body : bodies.values()) {
            int first = body.stream().mapToInt(i -> found.get(i).step()).min().getAsInt();
            int kept = body.stream().filter(i -> found.get(i).step() == first).findFirst().get();
            List<Diagnostic> later = body.stream().filter(i -> found.get(i).step() != first)
                    .sorted(Comparator.comparingInt((Integer i) -> found.get(i).step()).thenComparingInt(i -> i))
                    .map(found::get).toList();
            if (later.isEmpty()) {
                continue;
            }
            body.stream().filter(i -> found.get(i).step() != first).forEach(i -> folded[i] = true);
            out.set(kept, withLater(found.get(kept), later));
        }
        List<Diagnostic> left = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            if (!folded[i]) {
                left.add(out.get(i));
            }
        }
        return left;
    }

    /** {@code d}, the body's first claim, saying that {@code later} claims follow it, its fixes guarding them too. */
    private static Diagnostic withLater(Diagnostic d, List<Diagnostic> later) {
        List<Fix> fixes = new ArrayList<>(d.fixes().size());
        // how many later claims the preferred fix that edits guards too
        int guarded = -1;
        for (Fix f : d.fixes()) {
            if (f.applicability() == Applicability.DISPLAY_ONLY || f.edits().isEmpty()) {
                fixes.add(f);
                continue;
            }
            Fix joined = f;
            int n = 0;
            for (Diagnostic l : later) {
                for (Fix o : l.fixes()) {
                    // a fix of a later statement joins only one as safe as this one, which keeps its applicability
                    if (o.edits().isEmpty() || o.applicability().compareTo(f.applicability()) > 0) {
                        continue;
                    }
                    Fix j = joined.joinedWith(o, f.title());
                    if (j != null) {
                        joined = j;
                        n++;
                        break;
                    }
                }
            }
            fixes.add(n == 0 ? f : new Fix(f.title() + " (and the " + statements(n) + " after it in the try body)",
                    joined.applicability(), joined.edits(), joined.files()));
            guarded = guarded < 0 ? n : guarded;
        }
        String note = " The re-run leaves the try body at this statement; " + statements(later.size())
                + " after it in the body would fail as well"
                + (guarded > 0 ? ", and the fix guards " + (guarded == later.size() ? "them" : guarded + " of them")
                        + " too." : ".");
        return new Diagnostic(d.rule(), d.severity(), d.file(), d.span(), d.message(), d.help() + note,
                List.copyOf(fixes), d.related(), d.step());
    }

    private static String statements(int n) {
        return n == 1 ? "1 statement" : n + " statements";
    }
}
