package dev.idemlint.migration;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the re-run check ({@code schema/RerunSimulation}) decided of a revision's operations, when the revision
 * runs again on the schema it left behind: each operation is {@link Kind#CLEAN clean} (proven to succeed),
 * {@link Kind#UNKNOWN unknown} (the object it would claim is in a state the check cannot know there, so no re-run
 * rule claims it), {@link Kind#FAILS fails} with a {@link RerunFailure conflict} the statement alone does not
 * suggest, or undecided ({@link #of} null), where each re-run rule's own claim of the statement stands.
 *
 * <p>Carried by the {@link Migration} whose operations it is about, bound to that list by position: an operation
 * is looked up by identity, so a verdict is asked with the very operation the migration holds.
 */
public final class RerunVerdicts {
    /** Which way the re-run check decided an operation. */
    public enum Kind {
        /** Proven to re-run cleanly on the schema the revision leaves behind. */
        CLEAN,
        /** Its object is in a state the re-run check cannot know where the re-run reaches it: nothing is claimed. */
        UNKNOWN,
        /** Surely fails on the re-run, on {@link Verdict#conflict}. */
        FAILS
    }

    /** One operation's verdict; {@code conflict} is set exactly when {@code kind} is {@link Kind#FAILS}. */
    public record Verdict(Kind kind, RerunFailure conflict) {
        public static final Verdict CLEAN = new Verdict(Kind.CLEAN, null);
        public static final Verdict UNKNOWN = new Verdict(Kind.UNKNOWN, null);

        public Verdict {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.FAILS) != (conflict != null)) {
                throw new IllegalArgumentException("a conflict goes with FAILS and only with it: " + kind);
            }
        }

        /** The verdict of an operation that fails on the re-run with {@code conflict}. */
        public static Verdict fails(RerunFailure conflict) {
            return new Verdict(Kind.FAILS, Objects.requireNonNull(conflict, "conflict"));
        }
    }

    /** No operation decided: every re-run rule's own claim stands. */
    public static final RerunVerdicts NONE = new RerunVerdicts(List.of(), new Verdict[0]);

    private final List<Operation> ops;
    /** By position in {@link #ops}; null: undecided. */
    private final Verdict[] byPosition;
    private final Map<Operation, Verdict> byOperation;

    private RerunVerdicts(List<Operation> ops, Verdict[] byPosition) {
        this.ops = ops;
        this.byPosition = byPosition;
        Map<Operation, Verdict> by = new IdentityHashMap<>();
        for (int i = 0; i < byPosition.length; i++) {
            if (byPosition[i] != null) {
                by.put(ops.get(i), byPosition[i]);
            }
        }
        this.byOperation = by;
    }

    /** The verdicts {@code byPosition} (null: undecided) of {@code ops}, position by position. */
    public static RerunVerdicts of(List<Operation> ops, List<Verdict> byPosition) {
        if (ops.size() != byPosition.size()) {
            throw new IllegalArgumentException(ops.size() + " operations, " + byPosition.size() + " verdicts");
        }
        boolean any = false;
        for (Verdict v : byPosition) {
            any |= v != null;
        }
        return any ? new RerunVerdicts(ops, byPosition.toArray(new Verdict[0])) : NONE;
    }

    /**
     * The same verdicts for {@code same}: the operations of the same revision, position by position (an operation
     * renamed by the naming convention, a guard resolved). {@link #NONE} when {@code same} has other positions.
     */
    public RerunVerdicts on(List<Operation> same) {
        if (this == NONE || same == ops) {
            return this;
        }
        return same.size() == byPosition.length ? new RerunVerdicts(same, byPosition) : NONE;
    }

    /** The verdicts position by position (null: undecided), as {@link #of} takes them; empty for {@link #NONE}. */
    public List<Verdict> byPosition() {
        return Collections.unmodifiableList(Arrays.asList(byPosition.clone()));
    }

    /** The verdict of {@code op}, one of the operations these verdicts are bound to; null when undecided. */
    public Verdict of(Operation op) {
        return byOperation.isEmpty() ? null : byOperation.get(op);
    }

    /** The conflict {@code op} surely fails on when the revision runs again; null when it is not known to fail. */
    public RerunFailure failure(Operation op) {
        Verdict v = of(op);
        return v == null ? null : v.conflict();
    }

    /**
     * Whether the re-run check settled {@code op} without a failure: proven clean, or left unknown. A re-run rule
     * claims neither.
     */
    public boolean settled(Operation op) {
        Verdict v = of(op);
        return v != null && v.kind() != Kind.FAILS;
    }

    /** The same verdicts at the same positions (the operations are the {@link Migration}'s to compare). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RerunVerdicts v && Arrays.equals(byPosition, v.byPosition);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(byPosition);
    }

    /**
     * Whether {@code op} runs whenever its revision runs and the re-run check left it to the rules
     * ({@link OpSite#definite}, and not {@link #settled}): a first-run claim needs this.
     */
    public boolean definite(Operation op) {
        return op.site().definite() && !settled(op);
    }

    /** Whether {@code op} is proven to re-run cleanly. */
    public boolean clean(Operation op) {
        Verdict v = of(op);
        return v != null && v.kind() == Kind.CLEAN;
    }
}
