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
}
