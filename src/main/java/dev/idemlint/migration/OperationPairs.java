package dev.idemlint.migration;

import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Drop-then-create pairs inside one revision re-run cleanly: {@code DROP TRIGGER IF EXISTS t ON x;
 * CREATE TRIGGER t ...} creates a trigger that the re-run drops first, and a plain drop followed by
 * a re-create finds the object again on the re-run. So does a drop of something the same revision
 * created before it. Marks the protected halves as guarded.
 */
public final class OperationPairs {
    private OperationPairs() {
    }

    /** The object an operation creates or drops: kind, name and (for columns, constraints...) table. */
    record Key(ObjectKind kind, String name, String table) {
        /** Same kind and name, and for an object living in a table the same table, or an unknown one. */
        boolean matches(Key o) {
            if (kind != o.kind || name == null || !name.equals(o.name)) {
                return false;
            }
            return !tableScoped(kind) || table == null || o.table == null || Objects.equals(table, o.table);
        }
    }

    private static boolean tableScoped(ObjectKind kind) {
        return kind == ObjectKind.COLUMN || kind == ObjectKind.CONSTRAINT || kind == ObjectKind.TRIGGER
                || kind == ObjectKind.POLICY || kind == ObjectKind.RULE;
    }

    /**
     * The position of the operation last put for each key, answering "the nearest one that
     * {@link Key#matches matches}" with two hash lookups instead of a scan: matching keys share kind and
     * name, and then either have the same table, or one of them has none.
     */
    private static final class Seen {
        /** By kind, name and table (no table for objects that do not live in one, or when it is unknown). */
        private final Map<Key, Integer> exact = new HashMap<>();
        /** By kind and name alone, for objects that live in a table: the match of an unknown table. */
        private final Map<Key, Integer> anyTable = new HashMap<>();

        void put(Key k, int position) {
            boolean scoped = tableScoped(k.kind());
            exact.put(new Key(k.kind(), k.name(), scoped ? k.table() : null), position);
            if (scoped) {
                anyTable.put(new Key(k.kind(), k.name(), null), position);
            }
        }

        /**
         * The position put last for a key matching {@code k}, or -1: with {@code latest} the greatest
         * (positions were put in increasing order), else the least (put in decreasing order).
         */
        int nearest(Key k, boolean latest) {
            Key untabled = new Key(k.kind(), k.name(), null);
            if (!tableScoped(k.kind())) {
                return exact.getOrDefault(untabled, -1);
            }
            if (k.table() == null) {
                return anyTable.getOrDefault(untabled, -1);
            }
            int same = exact.getOrDefault(k, -1);
            int unknown = exact.getOrDefault(untabled, -1);
            if (same < 0 || unknown < 0) {
                return Math.max(same, unknown);
            }
            return latest ? Math.max(same, unknown) : Math.min(same, unknown);
        }
    }

    static Key created(Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return new Key(ObjectKind.COLUMN, a.column().name(), a.table());
        } else if (op instanceof Operation.CreateTable t) {
            return new Key(ObjectKind.TABLE, t.table(), null);
        } else if (op instanceof Operation.CreateIndex i) {
            return new Key(ObjectKind.INDEX, i.name(), i.table());
        } else if (op instanceof Operation.AddConstraint c) {
            return new Key(ObjectKind.CONSTRAINT, c.name(), c.table());
        } else if (op instanceof Operation.CreateEnumType e) {
            return new Key(ObjectKind.TYPE, e.name(), null);
        } else if (op instanceof Operation.CreateObject o) {
            return new Key(o.kind(), o.name(), o.table());
        }
        return null;
    }

    public static List<Operation> protect(List<Operation> ops) {
        List<Operation> out = new ArrayList<>(ops);
        // CREATE TABLE IF NOT EXISTS tmp ...; DROP TABLE tmp: the re-run creates it again before the drop.
        // Walking forward, each drop looks at the nearest earlier drop of its object and the nearest
        // earlier creation in its phase: the creation protects it when it is the later of the two.
        Seen drops = new Seen();
        Map<Phase, Seen> creations = new EnumMap<>(Phase.class);
        for (int i = 0; i < out.size(); i++) {
            Operation op = out.get(i);
            Key made = created(op);
            if (made != null && made.name() != null) {
                creations.computeIfAbsent(op.site().phase(), p -> new Seen()).put(made, i);
            }
            if (!(op instanceof Operation.Drop d) || d.name() == null) {
                continue;
            }
            Key dropped = new Key(d.kind(), d.name(), d.table());
            if (Guard.protectsNothing(d.site().guard())) {
                Seen sameRun = creations.get(d.site().phase());
                int c = sameRun == null ? -1 : sameRun.nearest(dropped, true);
                if (c >= 0 && c > drops.nearest(dropped, true)) {
                    out.set(i, d.withSite(d.site().withGuard(Guard.of(GuardKind.RECREATED_LATER,
                            out.get(c).site().span(), "created earlier in this revision"))));
                }
            }
            drops.put(dropped, i);
        }
        // A drop followed by a creation of the same object in the same phase: the re-run drops what
        // the first run created. Walking backward finds each drop's nearest later creation; the pairs are
        // then marked in operation order, so that the first drop before a creation is the one it names.
        int[] recreatedAt = new int[out.size()];
        Arrays.fill(recreatedAt, -1);
        creations.clear();
        for (int i = out.size() - 1; i >= 0; i--) {
            Operation op = out.get(i);
            Key made = created(op);
            if (made != null && made.name() != null) {
                creations.computeIfAbsent(op.site().phase(), p -> new Seen()).put(made, i);
            }
            if (op instanceof Operation.Drop d && d.name() != null) {
                Seen sameRun = creations.get(d.site().phase());
                recreatedAt[i] = sameRun == null ? -1 : sameRun.nearest(new Key(d.kind(), d.name(), d.table()), false);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            int j = recreatedAt[i];
            if (j < 0) {
                continue;
            }
            Operation.Drop d = (Operation.Drop) out.get(i);
            Operation later = out.get(j);
            Span where = d.site().span();
            if (Guard.protectsNothing(later.site().guard())) {
                out.set(j, later.withSite(later.site().withGuard(Guard.of(GuardKind.DROPPED_FIRST, where,
                        "dropped earlier in this revision"))));
            }
            if (Guard.protectsNothing(d.site().guard())) {
                out.set(i, d.withSite(d.site().withGuard(Guard.of(GuardKind.RECREATED_LATER,
                        later.site().span(), "created again later in this revision"))));
            }
        }
        return out;
    }
}
