package dev.idemlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.migration.ObjectKind;
import org.junit.jupiter.api.Test;

class RerunScenarioTest {

    @Test
    void an_object_named_at_run_time_is_named_by_its_table_when_that_is_known() {
        assertEquals("the column of \"documents\"", RerunScenario.unreadName(ObjectKind.COLUMN, false, "documents"));
        assertEquals("the unique index on \"locale\"", RerunScenario.unreadName(ObjectKind.INDEX, true, "locale"));
        assertEquals("the index on \"billing.invoices\"",
                RerunScenario.unreadName(ObjectKind.INDEX, false, "billing.invoices"));
    }

    @Test
    void an_object_named_at_run_time_on_a_table_not_read_is_named_by_its_kind_alone() {
        assertEquals("the column", RerunScenario.unreadName(ObjectKind.COLUMN, false, null));
        assertEquals("the unique index", RerunScenario.unreadName(ObjectKind.INDEX, true, null));
    }
}
