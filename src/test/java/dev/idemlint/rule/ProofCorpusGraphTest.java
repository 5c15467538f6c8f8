package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chains of the PostgreSQL proof corpus must be sound revision graphs, or the proof measures
 * Alembic's handling of a broken graph instead of the rules (a duplicate id once slipped in).
 */
class ProofCorpusGraphTest {
    static final Set<String> BROKEN_GRAPH = Set.of("duplicate-revision-id", "missing-down-revision", "revision-cycle",
            "duplicate-branch-label", "parse-error");

    @Test
    void every_proof_chain_is_a_sound_revision_graph() throws IOException {
        Path proof = Path.of(System.getProperty("idemlint.root", ".")).resolve("src/test/resources/proof");
        try (Stream<Path> chains = Files.list(proof)) {
            for (Path chain : chains.filter(Files::isDirectory).sorted().toList()) {
                Path versions = chain.resolve("versions");
                List<Path> files;
                try (Stream<Path> s = Files.list(versions)) {
                    files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
                }
                LintResult r = BadInputTest.lint(versions, files);
                List<String> broken = r.diagnostics().stream().filter(d -> BROKEN_GRAPH.contains(d.rule()))
                        .map(d -> d.file().displayPath() + ": " + d.rule()).toList();
                assertEquals(List.of(), broken, chain.getFileName().toString());
            }
        }
    }
}
