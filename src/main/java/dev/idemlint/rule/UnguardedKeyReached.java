package dev.idemlint.rule;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * PostgreSQL names an unnamed foreign key or unique constraint itself and, that name being taken, adds the copy under
 * the name with a digit appended: a re-run that reaches such a call passes it and leaves a second constraint. The
 * re-run reaches it once every statement before it tolerates a re-run (MySQL and MariaDB give an unnamed foreign key a
 * fresh {@code _ibfk_N} name alike). When the unnamed key's own finding carries no fix the run applies, the fixes of
 * the re-run claims before it are shown, not applied: the unfixed re-run stops at the first of them (on PostgreSQL it
 * rolls back), where the fixed one would go on and add the copy.
 */
final class UnguardedKeyReached {
    private UnguardedKeyReached() {
    }

    /**
     * {@code found}, the findings of revision {@code m}, with the applicable fixes of each re-run claim
     * ({@code rerunClaim} of the rule) before the first unnamed key left unguarded turned into suggestions, in the
     * order given.
     */
    static List<Diagnostic> withheld(Migration m, List<Diagnostic> found, Predicate<String> rerunClaim) {
        List<Operation> ops = m.upgrade();
        int key = -1;
        for (Diagnostic d : found) {
            if (d.step() >= 0 && d.step() < ops.size()
                    && (key < 0 || d.step() < key) && rerunClaim.test(d.rule()) && !d.hasAppliedFix()
                    && ops.get(d.step()) instanceof Operation.AddConstraint c && unguardedUnnamed(c)) {
                key = d.step();
            }
        }
        if (key < 0) {
            return found;
        }
        List<Diagnostic> out = null;
        for (int i = 0; i < found.size(); i++) {
            Diagnostic d = found.get(i);
            if (d.step() >= 0 && d.step() < key && rerunClaim.test(d.rule()) && d.hasAppliedFix()) {
                if (out == null) {
                    out = new ArrayList<>(found);
                }
                out.set(i, shown(d, (Operation.AddConstraint) ops.get(key), m));
            }
        }
        return out == null ? found : out;
    }

    /**
     * An unnamed foreign key or unique constraint nothing guards: the database names each copy afresh. A key under a
     * guard (its fix applied), or one whose op call passes a name computed at run time, is made once.
     */
    private static boolean unguardedUnnamed(Operation.AddConstraint c) {
        boolean opCall = c.site().origin().alembicOp();
        return c.name() == null && !c.site().guarded()
                && (c.kind() == ConstraintKind.FOREIGN_KEY || c.kind() == ConstraintKind.UNIQUE)
                && (!opCall || ConstraintNames.passesNoName(c.site()));
    }

    /** {@code d} with its fixes as suggestions, the help naming the unnamed key the re-run would add again. */
    private static Diagnostic shown(Diagnostic d, Operation.AddConstraint key, Migration m) {
        int line = m.source().lines().line(key.site().span().start());
        String why = "the re-run would go on to add the unnamed "
                + (key.kind() == ConstraintKind.FOREIGN_KEY ? "foreign key" : "unique constraint")
                + (key.table() == null ? "" : " on \"" + key.table() + "\"") + " (run from line " + line
                + ") a second time, its guard not applied";
        return d.withFixesWithheld(why);
    }
}
