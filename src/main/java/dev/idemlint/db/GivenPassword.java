package dev.idemlint.db;

import java.util.Properties;
import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;

/**
 * The PostgreSQL driver's password source for plan: the password {@link DbUrl} resolved, or none. Without a
 * plugin the driver looks one up itself when it is given none (the password file named by
 * {@code PGPASSFILE} or {@code ~/.pgpass}, a {@code service} entry's), and would send it to whatever host a
 * project's alembic.ini names; with it, the server gets exactly what plan decided to give.
 */
public final class GivenPassword implements AuthenticationPlugin {
    private final String password;

    /** The driver instantiates the plugin with the connection's properties. */
    public GivenPassword(Properties info) {
        String given = info.getProperty("password");
        this.password = given == null || given.isEmpty() ? null : given;
    }

    @Override
    public char[] getPassword(AuthenticationRequestType type) {
        return password == null ? null : password.toCharArray();
    }
}
