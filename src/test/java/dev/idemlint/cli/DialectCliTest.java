package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dialect} and the dialect read from the project, as the JSON and SARIF reports show them. */
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
