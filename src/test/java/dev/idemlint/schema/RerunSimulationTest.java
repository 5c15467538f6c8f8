package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.MigrationReader;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.python.PythonParser;
import dev.idemlint.source.SourceFile;
import java.nio.file.Path;
import java.util.Arrays;
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
        // proven: a clean verdict (a condition of the code itself, such as `if flag:`, is no proof)
        return clean(RerunSimulation.decide(m.upgrade(), () -> postgresNames));
    }

    /** Whether each operation is proven to re-run cleanly. */
    private static List<Boolean> clean(RerunSimulation.Decided d) {
        return d.ops().stream().map(o -> d.verdicts().clean(o)).toList();
    }

    /**
     * Each operation's verdict where the simulation settled it ({@code CLEAN}, {@code UNKNOWN}, {@code FAILS}), else
     * its guard's kind (null: unguarded, which re-run rules claim).
     */
    private static List<String> labels(RerunSimulation.Decided d) {
        return d.ops().stream().map(o -> d.verdicts().of(o) != null ? d.verdicts().of(o).kind().name()
                : o.site().guard() == null ? null : o.site().guard().kind().name()).toList();
    }

    /** {@link #labels} of each upgrade() operation of a revision that imports os. */
    private static List<String> kinds(String body) throws Exception {
        Migration m = read("import os\ndef upgrade():\n" + body);
        return labels(RerunSimulation.decide(m.upgrade(), () -> true));
    }

    @Test
    void a_statement_under_configuration_is_decided_where_its_condition_holds() throws Exception {
        var setting = "SETTING";
        var clean = "CLEAN";
        var unknown = "UNKNOWN";
        var configuration = "CONFIGURATION";
        // alone under its condition: it re-runs as an unconditional statement does, keeping the condition (claimed)
        assertEquals(java.util.Arrays.asList(setting), kinds(
                "    if os.environ['ENV'] != 'production':\n"
                        + "        op.add_column('t', sa.Column('c', sa.Text()))\n"));
        // dropped first under the same condition, written twice: the re-run makes it again on a schema without it
        assertEquals(java.util.Arrays.asList(clean, clean), kinds(
                "    if os.environ['ENV'] != 'production':\n"
                        + "        op.drop_column('t', 'c')\n"
                        + "    if os.environ['ENV'] != 'production':\n"
                        + "        op.add_column('t', sa.Column('c', sa.Text()))\n"));
        // dropped under another condition, which may or may not hold with it: both unknown, never claimed
        assertEquals(java.util.Arrays.asList(unknown, unknown), kinds(
                "    if os.getenv('CLEAN'):\n"
                        + "        op.drop_column('t', 'c')\n"
                        + "    if os.environ['ENV'] != 'production':\n"
                        + "        op.add_column('t', sa.Column('c', sa.Text()))\n"));
        // nested conditions: the add runs where both hold, and the outer's drop with it (proven); where only the
        // outer holds, the add may or may not have made the column again: the drop is unknown
        assertEquals(java.util.Arrays.asList(unknown, clean), kinds(
                "    if os.getenv('A'):\n"
                        + "        op.drop_column('t', 'c')\n"
                        + "        if os.getenv('B'):\n"
                        + "            op.add_column('t', sa.Column('c', sa.Text()))\n"));
        // in a loop over items not read, the body may run any number of times: as unknown as without the condition
        assertEquals(java.util.Arrays.asList(configuration), kinds(
                "    for t in tables():\n"
                        + "        if os.getenv('A'):\n"
                        + "            op.add_column('t', sa.Column('c', sa.Text()))\n"));
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
    void a_key_made_again_in_public_is_the_key_dropped_unqualified() throws Exception {
        // under the default search path public.players is players: the key comes back under the name dropped
        assertEquals(List.of(true, false), proven(
                "    op.drop_constraint('players_team_id_fkey', 'players', type_='foreignkey')\n"
                        + "    op.create_foreign_key(None, 'players', 'teams', ['team_id'], ['id'], source_schema='public',"
                        + " referent_schema='public')\n", true));
        assertEquals(List.of(true, false), proven(
                "    op.drop_constraint('players_team_id_fkey', 'players', schema='public', type_='foreignkey')\n"
                        + "    op.create_foreign_key(None, 'players', 'teams', ['team_id'], ['id'])\n", true));
        // another schema is another table: its key does not bring back the one dropped
        assertEquals(List.of(false, false), proven(
                "    op.drop_constraint('players_team_id_fkey', 'players', type_='foreignkey')\n"
                        + "    op.create_foreign_key(None, 'players', 'teams', ['team_id'], ['id'], source_schema='app')\n",
                true));
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
        RerunSimulation.Decided d = RerunSimulation.decide(m.upgrade(), () -> true);
        assertEquals("UNKNOWN", labels(d).get(2));
        assertEquals(null, labels(d).get(3), "a table the helper is not given stays as it was");
    }

    /** {@link #labels} of each upgrade() operation (null: neither settled nor guarded). */
    private static List<String> marks(String body) throws Exception {
        Migration m = read("def upgrade():\n" + body);
        return labels(RerunSimulation.decide(m.upgrade(), () -> true));
    }

    @Test
    void a_type_made_under_a_name_not_read_makes_types_only() throws Exception {
        // the re-run meets the table gone (the type made makes no table), and a type it dropped maybe made again
        Migration m = read("def upgrade():\n    op.drop_table('step')\n"
                + "    op.create_table('phase', sa.Column('s', sa.Enum('a', name=names.S)))\n"
                + "    op.execute('DROP TYPE old_status')\n");
        RerunSimulation.Question step = new RerunSimulation.Question(0, ObjectRef.table(QualifiedName.of("step")));
        RerunSimulation.Question type = new RerunSimulation.Question(2,
                ObjectRef.of(dev.idemlint.migration.ObjectKind.TYPE, QualifiedName.of("old_status")));
        java.util.Map<RerunSimulation.Question, Presence> met = RerunSimulation.meets(m.upgrade(),
                new Effects.Naming(() -> true), List.of(step, type));
        assertEquals(Presence.ABSENT, met.get(step));
        assertEquals(Presence.UNKNOWN, met.get(type));
        assertEquals(null, marks("    op.drop_table('step')\n"
                + "    op.create_table('phase', sa.Column('s', sa.Enum('a', name=names.S)))\n").get(0));
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

    @Test
    void a_drop_before_a_creation_of_the_same_name_and_a_creation_before_its_drop_rerun_cleanly() throws Exception {
        assertEquals(List.of(true, true), proven(
                "    op.drop_index('ix_a')\n"
                        + "    op.create_index('ix_a', 't', ['a'])\n", true));
        assertEquals(List.of(true, true), provenSql("DROP POLICY IF EXISTS games_write ON games",
                "CREATE POLICY games_write ON games FOR INSERT WITH CHECK (true)"));
        assertEquals(List.of(true, true), proven(
                "    op.create_table('tmp', sa.Column('id', sa.Integer()))\n"
                        + "    op.drop_table('tmp')\n", true));
        // a plain try/except keeps nothing alive on PostgreSQL: a revision that ran whole ran both
        assertEquals(List.of(true, true), proven(
                "    try:\n"
                        + "        op.drop_constraint('caix', 'clients', type_='unique')\n"
                        + "        op.create_unique_constraint('caix', 'clients', ['ip', 'node'])\n"
                        + "    except Exception:\n"
                        + "        pass\n", true));
    }

    /**
     * A plain try/except guards nothing, so its statements are decided as unguarded ones, unknown included: a copy
     * of a reflected table (columns appended by code not read), made after a drop under a has_table check and
     * renamed into place, is met in an unknown state by the re-run and claimed by no rule, with or without the try.
     */
    @Test
    void a_statement_under_a_plain_try_in_an_unknown_state_is_marked_unknown() throws Exception {
        String copy = "metadata = sa.MetaData()\n"
                + "table = sa.Table(tbl, metadata, autoload_with=bind)\n"
                + "tmp = f'{tbl}_tmp'\n"
                + "if inspector.has_table(tmp):\n"
                + "    op.drop_table(tmp)\n"
                + "new_table = sa.Table(tmp, metadata)\n"
                + "for column in table.columns:\n"
                + "    new_table.append_column(column.copy())\n"
                + "new_table.create(bind)\n"
                + "op.drop_table(tbl)\n"
                + "op.rename_table(tmp, tbl)\n";
        String head = "    bind = op.get_bind()\n    inspector = sa.inspect(bind)\n"
                + "    for tbl in {'servers': 1, 'tools': 2}:\n";
        String plain = head + copy.lines().map(l -> "        " + l + "\n").collect(java.util.stream.Collectors.joining());
        String inTry = head + "        try:\n" + copy.lines().map(l -> "            " + l + "\n")
                .collect(java.util.stream.Collectors.joining()) + "        except Exception:\n            pass\n";
        for (String body : List.of(plain, inTry)) {
            RerunSimulation.Decided d = RerunSimulation.decide(read("def upgrade():\n" + body).upgrade(), () -> true);
            List<Operation> creates = d.ops().stream().filter(o -> o instanceof Operation.CreateTable).toList();
            assertEquals(2, creates.size(), body);
            for (Operation create : creates) {
                assertEquals(RerunVerdicts.Kind.UNKNOWN, d.verdicts().of(create).kind(), body);
            }
        }
    }

    @Test
    void a_drop_under_a_condition_leaves_its_object_unknown_not_absent() throws Exception {
        assertEquals(List.of(false, false), proven(
                "    if flag:\n"
                        + "        op.drop_index('ix_a')\n"
                        + "    op.create_index('ix_a', 't', ['a'])\n", true));
        assertEquals(List.of(false, false), proven(
                "    op.drop_index('ix_a')\n"
                        + "    helpers.rebuild('ix_a')\n"
                        + "    op.create_index('ix_a', 't', ['a'])\n", true).subList(1, 3));
    }

    @Test
    void a_drop_its_guard_runs_whenever_its_object_is_there_leaves_it_gone_either_way() throws Exception {
        List<Boolean> out = proven(
                "    inspector = sa.inspect(op.get_bind())\n"
                        + "    keys = [k['name'] for k in inspector.get_foreign_keys('nodes_tags')]\n"
                        + "    if 'nodes_tags_node_id_fkey' in keys:\n"
                        + "        op.drop_constraint('nodes_tags_node_id_fkey', 'nodes_tags', type_='foreignkey')\n"
                        + "    op.create_foreign_key('nodes_tags_node_id_fkey', 'nodes_tags', 'nodes', ['node_id'], ['id'])\n",
                true);
        assertEquals(true, out.get(out.size() - 1), out.toString());
    }

    @Test
    void a_name_renamed_away_or_dropped_with_its_table_is_free_for_the_creation_after_it() throws Exception {
        // the rename fails on the re-run (items_old is there) and is taken as made to tolerate it, as its fix
        // makes it (rename only while the new name is free): the creation meets the table the first run made
        assertEquals(List.of(false, false), proven(
                "    op.rename_table('items', 'items_old')\n"
                        + "    op.create_table('items', sa.Column('id', sa.Integer()))\n", true));
        // a table swapped into place: dropping the old one takes its indexes
        assertEquals(List.of(true, true, true, true), proven(
                "    op.create_table('items_new', sa.Column('s', sa.Text()))\n"
                        + "    op.drop_table('items')\n"
                        + "    op.rename_table('items_new', 'items')\n"
                        + "    op.create_index('ix_items_s', 'items', ['s'])\n", true));
    }

    @Test
    void a_swapped_in_table_keeps_its_explicit_index_names() throws Exception {
        String swap = "    op.create_table('items_new', sa.Column('id', sa.Integer()),"
                + " sa.PrimaryKeyConstraint('id', name='pk_items_new'))\n"
                + "    op.drop_table('items')\n"
                + "    op.rename_table('items_new', 'items')\n";
        // the table's name is free on the re-run, its key's index name (on items now) is not: 42P07
        assertEquals(List.of(false, true, true), proven(swap, true));
        // an unnamed key's index takes a free name; the old table dropped first takes the kept name with it
        assertEquals(List.of(true, true, true), proven(swap.replace(", name='pk_items_new'", ""), true));
        assertEquals(List.of(true, true, true), proven("    op.drop_table('items')\n"
                + swap.replace("    op.drop_table('items')\n", ""), true));
    }

    @Test
    void a_primary_key_dropped_under_any_name_frees_the_tables_one_primary_key() throws Exception {
        // the name is read from the inspector: type_="primary" says it is the table's primary key
        String dynamic = "    op.drop_constraint(names['t'], 't', type_='primary')\n";
        assertEquals(List.of(false, true), proven(dynamic + "    op.create_primary_key('pk_t', 't', ['id'])\n", true));
        // under a naming convention not known, the new key's name is not known either: it is the table's one
        assertEquals(List.of(false, true), proven(dynamic + "    op.create_primary_key(None, 't', ['id'])\n", false));
        // the drop of the name the revision adds again meets that key on the re-run
        assertEquals(List.of(true, true), proven("    op.drop_constraint('t_pkey', 't')\n"
                + "    op.create_primary_key('t_pkey', 't', ['id'])\n", true));
        assertEquals(List.of(true, true), proven("    op.drop_constraint('t_pkey', 't')\n"
                + "    op.create_primary_key(None, 't', ['id'])\n", true));
        // another constraint's drop frees nothing, and code that cannot be read in between proves nothing
        assertEquals(List.of(false, false), proven("    op.drop_constraint('t_a_key', 't', type_='unique')\n"
                + "    op.create_primary_key('pk_t', 't', ['id'])\n", true));
        assertEquals(List.of(false, false, false), proven(dynamic + "    helpers.rebuild('t')\n"
                + "    op.create_primary_key('pk_t', 't', ['id'])\n", true));
    }

    @Test
    void a_key_made_under_a_name_not_known_takes_none_the_revision_names() throws Exception {
        assertEquals(List.of(true, false, true), proven(
                "    op.drop_constraint('fk_a', 't', type_='foreignkey')\n"
                        + "    op.create_foreign_key(None, 't', 'u', ['b'], ['id'])\n"
                        + "    op.create_foreign_key('fk_a', 't', 'u', ['a'], ['id'])\n", false));
    }

    /** Which statements of a raw-SQL revision the simulation proves to re-run cleanly, in order. */
    /** Which upgrade() operations the simulation leaves unknown where the re-run reaches them (claimed by no rule). */
    private static List<Boolean> unknown(String body) throws Exception {
        Migration m = read("def upgrade():\n" + body);
        RerunSimulation.Decided d = RerunSimulation.decide(m.upgrade(), () -> true);
        return d.ops().stream().map(o -> d.verdicts().of(o) != null
                && d.verdicts().of(o).kind() == RerunVerdicts.Kind.UNKNOWN).toList();
    }

    @Test
    void a_drop_made_again_under_a_condition_or_by_a_helper_given_its_name_is_left_unknown() throws Exception {
        assertEquals(List.of(true, false), unknown(
                "    op.drop_table('legacy')\n"
                        + "    if flag:\n"
                        + "        op.create_table('legacy', sa.Column('id', sa.Integer()))\n"));
        assertEquals(List.of(true, false), unknown(
                "    op.drop_table('archive')\n"
                        + "    helpers.remake_table('archive')\n"));
    }

    @Test
    void what_only_takes_leaves_a_drop_claimed_and_what_only_makes_leaves_a_creation_claimed() throws Exception {
        // drops whose names are read at run time, or that may not run, make nothing: the first drop stays gone
        assertEquals(List.of(false, false, false), unknown(
                "    op.drop_index('ix_a', table_name='t')\n"
                        + "    for name in names:\n"
                        + "        op.drop_index(name, table_name='t')\n"
                        + "    if flag:\n"
                        + "        op.drop_index('ix_a', table_name='t')\n").subList(0, 3));
        // a creation that may not run takes nothing: the first creation stays there
        assertEquals(List.of(false, false), unknown(
                "    op.create_table('t', sa.Column('id', sa.Integer()))\n"
                        + "    if flag:\n"
                        + "        op.create_table('u', sa.Column('id', sa.Integer()))\n"));
        // a conditional drop of it may take it: the creation is left unknown
        assertEquals(List.of(true, false), unknown(
                "    op.create_table('t', sa.Column('id', sa.Integer()))\n"
                        + "    if flag:\n"
                        + "        op.drop_table('t')\n"));
    }

    @Test
    void meets_answers_whether_the_rerun_finds_an_object_gone_at_a_statement() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    op.execute('SELECT name FROM legacy')\n"
                + "    op.drop_table('legacy')\n"
                + "    op.drop_table('scratch')\n"
                + "    if flag:\n"
                + "        op.create_table('scratch', sa.Column('id', sa.Integer()))\n");
        ObjectRef legacy = RerunSimulation.claimed(m.upgrade().get(1), Effects.Naming.UNKNOWN);
        ObjectRef scratch = RerunSimulation.claimed(m.upgrade().get(2), Effects.Naming.UNKNOWN);
        RerunSimulation.Question atRead = new RerunSimulation.Question(0, legacy);
        RerunSimulation.Question scratchAtRead = new RerunSimulation.Question(0, scratch);
        var answers = RerunSimulation.meets(m.upgrade(), Effects.Naming.UNKNOWN, List.of(atRead, scratchAtRead));
        assertEquals(Presence.ABSENT, answers.get(atRead));
        assertEquals(Presence.UNKNOWN, answers.get(scratchAtRead));
    }

    @Test
    void each_engine_of_a_multidb_revision_is_simulated_on_its_own_database() throws Exception {
        // registrar drops and re-adds its own agents.ip and drops its hosts.name; verifier's agents and hosts are
        // other tables, which nothing empties or drops first, so its statements are answered as if they ran alone
        Migration m = read("def upgrade(engine_name):\n    globals()[f\"upgrade_{engine_name}\"]()\n"
                + "def upgrade_registrar():\n"
                + "    op.drop_column('agents', 'ip')\n"
                + "    op.execute(\"DELETE FROM kinds\")\n"
                + "    op.add_column('agents', sa.Column('ip', sa.Text()))\n"
                + "    op.add_column('agents', sa.Column('port', sa.Integer()))\n"
                + "    op.drop_column('hosts', 'name')\n"
                + "def upgrade_verifier():\n"
                + "    op.add_column('agents', sa.Column('ip', sa.Text()))\n"
                + "    op.execute(\"INSERT INTO kinds (id) VALUES (1)\")\n"
                + "    op.add_column('agents', sa.Column('port', sa.Integer()))\n"
                + "    op.add_column('hosts', sa.Column('name', sa.Text()))\n");
        List<dev.idemlint.migration.Operation> ops = new java.util.ArrayList<>();
        dev.idemlint.sql.SqlClassifier classifier = new dev.idemlint.sql.SqlClassifier();
        for (dev.idemlint.migration.Operation o : m.upgrade()) {
            ops.addAll(o instanceof dev.idemlint.migration.Operation.RawSql raw ? classifier.classify(raw) : List.of(o));
        }
        assertEquals(List.of("registrar", "registrar", "registrar", "registrar", "registrar", "verifier", "verifier",
                "verifier", "verifier"),
                ops.stream().map(o -> o.site().engine()).toList());
        RerunSimulation.Decided decided = RerunSimulation.decide(ops, () -> true);
        List<dev.idemlint.migration.Operation> marked = decided.ops();
        assertEquals(List.of(true, false, true, false, false, false, false, false, false), clean(decided));
        // verifier's hosts.name is met there on its re-run: registrar's drop is in another database
        ObjectRef name = RerunSimulation.claimed(ops.get(8), Effects.Naming.UNKNOWN);
        ObjectRef ip = RerunSimulation.claimed(ops.get(2), Effects.Naming.UNKNOWN);
        RerunSimulation.Question atVerifierAdd = new RerunSimulation.Question(8, name);
        RerunSimulation.Question atRegistrarAdd = new RerunSimulation.Question(2, ip);
        var answers = RerunSimulation.meets(ops, Effects.Naming.UNKNOWN, List.of(atVerifierAdd, atRegistrarAdd));
        assertEquals(Presence.PRESENT, answers.get(atVerifierAdd));
        assertEquals(Presence.ABSENT, answers.get(atRegistrarAdd));
        // registrar's re-run appends ip after port; verifier's columns stay where they were
        var moved = RerunSimulation.columnsMovedBefore(marked, Effects.Naming.UNKNOWN, List.of(3, 5, 7));
        assertEquals(java.util.Set.of(3), moved.keySet());
        assertEquals("ip", moved.get(3).name().name());
        // registrar's DELETE empties its own kinds, not verifier's: verifier's insert meets its row again
        assertEquals(java.util.Set.of(6), RerunSimulation.rowsMet(ops, Effects.Naming.UNKNOWN, List.of(6)));
    }

    private static List<Boolean> provenSql(String... statements) throws Exception {
        return clean(RerunSimulation.decide(classified(statements), () -> true));
    }

    private static List<dev.idemlint.migration.Operation> classified(String... statements) throws Exception {
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
        return ops;
    }

    /** The verdict kind of each operation of {@code body}'s upgrade(), its raw SQL classified (null: undecided). */
    private static List<RerunVerdicts.Kind> sqlVerdicts(String body) throws Exception {
        Migration m = read("import os\ndef upgrade():\n" + body);
        List<dev.idemlint.migration.Operation> ops = new java.util.ArrayList<>();
        dev.idemlint.sql.SqlClassifier classifier = new dev.idemlint.sql.SqlClassifier();
        for (dev.idemlint.migration.Operation o : m.upgrade()) {
            ops.addAll(o instanceof dev.idemlint.migration.Operation.RawSql raw ? classifier.classify(raw) : List.of(o));
        }
        RerunSimulation.Decided d = RerunSimulation.decide(ops, () -> true);
        return d.ops().stream().map(o -> d.verdicts().of(o) == null ? null : d.verdicts().of(o).kind()).toList();
    }

    @Test
    void mysql_drop_primary_key_frees_the_key_an_add_in_the_same_alter_makes_again() throws Exception {
        var clean = RerunVerdicts.Kind.CLEAN;
        // networking-ovn 5c198d2723b6: the re-run drops the key the first run added, then adds it again
        assertEquals(Arrays.asList(clean, clean), sqlVerdicts(
                "    op.execute(\"ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (a, b)\")\n"));
        // alone, the add meets the key its first run added: the rule's to claim
        assertEquals(Arrays.asList((RerunVerdicts.Kind) null), sqlVerdicts(
                "    op.execute(\"ALTER TABLE t ADD PRIMARY KEY (a, b)\")\n"));
        // a clause read at run time before the add, in the same statement, may take the key: unknown
        assertEquals(Arrays.asList(null, RerunVerdicts.Kind.UNKNOWN), sqlVerdicts(
                "    op.execute(f\"ALTER TABLE t {os.environ['CLAUSE']}, ADD PRIMARY KEY (a, b)\")\n"));
        // in another statement it is code given no name, which a claim that the key is there does not wait on
        assertEquals(Arrays.asList(null, null), sqlVerdicts(
                "    op.execute(f\"ALTER TABLE t {os.environ['CLAUSE']}\")\n"
                        + "    op.execute(\"ALTER TABLE t ADD PRIMARY KEY (a, b)\")\n"));
        // it takes the primary key only: the unique key added after it is the rules' to claim (numenta-apps 012)
        assertEquals(Arrays.asList(clean, null, clean, null), sqlVerdicts(
                "    op.execute(\"ALTER TABLE t DROP PRIMARY KEY, ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT FIRST, "
                        + "ADD PRIMARY KEY (seq), ADD UNIQUE INDEX uq_t (a, b)\")\n"));
        // DROP PRIMARY KEY alone meets no key on the re-run (1091): not proven, the rules' to claim
        assertEquals(Arrays.asList((RerunVerdicts.Kind) null), sqlVerdicts(
                "    op.execute(\"ALTER TABLE t DROP PRIMARY KEY\")\n"));
    }

    /** The re-run failures of a raw-SQL revision: each statement, and what it fails with. */
    private static List<String> failures(String... statements) throws Exception {
        return RerunSimulation.failures(classified(statements), Effects.Naming.UNKNOWN).stream()
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

    /**
     * For each add_column of {@code body}'s upgrade() (its raw SQL classified and decided, as the engine reads it), the column
     * of its table the re-run adds again before it ({@link RerunSimulation#columnsMovedBefore}), or "-".
     */
    private static List<String> movedBefore(String body) throws Exception {
        Migration m = read("def upgrade():\n" + body);
        List<dev.idemlint.migration.Operation> ops = new java.util.ArrayList<>();
        dev.idemlint.sql.SqlClassifier classifier = new dev.idemlint.sql.SqlClassifier();
        for (dev.idemlint.migration.Operation o : m.upgrade()) {
            ops.addAll(o instanceof dev.idemlint.migration.Operation.RawSql raw ? classifier.classify(raw) : List.of(o));
        }
        ops = RerunSimulation.decide(ops, () -> true).ops();
        List<Integer> adds = new java.util.ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i) instanceof dev.idemlint.migration.Operation.AddColumn) {
                adds.add(i);
            }
        }
        var moved = RerunSimulation.columnsMovedBefore(ops, Effects.Naming.UNKNOWN, adds);
        return adds.stream().map(i -> moved.containsKey(i) ? moved.get(i).name().name() : "-").toList();
    }

    @Test
    void a_column_dropped_and_added_again_moves_after_the_columns_the_revision_added_after_it() throws Exception {
        // the re-run appends balance after memo, which a guard keeps in place: memo is asked about, currency not
        assertEquals(List.of("-", "-", "balance"), movedBefore(
                "    op.add_column('accounts', sa.Column('currency', sa.Text()))\n"
                        + "    op.drop_column('accounts', 'balance')\n"
                        + "    op.add_column('accounts', sa.Column('balance', sa.Numeric()))\n"
                        + "    op.add_column('accounts', sa.Column('memo', sa.Text()))\n"));
    }

    @Test
    void a_column_a_drop_type_cascade_takes_moves_as_a_dropped_one() throws Exception {
        assertEquals(List.of("-", "-", "environment_kind"), movedBefore(
                "    op.add_column('environments', sa.Column('notes', sa.Text()))\n"
                        + "    op.execute('DROP TYPE environmentkind CASCADE')\n"
                        + "    op.execute(\"CREATE TYPE environmentkind AS ENUM ('GLOBAL', 'CUSTOM')\")\n"
                        + "    op.add_column('environments', sa.Column('environment_kind',"
                        + " sa.Enum('GLOBAL', 'CUSTOM', name='environmentkind')))\n"
                        + "    op.add_column('environments', sa.Column('label', sa.Text()))\n"));
        // without CASCADE the type cannot go while a column uses it: nothing is taken
        assertEquals(List.of("-", "-"), movedBefore(
                "    op.add_column('environments', sa.Column('environment_kind',"
                        + " sa.Enum('GLOBAL', 'CUSTOM', name='environmentkind')))\n"
                        + "    op.add_column('environments', sa.Column('label', sa.Text()))\n"));
    }

    @Test
    void a_column_dropped_under_a_condition_may_move_and_one_added_under_a_condition_alone_does_not() throws Exception {
        assertEquals(List.of("-", "c"), movedBefore(
                "    if flag:\n"
                        + "        op.drop_column('t', 'c')\n"
                        + "    if not column_exists('t', 'c'):\n"
                        + "        op.add_column('t', sa.Column('c', sa.Text()))\n"
                        + "    op.add_column('t', sa.Column('d', sa.Text()))\n"));
        // nothing takes c: had its condition held on the first run, c is there on the re-run as well
        assertEquals(List.of("-", "-"), movedBefore(
                "    if not column_exists('t', 'other'):\n"
                        + "        op.add_column('t', sa.Column('c', sa.Text()))\n"
                        + "    op.add_column('t', sa.Column('d', sa.Text()))\n"));
    }

    @Test
    void a_column_moves_nothing_on_another_table_after_it_or_when_the_revision_drops_it_again() throws Exception {
        assertEquals(List.of("-", "-", "-"), movedBefore(
                "    op.drop_column('a', 'c')\n"
                        + "    op.add_column('a', sa.Column('c', sa.Text()))\n"
                        + "    op.add_column('b', sa.Column('d', sa.Text()))\n"
                        + "    op.add_column('a', sa.Column('x', sa.Text()))\n"
                        + "    op.drop_column('a', 'c')\n"));
        // added after the column made again, the guarded column stays after it on the re-run as on the first run
        assertEquals(List.of("-", "-"), movedBefore(
                "    op.add_column('a', sa.Column('x', sa.Text()))\n"
                        + "    op.drop_column('a', 'c')\n"
                        + "    op.add_column('a', sa.Column('c', sa.Text()))\n"));
        // two plain additions: the re-run meets the first there, and adds nothing again
        assertEquals(List.of("-", "-"), movedBefore(
                "    op.add_column('a', sa.Column('x', sa.Text()))\n"
                        + "    op.add_column('a', sa.Column('y', sa.Text()))\n"));
    }

    /** The kind of each upgrade() operation's verdict, in order (null: undecided, the rules' to claim). */
    private static List<RerunVerdicts.Kind> verdicts(String body) throws Exception {
        Migration m = read("def upgrade():\n" + body);
        RerunSimulation.Decided d = RerunSimulation.decide(m.upgrade(), () -> true);
        return d.ops().stream().map(o -> d.verdicts().of(o) == null ? null : d.verdicts().of(o).kind()).toList();
    }

    @Test
    void verdicts_say_clean_unknown_or_fails_of_each_operation() throws Exception {
        var clean = RerunVerdicts.Kind.CLEAN;
        assertEquals(List.of(clean, clean, clean), verdicts(
                "    op.add_column('t', sa.Column('new_id', sa.Integer()))\n"
                        + "    op.drop_column('t', 'id')\n"
                        + "    op.alter_column('t', 'new_id', new_column_name='id')\n"));
        // the column added is renamed away before the re-run reaches it; the helper is given the table: what the
        // rename meets there is not known; the index is the rules' to claim
        assertEquals(Arrays.asList(clean, null, RerunVerdicts.Kind.UNKNOWN, null), verdicts(
                "    op.add_column('t', sa.Column('n', sa.Text()))\n"
                        + "    helpers.rebuild('t')\n    op.alter_column('t', 'n', new_column_name='c')\n"
                        + "    op.create_index('ix_u', 'u', ['a'])\n"));
    }

    @Test
    void a_failing_verdict_carries_the_conflict_it_meets() throws Exception {
        Migration m = read("def upgrade():\n    op.rename_table('hosts', 'hosts_old')\n"
                + "    op.rename_table('hosts_new', 'hosts')\n");
        RerunSimulation.Decided d = RerunSimulation.decide(m.upgrade(), () -> true);
        RerunVerdicts.Verdict first = d.verdicts().of(d.ops().get(0));
        assertEquals(RerunVerdicts.Kind.FAILS, first.kind());
        assertEquals("42P07", first.conflict().state().code());
        assertEquals("table \"hosts_old\" already exists", first.conflict().reason());
        assertEquals(first.conflict(), d.verdicts().failure(d.ops().get(0)));
        assertFalse(d.verdicts().settled(d.ops().get(0)), "a failing statement is the rule's to report");
        // no verdict for an operation the verdicts are not about, even an equal one
        assertNull(d.verdicts().of(read("def upgrade():\n    op.rename_table('hosts', 'hosts_old')\n").upgrade().get(0)));
        assertThrows(IllegalArgumentException.class, () -> new RerunVerdicts.Verdict(RerunVerdicts.Kind.FAILS, null));
    }

    @Test
    void verdicts_stay_with_the_operations_at_their_positions() throws Exception {
        Migration m = read("def upgrade():\n    op.rename_table('hosts', 'hosts_old')\n"
                + "    op.rename_table('hosts_new', 'hosts')\n");
        RerunSimulation.Decided d = RerunSimulation.decide(m.operations(), () -> true);
        Migration decided = m.withOperations(d.ops()).withVerdicts(d.verdicts());
        assertEquals(RerunVerdicts.Kind.FAILS, decided.verdicts().of(decided.upgrade().get(0)).kind());
        // the operations rebuilt in place (a guard resolved, a name given by the convention): the verdict follows
        List<Operation> rebuilt = decided.operations().stream().map(o -> o.withSite(o.site())).toList();
        Migration again = decided.withOperations(rebuilt).withoutModule();
        assertEquals(RerunVerdicts.Kind.FAILS, again.verdicts().of(again.upgrade().get(0)).kind());
        assertNull(again.verdicts().of(decided.upgrade().get(0)), "looked up by the migration's own operation");
        assertEquals(decided.verdicts(), again.verdicts(), "the same verdicts, position by position");
        assertEquals(decided.withoutModule(), again.withOperations(decided.operations()),
                "verdicts rebound to the same operations: the same revision");
        assertSame(RerunVerdicts.NONE, decided.withOperations(rebuilt.subList(0, 1)).verdicts(),
                "other positions: no verdicts");
    }
}
