package dev.idemlint.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.db.Catalog;
import dev.idemlint.discovery.Settings;
import dev.idemlint.discovery.Version;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.GuardMatch;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.MigrationReader;
import dev.idemlint.migration.Operation;
import dev.idemlint.plan.Plan.Entry;
import dev.idemlint.plan.Plan.Status;
import dev.idemlint.python.PythonParser;
import dev.idemlint.source.SourceFile;
import dev.idemlint.sql.SqlClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The walk on a catalog written by hand: what plan says for each kind of statement and state. */
class PlannerTest {
    private static final Settings PINNED = Settings.DEFAULT.withAlembic(Version.parse("1.8.1"))
            .withSqlalchemy(Version.parse("1.4.46"));

    private final List<Migration> revisions = new ArrayList<>();
    private final List<Catalog.Relation> relations = new ArrayList<>();
    private final List<Catalog.Column> columns = new ArrayList<>();
    private final List<Catalog.Index> indexes = new ArrayList<>();
    private final List<Catalog.Type> types = new ArrayList<>();
    private List<String> stamped = List.of();
    private Boolean rowThere = false;

    private PlannerTest rev(String id, String down, String body) throws Exception {
        String src = "import sqlalchemy as sa\nfrom alembic import op\n\nrevision = \"" + id + "\"\ndown_revision = "
                + (down == null ? "None" : "\"" + down + "\"") + "\n\n\ndef upgrade():\n"
                + body.strip().indent(4);
        SourceFile f = SourceFile.of(Path.of("/versions", id + ".py"), "versions/" + id + ".py", src);
        Migration m = new MigrationReader().read(new PythonParser().parse(f));
        List<Operation> ops = new ArrayList<>();
        for (Operation o : m.operations()) {
            if (o instanceof Operation.RawSql raw) {
                ops.addAll(new SqlClassifier().classify(raw));
            } else {
                ops.add(o);
            }
        }
        revisions.add(m.withOperations(GuardMatch.resolve(ops)).withoutModule());
        return this;
    }

    private PlannerTest table(String name, String... cols) {
        relations.add(new Catalog.Relation("public", name, 'r'));
        for (String c : cols) {
            columns.add(new Catalog.Column("public", name, c, "text", null, false));
        }
        return this;
    }

    private Plan plan() {
        Catalog c = new Catalog("15.18", "public", List.of("public"), new Catalog.VersionTable(null, "alembic_version",
                "alembic_version", stamped), List.of("public"), relations, columns, indexes, List.of(), types, List.of(),
                List.of(), List.of(), List.of(), List.of("postgres"));
        RevisionGraph g = RevisionGraph.build(revisions);
        Planner.RowProbe probe = new Planner.RowProbe() {
            @Override
            public Boolean hasRows(String schema, String table) {
                return rowThere;
            }

            @Override
            public Boolean hasRow(String schema, String table, Map<String, String> values) {
                return rowThere;
            }
        };
        return Planner.plan(new Planner.Input(Path.of("/versions"), revisions, g, PINNED, c, "postgresql://x@h/db", probe,
                null));
    }

    private static Entry entry(Plan p, String rev) {
        return p.pending().stream().filter(e -> e.revision().equals(rev)).findFirst().orElseThrow();
    }

    @Test
    void a_column_already_there_fails_and_stamping_is_offered() throws Exception {
        rev("018", null, "op.create_table(\"players\", sa.Column(\"id\", sa.Integer(), primary_key=True))")
                .rev("020", "018", "op.add_column(\"players\", sa.Column(\"custom_notes\", sa.Text()))")
                .rev("021", "020", "op.create_table(\"oauth_tokens\", sa.Column(\"id\", sa.Integer(), primary_key=True))");
        table("players", "id", "custom_notes");
        stamped = List.of("018");
        Plan p = plan();
        Entry e = entry(p, "020");
        assertEquals(Status.FAILS, e.status());
        assertEquals("42701", e.sqlstate());
        assertEquals(9, e.line());
        assertEquals("Fails with DuplicateColumn (42701): the database already has column players.custom_notes but"
                + " alembic_version says 018: the schema is ahead of the stamp.", e.message());
        assertTrue(e.help().contains("`alembic stamp 020` is safe"), e.help());
        assertEquals(Status.OK, entry(p, "021").status());
        assertTrue(entry(p, "021").message().startsWith("Not reached: 020 fails first"), entry(p, "021").message());
    }

    @Test
    void a_column_of_another_type_is_not_stamp_safe() throws Exception {
        rev("018", null, "pass").rev("020", "018", "op.add_column(\"players\", sa.Column(\"custom_notes\", sa.Text()))"
                + "\nop.create_index(\"ix_players_notes\", \"players\", [\"custom_notes\"])");
        relations.add(new Catalog.Relation("public", "players", 'r'));
        columns.add(new Catalog.Column("public", "players", "custom_notes", "integer", null, false));
        stamped = List.of("018");
        Entry e = entry(plan(), "020");
        assertEquals(Status.FAILS, e.status());
        assertTrue(e.help().contains("there but different: column players.custom_notes is integer, the revision makes it"
                + " text"), e.help());
        assertTrue(e.help().contains("not there: index ix_players_notes"), e.help());
        assertTrue(e.help().contains("idemlint lint --fix --unsafe-fixes versions/020.py"), e.help());
    }

    @Test
    void an_inspector_guard_is_evaluated_on_the_real_schema() throws Exception {
        rev("018", null, "pass").rev("019", "018", """
                if "custom_notes" not in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("players")}:
                    op.add_column("players", sa.Column("custom_notes", sa.Text()))
                """).rev("020", "019", "op.add_column(\"players\", sa.Column(\"custom_notes\", sa.Text()))");
        table("players", "id");
        stamped = List.of("018");
        Plan p = plan();
        assertEquals(Status.OK, entry(p, "019").status());
        Entry e = entry(p, "020");
        assertEquals(Status.FAILS, e.status());
        assertTrue(e.message().contains("column players.custom_notes is created by 019, which Alembic applies first"),
                e.message());
    }

    @Test
    void a_guard_on_a_column_that_exists_skips_its_operation() throws Exception {
        rev("018", null, "pass").rev("019", "018", """
                if "custom_notes" not in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("players")}:
                    op.add_column("players", sa.Column("custom_notes", sa.Text()))
                """);
        table("players", "id", "custom_notes");
        stamped = List.of("018");
        assertEquals(Status.OK, entry(plan(), "019").status());
        assertNull(plan().firstFailure());
    }

    @Test
    void keyed_literal_inserts_are_checked_with_a_select() throws Exception {
        rev("018", null, "pass").rev("019", "018", "op.execute(\"INSERT INTO plans (id, code) VALUES (1, 'free')\")");
        table("plans", "id", "code");
        indexes.add(new Catalog.Index("public", "plans_pkey", "plans", true, List.of("id")));
        stamped = List.of("018");
        rowThere = true;
        Entry e = entry(plan(), "019");
        assertEquals(Status.FAILS, e.status());
        assertEquals("23505", e.sqlstate());
        rowThere = false;
        assertEquals(Status.OK, entry(plan(), "019").status());
        rowThere = null;
        assertEquals(Status.UNKNOWN, entry(plan(), "019").status());
    }

    @Test
    void opaque_sql_makes_later_failures_unknown() throws Exception {
        rev("018", null, "pass").rev("019", "018", "op.execute(make_sql())")
                .rev("020", "019", "op.add_column(\"players\", sa.Column(\"custom_notes\", sa.Text()))");
        table("players", "id", "custom_notes");
        stamped = List.of("018");
        Plan p = plan();
        assertEquals(Status.UNKNOWN, entry(p, "019").status());
        Entry e = entry(p, "020");
        assertEquals(Status.UNKNOWN, e.status());
        assertTrue(e.message().startsWith("Fails with DuplicateColumn (42701) if Alembic gets here"), e.message());
        assertNull(p.firstFailure());
    }

    @Test
    void failures_that_need_no_schema_stay_certain_after_opaque_code() throws Exception {
        rev("018", null, "op.execute(make_sql())")
                .rev("019", "018", "op.execute(\"CREATE INDEX CONCURRENTLY ix_a ON players (id)\")");
        table("players", "id");
        Plan p = plan();
        Entry e = entry(p, "019");
        assertEquals(Status.UNKNOWN, entry(p, "018").status());
        // an unknown revision before it: certainty is kept only for the walk before any unknown
        assertEquals(Status.UNKNOWN, e.status());
        assertEquals("25001", e.sqlstate());
    }

    @Test
    void a_stamp_the_code_does_not_have_is_a_failure_alembic_hits_first() throws Exception {
        rev("018", null, "pass");
        stamped = List.of("999");
        Plan p = plan();
        assertEquals(1, p.pending().size());
        Entry e = p.pending().get(0);
        assertEquals("999", e.revision());
        assertEquals(Status.FAILS, e.status());
        assertTrue(e.message().contains("Can't locate revision identified by '999'"), e.message());
    }

    @Test
    void alter_column_on_a_missing_column_and_create_table_on_an_existing_enum() throws Exception {
        rev("018", null, "pass")
                .rev("019", "018", "op.alter_column(\"players\", \"nickname\", nullable=True)");
        table("players", "id");
        stamped = List.of("018");
        Entry e = entry(plan(), "019");
        assertEquals(Status.FAILS, e.status());
        assertEquals("42703", e.sqlstate());

        revisions.clear();
        rev("018", null, "pass").rev("019", "018", "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer(),"
                + " primary_key=True), sa.Column(\"division\", sa.Enum(\"boys\", \"girls\", name=\"division\")))");
        types.add(new Catalog.Type("public", "division", 'e', List.of("boys", "girls")));
        Entry t = entry(plan(), "019");
        assertEquals(Status.FAILS, t.status());
        assertEquals("42710", t.sqlstate());
        assertTrue(t.message().contains("type division"), t.message());
    }

    @Test
    void insert_rows_are_read_from_values_select_and_bulk_insert() {
        assertEquals(List.of(Map.of("id", "1", "name", "it's")), InsertRows.fromSql(
                "INSERT INTO t (id, name) VALUES (1, 'it''s')", List.of("id", "name")));
        assertEquals(2, InsertRows.fromSql("insert into t (a) values (1), (2) on conflict do nothing", List.of("a"))
                .size());
        assertEquals(List.of(Map.of("code", "SEK")), InsertRows.fromSql(
                "INSERT INTO c (code) SELECT 'SEK' WHERE NOT EXISTS (SELECT 1 FROM c WHERE code = 'SEK')",
                List.of("code")));
        assertNull(InsertRows.fromSql("INSERT INTO t (id) SELECT max(id) + 1 FROM t", List.of("id")));
        assertNull(InsertRows.fromSql("INSERT INTO t (id) VALUES (nextval('s'))", List.of("id")));
        assertEquals(List.of(Map.of("code", "NOK", "rate", "2")), InsertRows.fromSql(
                "INSERT INTO c (code, rate) VALUES (:code, :rate) ON CONFLICT (code) DO NOTHING", List.of("code", "rate"),
                Map.of("code", "NOK", "rate", "2")));
        assertNull(InsertRows.fromSql("INSERT INTO c (code) VALUES (:code)", List.of("code")));
    }

    @Test
    void a_combination_of_has_table_checks_is_evaluated_with_its_branch() throws Exception {
        rev("018", null, "pass").rev("019", "018", """
                insp = sa.inspect(op.get_bind())
                if insp.has_table("venues") and not insp.has_table("arenas"):
                    op.rename_table("venues", "arenas")
                """).rev("020", "019", """
                insp = sa.inspect(op.get_bind())
                if not (insp.has_table("teams") or insp.has_table("squads")):
                    pass
                else:
                    op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True))
                """);
        table("venues", "id");
        table("arenas", "id");
        table("teams", "id");
        stamped = List.of("018");
        Plan p = plan();
        assertEquals(Status.OK, entry(p, "019").status());
        Entry e = entry(p, "020");
        assertEquals(Status.FAILS, e.status(), e.toString());
        assertEquals("42P07", e.sqlstate());
    }

    @Test
    void a_row_count_check_guards_its_insert() throws Exception {
        rev("018", null, "pass").rev("019", "018", """
                conn = op.get_bind()
                n = conn.execute(sa.text("SELECT count(*) FROM plans WHERE code = 'gold'")).scalar()
                if n == 0:
                    op.execute("INSERT INTO plans (id, code) VALUES (1, 'gold')")
                """);
        table("plans", "id", "code");
        indexes.add(new Catalog.Index("public", "plans_pkey", "plans", true, List.of("id")));
        stamped = List.of("018");
        rowThere = true;
        assertEquals(Status.OK, entry(plan(), "019").status());
    }

    @Test
    void rows_the_walk_wrote_are_compared_on_a_table_it_made() throws Exception {
        rev("018", null, """
                op.create_table("currencies", sa.Column("code", sa.String(3), primary_key=True), sa.Column("name", sa.Text()))
                op.bulk_insert(sa.table("currencies", sa.column("code"), sa.column("name")), [{"code": "EUR", "name": "Euro"}])
                """).rev("019", "018", """
                op.execute(\"\"\"
                    INSERT INTO currencies (code, name) VALUES
                        ('GBP', 'Pound Sterling'),
                        ('JPY', 'Yen')
                    ON CONFLICT (code) DO NOTHING
                    \"\"\")
                """).rev("020", "019", """
                conn = op.get_bind()
                conn.execute(sa.table("currencies", sa.column("code"), sa.column("name")).insert(), [{"code": "CHF", "name": "Swiss Franc"}])
                """).rev("021", "020", "op.execute(\"INSERT INTO currencies (code, name) VALUES ('EUR', 'again')\")");
        Plan p = plan();
        assertEquals(List.of("018=OK", "019=OK", "020=OK", "021=FAILS"),
                p.pending().stream().map(e -> e.revision() + "=" + e.status()).toList(), p.pending().toString());
        assertEquals("23505", entry(p, "021").sqlstate());
    }

    @Test
    void a_table_created_in_another_schema_under_a_guard_is_there_for_later_revisions() throws Exception {
        rev("018", null, """
                op.execute("CREATE SCHEMA IF NOT EXISTS billing")
                insp = sa.inspect(op.get_bind())
                if not insp.has_table("invoices", schema="billing"):
                    op.create_table("invoices", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("number", sa.Integer()), schema="billing")
                """).rev("019", "018", "op.alter_column(\"invoices\", \"number\", nullable=False, schema=\"billing\")");
        Plan p = plan();
        assertEquals(List.of("018=OK", "019=OK"), p.pending().stream().map(e -> e.revision() + "=" + e.status()).toList(),
                p.pending().toString());
    }
}
