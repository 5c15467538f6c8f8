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
    void together_shares_a_counter_and_stops_everyone_on_a_failure() {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicIntegerArray seen = new java.util.concurrent.atomic.AtomicIntegerArray(10_000);
        Background.together(() -> {
            for (int i = next.getAndIncrement(); i < seen.length(); i = next.getAndIncrement()) {
                seen.incrementAndGet(i);
            }
        }, 1, () -> next.set(seen.length()));
        for (int i = 0; i < seen.length(); i++) {
            assertEquals(1, seen.get(i), "item " + i);
        }
        // a failing item ends the run: the error comes out, and no share is still running after
        IllegalStateException bad = new IllegalStateException("item 500");
        java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        assertSame(bad, assertThrows(IllegalStateException.class, () -> Background.together(() -> {
            running.incrementAndGet();
            try {
                for (int i = counter.getAndIncrement(); i < 1_000_000; i = counter.getAndIncrement()) {
                    if (i == 500) {
                        throw bad;
                    }
                }
            } finally {
                running.decrementAndGet();
            }
        }, 1, () -> counter.set(1_000_000))));
        assertEquals(0, running.get());
        assertTrue(counter.get() >= 1_000_000, "stopped early: " + counter.get());
    }
}
