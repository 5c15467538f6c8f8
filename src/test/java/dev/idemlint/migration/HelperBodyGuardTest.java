package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A local helper called in a test whose body is not one {@code return} (a loop, an {@code if}, a call with
 * {@code *args}) is read as a whole: a guard ({@link GuardKind#HELPER}, its condition opaque) exactly when its
 * body, or a local helper it calls, reads the database; a test of configuration otherwise.
 */
class HelperBodyGuardTest {
    private static Guard guardOf(String helpers, String test) throws Exception {
        Migration m = MigrationReaderTest.read("import os\nimport sqlalchemy as sa\nfrom alembic import op\n"
                + helpers + "def upgrade():\n    if " + test + ":\n"
                + "        op.add_column('players', sa.Column('bio', sa.Text()))\n");
        // a query the helper runs is an operation of its own, ahead of the add_column
        Operation add = m.upgrade().stream().filter(o -> o instanceof Operation.AddColumn).findFirst().orElseThrow();
        return add.site().guard();
    }

    private static void assertHelperGuard(Guard g, String name) {
        assertEquals(GuardKind.HELPER, g.kind(), g.toString());
        assertEquals(name + "()", g.description());
        Guard.Condition.Opaque c = assertInstanceOf(Guard.Condition.Opaque.class, g.condition());
        assertTrue(c.why().contains("whose body is not one test"), c.why());
    }

    @Test
    void a_loop_over_an_inspector_listing_is_a_guard() throws Exception {
        assertHelperGuard(guardOf("def column_missing(table, column):\n"
                + "    for c in sa.inspect(op.get_bind()).get_columns(table):\n"
                + "        if c['name'] == column:\n"
                + "            return False\n"
                + "    return True\n", "column_missing('players', 'bio')"), "column_missing");
    }

    @Test
    void a_catalog_query_in_the_body_is_a_guard() throws Exception {
        assertHelperGuard(guardOf("def column_missing(table, column):\n"
                + "    row = op.get_bind().execute(sa.text(\"SELECT 1 FROM information_schema.columns\"\n"
                + "        \" WHERE table_name = :t AND column_name = :c\"), {'t': table, 'c': column}).first()\n"
                + "    if row is not None:\n"
                + "        return False\n"
                + "    return True\n", "column_missing('players', 'bio')"), "column_missing");
    }

    @Test
    void a_database_read_through_another_local_helper_is_a_guard() throws Exception {
        assertHelperGuard(guardOf("def _names(table):\n"
                + "    return [c['name'] for c in sa.inspect(op.get_bind()).get_columns(table)]\n"
                + "def column_missing(table, column):\n"
                + "    names = _names(table)\n"
                + "    if column in names:\n"
                + "        return False\n"
                + "    return True\n", "column_missing('players', 'bio')"), "column_missing");
    }

    @Test
    void a_helper_called_with_star_arguments_is_read_as_a_whole() throws Exception {
        // the arguments cannot be bound to the parameters, so even a one-test body is not read as a test
        assertHelperGuard(guardOf("ARGS = ('players', 'bio')\n"
                + "def column_missing(table, column):\n"
                + "    return column not in [c['name'] for c in sa.inspect(op.get_bind()).get_columns(table)]\n",
                "column_missing(*ARGS)"), "column_missing");
    }

    @Test
    void a_helper_reading_only_configuration_is_no_guard() throws Exception {
        Guard g = guardOf("def wanted(column):\n"
                + "    if os.environ.get('SKIP_' + column.upper()):\n"
                + "        return False\n"
                + "    return True\n", "wanted('bio')");
        assertEquals(GuardKind.CONFIGURATION, g.kind(), g.toString());
    }

    @Test
    void helpers_calling_each_other_in_a_cycle_end_and_read_no_database() throws Exception {
        Guard g = guardOf("def ping(n):\n"
                + "    if n:\n"
                + "        return pong(n)\n"
                + "    return os.environ.get('X')\n"
                + "def pong(n):\n"
                + "    if n:\n"
                + "        return ping(n)\n"
                + "    return ping(n)\n", "ping(1)");
        assertEquals(GuardKind.CONFIGURATION, g.kind(), g.toString());
    }
}
