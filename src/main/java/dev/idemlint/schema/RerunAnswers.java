package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What the re-run check ({@link RerunSimulation}) answers of one revision's {@code upgrade()} beyond the verdicts
 * on its operations ({@link dev.idemlint.migration.RerunVerdicts}), for the re-run rules, which their context hands
 * it: the statements the re-run trips on, the inserts whose rows it meets, the columns it moves before an added one,
 * what it meets of an object at a statement. Asked of the statements as the revision's model holds them, with names
 * no convention gives ({@link Effects.Naming#UNKNOWN}); each answer about every statement is worked out once, when
 * first asked.
 */
public final class RerunAnswers {
    private final List<Operation> upgrade;
    private final Effects.Naming naming;
    private List<RerunSimulation.Failure> conflicts;
    private Set<Integer> rowsMet;
    private Map<Integer, ObjectRef> movedBefore;

    private RerunAnswers(List<Operation> upgrade, Effects.Naming naming) {
        this.upgrade = upgrade;
        this.naming = naming;
    }

    /** The answers about {@code upgrade}, a revision's {@code upgrade()} operations. */
    public static RerunAnswers of(List<Operation> upgrade) {
        return of(upgrade, false);
    }

    /**
     * The answers about {@code upgrade} on a server where a unique key is the index of its name when
     * {@code uniqueKeyIsIndex} ({@code ServerFacts#uniqueKeyIsIndex}).
     */
    public static RerunAnswers of(List<Operation> upgrade, boolean uniqueKeyIsIndex) {
        return new RerunAnswers(upgrade, Effects.Naming.UNKNOWN.uniqueKeyIsIndex(uniqueKeyIsIndex));
    }

    /** Each statement that fails when the revision runs again on the schema it left, and what it trips on, in order. */
    public synchronized List<RerunSimulation.Failure> conflicts() {
        if (conflicts == null) {
            conflicts = RerunSimulation.failures(upgrade, naming);
        }
        return conflicts;
    }

    /**
     * Each statement before position {@code committed} of {@code upgrade()} that fails, and what it trips on, when a
     * first run stopped at {@code committed} with every statement before it committed and the revision runs again
     * ({@link RerunSimulation#failuresAfterStop}).
     */
    public List<RerunSimulation.Failure> conflictsAfterStop(int committed) {
        return RerunSimulation.failuresAfterStop(upgrade, naming, committed);
    }

    /**
     * Whether the insert at position {@code insert} of {@code upgrade()} meets the rows it put in on the first run
     * when the revision runs again ({@link RerunSimulation#rowsMet}).
     */
    public synchronized boolean rowsMet(int insert) {
        if (rowsMet == null) {
            rowsMet = RerunSimulation.rowsMet(upgrade, naming, positions(Operation.Insert.class));
        }
        return rowsMet.contains(insert);
    }

    /**
     * The column the re-run has moved before the column added at position {@code addColumn} of {@code upgrade()}
     * ({@link RerunSimulation#columnsMovedBefore}); null when none.
     */
    public synchronized ObjectRef columnMovedBefore(int addColumn) {
        if (movedBefore == null) {
            movedBefore = RerunSimulation.columnsMovedBefore(upgrade, naming,
                    positions(Operation.AddColumn.class));
        }
        return movedBefore.get(addColumn);
    }

    /**
     * A column that a clause of the SQL statement holding position {@code at} of {@code upgrade()} names and the re-run
     * surely meets gone where the statement starts ({@link RerunSimulation#meets}): a column renamed ({@code CHANGE
     * a b}, {@code RENAME COLUMN a TO b}) or placed after ({@code ADD COLUMN c ... AFTER a}), in clause order; null when
     * none, or each may be there. MySQL and MariaDB resolve these for the whole statement before they compare new names
     * ({@link dev.idemlint.migration.ServerFacts#statementColumnMissing}).
     */
    public ObjectRef statementColumnGone(int at) {
        OpSite site = upgrade.get(at).site();
        int first = at;
        while (first > 0 && RerunSimulation.sameStatement(upgrade.get(first - 1).site(), site)) {
            first--;
        }
        List<RerunSimulation.Question> asked = new ArrayList<>();
        for (int j = first; j < upgrade.size() && (j == at || RerunSimulation.sameStatement(upgrade.get(j).site(), site));
                j++) {
            ObjectRef named = namedColumn(upgrade.get(j));
            if (named != null) {
                asked.add(new RerunSimulation.Question(first, named));
            }
        }
        if (asked.isEmpty()) {
            return null;
        }
        Map<RerunSimulation.Question, Presence> met = meets(asked);
        return asked.stream().filter(q -> met.get(q) == Presence.ABSENT).map(RerunSimulation.Question::object)
                .findFirst().orElse(null);
    }

    /** The column clause {@code op} needs there: a column rename's old name, an added column's {@code AFTER}; or null. */
    private ObjectRef namedColumn(Operation op) {
        if (op instanceof Operation.Rename r && r.kind() == ObjectKind.COLUMN && r.from() != null) {
            ObjectRef from = claimed(r);
            return from != null && from.kind() == ObjectKind.COLUMN ? from : null;
        }
        if (op instanceof Operation.AddColumn add && add.after() != null) {
            ObjectRef added = claimed(add);
            return added == null || added.kind() != ObjectKind.COLUMN || added.table() == null ? null
                    : ObjectRef.in(ObjectKind.COLUMN, added.table(), add.after());
        }
        return null;
    }

    /** What the re-run meets of each question's object just before the question's statement ({@link RerunSimulation#meets}). */
    public Map<RerunSimulation.Question, Presence> meets(Collection<RerunSimulation.Question> questions) {
        return RerunSimulation.meets(upgrade, naming, questions);
    }

    /**
     * Whether a re-run claim on the statement at {@code at} stands when the one at {@code failing} surely fails on
     * the revision's first run ({@link RerunSimulation#claimStands}; {@code transactional}: the revision's DDL runs
     * in one transaction).
     */
    public boolean claimStands(int failing, int at, boolean transactional) {
        return RerunSimulation.claimStands(upgrade, failing, at, transactional);
    }

    /** The object a re-run rule's claim about {@code op} is about: what its first effect decides; null when none. */
    public ObjectRef claimed(Operation op) {
        return RerunSimulation.claimed(op, naming);
    }

    private List<Integer> positions(Class<? extends Operation> kind) {
        return IntStream.range(0, upgrade.size()).filter(i -> kind.isInstance(upgrade.get(i))).boxed().toList();
    }
}
