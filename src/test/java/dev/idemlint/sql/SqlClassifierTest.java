package dev.idemlint.sql;

import static dev.idemlint.sql.SqlFixture.classify;
import static dev.idemlint.sql.SqlFixture.file;
import static dev.idemlint.sql.SqlFixture.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.Phase;
import dev.idemlint.migration.SqlText;
import dev.idemlint.source.Span;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sites, spans and guards; what each statement becomes is in {@code sql/classify.tsv}. */
class SqlClassifierTest {
    private static String spanText(String source, Operation op) {
        Span s = op.site().span();
        return file(source).substring(s.start(), s.end());
    }

    private static String spanText(String source, Span s) {
        return file(source).substring(s.start(), s.end());
    }

    @Test
    void classifies_add_column_without_if_not_exists() {
        Operation op = classify("ALTER TABLE players ADD COLUMN custom_notes text").get(0);
        Operation.AddColumn add = assertInstanceOf(Operation.AddColumn.class, op);
        assertEquals("players", add.table());
        assertEquals("custom_notes", add.column().name());
        assertFalse(add.ifNotExists());
        assertNull(add.column().enumType());
        assertEquals(Origin.RAW_SQL, op.site().origin());
    }

    @Test
    void maps_each_statement_span_to_its_file_text() {
        String src = "  -- lead\n ALTER TABLE t ADD COLUMN a int ;\n/* x */ CREATE INDEX ix ON t (a)  ";
        List<Operation> ops = classify(src);
        assertEquals(2, ops.size());
        assertEquals("ALTER TABLE t ADD COLUMN a int", spanText(src, ops.get(0)));
        assertEquals("CREATE INDEX ix ON t (a)", spanText(src, ops.get(1)));
        assertEquals("CREATE INDEX ix ON t (a)", ops.get(1).site().sqlStatement());
        assertEquals(src.indexOf("CREATE"), ops.get(1).site().sqlStart());
    }

    @Test
    void gives_every_action_of_one_alter_table_the_statement_site() {
        List<Operation> ops = classify("ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int");
        assertEquals(2, ops.size());
        assertSame(ops.get(0).site(), ops.get(1).site());
    }

    @Test
    void spans_the_column_definition() {
        String src = "ALTER TABLE t ADD COLUMN IF NOT EXISTS c varchar(3) NOT NULL";
        Operation.AddColumn add = (Operation.AddColumn) classify(src).get(0);
        assertEquals("c varchar(3) NOT NULL", spanText(src, add.column().span()));
    }

    @Test
    void keeps_phase_autocommit_and_python_guard_of_the_raw_site() {
        Guard inspector = Guard.of(GuardKind.INSPECTOR, new Span(0, 5), "has_table");
        Operation.RawSql raw = raw("DO $$ BEGIN CREATE TABLE t (); EXCEPTION WHEN others THEN NULL; END $$", inspector);
        OpSite base = raw.site();
        OpSite autocommit = new OpSite(base.origin(), Phase.DOWNGRADE, base.span(), null, null, base.sql(), -1, -1,
                inspector, true, true);
        Operation op = new SqlClassifier().classify(new Operation.RawSql(autocommit)).get(0);
        assertSame(inspector, op.site().guard());
        assertEquals(Phase.DOWNGRADE, op.site().phase());
        assertTrue(op.site().autocommit());
        assertTrue(op.site().indirect());
    }

    @Test
    void maps_statements_inside_a_do_block_to_their_file_offsets() {
        String src = "DO $$\nBEGIN\n  CREATE TYPE mood AS ENUM ('a');\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$";
        Operation op = classify(src).get(0);
        assertEquals("CREATE TYPE mood AS ENUM ('a')", spanText(src, op));
        assertEquals("CREATE TYPE mood AS ENUM ('a')", op.site().sqlStatement());
        Guard g = op.site().guard();
        assertEquals(GuardKind.DO_BLOCK_EXCEPTION, g.kind());
        assertEquals(Set.of("duplicate_object"), g.conditions());
        assertEquals("DO block catches duplicate_object", g.description());
        assertEquals("EXCEPTION WHEN duplicate_object THEN", spanText(src, g.span()));
        assertTrue(g.catches("duplicate_object"));
        assertFalse(g.catches("duplicate_table"));
    }

    @Test
    void catches_a_duplicate_table_only_when_the_handler_names_it() {
        String catchesObject = "DO $$ BEGIN ALTER TABLE t ADD CONSTRAINT uq UNIQUE (a); "
                + "EXCEPTION WHEN duplicate_object THEN NULL; END $$";
        Guard g = classify(catchesObject).get(0).site().guard();
        assertFalse(g.catches("duplicate_table"));
        Guard byCode = classify(catchesObject.replace("duplicate_object", "SQLSTATE '42P07'")).get(0).site().guard();
        assertTrue(byCode.catches("duplicate_table"));
        Guard others = classify(catchesObject.replace("duplicate_object", "OTHERS")).get(0).site().guard();
        assertTrue(others.catches("duplicate_table"));
    }

    @Test
    void guards_statements_inside_plpgsql_if_not_exists() {
        String src = "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN "
                + "CREATE TYPE mood AS ENUM ('a'); END IF; END $$";
        Guard g = classify(src).get(0).site().guard();
        assertEquals(GuardKind.PLPGSQL_IF, g.kind());
        assertEquals("IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN", spanText(src, g.span()));
        assertEquals("PL/pgSQL IF NOT EXISTS check", g.description());
    }

    @Test
    void maps_execute_literals_back_through_doubled_quotes() {
        String src = "DO $$ BEGIN EXECUTE 'CREATE TYPE mood AS ENUM (''a'')'; END $$";
        Operation op = classify(src).get(0);
        Operation.CreateEnumType t = assertInstanceOf(Operation.CreateEnumType.class, op);
        assertEquals(List.of("a"), t.labels());
        assertEquals("CREATE TYPE mood AS ENUM (''a'')", spanText(src, op));
        assertEquals("CREATE TYPE mood AS ENUM ('a')", op.site().sqlStatement());
        assertNull(op.site().guard());
    }

    @Test
    void maps_format_templates_with_placeholders_as_dynamic() {
        String src = "DO $$ BEGIN EXECUTE format('CREATE INDEX %I ON %I (a)', ix, tbl); END $$";
        Operation.CreateIndex ix = assertInstanceOf(Operation.CreateIndex.class, classify(src).get(0));
        assertNull(ix.name());
        assertNull(ix.table());
        assertEquals("CREATE INDEX %I ON %I (a)", spanText(src, ix));
        assertTrue(ix.site().sql().dynamic());
    }

    @Test
    void leaves_function_bodies_unclassified() {
        List<Operation> ops = classify("CREATE FUNCTION f() RETURNS void AS $$ BEGIN "
                + "ALTER TABLE t ADD COLUMN c int; END $$ LANGUAGE plpgsql");
        assertEquals(1, ops.size());
        assertInstanceOf(Operation.CreateObject.class, ops.get(0));
    }

    @Test
    void reads_no_name_where_a_dynamic_part_stands() {
        String src = "ALTER TABLE {?} ADD COLUMN c int; CREATE TABLE t_{?} (id int)";
        List<Operation> ops = classify(src);
        assertNull(((Operation.AddColumn) ops.get(0)).table());
        assertNull(((Operation.CreateTable) ops.get(1)).table());
        // the span skips nothing: it runs from the first to the last char that has a file offset
        assertEquals("ALTER TABLE {?} ADD COLUMN c int", spanText(src, ops.get(0)));
    }

    @Test
    void falls_back_to_the_expression_span_when_nothing_is_static() {
        Operation op = classify("{?}").get(0);
        assertInstanceOf(Operation.Unknown.class, op);
        assertEquals(new Span(SqlFixture.BASE, SqlFixture.BASE + 3), op.site().span());
    }

    @Test
    void reports_unknown_without_sql_text() {
        OpSite site = new OpSite(Origin.RAW_SQL, Phase.UPGRADE, new Span(0, 1), null, null, null, -1, -1, null,
                false, false);
        List<Operation> ops = new SqlClassifier().classify(new Operation.RawSql(site));
        assertInstanceOf(Operation.Unknown.class, ops.get(0));
    }

    @Test
    void decodes_e_string_escapes_with_offsets_of_their_backslashes() {
        String src = "DO E'BEGIN CREATE TYPE m AS ENUM (\\'a\\'); END'";
        Operation op = classify(src).get(0);
        Operation.CreateEnumType t = assertInstanceOf(Operation.CreateEnumType.class, op);
        assertEquals(List.of("a"), t.labels());
        assertEquals("CREATE TYPE m AS ENUM (\\'a\\')", spanText(src, op));
        SqlText inner = op.site().sql();
        assertEquals(inner.text().length() + 1, inner.fileOffsets().length);
    }
}
