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

    @Test
    void a_thread_left_without_items_runs_spare_steps_until_the_last_item_ends() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() > 0,
                "needs the pool's worker beside this thread");
        for (int round = 0; round < 20; round++) {
            // item 0 ends only after three spare steps: whichever thread does not hold it has to run them
            java.util.concurrent.CountDownLatch three = new java.util.concurrent.CountDownLatch(3);
            java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();
            Spare endless = () -> {
                steps.incrementAndGet();
                three.countDown();
                return true; // never runs out: only the end of the last item stops it
            };
            java.util.concurrent.atomic.AtomicBoolean waited = new java.util.concurrent.atomic.AtomicBoolean();
            Background.forEachIndex(2, i -> {
                if (i == 0) {
                    try {
                        waited.set(three.await(10, java.util.concurrent.TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, endless);
            assertTrue(waited.get(), "no spare step ran while item 0 waited");
            int after = steps.get();
            Thread.sleep(5);
            assertEquals(after, steps.get(), "spare steps went on after the loop returned");
        }
        // with every item done, spare work is not started at all
        java.util.concurrent.atomic.AtomicInteger idle = new java.util.concurrent.atomic.AtomicInteger();
        Background.forEachIndex(0, i -> { }, () -> idle.incrementAndGet() < 0);
        assertEquals(0, idle.get());
    }

    @Test
    void join_runs_spare_steps_while_the_work_runs_and_stops_when_they_run_out() throws Exception {
        java.util.concurrent.CountDownLatch three = new java.util.concurrent.CountDownLatch(3);
        Background<String> work = Background.start(() -> three.await(10, java.util.concurrent.TimeUnit.SECONDS) ? "done" : "starved");
        java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();
        // at most five steps: the work needs three, then join waits for it like join()
        assertEquals("done", work.join(() -> {
            if (steps.get() >= 5) {
                return false;
            }
            steps.incrementAndGet();
            three.countDown();
            return true;
        }));
        assertTrue(steps.get() >= 3 && steps.get() <= 5, "steps " + steps.get());
    }

    @Test
    void drain_runs_every_step_once() {
        java.util.concurrent.atomic.AtomicIntegerArray ran = new java.util.concurrent.atomic.AtomicIntegerArray(5_000);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Background.drain(() -> {
            int i = next.getAndIncrement();
            if (i >= ran.length()) {
                return false;
            }
            ran.incrementAndGet(i);
            return true;
        });
        for (int i = 0; i < ran.length(); i++) {
            assertEquals(1, ran.get(i), "step " + i);
        }
    }
}
