package dev.idemlint.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.RealSources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs discovery on real projects as their users lint them, from the project's package root: the Debian 12
 * packages pinned in {@code ecosystem/real-sources.pins} ({@link RealSources}; fetched into a cache outside
 * the repository, a missing source fails under {@code IDEMLINT_PG_REQUIRED=1}). Each root must yield exactly
 * the versions directories the package ships, each with the number of revision files in it (counted with
 * {@code find DIR -maxdepth 1 -name '*.py' ! -name __init__.py} on the extracted package), and exactly the
 * input problems listed.
 */
class RealReposDiscoveryTest {

    /** One project: the package, its root below dist-packages, versions dir to revisions, problems. */
    record Project(String pkg, String root, Map<String, Integer> versions, List<String> problems) {
    }

    static final List<Project> PROJECTS = List.of(
            new Project("python3-ironic-inspector", "ironic_inspector", Map.of("migrations/versions", 10), List.of()),
            new Project("python3-cloudkitty", "cloudkitty", Map.of(
                    "db/sqlalchemy/alembic/versions", 3,
                    "rating/hash/db/sqlalchemy/alembic/versions", 10,
                    "rating/pyscripts/db/sqlalchemy/alembic/versions", 2,
                    "storage/v1/hybrid/alembic/versions", 1,
                    "storage/v1/sqlalchemy/alembic/versions", 4,
                    "storage_state/alembic/versions", 6),
                    // the sub-chains' shared env.py sits beside an alembic.ini whose script_location has no versions
                    List.of("warning: common/db/alembic/alembic.ini:5: versions directory not found: common/db/alembic/versions")),
            new Project("python3-designate", "designate", Map.of("storage/impl_sqlalchemy/alembic/versions", 15), List.of()),
            new Project("python3-magnum", "magnum", Map.of("db/sqlalchemy/alembic/versions", 74), List.of()),
            new Project("python3-manila", "manila", Map.of("db/migrations/alembic/versions", 60), List.of()),
            new Project("python3-placement", "placement", Map.of("db/sqlalchemy/alembic/versions", 4), List.of()),
            new Project("python3-barbican", "barbican", Map.of("model/migration/alembic_migrations/versions", 3),
                    List.of()),
            new Project("buildbot", "buildbot", Map.of("db/migrations/versions", 1), List.of()),
            new Project("python3-slidge", "slidge", Map.of("db/alembic/versions", 18), List.of()),
            // its alembic.ini is a template (script_location = {alembic_dir}) the application fills in
            new Project("jupyterhub", "jupyterhub", Map.of("alembic/versions", 12), List.of()));

    /**
     * Pinned packages that ship no chain, there for a chain's imports (slidge's models import slixmpp, JupyterHub's
     * tornado and async_generator).
     */
    static final List<String> IMPORTED_ONLY = List.of("python3-slixmpp", "python3-tornado", "python3-async-generator");

    @TestFactory
    Stream<DynamicTest> every_real_project_root_yields_the_versions_dirs_its_package_ships() {
        return PROJECTS.stream().map(p -> DynamicTest.dynamicTest(p.pkg(), () -> check(p)));
    }

    private static void check(Project p) {
        Path root = RealSources.pythonPackages(p.pkg()).resolve(p.root());
        Discovery.Result r = new Discovery().discover(List.of(root));
        String prefix = root.toString() + "/";
        assertEquals(p.problems(), r.problems().stream().map(InputProblem::render).map(s -> s.replace(prefix, ""))
                .toList());
        Map<String, Integer> found = new TreeMap<>();
        for (LintTarget t : r.targets()) {
            found.put(root.relativize(t.versionsDir()).toString(),
                    (int) t.files().stream().filter(Discovery::isRevisionFile).count());
        }
        assertEquals(new TreeMap<>(p.versions()), found);
    }

    @Test
    void every_pinned_package_is_checked() {
        assertEquals(RealSources.pins().stream().map(RealSources.Pin::pkg).filter(p -> !IMPORTED_ONLY.contains(p))
                .sorted().toList(), PROJECTS.stream().map(Project::pkg).sorted().toList());
    }
}
