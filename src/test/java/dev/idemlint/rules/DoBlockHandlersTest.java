package dev.idemlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * The handler a do-block-wrong-exception fix extends is the one of the statement's own block, for
 * every statement of one literal (SqlRewriter reads the literal's tokens once for all of them): a
 * block's statements share its handler, a nested block without one has none, a nested block with
 * one uses its own.
 */
class DoBlockHandlersTest {
    @TempDir
    Path dir;

    private List<Diagnostic> lint(String sql) throws Exception {
        Path f = dir.resolve("001_do.py");
        Files.writeString(f, "from alembic import op\n\nrevision = '1'\ndown_revision = None\n\n\n"
                + "def upgrade():\n    op.execute(\n        \"\"\"\n" + sql + "        \"\"\"\n    )\n");
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        Linter linter = new Linter(Registry.all(), RuleCatalog.load(names));
        return linter.lint(new LintTarget(dir, dir, List.of(f), Settings.DEFAULT), p -> p.getFileName().toString())
                .diagnostics().stream().filter(d -> d.rule().equals("do-block-wrong-exception")).toList();
    }

    private static String safeInsert(Diagnostic d) {
        for (Fix fix : d.fixes()) {
            if (fix.applicability() == Applicability.SAFE && fix.edits().size() == 1) {
                return fix.edits().get(0).range().start() + ":" + fix.edits().get(0).replacement();
            }
        }
        return null;
    }

    @Test
    void each_statement_gets_the_handler_of_its_own_block() throws Exception {
        int n = 300;
        StringBuilder sql = new StringBuilder("        DO $$ BEGIN\n");
        for (int i = 0; i < n; i++) {
            sql.append("            CREATE INDEX ix_").append(i).append(" ON t (c").append(i).append(");\n");
        }
        sql.append("            BEGIN\n                CREATE INDEX ix_inner ON t (d);\n")
                .append("            EXCEPTION WHEN undefined_table THEN null;\n            END;\n")
                .append("            BEGIN\n                CREATE INDEX ix_bare ON t (e);\n            END;\n")
                .append("        EXCEPTION WHEN duplicate_object THEN null;\n        END $$;\n");
        List<Diagnostic> found = lint(sql.toString());
        String text = Files.readString(dir.resolve("001_do.py"));
        int outer = text.indexOf("WHEN duplicate_object") + "WHEN duplicate_object".length();
        int inner = text.indexOf("WHEN undefined_table") + "WHEN undefined_table".length();
        List<String> outerFixes = found.stream().map(DoBlockHandlersTest::safeInsert)
                .filter(s -> s != null && s.startsWith(outer + ":")).toList();
        assertEquals(n, outerFixes.size(), found.size() + " findings");
        assertTrue(outerFixes.stream().allMatch(s -> s.equals(outer + ": OR duplicate_table")), outerFixes.get(0));
        assertTrue(found.stream().map(DoBlockHandlersTest::safeInsert).anyMatch(s -> (inner + ":").equals(
                s == null ? null : s.substring(0, s.indexOf(':') + 1))), "the nested handler: " + found);
    }
}
