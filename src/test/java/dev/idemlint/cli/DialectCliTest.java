package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dialect} and the dialect read from the project, as the JSON and SARIF reports show them; a backend
 * idemlint does not model; a deploy that upgrades {@code heads}.
 */
class DialectCliTest {
    @TempDir
    Path dir;

    private Path project(String url) throws IOException {
        Path versions = Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(dir.resolve("migrations/env.py"), "from alembic import context\n");
        Files.writeString(dir.resolve("alembic.ini"), "[alembic]\nscript_location = migrations\n"
                + (url == null ? "" : "sqlalchemy.url = " + url + "\n"));
        Files.writeString(versions.resolve("001_base.py"),
                "revision = \"001\"\ndown_revision = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n");
        return dir;
    }

    @Test
    void json_summary_names_the_dialect_read_from_sqlalchemy_url() throws IOException {
        CliRun.Result r = CliRun.run("lint", "--format", "json", project("mariadb+pymysql://u:pw@h/db").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"dialects\": [\"mariadb\"]"), r.out());
    }

    @Test
    void the_flag_wins_and_sarif_carries_it_in_the_run_properties() throws IOException {
        CliRun.Result r = CliRun.run("lint", "--format", "sarif", "--dialect", "mysql:8.0",
                project("postgresql://h/db").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().replaceAll("\\s+", "").contains("\"properties\":{\"dialects\":[\"mysql:8.0\"],\"dialectSources\":[\"--dialect(mysql:8.0)\"]}"), r.out());
    }

    @Test
    void a_project_without_a_url_is_postgresql() throws IOException {
        CliRun.Result r = CliRun.run("lint", "--format", "json", project(null).toString());
        assertTrue(r.out().contains("\"dialects\": [\"postgresql\"]"), r.out());
    }

    @Test
    void an_unknown_dialect_is_a_usage_error() throws IOException {
        CliRun.Result r = CliRun.run("lint", "--dialect", "oracle", project(null).toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("dialect must be postgresql, mysql or mariadb"), r.err());
    }

    @Test
    void a_tree_on_an_unmodelled_backend_gets_graph_rules_only_and_a_note() throws IOException {
        project(null);
        Files.writeString(dir.resolve("migrations/env.py"), "from alembic import context\n"
                + "engine = create_engine(\"mssql+pyodbc://app:hunter2@dsn\")\n");
        Path versions = dir.resolve("migrations/versions");
        for (String name : new String[] {"002_a.py", "002_b.py"}) {
            Files.writeString(versions.resolve(name), "from alembic import op\nimport sqlalchemy as sa\n\n"
                    + "revision = \"002\"\ndown_revision = \"001\"\n\n\ndef upgrade():\n"
                    + "    op.add_column(\"t\", sa.Column(\"c\", sa.Text()))\n\n\ndef downgrade():\n    pass\n");
        }
        CliRun.Result r = CliRun.run("lint", "--format", "json", dir.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("\"byRule\": {\"duplicate-revision-id\": 2}"), r.out());
        assertTrue(r.out().contains("\"dialects\": [\"mssql\"]"), r.out());
        assertTrue(r.err().contains("warning: ") && r.err().contains("backend mssql is not modelled (migrations/env.py:2:"
                + " create_engine(\"mssql+pyodbc://...\")); database rules skipped, graph rules still run"), r.err());
        assertTrue(!r.out().contains("hunter2") && !r.err().contains("hunter2"), r.err());
    }

    @Test
    void multiple_heads_is_a_note_when_the_deploy_upgrades_heads() throws IOException {
        project(null);
        Path versions = dir.resolve("migrations/versions");
        for (String id : new String[] {"002", "003"}) {
            Files.writeString(versions.resolve(id + "_x.py"), "revision = \"" + id + "\"\ndown_revision = \"001\"\n\n\n"
                    + "def upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n");
        }
        CliRun.Result head = CliRun.run("lint", "--format", "json", dir.toString());
        assertEquals(1, head.exit(), head.err());
        assertTrue(head.out().contains("\"errors\": 2"), head.out());
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  migrate:\n"
                + "    command: [\"alembic\", \"upgrade\", \"heads\"]\n");
        CliRun.Result heads = CliRun.run("lint", "--format", "json", dir.toString());
        assertEquals(0, heads.exit(), heads.err());
        assertTrue(heads.out().contains("\"errors\": 0") && heads.out().contains("\"infos\": 2"), heads.out());
        assertTrue(heads.out().contains("deploys with `alembic upgrade heads` (docker-compose.yml:3)"), heads.out());
    }

    @Test
    void json_summary_says_the_dialect_came_from_env_py_and_where() throws IOException {
        project(null);
        Files.writeString(dir.resolve("migrations/env.py"), "from alembic import context\n"
                + "engine = create_engine(\"mysql+pymysql://app:hunter2@db/app\")\n");
        CliRun.Result r = CliRun.run("lint", "--format", "json", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"dialects\": [\"mysql\"], \"dialectSources\": [\"migrations/env.py:2"
                + " (create_engine(\\\"mysql+pymysql://...\\\"))\"]"), r.out());
        assertTrue(!r.out().contains("hunter2"), r.out());
    }
}
