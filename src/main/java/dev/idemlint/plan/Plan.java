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
        String command, String commandFrom, String server, Locks locks) {
    public Plan {
        locks = locks == null ? Locks.NONE : locks;
    }

    /** A plan that reads no locks (MySQL and MariaDB, whose lock facts idemlint does not hold). */
    public Plan(String url, String serverVersion, List<String> current, List<Entry> pending, List<String> notes,
            String command, String commandFrom, String server) {
        this(url, serverVersion, current, pending, notes, command, commandFrom, server, Locks.NONE);
    }

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

    /**
     * The blocking table locks the pending revisions take on tables the database holds, in the order they run
     * ({@code taken}), and {@code lock_timeout} as a new session of the plan's role on this database starts with it
     * ({@code session}: {@code "0"} for none, as {@code SHOW} prints it; null when not read), with the
     * {@code pg_settings.source} it comes from. {@code read}: whether the locks were read at all (PostgreSQL only).
     */
    public record Locks(boolean read, String session, String sessionSource, List<Lock> taken) {
        public static final Locks NONE = new Locks(false, null, null, List.of());

        public Locks {
            taken = taken == null ? List.of() : List.copyOf(taken);
        }
    }

    /** What a statement does to the rows of the locked table while it holds the lock. */
    public enum Work {
        /** Copies every row and rebuilds every index: the lock is held until the rewrite ends. */
        REWRITE,
        /** Reads every row (to check a constraint). */
        SCAN,
        /** Reads every row to build an index. */
        INDEX_BUILD,
        /** Touches no row: the lock is held briefly, but every later query of the table queues behind its wait. */
        NONE;

        /** "rewrite", "scan", "index build", "lock": the JSON contract's words. */
        public String word() {
            return this == NONE ? "lock" : name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * One statement of a pending revision ({@code file}, {@code line}) that takes lock {@code mode} ({@code ACCESS
     * EXCLUSIVE}) on {@code table}, as the server names it schema-qualified, which holds {@code bytes}
     * ({@code pg_total_relation_size}, with its partitions; null when it cannot be read) and about {@code rows}
     * rows ({@code reltuples}; null when never analyzed), doing {@code work} under it. {@code rule}: the lock rule
     * whose finding says what the statement does (null for a lock no rule reports, which touches no row).
     * {@code lockTimeoutSet}: whether a {@code lock_timeout} bounds the wait (null when not known), set at {@code
     * lockTimeoutFrom} ({@code env.py:41}, the revision, the URL, the server's setting for the role or database).
     * {@code referencedMode}: the mode the statement also takes on the table a foreign key references, else null.
     */
    public record Lock(String revision, String file, int line, String table, String mode, Work work, Long bytes,
            Long rows, String rule, Boolean lockTimeoutSet, String lockTimeoutFrom, String referencedMode) {
    }

    public long count(Status s) {
        return pending.stream().filter(e -> e.status() == s).count();
    }

    /** The first revision that fails, or null. */
    public Entry firstFailure() {
        return pending.stream().filter(e -> e.status() == Status.FAILS).findFirst().orElse(null);
    }
}
