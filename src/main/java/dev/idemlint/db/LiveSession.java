package dev.idemlint.db;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A read-only session on a live database, whatever the server: one catalog snapshot with the version
 * table's rows, and row probes. {@link #open} picks the reader the URL names: {@link LiveDatabase} for
 * PostgreSQL, {@link MysqlDatabase} for MySQL and MariaDB. Failures are {@link LiveDatabase.DbError}
 * (masked) and {@link LiveDatabase.DeadlineExceeded}.
 */
public interface LiveSession extends AutoCloseable {

    /** Connects read-only, within {@code budget} for the whole session. */
    static LiveSession open(DbUrl url, LiveDatabase.Timeouts timeouts, Duration budget) throws LiveDatabase.DbError {
        return url.mysqlFamily() ? MysqlDatabase.open(url, timeouts, budget) : LiveDatabase.open(url, timeouts, budget);
    }

    /** The server the session speaks to, with its version. */
    Dialect dialect();

    /**
     * The project's settings as this server's facts read them: MySQL and MariaDB say which they are, and their
     * facts are the live server's; PostgreSQL's come from the project's settings (the major version it targets).
     */
    Settings settingsFor(Settings project);

    /** The catalog and the version table ({@code versionTable} in {@code versionSchema}, else where the server looks first). */
    Catalog snapshot(String versionSchema, String versionTable) throws LiveDatabase.DbError;

    /** Whether the table holds any row; null when it cannot be told. */
    Boolean hasRows(String schema, String table);

    /** Whether the table holds a row with these column values; null when it cannot be told. */
    Boolean hasRow(String schema, String table, Map<String, String> values);

    /**
     * A table's size as the catalog states it: {@code relation} as the server quotes it, {@code bytes} its
     * {@code pg_total_relation_size} (heap, TOAST and every index), {@code rows} the planner's estimate ({@code
     * pg_class.reltuples}), null when the table was never vacuumed or analyzed.
     */
    record TableSize(String relation, long bytes, Long rows) {
    }

    /**
     * A setting as a new session of this role on this database starts with it: its {@code value} as {@code SHOW}
     * prints it and its {@code source} as {@code pg_settings.source} names it ({@code default}, {@code configuration
     * file}, {@code database}, {@code user}, {@code database user}).
     */
    record StartSetting(String value, String source) {
    }

    /**
     * The size of table {@code schema.table} (the search path when {@code schema} is null); null when there is no
     * such table or it cannot be told. The server answers without this session writing anything.
     */
    default TableSize tableSize(String schema, String table) {
        return null;
    }

    /** {@code lock_timeout} as the session started with it, before plan set its own; null when not read. */
    default StartSetting startLockTimeout() {
        return null;
    }

    /** URL parameters the driver does not take, left out. */
    List<String> ignoredParams();

    @Override
    void close();
}
