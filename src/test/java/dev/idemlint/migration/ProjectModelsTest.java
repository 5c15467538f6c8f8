package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.python.PythonModule;
import dev.idemlint.python.PythonParser;
import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectModelsTest {

    @TempDir
    Path root;

    private static final String MODEL = """
            import sqlalchemy as sa
            from app.base import Base


            class Crop(Base):
                __tablename__ = "crops"

                id = sa.Column(sa.Integer, primary_key=True)
                slug = sa.Column(sa.String(50), unique=True)
            """;

    private void write(Path dir, String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private PythonModule revision(Path project, String body) throws Exception {
        write(project, "alembic.ini", "[alembic]\nscript_location = migrations\n");
        write(project, "migrations/versions/002_seed.py", body);
        Path p = project.resolve("migrations/versions/002_seed.py");
        return new PythonParser().parse(SourceFile.of(p, "migrations/versions/002_seed.py", Files.readString(p)));
    }

    private Map<String, DeclarativeModels.Model> imported(PythonModule m, AtomicBoolean looked) {
        try (ProjectReads.Recording reads = ProjectReads.recording()) {
            Map<String, DeclarativeModels.Model> out = ProjectModels.imported(m.source(), m.body());
            looked.set(!reads.reads().isEmpty());
            return out;
        }
    }

    private void base(Path project) throws IOException {
        write(project, "app/__init__.py", "");
        write(project, "app/base.py", "from sqlalchemy.orm import DeclarativeBase\n\n\nclass Base(DeclarativeBase):\n"
                + "    \"\"\"The project's base.\"\"\"\n");
    }

    private static final String SEED = """
            from app.crops import Crop


            def upgrade():
                session.add_all([Crop(slug="corn")])
            """;

    @Test
    void a_class_of_a_project_module_on_a_plain_base_is_read_and_the_model_depends_on_it() throws Exception {
        base(root);
        write(root, "app/crops.py", MODEL);
        AtomicBoolean looked = new AtomicBoolean();
        Map<String, DeclarativeModels.Model> models = imported(revision(root, SEED), looked);
        assertEquals("crops", models.get("Crop").table());
        assertEquals(Map.of("id", "id", "slug", "slug"), models.get("Crop").columns());
        assertTrue(looked.get(), "the model depends on the files it read");
    }

    @Test
    void a_revision_no_session_writes_from_reads_no_file() throws Exception {
        base(root);
        write(root, "app/crops.py", MODEL);
        AtomicBoolean looked = new AtomicBoolean();
        PythonModule m = revision(root, "from app.crops import Crop\n\n\ndef upgrade():\n    Crop(slug='x')\n");
        assertTrue(imported(m, looked).isEmpty());
        assertFalse(looked.get(), "nothing was looked up");
    }

    @Test
    void a_dotted_import_in_a_block_rebinds_its_first_part_and_leaves_that_class_unread() throws Exception {
        base(root);
        write(root, "app/crops.py", MODEL);
        AtomicBoolean looked = new AtomicBoolean();
        // `import Crop.legacy` binds Crop (the package), not "Crop.legacy": which Crop the call makes is unknown
        String rebinding = "from app.crops import Crop\n\nif LEGACY:\n    import Crop.legacy\n\n\n"
                + "def upgrade():\n    session.add_all([Crop(slug=\"corn\")])\n";
        assertNull(imported(revision(root, rebinding), looked).get("Crop"));
        String aliased = rebinding.replace("import Crop.legacy", "import Crop.legacy as legacy");
        assertEquals("crops", imported(revision(root, aliased), looked).get("Crop").table());
    }

    @Test
    void a_link_out_of_the_root_a_module_too_large_and_a_listener_in_a_package_leave_the_class_unread()
            throws Exception {
        write(root, "elsewhere/crops.py", MODEL);
        Path project = root.resolve("proj");
        base(project);
        Files.createSymbolicLink(project.resolve("app/crops.py"), root.resolve("elsewhere/crops.py"));
        AtomicBoolean looked = new AtomicBoolean();
        assertTrue(imported(revision(project, SEED), looked).isEmpty(), "a link out of the root is not followed");
        assertTrue(looked.get());

        Files.delete(project.resolve("app/crops.py"));
        StringBuilder big = new StringBuilder(MODEL);
        while (big.length() <= 1 << 20) {
            big.append("# padding of a module too large to read\n");
        }
        write(project, "app/crops.py", big.toString());
        assertTrue(imported(revision(project, SEED), looked).isEmpty(), "a module over 1 MiB is not read");

        write(project, "app/crops.py", MODEL);
        assertEquals("crops", imported(revision(project, SEED), looked).get("Crop").table());
        write(project, "app/__init__.py", "from sqlalchemy import event\nevent.listen(object, 'before_insert', print)\n");
        assertTrue(imported(revision(project, SEED), looked).isEmpty(), "a package registering a listener");
    }

    @Test
    void a_base_that_is_not_a_plain_declarative_base_leaves_the_class_unread() throws Exception {
        write(root, "app/__init__.py", "");
        write(root, "app/crops.py", MODEL);
        AtomicBoolean looked = new AtomicBoolean();
        // a base made by a project function, a base with a registry of its own, a base given a mixin class
        for (String base : new String[] {
            "from app.factory import declarative_base\nBase = declarative_base()\n",
            "from sqlalchemy.orm import DeclarativeBase\n\n\nclass Base(DeclarativeBase):\n    registry = make()\n",
            "from sqlalchemy.orm import declarative_base\nBase = declarative_base(cls=Mixin)\n",
            "from sqlalchemy.orm import Other as DeclarativeBase\n\n\nclass Base(DeclarativeBase):\n    pass\n",
        }) {
            write(root, "app/base.py", base);
            assertTrue(imported(revision(root, SEED), looked).isEmpty(), base);
        }
        write(root, "app/base.py", "from sqlalchemy.orm import declarative_base\nBase = declarative_base()\n");
        assertEquals("crops", imported(revision(root, SEED), looked).get("Crop").table());
    }

    @Test
    void at_most_the_first_sixteen_imported_names_are_looked_up() throws Exception {
        base(root);
        write(root, "app/crops.py", MODEL);
        StringBuilder body = new StringBuilder();
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < ProjectModels.MAX_CLASSES; i++) {
            body.append("from app.other").append(i).append(" import Name").append(i).append('\n');
            calls.append("    Name").append(i).append("()\n");
        }
        body.append(SEED).append(calls);
        AtomicBoolean looked = new AtomicBoolean();
        assertNull(imported(revision(root, body.toString()), looked).get("Crop"));
    }
}
