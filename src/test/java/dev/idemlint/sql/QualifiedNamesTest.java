package dev.idemlint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.idemlint.migration.SchemaRef;
import dev.idemlint.migration.SqlText;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QualifiedNamesTest {
    private static SchemaRef schemaOf(String sql, String name) {
        return QualifiedNames.targets(SqlLexer.tokenize(sql)).of(name);
    }

    private static SchemaRef written(String schema) {
        return new SchemaRef(schema, SchemaRef.Source.WRITTEN);
    }

    @Test
    void a_plain_qualifier_is_folded_and_a_quoted_one_kept() {
        assertEquals(written("audit"), schemaOf("CREATE INDEX ix ON Audit . events (a)", "events"));
        assertEquals(written("Audit"), schemaOf("CREATE INDEX ix ON \"Audit\".\"Events\" (a)", "events"));
        assertEquals(written("s"), schemaOf("ALTER TABLE s.t ADD COLUMN c int", "T"));
        assertEquals(written("public"), schemaOf("DROP TABLE public.t", "t"));
        // db.schema.table: the part before the name
        assertEquals(written("billing"), schemaOf("DROP TABLE app.billing.invoices", "invoices"));
    }

    @Test
    void a_name_written_bare_is_the_search_paths() {
        assertEquals(SchemaRef.SEARCH_PATH, schemaOf("ALTER TABLE invoices ADD COLUMN billing_id int", "invoices"));
        assertEquals(SchemaRef.SEARCH_PATH, schemaOf("ALTER TABLE s.t ADD COLUMN c int", null));
        assertEquals(SchemaRef.SEARCH_PATH, schemaOf("", "t"));
        assertEquals(SchemaRef.SEARCH_PATH, schemaOf("CREATE TABLE \"\" (id int)", ""));
    }

    @Test
    void the_first_qualified_occurrence_places_a_name() {
        assertEquals(written("billing"),
                schemaOf("CREATE INDEX ix ON invoices (a); SELECT 1 FROM billing.invoices", "invoices"));
        assertEquals(written("a"), schemaOf("INSERT INTO a.t SELECT * FROM b.t", "t"));
    }

    @Test
    void an_unread_qualifier_is_some_schema() {
        String sql = "DROP TABLE " + SqlText.DYNAMIC + ".t";
        assertEquals(SchemaRef.UNREAD, schemaOf(sql, "t"));
    }

    @Test
    void names_in_literals_and_comments_and_other_names_are_no_qualifier() {
        assertEquals(SchemaRef.SEARCH_PATH, schemaOf("INSERT INTO t VALUES ('s.t') -- s.t", "t"));
        assertEquals(SchemaRef.SEARCH_PATH, schemaOf("ALTER TABLE s.tt ADD COLUMN c int", "t"));
        assertEquals(SchemaRef.SEARCH_PATH, schemaOf("ALTER TABLE x.old_invoices ADD c int", "invoices"));
    }

    @Test
    void a_very_long_identifier_is_read_in_one_pass() {
        String sql = "CREATE TABLE " + "a".repeat(2_000_000) + " (id int)";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertEquals(SchemaRef.SEARCH_PATH, schemaOf(sql, "t")),
                "hang guard only");
    }
}
