package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Guard.Condition;
import dev.idemlint.migration.Guard.Truth;
import dev.idemlint.migration.ObjectKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardMatchTest {
    private static Condition.Exists hasTable(String name) {
        return new Condition.Exists(ObjectKind.TABLE, null, null, name, false);
    }

    private static ObjectRef table(String name) {
        return ObjectRef.table(QualifiedName.of(name));
    }

    @Test
    void a_condition_is_answered_for_the_names_it_tests_and_unanswered_for_others() {
        // if not (has_table("x0") or has_table("X1")): runs while both are missing
        Condition missing = new Condition.Not(new Condition.Any(List.of(hasTable("x0"), hasTable("X1"))));
        ObjectRef x1 = table("x1");
        assertEquals(Truth.FALSE, GuardMatch.eval(missing, List.of(x1),
                x -> GuardMatch.matches(x, x1) ? Truth.TRUE : Truth.UNKNOWN), "x1 is matched whatever its case");
        assertEquals(Truth.UNKNOWN, GuardMatch.eval(missing, List.of(table("players")), x -> Truth.TRUE),
                "an operation on another table leaves every test unanswered");
        assertEquals(Truth.UNKNOWN, GuardMatch.eval(missing, List.of(), x -> Truth.TRUE));

        // another condition asked next is not answered as the first
        Condition present = new Condition.Any(List.of(hasTable("x0"), new Condition.Not(hasTable("x0"))));
        assertEquals(Truth.UNKNOWN, GuardMatch.eval(present, List.of(table("players")), x -> Truth.TRUE));
        Condition always = new Condition.All(List.of());
        assertEquals(Truth.TRUE, GuardMatch.eval(always, List.of(table("players")), x -> Truth.FALSE),
                "a condition of no test holds unanswered");
        assertEquals(Truth.TRUE, GuardMatch.eval(present, List.of(table("X0")),
                x -> GuardMatch.matches(x, table("X0")) ? Truth.FALSE : Truth.UNKNOWN));
    }

    /** A random condition of depth up to {@code depth} over tests of a few names, in two cases. */
    private static Condition randomCondition(java.util.Random r, int depth) {
        int pick = depth == 0 ? r.nextInt(2) : r.nextInt(6);
        return switch (pick) {
            case 0 -> hasTable(List.of("a", "B", "b", "c").get(r.nextInt(4)));
            case 1 -> r.nextInt(4) == 0 ? new Condition.Opaque("call") : hasTable("c");
            case 2 -> new Condition.Not(randomCondition(r, depth - 1));
            default -> {
                List<Condition> operands = new java.util.ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    operands.add(randomCondition(r, depth - 1));
                }
                yield pick == 3 ? new Condition.All(operands) : new Condition.Any(operands);
            }
        };
    }

    @Test
    void a_condition_answered_along_its_paths_has_the_truth_of_a_whole_walk() {
        java.util.Random r = new java.util.Random(24);
        List<Truth> truths = List.of(Truth.TRUE, Truth.FALSE, Truth.UNKNOWN);
        int answeredTrue = 0;
        for (int round = 0; round < 3_000; round++) {
            Condition c = randomCondition(r, 4);
            // several operations under one condition, each touching a few names, one answer per name
            for (int op = 0; op < 4; op++) {
                List<ObjectRef> touched = new java.util.ArrayList<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    touched.add(table(List.of("a", "b", "C", "d").get(r.nextInt(4))));
                }
                Map<String, Truth> answer = new java.util.HashMap<>();
                for (ObjectRef t : touched) {
                    answer.putIfAbsent(t.name().name().toLowerCase(java.util.Locale.ROOT), truths.get(r.nextInt(3)));
                }
                java.util.function.Function<Condition.Exists, Truth> exists = x -> touched.stream()
                        .anyMatch(t -> GuardMatch.matches(x, t))
                        ? answer.get(x.name().toLowerCase(java.util.Locale.ROOT)) : Truth.UNKNOWN;
                Truth whole = c.eval(exists);
                assertEquals(whole, GuardMatch.eval(c, touched, exists), () -> c + " over " + touched + " " + answer);
                answeredTrue += whole == Truth.TRUE ? 1 : 0;
            }
        }
        assertTrue(answeredTrue > 100, "the random conditions reach every truth: " + answeredTrue);
    }

    @Test
    void the_guards_of_a_long_elif_chain_are_answered_as_a_whole_walk() {
        // the k-th arm of `if a: ... elif b: ...` runs under the k-1 tests before it negated, and its guard holds the
        // guard of the arm before it: 5,000 arms deep, each guard asked once, as the walk asks them
        Condition opaque = new Condition.Not(new Condition.Opaque("a condition decided outside the database"));
        Condition tested = hasTable("t");
        Condition unknown = opaque;
        Condition fails = new Condition.Any(List.of());
        Condition answered = tested;
        for (int k = 0; k < 5_000; k++) {
            unknown = new Condition.All(List.of(unknown, opaque));
            fails = new Condition.All(List.of(fails, new Condition.All(List.of())));
            answered = new Condition.All(List.of(answered, new Condition.All(List.of())));
            assertEquals(Truth.UNKNOWN, GuardMatch.eval(unknown, List.of(table("t")), x -> Truth.TRUE));
            assertEquals(Truth.FALSE, GuardMatch.eval(fails, List.of(table("t")), x -> Truth.TRUE));
        }
        assertEquals(Truth.TRUE, GuardMatch.eval(answered, List.of(table("t")), x -> Truth.TRUE),
                "a test under the chain is answered");
        assertEquals(Truth.UNKNOWN, GuardMatch.eval(answered, List.of(table("u")), x -> Truth.TRUE),
                "and unanswered for another name");
    }
}
