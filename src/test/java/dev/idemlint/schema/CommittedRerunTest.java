package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Phase;
import dev.idemlint.migration.RerunVerdicts;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The reads a revision's raw SQL makes, as the re-run meets them, on ordinary and on hostile SQL. The timeout
 * is a hang guard (a quadratic scan or a regex recursing per character never ends, or overflows the stack),
 * not a speed target: those are in bench/.
 */
class CommittedRerunTest {
    private static final Duration HANG = Duration.ofSeconds(20);

    private static List<Operation> upgrade(String body) {
        return new Revisions().rev("r1", null, body).get("r1").upgrade();
    }

    private static String repeat(int n, IntFunction<String> part) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(part.apply(i));
        }
        return sb.toString();
    }

    @Test
    void reads_of_tables_qualified_columns_and_bare_columns_of_the_only_table() {
        List<Operation> up = upgrade("""
                op.execute("UPDATE artefact a SET stage = 'x.y' FROM other o WHERE a.plan = o.name")
                op.execute("DELETE FROM artefact /* USING other */ WHERE old_flag IS NOT NULL")
                op.execute("DELETE FROM artefact USING other WHERE other_flag = 1")
                op.execute("SELECT 1 FROM t WHERE a IS DISTINCT FROM b")
                op.drop_column("artefact", "plan")
                """);
        CommittedRerun rerun = CommittedRerun.ofPostgres(up);
        int end = up.size() - 1;
        assertSame(up.get(0), rerun.columnReadBefore("artefact", "plan", end, Phase.UPGRADE), "through the alias");
        assertSame(up.get(0), rerun.tableReadBefore("other", end, Phase.UPGRADE));
        assertTrue(rerun.opens(up.get(0), "ARTEFACT"));
        assertNull(rerun.columnReadBefore("x", "y", end, Phase.UPGRADE), "a literal names nothing");
        assertSame(up.get(1), rerun.columnReadBefore("artefact", "old_flag", end, Phase.UPGRADE),
                "a comment brings no other table");
        assertNull(rerun.columnReadBefore("artefact", "other_flag", end, Phase.UPGRADE), "USING: either table's");
        assertNull(rerun.tableReadBefore("b", end, Phase.UPGRADE), "IS DISTINCT FROM opens nothing");
        assertNull(rerun.columnReadBefore("artefact", "plan", end, Phase.DOWNGRADE));
        assertNull(rerun.tableReadBefore("other", -1, Phase.UPGRADE), "nothing before the first statement");
    }

    @Test
    void a_mysql_read_names_backticked_columns_and_is_taken_once() {
        List<Operation> up = upgrade("""
                op.execute("SELECT cluster.uuid, `cluster`.`node_count` FROM cluster")
                op.execute("SELECT cluster.node_count FROM cluster")
                """);
        CommittedRerun rerun = CommittedRerun.of(up, RerunVerdicts.NONE);
        java.util.Set<Operation> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        assertSame(up.get(0), rerun.readBefore("cluster", "node_count", 1, Phase.UPGRADE, taken));
        assertNull(rerun.readBefore("cluster", "node_count", 1, Phase.UPGRADE, taken), "the first read is met first");
        assertFalse(rerun.opens(up.get(0), "cluster"), "MySQL keeps to columns");
    }

    @Test
    void a_megabyte_string_literal_in_a_read_is_one_token() {
        // quotes doubled inside, and SQL that would read other tables and columns if it were not in a literal
        String literal = repeat(1 << 16, i -> "it''s t.gone, FROM x ");
        List<Operation> up = upgrade("op.execute(\"UPDATE t SET note = '" + literal + "' WHERE old IS NULL\")\n"
                + "op.drop_column('t', 'old')");
        assertTrue(literal.length() >= 1 << 20);
        CommittedRerun rerun = assertTimeoutPreemptively(HANG, () -> CommittedRerun.ofPostgres(up));
        assertSame(up.get(0), rerun.columnReadBefore("t", "old", 1, Phase.UPGRADE));
        assertNull(rerun.columnReadBefore("t", "gone", 1, Phase.UPGRADE));
        assertNull(rerun.tableReadBefore("x", 1, Phase.UPGRADE));
    }

    @Test
    void twenty_thousand_from_keywords_and_from_items_are_read_in_one_pass() {
        // every FROM of substring(... from (2)) once scanned on to the WHERE at the end
        String froms = "SELECT " + repeat(20_000, i -> "substring(name from (2)) || ") + "'' FROM users WHERE old_flag";
        // every item of the FROM list opens a table; the first one is taken, and no bare name is claimed
        String items = "SELECT flag FROM t0" + repeat(20_000, i -> ", t" + (i + 1)) + " WHERE t7.c IS NULL";
        List<Operation> up = upgrade("op.execute(\"" + froms + "\")\nop.execute(\"" + items + "\")");
        CommittedRerun rerun = assertTimeoutPreemptively(HANG, () -> CommittedRerun.ofPostgres(up));
        assertSame(up.get(0), rerun.columnReadBefore("users", "old_flag", 1, Phase.UPGRADE));
        assertSame(up.get(1), rerun.tableReadBefore("t0", 1, Phase.UPGRADE));
        assertSame(up.get(1), rerun.columnReadBefore("t7", "c", 1, Phase.UPGRADE));
        assertNull(rerun.columnReadBefore("t0", "flag", 1, Phase.UPGRADE), "another FROM item may own it");
    }

    @Test
    void five_thousand_drops_each_find_their_read_among_five_thousand() {
        int n = 5_000;
        List<Operation> up = upgrade(repeat(n, i -> "op.execute(\"UPDATE t SET c" + i + " = 0 WHERE t.k" + i
                + " IS NULL\")\n") + repeat(n, i -> "op.drop_column('t', 'c" + i + "')\nop.drop_column('t', 'k" + i
                + "')\n"));
        assertEquals(3 * n, up.size());
        assertTimeoutPreemptively(HANG, () -> {
            CommittedRerun rerun = CommittedRerun.ofPostgres(up);
            for (int i = 0; i < n; i++) {
                int at = n + 2 * i;
                assertSame(up.get(i), rerun.columnReadBefore("t", "c" + i, at, Phase.UPGRADE), "bare c" + i);
                assertSame(up.get(i), rerun.columnReadBefore("t", "k" + i, at, Phase.UPGRADE), "qualified k" + i);
                assertTrue(rerun.opens(up.get(i), "t"));
            }
            assertNull(rerun.columnReadBefore("t", "c" + n, 3 * n - 1, Phase.UPGRADE));
        });
    }
}
