package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TypeChangeTest {

    @Test
    void reads_a_function_called_on_the_column_with_constant_arguments() {
        TypeChange t = TypeChange.of("text[]", "string_to_array(tags, ',')", "tags");
        assertEquals("text[]", t.formatType());
        assertEquals("string_to_array", t.function());
        assertEquals(2, t.arity());
        assertEquals(new TypeChange("date", "to_date", 2),
                TypeChange.of("date", "  PG_CATALOG . To_Date ( \"when\" , 'YYYY''s' )  ", "when"));
        assertEquals(new TypeChange("timestamp with time zone", "to_timestamp", 1),
                TypeChange.of("timestamp with time zone", "to_timestamp(epoch)", "epoch"));
    }

    @Test
    void leaves_the_function_unread_for_any_other_shape() {
        for (String using : new String[] {"tags::text[]", "string_to_array(raw_tags, ',')", "string_to_array(tags, sep)",
                "string_to_array(tags, ',')::text[]", "string_to_array(tags, ',", "string_to_array(\"Tags\", ',')",
                "string_to_array(lower(tags), ',')", "other.string_to_array(tags, ',')", "(tags)", "", "1tags(tags)",
                "string_to_array(tags, ',') || '{}'", "string_to_array(tags, ',' "}) {
            TypeChange t = TypeChange.of("text[]", using, "tags");
            assertNull(t.function(), using);
            assertEquals("text[]", t.formatType(), using);
        }
        assertNull(TypeChange.of("text[]", null, "tags").function());
        assertNull(TypeChange.of("text[]", "string_to_array(tags, ',')", null).function());
    }

    @Test
    void reads_an_integer_added_to_the_column_or_subtracted_from_it() {
        assertEquals(new TypeChange("timestamp with time zone", "to_timestamp", 1, "+"),
                TypeChange.of("timestamp with time zone", "to_timestamp(last_login + 18000)", "last_login"));
        assertEquals(new TypeChange("date", "to_date", 2, "-"),
                TypeChange.of("date", "to_date(d -1, 'YYYY')", "d"));
        assertEquals(new TypeChange("integer", null, 0, "-"), TypeChange.of("integer", " c - -5 ", "c"));
        assertEquals(new TypeChange("integer", null, 0, "+"), TypeChange.of("integer", "\"C\"+5", "C"));
        for (String using : new String[] {"c - 5.5", "c -- 5", "c - --5", "c + x", "c + 5 * 2", "c + 5e3", "c +", "c + 5)",
                "f(c + 5.0)", "f(c - 1x)", "f(c + 1 + 2)", "f(c -- 1\n)", "c * 5", "5 + c"}) {
            TypeChange t = TypeChange.of("integer", using, "c");
            assertNull(t.shift(), using);
            assertNull(t.function(), using);
        }
        // a column named like a function still reads as the function's argument
        assertEquals(new TypeChange("date", "to_date", 2), TypeChange.of("date", "to_date(to_date, 'YYYY')", "to_date"));
    }

    @Test
    void reads_the_function_inside_a_cast() {
        assertEquals(new TypeChange("chambre", "upper", 1), TypeChange.of("chambre", "cast(upper(chambre) as chambre)",
                "chambre"));
        assertEquals(new TypeChange("mood", "lower", 1), TypeChange.of("mood", " CAST ( lower(\"Mood\")  AS  mood ) ",
                "Mood"));
        assertEquals(new TypeChange("date", "to_date", 2, "+"), TypeChange.of("date",
                "cast(to_date(d + 1, 'YYYY as x') as date)", "d"));
        assertEquals(new TypeChange("integer", null, 0, "-"), TypeChange.of("integer", "cast(c - 5 as integer)", "c"));
        for (String using : new String[] {"cast(upper(c) as mood) || 'x'", "cast(upper(c) mood)", "cast(upper(c) as",
                "cast(upper(c) as mood", "cast('x as y' )", "cast(upper(c) as \"mood)", "casting(upper(c) as mood)",
                "cast(f(c) + 1 as int)", "cast(as as)"}) {
            assertNull(TypeChange.of("mood", using, "c").function(), using);
        }
        assertEquals("upper(c)", TypeChange.castOperand("cast(upper(c) as mood)").strip());
        assertNull(TypeChange.castOperand("upper(c)"));
    }

    @Test
    void a_quoted_column_name_matches_only_as_written() {
        assertEquals("string_to_array", TypeChange.of(null, "string_to_array(\"Tags\", ',')", "Tags").function());
        assertNull(TypeChange.of(null, "string_to_array(Tags, ',')", "Tags").function());
        assertEquals("string_to_array", TypeChange.of(null, "string_to_array(TAGS, ',')", "tags").function());
    }

    @Test
    void reads_a_long_text_in_one_pass() {
        String using = "string_to_array(tags" + ", 'x'".repeat(200_000) + ")";
        assertEquals(200_001, TypeChange.of("text[]", using, "tags").arity());
        assertNull(TypeChange.of("text[]", "f(" + "(".repeat(200_000), "tags").function());
    }

    @Test
    void a_plain_cast_of_one_column_is_read_with_its_target_as_format_type_prints_it() {
        assertEquals(new TypeChange.Cast("external_id", "jsonb", false),
                TypeChange.of("jsonb", "external_id::jsonb", "meta").cast());
        assertEquals(new TypeChange.Cast("Ext", "integer", false),
                TypeChange.of("integer", "CAST(\"Ext\" AS int4)", "n").cast());
        assertEquals(new TypeChange.Cast("a", "character varying(64)", false),
                TypeChange.of("text", " A :: varchar(64) ", "a").cast());
        // a constant, a qualified column, an expression, a cast of a cast, a cast of a call: no cast of a column
        for (String using : new String[] {"NULL::jsonb", "'{}'::jsonb", "t.a::jsonb", "a + 1::jsonb", "a::json::jsonb",
                "to_json(a)::jsonb", "cast(a as jsonb) || '{}'", "a::jsonb -> 'x'"}) {
            assertNull(TypeChange.of("jsonb", using, "m").cast(), using);
        }
        assertEquals(new TypeChange.Cast("a", "jsonb", true),
                TypeChange.of("jsonb", "a::jsonb", "m").castRetypedBefore().cast());
    }
}
