package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.schema.Effect.Create;
import dev.idemlint.schema.Effect.Drop;
import dev.idemlint.schema.Effect.Forget;
import dev.idemlint.schema.Effect.Rename;
import dev.idemlint.sql.SqlClassifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectsTest {
    private static final Effects.Naming POSTGRES = new Effects.Naming(() -> true);

    private static List<Effect> effects(String line, Effects.Naming naming) throws Exception {
        Migration m = RerunSimulationTest.read("def upgrade():\n    " + line + "\n");
        Operation op = m.upgrade().get(0);
        return Effects.of(op, naming);
    }

    @Test
    void an_added_column_is_created_on_its_table_with_its_type() throws Exception {
        List<Effect> e = effects("op.add_column('players', sa.Column('nickname', sa.Text()))", POSTGRES);
        Create c = assertInstanceOf(Create.class, e.get(0));
        assertEquals(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("players"), "nickname"), c.object());
        assertEquals(1, e.size());
    }

    @Test
    void a_created_table_makes_its_columns_and_named_keys() throws Exception {
        List<Effect> e = effects("op.create_table('teams', sa.Column('id', sa.Integer()), sa.Column('name', sa.Text()),"
                + " sa.UniqueConstraint('name', name='uq_teams_name'))", POSTGRES);
        QualifiedName teams = QualifiedName.of("teams");
        assertEquals(ObjectRef.table(teams), ((Create) e.get(0)).object());
        assertEquals(ObjectRef.in(ObjectKind.COLUMN, teams, "id"), ((Create) e.get(1)).object());
        assertEquals(ObjectRef.in(ObjectKind.COLUMN, teams, "name"), ((Create) e.get(2)).object());
        Create uq = (Create) e.get(3);
        assertEquals(ObjectRef.in(ObjectKind.CONSTRAINT, teams, "uq_teams_name"), uq.object());
        assertEquals(ConstraintKind.UNIQUE, uq.shape().constraintKind());
    }

    @Test
    void an_unnamed_key_gets_postgres_name_only_when_the_convention_names_none() throws Exception {
        String fk = "op.create_foreign_key(None, 'players', 'teams', ['team_id'], ['id'])";
        Create c = assertInstanceOf(Create.class, effects(fk, POSTGRES).get(0));
        assertEquals("players_team_id_fkey", c.object().name().name());
        assertTrue(c.shape().postgresNamed());
        Forget f = assertInstanceOf(Forget.class, effects(fk, Effects.Naming.UNKNOWN).get(0));
        assertEquals(Forget.Scope.TABLE_KEYS, f.scope());
    }

    @Test
    void raw_sql_folds_unquoted_names_and_keeps_quoted_ones() throws Exception {
        Migration m = RerunSimulationTest.read("def upgrade():\n"
                + "    op.execute('ALTER TABLE Players RENAME COLUMN \"Nick\" TO Nick')\n");
        Operation.RawSql raw = (Operation.RawSql) m.upgrade().get(0);
        Rename r = assertInstanceOf(Rename.class, Effects.of(new SqlClassifier().classify(raw).get(0), POSTGRES).get(0));
        assertEquals(ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of("players"), "Nick"), r.object());
        assertEquals("nick", r.to());
        // unclassified SQL is opaque: it forgets everything
        assertEquals(Forget.Scope.EVERYTHING, assertInstanceOf(Forget.class, Effects.of(raw, POSTGRES).get(0)).scope());
    }

    @Test
    void drops_and_renames_name_their_object_and_dynamic_drops_forget_everything() throws Exception {
        Drop d = assertInstanceOf(Drop.class, effects("op.drop_index('ix_players_name', table_name='players')", POSTGRES).get(0));
        assertEquals(ObjectKind.INDEX, d.object().kind());
        Rename r = assertInstanceOf(Rename.class, effects("op.rename_table('players', 'athletes')", POSTGRES).get(0));
        assertEquals(ObjectRef.table(QualifiedName.of("athletes")), r.target());
        Forget f = assertInstanceOf(Forget.class, effects("op.drop_table(name)", POSTGRES).get(0));
        assertEquals(Forget.Scope.EVERYTHING, f.scope());
        Forget u = assertInstanceOf(Forget.class, effects("helpers.rebuild('players')", POSTGRES).get(0));
        assertEquals(Forget.Scope.NAMED, u.scope());
    }

    @Test
    void a_guarded_statement_only_forgets_what_it_touches() {
        QualifiedName t = QualifiedName.of("t");
        List<Effect> e = Effect.uncertain(List.of(new Drop(ObjectRef.table(t), false),
                new Rename(ObjectRef.in(ObjectKind.COLUMN, t, "a"), "b"), new Effect.Require(ObjectRef.table(t))));
        assertEquals(List.of(Forget.object(ObjectRef.table(t)), Forget.object(ObjectRef.in(ObjectKind.COLUMN, t, "a")),
                Forget.object(ObjectRef.in(ObjectKind.COLUMN, t, "b"))), e);
    }
}
