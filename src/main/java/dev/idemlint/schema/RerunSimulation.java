package dev.idemlint.schema;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Phase;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.RerunFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Decides which of a revision's operations succeed when the revision runs again on the schema it
 * left behind (the premise of every re-run finding: the revision ran whole, inside its transaction,
 * and was not stamped). The revision's {@link Effects} are applied once to an {@link SchemaState#unknown
 * unknown} state, which gives what the revision knows of the state it leaves; they are then applied
 * again, in order, and an operation whose effect the state {@link SchemaState#proves proves} at that
 * point succeeds: {@code add_column("t", "new_id")}, {@code drop_column("t", "id")},
 * {@code alter_column("t", "new_id", new_column_name="id")} re-runs cleanly, and so does dropping
 * {@code players_team_id_fkey} before an unnamed {@code create_foreign_key}, which PostgreSQL names
 * {@code players_team_id_fkey} again.
 *
 * <p>Proven operations are marked with a guard ({@link GuardKind#DROPPED_FIRST} for creations,
 * {@link GuardKind#RECREATED_LATER} for drops and renames), so that no re-run rule flags them.
 * Anything conditional, guarded or unreadable makes the objects it may touch unknown, and unknown
 * proves nothing.
 */
public final class RerunSimulation {
    private RerunSimulation() {
    }

    /**
     * {@code ops} with the operations proven to re-run cleanly marked as guarded. {@code postgresNames}:
     * the project's naming convention names no key, so an unnamed one gets PostgreSQL's default name;
     * otherwise unnamed keys stay unknown.
     */
    public static List<Operation> protect(List<Operation> ops, BooleanSupplier postgresNames) {
        List<List<Effect>> effects = new ArrayList<>(ops.size());
        SchemaState state = firstRun(ops, new Effects.Naming(postgresNames), effects);
        Set<String> opaquelyNamed = opaquelyNamed(ops);
        List<Operation> out = new ArrayList<>(ops);
        for (int i = 0; i < out.size(); i++) {
            Operation op = out.get(i);
            if (op.site().phase() != Phase.UPGRADE) {
                continue;
            }
            if (op.site().guard() == null && sure(op) && provable(op) && !effects.get(i).isEmpty()) {
                Effect first = effects.get(i).get(0);
                boolean creates = !(op instanceof Operation.Drop) && !(op instanceof Operation.Rename);
                GuardKind kind = creates ? GuardKind.DROPPED_FIRST : GuardKind.RECREATED_LATER;
                if (proven(state, first)) {
                    out.set(i, op.withSite(op.site().withGuard(Guard.of(kind, op.site().span(),
                            "re-runs cleanly on the schema this revision leaves behind"))));
                } else if (leftUnknownBy(state, first, opaquelyNamed)) {
                    out.set(i, op.withSite(op.site().withGuard(Guard.of(GuardKind.UNREAD_CODE, op.site().span(),
                            "code this revision calls, which the analysis cannot read, is given its table's name"
                                    + " and may drop or make it again"))));
                }
            }
            Optional<Conflict> met = state.applyAll(effects.get(i));
            if (met.isPresent() && sure(op)) {
                out.set(i, failing(out.get(i), met.get(), ops.subList(i + 1, ops.size())));
            }
        }
        primaryKeySwapped(ops, out);
        return out;
    }

    /** An operation of the revision that fails when it runs again, and what it trips on. */
    public record Failure(Operation op, Conflict conflict) {
    }

    /**
     * The operations of {@code ops}' upgrade that fail on the re-run, in order, each with the conflict the
     * state the first run left (and the re-run's statements before it, as if each had been made to tolerate
     * what it met) holds for it. Only what the revision itself proves fails: anything it leaves unknown
     * does not.
     */
    public static List<Failure> failures(List<Operation> ops, Effects.Naming naming) {
        List<List<Effect>> effects = new ArrayList<>(ops.size());
        SchemaState state = firstRun(ops, naming, effects);
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Optional<Conflict> c = state.applyAll(effects.get(i));
            if (c.isPresent()) {
                out.add(new Failure(ops.get(i), c.get()));
            }
        }
        return out;
    }

    /**
     * The state one whole run of the upgrade leaves on a schema of which nothing was known, as the re-run
     * meets it; each operation's effects (uncertain when it may not run) into {@code effects}, in order.
     */
    private static SchemaState firstRun(List<Operation> ops, Effects.Naming naming, List<List<Effect>> effects) {
        SchemaState state = SchemaState.unknown();
        for (Operation op : ops) {
            List<Effect> e = op.site().phase() == Phase.UPGRADE ? Effects.of(op, naming) : List.of();
            effects.add(sure(op) ? e : Effect.uncertain(e));
            state.applyAll(effects.get(effects.size() - 1));
        }
        // the re-run is another Alembic run, on another connection
        state.endSession();
        return state;
    }

    /**
     * A table has one primary key, so a drop of it frees the slot whatever the key is called:
     * {@code drop_constraint(pk, "t", type_="primary")} with {@code pk} read from the inspector, or
     * {@code DROP CONSTRAINT t_pkey} of the key this revision adds again as {@code t_pkey}, before the
     * revision's only primary-key creation on {@code t}, re-runs cleanly (no 42P16): on the re-run the
     * drop meets the key that creation left. Anything unreadable between the two proves nothing.
     */
    private static void primaryKeySwapped(List<Operation> ops, List<Operation> out) {
        // one pass to count each table's primary-key creations and find its last constraint drop, one to
        // pair each creation with the nearest drop before it: linear in the revision
        Map<String, Integer> pkAdds = new HashMap<>();
        Map<String, Integer> lastDrop = new HashMap<>();
        int lastUnknown = -1;
        for (int k = 0; k < out.size(); k++) {
            Operation o = out.get(k);
            if (o.site().phase() != Phase.UPGRADE) {
                continue;
            }
            if (o instanceof Operation.AddConstraint a && a.kind() == ConstraintKind.PRIMARY_KEY && a.table() != null) {
                pkAdds.merge(a.table(), 1, Integer::sum);
            } else if (o instanceof Operation.Drop d && d.kind() == ObjectKind.CONSTRAINT && d.table() != null) {
                lastDrop.put(d.table(), k);
            } else if (o instanceof Operation.Unknown) {
                lastUnknown = k;
            }
        }
        Map<String, Integer> pkDropBefore = new HashMap<>();
        Map<List<String>, Integer> namedDropBefore = new HashMap<>();
        int unknownBefore = -1;
        for (int j = 0; j < out.size(); j++) {
            Operation o = out.get(j);
            if (o.site().phase() != Phase.UPGRADE) {
                continue;
            }
            if (o instanceof Operation.Unknown) {
                unknownBefore = j;
            } else if (o instanceof Operation.Drop d && d.kind() == ObjectKind.CONSTRAINT && d.table() != null
                    && sure(ops.get(j))) {
                // a drop this check proved (it meets the key the revision re-creates) runs all the same
                if (d.primaryKey()) {
                    pkDropBefore.put(d.table(), j);
                }
                if (d.name() != null) {
                    namedDropBefore.put(List.of(d.table(), d.name()), j);
                }
            } else if (o instanceof Operation.AddConstraint c && c.kind() == ConstraintKind.PRIMARY_KEY
                    && c.table() != null && sure(c) && pkAdds.getOrDefault(c.table(), 0) == 1) {
                String stored = c.name() != null ? c.name() : c.table() + "_pkey";
                int byName = namedDropBefore.getOrDefault(List.of(c.table(), stored), -1);
                int i = Math.max(pkDropBefore.getOrDefault(c.table(), -1), byName);
                if (i <= unknownBefore) {
                    continue;
                }
                Operation.Drop d = (Operation.Drop) out.get(i);
                out.set(j, c.withSite(c.site().withGuard(Guard.of(GuardKind.DROPPED_FIRST, d.site().span(),
                        "the table's primary key is dropped earlier in this revision"))));
                boolean droppedAfter = lastDrop.getOrDefault(c.table(), -1) > j || lastUnknown > j;
                if (i == byName && !droppedAfter) {
                    // and on the re-run the drop meets the key that creation left, under that name
                    out.set(i, d.withSite(d.site().withGuard(Guard.of(GuardKind.RECREATED_LATER, c.site().span(),
                            "the revision adds this primary key again later"))));
                }
            }
        }
    }

    /**
     * {@code op} as the re-run meets it when that is not what a re-run rule assumes of it alone: a drop of a
     * table that a foreign key of another table, made by this revision, references ({@code 2BP01}, even where
     * the revision makes the table again later, which is why the drop seemed to re-run), a rename onto a
     * name the revision left taken ({@code 42P07}, {@code 42710}, {@code 42701}), and an insert into a table
     * the revision drops or renames away after it ({@code 42P01}, raised before any key is compared). Other
     * conflicts are what the rules say already.
     */
    private static Operation failing(Operation op, Conflict c, List<Operation> later) {
        if (op instanceof Operation.Insert && !c.alreadyThere() && c.object().kind() == ObjectKind.TABLE) {
            // the table the rows go into is gone by the time the re-run reaches them: 42P01 comes first,
            // whatever the rows' keys (or ON CONFLICT) would do
            return op.withSite(op.site().withRerun(new RerunFailure(c.sqlState(), quoted(c.object())
                    + " is already gone: this revision " + goneBy(c.object(), later) + " after the insert")));
        }
        if (op instanceof Operation.Drop && c.sqlState() == PostgresFacts.dropWithDependents()) {
            Guard g = op.site().guard();
            OpSite site = g != null && statementOrder(g.kind()) ? op.site().withGuard(null) : op.site();
            return op.withSite(site.withRerun(new RerunFailure(c.sqlState(), "is still referenced by a foreign key of "
                    + quoted(c.object()))));
        }
        if (op instanceof Operation.Rename && c.alreadyThere() && op.site().guard() == null) {
            return op.withSite(op.site().withRerun(new RerunFailure(c.sqlState(), quoted(c.object())
                    + " already exists")));
        }
        return op;
    }

    /** How the statements after the insert take {@code table} away: "drops it", "renames it to "hosts"". */
    private static String goneBy(ObjectRef table, List<Operation> later) {
        for (Operation o : later) {
            if (o instanceof Operation.Rename r && r.kind() == ObjectKind.TABLE && r.to() != null
                    && table.name().name().equalsIgnoreCase(r.from())) {
                return "renames it to \"" + r.to() + "\"";
            }
            if (o instanceof Operation.Drop d && d.kind() == ObjectKind.TABLE
                    && table.name().name().equalsIgnoreCase(d.name())) {
                return "drops it";
            }
        }
        return "drops or renames it";
    }

    /** {@code table "hosts"}, {@code column "name" of "hosts"}: as the re-run rules name objects. */
    private static String quoted(ObjectRef o) {
        String base = o.kind().sql() + " \"" + o.name().name() + "\"";
        return ObjectRef.tableScoped(o.kind()) ? base + " of \"" + o.table().name() + "\"" : base;
    }

    private static boolean sure(Operation op) {
        return (op.site().guard() == null || statementOrder(op.site().guard().kind())) && !op.site().conditional();
    }

    /**
     * The marks {@code OperationPairs} puts on a drop and the creation of the same name after it: the
     * statements still run unconditionally, so their effects are certain (a partitioned table dropped
     * and made again takes its partitions with it).
     */
    private static boolean statementOrder(GuardKind kind) {
        return kind == GuardKind.DROPPED_FIRST || kind == GuardKind.RECREATED_LATER;
    }

    /**
     * The operations re-run rules flag and this check may clear. A key PostgreSQL names itself never
     * fails (it takes the next free name), so there is nothing to clear.
     */
    private static boolean provable(Operation op) {
        return op instanceof Operation.AddColumn || op instanceof Operation.CreateTable
                || op instanceof Operation.CreateIndex || op instanceof Operation.AddConstraint c && c.name() != null
                || op instanceof Operation.Drop || op instanceof Operation.Rename
                // types and domains share one name space per schema, without overloads: an enum swapped in
                // (CREATE TYPE mood_new, DROP TYPE mood, ALTER TYPE mood_new RENAME TO mood) frees its name
                || op instanceof Operation.CreateEnumType
                || op instanceof Operation.CreateObject o && (o.kind() == ObjectKind.TYPE || o.kind() == ObjectKind.DOMAIN);
    }

    /** The names (lower-cased) the upgrade's unreadable calls are given: {@code helpers.transform_table("package", ...)}. */
    private static Set<String> opaquelyNamed(List<Operation> ops) {
        Set<String> out = new HashSet<>();
        for (Operation op : ops) {
            if (op instanceof Operation.Unknown u && op.site().phase() == Phase.UPGRADE) {
                out.addAll(u.touches());
            }
        }
        return out;
    }

    /**
     * Whether the re-run meets the object of {@code first} in a state that code of unread effect, given the
     * object's or its table's name, left unknown: a helper of another module that rebuilds a table (create a
     * copy, move the rows, drop, rename) takes the table's indexes with it, so a later {@code create_index}
     * may well succeed. Unknown never yields a finding.
     */
    private static boolean leftUnknownBy(SchemaState state, Effect first, Set<String> named) {
        ObjectRef o = first instanceof Effect.Create c ? c.object() : first instanceof Effect.Drop d ? d.object()
                : first instanceof Effect.Rename r ? r.object() : null;
        if (o == null || named.isEmpty() || state.presence(o) != Presence.UNKNOWN) {
            return false;
        }
        return named.contains(o.name().name().toLowerCase(java.util.Locale.ROOT))
                || o.table() != null && named.contains(o.table().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean proven(SchemaState state, Effect first) {
        return !(first instanceof Effect.Create c && c.shape().postgresNamed()) && state.proves(first);
    }
}
