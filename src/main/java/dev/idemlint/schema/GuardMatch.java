package dev.idemlint.schema;

import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.Guard.Condition;
import dev.idemlint.migration.Guard.Truth;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostOrder;
import dev.idemlint.migration.Phase;
import dev.idemlint.migration.RerunVerdicts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Whether an operation's guard protects that operation, decided on the objects it checks: the
 * guard's {@link Condition} is evaluated on what the operation leaves behind ({@link Effects#of}: what it
 * creates is there, what it drops is gone, a created object's table is there, the rest unknown). The
 * operation is protected unless the condition then certainly holds, that is unless a re-run certainly
 * runs it again. {@code if not column_exists("accounts", "owner_id")} does not protect
 * {@code add_column("ledgers", ...)}: see {@link #resolve}.
 */
public final class GuardMatch {
    private GuardMatch() {
    }

    /**
     * A guard keeps this operation of {@code m} from running while its object exists (creating) or once it is gone
     * (dropping, renaming), or the re-run check settled it ({@link RerunVerdicts#settled}: proven clean, or
     * unknown): no re-run rule claims it.
     */
    public static boolean guarded(Migration m, Operation op) {
        return m.verdicts().settled(op) || guarded(op);
    }

    /**
     * A guard keeps this operation from running while its object exists (creating) or once it is gone (dropping,
     * renaming): its own guard alone, without the re-run verdicts. A guard that is no branch (a DO block, a
     * savepoint) protects; a branch protects unless its condition is certainly true once the operation has run.
     */
    public static boolean guarded(Operation op) {
        Guard g = op.site().guard();
        if (Guard.protectsNothing(g) || g.settled()) {
            // a condition on configuration runs the statement again exactly when it ran: it protects nothing
            return false;
        }
        if (g.condition() == null) {
            return true;
        }
        Map<ObjectRef, Presence> after = after(op, Effects.Naming.UNKNOWN);
        return eval(g.condition(), after.keySet(), x -> truth(x, after)) != Truth.TRUE;
    }

    /**
     * One condition laid out for evaluation with few tests answered: its nodes in pre-order, each with its
     * parent, its truth when no test is answered, and for each node the count of its operands of each truth;
     * its tests by name {@link RerunSimulation#folded folded} (as {@link #matches} compares them). Answering a
     * test updates the counts on its path to the root only, so an operation that answers a few tests costs the
     * condition's depth (bounded: {@code ConditionReader}), not its size.
     */
    private static final class Layout {
        private static final int TRUTHS = Truth.values().length;
        final Condition condition;
        private final List<Condition> nodes = new ArrayList<>();
        private final List<Integer> parents = new ArrayList<>();
        private final Truth[] truth;
        private final int[][] counts;
        private final Map<String, List<Integer>> tests = new HashMap<>();

        Layout(Condition condition) {
            this.condition = condition;
            ArrayDeque<Map.Entry<Condition, Integer>> work = new ArrayDeque<>();
            work.push(Map.entry(condition, -1));
            while (!work.isEmpty()) {
                Map.Entry<Condition, Integer> next = work.pop();
                int i = nodes.size();
                nodes.add(next.getKey());
                parents.add(next.getValue());
                for (Condition operand : operands(next.getKey())) {
                    work.push(Map.entry(operand, i));
                }
                if (next.getKey() instanceof Condition.Exists x) {
                    tests.computeIfAbsent(RerunSimulation.folded(x.name()), k -> new ArrayList<>()).add(i);
                }
            }
            truth = new Truth[nodes.size()];
            counts = new int[nodes.size()][TRUTHS];
            // an operand comes after its parent: from the last node back, each node's operands are counted
            for (int i = nodes.size() - 1; i >= 0; i--) {
                truth[i] = combine(nodes.get(i), counts[i]);
                if (parents.get(i) >= 0) {
                    counts[parents.get(i)][truth[i].ordinal()]++;
                }
            }
        }

        private static List<Condition> operands(Condition c) {
            if (c instanceof Condition.Not n) {
                return List.of(n.operand());
            } else if (c instanceof Condition.All a) {
                return a.operands();
            } else if (c instanceof Condition.Any a) {
                return a.operands();
            }
            return List.of();
        }

        /** A node's truth from its operands' counts, as {@link Condition#eval} gives it; a test unanswered. */
        private static Truth combine(Condition c, int[] n) {
            int t = n[Truth.TRUE.ordinal()];
            int f = n[Truth.FALSE.ordinal()];
            int u = n[Truth.UNKNOWN.ordinal()];
            if (c instanceof Condition.Not) {
                return t > 0 ? Truth.FALSE : f > 0 ? Truth.TRUE : Truth.UNKNOWN;
            } else if (c instanceof Condition.All) {
                return f > 0 ? Truth.FALSE : u > 0 ? Truth.UNKNOWN : Truth.TRUE;
            } else if (c instanceof Condition.Any) {
                return t > 0 ? Truth.TRUE : u > 0 ? Truth.UNKNOWN : Truth.FALSE;
            }
            return Truth.UNKNOWN;
        }

        /** The truth with the tests of {@code touched}'s names answered by {@code exists}, the rest unknown. */
        Truth eval(Collection<ObjectRef> touched, Function<Condition.Exists, Truth> exists) {
            Set<Integer> answered = new LinkedHashSet<>();
            for (ObjectRef r : touched) {
                answered.addAll(tests.getOrDefault(RerunSimulation.folded(r.name().name()), List.of()));
            }
            // the nodes whose truth or counts the answers change, over the layout's, which stays as it is
            Map<Integer, Truth> truthNow = new HashMap<>();
            Map<Integer, int[]> countsNow = new HashMap<>();
            for (int leaf : answered) {
                Truth now = exists.apply((Condition.Exists) nodes.get(leaf));
                int i = leaf;
                Truth before = truthNow.getOrDefault(i, truth[i]);
                while (now != before) {
                    truthNow.put(i, now);
                    int p = parents.get(i);
                    if (p < 0) {
                        break;
                    }
                    int[] n = countsNow.computeIfAbsent(p, k -> counts[k].clone());
                    n[before.ordinal()]--;
                    n[now.ordinal()]++;
                    before = truthNow.getOrDefault(p, truth[p]);
                    now = combine(nodes.get(p), n);
                    i = p;
                }
            }
            return truthNow.getOrDefault(0, truth[0]);
        }
    }

    /**
     * By condition node, on this thread: its truth when no test is answered, for a node without an
     * {@link Condition.Exists} test under it, {@link #TESTED} for one with. The guards of an {@code elif} chain
     * share their operands (the k-th arm's holds the k-1 tests before it), so each node is read once, not once per
     * guard. Cleared past {@link #UNTESTED_LIMIT} nodes.
     */
    private static final ThreadLocal<Map<Condition, Truth>> UNTESTED = ThreadLocal.withInitial(IdentityHashMap::new);
    private static final int UNTESTED_LIMIT = 1 << 16;
    /** Stands for "a test under it" in {@link #UNTESTED}: {@link Layout} answers such a condition. */
    private static final Truth TESTED = null;

    /** {@code condition}'s truth when it holds no {@link Condition.Exists} test, else null. */
    private static Truth untested(Condition condition) {
        Map<Condition, Truth> known = UNTESTED.get();
        if (known.size() > UNTESTED_LIMIT) {
            known.clear();
        }
        return PostOrder.fold(condition, Layout::operands, known, (c, operands) -> {
            int[] n = new int[Layout.TRUTHS];
            boolean tested = c instanceof Condition.Exists;
            for (Condition o : operands) {
                Truth t = known.get(o);
                tested |= t == TESTED;
                if (t != TESTED) {
                    n[t.ordinal()]++;
                }
            }
            return tested ? TESTED : Layout.combine(c, n);
        });
    }

    /** The layout of the condition asked last on this thread: the operations under one guard are asked in a row. */
    private static final ThreadLocal<Layout> LAST = new ThreadLocal<>();

    /**
     * {@code condition}'s truth when each test is answered by {@code exists}, which answers only tests that
     * {@link #matches match} one of {@code touched} (else {@link Truth#UNKNOWN}): only the tests of those
     * names are asked, so N operations under one guard of N tests cost N times the condition's depth, not N
     * squared.
     */
    static Truth eval(Condition condition, Collection<ObjectRef> touched, Function<Condition.Exists, Truth> exists) {
        Truth fixed = untested(condition);
        if (fixed != null) {
            // no test to answer: the truth is the layout's with none answered
            return fixed;
        }
        Layout s = LAST.get();
        if (s == null || s.condition != condition) {
            s = new Layout(condition);
            LAST.set(s);
        }
        return s.eval(touched, exists);
    }

    /**
     * What the operation leaves behind as far as it decides it: its creations (and their tables) present,
     * its drops absent, a rename's old name absent and new name present, what it needs present.
     */
    static Map<ObjectRef, Presence> after(Operation op, Effects.Naming naming) {
        Map<ObjectRef, Presence> out = new LinkedHashMap<>();
        for (Effect e : Effects.of(op, naming)) {
            if (e instanceof Effect.Create c) {
                out.put(c.object(), Presence.PRESENT);
                if (c.object().table() != null) {
                    out.putIfAbsent(ObjectRef.table(c.object().table()), Presence.PRESENT);
                }
            } else if (e instanceof Effect.Drop d) {
                out.put(d.object(), Presence.ABSENT);
            } else if (e instanceof Effect.Rename r) {
                out.put(r.object(), Presence.ABSENT);
                out.put(r.target(), Presence.PRESENT);
            } else if (e instanceof Effect.Require r) {
                out.putIfAbsent(r.object(), Presence.PRESENT);
                if (r.object().table() != null) {
                    out.putIfAbsent(ObjectRef.table(r.object().table()), Presence.PRESENT);
                }
            } else if (e instanceof Effect.Write w) {
                out.putIfAbsent(w.table(), Presence.PRESENT);
            }
        }
        return out;
    }

    private static Truth truth(Condition.Exists x, Map<ObjectRef, Presence> known) {
        for (Map.Entry<ObjectRef, Presence> k : known.entrySet()) {
            if (matches(x, k.getKey()) && k.getValue() != Presence.UNKNOWN) {
                return k.getValue() == Presence.PRESENT ? Truth.TRUE : Truth.FALSE;
            }
        }
        return Truth.UNKNOWN;
    }

    /**
     * The check looks at {@code ref}: same namespace (relations share one, so do types and domains, and an
     * index check finds a key's index), same name, same table when both name one, and a schema that can be
     * the same ({@code has_table("x")} looks on the search path, not in {@code billing}). Names as
     * PostgreSQL compares identifiers the code writes unquoted: case-insensitively.
     */
    public static boolean matches(Condition.Exists x, ObjectRef ref) {
        if (!sameNamespace(x.kind(), ref.kind()) || !x.name().equalsIgnoreCase(ref.name().name())) {
            return false;
        }
        return sameTable(x, ref) != Truth.FALSE && sameSchema(x.schema(), ref.name().schema());
    }

    /**
     * Whether {@code ref} lives in the table the check names, when both name one: a column, a key, or an
     * index ({@code get_indexes("users")} lists the indexes of users only, though an index is named per
     * schema). {@link Truth#UNKNOWN} when the ref's table is not known.
     */
    public static Truth sameTable(Condition.Exists x, ObjectRef ref) {
        if (x.table() == null || !ObjectRef.tableScoped(ref.kind()) && ref.kind() != ObjectKind.INDEX) {
            return Truth.TRUE;
        }
        return ref.table() == null ? Truth.UNKNOWN
                : x.table().equalsIgnoreCase(ref.table().name()) ? Truth.TRUE : Truth.FALSE;
    }

    private static boolean sameSchema(String checked, String placed) {
        if (checked == null || placed == null) {
            return checked == null && placed == null || "public".equalsIgnoreCase(checked == null ? placed : checked);
        }
        return checked.equalsIgnoreCase(placed);
    }

    /** PostgreSQL's namespaces ({@link SchemaState#namespace}); a key's index takes the key's name too. */
    private static boolean sameNamespace(ObjectKind a, ObjectKind b) {
        if (a == b || SchemaState.namespace(a).equals(SchemaState.namespace(b))) {
            return true;
        }
        return a == ObjectKind.INDEX && b == ObjectKind.CONSTRAINT || a == ObjectKind.CONSTRAINT && b == ObjectKind.INDEX;
    }

    /**
     * A check protects its whole branch when the branch itself makes the check come out the other way
     * on a re-run: {@code if not has_table("t"): create_table("t"); create_index(..., "t")}. A check
     * whose every object test names objects the branch never touches ({@code if not
     * column_exists("accounts", "owner_id"): add_column("ledgers", ...)}) protects nothing: its operations
     * get a {@link GuardKind#WRONG_OBJECT} guard. A check with a part that cannot be read is trusted.
     * Operations under one check share one Guard instance.
     * What the code leaves unnamed is named the way the project does ({@link Effects.Naming}): a check on {@code ck_t_positive} checks
     * {@code create_check_constraint("positive", "t", ...)} under a convention that names it so.
     * {@code convention} null: the convention is not known.
     */
    public static List<Operation> resolve(List<Operation> ops, BooleanSupplier postgresNames,
            Supplier<NamingConvention> convention) {
        Map<Guard, List<Integer>> groups = new IdentityHashMap<>();
        // whether a guard's check can be read is asked once per guard, not once per operation under it
        Map<Guard, Boolean> readable = new IdentityHashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Guard g = ops.get(i).site().guard();
            if (g != null && g.condition() != null && readable.computeIfAbsent(g,
                    k -> !k.condition().hasOpaque() && !k.condition().atoms().isEmpty())) {
                groups.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
            }
        }
        if (groups.isEmpty()) {
            return ops;
        }
        Effects.Naming naming = convention == null ? new Effects.Naming(postgresNames)
                : new Effects.Naming(postgresNames, convention, () -> false);
        List<Operation> out = new ArrayList<>(ops);
        for (Map.Entry<Guard, List<Integer>> group : groups.entrySet()) {
            Guard g = group.getKey();
            Map<String, List<Condition.Exists>> atoms = new HashMap<>();
            for (Condition.Exists x : g.condition().atoms()) {
                atoms.computeIfAbsent(RerunSimulation.folded(x.name()), k -> new ArrayList<>()).add(x);
            }
            boolean effective = false;
            for (int i : group.getValue()) {
                Operation op = ops.get(i);
                if (op instanceof Operation.Benign || op instanceof Operation.Unknown || op instanceof Operation.RawSql) {
                    continue;
                }
                if (touches(atoms, op, naming, convention)
                        || Effects.of(op, naming).stream().anyMatch(e -> e instanceof Effect.Forget)) {
                    // an operation whose object cannot be read may be the one the check looks at: unknown is
                    // never "checks another object"
                    effective = true;
                    break;
                }
            }
            if (!effective) {
                Guard wrong = g.withKind(GuardKind.WRONG_OBJECT, g.description() + " (checks another object)");
                for (int i : group.getValue()) {
                    Operation op = ops.get(i);
                    out.set(i, op.withSite(op.site().withGuard(wrong)));
                }
            } else if (convention != null && !convention.get().isUnknown()) {
                Boolean stable = null;
                for (int i : group.getValue()) {
                    Operation op = ops.get(i);
                    String made = madeElsewhere(g.condition(), op, convention.get());
                    if (made == null) {
                        continue;
                    }
                    if (stable == null) {
                        stable = stable(g.condition(), ops, op.site().phase(), naming, convention.get());
                    }
                    if (stable) {
                        out.set(i, op.withSite(op.site().withGuard(g.withKind(GuardKind.WRONG_OBJECT, g.description()
                                + " (checks the name as written; the naming convention makes it \"" + made + "\")"))));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The name the project's naming convention gives the constraint or index {@code op} creates, when a test of
     * {@code condition} looks at the name as the code writes it and none at the name made: both names known for
     * sure and different ({@code create_check_constraint("ck_t_valid", "t", ...)} under
     * {@code "ck_%(table_name)s_%(constraint_name)s"} makes {@code ck_t_ck_t_valid}; {@code op.f()} keeps the
     * name as written). Null otherwise.
     */
    private static String madeElsewhere(Condition condition, Operation op, NamingConvention convention) {
        String written;
        QualifiedName table;
        if (op instanceof Operation.AddConstraint c) {
            written = c.name();
            table = c.table() == null ? null : table(c.table());
        } else if (op instanceof Operation.CreateIndex ix) {
            written = ix.name();
            table = ix.table() == null ? null : table(ix.table());
        } else {
            return null;
        }
        if (written == null || table == null
                || !(ConstraintNames.of(op, convention) instanceof ConstraintNames.Name.Given made)
                || made.origin() != ConstraintNames.Origin.CONVENTION || made.name().equalsIgnoreCase(written)) {
            return null;
        }
        ObjectKind kind = op instanceof Operation.CreateIndex ? ObjectKind.INDEX : ObjectKind.CONSTRAINT;
        ObjectRef asWritten = ObjectRef.in(kind, table, written);
        ObjectRef real = ObjectRef.in(kind, table, made.name());
        boolean checksWritten = false;
        for (Condition.Exists x : condition.atoms()) {
            if (matches(x, real)) {
                return null;
            }
            checksWritten |= matches(x, asWritten);
        }
        return checksWritten ? made.name() : null;
    }

    private static QualifiedName table(String written) {
        int dot = written.indexOf('.');
        return dot < 0 ? QualifiedName.of(written) : QualifiedName.of(written.substring(0, dot), written.substring(dot + 1));
    }

    /**
     * No operation of the function ({@code phase}) makes, drops or renames an object a test of {@code condition} looks at (each
     * constraint and index under the name the convention gives it), and none has effects that cannot be read:
     * every test then comes out on a re-run as it came out on the first run, which ran the guarded code.
     */
    private static boolean stable(Condition condition, List<Operation> ops, Phase phase,
            Effects.Naming naming, NamingConvention convention) {
        if (condition.hasOpaque()) {
            return false;
        }
        List<Condition.Exists> atoms = condition.atoms();
        for (Operation op : ops) {
            if (op instanceof Operation.Benign || op.site().phase() != phase) {
                continue;
            }
            if (op instanceof Operation.Unknown || op instanceof Operation.RawSql) {
                return false;
            }
            List<ObjectRef> changed = new ArrayList<>();
            for (Effect e : Effects.of(op, naming)) {
                if (e instanceof Effect.Create c) {
                    changed.add(c.object());
                } else if (e instanceof Effect.Drop d) {
                    changed.add(d.object());
                } else if (e instanceof Effect.Rename r) {
                    changed.add(r.object());
                    changed.add(r.target());
                } else if (e instanceof Effect.Serial s) {
                    changed.add(ObjectRef.of(ObjectKind.SEQUENCE, s.sequence()));
                } else if (e instanceof Effect.AlterColumn a) {
                    if (a.sequence() != null) {
                        changed.add(ObjectRef.of(ObjectKind.SEQUENCE, a.sequence()));
                    }
                } else if (e instanceof Effect.PrimaryKey p) {
                    if (atoms.stream().anyMatch(x -> x.kind() == ObjectKind.CONSTRAINT || x.kind() == ObjectKind.INDEX)) {
                        return false;
                    }
                } else if (!(e instanceof Effect.Require || e instanceof Effect.Write || e instanceof Effect.TypedUse
                        || e instanceof Effect.ColumnType || e instanceof Effect.RemoveRows)) {
                    return false;
                }
            }
            ConstraintNames.Name made = op instanceof Operation.Drop ? ConstraintNames.ofDrop(op, convention)
                    : ConstraintNames.of(op, convention);
            if (made != null && !(made instanceof ConstraintNames.Name.Given)) {
                return false;
            }
            for (ObjectRef ref : changed) {
                if (made instanceof ConstraintNames.Name.Given g && (ref.kind() == ObjectKind.CONSTRAINT
                        || ref.kind() == ObjectKind.INDEX)) {
                    ref = new ObjectRef(ref.kind(), QualifiedName.of(ref.name().schema(), g.name()), ref.table());
                }
                for (Condition.Exists x : atoms) {
                    if (ref.name().name() == null || matches(x, ref)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Some object test looks at what {@code op} creates, drops, renames or needs, or at its table. The tests
     * come by name {@link RerunSimulation#folded folded} as {@link #matches} compares it, so that an operation
     * is compared with the tests of its names only.
     */
    private static boolean touches(Map<String, List<Condition.Exists>> atoms, Operation op, Effects.Naming naming,
            Supplier<NamingConvention> convention) {
        if (convention != null && byConvention(atoms, op, convention)) {
            return true;
        }
        for (ObjectRef ref : after(op, naming).keySet()) {
            String name = ref.name().name();
            for (Condition.Exists x : name == null ? List.<Condition.Exists>of()
                    : atoms.getOrDefault(RerunSimulation.folded(name), List.of())) {
                if (matches(x, ref)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A check on the name the project's naming convention gives the constraint or index the op creates
     * or drops ({@code ck_t_positive} for {@code create_check_constraint("positive", "t", ...)}).
     */
    private static boolean byConvention(Map<String, List<Condition.Exists>> atoms, Operation op,
            Supplier<NamingConvention> convention) {
        ConstraintNames.Name n;
        String table;
        if (op instanceof Operation.AddConstraint c) {
            n = ConstraintNames.of(op, convention.get());
            table = c.table();
        } else if (op instanceof Operation.CreateIndex ix) {
            n = ConstraintNames.of(op, convention.get());
            table = ix.table();
        } else if (op instanceof Operation.Drop d && d.kind() == ObjectKind.CONSTRAINT) {
            n = ConstraintNames.ofDrop(op, convention.get());
            table = d.table();
        } else {
            return false;
        }
        if (!(n instanceof ConstraintNames.Name.Given given)) {
            return false;
        }
        return atoms.getOrDefault(RerunSimulation.folded(given.name()), List.of()).stream()
                .anyMatch(x -> (x.kind() == ObjectKind.CONSTRAINT || x.kind() == ObjectKind.INDEX)
                && given.name().equalsIgnoreCase(x.name()) && (x.table() == null || table == null
                        || x.table().equalsIgnoreCase(table)));
    }

    /**
     * An object test of a guard answered by {@code state} (three-valued): the object looked at in the
     * schema the test names, else the one the search path finds the name in; an index an inspector lists
     * for one table must be on that table.
     */
    public static Truth eval(Condition.Exists x, SchemaState state) {
        ObjectRef ref = placed(x, state);
        Presence p = ref == null ? Presence.UNKNOWN : state.presence(ref);
        if (p == Presence.PRESENT) {
            // get_indexes("users") lists the indexes of users only: the index there must be on that table
            return sameTable(x, state.held(ref));
        }
        return p == Presence.ABSENT ? Truth.FALSE : Truth.UNKNOWN;
    }

    /**
     * The object a check looks at, in the schema it names or else the one the search path finds the name in
     * (else the current schema); null when it cannot be placed or the state does not read its kind.
     */
    public static ObjectRef placed(Condition.Exists x, SchemaState state) {
        ObjectKind kind = x.kind();
        if (!SchemaState.catalogKind(kind)) {
            return null;
        }
        if (ObjectRef.tableScoped(kind)) {
            if (x.table() == null) {
                return null;
            }
            String s = placedIn(x.schema(), state.relationSchema(x.table()), state);
            return s == null ? null : ObjectRef.in(kind, QualifiedName.of(s, x.table()), x.name());
        }
        return switch (kind) {
            case SCHEMA, EXTENSION, ROLE -> ObjectRef.of(kind, QualifiedName.of(x.name()));
            case TYPE, DOMAIN -> {
                String s = placedIn(x.schema(), state.typeSchema(x.name()), state);
                yield s == null ? null : ObjectRef.of(kind, QualifiedName.of(s, x.name()));
            }
            case INDEX -> {
                String s = placedIn(x.schema(), state.relationSchema(x.table() != null ? x.table() : x.name()), state);
                yield s == null ? null : ObjectRef.of(kind, QualifiedName.of(s, x.name()));
            }
            case TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE -> {
                String s = placedIn(x.schema(), state.relationSchema(x.name()), state);
                yield s == null ? null : ObjectRef.of(kind, QualifiedName.of(s, x.name()));
            }
            default -> null;
        };
    }

    private static String placedIn(String named, String found, SchemaState state) {
        return named != null ? named : found != null ? found : state.currentSchema();
    }
}
