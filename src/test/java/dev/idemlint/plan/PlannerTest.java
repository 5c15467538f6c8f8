package dev.idemlint.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.db.Catalog;
import dev.idemlint.discovery.Settings;
import dev.idemlint.discovery.Version;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.schema.GuardMatch;
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
    private final List<Catalog.Constraint> constraints = new ArrayList<>();
    private List<String> stamped = List.of();
    private Boolean rowThere = false;

    private PlannerTest rev(String id, String down, String body) throws Exception {
        return rev(id + ".py", id, down, body);
    }

    /** A revision in a file of the given name (two files may declare one id). */
    private PlannerTest rev(String file, String id, String down, String body) throws Exception {
        String src = "import sqlalchemy as sa\nfrom alembic import op\n\nrevision = \"" + id + "\"\ndown_revision = "
                + (down == null ? "None" : down.startsWith("(") ? down : "\"" + down + "\"") + "\n\n\ndef upgrade():\n"
                + body.strip().indent(4);
        SourceFile f = SourceFile.of(Path.of("/versions", file), "versions/" + file, src);
        Migration m = new MigrationReader().read(new PythonParser().parse(f));
        List<Operation> ops = new ArrayList<>();
        for (Operation o : m.operations()) {
            if (o instanceof Operation.RawSql raw) {
                ops.addAll(new SqlClassifier().classify(raw));
            } else {
                ops.add(o);
            }
        }
        revisions.add(m.withOperations(GuardMatch.resolve(ops, () -> false, null)).withoutModule());
        return this;
    }

    private PlannerTest table(String name, String... cols) {
        relations.add(new Catalog.Relation("public", name, 'r'));
        for (String c : cols) {
            columns.add(new Catalog.Column("public", name, c, "text", null, false));
        }
        return this;
    }

    /**
     * A table with a primary key on its first column, whose columns have types as format_type prints
     * them: "name:type" pairs.
     */
    private PlannerTest typed(String name, String... cols) {
        relations.add(new Catalog.Relation("public", name, 'r'));
        relations.add(new Catalog.Relation("public", name + "_pkey", 'i'));
        constraints.add(new Catalog.Constraint("public", name, name + "_pkey", 'p'));
        for (String c : cols) {
            int colon = c.indexOf(':');
            columns.add(new Catalog.Column("public", name, c.substring(0, colon), c.substring(colon + 1), null, false));
        }
        return this;
    }

    private boolean allHeads;
    /** The command planned and where it came from; null: as {@link #allHeads} says. */
    private UpgradeCommand upgrade;

    private Plan plan() {
        Catalog c = new Catalog("15.18", "public", List.of("public"), new Catalog.VersionTable(null, "alembic_version",
                "alembic_version", stamped), List.of("public"), relations, columns, indexes, constraints, types, List.of(),
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
        if (upgrade != null) {
            return Planner.plan(new Planner.Input(Path.of("/versions"), revisions, g, PINNED, c, "postgresql://x@h/db",
                    probe, null, upgrade, dev.idemlint.migration.NamingConvention.unknown("not read")));
        }
        return Planner.plan(new Planner.Input(Path.of("/versions"), revisions, g, PINNED, c, "postgresql://x@h/db", probe,
                null, allHeads));
    }

    private static Entry entry(Plan p, String rev) {
        return p.pending().stream().filter(e -> e.revision().equals(rev)).findFirst().orElseThrow();
    }

    @Test
    void a_duplicate_id_fails_alembic_upgrade_head_whatever_hangs_off_it() throws Exception {
        // Alembic 1.8.1: `alembic heads` lists 040 twice, `upgrade head` refuses with "Multiple head revisions"
        rev("024", null, "pass").rev("040_a.py", "040", "024", "pass").rev("040_b.py", "040", "024", "pass");
        stamped = List.of("024");
        Plan p = plan();
        assertEquals("head", p.firstFailure().revision());
        assertTrue(p.firstFailure().message().contains("2 heads (040, 040)"), p.firstFailure().message());
        assertTrue(p.firstFailure().message().contains("Multiple head revisions are present"), p.firstFailure().message());
        allHeads = true;
        assertNull(plan().firstFailure(), "`alembic upgrade heads` runs the kept 040");
        allHeads = false;
        rev("041", "040", "pass");
        Plan child = plan();
        assertEquals("head", child.firstFailure().revision());
        assertTrue(child.firstFailure().message().contains("2 heads (040, 041)"), child.firstFailure().message());
        // `upgrade heads` asks for the shadowed 040 (the kept one) and 041 after it: "overlaps"
        allHeads = true;
        Plan heads = plan();
        assertEquals("040", heads.firstFailure().revision());
        assertEquals("versions/040_a.py", heads.firstFailure().file());
        assertTrue(heads.firstFailure().message().contains("Requested revision 041 overlaps with other requested"
                + " revisions 040"), heads.firstFailure().message());
    }

    @Test
    void a_graph_alembic_refuses_to_load_fails_before_any_revision_runs() throws Exception {
        rev("001", null, "op.create_table(\"t\", sa.Column(\"id\", sa.Integer(), primary_key=True))")
                .rev("002", "zz", "pass");
        Plan missing = plan();
        assertEquals(List.of("002"), missing.pending().stream().map(Entry::revision).toList(), "nothing is walked");
        Entry e = missing.firstFailure();
        assertEquals(Status.FAILS, e.status());
        assertEquals(5, e.line());
        assertTrue(e.message().startsWith("down_revision 'zz' names no revision (KeyError: 'zz'), so Alembic refuses"),
                e.message());
        allHeads = true;
        assertEquals("002", plan().firstFailure().revision(), "`upgrade heads` fails as well");
        revisions.clear();
        rev("001", null, "pass").rev("002", "003", "pass").rev("003", "002", "pass");
        assertTrue(plan().firstFailure().message().startsWith("Revisions 002, 003 form a cycle"),
                plan().firstFailure().message());
        revisions.clear();
        rev("001", null, "pass").rev("002-b", "001", "pass");
        assertTrue(plan().firstFailure().message().startsWith("Revision id '002-b' holds '-'"),
                plan().firstFailure().message());
        revisions.clear();
        // an empty down_revision is None to Alembic: a second base, no refusal
        rev("001", null, "pass").rev("002", "", "pass");
        assertNull(plan().firstFailure());
    }

    @Test
    void a_read_the_column_type_here_rejects_fails_when_parsed() throws Exception {
        rev("018", null, "pass").rev("020", "018", "op.execute(\"UPDATE plans SET tier = UPPER(tier) WHERE note LIKE 'x%'\")");
        typed("plans", "id:integer", "tier:tier_level", "note:text", "quota:integer");
        types.add(new Catalog.Type("public", "tier_level", 'e', List.of("FREE", "PRO")));
        stamped = List.of("018");
        Entry e = entry(plan(), "020");
        assertEquals(Status.FAILS, e.status());
        assertEquals("42883", e.sqlstate());
        assertTrue(e.message().contains("column plans.tier is tier_level here, and no upper() takes it"), e.message());

        // a text column takes upper() and LIKE; a comparison of an integer with digits parses
        revisions.clear();
        rev("018", null, "pass").rev("020", "018", "op.execute(\"UPDATE plans SET note = UPPER(note) WHERE quota = '7'\")");
        assertEquals(Status.OK, entry(plan(), "020").status());

        // a constant no integer reads fails with 22P02 when the statement is parsed
        revisions.clear();
        rev("018", null, "pass").rev("020", "018", "op.execute(\"DELETE FROM plans WHERE quota = 'none'\")");
        Entry bad = entry(plan(), "020");
        assertEquals("22P02", bad.sqlstate(), bad.message());
        assertTrue(bad.message().contains("'none' is no value of it"), bad.message());

        // a second table in the statement: a bare name may be its column, so nothing is judged
        revisions.clear();
        table("other", "id");
        rev("018", null, "pass").rev("020", "018",
                "op.execute(\"UPDATE plans SET note = 'a' FROM other WHERE upper(tier) = 'FREE'\")");
        assertEquals(Status.OK, entry(plan(), "020").status());
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
    void a_dropped_column_takes_its_index_and_a_renamed_table_keeps_its_columns() throws Exception {
        rev("018", null, "pass").rev("020", "018", "op.drop_column(\"players\", \"nickname\")"
                + "\nop.create_index(\"ix_players_nickname\", \"players\", [\"name\"])"
                + "\nop.rename_table(\"players\", \"athletes\")"
                + "\nop.drop_column(\"athletes\", \"name\")"
                + "\nop.add_column(\"players\", sa.Column(\"x\", sa.Text()))");
        table("players", "id", "name", "nickname");
        indexes.add(new Catalog.Index("public", "ix_players_nickname", "players", false, List.of("nickname")));
        relations.add(new Catalog.Relation("public", "ix_players_nickname", 'i'));
        stamped = List.of("018");
        Entry e = entry(plan(), "020");
        // the index went with its column, the columns with the table's new name; the old name is gone
        assertEquals(Status.FAILS, e.status(), e.message());
        assertEquals("42P01", e.sqlstate(), e.message());
        assertEquals(13, e.line(), e.message());
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
    void a_catalog_query_guard_is_evaluated_on_the_real_schema() throws Exception {
        rev("018", null, "pass").rev("019", "018", """
                found = op.get_bind().execute(sa.text("SELECT 1 FROM information_schema.columns"
                    " WHERE table_name = 'players' AND column_name = 'nick'")).scalar()
                if found is None:
                    op.add_column("players", sa.Column("nick", sa.Text()))
                if op.get_bind().execute(sa.text("SELECT 1 FROM pg_type WHERE typname = 'mood'")).first():
                    op.execute("CREATE TYPE mood AS ENUM ('a')")
                """);
        table("players", "id", "nick");
        stamped = List.of("018");
        // the column is there: the add is skipped; the type is not: the create is skipped too
        assertEquals(Status.OK, entry(plan(), "019").status());
        columns.removeIf(c -> c.name().equals("nick"));
        types.add(new Catalog.Type("public", "mood", 'e', List.of("a")));
        Entry e = entry(plan(), "019");
        // the type is there, so the CREATE TYPE under `if ... first():` runs and fails
        assertEquals(Status.FAILS, e.status(), e.toString());
        assertEquals("42710", e.sqlstate());
    }

    @Test
    void a_helper_with_arguments_and_a_loop_over_the_inspector_are_evaluated() throws Exception {
        rev("018", null, "pass").rev("019", "018", """
                def column_exists(table, column):
                    insp = sa.inspect(op.get_bind())
                    return column in [c["name"] for c in insp.get_columns(table)]

                if not column_exists("players", "nick"):
                    op.add_column("players", sa.Column("nick", sa.Text()))
                for col in sa.inspect(op.get_bind()).get_columns("players"):
                    if col["name"] == "old":
                        op.alter_column("players", "old", new_column_name="nick")
                """);
        table("players", "id", "nick");
        stamped = List.of("018");
        // nick is there and old is not: both guarded statements are skipped
        assertEquals(Status.OK, entry(plan(), "019").status());
        columns.add(new Catalog.Column("public", "players", "old", "text", null, false));
        // old is there: the rename runs onto nick, which exists
        Entry e = entry(plan(), "019");
        assertEquals(Status.FAILS, e.status(), e.toString());
        assertEquals("42701", e.sqlstate());
    }

    @Test
    void an_unreadable_guard_leaves_the_outcome_unknown() throws Exception {
        rev("018", null, "pass").rev("019", "018", """
                from app.settings import feature_enabled
                if feature_enabled("nick") or not sa.inspect(op.get_bind()).has_table("players"):
                    op.create_table("players", sa.Column("id", sa.Integer(), primary_key=True))
                """);
        table("players", "id");
        stamped = List.of("018");
        assertEquals(Status.UNKNOWN, entry(plan(), "019").status());
    }

    @Test
    void get_columns_on_a_missing_table_fails_unless_the_test_stops_before_it() throws Exception {
        rev("018", null, "pass").rev("019", "018", """
                insp = sa.inspect(op.get_bind())
                if insp.has_table("players") and "nick" not in [c["name"] for c in insp.get_columns("players")]:
                    op.add_column("players", sa.Column("nick", sa.Text()))
                """).rev("020", "019", """
                insp = sa.inspect(op.get_bind())
                if "nick" not in [c["name"] for c in insp.get_columns("teams")]:
                    op.add_column("teams", sa.Column("nick", sa.Text()))
                """);
        stamped = List.of("018");
        Plan p = plan();
        assertEquals(Status.OK, entry(p, "019").status());
        Entry e = entry(p, "020");
        assertEquals(Status.FAILS, e.status(), e.toString());
        assertTrue(e.message().contains("NoSuchTableError"), e.message());
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

    @Test
    void a_ddl_elements_schema_places_its_sequence() throws Exception {
        rev("018", null, "pass").rev("019", "018",
                "op.execute(sa.schema.CreateSequence(sa.schema.Sequence(\"tracking_seq\", schema=\"api\")))");
        relations.add(new Catalog.Relation("api", "tracking_seq", 'S'));
        Entry e = entry(plan(), "019");
        assertEquals(Status.FAILS, e.status(), e.toString());
        assertEquals("42P07", e.sqlstate(), e.toString());
    }

    @Test
    void a_foreign_key_is_placed_in_its_source_schema() throws Exception {
        rev("018", null, "pass").rev("019", "018", "op.create_foreign_key(\"fk_profiles_hosts\", \"profiles\", \"hosts\","
                + " [\"host_id\"], [\"id\"], source_schema=\"hbi\", referent_schema=\"hbi\")");
        relations.add(new Catalog.Relation("hbi", "hosts", 'r'));
        relations.add(new Catalog.Relation("hbi", "profiles", 'r'));
        columns.add(new Catalog.Column("hbi", "hosts", "id", "integer", null, false));
        columns.add(new Catalog.Column("hbi", "profiles", "host_id", "integer", null, false));
        constraints.add(new Catalog.Constraint("hbi", "profiles", "fk_profiles_hosts", 'f'));
        Entry e = entry(plan(), "019");
        assertEquals(Status.FAILS, e.status(), e.toString());
        assertEquals("42710", e.sqlstate(), e.toString());
    }

    @Test
    void a_table_in_a_schema_the_sql_does_not_spell_out_is_not_claimed_missing() throws Exception {
        rev("018", null, "pass").rev("019", "018", "op.execute(f\"DROP TABLE {settings.SCHEMA}.events\")");
        Entry e = entry(plan(), "019");
        assertTrue(e.status() != Status.FAILS, e.toString());
    }

    @Test
    void an_insert_that_leaves_a_not_null_column_empty_fails() throws Exception {
        rev("018", null, """
                op.create_table("regions", sa.Column("id", sa.Integer(), primary_key=True),
                                sa.Column("slug", sa.String(20), nullable=False), sa.Column("label", sa.String(40)))
                """).rev("019", "018", """
                regions = sa.table("regions", sa.column("slug"), sa.column("label"))
                op.bulk_insert(regions, [{"slug": "eu", "label": "Europe"}])
                op.bulk_insert(regions, [{"label": "Elsewhere"}])
                """);
        Entry e = entry(plan(), "019");
        assertEquals(Status.FAILS, e.status(), e.toString());
        assertEquals("23502", e.sqlstate());
        assertEquals(11, e.line());
    }

    @Test
    void a_constraint_drop_on_a_relation_that_is_a_view_fails_with_42809_if_exists_or_not() throws Exception {
        for (String drop : List.of("op.drop_constraint(\"ck_configs_a\", \"configs\")",
                "op.execute(\"ALTER TABLE configs DROP CONSTRAINT IF EXISTS ck_configs_a\")")) {
            revisions.clear();
            relations.clear();
            columns.clear();
            rev("018", null, "pass").rev("019", "018", drop + "\nop.rename_table(\"configs\", \"settings\")"
                    + "\nop.execute(\"CREATE VIEW configs AS (SELECT * FROM settings)\")");
            // 019 ran and was stamped back: the view is where the table was
            relations.add(new Catalog.Relation("public", "configs", 'v'));
            table("settings", "id", "a");
            stamped = List.of("018");
            Entry e = entry(plan(), "019");
            assertEquals(Status.FAILS, e.status(), e.toString());
            assertEquals("42809", e.sqlstate(), e.toString());
            assertEquals("Fails with WrongObjectType (42809): view configs is not a table, and DROP CONSTRAINT fails on it.",
                    e.message());
        }
    }

    @Test
    void a_constraint_drop_on_a_table_without_it_still_fails_with_42704() throws Exception {
        rev("018", null, "pass").rev("019", "018", "op.drop_constraint(\"ck_configs_a\", \"configs\")");
        table("configs", "id", "a");
        stamped = List.of("018");
        Entry e = entry(plan(), "019");
        assertEquals(Status.FAILS, e.status(), e.toString());
        assertEquals("42704", e.sqlstate(), e.toString());
    }

    @Test
    void a_constraint_postgresql_named_itself_is_not_claimed_missing() throws Exception {
        rev("018", null, """
                op.create_table("players", sa.Column("id", sa.Integer(), primary_key=True),
                                sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id")))
                """).rev("019", "018", "op.drop_constraint(\"players_team_id_fkey\", \"players\", type_=\"foreignkey\")");
        table("teams", "id");
        Entry e = entry(plan(), "019");
        assertEquals(Status.UNKNOWN, e.status(), e.toString());
    }

    private static final String ORDERS = "op.create_table(\"orders\", sa.Column(\"id\", sa.Integer(), primary_key=True),"
            + " sa.Column(\"code\", sa.String(32), nullable=False), sa.Column(\"total\", sa.Numeric(10, 2)),"
            + " sa.Column(\"placed_at\", sa.DateTime(timezone=True)), sa.Column(\"tags\", postgresql.ARRAY(sa.Text())),"
            + " sa.Column(\"ref\", postgresql.UUID(as_uuid=True)), sa.Column(\"note\", MyType()))";

    @Test
    void columns_with_lengths_precision_and_time_zones_match_what_postgresql_stores() throws Exception {
        rev("001", null, "pass").rev("002", "001", ORDERS.replace("postgresql.", "sa.dialects.postgresql."));
        typed("orders", "id:integer", "code:character varying(32)", "total:numeric(10,2)",
                "placed_at:timestamp with time zone", "tags:text[]", "ref:uuid", "note:character varying(3)");
        stamped = List.of("001");
        Entry e = entry(plan(), "002");
        assertEquals(Status.FAILS, e.status());
        assertEquals("42P07", e.sqlstate());
        assertTrue(e.help().contains("`alembic stamp 002` is safe"), e.help());
        assertTrue(!e.help().contains("different"), e.help());
    }

    @Test
    void a_column_of_another_length_is_there_but_different() throws Exception {
        rev("001", null, "pass").rev("002", "001", ORDERS.replace("postgresql.", "sa.dialects.postgresql."));
        typed("orders", "id:integer", "code:character varying(64)", "total:numeric(12,2)",
                "placed_at:timestamp without time zone", "tags:text[]", "ref:uuid", "note:text");
        stamped = List.of("001");
        Entry e = entry(plan(), "002");
        assertTrue(e.help().contains("there but different: column orders.code is character varying(64), the revision"
                + " makes it character varying(32), column orders.total is numeric(12,2), the revision makes it"
                + " numeric(10,2), column orders.placed_at is timestamp without time zone, the revision makes it"
                + " timestamp with time zone;"), e.help());
        assertTrue(!e.help().contains("orders.note is"), "an unknown type is never different: " + e.help());
        assertTrue(!e.help().contains("is safe"), e.help());
    }

    @Test
    void a_using_cast_of_a_column_already_retyped_fails_42846_and_reads_the_type_the_statement_starts_with()
            throws Exception {
        String fix = "op.execute(\"ALTER TABLE tickets ALTER COLUMN external_id TYPE bigint USING external_id::bigint,"
                + " ALTER COLUMN meta TYPE jsonb USING external_id::jsonb\")";
        rev("001", null, "pass").rev("002", "001", fix);
        stamped = List.of("001");
        // the schema the first run left, 002 not stamped: external_id is a bigint, which has no cast to jsonb
        typed("tickets", "id:integer", "external_id:bigint", "meta:jsonb");
        Plan p = plan();
        Entry e = entry(p, "002");
        assertEquals(Status.FAILS, e.status());
        assertEquals("42846", e.sqlstate(), e.message());
        assertTrue(e.message().contains("column tickets.external_id"), e.message());
        // before the first run external_id is text: the cast in the second action sees text, not the bigint the
        // first action makes
        relations.clear();
        columns.clear();
        constraints.clear();
        typed("tickets", "id:integer", "external_id:text", "meta:json");
        assertNull(plan().firstFailure(), () -> String.valueOf(plan().firstFailure()));
    }

    @Test
    void a_type_a_later_revision_changes_is_not_a_difference() throws Exception {
        rev("001", null, "pass").rev("002", "001", ORDERS.replace("postgresql.", "sa.dialects.postgresql."))
                .rev("003", "002", "op.alter_column(\"orders\", \"code\", type_=sa.String(64))");
        typed("orders", "id:integer", "code:character varying(64)", "total:numeric(10,2)",
                "placed_at:timestamp with time zone", "tags:text[]", "ref:uuid", "note:text");
        stamped = List.of("001");
        Entry e = entry(plan(), "002");
        assertTrue(e.help().contains("`alembic stamp 002` is safe"), e.help());
    }

    @Test
    void a_later_failure_never_advises_upgrading_to_a_parent_that_fails_first() throws Exception {
        rev("001", null, "pass")
                .rev("002", "001", "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer(), primary_key=True))")
                .rev("003", "002", "op.create_table(\"venues\", sa.Column(\"id\", sa.Integer(), primary_key=True))")
                .rev("004", "003", "op.add_column(\"teams\", sa.Column(\"city\", sa.String(80)))");
        typed("teams", "id:integer", "city:character varying(80)");
        stamped = List.of("001");
        Plan p = plan();
        Entry first = entry(p, "002");
        assertEquals(Status.FAILS, first.status());
        assertTrue(first.help().contains("`alembic stamp 002` is safe"), first.help());
        Entry later = entry(p, "004");
        assertEquals(Status.FAILS, later.status());
        assertTrue(!later.help().contains("alembic upgrade 003"), later.help());
        assertTrue(later.help().contains("002 fails first"), later.help());
        assertTrue(later.help().contains("`alembic stamp 004` is safe in its place"), later.help());
    }

    @Test
    void a_missing_table_names_the_revision_that_creates_it() throws Exception {
        rev("001", null, "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer(), primary_key=True))")
                .rev("002", "001", "op.add_column(\"teams\", sa.Column(\"city\", sa.String(80)))");
        stamped = List.of("001");
        Entry e = entry(plan(), "002");
        assertEquals("42P01", e.sqlstate());
        assertTrue(e.help().startsWith("Table teams is created by 001 (versions/001.py), which alembic_version says 001"
                + " has run: the schema is behind the stamp"), e.help());

        revisions.clear();
        rev("001", null, "op.add_column(\"teams\", sa.Column(\"city\", sa.String(80)))")
                .rev("002", "001", "op.create_table(\"teams\", sa.Column(\"id\", sa.Integer(), primary_key=True))");
        stamped = List.of();
        Entry early = entry(plan(), "001");
        assertTrue(early.help().contains("created by 002 (versions/002.py), which comes after 001"), early.help());
    }

    @Test
    void several_heads_fail_alembic_upgrade_head_and_heads_is_planned_on_request() throws Exception {
        rev("001", null, "pass").rev("002a", "001", "pass").rev("002b", "001", "pass");
        stamped = List.of("001");
        Plan p = plan();
        assertEquals("alembic upgrade head", p.command());
        Entry head = p.firstFailure();
        assertEquals("head", head.revision());
        assertTrue(head.message().contains("Multiple head revisions are present for given argument 'head'"),
                head.message());
        assertEquals("default: head", p.commandFrom());
        allHeads = true;
        Plan heads = plan();
        assertEquals("alembic upgrade heads", heads.command());
        assertEquals("--heads", heads.commandFrom());
        assertNull(heads.firstFailure());
        assertTrue(heads.notes().get(0).contains("2 heads"), heads.notes().toString());
    }

    @Test
    void the_deploy_command_read_from_the_project_is_planned_and_named() throws Exception {
        rev("001", null, "pass").rev("002a", "001", "pass").rev("002b", "001", "pass");
        stamped = List.of("001");
        upgrade = new UpgradeCommand(true, "docker-compose.yml:4 (alembic upgrade heads)");
        Plan heads = plan();
        assertEquals("alembic upgrade heads", heads.command());
        assertEquals("docker-compose.yml:4 (alembic upgrade heads)", heads.commandFrom());
        assertNull(heads.firstFailure());
        assertEquals(List.of("002a", "002b"), heads.pending().stream().map(Entry::revision).sorted().toList());
        assertTrue(heads.notes().get(0).contains("`alembic upgrade heads` (docker-compose.yml:4 (alembic upgrade heads))"
                + " applies them all"), heads.notes().toString());
        String text = dev.idemlint.report.PlanReporter.text(heads);
        assertTrue(text.contains("command   `alembic upgrade heads` (docker-compose.yml:4 (alembic upgrade heads))\n"),
                text);
        String json = dev.idemlint.report.PlanReporter.json(heads);
        assertTrue(json.contains("\"command_from\": \"docker-compose.yml:4 (alembic upgrade heads)\""), json);

        upgrade = new UpgradeCommand(false, "Dockerfile:9 (alembic upgrade head)");
        Plan head = plan();
        assertEquals("alembic upgrade head", head.command());
        Entry failure = head.firstFailure();
        assertEquals("head", failure.revision());
        assertTrue(failure.message().startsWith("`alembic upgrade head` (Dockerfile:9 (alembic upgrade head)) fails"
                + " before it runs anything"), failure.message());
        String headText = dev.idemlint.report.PlanReporter.text(head);
        assertTrue(headText.contains("command   `alembic upgrade head` (Dockerfile:9"), headText);
    }

    /** ironic-inspector's d00d6e3f38c4: a Float column read back through a lightweight table. */
    private static final String READ_BACK = "op.add_column(\"nodes\", sa.Column(\"temp_started_at\", sa.types.DateTime))\n"
            + "started_at = sa.Column(\"started_at\", sa.types.Float, nullable=True)\n"
            + "uuid = sa.Column(\"uuid\", sa.String(36), primary_key=True)\n"
            + "t = sa.table(\"nodes\", started_at, uuid)\n"
            + "conn = op.get_bind()\n"
            + "for row in conn.execute(sa.select([t.c.started_at, t.c.uuid])):\n"
            + "    pass\n"
            + "op.drop_column(\"nodes\", \"started_at\")\n"
            + "op.alter_column(\"nodes\", \"temp_started_at\", new_column_name=\"started_at\")";

    @Test
    void a_typed_read_of_a_column_of_another_family_is_unknown_and_offers_no_stamp() throws Exception {
        rev("001", null, "pass").rev("002", "001", READ_BACK)
                .rev("003", "002", "op.add_column(\"nodes\", sa.Column(\"finished\", sa.Boolean()))");
        typed("nodes", "uuid:character varying(36)", "started_at:timestamp without time zone", "finished:boolean");
        stamped = List.of("001");
        Plan p = plan();
        Entry e = entry(p, "002");
        assertEquals(Status.UNKNOWN, e.status(), e.message());
        assertNull(e.sqlstate());
        assertEquals(14, e.line(), "the select's line");
        assertTrue(e.message().contains("the code declares column nodes.started_at as double precision"
                + " (`sa.types.Float`), but it is timestamp without time zone on this database"), e.message());
        assertTrue(e.message().contains("InvalidRequestError (\"Unknown PG numeric type\")"), e.message());
        assertTrue(!e.help().contains("is safe"), e.help());
        // what 003 meets depends on whether 002 ran: no certain failure after it
        Entry later = entry(p, "003");
        assertEquals(Status.UNKNOWN, later.status());
        assertEquals("42701", later.sqlstate());
        assertNull(p.firstFailure());
    }

    @Test
    void a_typed_read_of_the_same_family_or_of_a_type_it_cannot_tell_stays_certain() throws Exception {
        rev("001", null, "pass").rev("002", "001", READ_BACK)
                .rev("003", "002", "op.add_column(\"nodes\", sa.Column(\"finished\", sa.Boolean()))");
        // numeric is what Float's processor reads too; a varchar of another length is still a string
        typed("nodes", "uuid:character varying(64)", "started_at:numeric(12,3)", "finished:boolean");
        stamped = List.of("001");
        Plan p = plan();
        assertEquals(Status.OK, entry(p, "002").status(), entry(p, "002").message());
        assertEquals("42701", p.firstFailure().sqlstate());
        assertEquals("003", p.firstFailure().revision());

        columns.replaceAll(c -> c.name().equals("started_at") ? new Catalog.Column("public", "nodes", "started_at",
                "\"Epoch\"", null, false) : c);
        assertEquals(Status.OK, entry(plan(), "002").status(), "a user type's family is not known: no claim");
    }

    @Test
    void a_typed_read_is_compared_with_the_type_the_walk_gave_the_column() throws Exception {
        // on an empty database the chain itself makes started_at a Float: the read matches
        rev("001", null, "op.create_table(\"nodes\", sa.Column(\"uuid\", sa.String(36), primary_key=True),"
                + " sa.Column(\"started_at\", sa.types.Float))").rev("002", "001", READ_BACK);
        Plan p = plan();
        assertEquals(Status.OK, entry(p, "001").status());
        assertEquals(Status.OK, entry(p, "002").status(), entry(p, "002").message());

        // a revision between them changes it to a date: the read no longer matches
        revisions.clear();
        rev("001", null, "op.create_table(\"nodes\", sa.Column(\"uuid\", sa.String(36), primary_key=True),"
                + " sa.Column(\"started_at\", sa.Date))").rev("002", "001", READ_BACK);
        Entry e = entry(plan(), "002");
        assertEquals(Status.UNKNOWN, e.status());
        assertTrue(e.message().contains("but it is date on this database"), e.message());
    }

    @Test
    void an_insert_declaring_a_column_of_another_family_is_unknown() throws Exception {
        rev("001", null, "pass").rev("002", "001", "plans = sa.table(\"plans\", sa.column(\"id\", sa.Integer),"
                + " sa.column(\"active\", sa.Boolean))\nop.bulk_insert(plans, [{\"id\": 1, \"active\": True}])");
        typed("plans", "id:integer", "active:character varying(5)");
        stamped = List.of("001");
        Entry e = entry(plan(), "002");
        assertEquals(Status.UNKNOWN, e.status());
        assertTrue(e.message().contains("column plans.active as boolean (`sa.Boolean`), but it is character varying(5)"
                + " on this database; SQLAlchemy processes the column's values by the declared type"), e.message());
    }
}
