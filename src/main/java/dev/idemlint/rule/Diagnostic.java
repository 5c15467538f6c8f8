package dev.idemlint.rule;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding: the rule's kebab-case name, severity, where (file + half-open span), a one-sentence
 * message (what fails and when), the remedy as {@code help}, fixes most preferred first, and related
 * locations. {@code step} is the place, among its revision's upgrade operations, of the operation the
 * finding is about (-1 when it is about none): the findings one span holds (the statements of a helper,
 * reported at its call) are listed as the revision runs their statements.
 */
public record Diagnostic(String rule, Severity severity, SourceFile file, Span span, String message,
        String help, List<Fix> fixes, List<Related> related, int step) {

    /** A finding about no operation of its revision. */
    public Diagnostic(String rule, Severity severity, SourceFile file, Span span, String message, String help,
            List<Fix> fixes, List<Related> related) {
        this(rule, severity, file, span, message, help, fixes, related, -1);
    }

    public int line() {
        return file.lines().line(span.start());
    }

    public int column() {
        return file.lines().column(span.start());
    }

    public int endLine() {
        return file.lines().line(span.end());
    }

    public int endColumn() {
        return file.lines().column(span.end());
    }

    public Diagnostic withSeverity(Severity s) {
        return new Diagnostic(rule, s, file, span, message, help, fixes, related, step);
    }

    /** Whether a fix of this finding changes a file when applied (is not a suggestion only). */
    public boolean hasAppliedFix() {
        for (Fix f : fixes) {
            if (f.applicability() != Applicability.DISPLAY_ONLY
                    && !(f.edits().isEmpty() && f.files().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    /**
     * This finding with its first applied fix shown as a suggestion only, saying {@code why}, and the help saying
     * that no fix is applied; its other applied fixes are dropped, its suggestions kept.
     */
    public Diagnostic withFixesWithheld(String why) {
        List<Fix> shown = new ArrayList<>(fixes.size());
        boolean first = true;
        for (Fix f : fixes) {
            if (f.applicability() == Applicability.DISPLAY_ONLY || f.edits().isEmpty() && f.files().isEmpty()) {
                shown.add(f);
            } else if (first) {
                shown.add(Fix.displayOnly(f.title() + " (not applied)", why));
                first = false;
            }
        }
        return new Diagnostic(rule, severity, file, span, message, help + (help.isEmpty() ? "" : " ")
                + "No fix is applied: " + why + ".", List.copyOf(shown), related, step);
    }
}
