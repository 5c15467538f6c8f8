package dev.idemlint.sql;

import java.util.function.Supplier;

/**
 * What was computed last on this thread for one statement: a range of one text, the text compared by identity.
 * The operations of one statement are asked about in a row (each action of an {@code ALTER TABLE}, each column
 * of a long key), and reading the statement again for each would make one statement of many parts quadratic.
 * The rules and the timeline work through one file's statements in order on one thread, so remembering the
 * last statement is enough.
 */
public final class StatementMemo<T> {
    private record Entry<T>(Object text, int start, int end, T value) {
    }

    private final ThreadLocal<Entry<T>> last = new ThreadLocal<>();

    /** The value for {@code text}'s range {@code [start, end)}: this thread's last one for it, else computed. */
    public T get(Object text, int start, int end, Supplier<T> compute) {
        Entry<T> e = last.get();
        if (e == null || e.text() != text || e.start() != start || e.end() != end) {
            e = new Entry<>(text, start, end, compute.get());
            last.set(e);
        }
        return e.value();
    }
}
