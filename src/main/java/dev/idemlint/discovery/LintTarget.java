package dev.idemlint.discovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One unit of work: a revision tree (a versions directory with any nested subfolders holding
 * revisions, or a lone file's directory) with all its .py files in path order, the project root
 * it belongs to (where pins and config were read), and the settings that apply.
 *
 * <p>{@code files} is the whole tree, so the revision graph has its context; {@code focus} lists
 * the files to report on when the user named single files or a subfolder (empty = all files).
 * {@code provenance} says where each setting came from, keyed {@code alembic}, {@code sqlalchemy},
 * {@code postgres}, {@code dialect}, {@code upgrade} (the config's {@code upgrade}, or the deploy command that
 * states it, {@code head} or {@code heads}); absent keys were defaults.
 */
public record LintTarget(Path projectRoot, Path versionsDir, List<Path> files, Settings settings,
        List<Path> focus, Config config, Map<String, PinSource> provenance) {

    public LintTarget {
        files = List.copyOf(files);
        focus = focus == null ? List.of() : List.copyOf(focus);
        config = config == null ? Config.DEFAULT : config;
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }

    public LintTarget(Path projectRoot, Path versionsDir, List<Path> files, Settings settings) {
        this(projectRoot, versionsDir, files, settings, List.of(), Config.DEFAULT, Map.of());
    }

    /** Whether findings in this file are reported (the others only give graph context). */
    public boolean reports(Path file) {
        return focus.isEmpty() || focus.contains(file);
    }

    /** The files the config does not exclude, in path order (a list the caller may change). */
    public List<Path> lintedFiles() {
        List<Path> out = new ArrayList<>(files.size());
        for (Path p : files) {
            if (!config.excludes(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The files findings are reported for, in path order. */
    public List<Path> reportedFiles() {
        if (focus.isEmpty()) {
            return files;
        }
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            if (focus.contains(f)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }
}
