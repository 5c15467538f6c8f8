package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guard on a helper of a package holding the revision is read only when that package lies in the revision's
 * checkout: a pull request cannot make the linter read a module above the checkout by naming its folders. A
 * revision testing a new condition per statement is decided in a bounded number of worlds, each replaying it.
 */
class ReadOnlyHelperBoundsTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/rules/add-column-not-idempotent"
            + "/guard_on_read_only_helper");

    @TempDir
    Path tmp;

    /** {@code checkout/legacy/db/versions/001_players.py}, the helper at {@code <helperParent>/legacy_utils.py}. */
    private Path layout(Path checkout, Path helperParent) throws IOException {
        Path versions = checkout.resolve("legacy/db/versions");
        Files.createDirectories(versions);
        Files.createDirectories(checkout.resolve(".git"));
        Files.writeString(checkout.resolve("legacy/db/alembic.ini"), "[alembic]\nscript_location = .\n");
        Files.copy(FIXTURE.resolve("versions/001_players.py"), versions.resolve("001_players.py"));
        Files.createDirectories(helperParent);
        Files.copy(FIXTURE.resolve("legacy/legacy_utils.py"), helperParent.resolve("legacy_utils.py"));
        return versions;
    }

    private static String lint(Path versions) {
        CliRun.Result r = CliRun.run("lint", versions.toString(), "--no-cache", "--format", "concise",
                "--select", "add-column-not-idempotent", "--dialect", "mariadb");
        return r.out();
    }

    @Test
    void a_helper_of_a_package_inside_the_checkout_is_read() throws IOException {
        Path checkout = tmp.resolve("proj");
        Path versions = layout(checkout, checkout.resolve("legacy"));
        String out = lint(versions);
        assertTrue(out.contains("add-column-not-idempotent") && out.contains("is_migration_needed(1)"), out);
    }

    @Test
    void a_folder_above_the_checkout_named_like_the_package_is_not_read() throws IOException {
        // the checkout sits in a folder named "legacy", which holds a legacy_utils.py of its own
        Path outer = tmp.resolve("legacy");
        Path checkout = outer.resolve("proj");
        Path versions = layout(checkout, outer);
        String out = lint(versions);
        assertEquals(false, out.contains("add-column-not-idempotent"), out);
        assertTrue(Files.isRegularFile(outer.resolve("legacy_utils.py")), "the module above the checkout exists");
    }

    private static long findings(String out) {
        return out.lines().filter(l -> l.contains("add-column-not-idempotent")).count();
    }

    private static String guarded(int n, String test) {
        StringBuilder b = new StringBuilder("\"\"\"r\"\"\"\nimport os\nimport sqlalchemy as sa\nfrom alembic import op\n"
                + "from legacy import legacy_utils\n\nrevision = \"001\"\ndown_revision = None\n\n\ndef upgrade():\n");
        for (int i = 0; i < n; i++) {
            b.append("    if ").append(test.replace("N", Integer.toString(i))).append(":\n")
                    .append("        op.add_column(\"players\", sa.Column(\"c").append(i).append("\", sa.String(20)))\n");
        }
        return b.toString();
    }

    @Test
    void a_new_setting_per_statement_is_decided_for_the_first_worlds_only() throws IOException {
        Path checkout = tmp.resolve("proj");
        Path versions = layout(checkout, checkout.resolve("legacy"));
        Files.writeString(versions.resolve("001_players.py"), guarded(40, "os.environ.get(\"ENV\") == \"pN\""));
        assertEquals(32, findings(lint(versions)));
        Files.writeString(versions.resolve("001_players.py"), guarded(3, "os.environ.get(\"ENV\") == \"pN\""));
        assertEquals(3, findings(lint(versions)));
    }

    @Test
    void a_revision_s_guards_on_a_helper_are_read_up_to_a_bound() throws IOException {
        Path checkout = tmp.resolve("proj");
        Path versions = layout(checkout, checkout.resolve("legacy"));
        Files.writeString(versions.resolve("001_players.py"), guarded(20, "legacy_utils.is_migration_needed(N)"));
        assertEquals(16, findings(lint(versions)));
    }

    private static final String TYPES = "from sqlalchemy import types\n\n\nclass Dict(types.TypeDecorator):\n"
            + "    impl = types.Text\n";

    /** The revision adds a column typed by the project's {@code types.Dict} under the helper's guard. */
    private static String typed() {
        return guarded(1, "legacy_utils.is_migration_needed(N)").replace("sa.String(20)", "types.Dict()")
                .replace("from legacy import legacy_utils\n", "from legacy import legacy_utils\nfrom legacy import types\n");
    }

    @Test
    void a_type_module_inside_the_checkout_is_read_and_one_above_it_or_linked_out_of_it_is_not() throws IOException {
        Path checkout = tmp.resolve("legacy/proj");
        Path versions = layout(checkout, checkout.resolve("legacy"));
        Files.writeString(versions.resolve("001_players.py"), typed());
        assertEquals(0, findings(lint(versions)), "no types module yet: the guard stays unknown");
        // a folder above the checkout named like the package holds the module
        Files.writeString(tmp.resolve("legacy/types.py"), TYPES);
        assertEquals(0, findings(lint(versions)), "the module above the checkout is not read");
        // a link inside the checkout to it
        Files.createSymbolicLink(checkout.resolve("legacy/types.py"), tmp.resolve("legacy/types.py"));
        assertEquals(0, findings(lint(versions)), "a link out of the checkout is not followed");
        Files.delete(checkout.resolve("legacy/types.py"));
        Files.writeString(checkout.resolve("legacy/types.py"), TYPES);
        assertEquals(1, findings(lint(versions)), "the module inside the checkout is read");
    }

    @Test
    void a_guard_s_project_names_are_looked_up_up_to_a_bound() throws IOException {
        Path checkout = tmp.resolve("proj");
        Path versions = layout(checkout, checkout.resolve("legacy"));
        StringBuilder module = new StringBuilder("from sqlalchemy import types\n");
        for (int i = 0; i < 40; i++) {
            module.append("\n\nclass T").append(i).append("(types.TypeDecorator):\n    impl = types.Text\n");
        }
        Files.writeString(checkout.resolve("legacy/types.py"), module);
        for (int names : new int[] {16, 40}) {
            StringBuilder columns = new StringBuilder();
            for (int i = 0; i < names; i++) {
                columns.append("    op.add_column(\"players\", sa.Column(\"t").append(i).append("\", types.T").append(i)
                        .append("))\n");
            }
            Files.writeString(versions.resolve("001_players.py"), guarded(0, "")
                    .replace("from legacy import legacy_utils\n", "from legacy import legacy_utils\nfrom legacy import types\n")
                    + "    if not legacy_utils.is_migration_needed(1):\n        return\n" + columns);
            assertEquals(names == 16 ? 16 : 0, findings(lint(versions)), names + " names");
        }
    }
}
