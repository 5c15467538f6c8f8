package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A zero-length quoted name ({@code ""}, which PostgreSQL rejects) in raw SQL: lint and {@code --fix}
 * finish and read the statement like any other of its shape. The timeout only guards against a hang
 * (an empty needle searched for from past the end of a string is found there again, forever); the
 * assertions are the findings and the rewritten file.
 */
class EmptyIdentifierTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Path revision(String sql) throws Exception {
        Path f = dir.resolve("001_empty.py");
        Files.writeString(f, """
                from alembic import op

                revision = "001"
                down_revision = None


                def upgrade():
                    op.execute(%s)


                def downgrade():
                    pass
                """.formatted(pythonString(sql)));
        return f;
    }

    /** A Python double-quoted literal of {@code sql}. */
    private static String pythonString(String sql) {
        return '"' + sql.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "CREATE TABLE \"\" (id int)       | create-table-not-idempotent",
        "ALTER TABLE \"\" ADD COLUMN x int | add-column-not-idempotent",
        "DROP TABLE \"\"                  | drop-not-idempotent",
        "CREATE TYPE \"\" AS ENUM ('a')   | create-type-unguarded",
        "CREATE SEQUENCE \"\"             | create-statement-not-idempotent",
        "INSERT INTO \"\" VALUES (1)      | ``",
    })
    void lint_finishes_with_the_finding_of_the_statements_shape(String sql, String rule) throws Exception {
        Path f = revision(sql);
        CliRun.Result r = assertTimeoutPreemptively(HANG_GUARD,
                () -> CliRun.run("lint", "--format", "json", "--alembic-version", "1.16.0", f.toString()));
        if (rule.isEmpty()) {
            assertTrue(r.out().contains("\"diagnostics\": 0"), r.out() + r.err());
            assertEquals(0, r.exit(), r.out() + r.err());
        } else {
            assertTrue(r.out().contains("\"byRule\": {\"" + rule + "\": 1}"), r.out() + r.err());
            assertEquals(1, r.exit(), r.out() + r.err());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "CREATE TABLE \"\" (id int)       | CREATE TABLE IF NOT EXISTS \"\" (id int)",
        "ALTER TABLE \"\" ADD COLUMN x int | ALTER TABLE \"\" ADD COLUMN IF NOT EXISTS x int",
        "DROP TABLE \"\"                  | DROP TABLE IF EXISTS \"\"",
        "CREATE TYPE \"\" AS ENUM ('a')   | DO $$ BEGIN CREATE TYPE \"\" AS ENUM ('a'); EXCEPTION WHEN duplicate_object THEN null; END $$",
        "CREATE SEQUENCE \"\"             | CREATE SEQUENCE IF NOT EXISTS \"\"",
        "INSERT INTO \"\" VALUES (1)      | INSERT INTO \"\" VALUES (1)",
    })
    void fix_finishes_and_rewrites_the_statement(String sql, String fixed) throws Exception {
        Path f = revision(sql);
        CliRun.Result r = assertTimeoutPreemptively(HANG_GUARD,
                () -> CliRun.run("lint", "--fix", "--alembic-version", "1.16.0", f.toString()));
        assertEquals(0, r.exit(), r.out() + r.err());
        String text = Files.readString(f);
        assertTrue(text.contains("    op.execute(" + pythonString(fixed) + ")\n"), text);
    }
}
