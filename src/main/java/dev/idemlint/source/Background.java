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
    private final ForkJoinTask<T> task;

    private Background(ForkJoinTask<T> task) {
        this.task = task;
    }

    public static <T> Background<T> start(Callable<T> work) {
        return new Background<>(ForkJoinPool.commonPool().submit(work));
    }

    public static Background<Void> run(Runnable work) {
        return start(() -> {
            work.run();
            return null;
        });
    }

    /** The result; the work's own exception (not a copy, not wrapped) if it failed. */
    public T join() {
        return await(task);
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
