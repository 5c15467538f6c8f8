package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.idemlint.discovery.Discovery;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.fixture.FuzzDeadline;
import dev.idemlint.fixture.FuzzFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target: any bytes as a whole project a pull request controls (its alembic.ini, pyproject.toml and
 * .idemlint.toml, version pins, env.py and the modules it names, revisions, links in and out), discovered and
 * linted as {@code idemlint lint .} does. The input is written by {@link FuzzFiles}, {@code #N} naming the
 * {@code N}th of {@link #KINDS}; beside the root lies a project whose revisions must never be read. Discovery
 * returns (it documents no exception: bad input is an {@code InputProblem}) within {@link FuzzDeadline#LIMIT},
 * twice the same; every target lies inside the root; its lint returns, with no finding outside the root or its
 * file and none saying the analyzer failed.
 */
class ProjectFuzzTest {
    @TempDir
    static Path dir;
    private static int n;

    /** The kinds {@code #N} names: every file discovery, the config, the pins and the naming convention read. */
    static final List<String> KINDS = List.of("alembic.ini", "pyproject.toml", ".idemlint.toml", "setup.cfg",
            "setup.py", "requirements.txt", "poetry.lock", "uv.lock", "Pipfile.lock", "env.py", "script.py.mako",
            "versions/0001_a.py", "versions/0002_b.py", "models.py", "__init__.py", "migrations/env.py",
            "migrations/versions/0001_a.py", ".idemlint-baseline.json");

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10s")
    void discovering_and_linting_a_hostile_project_holds_on_any_input(byte[] input) throws Exception {
        Path root = Files.createDirectories(dir.resolve("p" + n).resolve("root"));
        Path outside = root.getParent().resolve("outside");
        n++;
        try {
            Files.createDirectories(outside.resolve("versions"));
            Files.writeString(outside.resolve("versions/0001_stolen.py"), STOLEN);
            FuzzFiles.build(root, input, KINDS);
            FuzzDeadline.run(() -> check(root));
        } finally {
            FuzzFiles.delete(root.getParent());
        }
    }

    private static final String STOLEN = "revision = 'stolen'\ndown_revision = None\n\n\ndef upgrade():\n"
            + "    op.add_column('t', sa.Column('c', sa.Integer()))\n";

    private static void check(Path root) throws IOException {
        Discovery.Result first = new Discovery(Settings.DEFAULT).discover(List.of(root));
        Discovery.Result again = new Discovery(Settings.DEFAULT).discover(List.of(root));
        assertEquals(first.toString(), again.toString(), "a second discovery differs");
        Path realRoot = root.toRealPath();
        for (LintTarget t : first.targets()) {
            for (Path f : t.files()) {
                Path real = f.toRealPath();
                assertTrue(real.startsWith(realRoot), () -> "a target's file outside the root: " + f + " -> " + real);
            }
            LintResult result = FuzzProject.LINTER.lint(t, p -> root.relativize(p.toAbsolutePath().normalize()).toString());
            for (Diagnostic d : result.diagnostics()) {
                int length = d.file().text().length();
                assertTrue(d.span().start() >= 0 && d.span().start() <= d.span().end() && d.span().end() <= length,
                        () -> "finding outside its file (" + length + " chars): " + d);
                Path p = d.file().path();
                assertTrue(p == null || p.toAbsolutePath().normalize().startsWith(root)
                        || p.toAbsolutePath().normalize().startsWith(realRoot), () -> "a finding outside the root: " + d);
            }
            assertEquals(List.of(), FuzzProject.internalFailures(result.diagnostics()), "the analyzer failed");
        }
    }

    /** Projects of the layouts discovery knows, config of every kind, and hostile forms of each. */
    static Stream<Arguments> seeds() {
        List<Arguments> out = new ArrayList<>();
        String rev1 = "\"\"\"a\n\nRevision ID: 0001\nRevises:\n\"\"\"\nimport sqlalchemy as sa\nfrom alembic import op\n\n"
                + "revision = \"0001\"\ndown_revision = None\n\n\ndef upgrade():\n"
                + "    op.create_table(\"t\", sa.Column(\"id\", sa.Integer, primary_key=True))\n";
        String rev2 = "revision = \"0002\"\ndown_revision = \"0001\"\n\n\ndef upgrade():\n"
                + "    op.add_column(\"t\", sa.Column(\"c\", sa.Integer()))\n"
                + "    op.create_foreign_key(None, \"t\", \"u\", [\"c\"], [\"id\"])\n";
        String env = "from alembic import context\nfrom models import metadata\n\n"
                + "context.configure(connection=None, target_metadata=metadata)\n";
        seed(out, "ini layout", "=== alembic.ini\n[alembic]\nscript_location = migrations\n"
                + "sqlalchemy.url = postgresql://u@h/db\n=== migrations/env.py\n" + env
                + "=== migrations/models.py\nimport sqlalchemy as sa\nmetadata = sa.MetaData(naming_convention="
                + "{\"fk\": \"fk_%(table_name)s_%(column_0_name)s\"})\n=== migrations/versions/0001_a.py\n" + rev1
                + "=== migrations/versions/0002_b.py\n" + rev2 + "=== requirements.txt\nalembic==1.16.0\nSQLAlchemy>=2\n");
        seed(out, "pyproject", "=== pyproject.toml\n[project]\nname = \"x\"\ndependencies = [\"alembic~=1.13\"]\n"
                + "[tool.idemlint]\nexclude = [\"a/**\"]\nselect = [\"ALL\"]\nignore = [\"multiple-heads\"]\n"
                + "[tool.idemlint.per-file-ignores]\n\"*.py\" = [\"add-column-not-idempotent\"]\n"
                + "=== alembic/versions/0001_a.py\n" + rev1 + "=== alembic/env.py\n" + env);
        seed(out, "locations", "=== alembic.ini\n[alembic]\nscript_location = %(here)s/db\n"
                + "version_locations = %(here)s/db/versions %(here)s/../outside/versions /etc\n"
                + "recursive_version_locations = true\npath_separator = space\n=== db/env.py\n" + env
                + "=== db/versions/sub/0001_a.py\n" + rev1 + "=== @link db/versions/loop -> ..\n"
                + "=== @link db/versions/out -> ../../../outside/versions\n");
        seed(out, "interpolation", "=== alembic.ini\n[alembic]\nscript_location = %(a)s\na = %(b)s\nb = %(a)s\n"
                + "[DEFAULT]\nhere = %(here)s%(here)s\n=== setup.cfg\n[options]\ninstall_requires =\n    alembic==1.8.1\n"
                + "=== env.py\n" + env + "=== versions/0001_a.py\n" + rev1);
        seed(out, "pins", "=== poetry.lock\n[[package]]\nname = \"alembic\"\nversion = \"1.16.1\"\n"
                + "=== uv.lock\n[[package]]\nname = \"alembic\"\nversion = \"1.11.0\"\n=== Pipfile.lock\n"
                + "{\"default\": {\"alembic\": {\"version\": \"==1.13.3\"}}}\n=== requirements.txt\n-r requirements.txt\n"
                + "-r ../outside/r.txt\nalembic @ git+https://x\n=== versions/0001_a.py\n" + rev1 + "=== env.py\n" + env);
        seed(out, "toml", "=== .idemlint.toml\n" + "a = [".repeat(200) + "\n" + "[tool.idemlint]\nb = \"\"\"\n"
                + "x\\u0000\\ud800\n=== pyproject.toml\n[tool.idemlint\nselect = 1\n[[tool.idemlint]]\n"
                + "=== versions/0001_a.py\n" + rev1);
        seed(out, "flask naming", "=== migrations/env.py\nfrom flask import current_app\nfrom alembic import context\n"
                + "target_metadata = current_app.extensions['migrate'].db.metadata\n"
                + "context.configure(connection=None, target_metadata=target_metadata)\n=== app/__init__.py\n"
                + "from app import models\nfrom .models import *\n=== app/models.py\nfrom app import *\n"
                + "db.Model.metadata.naming_convention = {\"fk\": make, **other}\n=== migrations/versions/0001_a.py\n"
                + rev1 + "=== migrations/versions/0002_b.py\n" + rev2);
        seed(out, "baseline", "=== .idemlint-baseline.json\n{\"version\": 1, \"findings\": [{\"rule\": \"x\", \"file\": "
                + "\"../outside\", \"fingerprint\": 5}]}\n=== versions/0001_a.py\n" + rev1 + "=== #\u0009 x\n[x\n");
        return out.stream();
    }

    private static void seed(List<Arguments> out, String name, String text) {
        out.add(Arguments.of(Named.of(name, text.getBytes(StandardCharsets.UTF_8))));
    }
}
