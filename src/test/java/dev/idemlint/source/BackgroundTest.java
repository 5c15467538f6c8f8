package dev.idemlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BackgroundTest {
    @Test
    void gives_the_result_and_the_works_own_exception() {
        assertEquals(42, Background.start(() -> 42).join());
        IllegalStateException thrown = new IllegalStateException("walk failed");
        // callers print the message of what failed: it must be the work's exception, not a copy or a wrapper
        assertSame(thrown, assertThrows(IllegalStateException.class,
                () -> Background.start(() -> { throw thrown; }).join()));
        StackOverflowError deep = new StackOverflowError();
        assertSame(deep, assertThrows(StackOverflowError.class, () -> Background.run(() -> { throw deep; }).join()));
        AtomicBoolean ran = new AtomicBoolean();
        Background.run(() -> ran.set(true)).join();
        assertTrue(ran.get());
    }

    @Test
    void runs_on_the_pools_worker_not_a_new_thread() {
        String name = Background.start(() -> Thread.currentThread().getName()).join();
        // a pool with no worker (one processor) lets the caller run it
        assertTrue(name.startsWith("ForkJoinPool.commonPool-worker") || name.equals(Thread.currentThread().getName()), name);
    }

    @Test
    void each_index_runs_once_and_a_failure_stops_everyone() {
        java.util.concurrent.atomic.AtomicIntegerArray seen = new java.util.concurrent.atomic.AtomicIntegerArray(10_000);
        Background.forEachIndex(seen.length(), seen::incrementAndGet);
        for (int i = 0; i < seen.length(); i++) {
            assertEquals(1, seen.get(i), "item " + i);
        }
        // a failing item ends the run: its own error comes out, and the other share stops early
        IllegalStateException bad = new IllegalStateException("item 500");
        java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
        assertSame(bad, assertThrows(IllegalStateException.class, () -> Background.forEachIndex(1_000_000, i -> {
            ran.incrementAndGet();
            if (i == 500) {
                throw bad;
            }
        })));
        int after = ran.get();
        assertTrue(after < 1_000_000, "stopped early: " + after);
        assertEquals(after, ran.get(), "no share still running after the failure came out");
    }
}
