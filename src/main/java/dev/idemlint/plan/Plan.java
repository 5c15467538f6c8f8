package dev.idemlint.plan;

import java.util.List;
import java.util.Locale;

/**
 * What {@code command} ({@code alembic upgrade head}, as deploys run it, or {@code alembic upgrade
 * heads}) will do on one database: the database ({@code url} masked, the server's version, the
 * revisions {@code alembic_version} holds), each pending revision in the order Alembic applies them
 * with its {@link Entry}, and notes about the graph or the database that do not belong to one revision
 * (a shadowed duplicate id, a missing version table, several stamped rows). {@code commandFrom} says where
 * the command came from ({@link UpgradeCommand#from}).
 */
public record Plan(String url, String serverVersion, List<String> current, List<Entry> pending, List<String> notes,
        String command, String commandFrom, String server) {

    /** A plan of a PostgreSQL database. */
    public Plan(String url, String serverVersion, List<String> current, List<Entry> pending, List<String> notes,
            String command, String commandFrom) {
        this(url, serverVersion, current, pending, notes, command, commandFrom, "PostgreSQL");
    }

    public enum Status {
        OK, FAILS, UNKNOWN;

        /** "ok", "fails", "unknown": the JSON contract's words. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One pending revision (or, for a database Alembic cannot start from, the stamp it cannot
     * locate): where it is ({@code file}, {@code line} of the statement that fails or cannot be
     * followed, else of the revision), its status, the SQLSTATE of a failure (null for none, or a
     * Python error such as TypeError; on MySQL and MariaDB the server's error number), one-sentence
     * {@code message} and what to do ({@code help}). {@code applied}: on MySQL and MariaDB, where each DDL
     * statement commits on its own, the lines of the revision's statements that stay applied when it fails.
     */
    public record Entry(String revision, String file, int line, Status status, String sqlstate, String message,
            String help, List<Integer> applied) {
        public Entry {
            applied = applied == null ? List.of() : List.copyOf(applied);
        }

        public Entry(String revision, String file, int line, Status status, String sqlstate, String message,
                String help) {
            this(revision, file, line, status, sqlstate, message, help, List.of());
        }
    }

    public long count(Status s) {
        return pending.stream().filter(e -> e.status() == s).count();
    }

    /** The first revision that fails, or null. */
    public Entry firstFailure() {
        return pending.stream().filter(e -> e.status() == Status.FAILS).findFirst().orElse(null);
    }
}
