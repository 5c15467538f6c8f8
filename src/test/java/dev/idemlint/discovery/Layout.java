package dev.idemlint.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small project layouts into a temp dir for discovery tests. */
final class Layout {
    private final Path root;

    Layout(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path path(String rel) {
        return root.resolve(rel);
    }

    Layout file(String rel, String content) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Layout dir(String rel) {
        try {
            Files.createDirectories(root.resolve(rel));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A revision file in Alembic's generated shape. */
    Layout revision(String rel, String id, String down) {
        return file(rel, "\"\"\"add things\n\nRevision ID: " + id + "\nRevises: " + down + "\n\"\"\"\n"
                + "from alembic import op\nimport sqlalchemy as sa\n\n"
                + "revision = \"" + id + "\"\n"
                + "down_revision = " + (down == null ? "None" : "\"" + down + "\"") + "\n"
                + "branch_labels = None\ndepends_on = None\n\n\n"
                + "def upgrade():\n    op.add_column(\"t\", sa.Column(\"c\", sa.Text()))\n\n\n"
                + "def downgrade():\n    op.drop_column(\"t\", \"c\")\n");
    }

    Layout env(String dir) {
        return file(dir + "/env.py", "from alembic import context\n\ncontext.configure()\n");
    }

    Layout ini(String rel, String alembicSection) {
        return file(rel, "# A generic, single database configuration.\n\n[alembic]\n" + alembicSection
                + "\n\n[loggers]\nkeys = root,sqlalchemy,alembic\n\n[logger_root]\nlevel = WARN\n");
    }
}
