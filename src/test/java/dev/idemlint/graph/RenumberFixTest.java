package dev.idemlint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Migration;
import dev.idemlint.rule.Diagnostic;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The proof: renumbering the seed-000 reproduction leaves one head and schema code unchanged. */
class RenumberFixTest {
    private static final Pattern METADATA = Pattern.compile(
            "^(revision|down_revision)\\s*(:[^=]+)?=.*$|^(Revision ID|Revises):.*$");

    @Test
    void renumber_fix_yields_a_single_head_with_schema_code_unchanged() {
        Path versions = RevisionGraphTest.FIXTURES.resolve("duplicate-revision-id/seed000_duplicate_040/versions");
        List<Migration> before = HeaderReader.dir(versions);
        Map<Path, String> files = new LinkedHashMap<>();
        before.forEach(m -> files.put(m.source().path(), m.source().text()));

        List<Diagnostic> ds = Lint.run(Lint.rule("duplicate-revision-id"), before);
        Diagnostic withFix = ds.stream().filter(d -> !d.fixes().isEmpty()).findFirst().orElseThrow();
        Map<Path, String> after = Lint.apply(files, withFix.fixes().get(0));

        Path oldPath = versions.resolve("040_add_jersey_public_orders.py");
        Path newPath = versions.resolve("043_add_jersey_public_orders.py");
        assertTrue(after.containsKey(newPath), after.keySet().toString());
        assertTrue(!after.containsKey(oldPath));

        RevisionGraph g = RevisionGraph.build(Lint.migrations(after));
        assertEquals(List.of("043"), g.heads());
        assertTrue(g.duplicates().isEmpty());
        assertEquals(List.of("042"), g.parents("043"));
        assertEquals(List.of("039", "040", "041", "042", "043"),
                g.topologicalOrder().stream().map(m -> m.header().revisionId()).toList());
        assertTrue(Lint.run(Lint.rule("duplicate-revision-id"), Lint.migrations(after)).isEmpty());
        assertTrue(Lint.run(Lint.rule("docstring-header-mismatch"), Lint.migrations(after)).isEmpty());
        assertTrue(Lint.run(Lint.rule("filename-revision-mismatch"), Lint.migrations(after)).isEmpty());

        String fixed = after.get(newPath);
        assertTrue(fixed.contains("revision = \"043\"  # expect: duplicate-revision-id\ndown_revision = \"042\"\n"), fixed);
        assertTrue(fixed.contains("Revision ID: 043\nRevises: 042\n"), fixed);
        assertEquals(withoutMetadata(files.get(oldPath)), withoutMetadata(fixed));
        // Every other file is byte-identical.
        files.forEach((p, text) -> {
            if (!p.equals(oldPath)) {
                assertEquals(text, after.get(p), p.toString());
            }
        });
    }

    private static String withoutMetadata(String text) {
        return text.lines().filter(l -> !METADATA.matcher(l).matches()).collect(Collectors.joining("\n"));
    }
}
