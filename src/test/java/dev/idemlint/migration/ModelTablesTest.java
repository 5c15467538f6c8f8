package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTablesTest {

    @TempDir
    Path root;

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private SourceFile revision() throws IOException {
        write("alembic/versions/002_seed.py", "revision = '002'\n");
        Path p = root.resolve("alembic/versions/002_seed.py");
        return SourceFile.of(p, "alembic/versions/002_seed.py", Files.readString(p));
    }

    @Test
    void reads_the_table_a_model_declares_in_the_project_module() throws IOException {
        write("app/__init__.py", "");
        write("app/models.py", """
                import sqlalchemy as sa
                from sqlalchemy.orm import declarative_base
                Base = declarative_base()

                class Ecosystem(Base):
                    __tablename__ = "ecosystems"
                    id = sa.Column(sa.Integer, primary_key=True)

                class Legacy(Base):
                    __table__ = sa.Table("legacy_rows", Base.metadata, sa.Column("id", sa.Integer, primary_key=True))

                class Mixed(Base):
                    __tablename__ = make_name()
                """);
        SourceFile rev = revision();
        assertEquals(Optional.of("ecosystems"), ModelTables.of(rev, "app.models", "Ecosystem"));
        assertEquals(Optional.of("legacy_rows"), ModelTables.of(rev, "app.models", "Legacy"));
        // a name computed at import time is not read
        assertEquals(Optional.empty(), ModelTables.of(rev, "app.models", "Mixed"));
        assertEquals(Optional.empty(), ModelTables.of(rev, "app.models", "Missing"));
    }

    @Test
    void a_package_module_an_unparsable_module_and_no_module_name_no_table() throws IOException {
        write("pkg/models/__init__.py", "class Row:\n    __tablename__ = 'rows'\n");
        write("broken/models.py", "class Row(:\n    __tablename__ = 'rows'\n");
        SourceFile rev = revision();
        assertEquals(Optional.of("rows"), ModelTables.of(rev, "pkg.models", "Row"));
        assertEquals(Optional.empty(), ModelTables.of(rev, "broken.models", "Row"));
        assertEquals(Optional.empty(), ModelTables.of(rev, "nowhere.models", "Row"));
        assertEquals(Optional.empty(), ModelTables.of(rev, ".models", "Row"));
    }

    @Test
    void nothing_above_the_projects_root_nor_through_a_link_out_of_it_is_read() throws IOException {
        Path project = root.resolve("checkout");
        write("app/models.py", "class Row:\n    __tablename__ = 'outside_rows'\n");
        write("elsewhere/models.py", "class Row:\n    __tablename__ = 'linked_rows'\n");
        write("checkout/alembic.ini", "[alembic]\n");
        write("checkout/alembic/versions/002_seed.py", "revision = '002'\n");
        Files.createDirectories(project.resolve("linked"));
        Files.createSymbolicLink(project.resolve("linked/models.py"), root.resolve("elsewhere/models.py"));
        Path p = project.resolve("alembic/versions/002_seed.py");
        SourceFile rev = SourceFile.of(p, "alembic/versions/002_seed.py", Files.readString(p));
        // app/ lies beside the checkout, above its alembic.ini: Alembic's sys.path does not reach it
        assertEquals(Optional.empty(), ModelTables.of(rev, "app.models", "Row"));
        assertEquals(Optional.empty(), ModelTables.of(rev, "linked.models", "Row"));
        write("checkout/app/models.py", "class Row:\n    __tablename__ = 'inside_rows'\n");
        assertEquals(Optional.of("inside_rows"), ModelTables.of(rev, "app.models", "Row"));
    }

    @Test
    void flask_migrates_migrations_folder_reads_the_package_beside_it_only_inside_a_checkout() throws IOException {
        Path project = root.resolve("checkout");
        write("checkout/app/models.py", "class Row:\n    __tablename__ = 'app_rows'\n");
        write("checkout/migrations/alembic.ini", "[alembic]\n");
        write("checkout/migrations/env.py", "");
        write("checkout/migrations/versions/002_seed.py", "revision = '002'\n");
        Path p = project.resolve("migrations/versions/002_seed.py");
        SourceFile rev = SourceFile.of(p, "migrations/versions/002_seed.py", Files.readString(p));
        // no checkout marker above migrations/: its alembic.ini bounds what is read
        assertEquals(Optional.empty(), ModelTables.of(rev, "app.models", "Row"));
        // the app that runs Flask-Migrate imports from the checkout's folder, which .git marks
        Files.createDirectories(project.resolve(".git"));
        assertEquals(Optional.of("app_rows"), ModelTables.of(rev, "app.models", "Row"));
        // nothing above that checkout
        write("other/models.py", "class Row:\n    __tablename__ = 'outside_rows'\n");
        assertEquals(Optional.empty(), ModelTables.of(rev, "other.models", "Row"));
        // an alembic.ini outside Alembic's script folder (no env.py beside it) still bounds the search
        Files.delete(project.resolve("migrations/env.py"));
        assertEquals(Optional.empty(), ModelTables.of(rev, "app.models", "Row"));
    }

    @Test
    void a_module_too_large_names_no_table_and_an_edited_one_is_read_again() throws IOException {
        write("app/models.py", "class Row:\n    __tablename__ = 'rows'\n");
        SourceFile rev = revision();
        assertEquals(Optional.of("rows"), ModelTables.of(rev, "app.models", "Row"));
        write("app/models.py", "class Row:\n    __tablename__ = 'renamed_rows'\n");
        assertEquals(Optional.of("renamed_rows"), ModelTables.of(rev, "app.models", "Row"));
        write("big/models.py", "class Row:\n    __tablename__ = 'rows'\n" + "#".repeat(2 << 20) + "\n");
        assertEquals(Optional.empty(), ModelTables.of(rev, "big.models", "Row"));
    }
}
