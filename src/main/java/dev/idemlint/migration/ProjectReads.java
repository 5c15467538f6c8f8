package dev.idemlint.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project files a revision's model was made from besides the revision itself: every question the reader asked
 * the file system while it modelled the revision (whether a module file or a root marker is there, the bytes of a
 * module or a side file it read), each with the answer it got, found or absent. Modelling is deterministic, so the
 * same revision whose questions get the same answers again is the same model: a kept model (the result cache, the
 * server's and the daemon's memory) stands while {@link Check#holds} finds every answer unchanged, as a build tool's
 * dependency file, with the files it looked for and did not find, keeps an object file.
 *
 * <p>Everything in this package that reads the project's files asks through {@link #exists}, {@link #regularFile}
 * and {@link #bytes}, which note the question for the revision the thread is modelling ({@link #recording}).
 */
public record ProjectReads(List<Read> reads) {
    /** A model that asked nothing of the project's files. */
    public static final ProjectReads NONE = new ProjectReads(List.of());

    /** A module larger than this is not read: a pull request's file is not read whole into memory. */
    static final long MAX_BYTES = 1 << 20;

    public ProjectReads {
        reads = List.copyOf(reads);
    }

    /** What was asked of a path. */
    public enum Kind {
        /** Whether anything, a link included, is at the path ({@code Files.exists}, links not followed). */
        EXISTS,
        /** Whether the path is a regular file, through links. */
        REGULAR_FILE,
        /** Whether the path itself is a regular file (a link is not). */
        REGULAR_FILE_HERE,
        /** The file's bytes, read within {@code top} ({@link #bytes}): their SHA-256, or empty when not read. */
        BYTES
    }

    /** One question ({@code top} only for {@link Kind#BYTES}, else empty) and its answer. */
    public record Read(Kind kind, String path, String top, String answer) {
    }

    public boolean isEmpty() {
        return reads.isEmpty();
    }

    /** The reads of all of {@code models}, each once: what a tree's findings depend on besides the tree's files. */
    public static ProjectReads union(Collection<ProjectReads> models) {
        Set<Read> all = new LinkedHashSet<>();
        for (ProjectReads r : models) {
            all.addAll(r.reads);
        }
        return all.isEmpty() ? NONE : new ProjectReads(new ArrayList<>(all));
    }

    /**
     * Asks the questions again, each once however many models hold it; one check serves one run (the files may
     * change between runs).
     */
    public static final class Check {
        private final Map<List<Object>, String> answers = new HashMap<>();

        /** Whether every question of {@code reads} gets the answer it got when the model was made. */
        public synchronized boolean holds(ProjectReads reads) {
            for (Read r : reads.reads) {
                String now = answers.computeIfAbsent(List.of(r.kind(), r.path(), r.top()), k -> ask(r));
                if (!now.equals(r.answer())) {
                    return false;
                }
            }
            return true;
        }

        private static String ask(Read r) {
            try {
                Path p = Path.of(r.path());
                return switch (r.kind()) {
                    case EXISTS -> answer(Files.exists(p, LinkOption.NOFOLLOW_LINKS));
                    case REGULAR_FILE -> answer(Files.isRegularFile(p));
                    case REGULAR_FILE_HERE -> answer(Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
                    case BYTES -> digest(read(p, Path.of(r.top())));
                };
            } catch (InvalidPathException e) {
                return "unaskable"; // a path that no longer names a file here: no answer matches it
            }
        }
    }

    /** The questions noted on this thread, while it models one revision; null when none is. */
    private static final ThreadLocal<Set<Read>> NOTED = new ThreadLocal<>();

    /** Notes, until {@link Recording#close}, what this thread asks of the project's files. */
    static Recording recording() {
        Set<Read> outer = NOTED.get();
        Set<Read> noted = new LinkedHashSet<>();
        NOTED.set(noted);
        return new Recording(outer, noted);
    }

    /** The questions of one modelling; closing it gives the thread back to the recording it interrupted, if any. */
    static final class Recording implements AutoCloseable {
        private final Set<Read> outer;
        private final Set<Read> noted;

        private Recording(Set<Read> outer, Set<Read> noted) {
            this.outer = outer;
            this.noted = noted;
        }

        ProjectReads reads() {
            return noted.isEmpty() ? NONE : new ProjectReads(new ArrayList<>(noted));
        }

        @Override
        public void close() {
            if (outer == null) {
                NOTED.remove();
            } else {
                outer.addAll(noted);
                NOTED.set(outer);
            }
        }
    }

    private static void note(Kind kind, Path path, Path top, String answer) {
        Set<Read> noted = NOTED.get();
        if (noted != null) {
            noted.add(new Read(kind, path.toString(), top == null ? "" : top.toString(), answer));
        }
    }

    private static String answer(boolean b) {
        return b ? "yes" : "no";
    }

    /** Whether anything is at {@code path}, a link included. */
    static boolean exists(Path path) {
        boolean b = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        note(Kind.EXISTS, path, null, answer(b));
        return b;
    }

    /** Whether {@code path} is a regular file; through links when {@code followLinks}. */
    static boolean regularFile(Path path, boolean followLinks) {
        boolean b = followLinks ? Files.isRegularFile(path) : Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
        note(followLinks ? Kind.REGULAR_FILE : Kind.REGULAR_FILE_HERE, path, null, answer(b));
        return b;
    }

    /**
     * The bytes of {@code file}; null when it lies (through a link) outside {@code top}, is not a regular file, is
     * larger than {@link #MAX_BYTES} or cannot be read.
     */
    static byte[] bytes(Path file, Path top) {
        byte[] bytes = read(file, top);
        note(Kind.BYTES, file, top, digest(bytes));
        return bytes;
    }

    private static byte[] read(Path file, Path top) {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(top.toRealPath())) {
                return null;
            }
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            if (!a.isRegularFile() || a.size() > MAX_BYTES) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(real);
            return bytes.length > MAX_BYTES ? null : bytes; // grown since its size was read
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String digest(byte[] bytes) {
        return bytes == null ? "" : ModelTables.digest(bytes);
    }
}
