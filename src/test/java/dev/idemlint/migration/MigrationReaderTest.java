package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.python.PythonParser;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationReaderTest {
    static Migration read(String text) throws Exception {
        SourceFile f = SourceFile.of(Path.of("versions/x.py"), "versions/x.py", text);
        return new MigrationReader().read(new PythonParser().parse(f));
    }

    static String slice(Migration m, Operation op) {
        return m.source().slice(op.site().span());
    }

    @Test
    void reads_the_revision_header_in_all_its_spellings() throws Exception {
        Migration m = read("\"\"\"add x\n\nRevision ID: 020\nRevises: 018, 019\nCreate Date: 2026-03-24\n\"\"\"\n"
                + "revision: str = \"020\"\ndown_revision: Union[str, None] = (\"018\", \"019\")\n"
                + "branch_labels = None\ndepends_on = ['abc']\n");
        RevisionHeader h = m.header();
        assertEquals("020", h.revisionId());
        assertEquals(List.of("018", "019"), h.parents());
        assertEquals(List.of(), h.labels());
        assertEquals(List.of("abc"), h.dependencies());
        assertEquals("020", h.doc().revisionId());
        assertEquals("018, 019", h.doc().revises());
        assertEquals("020", m.source().slice(h.doc().revisionIdSpan()));
        assertEquals("\"020\"", m.source().slice(h.revision().valueSpan()));
    }

    /**
     * What a model keeps lives to the end of the run and every young collection copies it, so equal
     * texts and spans of one file are one object: the docstring's ids and the assigned ones, a table
     * named by several calls, a call statement's span and its call's.
     */
    @Test
    void one_file_keeps_one_copy_of_an_equal_name_or_span() throws Exception {
        Migration m = read("\"\"\"add x\n\nRevision ID: 0a1\nRevises: 0a0\nCreate Date: 2026-03-24\n\"\"\"\n"
                + "from alembic import op\nimport sqlalchemy as sa\nrevision = '0a1'\ndown_revision = \"0a0\"\n"
                + "def upgrade():\n    op.add_column('players', sa.Column('notes', sa.Text()))\n"
                + "    x = op.create_index('ix', 'players', ['notes'])\n"
                + "def downgrade():\n    op.drop_column(\"players\", \"notes\")\n");
        RevisionHeader h = m.header();
        assertSame(h.revisionId(), h.doc().revisionId());
        assertSame(h.parents().get(0), h.doc().revises());
        Operation.AddColumn add = assertInstanceOf(Operation.AddColumn.class, m.upgrade().get(0));
        Operation.CreateIndex index = assertInstanceOf(Operation.CreateIndex.class, m.upgrade().get(1));
        Operation.Drop drop = assertInstanceOf(Operation.Drop.class, m.downgrade().get(0));
        assertSame(add.table(), drop.table());
        assertSame(add.table(), index.table());
        assertSame(add.column().name(), drop.name());
        assertSame(add.site().span(), add.site().statement());
        assertEquals("x = op.create_index('ix', 'players', ['notes'])", m.source().slice(index.site().statement()));
        assertEquals("op.create_index('ix', 'players', ['notes'])", m.source().slice(index.site().span()));

        Migration other = read("\"\"\"Revision ID: 0a2\nRevises: 0a0\n\"\"\"\nrevision = '0a1'\ndown_revision = ('0a0', '0b0')\n");
        assertEquals("0a2", other.header().doc().revisionId()); // a docstring that disagrees keeps its own text
        assertEquals("0a1", other.header().revisionId());
        assertEquals("0a0", other.header().doc().revises());
    }

    @Test
    void down_revision_none_is_a_base() throws Exception {
        Migration m = read("revision = 'a'\ndown_revision = None\n");
        assertTrue(m.header().parents().isEmpty());
        assertTrue(m.header().downRevision().resolved());
    }

    @Test
    void op_calls_become_operations_with_exact_spans() throws Exception {
        Migration m = read("from alembic import op\nimport sqlalchemy as sa\nrevision = '1'\ndown_revision = None\n"
                + "def upgrade():\n    op.add_column('players', sa.Column('custom_notes', sa.Text()))\n"
                + "def downgrade():\n    op.drop_column('players', 'custom_notes')\n");
        List<Operation> up = m.upgrade();
        assertEquals(1, up.size());
        Operation.AddColumn add = assertInstanceOf(Operation.AddColumn.class, up.get(0));
        assertEquals("players", add.table());
        assertEquals("custom_notes", add.column().name());
        assertEquals("op.add_column('players', sa.Column('custom_notes', sa.Text()))", slice(m, add));
        assertEquals(Phase.DOWNGRADE, m.downgrade().get(0).site().phase());
    }

    @Test
    void batch_ops_take_the_table_of_their_with_block() throws Exception {
        Migration m = read("def upgrade():\n    with op.batch_alter_table('teams', schema=None) as batch_op:\n"
                + "        batch_op.add_column(sa.Column('coach', sa.Integer(), index=True))\n"
                + "        batch_op.create_index('ix_coach', ['coach'], unique=True)\n");
        Operation.AddColumn add = assertInstanceOf(Operation.AddColumn.class, m.upgrade().get(0));
        assertEquals("teams", add.table());
        assertEquals(Origin.BATCH_OP, add.site().origin());
        assertTrue(add.column().index());
        Operation.CreateIndex ix = assertInstanceOf(Operation.CreateIndex.class, m.upgrade().get(1));
        assertEquals("teams", ix.table());
        assertTrue(ix.unique());
    }

    @Test
    void raw_sql_resolves_from_constants_concatenation_and_templates() throws Exception {
        Migration m = read("SQL = 'ALTER TABLE players '\n"
                + "def upgrade():\n"
                + "    op.execute(SQL + 'ADD COLUMN a int')\n"
                + "    op.execute(sa.text('ALTER TABLE %s ADD COLUMN b int' % 'teams'))\n"
                + "    op.execute('ALTER TABLE {} ADD COLUMN c int'.format(tbl))\n"
                + "    conn = op.get_bind()\n"
                + "    conn.execute(text(f'ALTER TABLE t ADD COLUMN {name} int'))\n");
        List<Operation> up = m.upgrade();
        assertEquals(4, up.size());
        SqlText a = up.get(0).site().sql();
        assertEquals("ALTER TABLE players ADD COLUMN a int", a.text());
        assertFalse(a.dynamic());
        assertEquals("ALTER TABLE teams ADD COLUMN b int", up.get(1).site().sql().text());
        assertTrue(up.get(2).site().sql().dynamic());
        assertEquals("ALTER TABLE " + SqlText.DYNAMIC + " ADD COLUMN c int", up.get(2).site().sql().text());
        assertTrue(up.get(3).site().sql().dynamic());
        // Offsets map back into the file: 'A' of 'ADD COLUMN a' sits inside the upgrade's literal.
        int i = a.text().indexOf("ADD");
        assertEquals('A', m.source().text().charAt(a.fileOffset(i)));
    }

    @Test
    void a_try_except_guard_names_the_error_classes_its_handlers_let_past() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    try:\n"
                + "        op.execute(\"INSERT INTO t VALUES (1)\")\n"
                + "    except sa.exc.IntegrityError:\n"
                + "        pass\n"
                + "    try:\n"
                + "        op.add_column('t', sa.Column('a', sa.Text()))\n"
                + "    except (IntegrityError, exc.OperationalError) as e:\n"
                + "        LOG.warning(e)\n"
                + "    try:\n"
                + "        op.add_column('t', sa.Column('b', sa.Text()))\n"
                + "    except Exception as e:\n"
                + "        LOG.error(e)\n"
                + "        sys.exit(1)\n"
                + "    try:\n"
                + "        op.add_column('t', sa.Column('c', sa.Text()))\n"
                + "    except ValueError:\n"
                + "        pass\n"
                + "    except db_exc.DBError:\n"
                + "        pass\n");
        List<Operation> up = m.upgrade();
        List<Operation> adds = up.stream().filter(o -> o instanceof Operation.AddColumn).toList();
        assertEquals(3, adds.size());
        Guard integrity = up.get(0).site().guard();
        assertEquals(GuardKind.TRY_EXCEPT, integrity.kind());
        assertTrue(integrity.catches(MysqlFacts.DUP_ENTRY.driverClass()), "1062 is an IntegrityError");
        assertFalse(integrity.catches(MysqlFacts.DUP_KEYNAME.driverClass()), "1061 is an OperationalError");
        assertTrue(adds.get(0).site().guard().catches(MysqlFacts.DUP_FIELDNAME.driverClass()));
        Guard exits = adds.get(1).site().guard();
        assertEquals(GuardKind.TRY_EXCEPT, exits.kind(), "PostgreSQL still sees the try/except");
        assertEquals(java.util.Set.of(), exits.conditions(), "a handler that exits lets nothing past");
        assertTrue(adds.get(2).site().guard().catches(MysqlFacts.DUP_FIELDNAME.driverClass()),
                "a class idemlint cannot place may catch anything");
    }

    @Test
    void an_except_handler_after_a_body_of_statements_only_runs_in_an_aborted_transaction() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    try:\n"
                + "        op.add_column('t', sa.Column('a', sa.Text()))\n"
                + "    except sa.exc.ProgrammingError:\n"
                + "        with op.batch_alter_table('t') as b:\n"
                + "            b.drop_column('a')\n"
                + "        op.add_column('t', sa.Column('a', sa.Text()))\n"
                // a handler that may end the aborted transaction first: its later statements run
                + "    try:\n"
                + "        op.add_column('t', sa.Column('b', sa.Text()))\n"
                + "    except Exception:\n"
                + "        op.execute('ROLLBACK')\n"
                + "        op.add_column('t', sa.Column('b', sa.Text()))\n"
                // a body that may raise outside the database: the handler may run in a live transaction
                + "    try:\n"
                + "        value = compute()\n"
                + "        op.add_column('t', sa.Column('c', sa.Text()))\n"
                + "    except Exception:\n"
                + "        op.add_column('t', sa.Column('c', sa.Text()))\n");
        List<Operation> up = m.upgrade();
        assertEquals(8, up.size());
        assertEquals(GuardKind.TRY_EXCEPT, up.get(0).site().guard().kind());
        assertEquals(GuardKind.AFTER_ABORT, up.get(1).site().guard().kind());
        assertEquals(GuardKind.AFTER_ABORT, up.get(2).site().guard().kind());
        assertEquals(GuardKind.TRY_EXCEPT, up.get(3).site().guard().kind());
        assertNull(up.get(4).site().guard(), "a handler that may roll back first");
        assertNull(up.get(5).site().guard(), "a handler that may roll back first");
        assertEquals(GuardKind.TRY_EXCEPT, up.get(6).site().guard().kind());
        assertNull(up.get(7).site().guard(), "a body that may fail in Python");
    }

    @Test
    void inspector_checks_guard_the_ops_they_wrap_and_try_except_does_not() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    insp = sa.inspect(op.get_bind())\n"
                + "    if not insp.has_table('t'):\n"
                + "        op.create_table('t', sa.Column('id', sa.Integer()))\n"
                + "    cols = [c['name'] for c in insp.get_columns('t')]\n"
                + "    if 'x' not in cols:\n"
                + "        op.add_column('t', sa.Column('x', sa.Text()))\n"
                + "    if op.get_context().dialect.name == 'postgresql':\n"
                + "        op.add_column('t', sa.Column('y', sa.Text()))\n"
                + "    try:\n"
                + "        op.add_column('t', sa.Column('z', sa.Text()))\n"
                + "    except Exception:\n"
                + "        pass\n");
        List<Operation> up = m.upgrade();
        assertEquals(4, up.size());
        assertEquals(GuardKind.INSPECTOR, up.get(0).site().guard().kind());
        assertNotNull(up.get(1).site().guard(), "a name bound to get_columns() guards");
        assertNull(up.get(2).site().guard(), "a dialect check is no guard");
        assertEquals(GuardKind.TRY_EXCEPT, up.get(3).site().guard().kind());
        assertFalse(GuardMatch.guarded(up.get(3)), "try/except is no guard on PostgreSQL (25P02)");
    }

    @Test
    void early_return_on_an_existence_check_guards_the_rest_of_the_block() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    if sa.inspect(op.get_bind()).has_table('t'):\n"
                + "        return\n"
                + "    op.create_table('t')\n");
        assertNotNull(m.upgrade().get(0).site().guard());
    }

    @Test
    void catalog_queries_and_local_helpers_guard() throws Exception {
        Migration m = read("def column_exists(table, column):\n"
                + "    insp = sa.inspect(op.get_bind())\n"
                + "    return column in [c['name'] for c in insp.get_columns(table)]\n"
                + "def upgrade():\n"
                + "    conn = op.get_bind()\n"
                + "    if not conn.execute(text(\"SELECT 1 FROM pg_type WHERE typname = 'mood'\")).scalar():\n"
                + "        op.execute(\"CREATE TYPE mood AS ENUM ('a')\")\n"
                + "    if not column_exists('t', 'c'):\n"
                + "        op.add_column('t', sa.Column('c', sa.Text()))\n");
        List<Operation> up = m.upgrade();
        Operation raw = up.stream().filter(o -> o.site().sql() != null
                && o.site().sql().text().startsWith("CREATE")).findFirst().orElseThrow();
        assertEquals(GuardKind.CATALOG_QUERY, raw.site().guard().kind());
        Operation add = up.stream().filter(o -> o instanceof Operation.AddColumn).findFirst().orElseThrow();
        assertEquals(GuardKind.HELPER, add.site().guard().kind());
    }

    @Test
    void helpers_and_literal_loops_expand_into_the_upgrade() throws Exception {
        Migration m = read("def _add(table, name):\n"
                + "    op.add_column(table, sa.Column(name, sa.Text()))\n"
                + "def upgrade():\n"
                + "    _add('players', 'nickname')\n"
                + "    for t in ['a', 'b']:\n"
                + "        op.create_index('ix_' + t, t, ['x'])\n");
        List<Operation> up = m.upgrade();
        assertEquals(3, up.size());
        Operation.AddColumn add = assertInstanceOf(Operation.AddColumn.class, up.get(0));
        assertEquals("players", add.table());
        assertEquals("nickname", add.column().name());
        assertTrue(add.site().indirect());
        assertEquals("_add('players', 'nickname')", slice(m, add), "a helper's op points at its call");
        assertEquals("ix_b", ((Operation.CreateIndex) up.get(2)).name());
    }

    @Test
    void enum_columns_and_enum_create_calls_are_read() throws Exception {
        Migration m = read("from sqlalchemy.dialects import postgresql\n"
                + "division = postgresql.ENUM('boys', 'girls', name='division', create_type=False)\n"
                + "def upgrade():\n"
                + "    division.create(op.get_bind(), checkfirst=True)\n"
                + "    op.create_table('teams', sa.Column('division', division),\n"
                + "        sa.Column('kind', sa.Enum('x', 'y', name='kind')), sa.UniqueConstraint('a', name='uq_a'))\n");
        Operation.CreateEnumType t = assertInstanceOf(Operation.CreateEnumType.class, m.upgrade().get(0));
        assertTrue(t.checkFirst());
        assertEquals(List.of("boys", "girls"), t.labels());
        Operation.CreateTable ct = assertInstanceOf(Operation.CreateTable.class, m.upgrade().get(1));
        EnumTypeRef pg = ct.columns().get(0).enumType();
        assertTrue(pg.postgresqlDialect());
        assertEquals(Boolean.FALSE, pg.createType());
        EnumTypeRef generic = ct.columns().get(1).enumType();
        assertEquals("kind", generic.name());
        assertFalse(generic.postgresqlDialect());
        assertEquals("uq_a", ct.constraints().get(0).name());
    }

    @Test
    void autocommit_blocks_mark_their_operations() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    with op.get_context().autocommit_block():\n"
                + "        op.execute('CREATE INDEX CONCURRENTLY ix ON t (c)')\n");
        assertTrue(m.upgrade().get(0).site().autocommit());
    }

    @Test
    void unknown_calls_and_dynamic_sql_never_become_named_operations() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    op.execute(build_sql())\n"
                + "    some.other.thing('x')\n"
                + "    logger.info('done')\n");
        assertEquals(2, m.upgrade().size());
        assertInstanceOf(Operation.Unknown.class, m.upgrade().get(0));
        // a helper defined elsewhere may act on what it is given; logging acts on nothing
        Operation.Unknown helper = assertInstanceOf(Operation.Unknown.class, m.upgrade().get(1));
        assertEquals(java.util.Set.of("x"), helper.touches());
    }

    @Test
    void conditions_and_early_returns_make_operations_conditional() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    op.add_column('a', sa.Column('x', sa.Text()))\n"
                + "    if settings.flag:\n"
                + "        op.add_column('b', sa.Column('x', sa.Text()))\n"
                + "    for t in tables():\n"
                + "        op.add_column(t, sa.Column('x', sa.Text()))\n"
                + "    if op.get_bind().dialect.name == 'sqlite':\n"
                + "        return\n"
                + "    op.add_column('c', sa.Column('x', sa.Text()))\n"
                + "    if settings.uses_sqlite:\n"
                + "        return\n"
                + "    op.add_column('d', sa.Column('x', sa.Text()))\n");
        List<Boolean> conditional = m.upgrade().stream().map(o -> o.site().conditional()).toList();
        // a test of a setting is carried by the guard (GuardKind.SETTING): the same on the re-run, unknown on the first
        assertEquals(List.of(false, false, true, false, false), conditional);
        List<Boolean> definite = m.upgrade().stream().map(o -> o.site().definite()).toList();
        assertEquals(List.of(true, false, false, true, false), definite);
        assertEquals(GuardKind.SETTING, m.upgrade().get(1).site().guard().kind());
        assertEquals(GuardKind.SETTING, m.upgrade().get(4).site().guard().kind());
        assertEquals("`settings.uses_sqlite` is not set", Guard.Condition.describe(m.upgrade().get(4).site().guard()
                .condition()));
    }

    @Test
    void configuration_tests_are_read_from_the_tree_and_anything_else_stays_unknown() throws Exception {
        Migration m = read("import os\n"
                + "ENV = os.environ.get('NOTIFY_ENVIRONMENT', 'dev').lower()\n"
                + "def upgrade():\n"
                + "    if ENV != 'production':\n"
                + "        op.add_column('a', sa.Column('x', sa.Text()))\n"
                + "    if os.getenv('SEED') and context.get_x_argument(as_dictionary=True).get('seed'):\n"
                + "        op.add_column('b', sa.Column('x', sa.Text()))\n"
                + "    if context.config.get_main_option('mode') == 'full':\n"
                + "        op.add_column('c', sa.Column('x', sa.Text()))\n"
                + "    if should_seed():\n"
                + "        op.add_column('d', sa.Column('x', sa.Text()))\n"
                + "    rows = op.get_bind().execute(sa.text('SELECT 1 FROM flags')).fetchall()\n"
                + "    if rows:\n"
                + "        op.add_column('e', sa.Column('x', sa.Text()))\n"
                + "    flag = helper_flag()\n"
                + "    if flag == 'on':\n"
                + "        op.add_column('f', sa.Column('x', sa.Text()))\n");
        List<Operation> added = m.upgrade().stream().filter(o -> o instanceof Operation.AddColumn).toList();
        assertEquals(6, added.size());
        List<GuardKind> kinds = added.stream().map(o -> o.site().guard() == null ? null
                : o.site().guard().kind()).toList();
        assertEquals(GuardKind.SETTING, kinds.get(0));
        assertEquals("`NOTIFY_ENVIRONMENT` is not production",
                Guard.Condition.describe(added.get(0).site().guard().condition()));
        assertEquals(GuardKind.SETTING, kinds.get(1));
        assertEquals(GuardKind.SETTING, kinds.get(2));
        assertEquals("`context.config mode` is full", Guard.Condition.describe(added.get(2).site().guard()
                .condition()));
        // a helper's answer, rows read from the database, a name bound from a helper: not configuration
        assertEquals(GuardKind.CONFIGURATION, kinds.get(3));
        assertNotEquals(GuardKind.SETTING, kinds.get(4));
        assertNotEquals(GuardKind.SETTING, kinds.get(5));
        assertTrue(added.stream().noneMatch(o -> o.site().definite()));
    }

    @Test
    void a_test_of_a_literal_loops_item_is_decided_per_item() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    for t in ['account', 'user']:\n"
                + "        if t == 'user':\n"
                + "            op.add_column(t, sa.Column('login', sa.Text()))\n"
                + "        else:\n"
                + "            op.add_column(t, sa.Column('code', sa.Text()))\n"
                + "        if t not in ('user',) and t != 'x':\n"
                + "            op.add_column(t, sa.Column('other', sa.Text()))\n");
        List<String> added = m.upgrade().stream().map(o -> ((Operation.AddColumn) o).table() + "."
                + ((Operation.AddColumn) o).column().name()).toList();
        assertEquals(List.of("account.code", "account.other", "user.login"), added);
        assertTrue(m.upgrade().stream().allMatch(o -> o.site().guard() == null && !o.site().conditional()));
    }

    @Test
    void only_the_branch_that_runs_while_the_object_is_missing_is_guarded() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    insp = sa.inspect(op.get_bind())\n"
                + "    if not insp.has_table('players'):\n"
                + "        op.create_table('players')\n"
                + "    else:\n"
                + "        op.add_column('players', sa.Column('notes', sa.Text()))\n"
                + "    if insp.has_table('teams'):\n"
                + "        op.add_column('teams', sa.Column('x', sa.Text()))\n"
                + "    if not insp.has_table('coaches'):\n"
                + "        return\n"
                + "    op.add_column('coaches', sa.Column('y', sa.Text()))\n");
        List<Operation> up = m.upgrade();
        assertNotNull(up.get(0).site().guard());
        assertFalse(GuardMatch.guarded(up.get(1)), "else of `if not has_table` runs while the table exists");
        assertFalse(GuardMatch.guarded(up.get(2)), "then of `if has_table` runs while the table exists");
        assertFalse(GuardMatch.guarded(up.get(3)), "after `if not has_table: return` the table exists");
    }

    @Test
    void branches_that_never_run_on_postgresql_are_left_out() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    if op.get_bind().dialect.name == 'sqlite':\n"
                + "        op.add_column('t', sa.Column('a', sa.Text()))\n"
                + "    else:\n"
                + "        op.add_column('t', sa.Column('b', sa.Text()))\n"
                + "    dialect = op.get_context().dialect.name\n"
                + "    if dialect not in ('postgresql',):\n"
                + "        op.add_column('t', sa.Column('c', sa.Text()))\n"
                + "    if dialect == 'postgresql':\n"
                + "        op.add_column('t', sa.Column('d', sa.Text()))\n");
        List<String> columns = m.upgrade().stream().map(o -> ((Operation.AddColumn) o).column().name()).toList();
        assertEquals(List.of("b", "d"), columns);
    }

    @Test
    void engine_name_tests_with_constants_are_dialect_branches() throws Exception {
        Migration m = read("MYSQL = 'mysql'\n"
                + "def upgrade():\n"
                + "    engine = op.get_bind().engine\n"
                + "    if engine.name == MYSQL:\n"
                + "        op.execute('ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (a, b)')\n"
                + "    else:\n"
                + "        op.add_column('t', sa.Column('x', sa.Text()))\n");
        assertEquals(1, m.upgrade().size());
        assertInstanceOf(Operation.AddColumn.class, m.upgrade().get(0));
    }

    @Test
    void savepoints_row_counts_and_commit_are_understood() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    conn = op.get_bind()\n"
                + "    try:\n"
                + "        with conn.begin_nested():\n"
                + "            op.add_column('t', sa.Column('a', sa.Text()))\n"
                + "    except Exception:\n"
                + "        pass\n"
                + "    res = conn.execute(text(\"UPDATE t SET b = 1 WHERE id = 1\"))\n"
                + "    if res.rowcount == 0:\n"
                + "        op.execute(\"INSERT INTO t (id, b) VALUES (1, 1)\")\n"
                + "    op.execute('COMMIT')\n"
                + "    op.create_index('ix_t_b', 't', ['b'], postgresql_concurrently=True)\n");
        List<Operation> up = m.upgrade();
        assertEquals(GuardKind.SAVEPOINT, up.get(0).site().guard().kind());
        assertTrue(GuardMatch.guarded(up.get(0)));
        Operation insert = up.stream().filter(o -> o.site().sql() != null
                && o.site().sql().text().startsWith("INSERT")).findFirst().orElseThrow();
        assertEquals(GuardKind.DATA_QUERY, insert.site().guard().kind());
        assertTrue(up.get(up.size() - 1).site().autocommit(), "after op.execute('COMMIT') psycopg2 is outside a transaction");
    }

    @Test
    void only_a_bare_commit_or_end_ends_alembics_transaction() {
        for (String sql : List.of("COMMIT", " commit ; ", "END;", "commit transaction;;", "\n\tCOMMIT\n")) {
            assertTrue(OpExtractor.endsTransaction(sql), sql);
        }
        for (String sql : List.of("COMMIT; CREATE INDEX i ON t (c)", "COMMITTED", "-- COMMIT", "COMMIT  TRANSACTION",
                "COMMIT ; ;", "ROLLBACK", "", "CREATE TABLE t (c int); " + "x".repeat(100))) {
            assertFalse(OpExtractor.endsTransaction(sql), sql);
        }
    }

    /** "nodes.started_at double precision (sa.types.Float)": one typed column as the operation carries it. */
    private static List<String> typed(Operation op) {
        List<Operation.TypedColumn> t = op instanceof Operation.Benign b ? b.typed()
                : op instanceof Operation.Insert i ? i.typed() : List.of();
        return t.stream().map(c -> c.table() + "." + c.column().name() + " " + c.column().formatType() + " ("
                + c.column().typeText() + ")").toList();
    }

    /** ironic-inspector's d00d6e3f38c4: Float columns read back through a lightweight table, then updated in a loop. */
    @Test
    void a_core_select_and_update_through_a_lightweight_table_carry_the_types_they_declare() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    op.add_column('nodes', sa.Column('temp_started_at', sa.types.DateTime, nullable=True))\n"
                + "    uuid = sa.Column('uuid', sa.String(36), primary_key=True)\n"
                + "    started_at = sa.Column('started_at', sa.types.Float, nullable=True)\n"
                + "    temp_started_at = sa.Column('temp_started_at', sa.types.DateTime, nullable=True)\n"
                + "    t = sa.table('nodes', started_at, temp_started_at, uuid)\n"
                + "    conn = op.get_bind()\n"
                + "    rows = conn.execute(sa.select([t.c.started_at, t.c.uuid]))\n"
                + "    for row in rows:\n"
                + "        conn.execute(t.update().where(t.c.uuid == row.uuid).values(temp_started_at=row[0], other=1))\n");
        List<Operation> up = m.upgrade();
        assertEquals(3, up.size(), up.toString());
        assertEquals(List.of("nodes.started_at double precision (sa.types.Float)",
                "nodes.uuid character varying(36) (sa.String)"), typed(up.get(1)));
        // the where clause's column, then the values it sets that the table declares ("other" it does not)
        assertEquals(List.of("nodes.uuid character varying(36) (sa.String)",
                "nodes.temp_started_at timestamp without time zone (sa.types.DateTime)"), typed(up.get(2)));
        assertTrue(up.get(2).site().conditional(), "the update runs once per row");
    }

    @Test
    void whole_tables_loose_columns_and_inserted_rows_carry_their_declared_types() throws Exception {
        Migration m = read("def upgrade():\n"
                + "    conn = op.get_bind()\n"
                + "    t = sa.table('plans', sa.column('id', sa.Integer), sa.column('price', sa.Numeric(10, 2)),"
                + " sa.column('note'))\n"
                + "    conn.execute(sa.select([t]))\n"
                + "    conn.execute(t.select())\n"
                + "    conn.execute(sa.select([sa.column('seen', sa.Boolean)]).select_from(sa.table('visits')))\n"
                + "    op.bulk_insert(t, [{'id': 1, 'price': 2}])\n"
                + "    conn.execute(t.insert().values(id=2))\n"
                + "    s = sa.table('plans', sa.column('id', sa.Integer), schema='billing')\n"
                + "    conn.execute(sa.select([s.c.id]))\n"
                + "    conn.execute(t.delete().where(t.c.note == 'x'))\n");
        List<Operation> up = m.upgrade();
        List<String> both = List.of("plans.id integer (sa.Integer)", "plans.price numeric(10,2) (sa.Numeric)");
        assertEquals(both, typed(up.get(0)), "a column declared without a type is left out");
        assertEquals(both, typed(up.get(1)));
        assertEquals(List.of("visits.seen boolean (sa.Boolean)"), typed(up.get(2)));
        assertInstanceOf(Operation.Insert.class, up.get(3));
        assertEquals(both, typed(up.get(3)));
        assertEquals(List.of("plans.id integer (sa.Integer)"), typed(up.get(4)));
        assertEquals(List.of(), typed(up.get(5)), "a table in a named schema is not read");
        assertEquals(List.of(), typed(up.get(6)), "nothing typed is named");
    }

    @Test
    void reads_the_literal_items_of_a_star_list_until_the_code_may_take_one_out() throws Exception {
        String head = "from alembic import op\nimport sqlalchemy as sa\nrevision = 'a'\ndown_revision = None\n"
                + "def upgrade():\n    cols: list[sa.schema.SchemaItem] = [sa.Column('id', sa.Integer()),"
                + " sa.Column('s', sa.Enum('a', 'b', name='st'))]\n    if flag:\n        cols.append(sa.Column('x', sa.Text()))\n";
        Operation.CreateTable kept = assertInstanceOf(Operation.CreateTable.class,
                read(head + "    op.create_table('t', *cols)\n").upgrade().get(0));
        assertEquals(List.of("id", "s"), kept.columns().stream().map(ColumnDef::name).toList());
        assertEquals("st", kept.columns().get(1).enumType().name());
        Operation.CreateTable taken = assertInstanceOf(Operation.CreateTable.class,
                read(head + "    for c in extra:\n        cols.remove(c)\n    op.create_table('t', *cols)\n")
                        .upgrade().get(0));
        assertEquals(List.of(), taken.columns());
    }

    @Test
    void reads_the_arguments_of_a_dict_passed_as_keywords_until_the_code_changes_it() throws Exception {
        String head = "from alembic import op\nrevision = 'a'\ndown_revision = None\n"
                + "def upgrade():\n    ix = {'index_name': op.f('ix_t_a'), 'columns': ['a']}\n";
        Operation.CreateIndex read = assertInstanceOf(Operation.CreateIndex.class,
                read(head + "    op.create_index(table_name='t', **ix)\n").upgrade().get(0));
        assertEquals("ix_t_a", read.name());
        assertEquals(List.of("a"), read.columns());
        Operation.CreateIndex changed = assertInstanceOf(Operation.CreateIndex.class,
                read(head + "    ix.update(other)\n    op.create_index(table_name='t', **ix)\n").upgrade().get(0));
        assertNull(changed.name());
    }

    @Test
    void reads_a_ddl_element_executed_as_the_create_or_drop_it_sends() throws Exception {
        Migration m = read("from alembic import op\nfrom sqlalchemy.dialects import postgresql\n"
                + "from sqlalchemy.schema import CreateSequence, DropSequence, Sequence\nrevision = 'a'\n"
                + "down_revision = None\ndef upgrade():\n    e = postgresql.ENUM('a', 'b', name='mood')\n"
                + "    op.execute(postgresql.base.CreateEnumType(e))\n"
                + "    op.execute(CreateSequence(Sequence('s_seq')))\n"
                + "    op.execute(DropSequence(Sequence('old_seq'), if_exists=True))\n"
                + "    op.execute(CreateSequence(Sequence('x_seq', schema='other', start=10)))\n"
                + "    y = Sequence('y_seq', schema='other')\n"
                + "    op.execute(CreateSequence(y))\n");
        Operation.CreateEnumType type = assertInstanceOf(Operation.CreateEnumType.class, m.upgrade().get(0));
        assertEquals("mood", type.name());
        assertFalse(type.checkFirst());
        Operation.CreateObject seq = assertInstanceOf(Operation.CreateObject.class, m.upgrade().get(1));
        assertEquals(ObjectKind.SEQUENCE, seq.kind());
        assertEquals("s_seq", seq.name());
        Operation.Drop drop = assertInstanceOf(Operation.Drop.class, m.upgrade().get(2));
        assertEquals("old_seq", drop.name());
        assertTrue(drop.ifExists());
        // the element's schema= qualifies it (EffectsTest); read only where the element is written in the call
        assertEquals("x_seq", assertInstanceOf(Operation.CreateObject.class, m.upgrade().get(3)).name());
        assertInstanceOf(Operation.Unknown.class, m.upgrade().get(4));
    }
}
