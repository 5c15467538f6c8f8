package dev.idemlint.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LiveDatabaseTest {
    /**
     * With {@code standard_conforming_strings = off} a backslash in a plain literal is an escape, so a
     * statement holding one would read differently on such a server; an {@code E'...'} literal reads
     * the same under both settings.
     */
    @Test
    void constant_statements_mean_the_same_whatever_standard_conforming_strings_says() {
        assertTrue(LiveDatabase.CONSTANT_STATEMENTS.size() > 10, LiveDatabase.CONSTANT_STATEMENTS.toString());
        for (String sql : LiveDatabase.CONSTANT_STATEMENTS) {
            String plain = sql.replaceAll("E'(?:[^'\\\\]|\\\\.)*'", "E''");
            assertFalse(plain.contains("\\"), sql);
        }
    }

    @Test
    void each_constant_statement_is_one_statement() {
        for (String sql : LiveDatabase.CONSTANT_STATEMENTS) {
            assertFalse(sql.contains(";"), sql);
        }
    }
    @Test
    void url_options_pass_only_a_search_path() {
        assertEquals("other,public", LiveDatabase.searchPathOnly("-csearch_path=other,public"));
        assertEquals("\"$user\",public", LiveDatabase.searchPathOnly(" -c search_path=\"$user\",public "));
        assertEquals("app", LiveDatabase.searchPathOnly("--search_path=app"));
        assertNull(LiveDatabase.searchPathOnly("-c default_transaction_read_only=off"));
        assertNull(LiveDatabase.searchPathOnly("-c search_path=app -c role=owner"));
        assertNull(LiveDatabase.searchPathOnly("-c search_path=app\\ -c\\ role=owner"));
        assertNull(LiveDatabase.searchPathOnly("-c search_path=app;reset"));
    }
}
