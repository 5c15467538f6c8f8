package dev.idemlint.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.db.Catalog;
import dev.idemlint.db.LiveSession;
import dev.idemlint.discovery.Discovery;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.rule.LintResult;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.Rule;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockCostsTest {
    private static final RuleCatalog CATALOG = RuleCatalog.load(Registry.all().stream().map(Rule::name).toList());
    private static final Set<String> LOCK_RULES = Registry.all().stream().map(Rule::name)
            .filter(n -> "locks".equals(CATALOG.doc(n).category())).collect(Collectors.toSet());

    @Test
    void every_rule_plan_reads_is_a_locks_rule() {
        for (String name : LockCosts.RULE_KINDS.keySet()) {
            assertTrue(LOCK_RULES.contains(name), name);
        }
        for (String name : LockCosts.ABOUT_TRANSACTIONS) {
            assertTrue(LOCK_RULES.contains(name), name);
        }
    }

    /** The sizes the fake session answers, by schema-qualified name; the tables asked about, in order. */
    private final Map<String, LiveSession.TableSize> sizes = Map.of(
            "public.events", new LiveSession.TableSize("public.events", 44_023_414_784L, 310_000_000L),
            "billing.invoices", new LiveSession.TableSize("billing.invoices", 8192, null));
    private final List<String> asked = new ArrayList<>();

    private Plan plan(Path project, String revision, LiveSession.StartSetting session, String env) throws IOException {
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = alembic\n");
        Path versions = Files.createDirectories(project.resolve("alembic/versions"));
        Files.writeString(project.resolve("alembic/env.py"), env);
        Files.writeString(versions.resolve("001_base.py"), "from alembic import op\nimport sqlalchemy as sa\n\n"
                + "revision = \"001\"\ndown_revision = None\n\n\ndef upgrade():\n"
                + "    op.create_table(\"events\", sa.Column(\"id\", sa.Integer()), sa.Column(\"amount\", sa.Integer()),"
                + " sa.Column(\"name\", sa.String(20)))\n"
                + "    op.execute(\"CREATE SCHEMA billing\")\n"
                + "    op.create_table(\"invoices\", sa.Column(\"id\", sa.Integer()), schema=\"billing\")\n"
                + "    op.create_index(\"ix_events_name\", \"events\", [\"name\"])\n");
        Files.writeString(versions.resolve("002_change.py"), "from alembic import op\nimport sqlalchemy as sa\n\n"
                + "revision = \"002\"\ndown_revision = \"001\"\n\n\ndef upgrade():\n" + revision.strip().indent(4));
        LintTarget target = new Discovery(Settings.DEFAULT).discover(List.of(project)).targets().get(0);
        List<Rule> rules = Registry.all().stream().filter(r -> LOCK_RULES.contains(r.name())).toList();
        LintResult read = new Linter(rules, CATALOG).lint(target, p -> p.toString());
        VersionsTree tree = read.trees().get(0);
        Catalog c = new Catalog("15.4", "public", List.of("public"), new Catalog.VersionTable(null, "alembic_version",
                "alembic_version", List.of("001")), List.of("public", "billing"),
                List.of(new Catalog.Relation("public", "events", 'r'), new Catalog.Relation("billing", "invoices", 'r')),
                List.of(new Catalog.Column("public", "events", "id", "integer", null, false),
                        new Catalog.Column("public", "events", "amount", "integer", null, false),
                        new Catalog.Column("public", "events", "name", "character varying(20)", null, false),
                        new Catalog.Column("billing", "invoices", "id", "integer", null, false)),
                List.of(new Catalog.Index("public", "ix_events_name", "events", false, List.of("name"))), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of("postgres"));
        Planner.RowProbe probe = new Planner.RowProbe() {
            @Override
            public Boolean hasRows(String schema, String table) {
                return true;
            }

            @Override
            public Boolean hasRow(String schema, String table, Map<String, String> values) {
                return null;
            }

            @Override
            public LiveSession.TableSize size(String schema, String table) {
                asked.add(schema + "." + table);
                return sizes.get(schema + "." + table);
            }
        };
        return Planner.plan(new Planner.Input(target.versionsDir(), tree.migrations(), tree.graph(), target.settings(),
                c, "postgresql://x@h/db", probe, null, UpgradeCommand.given(false), NamingConvention.unknown("not read"),
                List.of(), new Planner.LockFindings(read.diagnostics(), 15, session, null)));
    }

    @Test
    void each_blocking_lock_on_a_table_the_database_holds_is_read_with_what_the_rules_found(@TempDir Path project)
            throws IOException {
        Plan p = plan(project, """
                op.alter_column("events", "amount", type_=sa.BigInteger())
                op.alter_column("events", "name", type_=sa.String(40))
                op.create_table("fresh", sa.Column("id", sa.Integer()))
                op.create_index("ix_fresh", "fresh", ["id"])
                with op.get_context().autocommit_block():
                    op.create_index("ix_events_id", "events", ["id"], postgresql_concurrently=True)
                op.execute("SET lock_timeout = '5s'")
                op.create_index("ix_invoices_id", "invoices", ["id"], schema="billing")
                op.drop_index("ix_events_name")
                """, new LiveSession.StartSetting("0", "default"), "from alembic import context\n");
        List<Plan.Lock> taken = p.locks().taken();
        assertTrue(p.locks().read());
        assertEquals(List.of(9, 10, 16, 17), taken.stream().map(Plan.Lock::line).toList(), taken.toString());
        Plan.Lock rewrite = taken.get(0);
        assertEquals("public.events", rewrite.table());
        assertEquals(Plan.Work.REWRITE, rewrite.work());
        assertEquals("ACCESS EXCLUSIVE", rewrite.mode());
        assertEquals(44_023_414_784L, rewrite.bytes());
        assertEquals(310_000_000L, rewrite.rows());
        assertEquals("alter-column-type-rewrites-table", rewrite.rule());
        assertEquals(Boolean.FALSE, rewrite.lockTimeoutSet());
        // varchar(20) -> varchar(40) keeps the bytes: the lock, no rewrite, no rule
        assertEquals(Plan.Work.NONE, taken.get(1).work());
        assertNull(taken.get(1).rule());
        Plan.Lock index = taken.get(2);
        assertEquals("billing.invoices", index.table());
        assertEquals(Plan.Work.INDEX_BUILD, index.work());
        assertEquals(PostgresLocks.Mode.SHARE.sql(), index.mode());
        assertNull(index.rows(), "never analyzed");
        assertEquals(Boolean.TRUE, index.lockTimeoutSet());
        assertTrue(index.lockTimeoutFrom().startsWith("revision 002"), index.lockTimeoutFrom());
        // drop_index without its table: the table the catalog puts the index on, as the rule reads it from 001
        Plan.Lock drop = taken.get(3);
        assertEquals("public.events", drop.table());
        assertEquals("ACCESS EXCLUSIVE", drop.mode());
        assertEquals(Plan.Work.NONE, drop.work());
        assertEquals("drop-index-blocks-table", drop.rule());
        assertFalse(asked.contains("public.fresh"), "a table the upgrade creates is not asked about: " + asked);
        String text = dev.idemlint.report.PlanReporter.text(p);
        assertTrue(text.contains("rewrites public.events (41 GB, about 310,000,000 rows) under ACCESS EXCLUSIVE: every"
                + " read and write waits until the rewrite ends [alter-column-type-rewrites-table]"), text);
        assertTrue(text.contains("lock_timeout of a new session: 0, from default"), text);
    }

    @Test
    void a_lock_timeout_env_py_or_the_server_sets_bounds_every_wait(@TempDir Path project) throws IOException {
        String change = "op.alter_column(\"events\", \"amount\", type_=sa.BigInteger())";
        Plan byEnv = plan(project, change, new LiveSession.StartSetting("0", "default"),
                "from alembic import context\n\ndef run_migrations_online():\n"
                        + "    connection.exec_driver_sql(\"SET lock_timeout = '5s'\")\n");
        assertEquals("alembic/env.py:4", byEnv.locks().taken().get(0).lockTimeoutFrom());
        try (Stream<Path> files = Files.walk(project)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!f.equals(project)) {
                    Files.delete(f);
                }
            }
        }
        Plan byRole = plan(project, change, new LiveSession.StartSetting("3s", "user"), "from alembic import context\n");
        assertEquals(Boolean.TRUE, byRole.locks().taken().get(0).lockTimeoutSet());
        assertEquals("the server (lock_timeout = 3s, from user)", byRole.locks().taken().get(0).lockTimeoutFrom());
    }

    @Test
    void reads_the_server_major_and_the_url_lock_timeout() {
        assertEquals(15, Planner.LockFindings.serverMajor("15.18 (Debian 15.18-0+deb12u1)", 16));
        assertEquals(9, Planner.LockFindings.serverMajor("9.6.24", 16));
        assertEquals(16, Planner.LockFindings.serverMajor("beta", 16));
        assertTrue(Planner.LockFindings.sameFacts(13, 17));
        assertFalse(Planner.LockFindings.sameFacts(10, 15));
        assertEquals("5s", Planner.LockFindings.urlLockTimeout("-c lock_timeout=5s -c search_path=app"));
        assertNull(Planner.LockFindings.urlLockTimeout("-c statement_timeout=5s"));
    }
}
