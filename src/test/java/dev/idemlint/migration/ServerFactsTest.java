package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one seam rules and plan ask: each server's answers, from its facts table. */
class ServerFactsTest {
    private static final ServerFacts PG = ServerFacts.of(Dialect.POSTGRESQL, 16);
    private static final ServerFacts MARIADB = ServerFacts.of(Dialect.parse("mariadb:10.11"), 16);
    private static final ServerFacts MYSQL = ServerFacts.of(Dialect.parse("mysql:8.0"), 16);

    /** Two add_column calls: one under a handler of OperationalError, one under a handler of IntegrityError only. */
    private static List<Operation> adds() throws Exception {
        Migration m = MigrationReaderTest.read("def upgrade():\n"
                + "    try:\n"
                + "        op.add_column('t', sa.Column('a', sa.Text()))\n"
                + "    except exc.OperationalError:\n"
                + "        pass\n"
                + "    try:\n"
                + "        op.add_column('t', sa.Column('b', sa.Text()))\n"
                + "    except IntegrityError:\n"
                + "        pass\n"
                + "    op.add_column('t', sa.Column('c', sa.Text()))\n");
        return m.upgrade().stream().filter(o -> o instanceof Operation.AddColumn).toList();
    }

    @Test
    void the_dialect_picks_the_facts() {
        assertInstanceOf(PostgresFacts.Server.class, PG);
        assertInstanceOf(MysqlFacts.Server.class, MARIADB);
        assertEquals("PostgreSQL", PG.server());
        assertEquals("MariaDB", MARIADB.server());
        assertEquals("MySQL", MYSQL.server());
        assertFalse(PG.commitsEachStatement());
        assertTrue(MYSQL.commitsEachStatement());
        assertTrue(PG.doBlocks() && PG.namedTypes());
        assertFalse(MARIADB.doBlocks() || MARIADB.namedTypes());
        assertTrue(PG.onConflict(), "INSERT ... ON CONFLICT DO NOTHING");
        assertFalse(MYSQL.onConflict() || MARIADB.onConflict(), "INSERT IGNORE instead");
        assertTrue(PG.alterTableIfExists() && MARIADB.alterTableIfExists(), "ALTER TABLE IF EXISTS skips a missing table");
        assertTrue(ServerFacts.of(Dialect.parse("mariadb"), 16).alterTableIfExists(), "a MariaDB of no version: the latest");
        assertFalse(MYSQL.alterTableIfExists() || ServerFacts.of(Dialect.parse("mariadb:10.4"), 16).alterTableIfExists(),
                "MySQL 8.0 has none, MariaDB from 10.5.2");
    }

    @Test
    void errors_carry_the_servers_code_words_and_driver_class() {
        ServerFacts.Raised pg = PG.duplicate(ObjectKind.COLUMN, null);
        assertEquals(new ServerFacts.Raised("42701", "DuplicateColumn (42701)", "programming_error"), pg);
        ServerFacts.Raised maria = MARIADB.duplicate(ObjectKind.COLUMN, null);
        assertEquals(new ServerFacts.Raised("1060", "error 1060 ER_DUP_FIELDNAME", "operational_error"), maria);
        assertEquals("error 1005 ER_CANT_CREATE_TABLE",
                MARIADB.duplicate(ObjectKind.CONSTRAINT, ConstraintKind.FOREIGN_KEY).label());
        assertEquals("error 1826 ER_FK_DUP_NAME", MYSQL.duplicate(ObjectKind.CONSTRAINT, ConstraintKind.FOREIGN_KEY).label());
        assertEquals("error 1068 ER_MULTIPLE_PRI_KEY", MYSQL.duplicate(ObjectKind.CONSTRAINT, ConstraintKind.PRIMARY_KEY).label());
        assertEquals(PG.duplicate(ObjectKind.CONSTRAINT, null).label(), PostgresFacts.duplicate(ObjectKind.CONSTRAINT).label());
        // MySQL 8.0 has no sequences: its drop and rename fail as a missing table's
        assertEquals("1051", MYSQL.dropMissing(ObjectKind.SEQUENCE).code());
        assertEquals("1146", MYSQL.renameMissing(ObjectKind.TRIGGER).code());
        assertEquals("1091", MARIADB.dropMissing(ObjectKind.COLUMN).code());
        assertEquals("42703", PG.undefinedColumn().code());
        assertEquals("1062", MYSQL.uniqueViolation().code());
    }

    @Test
    void a_rerun_raises_what_the_first_run_left_and_some_statements_fail_on_rows() throws Exception {
        List<Operation> ops = MigrationReaderTest.read("def upgrade():\n"
                + "    op.add_column('t', sa.Column('a', sa.Text()))\n"
                + "    op.drop_column('t', 'b')\n"
                + "    op.create_index('ix_t_c', 't', ['c'], unique=True)\n"
                + "    op.create_index('ix_t_d', 't', ['d'])\n"
                + "    op.alter_column('t', 'e', type_=sa.Integer())\n"
                + "    op.add_column('t', sa.Column('f', sa.Integer(), sa.ForeignKey('u.id')))\n"
                + "    op.execute('UPDATE t SET a = 1')\n").upgrade();
        assertEquals("1060", MARIADB.rerunRaises(ops.get(0)).code());
        assertEquals("42701", PG.rerunRaises(ops.get(0)).code());
        assertEquals("1091", MARIADB.rerunRaises(ops.get(1)).code());
        assertEquals("1061", MARIADB.rerunRaises(ops.get(2)).code());
        assertEquals(null, MARIADB.rerunRaises(ops.get(4)), "an alter of a column that is there runs again");
        assertEquals(List.of(false, false, true, false, true, true, false),
                ops.stream().map(MARIADB::failsOnRows).toList(),
                "a unique index, a type change and a foreign key column depend on the rows; a plain column, a drop,"
                        + " a plain index and a write do not (the write's failure is the rows' own)");
    }

    @Test
    void guard_clauses_follow_the_facts_tables() {
        assertTrue(MARIADB.ifNotExists(ObjectKind.COLUMN));
        assertFalse(MYSQL.ifNotExists(ObjectKind.COLUMN));
        assertTrue(PG.ifNotExists(ObjectKind.COLUMN));
        assertFalse(PG.ifNotExists(ObjectKind.CONSTRAINT));
        assertFalse(ServerFacts.of(Dialect.POSTGRESQL, 9).ifNotExists(ObjectKind.MATERIALIZED_VIEW));
        assertTrue(MYSQL.dropIfExists(ObjectKind.TABLE));
        assertFalse(MYSQL.dropIfExists(ObjectKind.INDEX));
        assertFalse(MYSQL.orReplace(ObjectKind.TABLE));
        assertTrue(MARIADB.orReplace(ObjectKind.TABLE));
        assertFalse(MYSQL.has(ObjectKind.SEQUENCE), "MySQL 8.0 has no sequences");
        assertTrue(MARIADB.has(ObjectKind.SEQUENCE));
        assertFalse(MARIADB.has(ObjectKind.EXTENSION));
        assertTrue(PG.has(ObjectKind.EXTENSION));
    }

    @Test
    void a_try_except_lets_an_error_past_only_where_no_transaction_aborts() throws Exception {
        List<Operation> adds = adds();
        OpSite operational = adds.get(0).site();
        OpSite integrity = adds.get(1).site();
        OpSite bare = adds.get(2).site();
        ServerFacts.Raised maria = MARIADB.duplicate(ObjectKind.COLUMN, null);
        assertTrue(MARIADB.tolerates(operational, maria), "1060 is an OperationalError");
        assertFalse(MARIADB.tolerates(integrity, maria), "IntegrityError catches no 1060");
        assertFalse(MARIADB.tolerates(bare, maria));
        assertEquals("error 1060 ER_DUP_FIELDNAME", MARIADB.failure(maria, bare));
        assertTrue(MARIADB.rerunWhy(bare, maria).startsWith("MySQL and MariaDB commit each DDL statement"));

        ServerFacts.Raised dupTable = PG.duplicate(ObjectKind.TABLE, null);
        OpSite pgCatches = MigrationReaderTest.read("def upgrade():\n    try:\n        op.create_table('t')\n"
                + "    except exc.ProgrammingError:\n        pass\n").upgrade().get(0).site();
        assertFalse(PG.tolerates(pgCatches, dupTable), "PostgreSQL aborts the transaction all the same");
        assertEquals("InFailedSqlTransaction (25P02) after a swallowed DuplicateTable (42P07)",
                PG.failure(dupTable, pgCatches));
        assertTrue(PG.rerunWhy(pgCatches, dupTable).contains("PostgreSQL has already aborted the transaction"));
        assertEquals("", PG.rerunWhy(bare, PG.duplicate(ObjectKind.COLUMN, null)));
        assertEquals("Re-running this revision fails with error 1060 ER_DUP_FIELDNAME because column \"c\" already"
                + " exists.", MARIADB.alreadyExists(maria, "column \"c\"", "", bare));
    }

    @Test
    void what_differs_between_the_servers_is_asked_as_a_fact_of_each() {
        assertTrue(PG.errorAbortsTransaction());
        assertFalse(MARIADB.errorAbortsTransaction() || MYSQL.errorAbortsTransaction());
        assertEquals("2BP01", PG.dropIndexOfConstraint().code());
        assertEquals(null, MARIADB.dropIndexOfConstraint(), "a unique key is its index: DROP INDEX drops the key");
        assertEquals("2BP01", PG.dropWithDependents().code());
        assertEquals(null, MYSQL.dropWithDependents());
        assertEquals("42P07", PG.renameTaken(ObjectKind.TABLE).code());
        assertEquals("42701", PG.renameTaken(ObjectKind.COLUMN).code());
        assertEquals("1050", MARIADB.renameTaken(ObjectKind.TABLE).code(), "the kind's duplicate");
        assertEquals("1060", MYSQL.renameTaken(ObjectKind.COLUMN, SqlState.DUPLICATE_COLUMN).code());
        assertEquals("42P07", PG.renameTaken(ObjectKind.CONSTRAINT, SqlState.DUPLICATE_TABLE).code(),
                "PostgreSQL: what the check met (a key's index renamed first)");
        assertEquals(null, MARIADB.renameTaken(ObjectKind.TRIGGER), "no rename of a trigger");
        assertEquals("1054", MARIADB.statementColumnMissing().code());
        assertEquals(null, PG.statementColumnMissing(), "no AFTER on PostgreSQL");
        assertEquals("2BP01", PG.dropSequenceInUse().code());
        assertEquals(null, MARIADB.dropSequenceInUse());
        assertTrue(PG.alterTypeUsing() && PG.knowsStampAfterBindCommit() && PG.checksRelationKindFirst());
        assertFalse(MARIADB.alterTypeUsing() || MARIADB.knowsStampAfterBindCommit()
                || MARIADB.checksRelationKindFirst());
        assertTrue(PG.foldsUnquotedNames() && PG.indexNamesPerSchema());
        assertFalse(MYSQL.foldsUnquotedNames() || MYSQL.indexNamesPerSchema());
        assertTrue(MARIADB.numbersUnnamedForeignKeys() && MYSQL.numbersUnnamedForeignKeys());
        assertFalse(PG.numbersUnnamedForeignKeys());
    }
}
