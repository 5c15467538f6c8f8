package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.MigrationReader;
import dev.idemlint.python.PythonParser;
import dev.idemlint.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RerunSimulationTest {
    static Migration read(String text) throws Exception {
        SourceFile f = SourceFile.of(Path.of("versions/x.py"), "versions/x.py", text);
        return new MigrationReader().read(new PythonParser().parse(f));
    }

    /** Which upgrade() operations the simulation proves to re-run cleanly, in order. */
    private static List<Boolean> proven(String body, boolean postgresNames) throws Exception {
        Migration m = read("def upgrade():\n" + body);
        return RerunSimulation.protect(m.upgrade(), () -> postgresNames).stream()
                // proven: marked by the simulation (a condition of the code itself, such as `if flag:`, is no proof)
                .map(o -> o.site().guard() != null && (o.site().guard().kind() == dev.idemlint.migration.GuardKind.DROPPED_FIRST
                        || o.site().guard().kind() == dev.idemlint.migration.GuardKind.RECREATED_LATER)).toList();
    }

    @Test
    void an_add_drop_rename_column_swap_reruns_cleanly() throws Exception {
        assertEquals(List.of(true, true, true), proven(
                "    op.add_column('accounts', sa.Column('new_id', sa.BigInteger()))\n"
                        + "    op.drop_column('accounts', 'id')\n"
                        + "    op.alter_column('accounts', 'new_id', new_column_name='id')\n", true));
    }

    @Test
    void a_dropped_default_named_foreign_key_comes_back_under_the_same_name() throws Exception {
        String body = "    op.drop_constraint('players_team_id_fkey', 'players', type_='foreignkey')\n"
                + "    op.create_foreign_key(None, 'players', 'teams', ['team_id'], ['id'])\n";
        assertEquals(List.of(true, false), proven(body, true));
        // under a naming convention the new key's name is not PostgreSQL's: nothing is proven
        assertEquals(List.of(false, false), proven(body, false));
    }

    @Test
    void plain_and_conditional_operations_prove_nothing() throws Exception {
        assertEquals(List.of(false), proven("    op.add_column('t', sa.Column('c', sa.Text()))\n", true));
        // the rename ran, so 'n' is gone and the add succeeds; whether 'c' is gone when the rename
        // runs again depends on the flag: not proven
        assertEquals(List.of(true, false, false), proven(
                "    op.add_column('t', sa.Column('n', sa.Text()))\n"
                        + "    if flag:\n"
                        + "        op.drop_column('t', 'c')\n"
                        + "    op.alter_column('t', 'n', new_column_name='c')\n", true));
        // the rename after the helper is not proven, and not claimed either: the helper was given its table
        Migration m = read("def upgrade():\n    op.add_column('t', sa.Column('n', sa.Text()))\n"
                + "    helpers.rebuild('t')\n    op.alter_column('t', 'n', new_column_name='c')\n"
                + "    op.create_index('ix_u', 'u', ['a'])\n");
        List<dev.idemlint.migration.Operation> out = RerunSimulation.protect(m.upgrade(), () -> true);
        assertEquals(dev.idemlint.migration.GuardKind.UNREAD_CODE, out.get(2).site().guard().kind());
        assertEquals(null, out.get(3).site().guard(), "a table the helper is not given stays as it was");
    }

    @Test
    void a_helper_defined_elsewhere_makes_what_it_is_given_unknown() throws Exception {
        // what comes after the helper is unknown; what comes before it is decided on the state the
        // revision leaves, which the rename fixes whatever the helper did
        assertEquals(List.of(true, true, false, false), proven(
                "    op.add_column('t', sa.Column('n', sa.Text()))\n"
                        + "    op.drop_column('t', 'c')\n"
                        + "    helpers.rebuild('t')\n"
                        + "    op.alter_column('t', 'n', new_column_name='c')\n", true));
    }

    /** The re-run failures of a raw-SQL revision: each statement, and what it fails with. */
    private static List<String> failures(String... statements) throws Exception {
        StringBuilder body = new StringBuilder("def upgrade():\n");
        for (String sql : statements) {
            body.append("    op.execute(\"").append(sql).append("\")\n");
        }
        Migration m = read(body.toString());
        List<dev.idemlint.migration.Operation> ops = new java.util.ArrayList<>();
        dev.idemlint.sql.SqlClassifier classifier = new dev.idemlint.sql.SqlClassifier();
        for (dev.idemlint.migration.Operation o : m.upgrade()) {
            ops.addAll(o instanceof dev.idemlint.migration.Operation.RawSql raw ? classifier.classify(raw) : List.of(o));
        }
        return RerunSimulation.failures(ops, Effects.Naming.UNKNOWN).stream()
                .map(f -> f.op().site().sqlStatement() + " -> " + f.conflict().sqlState().code()).toList();
    }

    @Test
    void a_serial_turned_identity_fails_its_rerun_at_drop_default_then_at_the_sequence_and_the_identity() throws Exception {
        // renku-data-services: the re-run meets the identity the first run left
        assertEquals(List.of("ALTER TABLE prefs ALTER COLUMN id DROP DEFAULT -> 42601",
                "DROP SEQUENCE IF EXISTS prefs_id_seq -> 2BP01",
                "ALTER TABLE prefs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY -> 55000"), failures(
                "ALTER TABLE prefs ALTER COLUMN id DROP DEFAULT",
                "DROP SEQUENCE IF EXISTS prefs_id_seq",
                "ALTER TABLE prefs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY"));
    }

    @Test
    void identity_statements_whose_rerun_meets_what_they_expect_or_an_unknown_identity_never_fail() throws Exception {
        // dropped first, so the re-run meets no identity
        assertEquals(List.of(), failures("ALTER TABLE a ALTER COLUMN id DROP IDENTITY IF EXISTS",
                "ALTER TABLE a ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY"));
        // the table is made again: nothing is known of its column's identity
        assertEquals(List.of(), failures("DROP TABLE IF EXISTS c", "CREATE TABLE c (id integer NOT NULL)",
                "ALTER TABLE c ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY"));
        // an identity action the reader cannot follow to its end leaves the identity unknown
        assertEquals(List.of(), failures("ALTER TABLE d ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY",
                "ALTER TABLE d ALTER COLUMN id DROP IDENTITY CASCADE", "ALTER TABLE d ALTER COLUMN id DROP DEFAULT"));
    }
}
