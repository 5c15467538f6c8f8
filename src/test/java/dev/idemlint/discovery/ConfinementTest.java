package dev.idemlint.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outside the project is read unless the user named it: a pull request controls the files
 * (symlinks among them) and the alembic.ini, not the command line.
 */
class ConfinementTest {
    private static final String LINK_MESSAGE = "symbolic link to a path outside the project, not followed";

    @TempDir
    Path tmp;
    Path project;
    Layout p;
    Layout outside;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve(".git"));
        p = new Layout(project);
        outside = new Layout(tmp.resolve("outside"));
        outside.file(".env", "DATABASE_PASSWORD=hunter2\nrevision = 'x'\ndown_revision = None\n")
                .revision("versions/900_outside.py", "900", null);
        p.env("migrations").revision("migrations/versions/001_a.py", "001", null);
    }

    private static Discovery.Result discover(boolean replay, Path... inputs) {
        Discovery d = new Discovery();
        d.replayWalks = replay;
        return d.discover(List.of(inputs));
    }

    private static List<String> files(Discovery.Result r) {
        return r.targets().stream().flatMap(t -> t.files().stream()).map(f -> f.getFileName().toString()).toList();
    }

    @Test
    void a_revision_symlinked_out_of_the_project_is_not_read_and_fails_the_tree() throws IOException {
        Path link = Files.createSymbolicLink(p.path("migrations/versions/002_env.py"), outside.path(".env"));
        for (boolean replay : List.of(true, false)) {
            Discovery.Result r = discover(replay, project);
            assertEquals(List.of("001_a.py"), files(r));
            assertEquals(List.of(new InputProblem(link, 0, LINK_MESSAGE, false)), r.problems(), "replay " + replay);
        }
        // named as the tree, not the project: the same
        Discovery.Result r = discover(true, p.path("migrations/versions"));
        assertEquals(List.of("001_a.py"), files(r));
        assertEquals(List.of(new InputProblem(link, 0, LINK_MESSAGE, false)), r.problems());
    }

    @Test
    void a_folder_symlinked_out_of_a_versions_tree_is_not_walked() throws IOException {
        Path link = Files.createSymbolicLink(p.path("migrations/versions/release"), outside.path("versions"));
        Discovery.Result r = discover(true, project);
        assertEquals(List.of("001_a.py"), files(r));
        assertEquals(List.of(new InputProblem(link, 0, LINK_MESSAGE, false)), r.problems());
    }

    @Test
    void a_link_out_of_the_project_met_while_searching_is_a_warning() throws IOException {
        Path link = Files.createSymbolicLink(p.path("vendor"), tmp.resolve("outside"));
        Discovery.Result r = discover(true, project);
        assertEquals(List.of("001_a.py"), files(r), "the outside tree is not found through the link");
        assertEquals(List.of(new InputProblem(link, 0, LINK_MESSAGE, true)), r.problems());
        assertTrue(r.problems().get(0).render().startsWith("warning: "));
    }

    @Test
    void a_versions_folder_symlinked_out_of_the_project_finds_nothing_and_says_so() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.createDirectories(other.resolve(".git"));
        Layout o = new Layout(other).env("migrations");
        Path link = Files.createSymbolicLink(o.path("migrations/versions"), outside.path("versions"));
        Discovery.Result r = discover(true, other);
        assertEquals(List.of(), r.targets());
        assertEquals(List.of(new InputProblem(link, 0, LINK_MESSAGE, true),
                new InputProblem(other, "no Alembic versions directory found")), r.problems());
    }

    @Test
    void a_path_the_user_names_is_read_wherever_it_leads_with_follow_links_only() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.createDirectories(other.resolve(".git"));
        Layout o = new Layout(other).env("migrations");
        Path link = Files.createSymbolicLink(o.path("migrations/versions"), outside.path("versions"));
        Discovery.Result r = new Discovery().withFollowLinks(true).discover(List.of(o.path("migrations/versions")));
        assertEquals(List.of("900_outside.py"), files(r));
        assertEquals(List.of(), r.problems());
        // without it, a named link out of its project is refused like any other (a CI job names a pull request's files)
        Discovery.Result refused = discover(true, o.path("migrations/versions"));
        assertEquals(List.of(), files(refused));
        assertEquals(List.of(new InputProblem(link, 0, LINK_MESSAGE + " (--follow-links reads it)", false)),
                refused.problems());
        // and a link inside the project to a place inside it is followed as before
        Files.createSymbolicLink(p.path("migrations/versions/002_same.py"), p.path("migrations/versions/001_a.py"));
        assertEquals(List.of("001_a.py", "002_same.py"), files(discover(true, project)));
    }

    @Test
    void version_locations_climbing_out_of_the_project_are_a_warning_and_not_read() {
        p.ini("alembic.ini", "script_location = migrations\nversion_locations = ../outside/versions\n");
        Discovery.Result r = discover(true, project);
        // the layouts find the project's own tree; the outside one is not read
        assertEquals(List.of("001_a.py"), files(r));
        assertEquals(List.of(new InputProblem(p.path("alembic.ini"), 5,
                "version location outside the project, not read: " + outside.path("versions"), true)), r.problems());
        // named directly, the ini's outside location is not read either
        Discovery.Result direct = discover(true, p.path("alembic.ini"));
        assertFalse(files(direct).contains("900_outside.py"), files(direct).toString());
        assertTrue(direct.problems().stream().anyMatch(InputProblem::warning), direct.problems().toString());
    }

    @Test
    void a_deployments_absolute_script_location_is_a_warning_and_the_layouts_find_the_tree() {
        p.ini("alembic.ini", "script_location = /usr/share/app/alembic\n");
        Discovery.Result r = discover(true, project);
        assertEquals(List.of("001_a.py"), files(r));
        assertEquals(List.of(new InputProblem(p.path("alembic.ini"), 4,
                "version location outside the project, not read: /usr/share/app/alembic/versions", true)), r.problems());
    }

    @Test
    void an_absolute_location_outside_the_project_is_not_read_even_when_it_exists() {
        p.ini("alembic.ini", "script_location = migrations\nversion_locations = " + outside.path("versions") + "\n");
        Discovery.Result r = discover(true, project);
        assertEquals(List.of("001_a.py"), files(r));
        assertTrue(r.problems().stream().allMatch(InputProblem::warning), r.problems().toString());
    }

    @Test
    void an_unresolvable_script_location_is_a_located_error_and_the_layouts_still_run() {
        for (String value : List.of("%(NOPE)s/alembic", "$HOME", "nopkg.db:migrations", "/etc")) {
            p.ini("alembic.ini", "script_location = " + value + "\n");
            Discovery.Result r = discover(true, project);
            assertEquals(List.of("001_a.py"), files(r), value);
            assertEquals(1, r.problems().size(), r.problems().toString());
            InputProblem problem = r.problems().get(0);
            assertEquals(p.path("alembic.ini"), problem.path());
            assertEquals(4, problem.line(), value);
            // /etc exists: it is outside the project (a warning); the others name nothing (an error)
            assertEquals(value.equals("/etc"), problem.warning(), problem.toString());
        }
        p.ini("alembic.ini", "script_location = %(NOPE)s/alembic\n");
        assertEquals("script_location %(NOPE)s/alembic names no directory (%(NOPE)s is not defined in [alembic] or [DEFAULT])",
                discover(true, project).problems().get(0).message());
    }

    @Test
    void a_package_resource_in_a_src_layout_resolves() {
        p.ini("alembic.ini", "script_location = myapp.db:migrations\n")
                .env("src/myapp/db/migrations").revision("src/myapp/db/migrations/versions/001_b.py", "001", null);
        Discovery.Result r = discover(true, p.path("alembic.ini"));
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("001_b.py"), files(r));
    }

    @Test
    void each_colon_after_the_package_separates_a_folder_of_the_resource() {
        // Alembic joins every token after the package as a path (prefect: prefect:server:database:_migrations)
        p.ini("src/myapp/db/alembic.ini", "script_location = myapp:db:migrations\n")
                .env("src/myapp/db/migrations").revision("src/myapp/db/migrations/versions/001_b.py", "001", null);
        Discovery.Result r = discover(true, p.path("src/myapp/db/alembic.ini"));
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("001_b.py"), files(r));
    }
}
