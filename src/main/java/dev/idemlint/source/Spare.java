package dev.idemlint.source;

/**
 * Work cut into small independent steps, for threads that would otherwise wait: the lint's two
 * threads wait for each other in its project phase (for the revision graph, for the schema timeline,
 * for the last rule), and the JSON report uses those gaps to render findings ahead of time. A step
 * is short (a fraction of a millisecond), so a thread that takes one is back before the work it
 * waits for is far along.
 */
@FunctionalInterface
public interface Spare {
    /** No spare work. */
    Spare NONE = new Spare() {
        @Override
        public boolean step() {
            return false;
        }
    };

    /** Runs the next step, if any is left; false when none was. Safe to call from several threads at once. */
    boolean step();
}
