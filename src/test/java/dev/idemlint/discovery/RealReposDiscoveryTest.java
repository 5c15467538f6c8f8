package dev.idemlint.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs discovery on the real-repo corpus in /tmp/realrepos (extracted outside the repository;
 * skipped when absent) and checks each repo yields the versions dirs and revision counts its
 * INDEX.md lists, and the pins the README figures rely on.
 */
class RealReposDiscoveryTest {
    private static final Path CORPUS = Path.of("/tmp/realrepos");

    // alembic / SQLAlchemy per versions dir, as INDEX.md states them (lower bound for ranges)
    private static final Map<String, String> PINS = Map.ofEntries(
            Map.entry("CTFd__CTFd/migrations/versions", "1.16.4/1.4.54"),
            Map.entry("getredash__redash/migrations/versions", "1.14.1/1.3.24"),
            Map.entry("fastapi__full-stack-fastapi-template/backend/app/alembic/versions", "1.18.5/2.0.51"),
            Map.entry("jupyterhub__jupyterhub/jupyterhub/alembic/versions", "1.4/1.4.1"),
            Map.entry("Mailu__Mailu/core/admin/migrations/versions", "1.13.1/2.0.30"),
            Map.entry("mlrun__mlrun/server/api/migrations/versions", "1.9/1.4"),
            Map.entry("polarsource__polar/server/migrations/versions", "1.19.1/2.0.52"),
            Map.entry("pgadmin-org__pgadmin4/web/migrations/versions", "latest/2"),
            Map.entry("Netflix__lemur/lemur/migrations/versions", "1.14.1/1.3.24"),
            Map.entry("freedomofpress__securedrop/securedrop/alembic/versions", "1.1.0/1.3.3"),
            Map.entry("CERT-Polska__mwdb-core/mwdb/model/migrations/versions", "1.14.0/1.4.54"),
            Map.entry("openstack__octavia/octavia/db/migration/alembic_migrations/versions", "0.9.6/1.2.19"),
            Map.entry("openstack__ironic/ironic/db/sqlalchemy/alembic/versions", "1.4.2/1.4.0"),
            Map.entry("hypothesis__h/h/migrations/versions", "1.16.2/2.0.25"),
            Map.entry("LAION-AI__Open-Assistant/backend/alembic/versions", "1.8.1/1.4.41"),
            Map.entry("LAION-AI__Open-Assistant/inference/server/alembic/versions", "latest/latest"),
            Map.entry("openstack__neutron/neutron/db/migration/alembic_migrations/versions", "1.18.1/1.4.23"));

    /** One INDEX.md row: repo folder, expected versions dirs, expected revision count. */
    record Row(String folder, List<String> dirs, int revisions) {
    }

    @TestFactory
    Stream<DynamicTest> every_corpus_repo_yields_its_indexed_versions_dirs() throws IOException {
        Path index = CORPUS.resolve("INDEX.md");
        Assumptions.assumeTrue(Files.isRegularFile(index), "no corpus at " + CORPUS);
        List<Row> rows = rows(Files.readAllLines(index));
        Assumptions.assumeFalse(rows.isEmpty());
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.folder(), () -> check(row)));
    }

    private void check(Row row) {
        Path repo = CORPUS.resolve(row.folder());
        Assumptions.assumeTrue(Files.isDirectory(repo), "not extracted: " + repo);
        Discovery.Result r = new Discovery().discover(List.of(repo));
        assertEquals(List.of(), r.problems().stream().map(InputProblem::render).toList());
        TreeSet<String> found = new TreeSet<>();
        int revisions = 0;
        for (LintTarget t : r.targets()) {
            found.add(repo.relativize(t.versionsDir()).toString());
            revisions += (int) t.files().stream().filter(Discovery::isRevisionFile).count();
            String key = row.folder() + "/" + repo.relativize(t.versionsDir());
            String pins = PINS.get(key);
            if (pins != null) {
                assertEquals(pins, t.settings().alembic() + "/" + t.settings().sqlalchemy(), key + " " + t.provenance());
            }
        }
        assertEquals(new TreeSet<>(row.dirs()), found);
        assertEquals(row.revisions(), revisions);
    }

    /** Parses the corpus table: repo, commit, versions dir(s), #rev, ... */
    static List<Row> rows(List<String> lines) {
        List<Row> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("| ") || line.startsWith("| repo") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String repo = cells[1].trim().replaceAll("\\s*\\(.*\\)$", "");
            String dirsCell = cells[3].trim();
            if (dirsCell.equals("-") || !repo.contains("/")) {
                continue;
            }
            List<String> dirs = new ArrayList<>();
            for (String part : dirsCell.split(";")) {
                String d = part.trim();
                int brace = d.indexOf("/{");
                if (brace >= 0) {
                    d = d.substring(0, brace); // a nested tree: its versions root
                }
                d = d.replaceAll("\\s*\\(\\d+\\)$", "").trim();
                if (!d.isEmpty()) {
                    dirs.add(d);
                }
            }
            out.add(new Row(repo.replace("/", "__"), dirs, Integer.parseInt(cells[4].trim())));
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void the_index_parser_reads_nested_and_multi_tree_rows() {
        List<Row> rows = rows(List.of(
                "| CTFd/CTFd | 91c | migrations/versions (33); CTFd/plugins/dynamic_challenges/migrations (3) | 36 | x | y | z |",
                "| openstack/neutron (stretch) | 213 | neutron/db/versions/{liberty..newton}/{expand,contract}, {ocata}/expand | 132 | a | b | c |",
                "| apache/airflow (stretch) | - | - | 0 | - | - | x |"));
        assertEquals(List.of(
                new Row("CTFd__CTFd", List.of("migrations/versions", "CTFd/plugins/dynamic_challenges/migrations"), 36),
                new Row("openstack__neutron", List.of("neutron/db/versions"), 132)), rows);
    }
}
