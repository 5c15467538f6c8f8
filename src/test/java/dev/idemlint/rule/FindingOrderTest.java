package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The findings a helper's call holds are listed as the revision runs the helper's statements, whatever their
 * rules: the first names the statement PostgreSQL meets first on a re-run, and its SQLSTATE.
 */
class FindingOrderTest {

    @Test
    void an_enum_type_made_by_create_table_comes_before_the_index_after_it(@TempDir Path dir) throws IOException {
        // cloudify-manager 03ad040e6f78: the re-run fails on CREATE TYPE audit_operation (42710), not on the index
        Path file = Files.writeString(dir.resolve("001_a.py"), """
                from alembic import op
                import sqlalchemy as sa

                revision = "1"
                down_revision = None

                audit_operation = sa.Enum("create", "update", name="audit_operation")


                def upgrade():
                    _create_audit_log_table()


                def _create_audit_log_table():
                    op.create_table(
                        "audit_log",
                        sa.Column("id", sa.Integer(), primary_key=True),
                        sa.Column("operation", audit_operation, nullable=False),
                        sa.Column("created_at", sa.DateTime(), nullable=False),
                    )
                    op.create_index("audit_log_created_at_idx", "audit_log", ["created_at"])
                """);
        assertEquals(List.of("create-table-not-idempotent 42710", "create-index-not-idempotent 42P07"),
                rulesAndStates(lint(dir, file)));
    }

    @Test
    void a_nested_helper_defined_further_down_runs_where_it_is_called(@TempDir Path dir) throws IOException {
        // _index() runs first though its text comes after add_column's: run order, not rule name or offset
        Path file = Files.writeString(dir.resolve("001_a.py"), """
                from alembic import op
                import sqlalchemy as sa

                revision = "1"
                down_revision = None


                def upgrade():
                    _migrate()


                def _migrate():
                    _index()
                    op.add_column("accounts", sa.Column("nickname", sa.Text()))


                def _index():
                    op.create_index("ix_accounts_email", "accounts", ["email"])
                """);
        // "accounts" is no table the chain creates: the index build locks an existing one (create-index-blocks-writes)
        assertEquals(List.of("create-index-blocks-writes ?", "create-index-not-idempotent 42P07",
                "add-column-not-idempotent 42701"), rulesAndStates(lint(dir, file)));
    }

    private static List<String> rulesAndStates(List<Diagnostic> found) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : found) {
            java.util.regex.Matcher state = java.util.regex.Pattern.compile("\\(([0-9A-Z]{5})\\)").matcher(d.message());
            out.add(d.rule() + " " + (state.find() ? state.group(1) : "?"));
        }
        return out;
    }

    private static List<Diagnostic> lint(Path dir, Path file) {
        List<Rule> rules = new ArrayList<>(Registry.all());
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        rules.forEach(r -> names.add(r.name()));
        Linter linter = new Linter(rules, RuleCatalog.load(names));
        return linter.lint(new LintTarget(dir, dir, List.of(file), Settings.DEFAULT), p -> p.getFileName().toString())
                .diagnostics();
    }
}
