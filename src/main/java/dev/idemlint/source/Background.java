package dev.idemlint.source;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;

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
        return new Background<>(ForkJoinPool.commonPool().submit(() -> {
            try {
                return new Outcome<>(work.call(), null);
            } catch (Throwable t) {
                return new Outcome<>(null, t);
            }
        }));
    }

    public static Background<Void> run(Runnable work) {
        return start(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} on this thread and on {@code helpers} pool workers at once (work that takes
     * its items from a shared counter) and returns when all are done. When a share fails, {@code stop}
     * ends the others' loops (say, by moving the counter to the end), they are waited for, and the first
     * failure is rethrown: no worker goes on with a run that has already failed.
     */
    public static void together(Runnable work, int helpers, Runnable stop) {
        java.util.List<Background<Void>> started = new java.util.ArrayList<>(helpers);
        for (int k = 0; k < helpers; k++) {
            started.add(run(work));
        }
        RuntimeException failed = null;
        Error error = null;
        try {
            work.run();
        } catch (RuntimeException e) {
            failed = e;
            stop.run();
        } catch (Error e) {
            error = e;
            stop.run();
        }
        for (Background<Void> b : started) {
            try {
                b.join();
            } catch (RuntimeException e) {
                stop.run();
                failed = failed == null && error == null ? e : failed;
            } catch (Error e) {
                stop.run();
                error = error == null && failed == null ? e : error;
            }
        }
        if (error != null) {
            throw error;
        }
        if (failed != null) {
            throw failed;
        }
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
