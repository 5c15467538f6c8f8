package dev.idemlint.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Work handed to the common pool's worker while the calling thread does something else, and its
 * result. Not {@code CompletableFuture.supplyAsync}: when the pool has a single worker (two cores,
 * this tool's usual machine) that starts a new thread per call (twenty per 3,700-file report), and
 * the pool's worker, warm from the files it parsed, sits idle. With no worker at all (one core) the
 * caller runs the work itself when it asks for the result.
 */
public final class Background<T> {
    /**
     * The work's result or what it threw. The task itself never throws: a ForkJoinTask rethrows a
     * failure from another thread as a new exception of the same type wrapping it, and callers print
     * the message of what failed.
     */
    private record Outcome<T>(T value, Throwable failure) {
    }

    private final ForkJoinTask<Outcome<T>> task;

    private Background(ForkJoinTask<Outcome<T>> task) {
        this.task = task;
    }

    public static <T> Background<T> start(Callable<T> work) {
        return new Background<>(ForkJoinPool.commonPool().submit(new Callable<Outcome<T>>() {
            @Override
            public Outcome<T> call() {
                try {
                    return new Outcome<>(work.call(), null);
                } catch (Throwable t) {
                    return new Outcome<>(null, t);
                }
            }
        }));
    }

    public static Background<Void> run(Runnable work) {
        return start(new Callable<Void>() {
            @Override
            public Void call() {
                work.run();
                return null;
            }
        });
    }

    /**
     * {@code body} for every index in {@code [0, n)}, on this thread and the pool's workers at once:
     * each takes the next index as it finishes one (items of uneven cost stay balanced to the end).
     * When an item fails the others' loops stop at their current item, all are waited for, and the
     * first failure is rethrown: nothing goes on with a run that has already failed.
     */
    public static void forEachIndex(int n, IntConsumer body) {
        forEachIndex(n, body, Spare.NONE);
    }

    /**
     * {@link #forEachIndex(int, IntConsumer)}, and a thread that finds no index left runs steps of
     * {@code spare} while another is still inside an item (instead of waiting for it at the end).
     */
    public static void forEachIndex(int n, IntConsumer body, Spare spare) {
        AtomicInteger next = new AtomicInteger();
        // threads inside an item, or about to take one: counted before the index is taken, so a
        // thread that sees zero knows no item is left running
        AtomicInteger busy = new AtomicInteger();
        Runnable share = new Runnable() {
            @Override
            public void run() {
                try {
                    while (true) {
                        busy.incrementAndGet();
                        int i = next.getAndIncrement();
                        if (i >= n) {
                            busy.decrementAndGet();
                            break;
                        }
                        try {
                            body.accept(i);
                        } finally {
                            busy.decrementAndGet();
                        }
                    }
                    while (busy.get() > 0 && spare.step()) {
                        // the last items are still running elsewhere
                    }
                } catch (RuntimeException | Error e) {
                    next.set(n);
                    throw e;
                }
            }
        };
        List<Background<Void>> helpers = new ArrayList<>();
        for (int k = 0; k < Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1); k++) {
            helpers.add(run(share));
        }
        Throwable first = null;
        try {
            share.run();
        } catch (RuntimeException | Error e) {
            first = e;
        }
        for (Background<Void> h : helpers) {
            try {
                h.join();
            } catch (RuntimeException | Error e) {
                first = first == null ? e : first;
            }
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    /** Runs {@code spare} to its end, on this thread and the pool's workers at once. */
    public static void drain(Spare spare) {
        forEachIndex(ForkJoinPool.getCommonPoolParallelism() + 1, new IntConsumer() {
            @Override
            public void accept(int i) {
                while (spare.step()) {
                    // the next step
                }
            }
        });
    }

    /** {@link #join()}, running steps of {@code spare} while the work is not done. */
    public T join(Spare spare) {
        while (!task.isDone() && spare.step()) {
            // the work is still running on the pool's worker
        }
        return join();
    }

    /** The result; the work's own exception (not a copy, not wrapped) if it failed. */
    public T join() {
        Outcome<T> o = await(task);
        if (o.failure() instanceof RuntimeException r) {
            throw r;
        }
        if (o.failure() instanceof Error e) {
            throw e;
        }
        if (o.failure() != null) {
            throw new IllegalStateException(o.failure());
        }
        return o.value();
    }

    /** {@code future}'s result, waiting for it; the work's own exception (unwrapped) if it failed. */
    public static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for background work", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
