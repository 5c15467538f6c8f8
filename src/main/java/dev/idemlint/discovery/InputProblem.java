package dev.idemlint.discovery;

import java.nio.file.Path;

/** A path that could not be used (missing, unreadable, symlink loop), with a human message. */
public record InputProblem(Path path, String message) {
}
