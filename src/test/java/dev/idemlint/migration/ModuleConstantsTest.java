package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleConstantsTest {

    @TempDir
    Path root;

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private SourceFile revision() throws IOException {
        write("pyproject.toml", "[project]\nname = 'app'\n");
        write("alembic/versions/002_views.py", "revision = '002'\n");
        Path p = root.resolve("alembic/versions/002_views.py");
        return SourceFile.of(p, "alembic/versions/002_views.py", Files.readString(p));
    }

    @Test
    void a_string_the_module_assigns_once_is_read_from_a_src_layout() throws IOException {
        write("src/app/__init__.py", "");
        write("src/app/names.py", """
                signature = "published_variants_materialized_view"
                PREFIX = "ix_" + signature
                twice = "a"
                twice = "b"
                computed = make_name()
                a, b = "x", "y"
                """);
        SourceFile rev = revision();
        try (ProjectReads.Recording reads = ProjectReads.recording()) {
            assertEquals("published_variants_materialized_view", ModuleConstants.of(rev, "app.names", "signature"));
            assertTrue(reads.reads().reads().stream().anyMatch(r -> r.kind() == ProjectReads.Kind.BYTES
                    && r.path().endsWith("names.py") && !r.answer().isEmpty()),
                    "the model depends on the module it read: " + reads.reads());
        }
        assertEquals("ix_published_variants_materialized_view", ModuleConstants.of(rev, "app.names", "PREFIX"));
        // assigned twice, computed at import time, or bound by a tuple: not read
        assertNull(ModuleConstants.of(rev, "app.names", "twice"));
        assertNull(ModuleConstants.of(rev, "app.names", "computed"));
        assertNull(ModuleConstants.of(rev, "app.names", "a"));
    }

    @Test
    void a_link_out_of_the_project_and_a_module_too_large_are_not_read() throws IOException {
        write("elsewhere/names.py", "signature = 'outside'\n");
        Path project = root.resolve("proj");
        write("proj/pyproject.toml", "[project]\nname = 'app'\n");
        write("proj/alembic/versions/002_views.py", "revision = '002'\n");
        Files.createDirectories(project.resolve("app"));
        Files.createSymbolicLink(project.resolve("app/names.py"), root.resolve("elsewhere/names.py"));
        Path p = project.resolve("alembic/versions/002_views.py");
        SourceFile inner = SourceFile.of(p, "alembic/versions/002_views.py", Files.readString(p));
        assertNull(ModuleConstants.of(inner, "app.names", "signature"));
        StringBuilder big = new StringBuilder("signature = 'big'\n");
        while (big.length() <= 1 << 20) {
            big.append("# padding of a module too large to read\n");
        }
        write("proj/app/big.py", big.toString());
        assertNull(ModuleConstants.of(inner, "app.big", "signature"));
    }
}
