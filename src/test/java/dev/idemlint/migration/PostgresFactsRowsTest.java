package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shape of the facts table; what each row says is checked on PostgreSQL by {@code PostgresFactsTableTest}. */
class PostgresFactsRowsTest {
    @Test
    void every_kind_but_the_unknown_one_has_exactly_one_row() {
        Set<ObjectKind> rows = PostgresFacts.rows().stream().map(PostgresFacts.Row::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ObjectKind.class)));
        assertEquals(PostgresFacts.rows().size(), rows.size(), "one row per kind");
        assertEquals(EnumSet.complementOf(EnumSet.of(ObjectKind.OTHER)), rows);
    }

    @Test
    void clauses_count_from_the_version_that_brought_them() {
        PostgresFacts.Row trigger = PostgresFacts.of(ObjectKind.TRIGGER);
        assertFalse(trigger.orReplace(13));
        assertTrue(trigger.orReplace(14));
        assertFalse(PostgresFacts.of(ObjectKind.AGGREGATE).orReplace(11));
        assertTrue(PostgresFacts.of(ObjectKind.STATISTICS).ifNotExists(10));
        assertFalse(PostgresFacts.of(ObjectKind.POLICY).ifNotExists(99));
    }

    @Test
    void a_constraint_duplicate_depends_on_its_kind() {
        assertEquals(SqlState.INVALID_TABLE_DEFINITION, PostgresFacts.duplicate(ConstraintKind.PRIMARY_KEY));
        assertEquals(SqlState.DUPLICATE_TABLE, PostgresFacts.duplicate(ConstraintKind.UNIQUE));
        assertEquals(SqlState.DUPLICATE_TABLE, PostgresFacts.duplicate(ConstraintKind.EXCLUDE));
        assertEquals(SqlState.DUPLICATE_OBJECT, PostgresFacts.duplicate(ConstraintKind.FOREIGN_KEY));
        assertEquals(SqlState.DUPLICATE_OBJECT, PostgresFacts.duplicate(ConstraintKind.CHECK));
    }

    @Test
    void an_index_missing_on_drop_and_on_rename_raise_different_codes() {
        assertNotEquals(PostgresFacts.dropMissing(ObjectKind.INDEX), PostgresFacts.renameMissing(ObjectKind.INDEX));
        assertEquals(SqlState.UNDEFINED_TABLE, PostgresFacts.renameMissing(ObjectKind.INDEX));
    }

    @Test
    void the_unknown_kind_gets_the_generic_conditions() {
        assertEquals(SqlState.DUPLICATE_OBJECT, PostgresFacts.duplicate(ObjectKind.OTHER));
        assertEquals(SqlState.UNDEFINED_OBJECT, PostgresFacts.dropMissing(ObjectKind.OTHER));
    }

    @Test
    void type_families_group_what_a_driver_hands_back_alike() {
        for (String n : List.of("integer", "bigint", "double precision", "real", "numeric(10,2)", "numeric", "oid")) {
            assertEquals("number", PostgresFacts.typeFamily(n), n);
        }
        assertEquals("string", PostgresFacts.typeFamily("character varying(36)"));
        assertEquals("string", PostgresFacts.typeFamily("text"));
        assertEquals("timestamp", PostgresFacts.typeFamily("timestamp(3) without time zone"));
        assertEquals("timestamp", PostgresFacts.typeFamily("timestamp with time zone"));
        assertEquals("time", PostgresFacts.typeFamily("time with time zone"));
        assertEquals("interval", PostgresFacts.typeFamily("interval day to second(3)"));
        assertEquals("bit string", PostgresFacts.typeFamily("bit varying(5)"));
        assertEquals("number array", PostgresFacts.typeFamily("integer[]"));
        assertEquals("json", PostgresFacts.typeFamily("jsonb"));
        // an enum or domain: what it holds cannot be told from its name
        assertNull(PostgresFacts.typeFamily("mood"));
        assertNull(PostgresFacts.typeFamily("\"Kind\"[]"));
        assertNull(PostgresFacts.typeFamily(null));
    }

    @Test
    void an_identity_added_twice_and_a_default_dropped_from_one_raise_different_codes() {
        assertEquals("55000", PostgresFacts.identityAlreadyPresent().code());
        assertEquals("55000", PostgresFacts.identityMissing().code());
        assertEquals("42601", PostgresFacts.dropDefaultOfIdentity().code());
        assertEquals("42601", PostgresFacts.setDefaultOfIdentity().code());
        assertEquals("55000", PostgresFacts.identityOverDefault().code());
        assertEquals("2BP01", PostgresFacts.dropIdentitySequence().code());
        assertEquals("2BP01", PostgresFacts.dropSequenceInUse().code());
    }
}
