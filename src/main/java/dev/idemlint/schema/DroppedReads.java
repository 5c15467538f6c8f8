package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The literal reads before the drops of a revision whose whole upgrade commits at once (PostgreSQL), each with what
 * the re-run meets there ({@link RerunAnswers#meets}): a read fails only on an object the simulation leaves absent
 * at the read, never on one it leaves present or unknown. The reads are {@link CommittedRerun}'s.
 */
public final class DroppedReads {
    private final List<Operation> upgrade;
    private final CommittedRerun rerun;
    private final RerunAnswers answers;
    private final Map<Operation, Integer> index;
    private final Map<DropKey, Map<ObjectRef, List<Integer>>> drops;
    private final Map<RerunSimulation.Question, Presence> meets;

    private DroppedReads(List<Operation> upgrade, CommittedRerun rerun, RerunAnswers answers,
            Map<Operation, Integer> index, Map<DropKey, Map<ObjectRef, List<Integer>>> drops,
            Map<RerunSimulation.Question, Presence> meets) {
        this.upgrade = upgrade;
        this.rerun = rerun;
        this.answers = answers;
        this.index = index;
        this.drops = drops;
        this.meets = meets;
    }

    /** The reads of {@code upgrade} before its drops, asked of the re-run once for all of them. */
    public static DroppedReads of(List<Operation> upgrade, CommittedRerun rerun, RerunAnswers answers) {
        Map<Operation, Integer> index = new IdentityHashMap<>();
        Map<DropKey, Map<ObjectRef, List<Integer>>> drops = new HashMap<>();
        for (int i = 0; i < upgrade.size(); i++) {
            Operation o = upgrade.get(i);
            index.put(o, i);
            DropKey key = o instanceof Operation.Drop t ? DropKey.of(t) : null;
            ObjectRef object = key == null ? null : answers.claimed(o);
            if (object != null) {
                drops.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(object, k -> new ArrayList<>()).add(i);
            }
        }
        DroppedReads blank = new DroppedReads(upgrade, rerun, answers, index, drops, Map.of());
        List<RerunSimulation.Question> asked = new ArrayList<>();
        Set<Operation> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int at = 0; at < upgrade.size(); at++) {
            if (upgrade.get(at) instanceof Operation.Drop d && d.name() != null) {
                Operation o = blank.readBefore(d, at);
                if (o == null) {
                    continue;
                }
                blank.ask(o, d, asked);
                if (seen.add(o)) {
                    blank.droppedAfter(o).forEach(t -> blank.ask(o, t, asked));
                }
            }
        }
        return new DroppedReads(upgrade, rerun, answers, index, drops, asked.isEmpty() ? Map.of() : answers.meets(asked));
    }

    private void ask(Operation read, Operation.Drop d, List<RerunSimulation.Question> asked) {
        ObjectRef object = answers.claimed(d);
        if (object != null) {
            asked.add(new RerunSimulation.Question(index.get(read), object));
        }
    }

    /** The literal read at or before index {@code at} that opens the table {@code d} drops or names its column. */
    public Operation readBefore(Operation.Drop d, int at) {
        return d.kind() == ObjectKind.TABLE ? rerun.tableReadBefore(d.name(), at, d.site().phase())
                : d.kind() == ObjectKind.COLUMN && d.table() != null
                        ? rerun.columnReadBefore(d.table(), d.name(), at, d.site().phase()) : null;
    }

    /**
     * Whether {@code read} is a statement that alters a column ({@link CommittedRerun#requirement}) rather than one
     * that reads data: it fails on the re-run all the same, and nothing it reads feeds later code.
     */
    public boolean requirement(Operation read) {
        return rerun.requirement(read);
    }

    /** The re-run meets what {@code d} drops absent at {@code read}. */
    public boolean gone(Operation read, Operation.Drop d) {
        ObjectRef object = answers.claimed(d);
        return object != null
                && meets.get(new RerunSimulation.Question(index.get(read), object)) == Presence.ABSENT;
    }

    /**
     * The drops after {@code read}, in its phase and in order, of tables it opens and of columns it names: of
     * each object the first only, as the re-run meets every later drop of it the same way at the read. Read
     * from the read's own names, so that many reads before many drops stay linear.
     */
    public List<Operation.Drop> droppedAfter(Operation read) {
        int at = index.get(read);
        Phase phase = read.site().phase();
        TreeMap<Integer, Operation.Drop> out = new TreeMap<>();
        for (String t : rerun.tablesOpened(read)) {
            firstAfter(drops.get(new DropKey(phase, CommittedRerun.tableRef(t))), at, out);
        }
        for (ObjectRef c : rerun.columnsNamed(read)) {
            firstAfter(drops.get(new DropKey(phase, c)), at, out);
        }
        return new ArrayList<>(out.values());
    }

    /** Whether the column {@code a} is named before the column {@code b} in {@code read}. */
    public boolean namedBefore(Operation read, Operation.Drop a, Operation.Drop b) {
        return rerun.offsetOf(read, a.table(), a.name()) < rerun.offsetOf(read, b.table(), b.name());
    }

    private void firstAfter(Map<ObjectRef, List<Integer>> byObject, int at, Map<Integer, Operation.Drop> out) {
        if (byObject == null) {
            return;
        }
        for (List<Integer> dropsOf : byObject.values()) {
            int i = Collections.binarySearch(dropsOf, at + 1);
            i = i >= 0 ? i : -i - 1;
            if (i < dropsOf.size()) {
                out.put(dropsOf.get(i), (Operation.Drop) upgrade.get(dropsOf.get(i)));
            }
        }
    }

    /** A dropped table or column, named as reads name it ({@code CommittedRerun}), in its phase. */
    private record DropKey(Phase phase, ObjectRef object) {
        static DropKey of(Operation.Drop t) {
            if (t.name() == null) {
                return null;
            }
            return t.kind() == ObjectKind.TABLE
                    ? new DropKey(t.site().phase(), CommittedRerun.tableRef(t.name()))
                    : t.kind() == ObjectKind.COLUMN && t.table() != null
                            ? new DropKey(t.site().phase(), CommittedRerun.columnRef(t.table(), t.name()))
                            : null;
        }
    }
}
