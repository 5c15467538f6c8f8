package dev.idemlint.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idemlint lint --fix/--unsafe-fixes/--diff} end to end, on files in a temp directory. */
class FixCommandTest {
    @TempDir
    Path dir;

    static final String REVISION = """
            \"\"\"add notes

            Revision ID: a1
            Revises:
            \"\"\"
            import sqlalchemy as sa
            from alembic import op

            revision = "a1"
            down_revision = None


            def upgrade():
                op.execute("ALTER TABLE players ADD COLUMN custom_notes text")
                op.execute("create index ix_players_name on players (name)")
                op.add_column(
                    "players",
                    sa.Column("nickname", sa.String(64)),
                )


            def downgrade():
                pass
            """;

    /** {@code idemlint ARGS} with the locks category left out: these tests count the fixes of re-run findings. */
    private static CliRun.Result run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        System.arraycopy(args, 1, all, 2, args.length - 1);
        all[1] = "--ignore=locks";
        return CliRun.run(all);
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void fix_rewrites_raw_sql_and_passes_the_keyword_then_a_second_fix_changes_nothing() throws Exception {
        Path f = write("a1_add_notes.py", REVISION);
        CliRun.Result r = run("lint", "--fix", "--color", "never", "--alembic-version", "1.16.0", f.toString());
        String fixed = Files.readString(f);
        assertTrue(fixed.contains("ADD COLUMN IF NOT EXISTS custom_notes"), fixed);
        assertTrue(fixed.contains("create index if not exists ix_players_name"), fixed);
        assertTrue(fixed.contains("""
                        sa.Column("nickname", sa.String(64)),
                        if_not_exists=True,
                    )
                """), fixed);
        assertTrue(r.out().contains("Fixed 3 problems (0 remaining)."), r.out());
        assertEquals(0, r.exit(), r.out() + r.err());
        CliRun.Result again = run("lint", "--fix", "--alembic-version", "1.16.0", f.toString());
        assertEquals(fixed, Files.readString(f));
        assertTrue(again.out().contains("Fixed 0 problems (0 remaining)."), again.out());
    }

    @Test
    void diff_prints_a_unified_diff_writes_nothing_and_exits_1() throws Exception {
        Path f = write("a1_add_notes.py", REVISION);
        CliRun.Result r = run("lint", "--diff", "--alembic-version", "1.16.0", f.toString());
        assertEquals(REVISION, Files.readString(f));
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("-    op.execute(\"ALTER TABLE players ADD COLUMN custom_notes text\")\n"
                + "-    op.execute(\"create index ix_players_name on players (name)\")\n"
                + "+    op.execute(\"ALTER TABLE players ADD COLUMN IF NOT EXISTS custom_notes text\")\n"), r.out());
        assertTrue(r.out().startsWith("--- a/"), r.out());
        assertTrue(r.err().contains("Would fix 3 problems"), r.err());
    }

    @Test
    void guards_need_unsafe_fixes_and_bring_their_import() throws Exception {
        String text = REVISION.replace("import sqlalchemy as sa\n", "import sqlalchemy\n")
                .replace("sa.Column(\"nickname\", sa.String(64))", "sqlalchemy.Column(\"nickname\", sqlalchemy.String(64))");
        Path f = write("a1_add_notes.py", text);
        CliRun.Result safe = run("lint", "--fix", "--alembic-version", "1.8.1", f.toString());
        assertTrue(safe.out().contains("Fixed 2 problems (1 remaining)."), safe.out());
        assertEquals(1, safe.exit());
        CliRun.Result unsafe = run("lint", "--fix", "--unsafe-fixes", "--alembic-version", "1.8.1", f.toString());
        String fixed = Files.readString(f);
        assertTrue(fixed.contains("""
                    if "nickname" not in {c["name"] for c in sqlalchemy.inspect(op.get_bind()).get_columns("players")}:
                        op.add_column(
                            "players",
                            sqlalchemy.Column("nickname", sqlalchemy.String(64)),
                        )
                """), fixed);
        assertTrue(unsafe.out().contains("Fixed 1 problem (0 remaining)."), unsafe.out());
        assertEquals(0, unsafe.exit());
    }

    @Test
    void fix_keeps_crlf_bom_and_uses_the_files_line_ending_for_new_lines() throws Exception {
        String text = REVISION.replace("import sqlalchemy as sa\n", "").replace("sa.Column(\"nickname\", sa.String(64))",
                "None").replace("\n", "\r\n");
        Path f = dir.resolve("a1_add_notes.py");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[3 + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(f, all);
        run("lint", "--fix", f.toString());
        byte[] after = Files.readAllBytes(f);
        assertArrayEquals(bom, java.util.Arrays.copyOf(after, 3));
        String fixed = new String(after, 3, after.length - 3, StandardCharsets.UTF_8);
        assertEquals(fixed.split("\r\n", -1).length, fixed.split("\n", -1).length, "every line ends in CRLF");
        assertTrue(fixed.contains("ADD COLUMN IF NOT EXISTS custom_notes"), fixed);
    }
}
