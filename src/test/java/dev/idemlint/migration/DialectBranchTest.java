package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.python.PythonParser;
import dev.idemlint.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectBranchTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/rules/add-column-not-idempotent/"
            + "dialect_branches_mysql.py");

    private static Migration read(String text, Dialect dialect) throws Exception {
        SourceFile f = SourceFile.of(Path.of("versions/x.py"), "versions/x.py", text);
        return new MigrationReader().read(new PythonParser().parse(f), dialect);
    }

    private static List<String> addedColumns(Migration m) {
        return m.upgrade().stream().filter(o -> o instanceof Operation.AddColumn)
                .map(o -> ((Operation.AddColumn) o).column().name()).toList();
    }

    private static String upgrade(String body) {
        return "import sqlalchemy as sa\nfrom alembic import context, op\n\n\ndef upgrade():\n" + body;
    }

    @Test
    void the_same_file_runs_the_branches_of_the_dialect_it_is_linted_for() throws Exception {
        String text = Files.readString(FIXTURE);
        assertEquals(List.of("g", "h"), addedColumns(read(text, Dialect.POSTGRESQL)));
        assertEquals(List.of("a", "b", "c", "d", "f"), addedColumns(read(text, Dialect.parse("mysql:8.0"))));
        // SQLAlchemy's mysql:// URL reports "mysql" on a MariaDB server too
        assertEquals(List.of("a", "b", "c", "d", "f"), addedColumns(read(text, Dialect.parse("mariadb:10.11"))));
    }

    @Test
    void operations_of_the_branch_that_runs_are_unconditional() throws Exception {
        Migration m = read(upgrade("""
                    bind = op.get_bind()
                    if bind and bind.engine.name == "postgresql":
                        op.add_column("t", sa.Column("x", sa.Integer()))
                """), Dialect.POSTGRESQL);
        assertEquals(List.of("x"), addedColumns(m));
        assertFalse(m.upgrade().get(0).site().conditional(), "the postgresql branch always runs on PostgreSQL");
        assertEquals(List.of(), addedColumns(read(upgrade("""
                    bind = op.get_bind()
                    if bind and bind.engine.name == "postgresql":
                        op.add_column("t", sa.Column("x", sa.Integer()))
                """), Dialect.parse("mysql"))));
    }

    @Test
    void an_isinstance_test_of_the_dialect_class_is_a_dialect_test() throws Exception {
        String body = """
                    c = context.get_context()
                    if isinstance(c.connection.engine.dialect, PGDialect):
                        op.add_column("t", sa.Column("pg", sa.Integer()))
                    else:
                        op.add_column("t", sa.Column("other", sa.Integer()))
                    if isinstance(op.get_bind().dialect, (MySQLDialect_pymysql, sqlite.SQLiteDialect)):
                        op.add_column("t", sa.Column("my", sa.Integer()))
                """;
        Migration pg = read(upgrade(body), Dialect.POSTGRESQL);
        assertEquals(List.of("pg"), addedColumns(pg));
        assertFalse(pg.upgrade().get(0).site().conditional(), "the PGDialect branch always runs on PostgreSQL");
        assertEquals(List.of("other", "my"), addedColumns(read(upgrade(body), Dialect.parse("mariadb:10.11"))));
        // a class not known here, or a first argument that is no dialect, leaves the test undecided
        Migration unknown = read(upgrade("""
                    if isinstance(op.get_bind().dialect, SomeDialect) or isinstance(thing, PGDialect):
                        op.add_column("t", sa.Column("x", sa.Integer()))
                """), Dialect.POSTGRESQL);
        assertEquals(List.of("x"), addedColumns(unknown));
        assertTrue(unknown.upgrade().get(0).site().conditional());
    }

    @Test
    void an_opaque_operand_leaves_the_test_undecided() throws Exception {
        Migration m = read(upgrade("""
                    if settings.FLAG and op.get_bind().dialect.name == "postgresql":
                        op.add_column("t", sa.Column("x", sa.Integer()))
                """), Dialect.POSTGRESQL);
        assertEquals(List.of("x"), addedColumns(m));
        assertFalse(m.upgrade().get(0).site().definite(), "the flag may be false");
        assertEquals(GuardKind.SETTING, m.upgrade().get(0).site().guard().kind(), "the flag is the same on a re-run");
        // on MySQL the dialect test alone makes the `and` false
        assertEquals(List.of(), addedColumns(read(upgrade("""
                    if settings.FLAG and op.get_bind().dialect.name == "postgresql":
                        op.add_column("t", sa.Column("x", sa.Integer()))
                """), Dialect.parse("mysql"))));
    }

    @Test
    void a_dialect_test_that_holds_leaves_the_inspector_check_beside_it_as_the_guard() throws Exception {
        Migration m = read(upgrade("""
                    insp = sa.inspect(op.get_bind())
                    if op.get_bind().dialect.name == "postgresql" and not insp.has_table("t"):
                        op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True))
                """), Dialect.POSTGRESQL);
        Operation create = m.upgrade().stream().filter(o -> o instanceof Operation.CreateTable).findFirst()
                .orElseThrow();
        assertNotNull(create.site().guard(), "has_table guards the creation");
    }

    @Test
    void mariadb_tests_are_false_on_mysql_and_unknown_names_stay_undecided() throws Exception {
        String text = upgrade("""
                    if op.get_bind().dialect.name == "mariadb":
                        op.add_column("t", sa.Column("x", sa.Integer()))
                    if op.get_bind().dialect.name == "cockroachdb":
                        op.add_column("t", sa.Column("y", sa.Integer()))
                """);
        assertEquals(List.of("y"), addedColumns(read(text, Dialect.parse("mysql"))));
        assertEquals(List.of("x", "y"), addedColumns(read(text, Dialect.parse("mariadb"))));
        Migration pg = read(text, Dialect.POSTGRESQL);
        assertEquals(List.of("y"), addedColumns(pg));
        assertTrue(pg.upgrade().get(0).site().conditional(), "an unknown dialect name decides nothing");
    }

    @Test
    void an_early_return_through_an_elif_chain_ends_the_function_on_that_dialect_only() throws Exception {
        String text = upgrade("""
                    name = op.get_bind().dialect.name
                    if name == "sqlite":
                        pass
                    elif name != "postgresql":
                        return
                    op.add_column("t", sa.Column("x", sa.Integer()))
                """);
        Migration pg = read(text, Dialect.POSTGRESQL);
        assertEquals(List.of("x"), addedColumns(pg));
        assertFalse(pg.upgrade().get(0).site().conditional());
        assertEquals(List.of(), addedColumns(read(text, Dialect.parse("mariadb"))));
    }

    @Test
    void tests_negated_past_the_depth_bound_stay_undecided() throws Exception {
        String test = "not ".repeat(40) + "op.get_bind().dialect.name == \"mysql\"";
        Migration m = read(upgrade("    if " + test + ":\n        op.add_column(\"t\", sa.Column(\"x\", sa.Integer()))\n"),
                Dialect.POSTGRESQL);
        assertTrue(m.upgrade().isEmpty() || m.upgrade().get(0).site().conditional());
    }
}
