package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a located diagnostic and the rest of the run goes on. */
class BadInputTest {
    static LintResult lint(Path dir, List<Path> files) {
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        Linter linter = new Linter(Registry.all(), RuleCatalog.load(names));
        return linter.lint(new LintTarget(dir, dir, files, Settings.DEFAULT), p -> p.getFileName().toString());
    }

    @Test
    void every_kind_of_bad_file_is_reported_and_the_good_file_is_still_linted(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("001_good.py");
        Files.writeString(good, "revision = '1'\ndown_revision = None\n\ndef upgrade():\n"
                + "    op.add_column('t', sa.Column('c', sa.Text()))\n");
        Path syntax = dir.resolve("002_syntax.py");
        Files.writeString(syntax, "revision = '2'\ndown_revision = '1'\ndef upgrade(:\n    pass\n");
        Path latin = dir.resolve("003_latin.py");
        // CPython ignores a byte that is not UTF-8 in a comment and rejects it in a token
        Files.write(latin, "revision = '3'  # caf\u00e9\nx = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        Path binary = dir.resolve("004_binary.py");
        Files.write(binary, new byte[] {'r', 0, 1, 2});
        Path directory = Files.createDirectory(dir.resolve("005_dir.py"));
        LintResult r = lint(dir, List.of(good, syntax, latin, binary, directory));

        assertTrue(r.diagnostics().stream().anyMatch(d -> d.rule().equals("add-column-not-idempotent")
                && d.file().fileName().equals("001_good.py")), "the good file is linted: " + r.diagnostics());
        Diagnostic s = find(r, "002_syntax.py");
        assertEquals("parse-error", s.rule());
        assertEquals(3, s.line());
        assertEquals(13, s.column());
        Diagnostic l = find(r, "003_latin.py");
        assertEquals("parse-error", l.rule());
        assertEquals(2, l.line(), l.message());
        assertEquals(9, l.column(), "points at the undecodable byte");
        assertTrue(l.message().contains("can't decode byte 0xe9"), l.message());
        assertTrue(find(r, "004_binary.py").message().startsWith("Binary file"));
        Diagnostic io = find(r, "005_dir.py");
        assertEquals("io-error", io.rule());
        assertTrue(io.message().startsWith("Cannot read file"), io.message());
    }

    /**
     * Alembic imports every file its pattern {@code (?!\.\#|__init__)(.*\.py)$} matches and fails every command
     * on one without {@code revision} ("Could not determine revision id from filename"), the underscore helper
     * and the dotted name included; it passes by {@code __init__*} and editors' {@code .#} lock files (checked on
     * Alembic 1.8.1).
     */
    @Test
    void a_module_without_revision_is_flagged_exactly_where_alembic_loads_it(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("001_base.py"), "revision = '1'\ndown_revision = None\n");
        List<String> loaded = List.of("_helpers.py", "helpers.py", ".hidden.py", "__pycache__x.py");
        List<String> passedBy = List.of("__init__.py", "__init__helpers.py", ".#001_base.py");
        List<Path> files = new ArrayList<>(List.of(dir.resolve("001_base.py")));
        for (String name : concat(loaded, passedBy)) {
            Files.writeString(dir.resolve(name), "X = 1\n");
            files.add(dir.resolve(name));
        }
        LintResult r = lint(dir, files);
        for (String name : loaded) {
            Diagnostic d = find(r, name);
            assertEquals("parse-error", d.rule(), name);
            assertTrue(d.message().contains("Could not determine revision id from filename"), d.message());
        }
        for (String name : passedBy) {
            assertTrue(r.diagnostics().stream().noneMatch(d -> d.file().fileName().equals(name)), name + ": "
                    + r.diagnostics());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void a_pep_263_coding_line_is_honoured(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("001_latin.py");
        Files.write(f, ("# -*- coding: latin-1 -*-\nrevision = '1'  # caf\u00e9\ndown_revision = None\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(lint(dir, List.of(f)).diagnostics().isEmpty());
    }

    @Test
    void coding_lines_are_read_as_cpython_reads_them(@TempDir Path dir) throws IOException {
        Path mac = dir.resolve("001_mac.py");
        Files.write(mac, "# coding: mac-roman\nrevision = '1'  # caf\u00e9\ndown_revision = None\n"
                .getBytes(java.nio.charset.Charset.forName("x-MacRoman")));
        Path unknown = dir.resolve("002_unknown.py");
        Files.writeString(unknown, "# coding: foobar\nrevision = '2'\ndown_revision = '1'\n");
        Path bom = dir.resolve("003_bom.py");
        Files.write(bom, "\u00ef\u00bb\u00bf# coding: latin-1\nrevision = '3'\ndown_revision = '2'\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        LintResult r = lint(dir, List.of(mac, unknown, bom));
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.file().fileName().equals("001_mac.py")),
                r.diagnostics().toString());
        Diagnostic u = find(r, "002_unknown.py");
        assertEquals("parse-error", u.rule());
        assertTrue(u.message().contains("unknown encoding: foobar"), u.message());
        Diagnostic b = find(r, "003_bom.py");
        assertEquals("parse-error", b.rule());
        assertTrue(b.message().contains("encoding problem: iso-8859-1 with BOM"), b.message());
    }

    private static Diagnostic find(LintResult r, String file) {
        return r.diagnostics().stream().filter(d -> d.file().fileName().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no diagnostic for " + file + ": " + r.diagnostics()));
    }
}
