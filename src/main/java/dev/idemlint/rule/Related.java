package dev.idemlint.rule;

import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;

/** Another place a diagnostic refers to ("type division created first here"). */
public record Related(SourceFile file, Span span, String message) {
}
