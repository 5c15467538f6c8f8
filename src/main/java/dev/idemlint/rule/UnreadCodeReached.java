package dev.idemlint.rule;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A re-run stops at the first statement that fails, and PostgreSQL rolls back what it did before; fixing the
 * statement lets the re-run go on to its end and commit. When the revision makes a statement-level call of code it
 * does not define (an imported helper, {@link Origin#CALL}), after the claim or before it, that claim's fix would
 * let the re-run run that code to a commit, code idemlint does not read, which may write again what the first run
 * wrote (rows with no unique key, objects under fresh names): the fix is shown, not applied, and the help says why.
 */
final class UnreadCodeReached {
    private UnreadCodeReached() {
    }

    /**
     * {@code found}, the findings of revision {@code m}, with the applicable fixes of each re-run claim
     * ({@code rerunClaim} of the rule) that a call of unread code follows in the revision's run turned into
     * suggestions, in the order given.
     */
    static List<Diagnostic> withheld(Migration m, List<Diagnostic> found, Predicate<String> rerunClaim) {
        List<Diagnostic> out = null;
        Map<Migration, int[]> calls = new IdentityHashMap<>(2);
        for (int i = 0; i < found.size(); i++) {
            Diagnostic d = withheld(m, found.get(i), rerunClaim, calls);
            if (d != found.get(i)) {
                if (out == null) {
                    out = new ArrayList<>(found);
                }
                out.set(i, d);
            }
        }
        return out == null ? found : out;
    }

    /**
     * As {@link #withheld(Migration, List, Predicate)} for findings of several revisions (the project rules'),
     * each revision by its file in {@code models}.
     */
    static List<Diagnostic> withheld(List<Diagnostic> found, Map<SourceFile, Migration>
            models, Predicate<String> rerunClaim) {
        List<Diagnostic> out = new ArrayList<>(found.size());
        Map<Migration, int[]> calls = new IdentityHashMap<>();
        for (Diagnostic d : found) {
            Migration m = models.get(d.file());
            out.add(m == null ? d : withheld(m, d, rerunClaim, calls));
        }
        return out;
    }

    /**
     * {@code d}, or it with its fixes as suggestions when a call of unread code runs after its statement;
     * {@code calls} keeps each revision's {@link #calls} for the next finding of the same revision.
     */
    private static Diagnostic withheld(Migration m, Diagnostic d, Predicate<String> rerunClaim,
            Map<Migration, int[]> calls) {
        if (d.step() < 0 || !rerunClaim.test(d.rule()) || !d.hasAppliedFix()) {
            return d;
        }
        Operation.Unknown reached = callReached(m.upgrade(), calls.computeIfAbsent(m, k -> calls(k.upgrade())),
                d.step());
        return reached == null ? d : shown(d, reached, m);
    }

    /** The positions in {@code ops} of the calls of unread code that may write, ascending. */
    static int[] calls(List<Operation> ops) {
        int[] at = new int[ops.size()];
        int n = 0;
        for (int j = 0; j < ops.size(); j++) {
            if (ops.get(j) instanceof Operation.Unknown u && mayWrite(u)) {
                at[n++] = j;
            }
        }
        return Arrays.copyOf(at, n);
    }

    /**
     * The first call of unread code after operation {@code step}, else the last one before it (which the fixed
     * re-run no longer rolls back), or null; {@code calls} is {@link #calls} of {@code ops}, searched rather than
     * {@code ops} walked, so that a revision of many findings costs a search per finding.
     */
    static Operation.Unknown callReached(List<Operation> ops, int[] calls, int step) {
        int after = Arrays.binarySearch(calls, step);
        int next = after >= 0 ? after + 1 : -after - 1; // the first call past step
        if (next < calls.length) {
            return (Operation.Unknown) ops.get(calls[next]);
        }
        int before = after >= 0 ? after - 1 : next - 1; // the last call before step
        return before >= 0 ? (Operation.Unknown) ops.get(calls[before]) : null;
    }

    /**
     * A statement-level call of a function or method named in the code (a method called on a call's result, as
     * {@code conn.execute(...).fetchall()}, is no code of a helper), other than those that end the process or
     * SQLAlchemy's {@code create_all} (which checks first).
     */
    private static boolean mayWrite(Operation.Unknown u) {
        if (u.site().origin() != Origin.CALL || !u.what().startsWith(CALL) || u.what().equals(CALL + "null")) {
            return false;
        }
        String callee = u.what().substring(CALL.length());
        String last = callee.substring(callee.lastIndexOf('.') + 1);
        int dot = callee.indexOf('.');
        String root = dot < 0 ? "" : callee.substring(0, dot);
        return !PASSIVE.contains(last) && !NO_DATABASE.contains(last) && !NO_DATABASE_MODULES.contains(root);
    }

    /**
     * Calls known to leave the database alone: a progress bar's, a file's, SQLAlchemy's and zope.sqlalchemy's
     * bookkeeping of the session, psycopg2's adapters.
     */
    private static final Set<String> NO_DATABASE = Set.of("start", "finish", "seek", "insort",
            "fromhex", "flag_modified", "mark_changed", "join_transaction", "register_adapter");

    /** Standard library modules whose functions leave the database alone. */
    private static final Set<String> NO_DATABASE_MODULES = Set.of("os", "shutil", "bisect", "json",
            "time", "random", "uuid", "bytes", "str", "re", "math", "itertools", "functools", "pathlib");

    private static final String CALL = "call to ";

    /** What ends the process rather than writing, and {@code create_all}, which creates only what is missing. */
    private static final Set<String> PASSIVE = Set.of("exit", "_exit", "quit", "abort",
            "create_all");

    /** {@code d} with its fixes as suggestions, the help saying which call the re-run would reach. */
    private static Diagnostic shown(Diagnostic d, Operation.Unknown reached, Migration m) {
        String callee = reached.what().substring(CALL.length());
        int line = m.source().lines().line(reached.site().span().start());
        String why = "the re-run would go on to its end and commit `" + callee + "(...)` (run from line " + line
                + "), code idemlint does not read, which may write again what the first run wrote";
        return d.withFixesWithheld(why);
    }
}
