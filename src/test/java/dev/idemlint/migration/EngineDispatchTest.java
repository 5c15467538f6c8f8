package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineDispatchTest {
    private static final String ENGINES = "def upgrade_registrar():\n    op.add_column(\"agents\", sa.Column(\"ip\", sa.Text()))\n"
            + "def upgrade_verifier():\n    op.create_table(\"agents\", sa.Column(\"id\", sa.Integer()))\n"
            + "def downgrade_registrar():\n    op.drop_column(\"agents\", \"ip\")\n"
            + "def downgrade_verifier():\n    op.drop_table(\"agents\")\n";

    private static List<String> engines(Migration m, Phase phase) {
        return m.operations().stream().filter(o -> o.site().phase() == phase)
                .map(o -> o.getClass().getSimpleName() + "@" + o.site().engine()).toList();
    }

    @Test
    void reads_each_engine_function_as_its_database_upgrade_in_every_spelling_of_the_template() throws Exception {
        for (String name : List.of("f\"upgrade_{engine_name}\"", "\"upgrade_%s\" % engine_name",
                "\"upgrade_%s\" % (engine_name,)", "\"upgrade_{}\".format(engine_name)",
                "\"upgrade_{0}\".format(engine_name)")) {
            Migration m = MigrationReaderTest.read("def upgrade(engine_name):\n    globals()[" + name + "]()\n"
                    + "def downgrade(engine_name):\n    \"\"\"doc\"\"\"\n    globals()[f\"downgrade_{engine_name}\"]()\n"
                    + ENGINES);
            assertEquals(List.of("AddColumn@registrar", "CreateTable@verifier"), engines(m, Phase.UPGRADE), name);
            assertEquals(List.of("Drop@registrar", "Drop@verifier"), engines(m, Phase.DOWNGRADE), name);
            Operation add = m.upgrade().get(0);
            assertEquals("op.add_column(\"agents\", sa.Column(\"ip\", sa.Text()))", MigrationReaderTest.slice(m, add));
        }
    }

    @Test
    void reads_anything_else_as_written_with_no_engine() throws Exception {
        for (String body : List.of("globals()[f\"upgrade_{engine_name!r}\"]()", "globals()[f\"upgrade_{other}\"]()",
                "globals()[\"upgrade_%s_%s\" % engine_name]()", "globals()[\"upgrade_\" + engine_name]()",
                "globals()[f\"upgrade_{engine_name}\"]()\n    op.drop_table(\"x\")", "locals()[f\"upgrade_{engine_name}\"]()",
                "globals()[f\"none_{engine_name}\"]()")) {
            Migration m = MigrationReaderTest.read("def upgrade(engine_name):\n    " + body + "\n" + ENGINES);
            assertTrue(m.operations().stream().allMatch(o -> o.site().engine() == null), body);
        }
        Migration plain = MigrationReaderTest.read("def upgrade():\n    op.drop_table(\"x\")\n" + ENGINES);
        assertEquals(List.of("Drop@null"), engines(plain, Phase.UPGRADE));
    }
}
