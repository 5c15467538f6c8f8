package dev.idemlint.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a tree's env.py says about transactions, read as text. Alembic runs each migration inside a
 * transaction whatever {@code transaction_per_migration} or {@code transactional_ddl=False} say
 * ({@code MigrationContext.begin_transaction(_per_migration=True)} begins one either way; checked on
 * Alembic 1.8.1 and PostgreSQL 15: CREATE INDEX CONCURRENTLY fails with 25001 under both). Only a
 * connection in autocommit mode escapes it: {@code isolation_level="AUTOCOMMIT"} on the engine or the
 * connection, or a driver-level {@code autocommit = True}.
 */
public final class EnvScript {
    /** "AUTOCOMMIT", "ISOLATION_LEVEL_AUTOCOMMIT", "autocommit=True"; not Alembic's autocommit_block. */
    private static final Pattern AUTOCOMMIT = Pattern.compile("(?i)autocommit(?!_block)");

    private EnvScript() {
    }

    /**
     * Whether env.py (the nearest at or up to three folders above the versions directory, within the
     * project) may run migrations outside a transaction: it mentions autocommit outside comments, or it
     * cannot be read (an env.py {@code mayRead} refuses counts as unreadable). No env.py at all means Alembic's
     * default, a transaction per migration.
     */
    static boolean mayAutocommit(Path versionsDir, Path root, Predicate<Path> mayRead) {
        Path env = nearest(versionsDir, root);
        if (env == null) {
            return false;
        }
        if (!mayRead.test(env)) {
            return true;
        }
        try {
            for (String line : Files.readString(env, StandardCharsets.UTF_8).split("\n")) {
                int hash = line.indexOf('#');
                String code = hash < 0 ? line : line.substring(0, hash);
                if (AUTOCOMMIT.matcher(code).find()) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * The env.py of a versions directory: the nearest at it or up to three folders above, within {@code root}
     * (when not null); null when there is none.
     */
    static Path nearest(Path versionsDir, Path root) {
        Path d = versionsDir;
        for (int i = 0; i < 4 && d != null && (root == null || d.startsWith(root)); i++, d = d.getParent()) {
            Path env = d.resolve("env.py");
            if (Files.isRegularFile(env)) {
                return env;
            }
        }
        return null;
    }
}
