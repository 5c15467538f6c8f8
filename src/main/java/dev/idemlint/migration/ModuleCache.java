package dev.idemlint.migration;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * What a reader made of project module files, kept by file and content (a long-lived server sees edits, and an edit
 * within the file system's timestamp granularity that keeps the size leaves size and time as they were), so a run's
 * revisions share one read of a module; emptied past {@link #MAX_KEPT} entries.
 */
final class ModuleCache<T> {
    private static final int MAX_KEPT = 256;
    private final Map<Kept, T> kept = new ConcurrentHashMap<>();

    private record Kept(Path file, String digest) {
    }

    /** What {@code read} makes of module {@code file} (absolute, normalized) holding {@code bytes}, once per content. */
    T get(Path file, byte[] bytes, BiFunction<Path, byte[], T> read) {
        Kept key = new Kept(file.toAbsolutePath().normalize(), ModelTables.digest(bytes));
        if (kept.size() > MAX_KEPT) {
            kept.clear();
        }
        return kept.computeIfAbsent(key, k -> read.apply(k.file(), bytes));
    }
}
