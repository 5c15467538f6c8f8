package dev.idemlint.source;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made by the first caller that asks for it, while any other caller waits for it; the maker is let go once
 * it has made the value (a file's reader, with what it holds). The maker must not give null.
 */
public final class Once<T> implements Supplier<T> {
    private Supplier<? extends T> make;
    private volatile T value;

    public Once(Supplier<? extends T> make) {
        this.make = Objects.requireNonNull(make);
    }

    private Once(T value) {
        this.value = Objects.requireNonNull(value);
    }

    /** A value already made. */
    public static <T> Once<T> of(T value) {
        return new Once<>(value);
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(make.get());
                    value = v;
                    make = null;
                }
            }
        }
        return v;
    }

    /** Whether the value is made. */
    public boolean made() {
        return value != null;
    }
}
