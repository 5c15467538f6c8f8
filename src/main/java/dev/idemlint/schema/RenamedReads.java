package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.RerunVerdicts;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads of a table or column that a later rename of the same revision moves away, which the re-run meets with
 * the old name gone: the reads are {@link CommittedRerun#ofPostgres}'s (literal SQL and SQLAlchemy Core statements,
 * read in full on every server), the presence at the read is {@link RerunAnswers#meets}' (the state the first run
 * left, replayed up to the read), and both statements run whenever the revision does: unguarded and definite.
 */
public final class RenamedReads {
    private RenamedReads() {
    }

    /** A read and the rename after it whose old name it reads. */
    public record Pair(Operation read, Operation.Rename rename) {
    }

    /** The certain reads of a name that a later certain rename of the revision moves away, met gone on the re-run. */
    public static List<Pair> of(List<Operation> upgrade, RerunVerdicts verdicts, RerunAnswers answers) {
        CommittedRerun rerun = null;
        Map<Operation, Integer> index = new IdentityHashMap<>();
        List<Pair> pairs = new ArrayList<>();
        List<RerunSimulation.Question> questions = new ArrayList<>();
        for (int at = 0; at < upgrade.size(); at++) {
            index.put(upgrade.get(at), at);
            if (!(upgrade.get(at) instanceof Operation.Rename r) || !verdicts.definite(r) || r.ifExists()
                    || r.from() == null
                    || r.kind() != ObjectKind.TABLE && (r.kind() != ObjectKind.COLUMN || r.table() == null)) {
                continue;
            }
            // the full reading on MySQL and MariaDB too: a read of a renamed column fails there with 1054, of a
            // renamed table with 1146, whatever statement reads it (MysqlFactsTableTest)
            rerun = rerun == null ? CommittedRerun.ofPostgres(upgrade, verdicts) : rerun;
            Operation read = r.kind() == ObjectKind.TABLE ? rerun.tableReadBefore(r.from(), at, r.site().phase())
                    : rerun.columnReadBefore(r.table(), r.from(), at, r.site().phase());
            ObjectRef old = answers.claimed(r);
            // an insert whose own table the engine found gone at it is insert-not-idempotent's finding, one per statement
            boolean insertIntoGone = read instanceof Operation.Insert && verdicts.failure(read) != null;
            if (read != null && read != r && verdicts.definite(read) && old != null && !insertIntoGone) {
                pairs.add(new Pair(read, r));
                questions.add(new RerunSimulation.Question(index.get(read), old));
            }
        }
        if (pairs.isEmpty()) {
            return pairs;
        }
        Map<RerunSimulation.Question, Presence> meets = answers.meets(questions);
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (meets.get(questions.get(i)) == Presence.ABSENT) {
                out.add(pairs.get(i));
            }
        }
        return out;
    }

    /**
     * Per rename of the revision, the first read of its old name that the re-run meets with the name gone. A guard
     * on such a rename cannot make the revision re-runnable: it skips the rename on the re-run, and the read before
     * it still fails; it also makes the rename conditional.
     */
    public static Map<Operation.Rename, Operation> byRename(List<Operation> upgrade, RerunVerdicts verdicts,
            RerunAnswers answers) {
        Map<Operation.Rename, Operation> out = new IdentityHashMap<>();
        for (Pair p : of(upgrade, verdicts, answers)) {
            out.putIfAbsent(p.rename(), p.read());
        }
        return out;
    }
}
