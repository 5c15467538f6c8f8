package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision that surely fails on its first run gets no re-run claims for statements the re-run never meets.
 * The {@code locks} rules are left out: they warn about a statement's lock whether or not its revision runs again.
 */
class FirstRunFailureTest {

    private static final String BASE = """
            import sqlalchemy as sa
            from alembic import op

            revision = "001"
            down_revision = None


            def upgrade():
                op.create_table(
                    "hosts",
                    sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("ip", sa.String(64)),
                    sa.UniqueConstraint("ip", name="uq_hosts_ip"),
                )
            """;

    private static final String FAILING = """
            import sqlalchemy as sa
            from alembic import op

            revision = "002"
            down_revision = "001"


            def upgrade():
                op.add_column("hosts", sa.Column("zone", sa.String(64)))
                op.drop_index("uq_hosts_ip", table_name="hosts")
                op.create_index("ix_hosts_zone", "hosts", ["zone"])
            """;

    @Test
    void on_postgresql_only_the_first_run_failure_is_reported_in_its_revision(@TempDir Path dir) throws IOException {
        List<String> found = findingsIn002(dir, Settings.DEFAULT);
        assertEquals(List.of("10 drop-index-of-constraint"), found);
    }

    @Test
    void without_the_failure_the_same_statements_get_their_re_run_claims(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("001_base.py"), BASE.replace(
                "sa.UniqueConstraint(\"ip\", name=\"uq_hosts_ip\")", "sa.Column(\"other\", sa.Integer())"));
        List<String> found = findingsIn002(dir, Settings.DEFAULT);
        assertEquals(List.of("9 add-column-not-idempotent", "10 drop-not-idempotent", "11 create-index-not-idempotent"),
                found);
    }

    @Test
    void on_mysql_the_drop_works_and_every_re_run_claim_stands(@TempDir Path dir) throws IOException {
        List<String> found = findingsIn002(dir, Settings.DEFAULT.withDialect(Dialect.parse("mysql")));
        assertEquals(List.of("9 add-column-not-idempotent", "10 drop-not-idempotent", "11 create-index-not-idempotent"),
                found);
    }

    /** "line rule" of each finding in 002, in order. */
    private static List<String> findingsIn002(Path dir, Settings settings) throws IOException {
        if (!Files.exists(dir.resolve("001_base.py"))) {
            Files.writeString(dir.resolve("001_base.py"), BASE);
        }
        Path failing = Files.writeString(dir.resolve("002_failing.py"), FAILING);
        // the claims about runs, not the lock warnings, which a statement gets whether or not its revision re-runs
        List<Rule> rules = new ArrayList<>(Registry.all().stream()
                .filter(r -> !r.getClass().getPackageName().endsWith(".locks")).toList());
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        rules.forEach(r -> names.add(r.name()));
        Linter linter = new Linter(rules, RuleCatalog.load(names));
        List<Path> files = List.of(dir.resolve("001_base.py"), failing);
        return linter.lint(new LintTarget(dir, dir, files, settings), p -> p.getFileName().toString()).diagnostics()
                .stream().filter(d -> d.file().path().equals(failing)).map(d -> d.line() + " " + d.rule()).toList();
    }
}
