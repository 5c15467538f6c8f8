package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema each operation's names are placed in, as OpExtractor records it ({@link OpSite#targets()}). */
class SchemaTargetsTest {
    private static List<Operation> upgrade(String body) throws Exception {
        return MigrationReaderTest.read("import sqlalchemy as sa\nfrom alembic import op\nfrom sqlalchemy.schema import"
                + " CreateSequence, Sequence\n\nrevision = \"001\"\ndown_revision = None\n\n\ndef upgrade():\n"
                + body.indent(4)).upgrade();
    }

    private static SchemaRef only(String body) throws Exception {
        List<Operation> ops = upgrade(body);
        assertEquals(1, ops.size(), ops.toString());
        return ops.get(0).site().targets().of(null);
    }

    @Test
    void a_batch_op_is_placed_in_its_batchs_schema() throws Exception {
        assertEquals(new SchemaRef("billing", SchemaRef.Source.BATCH), only("""
                with op.batch_alter_table("t", schema="billing") as batch_op:
                    batch_op.add_column(sa.Column("x", sa.Integer()))
                """));
        assertEquals(SchemaRef.SEARCH_PATH, only("""
                with op.batch_alter_table("t", schema=None) as batch_op:
                    batch_op.add_column(sa.Column("x", sa.Integer()))
                """));
        assertEquals(SchemaRef.UNREAD, only("""
                with op.batch_alter_table("t", schema=settings.SCHEMA) as batch_op:
                    batch_op.add_column(sa.Column("x", sa.Integer()))
                """));
        assertEquals(SchemaRef.SEARCH_PATH, only("""
                with op.batch_alter_table("t") as batch_op:
                    batch_op.add_column(sa.Column("x", sa.Integer()))
                """));
    }

    @Test
    void an_op_call_names_its_schema_with_schema_and_a_foreign_key_with_source_schema() throws Exception {
        assertEquals(new SchemaRef("Billing", SchemaRef.Source.WRITTEN),
                only("op.add_column(\"t\", sa.Column(\"x\", sa.Integer()), schema=\"Billing\")"));
        assertEquals(SchemaRef.SEARCH_PATH, only("op.add_column(\"t\", sa.Column(\"x\", sa.Integer()), schema=None)"));
        assertEquals(new SchemaRef("hbi", SchemaRef.Source.WRITTEN), only(
                "op.create_foreign_key(\"fk\", \"a\", \"b\", [\"b_id\"], [\"id\"], source_schema=\"hbi\", referent_schema=\"x\")"));
    }

    @Test
    void a_ddl_element_names_its_schema_where_it_is_written_out() throws Exception {
        assertEquals(new SchemaRef("api", SchemaRef.Source.WRITTEN),
                only("op.execute(CreateSequence(Sequence(\"s\", schema=\"api\")))"));
    }
}
