package dev.idemlint.cli;

import dev.idemlint.discovery.LintTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where a path the run reads or writes leads once symbolic links are followed. */
final class LinkedPaths {
    private LinkedPaths() {
    }

    /** Whether {@code file}, links resolved, lies inside {@code root}; a missing file has nothing to read. */
    static boolean inside(Path file, Path root) {
        if (!Files.exists(file)) {
            return true;
        }
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Why {@code file} is not written without {@code --follow-links}, or null: it lies in the current folder
     * or a project of the run, but a symbolic link on its way (a committed folder link, or the file itself)
     * leads out of that folder. A path outside them all is the user's own choice.
     */
    static String linkedOut(Path file, Path cwd, List<LintTarget> targets) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> roots = new ArrayList<>(List.of(cwd));
        for (LintTarget t : targets) {
            roots.add(t.projectRoot());
        }
        Path real;
        try {
            real = destination(abs, 0);
        } catch (IOException | RuntimeException e) {
            real = null;
        }
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (!abs.startsWith(r)) {
                continue;
            }
            try {
                if (real == null || !real.startsWith(r.toRealPath())) {
                    return "symbolic link to a path outside " + (r.equals(cwd) ? "the current folder" : "the project")
                            + ", not followed (--follow-links writes through it)";
                }
            } catch (IOException e) {
                return null; // no such folder: nothing to write through
            }
        }
        return null;
    }

    /** The path a write to {@code abs} reaches: links resolved, through a missing tail as written. */
    private static Path destination(Path abs, int hops) throws IOException {
        if (hops > 40) {
            throw new IOException("too many levels of symbolic links");
        }
        if (Files.isSymbolicLink(abs)) {
            // a dangling link is written through too: where it points decides
            return destination(abs.resolveSibling(Files.readSymbolicLink(abs)).normalize(), hops + 1);
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        if (!existing.equals(abs) && Files.isSymbolicLink(existing)) {
            // a dangling folder link on the way
            return destination(existing.resolveSibling(Files.readSymbolicLink(existing)).normalize()
                    .resolve(existing.relativize(abs)).normalize(), hops + 1);
        }
        return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    }
}
