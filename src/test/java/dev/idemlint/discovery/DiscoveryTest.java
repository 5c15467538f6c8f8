package dev.idemlint.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
    @TempDir
    Path tmp;
    Layout p;

    @BeforeEach
    void setUp() {
        p = new Layout(tmp);
    }

    private static Discovery.Result discover(Path... inputs) {
        return new Discovery().discover(List.of(inputs));
    }

    private List<String> versionsDirs(Discovery.Result r) {
        return r.targets().stream().map(t -> rel(t.versionsDir())).toList();
    }

    private String rel(Path path) {
        return tmp.relativize(path).toString();
    }

    private List<String> names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }

    @Test
    void finds_h_layout_with_ini_in_conf_resolved_from_the_repository_root() {
        p.ini("conf/alembic.ini", "script_location = h/migrations\n")
                .env("h/migrations")
                .revision("h/migrations/versions/0a1_add_group.py", "0a1", null)
                .revision("h/migrations/versions/0b2_add_user.py", "0b2", "0a1")
                .file("h/migrations/versions/__pycache__/0a1_add_group.cpython-311.pyc", "x")
                .file("requirements/prod.txt", "alembic==1.16.2\n    # via -r requirements/prod.in\n"
                        + "sqlalchemy==2.0.25\n    # via\n    #   alembic\n");
        Discovery.Result r = discover(tmp);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("h/migrations/versions"), versionsDirs(r));
        LintTarget t = r.targets().get(0);
        assertEquals(List.of("0a1_add_group.py", "0b2_add_user.py"), names(t.files()));
        assertEquals(List.of(), t.focus());
        assertEquals(tmp, t.projectRoot());
        assertEquals("1.16.2", t.settings().alembic().toString());
        assertEquals("2.0.25", t.settings().sqlalchemy().toString());
        assertEquals("requirements/prod.txt", t.provenance().get("alembic").file());
        assertEquals(1, t.provenance().get("alembic").line());
    }

    @Test
    void finds_polar_layout_with_pins_next_to_the_alembic_project() {
        p.ini("server/alembic.ini", "script_location = migrations\nprepend_sys_path = .\n"
                        + "version_path_separator = os  # Use os.pathsep. Default configuration used for new projects.\n")
                .env("server/migrations")
                .revision("server/migrations/versions/2025-06-01-1200_initial.py", "a1", null)
                .file("server/pyproject.toml", "[project]\nname = \"polar\"\ndependencies = [\n"
                        + "  \"alembic>=1.18.5\",\n  \"sqlalchemy[asyncio]>=2.0.51\",\n]\n")
                .file("server/uv.lock", "version = 1\n\n[[package]]\nname = \"alembic\"\nversion = \"1.19.1\"\n"
                        + "source = { registry = \"https://pypi.org/simple\" }\n\n[[package]]\nname = \"sqlalchemy\"\n"
                        + "version = \"2.0.52\"\n");
        Discovery.Result r = discover(tmp);
        assertEquals(List.of("server/migrations/versions"), versionsDirs(r));
        Settings s = r.targets().get(0).settings();
        assertEquals("1.19.1", s.alembic().toString());
        assertEquals("2.0.52", s.sqlalchemy().toString());
        assertEquals(new PinSource("server/uv.lock", 5, "alembic 1.19.1"), r.targets().get(0).provenance().get("alembic"));
    }

    @Test
    void finds_ctfd_flask_migrate_dir_and_plugin_migrations_without_versions_folder() {
        p.ini("migrations/alembic.ini", "# template used to generate migration files\n"
                        + "# file_template = %%(rev)s_%%(slug)s\n")
                .env("migrations")
                .revision("migrations/versions/8369118943a1_initial.py", "8369118943a1", null)
                .revision("CTFd/plugins/dynamic_challenges/migrations/b37fb68807ea_add_cascading_delete.py",
                        "b37fb68807ea", null)
                .revision("CTFd/plugins/dynamic_challenges/migrations/eb68f277ab61_add_func_column.py",
                        "eb68f277ab61", "b37fb68807ea")
                .file("CTFd/plugins/dynamic_challenges/__init__.py", "from CTFd.plugins import register\n")
                .file("requirements.txt", "Flask-Migrate==2.5.3\nalembic==1.16.4\nSQLAlchemy==1.4.54\n");
        Discovery.Result r = discover(tmp);
        assertEquals(List.of("migrations/versions", "CTFd/plugins/dynamic_challenges/migrations"), versionsDirs(r));
        assertEquals(2, r.targets().get(1).files().size());
        assertEquals("1.16.4", r.targets().get(1).settings().alembic().toString());
    }

    @Test
    void revision_like_files_in_another_folder_of_an_ini_script_directory_are_no_chain() {
        // altair's cms/alembic/datamigration: files with revision/down_revision a script of the project loads one by
        // one; Alembic reads the ini's script location's versions/ only
        p.ini("alembic.ini", "script_location = alembic\n")
                .env("alembic")
                .revision("alembic/versions/a1_root.py", "a1", null)
                .revision("alembic/datamigration/b2_backfill.py", "b2", "a1")
                .file("alembic/datamigration/run.py", "import sys\n")
                .revision("plugins/geo/migrations/c3_geo.py", "c3", null);
        Discovery.Result r = discover(tmp);
        assertEquals(List.of(), r.problems());
        // a folder of revisions outside the script directory is still a chain of its own (CTFd's plugins)
        assertEquals(List.of("alembic/versions", "plugins/geo/migrations"), versionsDirs(r));
    }

    @Test
    void revision_like_files_beside_the_versions_folder_of_an_env_py_are_no_chain() {
        // altair has no alembic.ini (its deployment configs name the script directory): env.py and versions/ make
        // cms/alembic a script directory; a *_versions folder env.py may choose at run time still is a chain
        p.env("cms/alembic")
                .revision("cms/alembic/versions/a1_root.py", "a1", null)
                .revision("cms/alembic/datamigration/b2_backfill.py", "b2", "a1")
                .revision("cms/alembic/mysql_versions/m1_root.py", "m1", null);
        Discovery.Result r = discover(tmp);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("cms/alembic/versions", "cms/alembic/mysql_versions"), versionsDirs(r));
    }

    @Test
    void neutron_nested_release_folders_form_one_tree() {
        String v = "neutron/db/migration/alembic_migrations/versions/";
        p.ini("neutron/db/migration/alembic.ini",
                        "script_location = %(here)s/alembic_migrations\nsqlalchemy.url =\npath_separator = space\n")
                .env("neutron/db/migration/alembic_migrations")
                .revision(v + "kilo_initial.py", "kilo", null)
                .revision(v + "liberty/expand/354db87e3225_nsxv_vdr_metadata.py", "354db87e3225", "kilo")
                .revision(v + "liberty/contract/30018084ec99_initial.py", "30018084ec99", "kilo")
                .revision(v + "2026.2/expand/5b3a1f2e9c7d_add_flag.py", "5b3a1f2e9c7d", "354db87e3225")
                .file(v + "liberty/__init__.py", "")
                .file(v + "tools/helpers.py", "def helper():\n    pass\n")
                .file(v + "README", "revisions live in release folders\n");
        Discovery.Result r = discover(tmp);
        assertEquals(List.of(v.substring(0, v.length() - 1)), versionsDirs(r));
        List<String> files = r.targets().get(0).files().stream().map(f -> tmp.resolve(v).relativize(f).toString())
                .toList();
        assertEquals(List.of("2026.2/expand/5b3a1f2e9c7d_add_flag.py", "kilo_initial.py", "liberty/__init__.py",
                "liberty/contract/30018084ec99_initial.py", "liberty/expand/354db87e3225_nsxv_vdr_metadata.py"), files);
    }

    @Test
    void per_dialect_subfolders_that_env_py_picks_are_separate_environments() {
        p.ini("alembic.ini", "script_location = db/migrations\n").env("db/migrations")
                .revision("db/migrations/versions/postgresql/0001_init.py", "0001", null)
                .revision("db/migrations/versions/postgresql/0002_more.py", "0002", "0001")
                .revision("db/migrations/versions/sqlite/0001_init.py", "0001", null)
                .revision("db/migrations/versions/sqlite/0002_more.py", "0002", "0001")
                .file("db/migrations/versions/sqlite/__init__.py", "");
        Discovery.Result r = discover(tmp);
        assertEquals(List.of("db/migrations/versions/postgresql", "db/migrations/versions/sqlite"), versionsDirs(r));
        assertEquals(List.of("0001_init.py", "0002_more.py"), names(r.targets().get(0).files()));
        assertEquals(List.of("0001_init.py", "0002_more.py", "__init__.py"), names(r.targets().get(1).files()));
        // naming one file lints its environment only
        Discovery.Result one = discover(p.path("db/migrations/versions/sqlite/0002_more.py"));
        assertEquals(List.of("db/migrations/versions/sqlite"), versionsDirs(one));
        assertEquals(List.of(p.path("db/migrations/versions/sqlite/0002_more.py")), one.targets().get(0).focus());
    }

    @Test
    void env_py_with_an_autocommit_connection_or_unreadable_is_flagged() throws IOException {
        p.file("a/migrations/env.py", "# autocommit is discussed here only\nwith op.get_context().autocommit_block():\n    pass\n")
                .revision("a/migrations/versions/x.py", "x", null)
                .file("b/migrations/env.py", "engine = create_engine(url, isolation_level=\"AUTOCOMMIT\")\n")
                .revision("b/migrations/versions/x.py", "x", null)
                .revision("c/migrations/versions/x.py", "x", null)
                .revision("d/migrations/versions/x.py", "x", null);
        Files.write(p.path("c/migrations/env.py"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3});
        Discovery.Result r = discover(tmp);
        assertEquals(List.of("a/migrations/versions", "b/migrations/versions", "c/migrations/versions",
                "d/migrations/versions"), versionsDirs(r));
        assertEquals(List.of(false, true, true, false),
                r.targets().stream().map(t -> t.settings().envMayAutocommit()).toList());
    }

    @Test
    void recursive_version_locations_makes_subfolders_one_tree() {
        p.ini("alembic.ini", "script_location = m\nrecursive_version_locations = true\n").env("m")
                .revision("m/versions/2025/a.py", "a", null)
                .revision("m/versions/2026/b.py", "b", null);
        Discovery.Result r = discover(tmp);
        assertEquals(List.of("m/versions"), versionsDirs(r));
        assertEquals(List.of("a.py", "b.py"), names(r.targets().get(0).files()));
    }

    @Test
    void recursive_version_locations_in_pyproject_makes_dated_subfolders_one_tree() {
        p.file("pyproject.toml", "[tool.alembic]\nscript_location = \"%(here)s/m\"\nrecursive_version_locations = true\n")
                .env("m")
                .revision("m/versions/2025/01/a.py", "a", null)
                .revision("m/versions/2025/02/b.py", "b", null);
        Discovery.Result r = discover(tmp);
        assertEquals(List.of("m/versions"), versionsDirs(r));
        assertEquals(List.of("a.py", "b.py"), names(r.targets().get(0).files()));
    }

    @Test
    void recursive_version_locations_is_ignored_by_an_alembic_before_1_10() throws IOException {
        p.ini("alembic.ini", "script_location = m\nrecursive_version_locations = true\n").env("m")
                .file("requirements.txt", "alembic==1.8.1\n")
                .revision("m/versions/2025/a.py", "a", null)
                .revision("m/versions/2026/b.py", "b", null);
        assertEquals(List.of("m/versions/2025", "m/versions/2026"), versionsDirs(discover(tmp)));
        p.ini("alembic.ini", "script_location = m\nrecursive_version_locations = True\n");
        Files.writeString(p.path("requirements.txt"), "alembic==1.13.1\n");
        // Alembic compares the value with "true" exactly
        assertEquals(List.of("m/versions/2025", "m/versions/2026"), versionsDirs(discover(tmp)));
    }

    @Test
    void a_subfolder_of_a_nested_tree_is_linted_with_the_whole_tree_as_context() {
        p.env("m").revision("m/versions/a.py", "a", null)
                .revision("m/versions/newton/expand/b.py", "b", "a")
                .revision("m/versions/newton/contract/c.py", "c", "a");
        Discovery.Result r = discover(p.path("m/versions/newton/expand"));
        LintTarget t = r.targets().get(0);
        assertEquals("m/versions", rel(t.versionsDir()));
        assertEquals(List.of("a.py", "c.py", "b.py"), names(t.files()));
        assertEquals(List.of(p.path("m/versions/newton/expand/b.py")), t.focus());
        assertTrue(t.reports(p.path("m/versions/newton/expand/b.py")));
        assertTrue(!t.reports(p.path("m/versions/a.py")));
    }

    @Test
    void open_assistant_two_projects_each_with_its_own_pins() {
        p.ini("backend/alembic.ini", "script_location = %(here)s/alembic\n")
                .env("backend/alembic")
                .revision("backend/alembic/versions/2022_12_01_0a1b_initial.py", "0a1b", null)
                .file("backend/requirements.txt", "aiohttp\nalembic==1.8.1\nfastapi==0.88.0\nSQLAlchemy==1.4.41\n")
                .ini("inference/server/alembic.ini", "script_location = %(here)s/alembic\n")
                .env("inference/server/alembic")
                .revision("inference/server/alembic/versions/2023_01_01_ff01_initial.py", "ff01", null)
                .file("inference/server/requirements.txt", "aiohttp\nalembic\nfastapi[all]\n")
                .file("pyproject.toml", "[tool.black]\nline-length = 120\n");
        Discovery.Result r = discover(tmp);
        assertEquals(List.of("backend/alembic/versions", "inference/server/alembic/versions"), versionsDirs(r));
        assertEquals("1.8.1", r.targets().get(0).settings().alembic().toString());
        assertEquals("1.4.41", r.targets().get(0).settings().sqlalchemy().toString());
        // unpinned, and backend's pins belong to another project
        assertTrue(r.targets().get(1).settings().alembic().isLatest());
        assertEquals(null, r.targets().get(1).provenance().get("alembic"));
    }

    @Test
    void mailu_pins_in_a_sibling_folder_are_found() {
        p.ini("core/admin/migrations/alembic.ini", "# A generic, single database configuration.\n")
                .env("core/admin/migrations")
                .revision("core/admin/migrations/versions/ff0417f4318f_.py", "ff0417f4318f", null)
                .file("core/base/requirements-prod.txt", "alembic==1.13.1\nFlask-SQLAlchemy==3.1.1\nSQLAlchemy==2.0.30\n")
                .file("pyproject.toml", "[tool.ruff]\nline-length = 100\n");
        LintTarget t = discover(tmp).targets().get(0);
        assertEquals("1.13.1", t.settings().alembic().toString());
        assertEquals("2.0.30", t.settings().sqlalchemy().toString());
        assertEquals("core/base/requirements-prod.txt", t.provenance().get("alembic").file());
    }

    @Test
    void a_single_file_is_reported_alone_with_its_siblings_as_context() {
        p.env("migrations")
                .revision("migrations/versions/a.py", "a", null)
                .revision("migrations/versions/b.py", "b", "a");
        Path b = p.path("migrations/versions/b.py");
        Discovery.Result r = discover(b);
        LintTarget t = r.targets().get(0);
        assertEquals("migrations/versions", rel(t.versionsDir()));
        assertEquals(List.of("a.py", "b.py"), names(t.files()));
        assertEquals(List.of(b), t.focus());
        assertEquals(List.of(b), t.reportedFiles());
    }

    @Test
    void a_file_and_its_directory_given_together_make_one_target_reporting_everything() {
        p.env("migrations").revision("migrations/versions/a.py", "a", null);
        Discovery.Result r = discover(p.path("migrations/versions/a.py"), p.path("migrations/versions"),
                p.path("migrations/versions/"));
        assertEquals(1, r.targets().size());
        assertEquals(List.of(), r.targets().get(0).focus());
    }

    @Test
    void two_files_of_one_tree_share_a_target() {
        p.env("migrations").revision("migrations/versions/a.py", "a", null)
                .revision("migrations/versions/b.py", "b", "a").revision("migrations/versions/c.py", "c", "b");
        Discovery.Result r = discover(p.path("migrations/versions/c.py"), p.path("migrations/versions/a.py"));
        assertEquals(1, r.targets().size());
        assertEquals(List.of("a.py", "c.py"), names(r.targets().get(0).focus()));
    }

    @Test
    void a_script_dir_input_uses_its_versions() {
        p.env("alembic").revision("alembic/versions/a.py", "a", null).file("alembic/script.py.mako", "");
        Discovery.Result r = discover(p.path("alembic"));
        assertEquals(List.of("alembic/versions"), versionsDirs(r));
    }

    @Test
    void an_alembic_ini_input_is_followed() {
        p.ini("backend/alembic.ini", "script_location = app/alembic\n")
                .env("backend/app/alembic")
                .revision("backend/app/alembic/versions/e2412789c190_initialize_models.py", "e2412789c190", null);
        Discovery.Result r = discover(p.path("backend/alembic.ini"));
        assertEquals(List.of("backend/app/alembic/versions"), versionsDirs(r));
    }

    @Test
    void package_resource_script_location_resolves_from_the_project_root() {
        p.ini("alembic.ini", "script_location = myapp.db:migrations\n")
                .env("myapp/db/migrations")
                .revision("myapp/db/migrations/versions/a.py", "a", null);
        assertEquals(List.of("myapp/db/migrations/versions"), versionsDirs(discover(tmp)));
    }

    @Test
    void package_resource_in_a_src_layout_one_folder_down_resolves_from_the_project_root() throws IOException {
        // AppEnlight: alembic.ini at the root says appenlight:migrations; the package is backend/src/appenlight
        p.ini("alembic.ini", "script_location = myapp:migrations\n")
                .file("backend/setup.py", "from setuptools import setup\nsetup(package_dir={'': 'src'})\n")
                .env("backend/src/myapp/migrations")
                .revision("backend/src/myapp/migrations/versions/a.py", "a", null);
        // the same folder through a link is one layout, not two
        Files.createSymbolicLink(p.path("mirror"), p.path("backend"));
        Discovery.Result r = discover(tmp);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("backend/src/myapp/migrations/versions"), versionsDirs(r));
        assertEquals(p.path("backend/src/myapp/migrations"),
                AlembicIni.read(p.path("alembic.ini"), tmp).scriptLocation());
    }

    @Test
    void package_resource_in_two_src_layouts_is_a_located_error_naming_both() {
        p.ini("alembic.ini", "script_location = myapp:migrations\n")
                .env("api/src/myapp/migrations").revision("api/src/myapp/migrations/versions/a.py", "a", null)
                .env("worker/src/myapp/migrations").revision("worker/src/myapp/migrations/versions/b.py", "b", null);
        Discovery.Result r = discover(tmp);
        assertEquals(List.of(new InputProblem(p.path("alembic.ini"), 4, "script_location myapp:migrations names no "
                + "directory (several src layouts hold that package folder: api/src/myapp/migrations, "
                + "worker/src/myapp/migrations)")), r.problems());
        // the layouts still find both trees
        assertEquals(List.of("api/src/myapp/migrations/versions", "worker/src/myapp/migrations/versions"),
                versionsDirs(r).stream().sorted().toList());
    }

    @Test
    void package_resource_search_is_two_fixed_levels_through_links_loops_and_deep_trees() throws IOException {
        Path project = tmp.resolve("project");
        Layout q = new Layout(project);
        new Layout(tmp.resolve("outside")).env("src/myapp/migrations")
                .revision("src/myapp/migrations/versions/x.py", "x", null);
        q.ini("alembic.ini", "script_location = myapp:migrations\n").dir(".git");
        // deeper than one folder down: not a src layout of this project
        String deep = "a/".repeat(200);
        q.env(deep + "src/myapp/migrations").revision(deep + "src/myapp/migrations/versions/a.py", "a", null);
        Files.createSymbolicLink(q.path("up"), project); // up/src/myapp: nothing; a loop for any walk
        Files.createSymbolicLink(q.path("self"), q.path("self")); // a link to itself
        Files.createSymbolicLink(q.path("ext"), tmp.resolve("outside")); // ext/src/myapp leads out: not taken
        long start = System.nanoTime();
        assertEquals(List.of(), AlembicIni.srcLayouts(project, Path.of("myapp/migrations")));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "two fixed levels, no walk");
        InputProblem unresolved = new InputProblem(q.path("alembic.ini"), 4,
                "script_location myapp:migrations names no directory (no such package folder in the project)");
        AlembicIni ini = AlembicIni.read(q.path("alembic.ini"), project);
        assertEquals(null, ini.scriptLocation());
        assertEquals(List.of(unresolved), ini.problems());
        Discovery.Result r = discover(project);
        assertTrue(r.problems().contains(unresolved), r.problems().toString());
        assertTrue(r.targets().stream().noneMatch(t -> t.versionsDir().startsWith(tmp.resolve("outside"))));
    }

    @Test
    void a_stale_script_location_in_flask_migrates_ini_is_its_own_folder() {
        // newspipe: Flask-Migrate reads migrations/alembic.ini and sets script_location to migrations itself
        p.ini("migrations/alembic.ini", "script_location = website/migrations/\n")
                .file("migrations/env.py", "from alembic import context\nfrom flask import current_app\n\n"
                        + "target_metadata = current_app.extensions[\"migrate\"].db.metadata\n")
                .revision("migrations/versions/a.py", "a", null);
        Discovery.Result r = discover(tmp);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("migrations/versions"), versionsDirs(r));
    }

    @Test
    void a_stale_script_location_beside_a_plain_alembic_env_is_a_located_error() {
        p.ini("migrations/alembic.ini", "script_location = website/migrations/\n")
                .env("migrations")
                .revision("migrations/versions/a.py", "a", null);
        Discovery.Result r = discover(tmp);
        assertEquals(List.of(new InputProblem(p.path("migrations/alembic.ini"), 4,
                "script_location website/migrations/ names no directory (no such directory)")), r.problems());
        assertEquals(List.of("migrations/versions"), versionsDirs(r));
    }

    @Test
    void version_locations_listing_several_dirs_form_one_tree() {
        p.ini("alembic.ini", "script_location = %(here)s/db\n"
                        + "version_locations = %(here)s/db/versions/expand, %(here)s/db/versions/contract\n")
                .env("db")
                .revision("db/versions/expand/a.py", "a", null)
                .revision("db/versions/contract/b.py", "b", "a");
        Discovery.Result r = discover(tmp);
        assertEquals(1, r.targets().size());
        assertEquals("db/versions", rel(r.targets().get(0).versionsDir()));
        assertEquals(List.of("b.py", "a.py"), names(r.targets().get(0).files()));
    }

    @Test
    void version_locations_replace_the_default_versions_dir() {
        p.ini("alembic.ini", "script_location = db\nversion_locations = %(here)s/db/releases\n")
                .env("db")
                .revision("db/releases/a.py", "a", null);
        assertEquals(List.of("db/releases"), versionsDirs(discover(tmp)));
    }

    @Test
    void templated_script_location_falls_back_to_versions_next_to_env_py() {
        // jupyterhub fills {alembic_dir} in code before running Alembic
        p.ini("jupyterhub/alembic.ini", "script_location = {alembic_dir}\nsqlalchemy.url = {db_url}\n")
                .env("jupyterhub/alembic")
                .revision("jupyterhub/alembic/versions/19c0846f6344_base_revision_for_088.py", "19c0846f6344", null)
                .file("requirements.txt", "alembic>=1.4\nSQLAlchemy>=1.4.1\n");
        Discovery.Result r = discover(tmp);
        assertEquals(List.of("jupyterhub/alembic/versions"), versionsDirs(r));
        assertEquals("1.4", r.targets().get(0).settings().alembic().toString());
    }

    @Test
    void without_alembic_ini_versions_next_to_env_py_is_found() {
        p.env("src/app/migrations").revision("src/app/migrations/versions/a.py", "a", null);
        assertEquals(List.of("src/app/migrations/versions"), versionsDirs(discover(tmp)));
    }

    @Test
    void skips_virtualenvs_node_modules_and_build_output() {
        p.env("migrations").revision("migrations/versions/a.py", "a", null)
                .revision(".venv/lib/python3.12/site-packages/alembic/testing/rev.py", "x", null)
                .revision("venv/lib/rev.py", "y", null)
                .revision("node_modules/pkg/rev.py", "z", null)
                .revision("build/lib/app/migrations/versions/a.py", "a", null);
        assertEquals(List.of("migrations/versions"), versionsDirs(discover(tmp)));
    }

    @Test
    void a_project_without_migrations_is_a_problem() {
        p.file("app/main.py", "print('hi')\n");
        Discovery.Result r = discover(tmp);
        assertEquals(List.of(), r.targets());
        assertEquals(List.of(new InputProblem(tmp, "no Alembic versions directory found")), r.problems());
    }

    @Test
    void a_missing_path_is_a_problem_and_the_other_inputs_go_on() {
        p.env("migrations").revision("migrations/versions/a.py", "a", null);
        Path missing = p.path("nope/versions");
        Discovery.Result r = discover(missing, p.path("migrations/versions"));
        assertEquals(List.of(new InputProblem(missing, "no such file or directory")), r.problems());
        assertEquals(1, r.targets().size());
    }

    @Test
    void a_tree_with_folders_the_walk_skips_is_listed_from_the_project_scan() {
        p.env("migrations")
                .revision("migrations/versions/001_a.py", "001", null)
                .file("migrations/versions/node_modules/x.py", "revision = 'n'\ndown_revision = None\n")
                .file("migrations/versions/.cache/y.py", "revision = 'm'\ndown_revision = None\n")
                .file("requirements.txt", "alembic==1.13.2\n");
        Discovery d = new Discovery();
        Discovery.Result r = d.discover(List.of(tmp));
        assertEquals(List.of("001_a.py"), names(r.targets().get(0).files()));
        // the scan did not enter node_modules or .cache, and the listing does not need to either
        assertEquals(1, d.replays, "the versions folder's listing came from the scan");
    }

    @Test
    void a_tree_listed_from_the_project_scan_is_the_tree_a_fresh_walk_lists() throws IOException {
        p.env("app/migrations")
                .revision("app/migrations/versions/001_a.py", "001", null)
                .revision("app/migrations/versions/release1/002_b.py", "002", "001")
                .revision("app/migrations/versions/deep/d1/d2/003_c.py", "003", "002")
                .file("app/migrations/versions/helpers/util.py", "X = 1\n")
                .file("app/migrations/versions/node_modules/x.py", "revision = 'n'\ndown_revision = None\n")
                .file("app/migrations/versions/notes.txt", "x")
                .revision("other/versions/0a_x.py", "0a", null)
                .file("sql/a.sql", "select 1;")
                .file("requirements.txt", "alembic==1.13.2\n");
        Files.createSymbolicLink(p.path("app/migrations/versions/release2"), p.path("other/versions"));
        Discovery replaying = new Discovery();
        Discovery walking = new Discovery();
        walking.replayWalks = false;
        Discovery.Result replayed = replaying.discover(List.of(tmp));
        Discovery.Result walked = walking.discover(List.of(tmp));
        assertEquals(walked.problems(), replayed.problems());
        assertEquals(walked.targets().size(), replayed.targets().size());
        for (int i = 0; i < walked.targets().size(); i++) {
            LintTarget w = walked.targets().get(i);
            LintTarget r = replayed.targets().get(i);
            assertEquals(w.versionsDir(), r.versionsDir());
            assertEquals(w.files(), r.files());
            assertEquals(w.focus(), r.focus());
        }
        assertTrue(replaying.replays > 0, "the project scan's record served the listing");
        assertEquals(0, walking.replays);
        assertTrue(walked.targets().stream().anyMatch(t -> names(t.files()).containsAll(
                List.of("001_a.py", "002_b.py", "003_c.py"))), "nested, deep and linked revisions");
        // 0a starts a chain of its own that nothing links to the rest: not one graph with it
        assertTrue(walked.targets().stream().anyMatch(t -> names(t.files()).equals(List.of("0a_x.py"))),
                "the linked folder's unrelated chain");
    }

    @Test
    void a_symlink_loop_is_a_problem_and_the_rest_is_discovered() throws IOException {
        p.env("migrations").revision("migrations/versions/a.py", "a", null).dir("vendor");
        Files.createSymbolicLink(p.path("vendor/loop"), p.path("vendor"));
        Discovery.Result r = discover(tmp);
        assertEquals(List.of("migrations/versions"), versionsDirs(r));
        assertEquals(1, r.problems().size());
        assertEquals("symlink loop", r.problems().get(0).message());
        assertEquals(p.path("vendor/loop"), r.problems().get(0).path());
    }

    @Test
    void a_self_referencing_symlink_input_is_a_loop() throws IOException {
        Path link = p.path("self");
        Files.createSymbolicLink(link, link);
        assertEquals(List.of(new InputProblem(link, "symlink loop")), discover(link).problems());
    }

    @Test
    void a_symlink_loop_inside_a_versions_dir_is_reported() throws IOException {
        p.env("migrations").revision("migrations/versions/a.py", "a", null);
        Files.createSymbolicLink(p.path("migrations/versions/again"), p.path("migrations/versions"));
        Discovery.Result r = discover(p.path("migrations/versions"));
        assertEquals(List.of("a.py"), names(r.targets().get(0).files()));
        assertEquals("symlink loop", r.problems().get(0).message());
    }

    @Test
    void an_unreadable_directory_is_a_problem() throws IOException {
        p.env("migrations").revision("migrations/versions/a.py", "a", null).file("secret/x.py", "");
        Path secret = p.path("secret");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        try {
            // root reads everything: then only the message mapping can be checked
            Assumptions.assumeFalse(Files.isReadable(secret), "running as root");
            Discovery.Result r = discover(tmp);
            assertEquals(List.of("migrations/versions"), versionsDirs(r));
            assertEquals(List.of(new InputProblem(secret, "permission denied")), r.problems());
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void permission_denied_reads_as_words() {
        Path x = Path.of("x");
        assertEquals(new InputProblem(x, "permission denied"), InputProblem.of(x, new AccessDeniedException("x")));
        assertEquals("x:3: bad", new InputProblem(x, 3, "bad").render());
    }

    @Test
    void explicit_versions_in_config_replace_discovery() {
        p.file(".idemlint.toml", "versions = [\"db/revs\"]  # ours\nalembic-version = \"1.13.1\"\n")
                .env("migrations").revision("migrations/versions/a.py", "a", null)
                .revision("db/revs/b.py", "b", null)
                .file("requirements.txt", "alembic==1.8.1\n");
        Discovery.Result r = discover(tmp);
        assertEquals(List.of("db/revs"), versionsDirs(r));
        LintTarget t = r.targets().get(0);
        assertEquals("1.13.1", t.settings().alembic().toString());
        assertEquals(new PinSource(".idemlint.toml", 2, "alembic-version = \"1.13.1\""), t.provenance().get("alembic"));
        assertEquals(p.path(".idemlint.toml"), t.config().file());
    }

    @Test
    void cli_overrides_beat_config_and_pins() {
        p.file("pyproject.toml", "[project]\ndependencies = [\"alembic==1.8.1\", \"sqlalchemy==1.4.46\"]\n\n"
                        + "[tool.idemlint]\nsqlalchemy-version = \"2.0.1\"\npostgres-version = 13\n")
                .env("migrations").revision("migrations/versions/a.py", "a", null);
        Discovery d = new Discovery(new SettingsOverrides(Version.parse("1.16.0"), null, 16));
        LintTarget t = d.discover(List.of(tmp)).targets().get(0);
        assertEquals(new Settings(Version.parse("1.16.0"), Version.parse("2.0.1"), 16).withEnvTimeouts(EnvTimeouts.NONE), t.settings());
        assertEquals("--alembic-version", t.provenance().get("alembic").file());
        assertEquals("pyproject.toml", t.provenance().get("sqlalchemy").file());
        assertEquals("--postgres-version", t.provenance().get("postgres").file());
    }

    @Test
    void the_settings_constructor_treats_non_defaults_as_overrides() {
        p.file("requirements.txt", "alembic==1.8.1\nsqlalchemy==1.4.46\n")
                .env("migrations").revision("migrations/versions/a.py", "a", null);
        LintTarget t = new Discovery(Settings.DEFAULT.withPostgres(12)).discover(List.of(tmp)).targets().get(0);
        assertEquals(new Settings(Version.parse("1.8.1"), Version.parse("1.4.46"), 12).withEnvTimeouts(EnvTimeouts.NONE), t.settings());
    }

    @Test
    void config_is_found_in_an_ancestor_up_to_the_git_root() {
        p.dir(".git").file(".idemlint.toml", "postgres-version = 14\n")
                .env("svc/migrations").revision("svc/migrations/versions/a.py", "a", null);
        LintTarget t = discover(p.path("svc/migrations/versions/a.py")).targets().get(0);
        assertEquals(14, t.settings().postgresMajor());
        assertEquals(tmp, t.projectRoot());
    }

    @Test
    void a_bad_config_is_a_located_problem_and_defaults_apply() {
        p.file(".idemlint.toml", "select = [\"ALL\"]\npostgres-version = \"fifteen\"\nfail_on = \"sometimes\"\n")
                .env("migrations").revision("migrations/versions/a.py", "a", null);
        Discovery.Result r = discover(tmp);
        assertEquals(1, r.targets().size());
        assertEquals(15, r.targets().get(0).settings().postgresMajor());
        assertEquals(List.of(2, 3), r.problems().stream().map(InputProblem::line).toList());
        assertTrue(r.problems().get(0).render().endsWith(".idemlint.toml:2: postgres-version must be a PostgreSQL major version such as 15"),
                r.problems().get(0).render());
    }

    @Test
    void excluded_globs_drop_files_and_trees() {
        p.file(".idemlint.toml", "exclude = [\"legacy/**\", \"*_old.py\"]\n")
                .env("migrations")
                .revision("migrations/versions/a.py", "a", null)
                .revision("migrations/versions/b_old.py", "b", "a")
                .env("legacy/migrations").revision("legacy/migrations/versions/x.py", "x", null);
        Discovery.Result r = discover(tmp);
        assertEquals(List.of("migrations/versions"), versionsDirs(r));
        assertEquals(List.of("a.py"), names(r.targets().get(0).files()));
    }

    @Test
    void a_non_python_file_is_a_problem() {
        p.file("notes.txt", "hi\n");
        assertEquals("not a .py file, alembic.ini or directory", discover(p.path("notes.txt")).problems().get(0).message());
    }

    @Test
    void a_lone_revision_file_outside_any_versions_dir_lints_with_its_folder() {
        p.revision("scratch/a.py", "a", null).revision("scratch/b.py", "b", "a").file("scratch/sub/c.py", "x = 1\n");
        LintTarget t = discover(p.path("scratch/b.py")).targets().get(0);
        assertEquals("scratch", rel(t.versionsDir()));
        assertEquals(List.of("a.py", "b.py"), names(t.files()));
        assertEquals(List.of("b.py"), names(t.focus()));
    }
    @Test
    void an_ini_with_a_templated_location_given_directly_falls_back_to_its_neighbourhood() {
        p.ini("jupyterhub/alembic.ini", "script_location = {alembic_dir}\n")
                .env("jupyterhub/alembic")
                .revision("jupyterhub/alembic/versions/19c0846f6344_base.py", "19c0846f6344", null)
                .file("requirements.txt", "alembic>=1.4\n");
        Discovery.Result r = discover(p.path("jupyterhub/alembic.ini"));
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("jupyterhub/alembic/versions"), versionsDirs(r));
        assertEquals(tmp, r.targets().get(0).projectRoot());
        assertEquals("1.4", r.targets().get(0).settings().alembic().toString());
    }

    @Test
    void an_ini_pointing_nowhere_is_a_problem() {
        p.ini("alembic.ini", "script_location = %(here)s/gone\n").ini("other/alembic.ini", "script_location = gone\n");
        Discovery.Result r = discover(p.path("alembic.ini"), p.path("other/alembic.ini"));
        assertEquals(List.of(), r.targets());
        assertEquals(List.of(
                new InputProblem(p.path("alembic.ini"), 4, "versions directory not found: " + p.path("gone/versions")),
                new InputProblem(p.path("other/alembic.ini"), 4, "script_location gone names no directory (no such directory)")),
                r.problems());
    }

    @Test
    void an_ini_found_beside_other_trees_whose_versions_are_not_there_is_a_warning() {
        p.ini("app/plugin_template/alembic.ini", "script_location = %(here)s\n")
                .env("app/migrations")
                .revision("app/migrations/versions/a.py", "a", null);
        Discovery.Result r = discover(tmp);
        assertEquals(List.of("app/migrations/versions"), versionsDirs(r));
        assertEquals(List.of(new InputProblem(p.path("app/plugin_template/alembic.ini"), 4,
                "versions directory not found: " + p.path("app/plugin_template/versions"), true)), r.problems());
        // with nothing else to lint it stays an error
        Discovery.Result alone = discover(p.path("app/plugin_template"));
        assertEquals(List.of(), alone.targets());
        assertTrue(alone.problems().stream().anyMatch(q -> !q.warning()), alone.problems().toString());
    }

    @Test
    void maven_target_copies_of_fixtures_are_skipped() {
        p.file("pom.xml", "<project/>\n")
                .revision("src/test/resources/fixtures/versions/a.py", "a", null)
                .revision("target/test-classes/fixtures/versions/a.py", "a", null);
        assertEquals(List.of("src/test/resources/fixtures/versions"), versionsDirs(discover(tmp)));
    }
}
