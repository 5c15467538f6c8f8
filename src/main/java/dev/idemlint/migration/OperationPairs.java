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

    /**
     * Raw SQL that qualifies {@code name} with a part the analyzer cannot read ({@code f"DROP TABLE {schema}.t"},
     * {@code schema} not a constant): the object is in some schema, maybe not the one an unqualified
     * {@code t} names, so it pairs with nothing.
     */
    static boolean dynamicSchema(Operation op, String name) {
        String sql = op.site().origin() == Origin.RAW_SQL ? op.site().sqlStatement() : null;
        if (sql == null || name == null || sql.indexOf(SqlText.DYNAMIC) < 0) {
            return false;
        }
        return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(String.valueOf(SqlText.DYNAMIC))
                + "\\s*\\.\\s*\"?" + java.util.regex.Pattern.quote(name) + "(?![\\w$])",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(sql).find();
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
            if (!(op instanceof Operation.Drop d) || d.name() == null || dynamicSchema(d, d.name())) {
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
            if (op instanceof Operation.Drop d && d.name() != null && !dynamicSchema(d, d.name())) {
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

    /**
     * The statement-order marks, applied after the re-run simulation ({@code schema/RerunSimulation}),
     * which takes a guarded operation's effect as unknown: creations whose name an earlier statement
     * frees ({@link #clearedFirst}), and swapped-in tables whose explicit index names stay taken
     * ({@link #keptIndexNames}).
     */
    public static List<Operation> afterRerun(List<Operation> simulated) {
        List<Operation> out = new ArrayList<>(simulated);
        clearedFirst(out);
        keptIndexNames(out);
        return out;
    }

    /**
     * A table created and then renamed within the revision (a rebuilt table swapped into place) keeps
     * the names of its indexes: {@code pk_items_new} still names the primary key of the table now called
     * {@code items}. On a re-run {@code CREATE TABLE items_new (..., CONSTRAINT pk_items_new PRIMARY KEY
     * ...)} is free as a table name but not as an index name, and fails with 42P07, unless an earlier
     * statement dropped the renamed table. A creation marked as re-running cleanly only because the
     * table name is free loses that mark when it names an index explicitly ({@link #explicitIndexName}),
     * the renamed table is not dropped later, and no later statement touches indexes or constraints or
     * is unreadable (any of them may rename or drop the kept index).
     */
    private static void keptIndexNames(List<Operation> out) {
        for (int j = 0; j < out.size(); j++) {
            if (!(out.get(j) instanceof Operation.CreateTable ct) || ct.table() == null || ct.ifNotExists()
                    || ct.site().guard() == null || ct.site().guard().kind() != GuardKind.DROPPED_FIRST
                    || ct.site().phase() != Phase.UPGRADE || explicitIndexName(ct) == null) {
                continue;
            }
            String renamedTo = null;
            boolean unsure = false;
            for (int k = j + 1; k < out.size() && !unsure; k++) {
                Operation o = out.get(k);
                if (o.site().phase() != Phase.UPGRADE) {
                    continue;
                }
                String holder = renamedTo == null ? ct.table() : renamedTo;
                if (o instanceof Operation.Rename r && r.kind() == ObjectKind.TABLE && holder.equals(r.from())) {
                    renamedTo = r.to();
                    unsure = renamedTo == null;
                    continue;
                }
                // dropped after all (a temporary table), its indexes go with it
                unsure = o instanceof Operation.Drop d && d.kind() == ObjectKind.TABLE && holder.equals(d.name())
                        || o instanceof Operation.Unknown
                        || o instanceof Operation.Rename r && (r.kind() == ObjectKind.INDEX || r.kind() == ObjectKind.CONSTRAINT)
                        || o instanceof Operation.Drop d && (d.kind() == ObjectKind.INDEX || d.kind() == ObjectKind.CONSTRAINT);
            }
            if (renamedTo == null || unsure || droppedBefore(out, j, renamedTo)) {
                continue;
            }
            out.set(j, ct.withSite(ct.site().withGuard(null)));
        }
    }

    /**
     * The first index name {@code ct} gives explicitly, which PostgreSQL does not change when the name
     * is taken: a named primary key or unique constraint, or SQLAlchemy's {@code ix_<table>_<column>}
     * for an {@code index=True} column; null when there is none. An unnamed key's index gets a free
     * name from PostgreSQL ({@code items_new_pkey1} when {@code items_new_pkey} is taken).
     */
    public static String explicitIndexName(Operation.CreateTable ct) {
        for (Operation.NamedConstraint nc : ct.constraints()) {
            if ((nc.kind() == ConstraintKind.PRIMARY_KEY || nc.kind() == ConstraintKind.UNIQUE) && nc.name() != null) {
                return nc.name();
            }
        }
        for (ColumnDef c : ct.columns()) {
            if (c.index() && c.name() != null) {
                return "ix_" + ct.table() + "_" + c.name();
            }
        }
        return null;
    }

    private static boolean droppedBefore(List<Operation> out, int j, String table) {
        for (int i = 0; i < j; i++) {
            if (out.get(i) instanceof Operation.Drop d && d.kind() == ObjectKind.TABLE && table.equals(d.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Creations whose name an earlier statement of the revision always frees on the re-run, marked
     * guarded. {@code ALTER TYPE status RENAME TO status_old; CREATE TYPE status ...}: if the rename
     * succeeds the name is free, and if it fails the revision stops there, so the creation never meets
     * a duplicate. {@code DROP TABLE items} takes the indexes, constraints, triggers, policies and rules
     * on {@code items} with it, so a later {@code create_index("ix_items_s", "items", ...)} (a table
     * swapped into place) finds its name free, provided the revision leaves that object on
     * {@code items}: its last creation is on {@code items}, and {@code items} is not renamed after it.
     */
    private static void clearedFirst(List<Operation> out) {
        Seen renamedAway = new Seen();
        Seen made = new Seen();
        Map<String, Integer> tableDropped = new HashMap<>();
        Map<String, Integer> lastTableRename = new HashMap<>();
        Map<Key, Integer> lastMade = new HashMap<>();
        Map<Key, String> lastMadeOn = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            Operation op = out.get(i);
            Key k = created(op);
            if (op instanceof Operation.Rename r && r.kind() == ObjectKind.TABLE && r.from() != null) {
                lastTableRename.put(r.from(), i);
            }
            if (k != null && k.name() != null) {
                lastMade.put(new Key(k.kind(), k.name(), null), i);
                lastMadeOn.put(new Key(k.kind(), k.name(), null), k.table());
            }
        }
        for (int j = 0; j < out.size(); j++) {
            Operation op = out.get(j);
            if (op.site().phase() != Phase.UPGRADE) {
                continue;
            }
            if (op instanceof Operation.Rename r && r.kind() != ObjectKind.OTHER && r.from() != null) {
                renamedAway.put(new Key(r.kind(), r.from(), r.table()), j);
            } else if (op instanceof Operation.Drop d && d.kind() == ObjectKind.TABLE && d.name() != null
                    && !dynamicSchema(d, d.name())) {
                tableDropped.put(d.name(), j);
            }
            Key k = created(op);
            if (k == null || k.name() == null) {
                continue;
            }
            if (!Guard.protectsNothing(op.site().guard())) {
                made.put(k, j);
                continue;
            }
            int before = made.nearest(k, true);
            int renamed = renamedAway.nearest(k, true);
            String on = k.table();
            boolean dependent = on != null && k.kind() != ObjectKind.COLUMN && k.kind() != ObjectKind.TABLE;
            int dropped = dependent ? tableDropped.getOrDefault(on, -1) : -1;
            // the revision leaves the object on the dropped table: made there last, the table not renamed after
            Key anyTable = new Key(k.kind(), k.name(), null);
            boolean staysOn = on != null && on.equals(lastMadeOn.get(anyTable))
                    && lastTableRename.getOrDefault(on, -1) < lastMade.getOrDefault(anyTable, -1);
            Operation by = renamed > before ? out.get(renamed) : dropped > before && staysOn ? out.get(dropped) : null;
            if (by != null) {
                String why = by instanceof Operation.Rename ? "renamed away earlier in this revision"
                        : "dropped with its table earlier in this revision";
                out.set(j, op.withSite(op.site().withGuard(Guard.of(GuardKind.DROPPED_FIRST, by.site().span(), why))));
            }
            made.put(k, j);
        }
    }
}
