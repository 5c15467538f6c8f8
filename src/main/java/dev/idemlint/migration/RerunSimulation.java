package dev.idemlint.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which of a revision's operations succeed when the revision runs again on the schema it
 * left behind (the premise of every re-run finding: the revision ran whole, inside its transaction,
 * and was not stamped). The revision's operations are applied once to an unknown schema, which gives
 * what the revision knows of the state it leaves; they are then applied again, in order, and an
 * operation whose object is known to be absent (a creation), or present (a drop, a rename's source,
 * with its target absent) at that point is proven to succeed: {@code add_column("t", "new_id")},
 * {@code drop_column("t", "id")}, {@code alter_column("t", "new_id", new_column_name="id")} re-runs
 * cleanly, and so does dropping {@code players_team_id_fkey} before an unnamed
 * {@code create_foreign_key}, which PostgreSQL names {@code players_team_id_fkey} again.
 *
 * <p>Proven operations are marked with a guard ({@link GuardKind#DROPPED_FIRST} for creations,
 * {@link GuardKind#RECREATED_LATER} for drops and renames), so that no re-run rule flags them.
 * Anything conditional, guarded or unreadable makes the objects it may touch unknown, and unknown
 * proves nothing.
 */
public final class RerunSimulation {
    /** Object state: present, absent; a missing entry is unknown. */
    private final State state = new State();
    private final java.util.function.BooleanSupplier postgresNames;
    /** The constraint key a table's primary key was added under, by {@link #primaryKey} of the table. */
    private final Map<String, String> primaryNames = new HashMap<>();

    private RerunSimulation(java.util.function.BooleanSupplier postgresNames) {
        this.postgresNames = postgresNames;
    }

    /**
     * {@code ops} with the operations proven to re-run cleanly marked as guarded. {@code postgresNames}:
     * the project's naming convention names no key, so an unnamed one gets PostgreSQL's default name;
     * otherwise unnamed keys stay unknown.
     */
    public static List<Operation> protect(List<Operation> ops, java.util.function.BooleanSupplier postgresNames) {
        RerunSimulation sim = new RerunSimulation(postgresNames);
        for (Operation op : ops) {
            if (op.site().phase() == Phase.UPGRADE) {
                sim.apply(op);
            }
        }
        List<Operation> out = new ArrayList<>(ops);
        for (int i = 0; i < out.size(); i++) {
            Operation op = out.get(i);
            if (op.site().phase() != Phase.UPGRADE) {
                continue;
            }
            if (op.site().guard() == null && !op.site().conditional() && sim.succeeds(op)) {
                boolean creates = !(op instanceof Operation.Drop) && !(op instanceof Operation.Rename);
                Guard g = Guard.of(creates ? GuardKind.DROPPED_FIRST : GuardKind.RECREATED_LATER, op.site().span(),
                        "re-runs cleanly on the schema this revision leaves behind");
                out.set(i, op.withSite(op.site().withGuard(g)));
            }
            sim.apply(op);
        }
        return out;
    }

    /** True when {@code op} is known to succeed on the current state. */
    private boolean succeeds(Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return absent(column(a.table(), a.column().name()));
        } else if (op instanceof Operation.CreateTable t) {
            return absent(table(t.table()));
        } else if (op instanceof Operation.CreateIndex ix) {
            return absent(index(ix.name()));
        } else if (op instanceof Operation.AddConstraint c && c.kind() == ConstraintKind.PRIMARY_KEY) {
            // a table has one primary key (42P16 for a second), and the name must be free
            return absent(primaryKey(c.table())) && (c.name() == null || !present(constraint(c.table(), c.name())));
        } else if (op instanceof Operation.AddConstraint c) {
            return c.name() != null && absent(constraint(c.table(), c.name()));
        } else if (op instanceof Operation.Drop d) {
            return present(dropped(d));
        } else if (op instanceof Operation.Rename r && r.kind() != ObjectKind.OTHER) {
            String from = key(r.kind(), r.table(), r.from());
            String to = key(r.kind(), r.table(), r.to());
            return present(from) && absent(to);
        }
        return false;
    }

    private void apply(Operation op) {
        if (op instanceof Operation.Unknown u) {
            forget(u.touches().isEmpty() ? null : u.touches());
            return;
        }
        boolean sure = op.site().guard() == null && !op.site().conditional();
        if (op instanceof Operation.AddColumn a) {
            set(column(a.table(), a.column().name()), sure);
        } else if (op instanceof Operation.CreateTable t) {
            set(table(t.table()), sure);
            for (ColumnDef c : t.columns()) {
                set(column(t.table(), c.name()), sure);
            }
        } else if (op instanceof Operation.CreateIndex ix) {
            set(index(ix.name()), sure);
        } else if (op instanceof Operation.AddConstraint c) {
            String name = c.name();
            if (name == null) {
                // the project's naming convention is read only when this revision already touched
                // the default name (a drop of players_team_id_fkey before the unnamed re-create)
                String d = defaultName(c);
                String dk = constraint(c.table(), d);
                name = dk != null && state.containsKey(dk) && postgresNames.getAsBoolean() ? d : null;
            }
            String k = constraint(c.table(), name);
            if (c.name() == null && k == null) {
                // named by a convention, or by PostgreSQL past 63 bytes: any of the table's keys may be it
                forgetTable(c.table(), false);
                setPrimaryKey(c, null, sure);
                return;
            }
            if (c.name() == null && !Boolean.FALSE.equals(state.get(k))) {
                // PostgreSQL picks another name (…_fkey1) when the default one is taken, or maybe taken
                setPrimaryKey(c, null, sure);
                return;
            }
            set(k, sure);
            setPrimaryKey(c, k, sure);
        } else if (op instanceof Operation.Drop d) {
            String k = dropped(d);
            boolean primary = d.primaryKey() || k != null && present(primaryKey(d.table()))
                    && k.equals(primaryNames.get(primaryKey(d.table())));
            if (primary && d.table() != null) {
                // the table's one primary key goes, whatever its name
                if (k == null) {
                    forgetTable(d.table(), false);
                }
                clear(primaryKey(d.table()), sure);
                if (k == null) {
                    return;
                }
            }
            if (k == null) {
                state.clear();
                return;
            }
            if (d.kind() == ObjectKind.TABLE || d.kind() == ObjectKind.COLUMN) {
                // PostgreSQL drops what lives on the table, or uses the column, with it
                forgetTable(d.kind() == ObjectKind.TABLE ? d.name() : d.table(), d.kind() == ObjectKind.TABLE);
            }
            clear(k, sure);
        } else if (op instanceof Operation.Rename r && r.kind() != ObjectKind.OTHER) {
            String from = key(r.kind(), r.table(), r.from());
            String to = key(r.kind(), r.table(), r.to());
            if (from == null || to == null) {
                state.clear();
                return;
            }
            if (r.kind() == ObjectKind.TABLE) {
                forgetTable(r.from(), true);
                forgetTable(r.to(), true);
            }
            clear(from, sure);
            set(to, sure);
        } else if (op instanceof Operation.CreateEnumType || op instanceof Operation.CreateObject) {
            OperationPairs.Key made = OperationPairs.created(op);
            if (made != null) {
                set(key(made.kind(), made.table(), made.name()), sure);
            }
        }
    }

    /** After a primary key is added to its table: the table has one, under the constraint key {@code k} when known. */
    private void setPrimaryKey(Operation.AddConstraint c, String k, boolean sure) {
        if (c.kind() != ConstraintKind.PRIMARY_KEY || c.table() == null) {
            return;
        }
        String pk = primaryKey(c.table());
        set(pk, sure);
        if (sure && k != null) {
            primaryNames.put(pk, k);
        } else {
            primaryNames.remove(pk);
        }
    }

    /** PostgreSQL's name for an unnamed key constraint: {@code t_pkey}, {@code t_a_b_key}, {@code t_a_fkey}. */
    private static String defaultName(Operation.AddConstraint c) {
        if (c.table() == null) {
            return null;
        }
        ConstraintNames.Kind kind = ConstraintNames.Kind.of(c.kind());
        boolean named = kind == ConstraintNames.Kind.PRIMARY_KEY || !c.columns().isEmpty()
                && (kind == ConstraintNames.Kind.UNIQUE || kind == ConstraintNames.Kind.FOREIGN_KEY);
        return named ? ConstraintNames.postgresDefault(kind, c.table(), c.columns()) : null;
    }

    private String dropped(Operation.Drop d) {
        return key(d.kind(), d.table(), d.name());
    }

    private boolean present(String k) {
        return k != null && Boolean.TRUE.equals(state.get(k));
    }

    private boolean absent(String k) {
        return k != null && Boolean.FALSE.equals(state.get(k));
    }

    private void set(String k, boolean sure) {
        if (k != null) {
            if (sure) {
                state.put(k, true);
            } else {
                state.remove(k);
            }
        }
    }

    private void clear(String k, boolean sure) {
        if (k != null) {
            if (sure) {
                state.put(k, false);
            } else {
                state.remove(k);
            }
        }
    }

    /** Forgets every object named in {@code names} or living on such a table; everything when null. */
    private void forget(java.util.Set<String> names) {
        if (names == null) {
            state.clear();
            return;
        }
        for (String n : names) {
            state.forgetNamed(n);
        }
    }

    /** Forgets the indexes and constraints of {@code table}, and its columns when {@code columns}. */
    private void forgetTable(String table, boolean columns) {
        if (table == null) {
            state.clear();
            return;
        }
        state.forgetTable(table.toLowerCase(Locale.ROOT), columns);
    }

    /**
     * The known objects by {@link #key}, indexed by the parts of the key that forgetting goes by, so
     * that a drop forgets what lives on its table without reading every key (a revision that creates
     * and drops thousands of tables would otherwise re-read the whole state at each drop). Each key is
     * indexed when it is first stored and unindexed when it is removed, so the indexes cost what the
     * stores do.
     */
    private static final class State {
        private final Map<String, Boolean> known = new HashMap<>();
        /** COLUMN keys by table. */
        private final Map<String, Set<String>> columnsOf = new HashMap<>();
        /** Other keys by their table part (empty for objects that do not live in a table). */
        private final Map<String, Set<String>> othersOf = new HashMap<>();
        /** Keys by their name part. */
        private final Map<String, Set<String>> byName = new HashMap<>();
        /** INDEX keys: they are keyed without a table, so which of them sit on a dropped table is not known. */
        private final Set<String> indexes = new HashSet<>();

        Boolean get(String k) {
            return known.get(k);
        }

        boolean containsKey(String k) {
            return known.containsKey(k);
        }

        void put(String k, boolean present) {
            if (known.put(k, present) != null) {
                return;
            }
            int a = k.indexOf('|');
            int b = k.indexOf('|', a + 1);
            String kind = k.substring(0, a);
            String table = k.substring(a + 1, b);
            boolean column = kind.equals(ObjectKind.COLUMN.name());
            (column ? columnsOf : othersOf).computeIfAbsent(table, t -> new HashSet<>()).add(k);
            byName.computeIfAbsent(k.substring(b + 1), n -> new HashSet<>()).add(k);
            if (kind.equals(ObjectKind.INDEX.name())) {
                indexes.add(k);
            }
        }

        void remove(String k) {
            if (known.remove(k) == null) {
                return;
            }
            int a = k.indexOf('|');
            int b = k.indexOf('|', a + 1);
            String table = k.substring(a + 1, b);
            boolean column = k.substring(0, a).equals(ObjectKind.COLUMN.name());
            unindex(column ? columnsOf : othersOf, table, k);
            unindex(byName, k.substring(b + 1), k);
            indexes.remove(k);
        }

        private static void unindex(Map<String, Set<String>> index, String part, String k) {
            Set<String> keys = index.get(part);
            if (keys != null && keys.remove(k) && keys.isEmpty()) {
                index.remove(part);
            }
        }

        void clear() {
            known.clear();
            columnsOf.clear();
            othersOf.clear();
            byName.clear();
            indexes.clear();
        }

        /** Forgets the keys of {@code table} (all indexes with them), its columns too when {@code columns}. */
        void forgetTable(String table, boolean columns) {
            removeAll(othersOf.get(table));
            if (columns) {
                removeAll(columnsOf.get(table));
            }
            removeAll(indexes);
        }

        /** Forgets the keys whose table or name is {@code name}. */
        void forgetNamed(String name) {
            removeAll(othersOf.get(name));
            removeAll(columnsOf.get(name));
            removeAll(byName.get(name));
        }

        private void removeAll(Set<String> keys) {
            if (keys != null && !keys.isEmpty()) {
                for (String k : new ArrayList<>(keys)) {
                    remove(k);
                }
            }
        }
    }

    private static String table(String name) {
        return key(ObjectKind.TABLE, null, name);
    }

    private static String column(String table, String name) {
        return table == null ? null : key(ObjectKind.COLUMN, table, name);
    }

    private static String index(String name) {
        return key(ObjectKind.INDEX, null, name);
    }

    /**
     * The primary key of {@code table}, whatever its name: a key with an empty name, which no
     * PostgreSQL identifier has, forgotten with the table's other constraints.
     */
    private static String primaryKey(String table) {
        return constraint(table, "");
    }

    private static String constraint(String table, String name) {
        return table == null ? null : key(ObjectKind.CONSTRAINT, table, name);
    }

    /** {@code KIND|table|name}, lower-cased; the table only for objects that live in one. Null when unnamed. */
    private static String key(ObjectKind kind, String table, String name) {
        if (name == null) {
            return null;
        }
        boolean scoped = kind == ObjectKind.COLUMN || kind == ObjectKind.CONSTRAINT || kind == ObjectKind.TRIGGER
                || kind == ObjectKind.POLICY || kind == ObjectKind.RULE;
        if (scoped && table == null) {
            return null;
        }
        return kind.name() + "|" + (scoped ? table.toLowerCase(Locale.ROOT) : "") + "|" + name.toLowerCase(Locale.ROOT);
    }
}
