package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
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
     * The column that the column added at position {@code addColumn} of {@code upgrade()} is placed after ({@code ADD
     * COLUMN c ... AFTER a}) when the re-run surely meets it gone there ({@link RerunSimulation#meets}: a later statement
     * of the revision dropped or renamed it); null when none is written, or it may be there.
     */
    public ObjectRef placementGone(int addColumn) {
        if (!(upgrade.get(addColumn) instanceof Operation.AddColumn add) || add.after() == null) {
            return null;
        }
        ObjectRef added = claimed(add);
        if (added == null || added.kind() != ObjectKind.COLUMN || added.table() == null) {
            return null;
        }
        RerunSimulation.Question q = new RerunSimulation.Question(addColumn,
                ObjectRef.in(ObjectKind.COLUMN, added.table(), add.after()));
        return meets(List.of(q)).get(q) == Presence.ABSENT ? q.object() : null;
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
