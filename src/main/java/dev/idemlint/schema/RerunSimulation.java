package dev.idemlint.schema;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.Phase;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.RerunFailure;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.migration.RowSource;
import dev.idemlint.sql.SqlWords;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

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
 * <p>What it decides of each operation is a verdict ({@link #decide}, {@link RerunVerdicts}): clean (proven), unknown,
 * or failing with the conflict it meets where that is not what the statement alone suggests. Anything conditional,
 * guarded or unreadable makes the objects it may touch unknown, and unknown proves nothing. The invariant of every
 * re-run rule is kept here, once: an operation whose object the re-run meets in an unknown state is claimed by no
 * rule, whatever made it unknown ({@code Effects.of} of a creation, a rename, opaque code, a loop, a statement under
 * a condition). The operations keep their guards: a statement the check settles is no guarded one, and whoever
 * asks whether a statement may be claimed asks the verdicts ({@link RerunVerdicts#settled},
 * {@link RerunVerdicts#definite}). The rules' other questions ({@link #meets}: the same question for any object, where a rule's claim is made at another statement,
 * a read before a drop) reach them as {@link RerunAnswers}, through their context.
 */
public final class RerunSimulation {
    /**
     * The most worlds ({@link #worlds}) a revision's verdicts are decided in: each runs the whole revision again, and
     * real revisions test a handful of settings, while a hostile one could test a new one per statement.
     */
    static final int MAX_WORLDS = 32;

    private RerunSimulation() {
    }

    /**
     * A revision's operations decided: {@code ops} as the engine reads them (a condition on configuration that
     * something else may keep from running made {@link Guard#unsettled}), and the verdicts on them, position by
     * position.
     */
    public record Decided(List<Operation> ops, RerunVerdicts verdicts) {
    }

    /**
     * The verdict on each of a revision's operations: clean, unknown, fails with its conflict, or undecided.
     * {@code postgresNames}: the project's naming convention names no key, so an unnamed one gets PostgreSQL's
     * default name; otherwise unnamed keys stay unknown.
     */
    public static Decided decide(List<Operation> ops, BooleanSupplier postgresNames) {
        return decide(ops, postgresNames, false);
    }

    /**
     * {@link #decide(List, BooleanSupplier)} on a server where a unique key is the index of its name when
     * {@code uniqueKeyIsIndex} ({@code ServerFacts#uniqueKeyIsIndex}: MySQL, MariaDB), which the states of the
     * check hold as one object.
     */
    public static Decided decide(List<Operation> ops, BooleanSupplier postgresNames, boolean uniqueKeyIsIndex) {
        Effects.Naming naming = new Effects.Naming(postgresNames).uniqueKeyIsIndex(uniqueKeyIsIndex);
        RerunVerdicts.Verdict[] verdicts = new RerunVerdicts.Verdict[ops.size()];
        protectAll(ops, naming, verdicts);
        List<Operation> out = new ArrayList<>(ops);
        boolean anySettled = false;
        for (Operation op : ops) {
            anySettled |= op.site().guard() != null && (op.site().guard().settled() || op.site().guard().settledTry());
        }
        if (!anySettled) {
            return decided(out, verdicts);
        }
        for (int i = 0; i < ops.size(); i++) {
            Guard g = ops.get(i).site().guard();
            if (g != null && g.settled() && !inWorld(ops.get(i))) {
                // something else may keep it from running (a loop over items not read, a try body): unknown
                out.set(i, out.get(i).withSite(out.get(i).site().withGuard(g.unsettled())));
            }
        }
        Map<Set<Guard.Condition>, List<Integer>> worlds = worlds(ops);
        int decidedWorlds = 0;
        for (Map.Entry<Set<Guard.Condition>, List<Integer>> w : worlds.entrySet()) {
            if (++decidedWorlds > MAX_WORLDS) {
                // past the bound a statement stays what a condition on unknown state makes it: unknown
                for (int i : w.getValue()) {
                    out.set(i, out.get(i).withSite(out.get(i).site().withGuard(out.get(i).site().guard().unsettled())));
                }
                continue;
            }
            RerunVerdicts.Verdict[] inWorld = new RerunVerdicts.Verdict[ops.size()];
            protectAll(world(ops, w.getKey()), naming, inWorld);
            for (int i : w.getValue()) {
                // decided as an unconditional statement would be; it keeps its condition for the message and for
                // what it claims about the first run (nothing: OpSite#definite)
                verdicts[i] = inWorld[i];
            }
        }
        return decided(out, verdicts);
    }

    private static Decided decided(List<Operation> ops, RerunVerdicts.Verdict[] verdicts) {
        return new Decided(ops, RerunVerdicts.of(ops, Arrays.asList(verdicts)));
    }

    /**
     * The upgrade statements under a condition on configuration alone ({@link Guard#settled}), by the tests the
     * condition joins ({@link Guard.Condition#conjuncts}): one world each, in which those tests hold. The test comes
     * out on the re-run as on the first run, so in its world the statement re-runs exactly when it ran, as any
     * statement does.
     */
    private static Map<Set<Guard.Condition>, List<Integer>> worlds(List<Operation> ops) {
        Map<Set<Guard.Condition>, List<Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            if (inWorld(ops.get(i))) {
                out.computeIfAbsent(Guard.Condition.conjuncts(ops.get(i).site().guard().condition()),
                        k -> new ArrayList<>()).add(i);
            }
        }
        return out;
    }

    /**
     * A statement of the upgrade under a condition on configuration and nothing else that may keep it from running
     * (a loop over items not read, a try body): in the world where its condition holds it runs. A statement of a
     * try/except body under such a condition ({@link Guard#settledTry}) is in that world too: there it is a plain
     * try/except body's.
     */
    private static boolean inWorld(Operation op) {
        Guard g = op.site().guard();
        return g != null && g.condition() != null && op.site().phase() == Phase.UPGRADE
                && (g.settled() && !op.site().conditional() || g.settledTry());
    }

    /**
     * The revision as it runs where the tests of {@code world} hold: a statement whose condition's tests are all
     * among them runs, unguarded; one under any other condition may or may not run there, and keeps its guard.
     */
    private static List<Operation> world(List<Operation> ops, Set<Guard.Condition> world) {
        List<Operation> out = new ArrayList<>(ops);
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (inWorld(op) && world.containsAll(Guard.Condition.conjuncts(op.site().guard().condition()))) {
                Guard g = op.site().guard();
                out.set(i, op.withSite(op.site().withGuard(g.settledTry() ? g.plainTry() : null)));
            }
        }
        return out;
    }

    /** The verdicts on statements under no condition on configuration, engine by engine, into {@code verdicts}. */
    private static void protectAll(List<Operation> ops, Effects.Naming naming, RerunVerdicts.Verdict[] verdicts) {
        ByEngine engines = new ByEngine(ops);
        engines.join(p -> protectOne(engines.ops(p), naming)).forEach((i, v) -> verdicts[i] = v);
    }

    /**
     * A revision's operations by the engine they run on ({@link OpSite#engine()}): a multidb revision's functions
     * each run on their own database, whose state, tables and rows are its own (the same table name in two engines
     * is two tables), so each engine's operations are simulated apart. Each part keeps the revision's order, and a
     * position of the revision maps to its part and its place there, and back, without a search.
     */
    static final class ByEngine {
        private final List<List<Operation>> ops = new ArrayList<>();
        private final List<List<Integer>> positions = new ArrayList<>();
        private final int[] part;
        private final int[] place;

        ByEngine(List<Operation> revision) {
            part = new int[revision.size()];
            place = new int[revision.size()];
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < revision.size(); i++) {
                int p = index.computeIfAbsent(revision.get(i).site().engine(), k -> {
                    ops.add(new ArrayList<>());
                    positions.add(new ArrayList<>());
                    return ops.size() - 1;
                });
                part[i] = p;
                place[i] = ops.get(p).size();
                ops.get(p).add(revision.get(i));
                positions.get(p).add(i);
            }
        }

        /** The operations of engine part {@code p}, in the revision's order. */
        List<Operation> ops(int p) {
            return ops.get(p);
        }

        /** The revision's position of the {@code k}th operation of part {@code p}. */
        int position(int p, int k) {
            return positions.get(p).get(k);
        }

        /** {@code at}, positions of the revision, as places in each part (one list per part, in {@code at}'s order). */
        List<List<Integer>> places(Collection<Integer> at) {
            List<List<Integer>> out = new ArrayList<>(ops.size());
            for (int p = 0; p < ops.size(); p++) {
                out.add(new ArrayList<>());
            }
            for (int i : at) {
                out.get(part[i]).add(place[i]);
            }
            return out;
        }

        /** The answers of {@code part} for each part, keyed there by place, keyed by the revision's positions. */
        <T> Map<Integer, T> join(IntFunction<Map<Integer, T>> part) {
            if (ops.size() == 1) {
                return part.apply(0);
            }
            Map<Integer, T> out = new HashMap<>();
            for (int p = 0; p < ops.size(); p++) {
                int q = p;
                part.apply(p).forEach((k, v) -> out.put(position(q, k), v));
            }
            return out;
        }
    }

    /** The verdicts on one engine's {@code ops}, by position: none where it is undecided. */
    private static Map<Integer, RerunVerdicts.Verdict> protectOne(List<Operation> ops, Effects.Naming naming) {
        RerunVerdicts.Verdict[] verdicts = new RerunVerdicts.Verdict[ops.size()];
        List<List<Effect>> own = own(ops, naming);
        List<List<Effect>> effects = new ArrayList<>(ops.size());
        SchemaState state = firstRun(ops, own, effects, null, naming.uniqueKeyIsIndex(), NO_HOOK, NO_HOOK);
        ClaimView gone = new ClaimView(ops, own, Claim.GONE, state, effects);
        ClaimView there = new ClaimView(ops, own, Claim.THERE, state, effects);
        Map<String, List<Integer>> takenAway = null;
        MadeAnywhere made = null;
        // whether code before the operation may have taken objects whose names are not read
        boolean mayHaveTaken = false;
        // what code before the operation dropped or renamed away, by name in any schema
        TakenNames taken = new TakenNames();
        // the last SQL clause not read (ALTER TABLE t <clause>, ADD PRIMARY KEY (a)): it acts on the table the
        // statement's later clauses act on, so what they meet on the re-run is not known
        OpSite unreadClause = null;
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (op.site().phase() != Phase.UPGRADE) {
                continue;
            }
            boolean afterUnreadClause = unreadClause != null && sameStatement(unreadClause, op.site());
            if (op instanceof Operation.Unknown u && u.touches().isEmpty() && op.site().origin() == Origin.RAW_SQL) {
                unreadClause = op.site();
            }
            boolean takenBefore = mayHaveTaken;
            mayHaveTaken |= effects.get(i).stream().anyMatch(e -> e instanceof Effect.Forget f && f.reach().mayTake());
            boolean unreadSchemaTaken = unreadSchemaCreation(op) && taken.mayHaveTaken(op);
            taken.add(op, effects.get(i));
            boolean decided = Guard.protectsNothing(op.site().guard()) && sure(op) && provable(op)
                    && !effects.get(i).isEmpty();
            Effect first = decided ? deciding(op, effects.get(i)) : null;
            // a type made under a name not read (create_table's sa.Enum) may be there when the re-run makes it again:
            // the statement is never proven, and is unknown where its table is proven free
            boolean makesUnread = decided && effects.get(i).stream().anyMatch(RerunSimulation::madeUnread);
            boolean free = decided && proven(state, first);
            boolean proven = free && !makesUnread;
            // the invariant of every re-run rule: an object the re-run meets in an unknown state is never claimed
            // (a plain try/except guards nothing on PostgreSQL, so a statement under one is unknown alike: its
            // claim, the swallowed error that aborts the transaction, needs the error to be certain)
            // and so is one the claim's own view contradicts: the revision's statements make the object again before
            // the re-run reaches a drop or rename of it (or take it before a creation), and only code of unread
            // effect between them keeps that from being proven
            // (a statement the re-run surely finds something there for fails all the same: a rename's new name taken,
            // an index a constraint now owns)
            boolean makes = first instanceof Effect.Create
                    || first instanceof Effect.PrimaryKey k && k.after() == Presence.PRESENT;
            Presence seen = decided && !proven ? meets((makes ? there : gone).before(i), first) : null;
            Optional<Conflict> met = state.applyAll(effects.get(i));
            boolean contradicted = seen == (makes ? Presence.ABSENT : Presence.PRESENT)
                    && !(met.isPresent() && met.get().alreadyThere());
            // a statement on a table the revision takes away later surely fails on it (42P01), whatever its own
            // object would do: that is no unknown
            boolean tableGone = met.isPresent() && sure(op) && tableGone(op, met.get());
            boolean unknown = decided && !proven && unguarded(op) && !tableGone
                    && (free || seen == Presence.UNKNOWN || contradicted || afterUnreadClause);
            if (!unknown && unguarded(op) && op instanceof Operation.Drop d && onTableNotRead(d)) {
                made = made == null ? new MadeAnywhere(ops, gone.effects()) : made;
                unknown = made.mayMake(d.kind(), Effects.name(d.name(), op), d.table());
            }
            if (proven && met.isEmpty()) {
                verdicts[i] = RerunVerdicts.Verdict.CLEAN;
            } else if (unknown || (takenBefore && unreadCreation(op, effects.get(i)) || unreadSchemaTaken)
                    && !tableGone && unguarded(op)) {
                // a creation under a name not read, after code that may have taken what it makes under that name
                // (DROP VIEW {v.name}; CREATE VIEW {v.name} ...): whether the re-run finds it there is not known;
                // so is a creation in a schema read at run time (schema=settings.SCHEMA) after code that may have
                // taken an object of its name in that schema, whatever the schema is
                verdicts[i] = RerunVerdicts.Verdict.UNKNOWN;
            }
            if (met.isPresent() && sure(op)) {
                if (takenAway == null) {
                    takenAway = tablesTakenAway(ops);
                }
                failing(op, met.get(), ops, i, takenAway, verdicts);
            }
        }
        Map<Integer, RerunVerdicts.Verdict> out = new HashMap<>();
        for (int i = 0; i < verdicts.length; i++) {
            if (verdicts[i] != null) {
                out.put(i, verdicts[i]);
            }
        }
        return out;
    }

    /**
     * The first run as one kind of claim sees it ({@link Claim}), and the re-run after it up to a statement: a
     * revision's statements that make nothing never ask the view of a claim that their object is there, so each
     * view is made only when a statement first asks it, and then brought up to each statement that asks. A view
     * that sees every statement as the first run does (nothing conditional, nothing unread: most revisions) is the
     * re-run's own state, which {@link #protectOne} brings up to each statement before it asks.
     */
    private static final class ClaimView {
        private final List<Operation> ops;
        private final List<List<Effect>> own;
        private final Claim claim;
        private final List<List<Effect>> runEffects;
        private final SchemaState run;
        private List<List<Effect>> effects;
        private SchemaState state;
        private boolean shared;
        /** The re-run's statements applied to {@link #state} when it is not shared: those before this position. */
        private int applied;

        /** The view of {@code claim}; {@code run} and {@code runEffects}: the first run as it is. */
        ClaimView(List<Operation> ops, List<List<Effect>> own, Claim claim, SchemaState run,
                List<List<Effect>> runEffects) {
            this.ops = ops;
            this.own = own;
            this.claim = claim;
            this.run = run;
            this.runEffects = runEffects;
        }

        /** Each statement's effects on the first run, as this claim sees them. */
        List<List<Effect>> effects() {
            if (effects == null) {
                List<Seen> seen = seenAll(ops, own, claim);
                shared = true;
                for (int i = 0; i < seen.size() && shared; i++) {
                    shared = !seen.get(i).leavesOutMakes() && seen.get(i).effects().equals(runEffects.get(i));
                }
                if (shared) {
                    effects = runEffects;
                    state = run;
                } else {
                    effects = new ArrayList<>(ops.size());
                    state = firstRun(seen, effects, run.uniqueKeyIsIndex(), NO_HOOK, NO_HOOK);
                }
            }
            return effects;
        }

        /** The state the re-run meets upgrade statement {@code i} in. */
        SchemaState before(int i) {
            effects();
            for (; !shared && applied < i; applied++) {
                if (ops.get(applied).site().phase() == Phase.UPGRADE) {
                    state.applyAll(effects.get(applied));
                }
            }
            return state;
        }
    }

    /** Whether {@code a} and {@code b} are clauses of one SQL statement of one call. */
    static boolean sameStatement(OpSite a, OpSite b) {
        return b.origin() == Origin.RAW_SQL && a.sqlStart() == b.sqlStart() && a.sqlEnd() == b.sqlEnd()
                && Objects.equals(a.statement(), b.statement());
    }

    /**
     * A drop of a column (constraint, trigger, policy, rule) named in the code on a table read at run time
     * ({@code for t in tables: op.drop_column(t, "code")}): the state cannot name its object, so it cannot say
     * what the re-run meets there.
     */
    private static boolean onTableNotRead(Operation.Drop d) {
        return d.name() != null && ObjectRef.tableScoped(d.kind()) && Effects.ref(d, d.kind(), d.table(), d.name()) == null;
    }

    /**
     * What a revision's statements may make that a drop on a table read at run time may name: a column made or
     * renamed onto that name on any table, a table renamed into place (it brings its columns and keys), code given
     * that name or the drop's table name, or code that may make objects of that kind under names not read. The
     * state cannot tie such an object to the dropped one, which may then be there again when the re-run reaches
     * the drop (PostgreSQL: the drop succeeds), so no claim is made. A statement on a table whose schema is read at
     * run time still names what it makes ({@code add_column("t", sa.Column("c"), schema=SCHEMA)} makes a column
     * "c", whatever it forgets). Built once per revision from the effects that may undo a claim that an object is
     * gone; each question is a few lookups.
     */
    private static final class MadeAnywhere {
        private final Map<ObjectKind, Set<String>> named = new HashMap<>();
        private final Set<ObjectKind> unnamed = new HashSet<>();
        private final Set<String> given = new HashSet<>();
        private boolean anyTable;

        MadeAnywhere(List<Operation> ops, List<List<Effect>> effects) {
            for (int i = 0; i < ops.size(); i++) {
                if (unreadSchema(ops.get(i), effects.get(i))) {
                    continue;
                }
                for (Effect e : effects.get(i)) {
                    if (e instanceof Effect.Create c && ObjectRef.tableScoped(c.object().kind())) {
                        made(c.object());
                    } else if (e instanceof Effect.Rename r) {
                        made(r.target());
                    } else if (e instanceof Effect.Forget f && f.reach().mayMake()) {
                        forgot(f);
                    }
                }
            }
        }

        /**
         * A column added, or a table made, on a table named in the code whose schema is read at run time: its
         * effects forget everything, but what it makes is named; a table made so may be any table.
         */
        private boolean unreadSchema(Operation op, List<Effect> effects) {
            if (effects.stream().noneMatch(e -> e instanceof Effect.Forget f && f.scope() == Effect.Forget.Scope.EVERYTHING
                    && f.reach().mayMake())) {
                return false;
            }
            if (op instanceof Operation.AddColumn a && a.table() != null && a.column().name() != null
                    && !a.column().primaryKey() && Effects.ref(op, ObjectKind.COLUMN, a.table(), a.column().name()) == null) {
                named.computeIfAbsent(ObjectKind.COLUMN, k -> new HashSet<>()).add(folded(Effects.name(a.column().name(), op)));
                // its foreign key, index or unique constraint is named by a convention or by PostgreSQL
                unnamed.addAll(List.of(ObjectKind.CONSTRAINT, ObjectKind.TRIGGER));
                return true;
            }
            return false;
        }

        private void made(ObjectRef o) {
            if (ObjectRef.tableScoped(o.kind())) {
                named.computeIfAbsent(o.kind(), k -> new HashSet<>()).add(folded(o.name().name()));
            } else if (o.kind() == ObjectKind.TABLE) {
                // a table renamed into place, or one that may be made, brings what it holds (a new table's
                // columns and keys are creations of their own)
                anyTable = true;
            }
        }

        private void forgot(Effect.Forget f) {
            switch (f.scope()) {
                case OBJECT -> made(f.object());
                case KIND -> {
                    if (f.kind() == ObjectKind.TABLE) {
                        anyTable = true;
                    } else {
                        unnamed.add(f.kind());
                    }
                }
                case TABLE_KEYS -> unnamed.addAll(List.of(ObjectKind.CONSTRAINT, ObjectKind.TRIGGER,
                        ObjectKind.POLICY, ObjectKind.RULE));
                case NAMED -> f.names().forEach(n -> given.add(folded(n)));
                default -> anyTable = true;
            }
        }

        /** Whether the revision may make a {@code kind} called {@code name} on table {@code table} (as written). */
        boolean mayMake(ObjectKind kind, String name, String table) {
            return anyTable || unnamed.contains(kind) || named.getOrDefault(kind, Set.of()).contains(folded(name))
                    || given.contains(folded(name)) || table != null && given.contains(folded(table));
        }
    }

    /**
     * Whether a re-run claim on operation {@code at} of a revision's upgrade {@code ops} stands when operation
     * {@code failing} surely fails on the revision's first run. A re-run claim is about Alembic running the
     * revision again after it ran whole and was not stamped; a revision that fails on its first run never runs
     * whole. Its failing statement and those after it never run at all. A statement before it ran, but in
     * one transaction with the failure ({@code transactional}: PostgreSQL, whose DDL Alembic runs in a
     * transaction, and no env.py autocommit) it is rolled back with it, and the next attempt meets nothing of
     * it: no claim. One that committed first (in an autocommit block, or before a {@code COMMIT} the revision
     * runs ahead of the failing statement), or any on MySQL and MariaDB, where each DDL statement commits, is
     * met by the next attempt: its claim stands.
     */
    static boolean claimStands(List<Operation> ops, int failing, int at, boolean transactional) {
        if (at >= failing) {
            return false;
        }
        return !transactional || ops.get(at).site().autocommit() || ops.get(failing).site().afterCommit();
    }

    /** Where the re-run reaches {@code ops.get(at)}, is {@code object} there? */
    public record Question(int at, ObjectRef object) {
    }

    /**
     * The answers to {@code questions}, from one first run and one re-run of {@code ops}: whether the re-run meets
     * each asked object gone where it reaches the asked operation (before it runs). Unknown where code of the
     * revision may make it again: a claim that it is gone is then never made.
     */
    static Map<Question, Presence> meets(List<Operation> ops, Effects.Naming naming, Collection<Question> questions) {
        Map<Integer, List<ObjectRef>> byOp = new HashMap<>();
        for (Question q : questions) {
            byOp.computeIfAbsent(q.at(), k -> new ArrayList<>()).add(q.object());
        }
        ByEngine engines = new ByEngine(ops);
        Map<Question, Presence> out = new HashMap<>();
        engines.join(p -> meetsOne(engines.ops(p), naming, k -> byOp.get(engines.position(p, k))))
                .forEach((at, met) -> met.forEach((o, presence) -> out.put(new Question(at, o), presence)));
        return out;
    }

    /** {@link #meets} on one engine's {@code ops}: the objects {@code asked} at each place (null: none), by place. */
    private static Map<Integer, Map<ObjectRef, Presence>> meetsOne(List<Operation> ops, Effects.Naming naming,
            IntFunction<List<ObjectRef>> asked) {
        List<List<Effect>> effects = new ArrayList<>(ops.size());
        SchemaState state = firstRun(ops, naming, effects, Claim.GONE);
        Map<Integer, Map<ObjectRef, Presence>> out = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            List<ObjectRef> objects = asked.apply(i);
            if (objects != null) {
                Map<ObjectRef, Presence> met = new HashMap<>();
                objects.forEach(o -> met.put(o, state.presence(o)));
                out.put(i, met);
            }
            state.applyAll(effects.get(i));
        }
        return out;
    }

    /**
     * The column creations among {@code ops} (at the indexes {@code at}) that the re-run, were it to skip them,
     * would leave in another place among their table's columns than the first run did, each with a column of
     * that table the re-run adds before reaching it. PostgreSQL appends an added column after the table's other
     * columns: a column the revision drops (or a {@code DROP TYPE ... CASCADE} takes) and adds again before the
     * asked one came before it on the first run, and comes after it on the re-run, whose guard leaves the asked
     * column where it was. A column the re-run may meet gone there (its drop under a condition) may move so too;
     * one the revision takes away again by its end moves nothing. Only what the revision names is followed:
     * code of unread effect is not taken to add a column.
     */
    static Map<Integer, ObjectRef> columnsMovedBefore(List<Operation> ops, Effects.Naming naming,
            Collection<Integer> at) {
        ByEngine engines = new ByEngine(ops);
        List<List<Integer>> asked = engines.places(at);
        return engines.join(p -> columnsMovedBeforeOne(engines.ops(p), naming, asked.get(p)));
    }

    private static Map<Integer, ObjectRef> columnsMovedBeforeOne(List<Operation> ops, Effects.Naming naming,
            Collection<Integer> at) {
        Set<Integer> asked = new HashSet<>(at);
        Map<Integer, ObjectRef> out = new HashMap<>();
        if (asked.isEmpty()) {
            return out;
        }
        List<List<Effect>> ownEffects = own(ops, naming);
        List<List<Effect>> columns = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            // an except handler after an abort makes nothing on the first run, but its column is where it adds it
            List<Effect> all = op.site().phase() != Phase.UPGRADE ? List.of()
                    : afterAbort(op) ? Effects.of(op, naming) : ownEffects.get(i);
            columns.add(all.stream()
                    .filter(e -> e instanceof Effect.Create c && c.object().kind() == ObjectKind.COLUMN).toList());
        }
        if (!addedEarlierOnSameTable(ops, columns, asked)) {
            // only a column the revision adds before an asked one, on its table, can have moved
            return out;
        }
        SchemaState left = firstRun(ops, ownEffects, new ArrayList<>(), null, naming.uniqueKeyIsIndex(), NO_HOOK,
                NO_HOOK);
        List<List<Effect>> effects = new ArrayList<>(ops.size());
        // the claim the re-run's skip makes of each earlier column: it is there, and so not added again; each
        // column is taken as added where the revision adds it (under a condition too: had it not run, it moved
        // nothing), so that only what may take it away since leaves it gone
        SchemaState rerun = firstRun(ops, ownEffects, effects, Claim.THERE, naming.uniqueKeyIsIndex(), NO_HOOK,
                (i, st) -> st.applyAll(columns.get(i)));
        // per table, the first column the re-run so far adds again and the first run leaves
        Map<QualifiedName, ObjectRef> moved = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (op.site().phase() != Phase.UPGRADE) {
                continue;
            }
            List<Effect> own = columns.get(i);
            if (asked.contains(i)) {
                for (Effect e : own) {
                    ObjectRef before = moved.get(((Effect.Create) e).object().table());
                    if (before != null) {
                        out.putIfAbsent(i, before);
                    }
                }
            }
            for (Effect e : own) {
                if (e instanceof Effect.Create c && rerun.presence(c.object()) != Presence.PRESENT
                        && left.presence(c.object()) != Presence.ABSENT) {
                    moved.putIfAbsent(c.object().table(), c.object());
                }
            }
            rerun.applyAll(effects.get(i));
            rerun.applyAll(own);
        }
        return out;
    }

    /** Whether an upgrade statement the revision runs before an {@code asked} one adds a column to its table. */
    private static boolean addedEarlierOnSameTable(List<Operation> ops, List<List<Effect>> columns, Set<Integer> asked) {
        Set<QualifiedName> tables = new HashSet<>();
        for (int i = 0; i < ops.size(); i++) {
            for (Effect e : columns.get(i)) {
                if (asked.contains(i) && tables.contains(((Effect.Create) e).object().table())) {
                    return true;
                }
            }
            for (Effect e : columns.get(i)) {
                tables.add(((Effect.Create) e).object().table());
            }
        }
        return false;
    }

    /**
     * The inserts among {@code ops} (at the indexes {@code at}) whose re-run meets the rows their first run wrote:
     * no statement may have removed rows of the table since (on the first run after the insert, or on the re-run
     * before it), but a DELETE of rows by constants that certainly differ from those it writes, and the insert
     * writes those rows again: as the statement writes them, or every row of another table that held rows the
     * state knows on both runs, none removed between. Rows a query selects (a WHERE, a join), or rows of a table
     * whose rows are not known, may be none: nothing is met.
     */
    static Set<Integer> rowsMet(List<Operation> ops, Effects.Naming naming, Collection<Integer> at) {
        Map<Set<Guard.Condition>, List<Integer>> worlds = worlds(ops);
        if (worlds.isEmpty()) {
            return rowsMetAll(ops, naming, at);
        }
        // an insert under a condition on configuration meets its rows in the world where that condition holds
        Set<Integer> asked = new HashSet<>(at);
        List<Integer> plain = new ArrayList<>();
        for (int i : at) {
            if (!inWorld(ops.get(i))) {
                plain.add(i);
            }
        }
        Set<Integer> out = new HashSet<>(rowsMetAll(ops, naming, plain));
        for (Map.Entry<Set<Guard.Condition>, List<Integer>> w : worlds.entrySet()) {
            List<Integer> here = w.getValue().stream().filter(asked::contains).toList();
            if (!here.isEmpty()) {
                out.addAll(rowsMetAll(world(ops, w.getKey()), naming, here));
            }
        }
        return out;
    }

    /** {@link #rowsMet}, with statements under a condition on configuration as may-not-run, engine by engine. */
    private static Set<Integer> rowsMetAll(List<Operation> ops, Effects.Naming naming, Collection<Integer> at) {
        ByEngine engines = new ByEngine(ops);
        List<List<Integer>> asked = engines.places(at);
        return engines.join(p -> rowsMetOne(engines.ops(p), naming, asked.get(p))).keySet();
    }

    /** {@link #rowsMet} on one engine's {@code ops}: the inserts that meet their rows, by place, with what they write. */
    private static Map<Integer, Effect.Write> rowsMetOne(List<Operation> ops, Effects.Naming naming,
            Collection<Integer> at) {
        Map<Integer, Effect.Write> writes = new HashMap<>();
        for (int i : at) {
            for (Effect e : Effects.of(ops.get(i), naming)) {
                if (e instanceof Effect.Write w && (w.from() == RowSource.Kind.AS_WRITTEN
                        || w.from() == RowSource.Kind.COPY && w.copied() != null && !w.copied().equals(w.table()))) {
                    writes.put(i, w);
                }
            }
        }
        // per asked insert: its table after the first run wrote it, its copied table before the first run reached it
        Map<Integer, SchemaState.Rows> written = new HashMap<>();
        Map<Integer, SchemaState.Rows> copiedFirst = new HashMap<>();
        List<List<Effect>> effects = new ArrayList<>(ops.size());
        SchemaState state = firstRun(ops, own(ops, naming), effects, null, naming.uniqueKeyIsIndex(), (i, s) -> {
            Effect.Write w = writes.get(i);
            if (w != null && w.copied() != null) {
                copiedFirst.put(i, s.rows(w.copied().name()));
            }
        }, (i, s) -> {
            if (writes.containsKey(i)) {
                written.put(i, s.rows(writes.get(i).table().name()));
            }
        });
        Map<Integer, Effect.Write> out = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Effect.Write w = writes.get(i);
            if (w != null && state.keeps(w.table().name(), written.get(i), w)) {
                SchemaState.Rows before = w.copied() == null ? null : copiedFirst.get(i);
                SchemaState.Rows now = w.copied() == null ? null : state.rows(w.copied().name());
                if (w.copied() == null || before.known() && now.known() && before.same(now)) {
                    out.put(i, w);
                }
            }
            state.applyAll(effects.get(i));
        }
        return out;
    }

    /**
     * The object a re-run claim on {@code op} is about: what it makes, drops or renames away, as
     * {@link Effects#of} names it; null when that name cannot be read.
     */
    static ObjectRef claimed(Operation op, Effects.Naming naming) {
        List<Effect> effects = Effects.of(op, naming);
        return effects.isEmpty() ? null : object(deciding(op, effects));
    }

    private static ObjectRef object(Effect e) {
        return e instanceof Effect.Create c ? c.object() : e instanceof Effect.Drop d ? d.object()
                : e instanceof Effect.Rename r ? r.object() : e instanceof Effect.Require q ? q.object() : null;
    }

    /**
     * Whether the re-run meets the object {@code first} is decided on there, unknown when the revision leaves it
     * so (code of unread effect, a loop, a conditional statement between); a table's one primary key is there
     * when it or the name is.
     */
    private static Presence meets(SchemaState state, Effect first) {
        if (first instanceof Effect.PrimaryKey k) {
            return state.primaryKey(k.table());
        }
        ObjectRef o = object(first);
        if (o == null) {
            // a name read at run time: what it is cannot be asked, and the rules decide on what the statement says
            return null;
        }
        Presence named = state.presence(o);
        if (first instanceof Effect.Create c && SchemaState.makesPrimaryKey(c)) {
            Presence key = state.primaryKey(o.table());
            return named == Presence.PRESENT || key == Presence.PRESENT ? Presence.PRESENT
                    : named == Presence.UNKNOWN || key == Presence.UNKNOWN ? Presence.UNKNOWN : Presence.ABSENT;
        }
        return named;
    }

    /**
     * The effect whose success on the re-run decides the operation's: its first, except that a primary key
     * is decided on its table's one primary key, whatever either is called, and types made under names not
     * read come second.
     */
    private static Effect deciding(Operation op, List<Effect> effects) {
        if (op instanceof Operation.AddConstraint c && c.kind() == ConstraintKind.PRIMARY_KEY) {
            for (Effect e : effects) {
                if (e instanceof Effect.PrimaryKey || e instanceof Effect.Create) {
                    return e;
                }
            }
        }
        if (op instanceof Operation.Drop d && d.primaryKeyClause()) {
            // MySQL's DROP PRIMARY KEY names no key: it needs the table's one key there, whatever its name
            // (drop_constraint(name, type_="primary") sends the name, which PostgreSQL looks up)
            for (Effect e : effects) {
                if (e instanceof Effect.PrimaryKey) {
                    return e;
                }
            }
        }
        for (Effect e : effects) {
            if (!madeUnread(e)) {
                return e;
            }
        }
        return effects.get(0);
    }

    /**
     * Objects of a kind made under a name not read, as the enum types a {@code create_table} makes before its
     * table: the statement is decided on what it names.
     */
    private static boolean madeUnread(Effect e) {
        return e instanceof Effect.Forget f && f.scope() == Effect.Forget.Scope.KIND && !f.reach().mayTake();
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
    static List<Failure> failures(List<Operation> ops, Effects.Naming naming) {
        List<List<Effect>> effects = new ArrayList<>(ops.size());
        SchemaState state = firstRun(ops, naming, effects, null);
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
     * The operations before position {@code committed} of {@code ops}' upgrade that fail when the revision runs
     * again after a first run that stopped there, every statement before it committed (MySQL and MariaDB commit
     * each DDL statement), in order, each with its conflict: {@link #failures} of a first run of those operations
     * alone.
     */
    static List<Failure> failuresAfterStop(List<Operation> ops, Effects.Naming naming, int committed) {
        return failures(ops.subList(0, committed), naming);
    }

    /**
     * The state one whole run of the upgrade leaves on a schema of which nothing was known, as the re-run
     * meets it; each operation's effects (uncertain when it may not run) into {@code effects}, in order, with
     * those that cannot undo a {@code claim} left out (null: none left out).
     */
    private static SchemaState firstRun(List<Operation> ops, Effects.Naming naming, List<List<Effect>> effects,
            Claim claim) {
        return firstRun(ops, own(ops, naming), effects, claim, naming.uniqueKeyIsIndex(), NO_HOOK, NO_HOOK);
    }

    /** A first run's look at the state before or after an operation that looks at nothing. */
    private static final BiConsumer<Integer, SchemaState> NO_HOOK = (i, s) -> { };

    /**
     * What a re-run claim says of its object, and so which uncertainty can undo it. A claim that the object is
     * gone (a drop, a rename's source, a read before a drop) is undone only by code that may make it again: a
     * drop whose name is read at run time, or one that may not run, only takes, and leaves gone what is gone. A
     * claim that the object is there (a creation) is undone only by code that may take it: a creation that may
     * not run only makes. Code that is given no name at all (a call into another module with no string
     * argument, SQL that could not be read) is not taken to reach the objects a claim names: what such a
     * helper rebuilds it is given the name of ({@code helpers.transform_table("package", ...)}).
     */
    private enum Claim {
        GONE, THERE;

        boolean undoneBy(Effect.Forget.Reach reach) {
            return this == GONE ? reach.mayMake() : reach.mayTake();
        }
    }

    /**
     * Each operation's own effects ({@link Effects#of}) as the first run meets it: none for a downgrade's, and none
     * for an except handler that runs only in a transaction its try body's failure aborted, which never ran in a run
     * that completed (GuardKind.AFTER_ABORT): it makes and takes nothing. A revision's first runs, one per claim,
     * start from one such list.
     */
    private static List<List<Effect>> own(List<Operation> ops, Effects.Naming naming) {
        List<List<Effect>> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            out.add(op.site().phase() == Phase.UPGRADE && !afterAbort(op) ? List.copyOf(Effects.of(op, naming)) : List.of());
        }
        return out;
    }

    /**
     * As {@link #firstRun(List, Effects.Naming, List, Claim)}, from each operation's {@link #own} effects, showing the
     * state before and after each operation.
     */
    private static SchemaState firstRun(List<Operation> ops, List<List<Effect>> own, List<List<Effect>> effects,
            Claim claim, boolean keyIsIndex, BiConsumer<Integer, SchemaState> before,
            BiConsumer<Integer, SchemaState> after) {
        return firstRun(seenAll(ops, own, claim), effects, keyIsIndex, before, after);
    }

    /**
     * The first run of a revision whose operations are {@code seen} as one view sees them, on a server where a unique
     * key is its index when {@code keyIsIndex} ({@link SchemaState#unknown(boolean)}).
     */
    private static SchemaState firstRun(List<Seen> seen, List<List<Effect>> effects, boolean keyIsIndex,
            BiConsumer<Integer, SchemaState> before,
            BiConsumer<Integer, SchemaState> after) {
        SchemaState state = SchemaState.unknown(keyIsIndex);
        for (int i = 0; i < seen.size(); i++) {
            before.accept(i, state);
            if (seen.get(i).leavesOutMakes()) {
                state.leaveOutMakes();
            }
            effects.add(seen.get(i).effects());
            state.applyAll(seen.get(i).effects());
            after.accept(i, state);
        }
        // the re-run is another Alembic run, on another connection
        state.endSession();
        return state;
    }

    /** {@link #seen} of each operation. */
    private static List<Seen> seenAll(List<Operation> ops, List<List<Effect>> own, Claim claim) {
        List<Seen> out = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            out.add(seen(ops.get(i), own.get(i), claim));
        }
        return out;
    }

    /**
     * One operation's effects on the first run as a {@code claim} sees it (null: as it is, uncertain when it may not
     * run), and whether that view leaves out something the operation may make ({@link SchemaState#leaveOutMakes}).
     */
    private record Seen(List<Effect> effects, boolean leavesOutMakes) {
    }

    /** {@link Seen} for operation {@code op}, whose own effects are {@code own} ({@link #own}). */
    private static Seen seen(Operation op, List<Effect> own, Claim claim) {
        boolean aborted = afterAbort(op);
        List<Effect> e = own;
        boolean leavesOut = false;
        if (aborted) {
            e = List.of();
        } else if (claim != null && (op instanceof Operation.Unknown u && u.touches().isEmpty()
                || op instanceof Operation.RawSql)) {
            e = List.of();
        } else if (claim != null) {
            // a drop whose name is read at run time forgets what it may take, and makes nothing; a creation
            // of an unread type or name forgets what it may make, and takes nothing (Effect.Forget#reach)
            List<Effect> kept = e.stream().filter(x -> !(x instanceof Effect.Forget f) || claim.undoneBy(f.reach()))
                    .toList();
            leavesOut = claim == Claim.THERE && kept.size() < e.size();
            e = kept;
        }
        List<Effect> settled = sure(op) || aborted ? e : settledByGuard(op, e);
        if (settled == null && claim != null) {
            List<Effect> kept = e.stream()
                    .filter(x -> !(claim == Claim.GONE ? x instanceof Effect.Drop : x instanceof Effect.Create)).toList();
            leavesOut |= claim == Claim.THERE && kept.size() < e.size();
            e = kept;
        }
        return new Seen(settled != null ? settled : Effect.uncertain(e), leavesOut);
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
        return GuardMatch.eval(g.condition(), List.of(object),
                x -> GuardMatch.matches(x, object) ? present : Guard.Truth.UNKNOWN) == Guard.Truth.TRUE;
    }

    /**
     * {@code op} as the re-run meets it when that is not what a re-run rule assumes of it alone: a drop of a
     * table that a foreign key of another table, made by this revision, references ({@code 2BP01}, even where
     * the revision makes the table again later, which is why the drop seemed to re-run), a rename onto a
     * name the revision left taken ({@code 42P07}, {@code 42710}, {@code 42701}), a drop of an index that a
     * constraint the revision makes under its name now owns ({@code 2BP01}), and an insert into a table
     * the revision drops or renames away after it ({@code 42P01}, raised before any key is compared). Other
     * conflicts are what the rules say already.
     */
    private static void failing(Operation op, Conflict c, List<Operation> ops, int at,
            Map<String, List<Integer>> takenAway, RerunVerdicts.Verdict[] verdicts) {
        RerunFailure f = null;
        if (tableGone(op, c)) {
            // the table the statement works on (the rows go into, the column or constraint lives on, the index is
            // made on) is gone by the time the re-run reaches it: 42P01 comes first, whatever the statement's own
            // object (the rows' keys, ON CONFLICT, IF NOT EXISTS) would do
            f = new RerunFailure(c.sqlState(), quoted(c.object())
                    + " is already gone: this revision " + goneBy(c.object(), ops, at, takenAway) + " after "
                    + (op instanceof Operation.Insert ? "the insert" : "this statement"), c.object().name().name());
        } else if (op instanceof Operation.Drop && c.about() == Conflict.About.DEFAULT_USES_SEQUENCE) {
            // the first run made a table LIKE this one with its defaults: a serial column's copy takes values from
            // the sequence the drop takes with it
            f = new RerunFailure(c.sqlState(), "owns the sequence the default of " + quoted(c.object())
                    + " (copied by LIKE) uses");
        } else if (op instanceof Operation.Drop && c.sqlState() == PostgresFacts.dropWithDependents()
                && c.object().kind() == ObjectKind.TABLE) {
            f = new RerunFailure(c.sqlState(), "is still referenced by a foreign key of "
                    + quoted(c.object()), null, c.object().name().schema() == null ? c.object().name().name() : null);
        } else if (op instanceof Operation.Drop d && d.kind() == ObjectKind.INDEX
                && c.object().kind() == ObjectKind.CONSTRAINT && c.sqlState() == PostgresFacts.dropIndexOfConstraint()) {
            // the first run made a UNIQUE, PRIMARY KEY or EXCLUDE constraint under the index's name: the index is
            // the constraint's now, and DROP INDEX refuses it, IF EXISTS or not
            f = new RerunFailure(c.sqlState(), "backs the constraint of that name this revision makes");
        } else if (op instanceof Operation.Rename && c.alreadyThere() && op.site().guard() == null
                && verdicts[at] == null) {
            f = new RerunFailure(c.sqlState(), quoted(c.object()) + " already exists");
        }
        if (f != null) {
            verdicts[at] = RerunVerdicts.Verdict.fails(f);
        }
    }

    /**
     * Whether {@code c} is the table {@code op} works on missing, not its own object: a statement on a column,
     * constraint, index, trigger or rows of a table that is gone ({@link PostgresFacts#tableMissing}), where a
     * drop or rename of the table itself trips on its own object.
     */
    private static boolean tableGone(Operation op, Conflict c) {
        return !c.alreadyThere() && c.about() == Conflict.About.OBJECT && c.object().kind() == ObjectKind.TABLE
                && c.sqlState() == PostgresFacts.tableMissing()
                && !(op instanceof Operation.Drop d && d.kind() == ObjectKind.TABLE)
                && !(op instanceof Operation.Rename r && r.kind() == ObjectKind.TABLE)
                && !(op instanceof Operation.CreateTable) && !skipsMissingTable(op.site());
    }

    /**
     * {@code ALTER TABLE IF EXISTS t ...}: PostgreSQL skips the whole statement while {@code t} is missing
     * ({@link PostgresFacts#tableMissing}); a rename carries that itself ({@link Operation.Rename#ifExists}).
     */
    private static boolean skipsMissingTable(OpSite site) {
        if (site.origin() != Origin.RAW_SQL || site.sql() == null || site.sqlStart() < 0) {
            return false;
        }
        List<SqlWords.Word> w = SqlWords.of(site.sql().text(), site.sqlStart(), site.sqlEnd());
        return w.size() > 4 && keyword(w.get(0), "ALTER") && keyword(w.get(1), "TABLE") && keyword(w.get(2), "IF")
                && keyword(w.get(3), "EXISTS");
    }

    private static boolean keyword(SqlWords.Word w, String k) {
        return w.word() && w.text().equalsIgnoreCase(k);
    }

    /** How the statements after the insert at {@code at} take {@code table} away: "drops it", "renames it to "hosts"". */
    private static String goneBy(ObjectRef table, List<Operation> ops, int at, Map<String, List<Integer>> takenAway) {
        List<Integer> by = takenAway.getOrDefault(folded(table.name().name()), List.of());
        int i = Collections.binarySearch(by, at + 1);
        i = i >= 0 ? i : -i - 1;
        if (i < by.size()) {
            return ops.get(by.get(i)) instanceof Operation.Rename r ? "renames it to \"" + r.to() + "\"" : "drops it";
        }
        return "drops or renames it";
    }

    /**
     * The statements of {@code ops} that rename a table away or drop it, by the table's name {@link #folded}, in
     * order: each insert's is then a lookup, not a scan of the statements after it.
     */
    private static Map<String, List<Integer>> tablesTakenAway(List<Operation> ops) {
        Map<String, List<Integer>> out = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Operation o = ops.get(i);
            String name = o instanceof Operation.Rename r && r.kind() == ObjectKind.TABLE && r.to() != null ? r.from()
                    : o instanceof Operation.Drop d && d.kind() == ObjectKind.TABLE ? d.name() : null;
            if (name != null) {
                out.computeIfAbsent(folded(name), k -> new ArrayList<>()).add(i);
            }
        }
        return out;
    }

    /** A name as {@link String#equalsIgnoreCase} compares it: each char's upper case, lower-cased. */
    static String folded(String name) {
        char[] c = name.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(Character.toUpperCase(c[i]));
        }
        return new String(c);
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
            // under a condition on configuration too (Guard#settledTry), it ran only where that held
            return !g.settledTry();
        }
        return g == null && !op.site().conditional();
    }

    /**
     * Whether nothing but a plain try/except (or {@code contextlib.suppress}) stands around the statement: on
     * PostgreSQL that keeps no error from aborting the transaction, so the statement's re-run is decided as an
     * unguarded one's, and an unknown state leaves it unclaimed too.
     */
    private static boolean unguarded(Operation op) {
        Guard g = op.site().guard();
        return g == null || g.kind() == GuardKind.TRY_EXCEPT && !g.settledTry();
    }

    /** Whether {@code op} lies in an except handler reached only in an aborted transaction. */
    private static boolean afterAbort(Operation op) {
        Guard g = op.site().guard();
        return g != null && g.kind() == GuardKind.AFTER_ABORT;
    }


    /** A creation of a kind with no name read: its effects make nothing the state can follow. */
    private static boolean unreadCreation(Operation op, List<Effect> effects) {
        return op instanceof Operation.CreateObject c && c.name() == null
                && effects.stream().noneMatch(e -> e instanceof Effect.Create);
    }

    /**
     * The kind and name an operation makes (the table it makes it on, for an object of a table), or null when it
     * makes no one named object.
     */
    private record Made(ObjectKind kind, String name, String table) {
        static Made of(Operation op) {
            if (op instanceof Operation.AddConstraint c && c.name() != null) {
                return new Made(ObjectKind.CONSTRAINT, c.name(), c.table());
            } else if (op instanceof Operation.CreateIndex ix && ix.name() != null) {
                return new Made(ObjectKind.INDEX, ix.name(), ix.table());
            } else if (op instanceof Operation.AddColumn a && a.column().name() != null) {
                return new Made(ObjectKind.COLUMN, a.column().name(), a.table());
            } else if (op instanceof Operation.CreateTable t && t.table() != null) {
                return new Made(ObjectKind.TABLE, t.table(), null);
            } else if (op instanceof Operation.CreateEnumType e && e.name() != null) {
                return new Made(ObjectKind.TYPE, e.name(), null);
            } else if (op instanceof Operation.CreateObject o && o.name() != null) {
                return new Made(o.kind(), o.name(), o.table());
            }
            return null;
        }
    }

    /**
     * A creation of a named object in a schema the code reads at run time ({@code create_foreign_key(...,
     * source_schema=settings.SCHEMA)}): its effects forget everything, as its object cannot be placed, and no state
     * proves it free or taken.
     */
    private static boolean unreadSchemaCreation(Operation op) {
        Made made = Made.of(op);
        return made != null && op.site().targets().of(made.table() != null ? made.table() : made.name()).dynamic();
    }

    /**
     * The names earlier statements dropped or renamed away, in any schema, by kind, and the tables so taken (their
     * objects go with them): a creation in a schema read at run time may be in the schema of any of them (the same
     * expression on both statements names the same schema; a written one may be the value read), so one of such a
     * name is not known to be there on the re-run. Code that may take objects under names not read is
     * {@code mayHaveTaken}'s.
     */
    private static final class TakenNames {
        private final Map<ObjectKind, Set<String>> names = new HashMap<>();
        private final Set<String> tables = new HashSet<>();

        void add(Operation op, List<Effect> effects) {
            // the statement as written too: a drop in a schema read at run time has no object in its effects
            if (op instanceof Operation.Drop d && d.name() != null) {
                taken(d.kind(), Effects.name(d.name(), op));
            } else if (op instanceof Operation.Rename r && r.from() != null && r.kind() != ObjectKind.OTHER) {
                taken(r.kind(), Effects.name(r.from(), op));
            }
            for (Effect e : effects) {
                ObjectRef o = e instanceof Effect.Drop d ? d.object() : e instanceof Effect.Rename r ? r.object() : null;
                if (o != null) {
                    taken(o.kind(), o.name().name());
                }
            }
        }

        private void taken(ObjectKind kind, String name) {
            names.computeIfAbsent(kind, k -> new HashSet<>()).add(folded(name));
            if (kind == ObjectKind.TABLE) {
                tables.add(folded(name));
            }
        }

        boolean mayHaveTaken(Operation op) {
            Made made = Made.of(op);
            String name = folded(Effects.name(made.name(), op));
            return names.getOrDefault(made.kind(), Set.of()).contains(name)
                    || made.table() != null && tables.contains(folded(Effects.name(made.table(), op)));
        }
    }

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

    private static boolean proven(SchemaState state, Effect first) {
        return !(first instanceof Effect.Create c && c.shape().postgresNamed() && !SchemaState.makesPrimaryKey(c))
                && state.proves(first);
    }
}
