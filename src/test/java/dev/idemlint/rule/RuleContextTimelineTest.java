package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.idemlint.discovery.Settings;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.MigrationReader;
import dev.idemlint.python.PythonParser;
import dev.idemlint.schema.SchemaTimeline;
import dev.idemlint.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A run's project rules are handed one schema timeline by their contexts, built once. */
class RuleContextTimelineTest {
    private static Migration revision(String id, String down, String body) throws Exception {
        String text = "import sqlalchemy as sa\nfrom alembic import op\n\nrevision = \"" + id + "\"\ndown_revision = "
                + (down == null ? "None" : "\"" + down + "\"") + "\n\n\ndef upgrade():\n    " + body + "\n";
        SourceFile f = SourceFile.of(Path.of("/versions", id + ".py"), "versions/" + id + ".py", text);
        return new MigrationReader().read(new PythonParser().parse(f));
    }

    private static RuleContext context() {
        return RuleContext.into(Settings.DEFAULT, RuleCatalog.load(List.of()), new ArrayList<>());
    }

    @Test
    void rules_asking_at_once_share_one_build() throws Exception {
        List<Migration> ms = List.of(revision("001", null, "op.create_table(\"t\", sa.Column(\"id\", sa.Integer()))"),
                revision("002", "001", "pass"));
        FutureTask<SchemaTimeline> build = RuleContext.timelineBuild(RevisionGraph.build(ms), Map.of(), context().facts());
        List<SchemaTimeline> got = IntStream.range(0, 16).parallel().mapToObj(i -> {
            RuleContext ctx = context();
            ctx.timeline(build, null);
            return ctx.timeline();
        }).toList();
        for (SchemaTimeline t : got) {
            assertSame(got.get(0), t);
        }
        // table t, then its column id, both made by 001
        assertEquals(List.of("t", "id"), got.get(0).creations().stream().map(c -> c.key().name().name()).toList());
        assertSame(ms.get(0), got.get(0).creations().get(0).migration());
    }

    @Test
    void a_context_the_engine_gave_no_tree_has_no_timeline() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> context().timeline());
        assertEquals("no schema timeline: only a project rule checking a versions tree has one", e.getMessage());
    }
}
