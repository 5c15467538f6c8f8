package dev.idemlint.python;

import dev.idemlint.source.Span;

/**
 * A call argument. {@code keyword} is null for positional ones; {@code star} is 1 for {@code *x},
 * 2 for {@code **x}, else 0. {@code span} covers the whole argument including {@code name=}.
 */
public record Arg(String keyword, int star, Expr value, Span span) {
}
