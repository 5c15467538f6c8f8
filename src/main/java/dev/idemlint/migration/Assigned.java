package dev.idemlint.migration;

import dev.idemlint.source.Span;

/**
 * A module-level assignment such as {@code revision = "040"}: the value read statically,
 * the span of the whole statement and of the value expression. {@code resolved} is false when the
 * value is not a literal (then {@code value} is null).
 */
public record Assigned<T>(T value, Span statement, Span valueSpan, boolean resolved) {
}
