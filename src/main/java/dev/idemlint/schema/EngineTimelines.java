package dev.idemlint.schema;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A multidb chain's timeline: one {@link DatabaseTimeline} per engine ({@link dev.idemlint.migration.OpSite#engine()};
 * null: the timeline of every operation, which answers for an operation of no engine), each holding that database's
 * creations only. The same table name in two engines is two tables: each question about an operation is answered by
 * its engine's timeline, and a point no one database answers ({@link #engineAt}) gets no claim.
 */
final class EngineTimelines extends SchemaTimeline {
    private final Map<String, DatabaseTimeline> engines;

    EngineTimelines(Ancestry graph, Map<String, DatabaseTimeline> engines) {
        super(graph);
        this.engines = engines;
    }

    /**
     * The engine's timeline that answers for operation {@code index} of {@code m}: that operation's engine, or
     * the revision's one engine after its end; null when not known.
     */
    private DatabaseTimeline engineAt(Migration m, int index) {
        List<Operation> ops = m.upgrade();
        if (index >= 0 && index < ops.size()) {
            return engines.get(ops.get(index).site().engine());
        }
        String one = ops.isEmpty() ? null : ops.get(0).site().engine();
        for (Operation op : ops) {
            if (!Objects.equals(one, op.site().engine())) {
                return null;
            }
        }
        return ops.isEmpty() ? null : engines.get(one);
    }

    /** {@code lists} merged in walk order (position of the revision, then operation index). */
    private List<Creation> inWalkOrder(Function<DatabaseTimeline, List<Creation>> lists) {
        List<Creation> out = new ArrayList<>();
        for (DatabaseTimeline t : engines.values()) {
            out.addAll(lists.apply(t));
        }
        out.sort(Comparator.comparingInt((Creation c) -> graph.position(c.migration())).thenComparingInt(Creation::index));
        return out;
    }

    @Override
    public List<Creation> creations() {
        return inWalkOrder(DatabaseTimeline::creations);
    }

    @Override
    public List<Creation> creationsOf(ObjectRef key) {
        return inWalkOrder(t -> t.creationsOf(key));
    }

    @Override
    public List<Creation> creationsIn(Migration m, ObjectRef key) {
        return inWalkOrder(t -> t.creationsIn(m, key));
    }

    @Override
    public List<Creation> creationsOf(Creation c) {
        DatabaseTimeline t = engineAt(c.migration(), c.index());
        return t == null ? List.of(c) : t.creationsOf(c.key());
    }

    @Override
    public boolean opaqueBefore(Migration m, int index, ObjectKind kind) {
        DatabaseTimeline t = engineAt(m, index);
        return t == null || t.opaqueBefore(m, index, kind);
    }

    @Override
    public SchemaState before(Migration m, int index) {
        DatabaseTimeline t = engineAt(m, index);
        return t == null ? null : t.before(m, index);
    }

    @Override
    Creation existing(ObjectRef ref, Migration m, int index, Settings s, boolean sole) {
        DatabaseTimeline t = engineAt(m, index);
        return t == null ? null : t.existing(ref, m, index, s, sole);
    }

    @Override
    ObjectReplay.Held replayedBefore(ObjectRef key, Migration m, int index) {
        DatabaseTimeline t = engineAt(m, index);
        return t == null ? null : t.replayedBefore(key, m, index);
    }

    @Override
    Creation certainlyExisting(ObjectRef ref, Migration m, int index, Settings s, boolean keys) {
        DatabaseTimeline t = engineAt(m, index);
        return t == null ? null : t.certainlyExisting(ref, m, index, s, keys);
    }

    @Override
    public boolean threatened(ObjectRef key, Migration m, int index) {
        DatabaseTimeline t = engineAt(m, index);
        return t == null || t.threatened(key, m, index);
    }

    @Override
    public boolean startsFromExistingSchema(Settings s) {
        return engines.values().stream().anyMatch(t -> t.startsFromExistingSchema(s));
    }

    @Override
    public List<String> labels(QualifiedName type, Migration m, int index) {
        DatabaseTimeline t = engineAt(m, index);
        return t == null ? List.of() : t.labels(type, m, index);
    }

    @Override
    Replay.TableAt tableAt(QualifiedName name, Migration m, int index) {
        DatabaseTimeline t = engineAt(m, index);
        return t == null ? null : t.tableAt(name, m, index);
    }
}
