package dev.idemlint.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a tree's env.py sets of PostgreSQL's timeouts for the migrations' session, read as text: {@code
 * lock_timeout} bounds how long a statement waits for a table lock (it then fails with SQLSTATE 55P03 instead of
 * queueing every later reader and writer of the table behind it), {@code statement_timeout} how long any statement
 * runs. env.py sets them by executing {@code SET lock_timeout = ...} on the connection in {@code
 * run_migrations_online}, through the engine's {@code connect_args={"options": "-c lock_timeout=..."}}, or in
 * any other code that names the setting; a mention outside a comment counts, since a mention that does not set it
 * is rare and a finding there would be noise. {@code env}: env.py's path as the project shows it, null when the
 * tree has none or it names neither setting (Alembic's default env.py sets no timeout). {@code read}: false when env.py could not be read, and
 * then nothing is known. {@code lockTimeout}, {@code statementTimeout}: where env.py names the setting ({@code
 * env.py:41}), null when it does not. {@code commit}: where env.py may end the migrations' transaction itself, so
 * that what a revision leaves after a commit of its own (Alembic's version stamp) is committed too: a {@code
 * .commit()} call or an {@code AUTOCOMMIT} isolation level, named outside a comment; null when it names none
 * (Alembic's template, whose {@code with context.begin_transaction():} commits only the transaction it began).
 */
public record EnvTimeouts(String env, boolean read, String lockTimeout, String statementTimeout, String commit) {
    /** An env.py read that names no timeout and no commit of its own. */
    public static final EnvTimeouts NONE = new EnvTimeouts(null, true, null, null, null);
    /**
     * No env.py beside the versions: the session the migrations run in is configured where the lint does not
     * see, so a timeout may be set there.
     */
    public static final EnvTimeouts UNSEEN = new EnvTimeouts(null, false, null, null, null);

    public EnvTimeouts(String env, boolean read, String lockTimeout, String statementTimeout) {
        this(env, read, lockTimeout, statementTimeout, null);
    }

    private static final Pattern LOCK = Pattern.compile("(?<![A-Za-z0-9_])lock_timeout(?![A-Za-z0-9_])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STATEMENT = Pattern.compile("(?<![A-Za-z0-9_])statement_timeout(?![A-Za-z0-9_])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMIT = Pattern.compile(
            "\\.commit\\s*\\(|AUTOCOMMIT");

    /** Whether {@code lock_timeout} may be set for every migration: env.py names it, or could not be read. */
    public boolean mayBoundLockWaits() {
        return !read || lockTimeout != null;
    }

    /**
     * The timeouts of the env.py nearest to {@code versionsDir} (at it or up to three folders above, within {@code
     * root}, as {@link EnvScript#mayAutocommit} finds it); an env.py {@code mayRead} refuses counts as unreadable.
     */
    public static EnvTimeouts of(Path versionsDir, Path root, Predicate<Path> mayRead) {
        Path env = EnvScript.nearest(versionsDir, root);
        if (env == null) {
            return UNSEEN;
        }
        String shown = (root == null ? env : root.relativize(env)).toString().replace('\\', '/');
        if (!mayRead.test(env)) {
            return new EnvTimeouts(shown, false, null, null);
        }
        try {
            return read(shown, Files.readString(env, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new EnvTimeouts(shown, false, null, null);
        }
    }

    /** The timeouts env.py's {@code text} names, outside comments; {@code shown} is its path. */
    static EnvTimeouts read(String shown, String text) {
        String lock = null;
        String statement = null;
        String commit = null;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String code = withoutComment(lines[n]);
            if (lock == null && LOCK.matcher(code).find()) {
                lock = shown + ":" + (n + 1);
            }
            if (statement == null && STATEMENT.matcher(code).find()) {
                statement = shown + ":" + (n + 1);
            }
            if (commit == null && COMMIT.matcher(code).find()) {
                commit = shown + ":" + (n + 1);
            }
        }
        // one value for every env.py that sets nothing: settings compare equal whatever the file is called
        return lock == null && statement == null && commit == null ? NONE
                : new EnvTimeouts(shown, true, lock, statement, commit);
    }

    private static final Pattern STRING_OR_HASH = Pattern.compile("'(?:\\\\.|[^'\\\\])*'|\"(?:\\\\.|[^\"\\\\])*\"|#");

    /** The line up to a {@code #} that starts a comment (not one inside a string on the line). */
    private static String withoutComment(String line) {
        Matcher m = STRING_OR_HASH.matcher(line);
        while (m.find()) {
            if (m.group().equals("#")) {
                return line.substring(0, m.start());
            }
        }
        return line;
    }
}
