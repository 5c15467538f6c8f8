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
import java.util.HashSet;
import java.util.List;
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
 * {@code players_team_id_fkey} again. Statement order is the state's: a drop before a creation of the same
 * name, a name renamed away or dropped with its table, a table's one primary key dropped under any name
 * ({@code type_="primary"}) before a new one is added. A statement proven so must also meet no conflict
 * in its other effects: a table swapped into place keeps its indexes' names, so making it again under its
 * old name is free as a table but not as an index.
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
        Set<ObjectRef> dropped = new java.util.HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            Operation op = out.get(i);
            if (op.site().phase() != Phase.UPGRADE) {
                continue;
            }
            boolean decided = Guard.protectsNothing(op.site().guard()) && sure(op) && provable(op)
                    && !effects.get(i).isEmpty();
            Effect first = decided ? deciding(op, effects.get(i)) : null;
            boolean proven = decided && proven(state, first);
            // a statement under a plain try/except is flagged for what the swallowed error does to the transaction
            boolean unread = decided && !proven && op.site().guard() == null && leftUnknownBy(state, first, opaquelyNamed);
            // dropped by this revision before, then left unknown by what ran between (a drop whose name or table
            // is read at run time): on the re-run the drop meets what the first run made again, and whether the
            // code between takes it too is not known, so nothing is claimed
            boolean droppedThenUnknown = decided && !proven && op.site().guard() == null
                    && first instanceof Effect.Create c && dropped.contains(c.object())
                    && state.presence(c.object()) == Presence.UNKNOWN;
            Optional<Conflict> met = state.applyAll(effects.get(i));
            if (sure(op)) {
                for (Effect e : effects.get(i)) {
                    if (e instanceof Effect.Drop d) {
                        dropped.add(d.object());
                    }
                }
            }
            if (proven && met.isEmpty()) {
                boolean creates = !(op instanceof Operation.Drop) && !(op instanceof Operation.Rename);
                GuardKind kind = creates ? GuardKind.DROPPED_FIRST : GuardKind.RECREATED_LATER;
                out.set(i, op.withSite(op.site().withGuard(Guard.of(kind, op.site().span(),
                        "re-runs cleanly on the schema this revision leaves behind"))));
            } else if (droppedThenUnknown) {
                out.set(i, op.withSite(op.site().withGuard(Guard.of(GuardKind.DROPPED_FIRST, op.site().span(),
                        "dropped earlier in this revision, and code between may change it: nothing is claimed"))));
            } else if (unread) {
                out.set(i, op.withSite(op.site().withGuard(Guard.of(GuardKind.UNREAD_CODE, op.site().span(),
                        "code this revision calls, which the analysis cannot read, is given its table's name"
                                + " and may drop or make it again"))));
            }
            if (met.isPresent() && sure(op)) {
                out.set(i, failing(out.get(i), met.get(), ops.subList(i + 1, ops.size())));
            }
        }
        return out;
    }

    /**
     * The effect whose success on the re-run decides the operation's: its first, except that a primary key
     * is decided on its table's one primary key, whatever either is called.
     */
    private static Effect deciding(Operation op, List<Effect> effects) {
        if (op instanceof Operation.AddConstraint c && c.kind() == ConstraintKind.PRIMARY_KEY) {
            for (Effect e : effects) {
                if (e instanceof Effect.PrimaryKey || e instanceof Effect.Create) {
                    return e;
                }
            }
        }
        return effects.get(0);
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
            List<Effect> settled = sure(op) ? e : settledByGuard(op, e);
            effects.add(settled != null ? settled : Effect.uncertain(e));
            state.applyAll(effects.get(effects.size() - 1));
        }
        // the re-run is another Alembic run, on another connection
        state.endSession();
        return state;
    }

    /**
     * The effects of a statement whose guard runs it whenever it is needed, and so settles its object either
     * way: {@code if "fk" in [k["name"] for k in inspector.get_foreign_keys("t")]: drop_constraint("fk", "t")}
     * leaves no {@code fk} behind, as {@code IF EXISTS} would, and a creation run whenever its object is
     * missing leaves it there. Null when the guard does not settle it: a drop under {@code if flag:} leaves
     * its object unknown, not absent.
     */
    private static List<Effect> settledByGuard(Operation op, List<Effect> effects) {
        Guard g = op.site().guard();
        if (g == null || g.condition() == null || effects.size() != 1) {
            return null;
        }
        if (effects.get(0) instanceof Effect.Drop d && runsWhile(g, d.object(), Guard.Truth.TRUE)) {
            return List.of(new Effect.Drop(d.object(), true, d.cascade()));
        }
        if (effects.get(0) instanceof Effect.Create c && runsWhile(g, c.object(), Guard.Truth.FALSE)) {
            return List.of(new Effect.Create(c.object(), true, c.shape()));
        }
        return null;
    }

    /** The guard's condition holds whenever {@code object}'s presence is {@code present}, whatever else is true. */
    private static boolean runsWhile(Guard g, ObjectRef object, Guard.Truth present) {
        return g.condition().eval(x -> GuardMatch.matches(x, object) ? present : Guard.Truth.UNKNOWN) == Guard.Truth.TRUE;
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

    /**
     * Whether the statement ran when the revision ran whole: nothing guards it or makes it conditional, or
     * only a plain try/except does, which keeps nothing alive on PostgreSQL (a failed statement aborts the
     * transaction, and the revision fails at the latest on Alembic's version update).
     */
    private static boolean sure(Operation op) {
        Guard g = op.site().guard();
        if (g != null && g.kind() == GuardKind.TRY_EXCEPT) {
            return true;
        }
        return (g == null || statementOrder(g.kind())) && !op.site().conditional();
    }

    /**
     * The marks this simulation puts on the statements it proves: they still run unconditionally, so their
     * effects are certain (a partitioned table dropped and made again takes its partitions with it).
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
                // a table has one primary key, whatever PostgreSQL calls it: a second fails (42P16)
                || op instanceof Operation.AddConstraint k && k.kind() == ConstraintKind.PRIMARY_KEY
                || op instanceof Operation.Drop || op instanceof Operation.Rename
                // types and domains share one name space per schema, without overloads: an enum swapped in
                // (CREATE TYPE mood_new, DROP TYPE mood, ALTER TYPE mood_new RENAME TO mood) frees its name;
                // triggers, policies and the rest are made again after their drop (DROP POLICY IF EXISTS p ON t;
                // CREATE POLICY p ON t). Routines are followed by name, not signature: a drop and a creation
                // of one name are taken as the same routine
                || op instanceof Operation.CreateEnumType || op instanceof Operation.CreateObject;
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
        return !(first instanceof Effect.Create c && c.shape().postgresNamed() && !SchemaState.makesPrimaryKey(c))
                && state.proves(first);
    }
}
