package dev.idemlint.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which files a run may read: those whose real path (links resolved) is inside the project root or
 * inside a path the user named. A pull request controls the files and the links between them, not
 * the command line: a file that leads out is not read, so none of its text can be quoted in a
 * message, and a warning names it. Safe to ask from two threads (discovery settles pins on a worker).
 */
final class Confinement {
    static final String LINK_OUT = "symbolic link to a path outside the project, not followed";
    static final String PATH_OUT = "path outside the project, not read";

    private final List<Path> named;
    private final Map<Path, Path> realRoots = new ConcurrentHashMap<>();
    private final Set<InputProblem> refused = Collections.synchronizedSet(new LinkedHashSet<>());

    private Confinement(List<Path> named) {
        this.named = List.copyOf(named);
    }

    /** The confinement of a run over these command-line paths, following named links ({@link #naming(List, boolean)}). */
    static Confinement naming(List<Path> inputs) {
        return naming(inputs, true);
    }

    /**
     * The confinement of a run over these command-line paths: those that exist count as named. A CI job
     * passes a pull request's changed files, whose names and links the pull request chose, so without
     * {@code followLinks} a path that passes through a symbolic link names nothing: what it leads to is
     * read only when it lies in its project, links resolved, like any other file of the project.
     */
    static Confinement naming(List<Path> inputs, boolean followLinks) {
        List<Path> named = new ArrayList<>();
        for (Path in : inputs) {
            if (in == null) {
                continue;
            }
            Path abs = in.toAbsolutePath().normalize();
            if (Files.exists(abs) && (followLinks || realPath(abs).equals(abs))) {
                named.add(realPath(abs));
            }
        }
        return new Confinement(named);
    }

    /** Whether {@code p}, links resolved, is inside the project at {@code root} or inside a named path. */
    boolean allowed(Path p, Path root) {
        Path real = realPath(p);
        Path r = realRoots.computeIfAbsent(root.toAbsolutePath().normalize(), Confinement::realPath);
        if (real.startsWith(r)) {
            return true;
        }
        for (Path n : named) {
            if (real.startsWith(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the file may be read (no root: anything may; a missing file: its reader finds nothing); when not, a warning naming it is kept for
     * {@link #refused()}.
     */
    boolean mayRead(Path file, Path root) {
        // a missing file (or a broken link) has nothing to read: its reader reports it as it would
        if (root == null || !Files.exists(file) || allowed(file, root)) {
            return true;
        }
        refused.add(new InputProblem(file, 0, Files.isSymbolicLink(file) ? LINK_OUT : PATH_OUT, true));
        return false;
    }

    /** The warnings for the files {@link #mayRead} refused so far, in the order met. */
    List<InputProblem> refused() {
        synchronized (refused) {
            return List.copyOf(refused);
        }
    }

    static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
