package dev.idemlint.db;

import dev.idemlint.discovery.Dialect;
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

    /** The catalog and the version table ({@code versionTable} in {@code versionSchema}, else where the server looks first). */
    Catalog snapshot(String versionSchema, String versionTable) throws LiveDatabase.DbError;

    /** Whether the table holds any row; null when it cannot be told. */
    Boolean hasRows(String schema, String table);

    /** Whether the table holds a row with these column values; null when it cannot be told. */
    Boolean hasRow(String schema, String table, Map<String, String> values);

    /** URL parameters the driver does not take, left out. */
    List<String> ignoredParams();

    @Override
    void close();
}
