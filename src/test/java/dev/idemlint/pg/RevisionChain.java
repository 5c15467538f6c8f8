package dev.idemlint.pg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes a tiny Alembic versions dir: one file per revision, bodies given as the upgrade() code. */
final class RevisionChain {

    private static final String HEADER = """
            from alembic import op
            import sqlalchemy as sa
            from sqlalchemy.dialects import postgresql

            """;
    private final Path dir;

    RevisionChain(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** A revision whose parent is {@code down} (null for a base), in file {@code <id>.py}. */
    RevisionChain revision(String id, String down, String upgradeBody) {
        return file(id + ".py", id, down == null ? List.of() : List.of(down), upgradeBody);
    }

    /** A merge revision with several parents. */
    RevisionChain merge(String id, List<String> parents, String upgradeBody) {
        return file(id + ".py", id, parents, upgradeBody);
    }

    RevisionChain file(String fileName, String id, List<String> parents, String upgradeBody) {
        String down = switch (parents.size()) {
            case 0 -> "None";
            case 1 -> quote(parents.get(0));
            default -> parents.stream().map(RevisionChain::quote).collect(Collectors.joining(", ", "(", ")"));
        };
        String body = upgradeBody.isBlank() ? "    pass\n"
                : upgradeBody.stripTrailing().lines().map(l -> "    " + l).collect(Collectors.joining("\n")) + "\n";
        String text = HEADER
                + "revision = " + quote(id) + "\n"
                + "down_revision = " + down + "\n"
                + "branch_labels = None\ndepends_on = None\n\n\n"
                + "def upgrade():\n" + body + "\n\n"
                + "def downgrade():\n    pass\n";
        try {
            Files.writeString(dir.resolve(fileName), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
