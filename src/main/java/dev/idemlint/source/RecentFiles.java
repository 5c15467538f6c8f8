package dev.idemlint.source;

import java.util.function.Function;

/**
 * A small memory of values computed for the files seen last, compared by identity (a {@link
 * SourceFile}'s {@code equals} would hash its whole text). The engine reads a file, models it and
 * runs its per-file rules and their fix builders in one go, so remembering a few dozen files serves
 * every repeated request without keeping a value for every file of the run alive. Thread-safe.
 */
public final class RecentFiles<V> {
    private final SourceFile[] files;
    private final Object[] values;
    private int next;

    public RecentFiles(int size) {
        files = new SourceFile[size];
        values = new Object[size];
    }

    /** The value remembered for this very file object, or null. */
    @SuppressWarnings("unchecked")
    public synchronized V get(SourceFile file) {
        for (int i = 0; i < files.length; i++) {
            if (files[i] == file) {
                return (V) values[i];
            }
        }
        return null;
    }

    /** Remembers {@code value} for {@code file}, forgetting the oldest entry when full. */
    public synchronized void put(SourceFile file, V value) {
        files[next] = file;
        values[next] = value;
        next = (next + 1) % files.length;
    }

    /**
     * The remembered value, or a new one from {@code compute} (run outside the lock, so two threads
     * may compute the same value once each; both results are equal).
     */
    public V computeIfAbsent(SourceFile file, Function<SourceFile, V> compute) {
        V v = get(file);
        if (v == null) {
            v = compute.apply(file);
            put(file, v);
        }
        return v;
    }
}
