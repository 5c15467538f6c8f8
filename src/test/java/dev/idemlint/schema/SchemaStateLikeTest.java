package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.SqlState;
import dev.idemlint.schema.Effect.Create;
import dev.idemlint.schema.Effect.Drop;
import dev.idemlint.schema.Effect.Shape;
import java.util.List;
import java.util.Optional;
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

    private static final QualifiedName SEQ = QualifiedName.of("public", "runs_id_seq");

    /** runs (id serial) made on an empty database, then {@code runs_copy} made LIKE it with {@code defaults}. */
    private static SchemaState serialCopied(Presence defaults) {
        SchemaState s = SchemaState.unknown();
        s.apply(new Drop(ObjectRef.table(OLD), false, false));
        s.apply(new Drop(ObjectRef.table(COPY), false, false));
        s.apply(new Drop(ObjectRef.of(ObjectKind.SEQUENCE, SEQ), false, false));
        s.apply(new Create(ObjectRef.table(OLD), false, Shape.table(null, false)));
        s.apply(new Create(column(OLD, "id"), false, Shape.column("integer")));
        s.apply(new Effect.Serial(column(OLD, "id"), SEQ, false));
        s.apply(new Create(ObjectRef.table(COPY), false, Shape.table(null, false)));
        s.apply(new Effect.CopyColumns(OLD, COPY, defaults));
        return s;
    }

    @Test
    void a_copy_with_the_defaults_of_a_serial_column_keeps_its_source_from_being_dropped() {
        SchemaState s = serialCopied(Presence.PRESENT);
        Optional<Conflict> c = s.apply(new Drop(ObjectRef.table(OLD), false, false));
        assertTrue(c.isPresent());
        assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, c.get().sqlState());
        assertEquals(column(COPY, "id"), c.get().object());
        // so do the drops of the column and of the sequence
        assertTrue(serialCopied(Presence.PRESENT).apply(new Drop(column(OLD, "id"), false, false)).isPresent());
        SchemaState q = serialCopied(Presence.PRESENT);
        q.apply(new Effect.AlterColumn(column(OLD, "id"), Effect.AlterColumn.Change.DROP_DEFAULT, null));
        assertEquals(Optional.of(column(COPY, "id")),
                q.apply(new Drop(ObjectRef.of(ObjectKind.SEQUENCE, SEQ), false, false)).map(Conflict::object));
    }

    @Test
    void cascade_or_the_copys_default_dropped_first_lets_the_source_go() {
        SchemaState s = serialCopied(Presence.PRESENT);
        assertTrue(s.apply(new Drop(ObjectRef.table(OLD), false, true)).isEmpty());
        assertEquals(Presence.ABSENT, s.presence(ObjectRef.table(OLD)));
        assertEquals(Presence.PRESENT, s.presence(column(COPY, "id")));
        SchemaState d = serialCopied(Presence.PRESENT);
        d.apply(new Effect.AlterColumn(column(COPY, "id"), Effect.AlterColumn.Change.DROP_DEFAULT, null));
        assertTrue(d.apply(new Drop(ObjectRef.table(OLD), false, false)).isEmpty());
        SchemaState gone = serialCopied(Presence.PRESENT);
        gone.apply(new Drop(ObjectRef.table(COPY), false, false));
        assertTrue(gone.apply(new Drop(ObjectRef.table(OLD), false, false)).isEmpty());
        assertEquals(Presence.ABSENT, gone.presence(ObjectRef.table(OLD)));
    }

    @Test
    void a_copy_without_defaults_lets_the_source_go() {
        SchemaState s = serialCopied(Presence.ABSENT);
        assertTrue(s.apply(new Drop(ObjectRef.table(OLD), false, false)).isEmpty());
        assertEquals(Presence.ABSENT, s.presence(ObjectRef.table(OLD)));
    }

    @Test
    void a_copy_whose_clause_is_not_read_leaves_the_sources_drop_unknown() {
        SchemaState s = serialCopied(Presence.UNKNOWN);
        assertTrue(s.apply(new Drop(ObjectRef.table(OLD), false, false)).isEmpty());
        assertEquals(Presence.UNKNOWN, s.presence(ObjectRef.table(OLD)));
        assertTrue(s.surelyDependent(ObjectRef.table(OLD)).isEmpty());
    }

    @Test
    void a_copy_of_a_copy_takes_the_same_sequence() {
        SchemaState s = serialCopied(Presence.PRESENT);
        QualifiedName second = QualifiedName.of("public", "runs_copy2");
        s.apply(new Drop(ObjectRef.table(second), false, false));
        s.apply(new Create(ObjectRef.table(second), false, Shape.table(null, false)));
        s.apply(new Effect.CopyColumns(COPY, second, Presence.PRESENT));
        assertTrue(s.apply(new Drop(ObjectRef.table(COPY), false, false)).isEmpty());
        assertEquals(Optional.of(column(second, "id")),
                s.apply(new Drop(ObjectRef.table(OLD), false, false)).map(Conflict::object));
    }

    @Test
    void a_foreign_key_made_as_a_constraint_keeps_its_table_from_being_dropped() {
        SchemaState s = SchemaState.unknown();
        QualifiedName players = QualifiedName.of("public", "players");
        ObjectRef fk = ObjectRef.in(ObjectKind.CONSTRAINT, players, "fk_players_runs");
        s.apply(new Drop(ObjectRef.table(OLD), false, false));
        s.apply(new Create(ObjectRef.table(OLD), false, Shape.table(null, false)));
        s.apply(new Create(fk, false, Shape.constraint(ConstraintKind.FOREIGN_KEY, List.of("run_id")).referencing(OLD)));
        assertEquals(Optional.of(ObjectRef.table(players)),
                s.apply(new Drop(ObjectRef.table(OLD), false, false)).map(Conflict::object));
        // walked on as if it had been made to succeed, CASCADE's way: the key went with the table
        assertEquals(Presence.ABSENT, s.presence(fk));
    }
}
