package dev.idemlint.rule;

import dev.idemlint.fix.Fix;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.List;

/**
 * A finding: the rule's kebab-case name, severity, where (file + half-open span), a one-sentence
 * message (what fails and when), the remedy as {@code help}, fixes most preferred first, and related
 * locations.
 */
public record Diagnostic(String rule, Severity severity, SourceFile file, Span span, String message,
        String help, List<Fix> fixes, List<Related> related) {

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
        return new Diagnostic(rule, s, file, span, message, help, fixes, related);
    }
}
