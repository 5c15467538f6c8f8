package dev.idemlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guard on a check constraint's name as written is no guard only where the project's naming convention is
 * known to make another name (fixture add-constraint-not-idempotent/guard_on_name_as_written, proved on
 * PostgreSQL): without env.py, or with a convention that cannot be read, it stays a guard.
 */
class GuardOnConventionNameTest {
    private static final String REVISION = """
            import sqlalchemy as sa
            from alembic import op

            revision = "001"
            down_revision = None


            def upgrade():
                existing = {c["name"] for c in sa.inspect(op.get_bind()).get_check_constraints("bindings")}
                if "ck_bindings_valid" not in existing:
                    op.create_check_constraint("ck_bindings_valid", "bindings", "n > 0")
            """;

    private static List<String> findings(Path root, String envPy) throws IOException {
        Path versions = Files.createDirectories(root.resolve("versions"));
        Path f = versions.resolve("001_x.py");
        Files.writeString(f, REVISION);
        Files.writeString(root.resolve("alembic.ini"), "[alembic]\nscript_location = %(here)s\n");
        if (envPy != null) {
            Files.writeString(root.resolve("env.py"), envPy);
        }
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        RuleCatalog catalog = RuleCatalog.load(names);
        Linter linter = new Linter(Registry.all(), catalog);
        // the locks category is left out: "bindings" is no revision's table, so a CHECK added to it is also a lock finding
        return linter.lint(new LintTarget(root, versions, List.of(f), Settings.DEFAULT), p -> p.getFileName().toString())
                .diagnostics().stream().map(d -> d.rule()).filter(r -> !"locks".equals(catalog.doc(r).category()))
                .toList();
    }

    @Test
    void a_convention_that_makes_another_name_leaves_the_create_unguarded(@TempDir Path tmp) throws IOException {
        assertEquals(List.of("add-constraint-not-idempotent"), findings(tmp, """
                import sqlalchemy as sa
                target_metadata = sa.MetaData(naming_convention={"ck": "ck_%(table_name)s_%(constraint_name)s"})
                """));
    }

    @Test
    void without_a_convention_the_guard_checks_the_name_made(@TempDir Path tmp) throws IOException {
        assertEquals(List.of(), findings(tmp, null));
    }

    @Test
    void a_convention_not_read_keeps_the_guard(@TempDir Path tmp) throws IOException {
        assertEquals(List.of(), findings(tmp, """
                from sqlalchemy import MetaData
                from app.conventions import CONVENTION
                target_metadata = MetaData(naming_convention=CONVENTION)
                """));
    }
}
