package dev.idemlint.discovery;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The database a project's migrations run on, with its version when known ({@link Version#LATEST} when
 * not): what the rules' messages quote (SQLSTATEs or MySQL error numbers) and what SQL a fix may use.
 * Written {@code postgresql}, {@code mysql:8.0} or {@code mariadb:10.11}, as {@code --dialect} and
 * {@code dialect = "..."} take it; read from a SQLAlchemy URL's backend name ({@code mysql+pymysql://},
 * {@code mariadb+mariadbconnector://}, {@code postgresql+psycopg2://}).
 */
public record Dialect(Kind kind, Version version) {

    /** The database families idemlint knows. MySQL and MariaDB share a grammar but not their facts. */
    public enum Kind {
        POSTGRESQL, MYSQL, MARIADB;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Dialect POSTGRESQL = new Dialect(Kind.POSTGRESQL, Version.LATEST);

    public Dialect {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
    }

    // equals and hashCode written out, as Settings' are (see there); RecordMethodsTest holds them to every component
    @Override
    public boolean equals(Object other) {
        return other instanceof Dialect o && Objects.equals(kind, o.kind) && Objects.equals(version, o.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, version);
    }

    /**
     * {@code postgresql}, {@code mysql}, {@code mariadb}, each optionally with {@code :VERSION};
     * {@code postgres} and {@code pg} are accepted for PostgreSQL.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Dialect parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon);
        String ver = colon < 0 ? null : t.substring(colon + 1);
        Kind kind = switch (name) {
            case "postgresql", "postgres", "pg" -> Kind.POSTGRESQL;
            case "mysql" -> Kind.MYSQL;
            case "mariadb" -> Kind.MARIADB;
            default -> null;
        };
        if (kind == null || ver != null && !ver.matches("\\d{1,4}(\\.\\d{1,4}){0,2}")) {
            throw new IllegalArgumentException("dialect must be postgresql, mysql or mariadb, optionally with"
                    + " :VERSION (mysql:8.0, mariadb:10.11), not '" + (text == null ? "" : text.strip()) + "'");
        }
        return new Dialect(kind, ver == null ? Version.LATEST : Version.parse(ver));
    }

    /**
     * The dialect a SQLAlchemy URL names by its backend ({@code mysql+pymysql://u@h/db} is MySQL);
     * empty for other backends (sqlite, mssql) and for text that is not a URL. SQLAlchemy's
     * {@code mariadb://} is MariaDB; a {@code mysql://} URL may point at a MariaDB server, which only
     * the server can tell, so it stays MySQL, the stricter of the two.
     */
    public static Optional<Dialect> fromUrl(String url) {
        return switch (backend(url)) {
            case "postgresql", "postgres" -> Optional.of(POSTGRESQL);
            case "mysql" -> Optional.of(new Dialect(Kind.MYSQL, Version.LATEST));
            case "mariadb" -> Optional.of(new Dialect(Kind.MARIADB, Version.LATEST));
            default -> Optional.empty();
        };
    }

    /**
     * The backend a SQLAlchemy URL (or a bare backend name followed by {@code ://}) names when it is one
     * idemlint has no facts for: {@code sqlite}, {@code oracle} or {@code mssql}; empty for the modelled
     * ones and for anything else ({@code driver://}, a template's placeholder).
     */
    public static Optional<String> unmodelledBackend(String url) {
        String backend = backend(url);
        return switch (backend) {
            case "sqlite", "oracle", "mssql" -> Optional.of(backend);
            default -> Optional.empty();
        };
    }

    /** A URL's backend, lower case, without its driver ({@code mysql+pymysql://} is {@code mysql}); "" when no URL. */
    private static String backend(String url) {
        String u = url == null ? "" : url.strip();
        int scheme = u.indexOf("://");
        if (scheme <= 0) {
            return "";
        }
        String backend = u.substring(0, scheme).toLowerCase(Locale.ROOT);
        int plus = backend.indexOf('+');
        return plus < 0 ? backend : backend.substring(0, plus);
    }

    /** MySQL or MariaDB: DDL commits implicitly, errors are numbered, identifiers take backticks. */
    public boolean mysqlFamily() {
        return kind != Kind.POSTGRESQL;
    }

    public boolean isMariaDb() {
        return kind == Kind.MARIADB;
    }

    /**
     * Whether the server takes the {@code IF [NOT] EXISTS} that Alembic's column, index and constraint kwargs
     * render ({@code ADD COLUMN IF NOT EXISTS}, {@code CREATE INDEX IF NOT EXISTS}, {@code DROP ... IF EXISTS}):
     * MySQL 8.0 has none of them (MariaDB and PostgreSQL do), so there the kwargs fail as a syntax error.
     */
    public boolean takesAlterIfExists() {
        return kind != Kind.MYSQL;
    }

    /**
     * Whether SQLAlchemy writes {@code IF EXISTS} into a {@code DropConstraint(if_exists=True)} for this server:
     * its MySQL compiler, which MariaDB shares, never does (sqlalchemy/dialects/mysql/base.py,
     * {@code visit_drop_constraint}, SQLAlchemy 2.0 and 2.1).
     */
    public boolean rendersDropConstraintIfExists() {
        return kind == Kind.POSTGRESQL;
    }

    /** {@code mariadb:10.11}, or {@code mariadb} when the version is not known. */
    @Override
    public String toString() {
        return kind.label() + (version.isLatest() ? "" : ":" + version);
    }
}
