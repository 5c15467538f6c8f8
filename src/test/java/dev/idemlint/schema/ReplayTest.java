package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.ObjectKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline's answers taken from its replay of {@link SchemaState} ({@link Replay}) along branches and merges. */
class ReplayTest {
    private static final Settings S = Settings.DEFAULT;
    private static final int END = Integer.MAX_VALUE;
    private static final String UNREAD_TYPE = "op.execute(f\"CREATE TYPE {name} AS ENUM ('a')\")";

    @Test
    void code_not_read_on_one_branch_is_not_before_the_other_branch_but_is_after_the_merge() {
        Revisions r = new Revisions().rev("001", null, "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("002", "001", UNREAD_TYPE)
                .rev("003", "001", "op.add_column(\"teams\", sa.Column(\"code\", sa.Text()))")
                .rev("004", "002, 003", "pass");
        SchemaTimeline t = r.timeline();
        assertFalse(t.opaqueBefore(r.get("002"), 0, ObjectKind.TYPE));
        assertTrue(t.opaqueBefore(r.get("002"), END, ObjectKind.TYPE));
        assertFalse(t.opaqueBefore(r.get("003"), 0, ObjectKind.TYPE), "the other branch's code is not on this path");
        assertFalse(t.opaqueBefore(r.get("003"), END, ObjectKind.TYPE));
        assertTrue(t.opaqueBefore(r.get("004"), 0, ObjectKind.TYPE), "the merge runs both branches");
        assertFalse(t.opaqueBefore(r.get("004"), 0, ObjectKind.TABLE), "an unread type makes no table");
        assertFalse(t.startsFromExistingSchema(S), "every table altered was made on the path");
    }

    @Test
    void a_table_made_on_another_branch_only_is_missing_on_this_one() {
        Revisions r = new Revisions().rev("001", null, "pass")
                .rev("002", "001", "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("003", "001", "op.add_column(\"teams\", sa.Column(\"code\", sa.Text()))");
        assertTrue(r.timeline().startsFromExistingSchema(S));
    }

    @Test
    void a_table_altered_after_the_merge_of_the_branch_that_made_it_is_there() {
        Revisions r = new Revisions().rev("001", null, "pass")
                .rev("002", "001", "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("003", "001", "pass")
                .rev("004", "002, 003", "op.add_column(\"teams\", sa.Column(\"code\", sa.Text()))");
        assertFalse(r.timeline().startsFromExistingSchema(S));
    }

    @Test
    void a_table_created_only_if_missing_is_there_for_what_follows() {
        Revisions r = new Revisions().rev("001", null, """
                if not op.get_bind().dialect.has_table(op.get_bind(), "teams"):
                    op.create_table("teams", sa.Column("id", sa.Integer()))
                op.add_column("teams", sa.Column("code", sa.Text()))
                """);
        assertFalse(r.timeline().startsFromExistingSchema(S), "the guard holds on an empty database");
    }

    @Test
    void a_table_dropped_then_altered_was_there_before_the_chain() {
        Revisions r = new Revisions().rev("001", null, "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer()))")
                .rev("002", "001", "op.drop_table(\"teams\")")
                .rev("003", "002", "op.add_column(\"teams\", sa.Column(\"code\", sa.Text()))");
        assertTrue(r.timeline().startsFromExistingSchema(S));
    }

    @Test
    void labels_added_on_one_branch_are_not_on_the_other_and_the_merge_has_both() {
        Revisions r = new Revisions().rev("001", null, "op.execute(\"CREATE TYPE mood AS ENUM ('sad')\")")
                .rev("002", "001", "op.execute(\"ALTER TYPE mood ADD VALUE 'happy'\")")
                .rev("003", "001", "op.execute(\"ALTER TYPE mood ADD VALUE 'calm'\")")
                .rev("004", "002, 003", "op.execute(\"ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'\")");
        SchemaTimeline t = r.timeline();
        QualifiedName mood = QualifiedName.of("mood");
        assertEquals(List.of("sad"), t.labels(mood, r.get("002"), 0));
        assertEquals(List.of("sad", "happy"), t.labels(mood, r.get("002"), END));
        assertEquals(List.of("sad", "calm"), t.labels(mood, r.get("003"), END), "the other branch's label is not on this path");
        assertEquals(List.of("sad", "happy", "calm"), t.labels(mood, r.get("004"), 0), "the merge runs both branches");
        assertEquals(List.of("blue", "happy", "calm"), t.labels(mood, r.get("004"), END));
    }

    @Test
    void a_renamed_type_keeps_its_labels_and_a_dropped_or_forgotten_one_has_none() {
        Revisions r = new Revisions().rev("001", null, """
                op.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')")
                op.execute("ALTER TYPE mood RENAME TO feeling")
                op.execute("DROP TYPE feeling")
                op.execute("CREATE TYPE mood AS ENUM ('calm')")
                op.execute(sql)
                """);
        SchemaTimeline t = r.timeline();
        QualifiedName mood = QualifiedName.of("mood");
        QualifiedName feeling = QualifiedName.of("feeling");
        assertEquals(List.of("sad", "happy"), t.labels(mood, r.get("001"), 1));
        assertEquals(List.of(), t.labels(mood, r.get("001"), 2));
        assertEquals(List.of("sad", "happy"), t.labels(feeling, r.get("001"), 2), "ALTER TYPE ... RENAME TO keeps the labels");
        assertEquals(List.of(), t.labels(feeling, r.get("001"), 3));
        assertEquals(List.of("calm"), t.labels(mood, r.get("001"), 4));
        assertEquals(List.of(), t.labels(mood, r.get("001"), END), "SQL not read may have dropped or replaced it");
    }
}
