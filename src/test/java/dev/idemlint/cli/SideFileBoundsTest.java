package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL a revision reads from a file beside it is linted only when that file is a regular file of the revision's
 * own folder (links resolved), at most 1 MiB and UTF-8: a pull request cannot make the linter read, or quote in a
 * message, a file elsewhere on the machine, nor hold a huge one in memory.
 */
class SideFileBoundsTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/rules/create-table-not-idempotent"
            + "/sql_file_beside/versions");

    @TempDir
    Path tmp;

    /** A checkout holding the fixture's first revision; its {@code base.sql} is left to the caller. */
    private Path versions() throws IOException {
        Path checkout = tmp.resolve("proj");
        Path versions = checkout.resolve("migrations/versions");
        Files.createDirectories(versions);
        Files.createDirectories(checkout.resolve(".git"));
        Files.copy(FIXTURE.resolve("001_base.py"), versions.resolve("001_base.py"));
        return versions;
    }

    private static long findings(Path versions) {
        CliRun.Result r = CliRun.run("lint", versions.toString(), "--no-cache", "--format", "concise",
                "--select", "create-table-not-idempotent", "--dialect", "mariadb");
        return r.out().lines().filter(l -> l.contains("create-table-not-idempotent")).count();
    }

    @Test
    void the_file_beside_the_revision_is_read() throws IOException {
        Path versions = versions();
        Files.copy(FIXTURE.resolve("base.sql"), versions.resolve("base.sql"));
        assertEquals(2, findings(versions));
    }

    @Test
    void a_link_leading_out_of_the_revision_folder_is_not_read() throws IOException {
        Path versions = versions();
        Path outside = tmp.resolve("elsewhere.sql");
        Files.copy(FIXTURE.resolve("base.sql"), outside);
        Files.createSymbolicLink(versions.resolve("base.sql"), outside);
        assertEquals(0, findings(versions));
    }

    @Test
    void a_file_run_line_by_line_from_upgrade_is_held_to_the_same_folder() throws IOException {
        Path versions = versions();
        Files.copy(FIXTURE.resolve("003_lines.py"), versions.resolve("003_lines.py"));
        Path outside = tmp.resolve("elsewhere.sql");
        Files.copy(FIXTURE.resolve("lines.sql"), outside);
        Files.createSymbolicLink(versions.resolve("lines.sql"), outside);
        assertEquals(0, findings(versions));
        Files.delete(versions.resolve("lines.sql"));
        Files.copy(FIXTURE.resolve("lines.sql"), versions.resolve("lines.sql"));
        assertEquals(1, findings(versions));
    }

    @Test
    void a_file_read_whole_through_pathlib_is_held_to_the_same_folder() throws IOException {
        Path versions = versions();
        Path whole = Path.of("src/test/resources/fixtures/rules/create-table-not-idempotent/sql_file_read_whole"
                + "/versions");
        Files.copy(whole.resolve("001_init.py"), versions.resolve("004_whole.py"));
        Files.createDirectories(versions.resolve("sql"));
        Path outside = tmp.resolve("elsewhere.sql");
        Files.copy(whole.resolve("sql/init.sql"), outside);
        Files.createSymbolicLink(versions.resolve("sql/init.sql"), outside);
        assertEquals(0, findings(versions));
        Files.delete(versions.resolve("sql/init.sql"));
        Files.copy(whole.resolve("sql/init.sql"), versions.resolve("sql/init.sql"));
        assertEquals(1, findings(versions));
        // a part that climbs out of the folder (`..`) or an absolute path is never followed
        String up = Files.readString(versions.resolve("004_whole.py")).replace("/ \"sql\" / \"init.sql\"",
                "/ \"..\" / \"versions\" / \"sql\" / \"init.sql\"");
        Files.writeString(versions.resolve("004_whole.py"), up);
        assertEquals(0, findings(versions));
    }

    @Test
    void a_file_over_one_mebibyte_is_not_read() throws IOException {
        Path versions = versions();
        StringBuilder big = new StringBuilder(Files.readString(FIXTURE.resolve("base.sql")));
        while (big.length() <= 1 << 20) {
            big.append("-- padding line of a file too large to read whole\n");
        }
        Files.writeString(versions.resolve("base.sql"), big);
        assertEquals(0, findings(versions));
    }

    @Test
    void a_file_that_is_not_utf8_is_not_read() throws IOException {
        Path versions = versions();
        byte[] sql = Files.readAllBytes(FIXTURE.resolve("base.sql"));
        byte[] bad = new byte[sql.length + 2];
        System.arraycopy(sql, 0, bad, 0, sql.length);
        bad[sql.length] = (byte) 0xC3;
        bad[sql.length + 1] = (byte) 0x28;
        Files.write(versions.resolve("base.sql"), bad);
        assertEquals(0, findings(versions));
    }
}
