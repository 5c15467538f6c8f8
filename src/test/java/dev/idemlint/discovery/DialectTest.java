package dev.idemlint.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a project's dialect is written and where it is read from: --dialect, config, sqlalchemy.url. */
class DialectTest {
    @TempDir
    Path tmp;
    Layout p;

    @BeforeEach
    void setUp() {
        p = new Layout(tmp);
    }

    private LintTarget target(SettingsOverrides overrides) {
        return new Discovery(overrides).discover(List.of(tmp)).targets().get(0);
    }

    @Test
    void parses_a_name_with_an_optional_version() {
        assertEquals(new Dialect(Dialect.Kind.MARIADB, Version.parse("10.11")), Dialect.parse("mariadb:10.11"));
        assertEquals(new Dialect(Dialect.Kind.MYSQL, Version.LATEST), Dialect.parse(" MySQL "));
        assertEquals(Dialect.POSTGRESQL, Dialect.parse("postgresql"));
        assertEquals("mysql:8.0", Dialect.parse("mysql:8.0").toString());
        assertEquals("mariadb", Dialect.parse("mariadb").toString());
        assertTrue(Dialect.parse("mariadb").mysqlFamily());
        assertFalse(Dialect.parse("pg").mysqlFamily());
        // the IF [NOT] EXISTS Alembic's kwargs render: MySQL 8.0 has none on ALTER TABLE's clauses
        assertFalse(Dialect.parse("mysql").takesAlterIfExists());
        assertTrue(Dialect.parse("mariadb").takesAlterIfExists() && Dialect.parse("pg").takesAlterIfExists());
    }

    @Test
    void rejects_unknown_names_and_versions_naming_the_accepted_forms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dialect.parse("oracle"));
        assertTrue(e.getMessage().contains("postgresql, mysql or mariadb"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dialect.parse("mysql:eight"));
        assertThrows(IllegalArgumentException.class, () -> Dialect.parse(""));
    }

    @Test
    void reads_the_backend_of_a_sqlalchemy_url() {
        assertEquals(Optional.of(Dialect.parse("mysql")), Dialect.fromUrl("mysql+pymysql://u:secret@db/app?charset=utf8mb4"));
        assertEquals(Optional.of(Dialect.parse("mysql")), Dialect.fromUrl("mysql://u@db/app"));
        assertEquals(Optional.of(Dialect.parse("mariadb")), Dialect.fromUrl("mariadb+mariadbconnector://u@db/app"));
        assertEquals(Optional.of(Dialect.POSTGRESQL), Dialect.fromUrl("postgresql+psycopg2://u@db/app"));
        assertEquals(Optional.empty(), Dialect.fromUrl("sqlite:///app.db"));
        assertEquals(Optional.empty(), Dialect.fromUrl("not a url"));
    }

    @Test
    void a_project_is_postgresql_by_default() {
        p.env("migrations").revision("migrations/versions/a.py", "a", null);
        assertEquals(Dialect.POSTGRESQL, target(SettingsOverrides.NONE).settings().dialect());
    }

    @Test
    void alembic_ini_sqlalchemy_url_names_the_dialect_without_showing_the_password() {
        p.ini("alembic.ini", "script_location = migrations\nsqlalchemy.url = mysql+pymysql://app:hunter2@db/app\n")
                .env("migrations").revision("migrations/versions/a.py", "a", null);
        LintTarget t = target(SettingsOverrides.NONE);
        assertEquals(Dialect.parse("mysql"), t.settings().dialect());
        PinSource source = t.provenance().get("dialect");
        assertEquals("alembic.ini", source.file());
        assertFalse(source.toString().contains("hunter2"), source.toString());
    }

    @Test
    void config_beats_the_url_and_the_flag_beats_both() {
        p.ini("alembic.ini", "script_location = migrations\nsqlalchemy.url = postgresql://db/app\n")
                .file("pyproject.toml", "[tool.idemlint]\ndialect = \"mariadb:10.11\"\n")
                .env("migrations").revision("migrations/versions/a.py", "a", null);
        LintTarget fromConfig = target(SettingsOverrides.NONE);
        assertEquals(Dialect.parse("mariadb:10.11"), fromConfig.settings().dialect());
        assertEquals(new PinSource("pyproject.toml", 2, "dialect = \"mariadb:10.11\""), fromConfig.provenance().get("dialect"));
        LintTarget fromFlag = target(new SettingsOverrides(null, null, null, Dialect.parse("mysql:8.0")));
        assertEquals(Dialect.parse("mysql:8.0"), fromFlag.settings().dialect());
        assertEquals("--dialect", fromFlag.provenance().get("dialect").file());
    }

    @Test
    void a_bad_dialect_in_config_is_a_located_problem_and_the_default_stays() {
        p.file(".idemlint.toml", "\ndialect = \"db2\"\n").env("migrations").revision("migrations/versions/a.py", "a", null);
        LintTarget t = target(SettingsOverrides.NONE);
        assertEquals(Dialect.POSTGRESQL, t.settings().dialect());
        assertEquals(1, t.config().problems().size());
        assertEquals(2, t.config().problems().get(0).line());
        assertTrue(t.config().problems().get(0).message().contains("db2"));
    }

    private LintTarget withEnv(String env) {
        p.ini("alembic.ini", "script_location = migrations\nsqlalchemy.url = driver://user:pass@localhost/dbname\n")
                .file("migrations/env.py", env).revision("migrations/versions/a.py", "a", null);
        return target(SettingsOverrides.NONE);
    }

    @Test
    void env_py_create_engine_with_a_literal_url_names_the_dialect_and_where_it_was_read() {
        LintTarget t = withEnv("from alembic import context\nfrom sqlalchemy import create_engine\n\n"
                + "# create_engine(\"postgresql://commented/out\")\n"
                + "engine = create_engine(\"mysql+pymysql://app:hunter2@db/app\")\n");
        assertEquals(Dialect.parse("mysql"), t.settings().dialect());
        PinSource source = t.provenance().get("dialect");
        assertEquals(new PinSource("migrations/env.py", 5, "create_engine(\"mysql+pymysql://...\")"), source);
        assertFalse(source.toString().contains("hunter2"), source.toString());
    }

    @Test
    void env_py_set_main_option_with_an_f_string_or_concatenation_whose_scheme_is_literal() {
        LintTarget f = withEnv("config = context.config\nconfig.set_main_option(\n    \"sqlalchemy.url\",\n"
                + "    f\"mariadb+pymysql://{USER}:{PW}@{HOST}/app\",\n)\n");
        assertEquals(Dialect.parse("mariadb"), f.settings().dialect());
        assertEquals(new PinSource("migrations/env.py", 2, "set_main_option(\"sqlalchemy.url\", \"mariadb+pymysql://...\")"),
                f.provenance().get("dialect"));
        LintTarget plus = withEnv("url = 'mysql://' + os.environ['DB_HOST'] + '/app'\ncontext.configure(url=url)\n");
        assertEquals(Dialect.parse("mysql"), plus.settings().dialect());
        assertEquals(2, plus.provenance().get("dialect").line());
    }

    /** bunkerweb's layout: one versions folder per backend, alembic.ini naming none of them. */
    private java.util.Map<String, LintTarget> perBackend(String env) {
        p.ini("db/alembic.ini", "script_location = .\n").file("db/env.py", env);
        for (String backend : List.of("postgresql", "mysql", "mariadb", "sqlite")) {
            p.revision("db/" + backend + "_versions/a_" + backend + ".py", "a" + backend, null);
        }
        java.util.Map<String, LintTarget> out = new java.util.TreeMap<>();
        for (LintTarget t : new Discovery(SettingsOverrides.NONE).discover(List.of(tmp)).targets()) {
            out.put(t.versionsDir().getFileName().toString(), t);
        }
        return out;
    }

    @Test
    void a_folder_env_py_picks_by_backend_name_is_linted_for_that_backend() {
        java.util.Map<String, LintTarget> t = perBackend("config = context.config\nif \"DATABASE_URI\" in environ:\n"
                + "    database_type = environ[\"DATABASE_URI\"].split(\":\")[0].split(\"+\")[0]\n"
                + "    config.set_main_option(\"version_locations\", f\"{database_type}_versions\")\n");
        assertEquals(List.of("mariadb_versions", "mysql_versions", "postgresql_versions", "sqlite_versions"),
                List.copyOf(t.keySet()));
        assertEquals(Dialect.parse("mysql"), t.get("mysql_versions").settings().dialect());
        assertEquals(Dialect.parse("mariadb"), t.get("mariadb_versions").settings().dialect());
        assertEquals(Dialect.POSTGRESQL, t.get("postgresql_versions").settings().dialect());
        assertEquals(new PinSource("db/env.py", 4, "set_main_option(\"version_locations\", f\"{...}_versions\") for"
                + " mysql_versions"), t.get("mysql_versions").provenance().get("dialect"));
        // a backend idemlint has no facts for is named as such: its tree is linted for its graph only
        assertEquals("sqlite", t.get("sqlite_versions").settings().unmodelledBackend());
        assertEquals(new PinSource("db/env.py", 4, "set_main_option(\"version_locations\", f\"{...}_versions\") for"
                + " sqlite_versions"), t.get("sqlite_versions").provenance().get("dialect"));
        for (String modelled : List.of("mariadb_versions", "mysql_versions", "postgresql_versions")) {
            assertEquals(null, t.get(modelled).settings().unmodelledBackend(), modelled);
        }
    }

    @Test
    void a_subfolder_of_versions_named_for_a_backend_is_linted_for_that_backend() {
        // Prefect: versions/postgresql and versions/sqlite, two chains env.py picks between at run time
        p.ini("db/alembic.ini", "script_location = .\n").file("db/env.py", "context.configure()\n");
        for (String backend : List.of("postgresql", "sqlite")) {
            p.revision("db/versions/" + backend + "/a_" + backend + ".py", "a" + backend, null);
        }
        java.util.Map<String, LintTarget> t = new java.util.TreeMap<>();
        for (LintTarget target : new Discovery(SettingsOverrides.NONE).discover(List.of(tmp)).targets()) {
            t.put(target.versionsDir().getFileName().toString(), target);
        }
        assertEquals(List.of("postgresql", "sqlite"), List.copyOf(t.keySet()));
        assertEquals(Dialect.POSTGRESQL, t.get("postgresql").settings().dialect());
        assertEquals(null, t.get("postgresql").settings().unmodelledBackend());
        assertEquals("sqlite", t.get("sqlite").settings().unmodelledBackend());
        assertEquals(new PinSource("db/versions/sqlite", "versions folder sqlite"),
                t.get("sqlite").provenance().get("dialect"));
    }

    @Test
    void a_tree_of_an_unmodelled_backend_gets_a_located_note_and_no_error() {
        perBackend("config = context.config\n"
                + "config.set_main_option(\"version_locations\", f\"{database_type}_versions\")\n");
        Discovery.Result r = new Discovery(SettingsOverrides.NONE).discover(List.of(tmp));
        List<InputProblem> notes = r.problems().stream().filter(q -> q.message().contains("not modelled")).toList();
        assertEquals(1, notes.size(), r.problems().toString());
        InputProblem note = notes.get(0);
        assertTrue(note.warning());
        assertEquals(tmp.resolve("db/sqlite_versions"), note.path());
        assertEquals("backend sqlite is not modelled (db/env.py:2: set_main_option(\"version_locations\","
                + " f\"{...}_versions\") for sqlite_versions); database rules skipped, graph rules still run",
                note.message());
    }

    @Test
    void oracle_and_sql_server_urls_name_an_unmodelled_backend_but_a_sqlite_url_is_a_placeholder() {
        assertEquals(Optional.of("sqlite"), Dialect.unmodelledBackend("sqlite:///app.db"));
        assertEquals(Optional.of("mssql"), Dialect.unmodelledBackend("mssql+pyodbc://u:p@dsn"));
        assertEquals(Optional.of("oracle"), Dialect.unmodelledBackend(" oracle+cx_oracle://h/x"));
        assertEquals(Optional.empty(), Dialect.unmodelledBackend("driver://user:pass@localhost/dbname"));
        assertEquals(Optional.empty(), Dialect.unmodelledBackend("postgresql://h/x"));
        assertEquals(Optional.empty(), Dialect.unmodelledBackend("sqlite"));
        assertEquals("mssql", withEnv("engine = create_engine('mssql+pyodbc://u:p@dsn')\n").settings().unmodelledBackend());
        // nova's alembic.ini says `sqlite:///nova.db` and deploys on MySQL: a sqlite URL names nothing
        assertEquals(null, withEnv("engine = create_engine('sqlite:///app.db')\n").settings().unmodelledBackend());
        p.ini("alembic.ini", "script_location = migrations\nsqlalchemy.url = sqlite:///will/be/overridden\n");
        assertEquals(null, target(SettingsOverrides.NONE).settings().unmodelledBackend());
        p.ini("alembic.ini", "script_location = migrations\nsqlalchemy.url = oracle://scott:tiger@h/x\n")
                .file("migrations/env.py", "engine = create_engine(os.environ['URL'])\n");
        LintTarget oracle = target(SettingsOverrides.NONE);
        assertEquals("oracle", oracle.settings().unmodelledBackend());
        assertEquals(new PinSource("alembic.ini", "sqlalchemy.url = oracle://..."), oracle.provenance().get("dialect"));
    }

    @Test
    void a_stated_dialect_wins_over_an_unmodelled_backend() {
        perBackend("config.set_main_option(\"version_locations\", f\"{database_type}_versions\")\n");
        for (LintTarget t : new Discovery(new SettingsOverrides(null, null, null, Dialect.parse("mysql")))
                .discover(List.of(tmp)).targets()) {
            assertEquals(null, t.settings().unmodelledBackend(), t.versionsDir().toString());
            assertEquals(Dialect.parse("mysql"), t.settings().dialect());
        }
    }

    @Test
    void a_folder_name_alone_names_no_backend() {
        java.util.Map<String, LintTarget> t = perBackend("config = context.config\n"
                + "config.set_main_option(\"version_locations\", \"postgresql_versions\")\n");
        assertEquals(Dialect.POSTGRESQL, t.get("mysql_versions").settings().dialect());
        assertEquals(Dialect.POSTGRESQL, t.get("mariadb_versions").settings().dialect());
    }

    @Test
    void env_py_wins_over_alembic_ini_because_it_is_what_connects() {
        p.ini("alembic.ini", "script_location = migrations\nsqlalchemy.url = postgresql://db/app\n")
                .file("migrations/env.py", "connectable = create_engine('mysql://db/app')\n")
                .revision("migrations/versions/a.py", "a", null);
        assertEquals(Dialect.parse("mysql"), target(SettingsOverrides.NONE).settings().dialect());
    }

    @Test
    void a_url_built_at_run_time_or_urls_of_several_backends_name_no_dialect() {
        assertEquals(Dialect.POSTGRESQL, withEnv("engine = create_engine(os.environ['DATABASE_URL'])\n").settings().dialect());
        assertEquals(Dialect.POSTGRESQL, withEnv("engine = create_engine(f\"{DRIVER}://db/app\")\n").settings().dialect());
        assertEquals(Dialect.POSTGRESQL, withEnv("if TESTING:\n    e = create_engine('sqlite://')\nelse:\n"
                + "    e = create_engine('mysql+pymysql://db/app')\n").settings().dialect());
        assertEquals(Dialect.POSTGRESQL, withEnv("s = \"create_engine('mysql://x')\"\n").settings().dialect());
        assertEquals(null, withEnv("e = create_engine(url)\n").provenance().get("dialect"));
    }
}
