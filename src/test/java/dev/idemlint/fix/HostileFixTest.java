package dev.idemlint.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --fix} on revision files written to break it: odd revision ids, file names the locale cannot
 * spell, a file system that refuses the write. Each fixed file must compile (CPython's own
 * {@code compile()} when a python3 is installed), a second run must change nothing, and a run that
 * cannot write every file writes none and still prints its report.
 */
class HostileFixTest {
    @TempDir
    Path dir;

    /** A revision with a docstring header, {@code revision = <revisionLiteral>} and a fixable raw SQL line. */
    private static String revision(String docId, String revisionLiteral, String downLiteral, String column) {
        return "\"\"\"add " + column + "\n\nRevision ID: " + docId + "\nRevises:\nCreate Date: 2024-01-01 10:00:00\n\n"
                + "\"\"\"\nfrom alembic import op\n\nrevision = " + revisionLiteral + "\ndown_revision = " + downLiteral
                + "\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n"
                + "    op.execute(\"ALTER TABLE players ADD COLUMN " + column + " text\")\n\n\n"
                + "def downgrade():\n    pass\n";
    }

    private Path write(Path in, String name, String text) throws IOException {
        Files.createDirectories(in);
        Path f = in.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static CliRun.Result fix(Path target, String... flags) {
        List<String> args = new java.util.ArrayList<>(List.of("lint", "--fix", "--color", "never",
                "--alembic-version", "1.13.1"));
        args.addAll(List.of(flags));
        args.add(target.toString());
        return CliRun.run(args.toArray(String[]::new));
    }

    /** Every file under {@code root} with its bytes, by relative path. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static void assertCompiles(Path root) throws Exception {
        List<Path> py;
        try (Stream<Path> s = Files.walk(root)) {
            py = s.filter(p -> p.toString().endsWith(".py")).toList();
        }
        for (Path p : py) {
            byte[] bytes = Files.readAllBytes(p);
            for (byte b : bytes) {
                assertNotEquals(0, b, p + " holds a NUL byte");
            }
        }
        if (PythonCompile.available()) {
            assertEquals(List.of(), PythonCompile.refused(py));
        }
    }

    /** The second run finds nothing to do: no file changes, none is created, none renamed. */
    private static void assertSecondRunChangesNothing(Path root, String... flags) throws IOException {
        Map<String, String> before = tree(root);
        CliRun.Result again = fix(root, flags);
        assertTrue(again.out().contains("Fixed 0 problems"), again.out() + again.err());
        assertEquals(before, tree(root), "the second --fix run changed files");
    }

    @Test
    void revision_none_under_a_docstring_header_keeps_the_report_and_the_other_fixes() throws Exception {
        Path f = write(dir, "a1_notes.py", revision("zz", "None", "None", "custom_notes"));
        CliRun.Result r = fix(f);
        assertFalse(r.err().contains("Exception") || r.err().contains("Cannot invoke"), r.err());
        assertTrue(r.out().contains("Fixed 1 problem"), r.out() + r.err());
        assertTrue(Files.readString(f).contains("ADD COLUMN IF NOT EXISTS custom_notes"));
        assertTrue(Files.readString(f).contains("Revision ID: zz\n"), "there is no id to write into the header");
        assertCompiles(dir);
        assertSecondRunChangesNothing(dir);
    }

    @Test
    void a_nul_in_the_revision_id_is_reported_escaped_and_never_written() throws Exception {
        Path f = write(dir, "a1_notes.py", revision("zz", "\"\\x00\"", "None", "custom_notes"));
        CliRun.Result r = fix(f);
        assertTrue(r.out().contains("docstring-header-mismatch"), r.out());
        assertTrue(r.out().contains("declares revision = \"\\x00\""), r.out());
        assertFalse(r.out().contains("\0"), "a NUL is printed");
        assertTrue(Files.readString(f).contains("Revision ID: zz\n"), Files.readString(f));
        assertTrue(Files.readString(f).contains("ADD COLUMN IF NOT EXISTS custom_notes"));
        assertCompiles(dir);
        assertSecondRunChangesNothing(dir);
    }

    @Test
    void an_id_with_an_edge_space_gets_no_header_fix_so_the_file_stops_changing() throws Exception {
        String text = revision("zz", "\"a1 \"", "None", "custom_notes").replace("ADD COLUMN custom_notes",
                "ADD COLUMN IF NOT EXISTS custom_notes");
        Path f = write(dir, "a1_notes.py", text);
        CliRun.Result r = fix(f);
        assertTrue(r.out().contains("docstring-header-mismatch"), r.out());
        assertEquals(text, Files.readString(f), "a fix that never converges was applied");
        assertSecondRunChangesNothing(dir);
    }

    @Test
    void a_renumbered_duplicate_points_at_an_odd_head_through_an_escaped_literal() throws Exception {
        Path versions = dir.resolve("versions");
        write(versions, "0001_first.py", revision("0001", "\"0001\"", "None", "a"));
        write(versions, "0002_b.py", revision("0002", "\"0002\"", "\"0001\"", "b"));
        // the head of the line: an id with a quote, a backslash and a NUL
        write(versions, "0003_odd.py", revision("0003", "\"o\\\"d\\\\d\\x00\"", "\"0002\"", "c"));
        Path second = write(versions, "0002_second.py", revision("0002", "\"0002\"", "\"0001\"", "d"));
        Files.setLastModifiedTime(second, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        CliRun.Result r = fix(dir, "--unsafe-fixes");
        assertFalse(Files.exists(second), r.out() + r.err());
        Path renamed;
        try (Stream<Path> s = Files.list(versions)) {
            renamed = s.filter(p -> p.getFileName().toString().endsWith("_second.py")).findFirst().orElseThrow();
        }
        String text = Files.readString(renamed);
        assertTrue(text.contains("down_revision = \"o\\\"d\\\\d\\x00\"\n"), text);
        assertCompiles(dir);
        CliRun.Result heads = CliRun.run("heads", versions.toString());
        assertEquals(0, heads.exit(), heads.out() + heads.err());
        assertSecondRunChangesNothing(dir, "--unsafe-fixes");
    }

    @Test
    void a_merge_of_odd_heads_escapes_them_and_keeps_them_out_of_its_docstring() throws Exception {
        Path versions = dir.resolve("versions");
        write(versions, "0001_first.py", revision("0001", "\"0001\"", "None", "a"));
        write(versions, "0002_b.py", revision("0002", "\"0002\"", "\"0001\"", "b"));
        write(versions, "0003_odd.py", revision("0003", "'\\\\\\'\\u00e9\\U0001f600'", "\"0001\"", "c")
                .replace("Create Date: 2024-01-01 10:00:00", "Create Date: \\\"\\\"\\\" \\\\N"));
        CliRun.Result r = fix(dir, "--unsafe-fixes");
        Path merge;
        try (Stream<Path> s = Files.list(versions)) {
            merge = s.filter(p -> p.getFileName().toString().endsWith("_merge_heads.py")).findFirst()
                    .orElseThrow(() -> new AssertionError(r.out() + r.err()));
        }
        String text = Files.readString(merge);
        assertTrue(text.contains("down_revision: Union[str, Sequence[str], None] = (\"0002\", \"\\\\'\\xe9\\U0001f600\")"),
                text);
        assertFalse(text.contains("Revises:"), text);
        assertFalse(text.contains("\\N"), "a Create Date that is no date is copied: " + text);
        assertCompiles(dir);
        CliRun.Result heads = CliRun.run("heads", versions.toString());
        assertEquals(0, heads.exit(), heads.out() + heads.err());
        assertTrue(heads.out().contains(merge.getFileName().toString().substring(0, 4)), heads.out());
        assertSecondRunChangesNothing(dir, "--unsafe-fixes");
    }

    /** Python source of a string literal for a name given as Python escapes (so the test file holds no raw NUL). */
    private static String hostileRevision(int n, String name) {
        String id = String.format("%04d", n);
        return "\"\"\"hostile names\n\nRevision ID: " + id + "\nRevises:\n\n\"\"\"\nfrom alembic import op\n"
                + "import sqlalchemy as sa\n\nrevision = \"" + id + "\"\ndown_revision = None\n\n\ndef upgrade():\n"
                + "    op.add_column('t" + name + "', sa.Column('c" + name + "', sa.Text()))\n"
                + "    op.add_column('u' + '" + name + "', sa.Column('c' + '" + name + "', sa.Text()))\n"
                + "    op.create_index('ix" + name + "', 't" + name + "', ['c" + name + "'])\n"
                + "    op.create_table('tb" + name + "', sa.Column('id', sa.Integer()))\n"
                + "    op.rename_table('old" + name + "', 'new" + name + "')\n"
                + "    op.drop_column('t" + name + "', 'd" + name + "')\n"
                + "    op.drop_table('dt' + '" + name + "')\n"
                + "    op.execute('CREATE TABLE \"q" + name + "\" (id int)')\n\n\n"
                + "def downgrade():\n    pass\n";
    }

    @Test
    void names_with_spaces_newlines_nuls_and_lone_surrogates_get_fixes_that_compile_and_settle() throws Exception {
        String[] names = {"a b", "a\\nb", "a\\x00b", "a\\x7fb", "\\ud800x", "caf\u00e9", "x{y}", "a\\\\b"};
        Path versions = dir.resolve("versions");
        for (int i = 0; i < names.length; i++) {
            write(versions, String.format("%04d_h.py", i + 1), hostileRevision(i + 1, names[i]));
        }
        assertCompiles(dir);
        String[] flags = {"--unsafe-fixes", "--select", "add-column-not-idempotent,create-index-not-idempotent,"
                + "create-table-not-idempotent,rename-not-idempotent,drop-not-idempotent"};
        Map<String, String> before = tree(dir);
        CliRun.Result r = fix(dir, flags);
        assertFalse(r.err().contains("not fixed") || r.err().contains("discarded") || r.err().contains("not written"),
                r.err());
        assertTrue(r.out().contains(" problems (0 remaining)."), r.out() + r.err());
        Map<String, String> after = tree(dir);
        before.forEach((file, bytes) -> assertNotEquals(bytes, after.get(file), file + " was not fixed"));
        assertCompiles(dir);
        assertSecondRunChangesNothing(dir, flags);
    }

    @Test
    void an_unwritable_directory_stops_every_write_and_the_report_is_still_printed() throws Exception {
        Path open = dir.resolve("open/versions");
        Path locked = dir.resolve("locked/versions");
        write(open, "0001_a.py", revision("0001", "\"0001\"", "None", "a"));
        write(locked, "0001_b.py", revision("0001", "\"0001\"", "None", "b"));
        Map<String, String> before = tree(dir);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(locked), "this process writes anywhere (root)");
            CliRun.Result r = fix(dir);
            assertEquals(2, r.exit());
            assertTrue(r.err().contains("locked/versions/0001_b.py: not written, permission denied"), r.err());
            assertTrue(r.err().contains("--fix wrote no file"), r.err());
            assertTrue(r.out().contains("Found 2 problems"), "the report shows the files as they are: " + r.out());
            assertTrue(r.out().contains("Fixed 0 problems (2 remaining)."), r.out());
            assertEquals(before, tree(dir));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /**
     * Runs the CLI as the user nobody (root only, with setpriv): the one way to meet, in a root
     * container, the permissions an ordinary user meets. Its class path, jars and folders, is copied
     * where nobody can read it (the checkout may sit in a folder only root may enter), and {@link #dir}
     * is opened to it.
     */
    private ForkedCli.Result asNobody(String... args) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(
                Path.of("/usr/bin/setpriv")), "needs root and setpriv to run as another user");
        Path lib = Files.createDirectories(dir.resolve("lib"));
        List<String> cp = new java.util.ArrayList<>();
        for (String part : ForkedCli.classpath().split(java.io.File.pathSeparator)) {
            Path p = Path.of(part);
            if (Files.isRegularFile(p)) {
                Path copy = lib.resolve(p.getFileName().toString());
                if (!Files.exists(copy)) {
                    Files.copy(p, copy);
                }
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                cp.add(copy.toString());
            } else if (Files.isDirectory(p)) {
                Path copy = lib.resolve("dir" + cp.size());
                if (!Files.exists(copy)) {
                    copyReadable(p, copy);
                }
                cp.add(copy.toString());
            }
        }
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return ForkedCli.runWithClasspath(dir, Map.of(), List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                "--clear-groups"), String.join(java.io.File.pathSeparator, cp), args);
    }

    private static void copyReadable(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(p, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void a_file_whose_owner_cannot_be_kept_is_written_in_place() throws Exception {
        // a root-owned, world-writable file in a world-writable directory: nobody may change its content
        // but not give a new file root's ownership, so a rename would hand the file to nobody
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path f = write(shared, "0001_a.py", revision("0001", "\"0001\"", "None", "custom_notes"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Object inode = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        ForkedCli.Result r = asNobody("lint", "--fix", "--color", "never", "--alembic-version", "1.13.1", "shared");
        assertTrue(r.out().contains("Fixed 1 problem (0 remaining)."), r.out() + r.err());
        assertTrue(Files.readString(f).contains("ADD COLUMN IF NOT EXISTS custom_notes"));
        assertEquals("root", Files.getOwner(f).getName());
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(inode, Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        try (Stream<Path> s = Files.list(shared)) {
            assertEquals(1, s.count(), "a temporary file is left");
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void a_directory_the_user_cannot_write_stops_every_write_of_the_run() throws Exception {
        Path open = Files.createDirectories(dir.resolve("open"));
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Path a = write(open, "0001_a.py", revision("0001", "\"0001\"", "None", "a"));
        Path b = write(locked, "0001_b.py", revision("0001", "\"0001\"", "None", "b"));
        for (Path p : List.of(a, b)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-rw-rw-"));
        }
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> before = tree(dir);
        ForkedCli.Result r = asNobody("lint", "--fix", "--color", "never", "--alembic-version", "1.13.1", "open",
                "locked");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("locked/0001_b.py: not written, permission denied"), r.err());
        assertTrue(r.err().contains("--fix wrote no file"), r.err());
        assertTrue(r.out().contains("Found 2 problems"), r.out());
        assertTrue(r.out().contains("Fixed 0 problems (2 remaining)."), r.out());
        Map<String, String> after = tree(dir);
        after.keySet().removeIf(k -> k.startsWith("lib"));
        before.keySet().removeIf(k -> k.startsWith("lib"));
        assertEquals(before, after, "a file was written, or a temporary file left");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void a_file_the_system_refuses_to_hold_stops_every_write_and_names_the_file_and_the_error() throws Exception {
        // RLIMIT_FSIZE makes the kernel refuse the big file's temporary copy with EFBIG, the way a full
        // disk refuses it with ENOSPC; the small file, staged first, must not be renamed either
        Path small = write(dir, "0001_small.py", revision("0001", "\"0001\"", "None", "a"));
        Path big = write(dir, "0002_big.py", revision("0002", "\"0002\"", "\"0001\"", "b")
                .replace("    pass\n", "    pass\n" + "# filler to make this file big .............................\n"
                        .repeat(1_000)));
        Map<String, String> before = tree(dir);
        ForkedCli.Result r = ForkedCli.run(dir, Map.of("PATH", "/usr/bin:/bin"),
                List.of("/bin/sh", "-c", "ulimit -f 16 && exec \"$0\" \"$@\""), "lint", "--fix", "--color", "never",
                "--alembic-version", "1.13.1", ".");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("0002_big.py: not written, File too large"), r.err());
        assertTrue(r.out().contains("Found 2 problems"), r.out());
        assertEquals(before, tree(dir), "a file was written, or a temporary file was left");
        assertEquals(Files.readString(small), revision("0001", "\"0001\"", "None", "a"));
        assertTrue(Files.size(big) > 50_000);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void non_ascii_file_names_are_fixed_under_the_posix_locale() throws Exception {
        // The names are made by the shell: this JVM may not be able to spell them either.
        Path versions = dir.resolve("versions");
        write(versions, "first", revision("0001", "\"0001\"", "None", "custom_notes"));
        write(versions, "b", revision("0002", "\"0002\"", "\"0001\"", "b").replace("ADD COLUMN b",
                "ADD COLUMN IF NOT EXISTS b"));
        Path second = write(versions, "second", revision("0002", "\"0002\"", "\"0001\"", "d"));
        Files.setLastModifiedTime(second, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Process mv = new ProcessBuilder("/bin/sh", "-c", "cd \"$0\" && mv first \"$(printf '0001_caf\\303\\251.py')\""
                + " && mv b 0002_b.py && mv second \"$(printf '0002_s\\303\\251cond.py')\""
                + " && touch -d '+1 min' \"$(printf '0002_s\\303\\251cond.py')\"", versions.toString())
                .inheritIO().start();
        assertEquals(0, mv.waitFor());
        ForkedCli.Result r = ForkedCli.run(dir, Map.of(), List.of(), "lint", "--fix", "--unsafe-fixes", "--color",
                "never", "--alembic-version", "1.13.1", ".");
        assertFalse(r.err().contains("Malformed input") || r.err().contains("Exception"), r.err());
        assertTrue(r.out().contains("Fixed 3 problems"), r.out() + r.err());
        List<Path> files;
        try (Stream<Path> s = Files.list(versions)) {
            files = s.sorted().toList();
        }
        assertEquals(3, files.size(), "a temporary file is left, or a file was renamed: " + files);
        String all = String.join("\n", files.stream().map(p -> {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList());
        assertTrue(all.contains("ADD COLUMN IF NOT EXISTS custom_notes"), all);
        assertTrue(all.contains("ADD COLUMN IF NOT EXISTS d"), all);
        assertTrue(all.contains("revision = \"0003\"\ndown_revision = \"0002\""), "the duplicate is renumbered in place: "
                + all);
        // the names still hold their UTF-8 bytes
        Process ls = new ProcessBuilder("/bin/ls", versions.toString()).start();
        byte[] names = ls.getInputStream().readAllBytes();
        assertEquals(0, ls.waitFor());
        assertArrayEquals("0001_café.py\n0002_b.py\n0002_sécond.py\n".getBytes(StandardCharsets.UTF_8), names);
    }
}
