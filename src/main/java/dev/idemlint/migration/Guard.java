package dev.idemlint.migration;

import dev.idemlint.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Evidence that an operation is protected against re-runs. {@code conditions} lists the
 * exception condition names a DO block catches (lower case: duplicate_object, duplicate_table,
 * others), or for a try/except the error classes its handlers let past ({@link ExceptClauses}:
 * operational_error, integrity_error, programming_error, others); empty for other kinds. {@code condition} is what must hold for the guarded code to run,
 * read from the expression tree of an {@code if} (its then-branch, its {@code else:}, or the code after
 * an early {@code return}); null when the guard is not a branch (DO blocks, try/except, drop-then-create
 * pairs), except for a try/except inside code under a condition on configuration alone ({@link #settledTry}),
 * which carries that condition.
 */
public record Guard(GuardKind kind, Span span, String description, Set<String> conditions, Condition condition) {
    public Guard(GuardKind kind, Span span, String description, Set<String> conditions) {
        this(kind, span, description, conditions, null);
    }

    /** For a try/except, whether its handlers catch the driver's exception class {@code dbapiClass}; false for other kinds. */
    public boolean catchesClass(String dbapiClass) {
        return kind == GuardKind.TRY_EXCEPT
                && (conditions.contains(ExceptClauses.OTHERS) || conditions.contains(dbapiClass));
    }

    public static Guard of(GuardKind kind, Span span, String description) {
        return new Guard(kind, span, description, Set.of(), null);
    }

    /**
     * The guard of an {@code if} on something other than the database ({@link GuardKind#CONFIGURATION}):
     * its condition is opaque, so whether the branch runs is unknown.
     */
    public static Guard configuration(Span test) {
        return new Guard(GuardKind.CONFIGURATION, test, "a condition that reads no database (a setting, an"
                + " `-x` argument, an environment variable)", Set.of(),
                new Condition.Opaque("a condition decided outside the database"));
    }

    /**
     * The guard of an {@code if} whose test reads configuration only ({@link GuardKind#SETTING}): {@code condition}
     * is made of {@link Condition.Setting} tests, decided the same way on the first run and on the re-run.
     */
    public static Guard setting(Span test, Condition condition) {
        return new Guard(GuardKind.SETTING, test, "a condition on configuration, the same on the re-run ("
                + Condition.describe(condition) + ")", Set.of(), condition);
    }

    /** Whether this is a {@link GuardKind#SETTING} guard: its code re-runs exactly when it ran. */
    public boolean settled() {
        return kind == GuardKind.SETTING;
    }

    /**
     * A try/except around code under {@code setting}, a {@link #settled} guard: a {@link GuardKind#TRY_EXCEPT} guard
     * letting past what the handlers of the try do not catch ({@code tolerated}), carrying the setting's condition
     * ({@link #settledTry}). In the runs where the condition holds the body runs as a plain try/except body.
     */
    public static Guard trySetting(Guard setting, Span span, String description, Set<String> tolerated) {
        return new Guard(GuardKind.TRY_EXCEPT, span, description, tolerated, setting.condition());
    }

    /**
     * Whether this is a try/except inside code under a condition on configuration alone ({@link #trySetting}): its
     * body re-runs exactly when it ran, as a plain try/except body does.
     */
    public boolean settledTry() {
        return kind == GuardKind.TRY_EXCEPT && condition != null;
    }

    /** This try/except as it stands where its {@link #settledTry} condition holds: a plain one. */
    public Guard plainTry() {
        return new Guard(kind, span, description, conditions, null);
    }

    /**
     * This guard as a {@link GuardKind#CONFIGURATION} one when it is {@link #settled}: joined to a check on the
     * database or to a test that cannot be read, or around code that may not run for other reasons, a condition on
     * configuration is read as neither decides it.
     */
    public Guard unsettled() {
        return settled() ? new Guard(GuardKind.CONFIGURATION, span, description, conditions,
                new Condition.Opaque("a condition decided outside the database")) : this;
    }

    /**
     * {@code inner} as it holds inside {@code outer}'s branch, where either is a {@link GuardKind#CONFIGURATION}
     * condition: the code runs only when both hold, so the conditions are joined ({@code if flag:} around
     * {@code if insp.has_table("t"):} stays unknown however the check comes out). Otherwise {@code inner}: the
     * innermost check is the most specific one and replaces an enclosing one.
     */
    public static Guard nested(Guard outer, Guard inner) {
        if (outer != null && outer.settledTry()) {
            // inside a try/except under a condition on configuration, a check nests as under that condition
            outer = new Guard(GuardKind.SETTING, outer.span, outer.description, Set.of(), outer.condition);
        }
        if (outer != null && inner != null && outer.settled() && inner.settled()) {
            // `if settings.A:` around `if os.environ["B"]:`: both decided by configuration, the code runs when both hold
            return new Guard(GuardKind.SETTING, inner.span, inner.description, inner.conditions,
                    Condition.all(List.of(outer.condition, inner.condition)));
        }
        if (outer != null && inner != null && (outer.settled() || inner.settled())) {
            outer = outer == null ? null : outer.unsettled();
            inner = inner == null ? null : inner.unsettled();
        }
        if (outer == null || inner == null || outer.condition == null || inner.condition == null
                || outer.kind != GuardKind.CONFIGURATION && inner.kind != GuardKind.CONFIGURATION) {
            return inner;
        }
        Guard named = inner.kind == GuardKind.CONFIGURATION ? outer : inner;
        return new Guard(named.kind, named.span, named.description, named.conditions,
                Condition.all(List.of(outer.condition, inner.condition)));
    }

    /**
     * Two early returns in a row: the code after both runs only when each lets it. The later check names
     * the guard (it is the one nearest the code); the condition holds both. Without both conditions read,
     * the earlier guard, as before the later one was seen.
     */
    public static Guard both(Guard earlier, Guard later) {
        if (earlier == null || later == null || earlier.condition == null || later.condition == null) {
            return earlier;
        }
        return new Guard(later.kind, later.span, later.description, later.conditions,
                Condition.all(List.of(earlier.condition, later.condition)));
    }

    /** The same check guarding the other branch: code that runs while {@link #condition} is false. */
    public Guard negated() {
        return new Guard(kind, span, description, conditions, condition == null ? null : Condition.not(condition));
    }

    public Guard withKind(GuardKind k, String desc) {
        return new Guard(k, span, desc, conditions, condition);
    }

    /** True when the DO block catches {@code condition} (or catches everything with OTHERS). */
    public boolean catches(String condition) {
        return conditions.contains(condition) || conditions.contains("others");
    }

    /**
     * No guard, or one that protects nothing (a bare try/except, a check on another object): a real
     * check found later may take its place.
     */
    public static boolean protectsNothing(Guard g) {
        return g == null || g.kind() == GuardKind.TRY_EXCEPT || g.kind() == GuardKind.WRONG_OBJECT;
    }

    /**
     * The guarded code never runs while an object {@code checked} accepts exists: the condition is false
     * whenever those objects are present, whatever else holds ({@code if not has_table("t")} for
     * {@code t}). False for a guard that is not a branch.
     */
    public boolean skipsWhilePresent(Predicate<Condition.Exists> checked) {
        return condition != null && condition.eval(x -> checked.test(x) ? Truth.TRUE : Truth.UNKNOWN) == Truth.FALSE;
    }

    /** True when the condition checks an object {@code checked} accepts. */
    public boolean checks(Predicate<Condition.Exists> checked) {
        return condition != null && condition.atoms().stream().anyMatch(checked);
    }

    /** Three-valued truth: a condition on objects whose presence is not known is {@code UNKNOWN}. */
    public enum Truth {
        TRUE, FALSE, UNKNOWN;

        Truth not() {
            return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
        }
    }

    /**
     * A condition on the database schema, read from the expression tree: an object exists, and
     * {@code not}/{@code and}/{@code or} of such tests. Anything the analyzer cannot read is
     * {@link Opaque}: its truth is unknown, never guessed.
     */
    public sealed interface Condition {
        /**
         * Object {@code name} of {@code kind} exists, in {@code table} for the kinds that live in a table (or
         * whose check names its table: {@code has_index("t", "ix")}), in {@code schema} when the check names
         * one. Names as written in the check; {@code raisesWithoutTable}: the check itself fails with
         * NoSuchTableError when {@code table} is missing ({@code inspector.get_columns("t")}).
         */
        record Exists(ObjectKind kind, String schema, String table, String name, boolean raisesWithoutTable)
                implements Condition {
            /** True when the check names {@code n} as its object or its table (case-insensitive). */
            public boolean names(String n) {
                return n != null && (n.equalsIgnoreCase(name) || n.equalsIgnoreCase(table));
            }
        }

        record Not(Condition operand) implements Condition {
        }

        record All(List<Condition> operands) implements Condition {
        }

        record Any(List<Condition> operands) implements Condition {
        }

        /**
         * A test of configuration read the same on the first run and on the re-run ({@link GuardKind#SETTING}):
         * {@code holds} and {@code fails} describe it true and false for a message ("`ENV` is not production").
         * Its truth is not known; it is never {@link Opaque}.
         */
        record Setting(String holds, String fails) implements Condition {
        }

        /** A test the analyzer cannot read ({@code why} says what it is). */
        record Opaque(String why) implements Condition {
        }

        static Condition not(Condition c) {
            return c instanceof Not n ? n.operand() : new Not(c);
        }

        static Condition all(List<Condition> cs) {
            return cs.size() == 1 ? cs.get(0) : new All(List.copyOf(cs));
        }

        static Condition any(List<Condition> cs) {
            return cs.size() == 1 ? cs.get(0) : new Any(List.copyOf(cs));
        }

        /**
         * The tests a condition joins with {@code and}, each once: {@code a and (b and not c)} gives a, b, not c.
         * A code path under a condition whose tests all are among another's runs whenever that one's does.
         */
        static Set<Condition> conjuncts(Condition c) {
            Set<Condition> out = new LinkedHashSet<>();
            ArrayDeque<Condition> work = new ArrayDeque<>();
            work.push(c);
            while (!work.isEmpty()) {
                Condition next = work.pop();
                if (next instanceof All a) {
                    a.operands().forEach(work::push);
                } else {
                    out.add(next);
                }
            }
            return out;
        }

        /**
         * A configuration condition in words, for a message: "`ENV` is not production", "`settings.FEATURE` is
         * set and `-x seed` is set". Tests other than {@link Setting} are "a condition".
         */
        static String describe(Condition c) {
            if (c instanceof Setting s) {
                return s.holds();
            } else if (c instanceof Not n && n.operand() instanceof Setting s) {
                return s.fails();
            } else if (c instanceof All a) {
                return String.join(" and ", a.operands().stream().map(Condition::describe).toList());
            } else if (c instanceof Any a) {
                return String.join(" or ", a.operands().stream().map(Condition::describe).toList());
            } else if (c instanceof Not n) {
                return "not (" + describe(n.operand()) + ")";
            }
            return "a condition";
        }

        /** Its truth when each object test is answered by {@code exists}. */
        default Truth eval(Function<Exists, Truth> exists) {
            if (this instanceof Exists x) {
                return exists.apply(x);
            } else if (this instanceof Not n) {
                return n.operand().eval(exists).not();
            } else if (this instanceof All a) {
                return fold(a.operands(), exists, Truth.FALSE);
            } else if (this instanceof Any a) {
                return fold(a.operands(), exists, Truth.TRUE);
            }
            return Truth.UNKNOWN;
        }

        /**
         * Three-valued AND ({@code decisive} FALSE) or OR ({@code decisive} TRUE): {@code decisive} when an operand
         * is, else UNKNOWN when an operand is, else the other value.
         */
        private static Truth fold(List<Condition> operands, Function<Exists, Truth> exists, Truth decisive) {
            Truth out = decisive.not();
            for (Condition c : operands) {
                Truth t = c.eval(exists);
                if (t == decisive) {
                    return decisive;
                }
                if (t == Truth.UNKNOWN) {
                    out = Truth.UNKNOWN;
                }
            }
            return out;
        }

        /** The object tests in it. */
        default List<Exists> atoms() {
            List<Exists> out = new ArrayList<>();
            collect(this, out, null);
            return out;
        }

        /** True when some part of it could not be read. */
        default boolean hasOpaque() {
            List<Opaque> out = new ArrayList<>();
            collect(this, null, out);
            return !out.isEmpty();
        }

        private static void collect(Condition c, List<Exists> atoms, List<Opaque> opaque) {
            // conditions are built with a depth limit (ConditionReader), so this recursion is bounded
            if (c instanceof Exists x && atoms != null) {
                atoms.add(x);
            } else if (c instanceof Opaque o && opaque != null) {
                opaque.add(o);
            } else if (c instanceof Not n) {
                collect(n.operand(), atoms, opaque);
            } else if (c instanceof All a) {
                a.operands().forEach(x -> collect(x, atoms, opaque));
            } else if (c instanceof Any a) {
                a.operands().forEach(x -> collect(x, atoms, opaque));
            }
        }
    }
}
