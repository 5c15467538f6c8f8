package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.migration.Guard.Condition;
import dev.idemlint.migration.Guard.Truth;
import dev.idemlint.migration.ObjectKind;
import java.util.List;
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
}
