package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.schema.Effect.Create;
import dev.idemlint.schema.Effect.Drop;
import dev.idemlint.schema.Effect.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Effect.CopyColumns}: {@code CREATE TABLE copy LIKE old} copies what the state knows of old's columns, nothing more. */
class SchemaStateLikeTest {
    private static final QualifiedName OLD = QualifiedName.of("public", "runs");
    private static final QualifiedName COPY = QualifiedName.of("public", "runs_copy");

    private static ObjectRef column(QualifiedName table, String name) {
        return ObjectRef.in(ObjectKind.COLUMN, table, name);
    }

    private static void like(SchemaState s) {
        s.apply(new Create(ObjectRef.table(COPY), false, Shape.table(null, false)));
        s.apply(new Effect.CopyColumns(OLD, COPY, Presence.ABSENT));
    }

    @Test
    void a_copy_of_a_table_made_here_has_its_columns_and_no_other() {
        SchemaState s = SchemaState.unknown();
        s.apply(new Drop(ObjectRef.table(OLD), false, false));
        s.apply(new Create(ObjectRef.table(OLD), false, Shape.table(null, false)));
        s.apply(new Create(column(OLD, "id"), false, Shape.column("integer")));
        s.apply(new Create(column(OLD, "gone"), false, Shape.column("integer")));
        s.apply(new Drop(column(OLD, "gone"), false, false));
        like(s);
        assertEquals(Presence.PRESENT, s.presence(column(COPY, "id")));
        assertEquals(Presence.ABSENT, s.presence(column(COPY, "gone")));
        assertEquals(Presence.ABSENT, s.presence(column(COPY, "other")));
        // adding a copied column fails, a new one does not
        assertTrue(s.apply(new Create(column(COPY, "id"), false, Shape.column("integer"))).isPresent());
        assertTrue(s.apply(new Create(column(COPY, "other"), false, Shape.column("integer"))).isEmpty());
        // MySQL copies the keys and indexes: the copy's are not known
        assertEquals(Presence.UNKNOWN, s.presence(ObjectRef.in(ObjectKind.CONSTRAINT, COPY, "runs_pkey")));
    }

    @Test
    void a_copy_has_the_columns_in_its_source_order() {
        SchemaState s = SchemaState.unknown();
        s.apply(new Drop(ObjectRef.table(OLD), false, false));
        s.apply(new Drop(ObjectRef.table(COPY), false, false));
        s.apply(new Create(ObjectRef.table(OLD), false, Shape.table(null, false)));
        for (String c : List.of("zeta", "alpha", "mid")) {
            s.apply(new Create(column(OLD, c), false, Shape.column("integer")));
        }
        like(s);
        s.apply(new Create(column(COPY, "added"), false, Shape.column("integer")));
        assertEquals(List.of("zeta", "alpha", "mid"), s.columnOrder(OLD));
        assertEquals(List.of("zeta", "alpha", "mid", "added"), s.columnOrder(COPY));
    }

    @Test
    void a_copy_of_a_table_whose_columns_are_not_all_known_claims_only_what_is_known() {
        SchemaState s = SchemaState.unknown();
        s.apply(new Create(column(OLD, "added"), false, Shape.column("integer")));
        like(s);
        assertEquals(Presence.UNKNOWN, s.presence(column(COPY, "other")));
        assertTrue(s.apply(new Create(column(COPY, "other"), false, Shape.column("integer"))).isEmpty());
        // the table itself may be missing: nothing is claimed of the copy's columns
        assertEquals(Presence.UNKNOWN, s.presence(column(COPY, "added")));
    }

    @Test
    void a_copy_of_a_table_known_present_with_an_added_column_has_it() {
        SchemaState s = SchemaState.unknown();
        s.apply(new Drop(ObjectRef.table(QualifiedName.of("public", "tmp")), false, false));
        s.apply(new Create(ObjectRef.table(QualifiedName.of("public", "tmp")), false, Shape.table(null, false)));
        s.apply(new Create(column(QualifiedName.of("public", "tmp"), "added"), false, Shape.column("integer")));
        s.apply(new Effect.Rename(ObjectRef.table(QualifiedName.of("public", "tmp")), "runs", false));
        like(s);
        assertEquals(Presence.PRESENT, s.presence(column(COPY, "added")));
        assertEquals(Presence.ABSENT, s.presence(column(COPY, "other")));
    }

    @Test
    void a_table_there_already_keeps_its_columns() {
        SchemaState s = SchemaState.unknown();
        s.apply(new Drop(ObjectRef.table(OLD), false, false));
        s.apply(new Create(ObjectRef.table(OLD), false, Shape.table(null, false)));
        s.apply(new Create(column(OLD, "id"), false, Shape.column("integer")));
        s.apply(new Create(ObjectRef.table(COPY), false, Shape.table(null, false)));
        s.apply(new Create(column(COPY, "own"), false, Shape.column("integer")));
        like(s);
        assertEquals(Presence.PRESENT, s.presence(column(COPY, "own")));
        assertEquals(Presence.UNKNOWN, s.presence(column(COPY, "id")));
    }

    @Test
    void a_copy_of_a_missing_table_knows_no_column() {
        SchemaState s = SchemaState.unknown();
        s.apply(new Drop(ObjectRef.table(OLD), false, false));
        like(s);
        assertEquals(Presence.UNKNOWN, s.presence(column(COPY, "id")));
    }
}
