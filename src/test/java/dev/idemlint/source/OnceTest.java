package dev.idemlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnceTest {

    @Test
    void the_maker_runs_once_for_callers_racing_to_ask() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch asked = new CountDownLatch(1);
        Once<Object> once = new Once<>(() -> {
            made.incrementAndGet();
            return new Object();
        });
        assertFalse(once.made());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> got = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                got.add(pool.submit(() -> {
                    asked.await();
                    return once.get();
                }));
            }
            asked.countDown();
            Object first = got.get(0).get();
            for (Future<Object> f : got) {
                assertSame(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, made.get());
        assertTrue(once.made());
    }

    @Test
    void a_value_given_is_made_and_a_maker_giving_null_is_refused() {
        Once<String> given = Once.of("text");
        assertTrue(given.made());
        assertEquals("text", given.get());
        assertThrows(NullPointerException.class, () -> new Once<String>(() -> null).get());
    }
}
