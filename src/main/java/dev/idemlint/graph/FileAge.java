package dev.idemlint.graph;

import dev.idemlint.migration.Migration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Which of several revision files is newer: by the commit that added each file when the directory
 * is a git work tree, else by the docstring's {@code Create Date:}, else by file name. Each criterion
 * decides only when it tells the files apart; git is optional (absent, slow or failing: skipped) and
 * can be turned off with {@code -Didemlint.git=false}.
 */
public final class FileAge {
    private FileAge() {
    }

    /** The newest file of {@code files} (at least one). */
    public static Migration newest(List<Migration> files) {
        Migration best = files.get(0);
        for (Migration m : files.subList(1, files.size())) {
            if (compare(m, best) > 0) {
                best = m;
            }
        }
        return best;
    }

    /** Positive when {@code a} is newer than {@code b}. */
    public static int compare(Migration a, Migration b) {
        OptionalLong ga = addedAt(a.source().path());
        OptionalLong gb = ga.isPresent() ? addedAt(b.source().path()) : OptionalLong.empty();
        if (ga.isPresent() && gb.isPresent() && ga.getAsLong() != gb.getAsLong()) {
            return Long.compare(ga.getAsLong(), gb.getAsLong());
        }
        String ca = createDate(a);
        String cb = createDate(b);
        if (ca != null && cb != null && !ca.equals(cb)) {
            // Alembic writes str(datetime): "2026-04-11 19:51:33.123456", which sorts as text.
            return ca.compareTo(cb);
        }
        return a.source().fileName().compareTo(b.source().fileName());
    }

    private static String createDate(Migration m) {
        var doc = m.header().doc();
        return doc == null || doc.createDate() == null || doc.createDate().isBlank() ? null : doc.createDate().strip();
    }

    /** Commit time of the commit that added the file, when git knows it. */
    static OptionalLong addedAt(Path file) {
        if ("false".equals(System.getProperty("idemlint.git")) || file == null || !Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            Process p = new ProcessBuilder("git", "-C", dir.toString(), "log", "--diff-filter=A", "--follow",
                    "--format=%ct", "--", file.getFileName().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
                p.destroy();
                return OptionalLong.empty();
            }
            String[] lines = out.split("\\R");
            // With --follow the oldest addition comes last.
            return OptionalLong.of(Long.parseLong(lines[lines.length - 1].strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
