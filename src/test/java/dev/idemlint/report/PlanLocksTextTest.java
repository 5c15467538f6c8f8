package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.plan.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanLocksTextTest {
    /** A table name a pull request chose, as the server quotes it: a line break, an escape and a bidi override. */
    private static final String TABLE = "public.\"ev\nents\u001b[31m\u202e\"";

    private static Plan plan(Plan.Locks locks) {
        return new Plan("postgresql://x@h/db", "15.4", List.of("001"), List.of(new Plan.Entry("002",
                "versions/002.py", 4, Plan.Status.OK, null, null, null)), List.of(), "alembic upgrade head",
                "default: head", "PostgreSQL", locks);
    }

    @Test
    void lock_lines_show_hostile_names_as_escapes_and_json_keeps_them_exact() {
        Plan p = plan(new Plan.Locks(true, "0", "default", List.of(new Plan.Lock("002", "versions/002.py", 11, TABLE,
                "ACCESS EXCLUSIVE", Plan.Work.REWRITE, 44_023_414_784L, 310_000_000L,
                "alter-column-type-rewrites-table", false, null, null))));
        String text = PlanReporter.text(p);
        assertFalse(text.contains("\u001b") || text.contains("\u202e") || text.contains("ev\nents"), text);
        assertTrue(text.contains("rewrites public.\"ev\\nents"), text);
        assertTrue(text.contains("(41 GB, about 310,000,000 rows) under ACCESS EXCLUSIVE"), text);
        assertTrue(text.contains("lock_timeout: not set"), text);
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) Json.parse(PlanReporter.json(p));
        @SuppressWarnings("unchecked")
        Map<String, Object> lock = ((List<Map<String, Object>>) ((Map<String, Object>) doc.get("locks")).get("taken"))
                .get(0);
        assertEquals(TABLE, lock.get("table"));
        assertEquals("rewrite", lock.get("work"));
        assertEquals("41 GB", lock.get("size"));
        assertEquals(Boolean.FALSE, lock.get("lock_timeout_set"));
    }

    @Test
    void a_plan_that_reads_no_locks_prints_no_locks_section() {
        Plan p = plan(Plan.Locks.NONE);
        assertFalse(PlanReporter.text(p).contains("locks "), PlanReporter.text(p));
        assertFalse(PlanReporter.json(p).contains("\"locks\""), PlanReporter.json(p));
        Plan none = plan(new Plan.Locks(true, "5s", "database", List.of()));
        assertTrue(PlanReporter.text(none).contains("locks     no pending statement blocks writes to a table this"
                + " database holds (lock_timeout of a new session: 5s, from database)"), PlanReporter.text(none));
    }
}
