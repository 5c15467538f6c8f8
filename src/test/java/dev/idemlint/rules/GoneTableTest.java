package dev.idemlint.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gone-table finding where a try/except catches the missing table: on MariaDB the handler of PyMySQL's class for
 * 1146 (ProgrammingError, shown on MariaDB 10.11) lets the revision go on, so the statement is settled and nothing is
 * reported of it; on PostgreSQL the same handler leaves the transaction aborted (25P02).
 */
class GoneTableTest {
    @TempDir
    Path dir;

    private Path revision() throws IOException {
        Path versions = Files.createDirectories(dir.resolve("versions"));
        return Files.writeString(versions.resolve("d5e1000021_dropped_later.py"), """
                import sqlalchemy as sa
                from alembic import op

                revision = "d5e1000021"
                down_revision = None


                def upgrade():
                    try:
                        op.add_column("players_old", sa.Column("coach", sa.Integer()))
                    except sa.exc.ProgrammingError:
                        pass
                    op.add_column("players_old", sa.Column("seat", sa.Integer()))
                    op.drop_table("players_old")


                def downgrade():
                    pass
                """);
    }

    @Test
    void a_handler_of_the_missing_table_settles_the_statement_on_mariadb_but_not_on_postgresql() throws IOException {
        Path file = revision();
        String maria = CliRun.run("lint", "--no-cache", "--dialect", "mariadb:10.11", "--alembic-version", "1.8.1",
                "--format", "concise", file.toString()).out();
        assertTrue(maria.contains(":13:5: add-column-not-idempotent Re-running this revision fails with error 1146"
                + " ER_NO_SUCH_TABLE because table \"players_old\" is already gone"), maria);
        assertFalse(maria.contains(":10:"), "the handler catches 1146 and MariaDB goes on:\n" + maria);
        String pg = CliRun.run("lint", "--no-cache", "--dialect", "postgresql", "--alembic-version", "1.8.1",
                "--format", "concise", file.toString()).out();
        assertTrue(pg.contains(":10:9: add-column-not-idempotent Re-running this revision fails with"
                + " InFailedSqlTransaction (25P02) after a swallowed UndefinedTable (42P01)"), pg);
    }
}
