package dev.idemlint.schema;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.source.Span;

/**
 * What the timeline tells of an object created more than once: whether the first creation surely left it in place
 * before the second, and a creation on a branch merged with the other's.
 */
public final class CreationPaths {
    private CreationPaths() {
    }

    /** Where a statement stands in its revision's {@code upgrade()}, as the file's layout tells. */
    public interface Placement {
        /** Directly in the body of {@code upgrade()}: under no {@code if}, loop, {@code try} or {@code with}. */
        boolean unconditional(Span statement);

        /** As {@link #unconditional}, or in the body of one {@code if} standing so. */
        boolean unconditionalUnderOneIf(Span statement);
    }

    /** Whether {@code c} makes an enum type: the CREATE TYPE a table emits, or a statement of its own. */
    public static boolean makesEnumType(Creation c) {
        return c.via() == Creation.Via.TABLE_EVENT || c.operation() instanceof Operation.CreateEnumType;
    }

    /**
     * A creation of the same object on a branch that is neither before nor after {@code c} but is
     * merged with it later, so both run on one database; it comes first in walk order (the finding
     * goes on the later one). Null when there is none.
     */
    public static Creation onMergedBranch(SchemaTimeline t, Creation c, Settings s) {
        if (!c.migration().verdicts().definite(c.operation())) {
            return null;
        }
        Boolean threatened = null; // asked once, when a creation on another branch makes it matter
        for (Creation d : t.creationsOf(c)) {
            if (d == c) {
                break; // only earlier ones in walk order
            }
            Migration a = d.migration();
            Migration b = c.migration();
            if (a == b || t.isAncestor(a, b) || t.isAncestor(b, a) || !d.effective(s)) {
                continue;
            }
            if (threatened == null) {
                threatened = t.threatened(c.key(), c.migration(), c.index());
            }
            if (threatened) {
                return null;
            }
            Creation live = t.certainlyExisting(c.key(), a, Integer.MAX_VALUE, s);
            if (live != null && live.migration() == a && t.mergeOf(a, b) != null) {
                return live;
            }
        }
        return null;
    }

    /**
     * True when {@code first} surely left the type in place before {@code c}: it runs whenever its
     * revision runs (not in a helper, loop, {@code if} or {@code try}; no guard but a DO block
     * swallowing the duplicate), and nothing unreadable runs before operation {@code index} of
     * {@code m} that might drop it.
     */
    public static boolean everyPath(SchemaTimeline t, Creation first, Migration m, int index, Placement place) {
        OpSite site = first.operation().site();
        // a statement the re-run check settled runs as a guarded one would, for this question
        boolean settled = first.migration().verdicts().settled(first.operation());
        boolean guardOk = !settled && (Guard.protectsNothing(site.guard())
                || site.guard().kind() == GuardKind.DO_BLOCK_EXCEPTION);
        // `if not has_table(t): create_table(t, ...enum...)`: the type is there after it either way (the
        // table that uses it exists), as long as the if is the only condition around the statement.
        boolean createGuarded = (settled || site.guard() != null)
                && GuardMatch.guarded(first.migration(), first.operation())
                && (settled || site.guard().kind() != GuardKind.DO_BLOCK_EXCEPTION)
                && first.operation() instanceof Operation.CreateTable;
        return !site.indirect() && !t.opaqueBefore(m, index, ObjectKind.TYPE)
                && (guardOk && place.unconditional(site.statement())
                        || createGuarded && place.unconditionalUnderOneIf(site.statement()));
    }
}
