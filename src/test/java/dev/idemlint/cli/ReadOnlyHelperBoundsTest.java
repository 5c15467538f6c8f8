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
 * checkout: a pull request cannot make the linter read a module above the checkout by naming its folders.
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
}
