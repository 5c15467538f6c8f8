package dev.idemlint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
    private static List<String> texts(String sql) {
        return SqlStatement.split(sql).stream().map(s -> sql.substring(s.start(), s.end())).toList();
    }

    @Test
    void splits_on_top_level_semicolons() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1; SELECT 2;"));
    }

    @Test
    void drops_empty_statements() {
        assertEquals(List.of("SELECT 1"), texts(" ;; SELECT 1 ;\n ; "));
        assertEquals(List.of(), texts("  -- only a comment\n /* and another */ ; "));
    }

    @Test
    void trims_whitespace_and_comments_around_statements() {
        String sql = "  -- lead\n /* block */ SELECT 1 /* tail */ ; \n-- x\nSELECT 2 -- end";
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts(sql));
        int at = sql.indexOf("SELECT 1");
        assertEquals(new SqlStatement(at, at + 8), SqlStatement.split(sql).get(0));
    }

    @Test
    void keeps_semicolons_inside_single_quoted_literals() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', 'it''s; ok')", "SELECT 2"),
                texts("INSERT INTO t VALUES ('a;b', 'it''s; ok'); SELECT 2"));
    }

    @Test
    void reads_backslash_escapes_only_in_e_strings() {
        assertEquals(List.of("SELECT E'it\\'s; fine'", "SELECT 2"), texts("SELECT E'it\\'s; fine'; SELECT 2"));
        // standard_conforming_strings: a backslash in a plain literal does not escape the quote
        assertEquals(List.of("SELECT 'a\\'", "SELECT 2"), texts("SELECT 'a\\'; SELECT 2"));
    }

    @Test
    void keeps_semicolons_inside_quoted_identifiers() {
        assertEquals(List.of("CREATE TABLE \"a;\"\"b\" (id int)"), texts("CREATE TABLE \"a;\"\"b\" (id int);"));
    }

    @Test
    void keeps_dollar_quoted_bodies_whole() {
        String fn = "CREATE FUNCTION f() RETURNS int AS $fn$ BEGIN PERFORM $$;$$; RETURN 1; END $fn$ LANGUAGE plpgsql";
        assertEquals(List.of(fn, "SELECT 2"), texts(fn + "; SELECT 2"));
        assertEquals(List.of("DO $$ BEGIN NULL; END $$", "SELECT $1"), texts("DO $$ BEGIN NULL; END $$; SELECT $1"));
    }

    @Test
    void does_not_open_dollar_quotes_inside_identifiers_or_parameters() {
        assertEquals(List.of("SELECT a$b FROM t WHERE x = $1", "SELECT 2"),
                texts("SELECT a$b FROM t WHERE x = $1; SELECT 2"));
    }

    @Test
    void ignores_semicolons_in_line_and_nested_block_comments() {
        assertEquals(List.of("SELECT 1 /* a; /* nested; */ still; */ + 1", "SELECT 2"),
                texts("SELECT 1 /* a; /* nested; */ still; */ + 1; -- c;\nSELECT 2"));
    }

    @Test
    void keeps_semicolons_inside_parentheses() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))";
        assertEquals(List.of(rule), texts(rule + ";"));
    }

    @Test
    void keeps_begin_atomic_function_bodies_whole() {
        String fn = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; "
                + "SELECT 2; END";
        assertEquals(List.of(fn, "SELECT 3"), texts(fn + "; SELECT 3"));
    }

    @Test
    void runs_an_unterminated_literal_to_the_end() {
        assertEquals(List.of("SELECT 1", "SELECT 'abc; SELECT 2"), texts("SELECT 1; SELECT 'abc; SELECT 2"));
        assertEquals(List.of("DO $$ BEGIN; END;"), texts("DO $$ BEGIN; END;"));
    }
}
