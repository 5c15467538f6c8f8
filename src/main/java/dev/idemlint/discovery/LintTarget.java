package dev.idemlint.discovery;

import java.nio.file.Path;
import java.util.List;

/**
 * One unit of work: a versions directory (or a lone file, then {@code versionsDir} is null) with
 * its revision files in a stable order, the project root it belongs to (where pins and config were
 * read), and the settings that apply.
 */
public record LintTarget(Path projectRoot, Path versionsDir, List<Path> files, Settings settings) {
}
