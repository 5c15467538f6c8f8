package dev.idemlint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsertReaderTest {
    @Test
    void reads_table_and_columns_and_folds_unquoted_names() {
        InsertReader.Shape s = InsertReader.read("INSERT INTO Teams (ID, \"Name\") VALUES (1, 'a'), (2, 'b')");
        assertEquals("teams", s.table());
        assertEquals(List.of("id", "Name"), s.columns());
        assertFalse(s.onConflict());
        assertFalse(s.guardedSelect());
    }

    @Test
    void sees_on_conflict_and_guarded_selects() {
        assertTrue(InsertReader.read("INSERT INTO t (id) VALUES (1) ON CONFLICT DO NOTHING").onConflict());
        assertTrue(InsertReader.read("INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = 1")
                .onConflict());
        assertTrue(InsertReader.read("INSERT INTO teams (name) SELECT 'x' WHERE NOT EXISTS "
                + "(SELECT 1 FROM teams WHERE name = 'x')").guardedSelect());
        assertFalse(InsertReader.read("INSERT INTO teams (name) SELECT name FROM old_teams").guardedSelect());
        assertTrue(InsertReader.read("INSERT INTO teams (name) SELECT n FROM new_teams WHERE n NOT IN\n"
                + "  ( SELECT name FROM teams)").guardedSelect());
        assertFalse(InsertReader.read("INSERT INTO teams (name) SELECT n FROM new_teams WHERE n IN "
                + "(SELECT name FROM teams)").guardedSelect());
    }

    @Test
    void a_statement_without_column_list_has_unknown_columns() {
        assertNull(InsertReader.read("INSERT INTO t VALUES (1)").columns());
    }

    @Test
    void leaves_dynamic_and_unparsable_statements_to_the_token_classifier() {
        assertNull(InsertReader.read("INSERT INTO \u0000 (id) VALUES (1)"));
        assertNull(InsertReader.read("INSERT INTO t (id) VALUES ("));
        assertNull(InsertReader.read("UPDATE t SET a = 1"));
    }

    static List<String> columns(String sql) {
        return ((dev.idemlint.migration.Operation.Insert) SqlFixture.classify(sql).get(0)).columns();
    }

    @Test
    void the_classifier_reads_column_lists_with_and_without_jsqlparser() {
        assertEquals(List.of("code", "Label"), columns("INSERT INTO divisions (code, \"Label\") VALUES (1, 2)"));
        assertEquals(List.of("id"), columns("WITH x AS (SELECT 1) INSERT INTO public.t AS t (ID) SELECT 1"));
        // JSqlParser rejects the dynamic placeholder: the token path still reads the columns.
        assertEquals(List.of("id", "name"), columns("INSERT INTO t (id, name) VALUES ({?}, 'x')"));
        assertNull(columns("INSERT INTO t VALUES (1)"));
        assertNull(columns("INSERT INTO t ({?}) VALUES (1)"));
    }

    /**
     * A plain {@code INSERT INTO name [(cols)] VALUES (constants), ...} is read by the token scan alone;
     * where JSqlParser reads the statement too, both readings must agree.
     */
    @Test
    void plain_values_inserts_read_as_jsqlparser_reads_them() {
        List<String> plain = List.of(
                "INSERT INTO t0 (id, name) VALUES (4, 'n4')",
                "insert into Teams (ID, \"Name\") values (1, 'a'), (2, 'b')",
                "INSERT INTO public.teams (id) VALUES (-1)",
                "INSERT INTO \"Odd\"\"Name\" (\"a\"\"b\", c) VALUES (NULL, TRUE)",
                "INSERT INTO t VALUES (1, 'x', FALSE)",
                "INSERT INTO s.t (a, b) VALUES (1.5, 'it''s'), (2e3, '')",
                "INSERT INTO t (a) VALUES (1), (2), (3)",
                "INSERT INTO key (value) VALUES (1)",
                "INSERT INTO t (a) VALUES (1) -- a comment");
        for (String sql : plain) {
            Operation.Insert op = (Operation.Insert) SqlFixture.classify(sql).get(0);
            InsertReader.Shape js = InsertReader.read(sql);
            assertNotNull(js, sql);
            assertEquals(js, new InsertReader.Shape(op.table(), op.columns(), op.onConflict(), op.guardedSelect()), sql);
        }
        assertEquals("odd\"name", ((Operation.Insert) SqlFixture.classify(
                "INSERT INTO \"odd\"\"name\" (a) VALUES (1)").get(0)).table());
    }
}
