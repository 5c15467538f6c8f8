package dev.idemlint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckColumnsTest {

    @Test
    void reads_the_columns_of_boolean_comparison_and_cast_expressions() {
        assertEquals(List.of("an_id", "senat_id"), CheckColumns.of("an_id IS NOT NULL OR senat_id IS NOT NULL"));
        assertEquals(List.of("pk"), CheckColumns.of("pk > 0 AND pk::text <> ''"));
        assertEquals(List.of("dismissed_at", "dismiss_type"),
                CheckColumns.of("((dismissed_at is not null)::bool = (dismiss_type is not null)::bool)"));
        assertEquals(List.of("type"), CheckColumns.of("(type = ANY (ARRAY[1, 2, 3]))"));
        assertEquals(List.of("layout"), CheckColumns.of("layout IN ('grid', 'carousel')"));
        assertEquals(List.of("a", "b"), CheckColumns.of("NOT(a IS NULL AND b IS NULL)"));
        assertEquals(List.of("d"), CheckColumns.of("CAST(d AS timestamp with time zone) > date '2020-01-01'"));
        assertEquals(List.of("amount"), CheckColumns.of("amount::double precision >= 0"));
    }

    @Test
    void keeps_quoted_names_and_folds_unquoted_ones() {
        assertEquals(List.of("Mixed", "lower"), CheckColumns.of("\"Mixed\" > Lower"));
    }

    @Test
    void leaves_unread_what_it_cannot_be_sure_of() {
        assertNull(CheckColumns.of("extract(year from d) > 2000"));
        assertNull(CheckColumns.of("t.a > 0"));
        assertNull(CheckColumns.of("d < now() at time zone 'utc'"));
        assertNull(CheckColumns.of("name collate \"C\" > 'a'"));
        assertNull(CheckColumns.of("d > interval '1' day"));
        assertNull(CheckColumns.of("a > $1"));
        assertNull(CheckColumns.of("a > (select max(b) from t)"));
        assertNull(CheckColumns.of(null));
        assertNull(CheckColumns.of("a > 'unclosed"));
    }
}
