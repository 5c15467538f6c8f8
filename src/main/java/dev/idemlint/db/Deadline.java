package dev.idemlint.db;

import java.time.Duration;

/**
 * A session's one deadline, covering the connection and every statement: the {@code --timeout} budget from
 * the moment the session starts to connect. When it passes, the run stops with a
 * {@link LiveDatabase.DeadlineExceeded} that names what it was doing.
 */
final class Deadline {
    private static final String LOCK_HINT = " (a table locked by another session makes each read wait for its lock)";

    private final Duration budget;
    private final long end;

    Deadline(Duration budget) {
        this.budget = budget;
        this.end = System.nanoTime() + budget.toNanos();
    }

    /** The budget in whole seconds, rounded up. */
    long budgetSeconds() {
        return (budget.toMillis() + 999) / 1000;
    }

    /** Milliseconds left before the deadline (negative once it passed). */
    long remainingMillis() {
        return (end - System.nanoTime()) / 1_000_000;
    }

    /** After a failed connection: the run stops when the deadline is what stopped it. */
    void afterConnecting(String target) {
        if (System.nanoTime() - end >= 0) {
            throw new LiveDatabase.DeadlineExceeded(ranOut("connecting to " + target));
        }
    }

    /** Before a statement: the milliseconds left; the run stops when there are none. */
    long beforeStatement(String doing) {
        long left = remainingMillis();
        if (left <= 0) {
            throw new LiveDatabase.DeadlineExceeded(ranOut(doing) + LOCK_HINT);
        }
        return left;
    }

    /** After a failed statement: the run stops when the deadline is what stopped the statement. */
    void afterFailure(String doing) {
        if (remainingMillis() <= 0) {
            throw new LiveDatabase.DeadlineExceeded(ranOut(doing) + LOCK_HINT);
        }
    }

    private String ranOut(String doing) {
        return "the --timeout of " + budgetSeconds() + " s ran out while " + doing;
    }
}
