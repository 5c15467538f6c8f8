package dev.idemlint.plan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.db.Catalog;
import dev.idemlint.discovery.Settings;
import dev.idemlint.discovery.Version;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.MigrationReader;
import dev.idemlint.python.PythonParser;
import dev.idemlint.report.PlanReporter;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.WorkflowCommands;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A revision id from a pull request, written with a Python {@code \n} escape, reaches plan's notes and
 * messages: the text report shows it on one line, escaped, and no line of it starts a GitHub workflow command.
 */
class PlanWorkflowCommandTest {
    private static final String FORGED = "b1\\n::stop-commands::tok";

    private static Migration rev(String file, String idLiteral, String down) throws Exception {
        String src = "revision = \"" + idLiteral + "\"\ndown_revision = " + (down == null ? "None" : "\"" + down + "\"")
                + "\n\n\ndef upgrade():\n    pass\n";
        SourceFile f = SourceFile.of(Path.of("/versions", file), "versions/" + file, src);
        return new MigrationReader().read(new PythonParser().parse(f)).withoutModule();
    }

    private static Plan plan(List<Migration> revisions, List<String> stamped) {
        Catalog c = new Catalog("15.18", "public", List.of("public"), new Catalog.VersionTable(null, "alembic_version",
                "alembic_version", stamped), List.of("public"), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of("postgres"));
        Planner.RowProbe probe = new Planner.RowProbe() {
            @Override
            public Boolean hasRows(String schema, String table) {
                return false;
            }

            @Override
            public Boolean hasRow(String schema, String table, Map<String, String> values) {
                return false;
            }
        };
        Settings pinned = Settings.DEFAULT.withAlembic(Version.parse("1.8.1")).withSqlalchemy(Version.parse("1.4.46"));
        return Planner.plan(new Planner.Input(Path.of("/versions"), revisions, RevisionGraph.build(revisions), pinned, c,
                "postgresql://x@h/db", probe, null, false));
    }

    @Test
    void a_revision_id_declared_twice_with_a_newline_does_not_start_a_workflow_command() throws Exception {
        List<Migration> revisions = new ArrayList<>(List.of(rev("a0.py", "a0", null), rev("b1.py", FORGED, "a0"),
                rev("b2.py", FORGED, "a0")));
        String out = PlanReporter.text(plan(revisions, List.of()));
        // the id holds '-' (in stop-commands), which Alembic refuses before it looks for duplicates
        assertTrue(out.contains("Revision id 'b1\\n::stop-commands::tok' holds '-'"), out);
        WorkflowCommands.assertInert("plan", out, false);
    }

    @Test
    void a_stamped_row_no_revision_declares_does_not_start_a_workflow_command() throws Exception {
        String out = PlanReporter.text(plan(List.of(rev("a0.py", "a0", null)),
                List.of("b1\n::stop-commands::tok", "##[add-mask]x\n  ::error::y")));
        assertTrue(out.contains("alembic_version holds 'b1\\n::stop-commands::tok'"), out);
        assertTrue(out.contains("note: alembic_version holds 2 rows (b1\\n::stop-commands::tok, #\\x23[add-mask]x\\n  ::error::y)"),
                out);
        WorkflowCommands.assertInert("plan", out, false);
    }
}
