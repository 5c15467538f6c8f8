package dev.idemlint.discovery;

import java.util.Objects;

/**
 * What the rules need to know about the target: the project's Alembic and SQLAlchemy versions
 * (LATEST when unknown), the PostgreSQL major version (default 15), whether env.py may run the
 * migrations outside a transaction ({@link EnvScript#mayAutocommit}: an {@code AUTOCOMMIT} isolation
 * level, or an env.py that could not be read), and the database the project targets (default PostgreSQL).
 * {@code alembicRange} is the requirement ({@code alembic>=1.5}) when {@code alembic} is only the lowest
 * version a range admits, not a pin; null when it is pinned or unknown. {@code unmodelledBackend} names the
 * backend the tree runs on when idemlint has no facts for it ({@code sqlite}, {@code oracle}, {@code mssql}):
 * only the rules about the revision graph apply there. {@code upgradesHeads} is where the project says it
 * deploys with {@code alembic upgrade heads} (every command found says {@code heads}), null when it does not
 * or when that is not known ({@link DeployCommands}). {@code envTimeouts}: the timeouts env.py sets for the
 * migrations' session ({@link EnvTimeouts}; unseen when it has no env.py).
 */
public record Settings(Version alembic, Version sqlalchemy, int postgresMajor, boolean envMayAutocommit,
        String alembicRange, Dialect dialect, String unmodelledBackend, PinSource upgradesHeads,
        EnvTimeouts envTimeouts) {
    public static final Settings DEFAULT = new Settings(Version.LATEST, Version.LATEST, 15);

    public Settings {
        dialect = dialect == null ? Dialect.POSTGRESQL : dialect;
        envTimeouts = envTimeouts == null ? EnvTimeouts.UNSEEN : envTimeouts;
    }

    // equals and hashCode written out: a record's generated ones are bootstrapped at their first call (ObjectMethods),
    // which spins classes at run time that Java 25's AOT cache does not keep, and a run whose trees all come from
    // the result cache compares settings, configs, dialects and naming conventions and no other record
    // (bench/NOTES.md, "Where a warm run goes"). RecordMethodsTest holds each to every component.
    @Override
    public boolean equals(Object other) {
        return other instanceof Settings o && postgresMajor == o.postgresMajor
                && envMayAutocommit == o.envMayAutocommit && Objects.equals(alembic, o.alembic)
                && Objects.equals(sqlalchemy, o.sqlalchemy) && Objects.equals(alembicRange, o.alembicRange)
                && Objects.equals(dialect, o.dialect) && Objects.equals(unmodelledBackend, o.unmodelledBackend)
                && Objects.equals(upgradesHeads, o.upgradesHeads) && Objects.equals(envTimeouts, o.envTimeouts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alembic, sqlalchemy, postgresMajor, envMayAutocommit, alembicRange, dialect,
                unmodelledBackend, upgradesHeads, envTimeouts);
    }

    public Settings(Version alembic, Version sqlalchemy, int postgresMajor) {
        this(alembic, sqlalchemy, postgresMajor, false, null, null, null, null, null);
    }

    public Settings withAlembic(Version v) {
        return new Settings(v, sqlalchemy, postgresMajor, envMayAutocommit, null, dialect, unmodelledBackend,
                upgradesHeads, envTimeouts);
    }

    public Settings withSqlalchemy(Version v) {
        return new Settings(alembic, v, postgresMajor, envMayAutocommit, alembicRange, dialect, unmodelledBackend, upgradesHeads, envTimeouts);
    }

    public Settings withPostgres(int major) {
        return new Settings(alembic, sqlalchemy, major, envMayAutocommit, alembicRange, dialect, unmodelledBackend, upgradesHeads, envTimeouts);
    }

    public Settings withEnvMayAutocommit(boolean may) {
        return new Settings(alembic, sqlalchemy, postgresMajor, may, alembicRange, dialect, unmodelledBackend, upgradesHeads, envTimeouts);
    }

    /** These settings with the timeouts the tree's env.py sets ({@link EnvTimeouts}). */
    public Settings withEnvTimeouts(EnvTimeouts t) {
        return new Settings(alembic, sqlalchemy, postgresMajor, envMayAutocommit, alembicRange, dialect, unmodelledBackend,
                upgradesHeads, t);
    }

    public Settings withDialect(Dialect d) {
        return new Settings(alembic, sqlalchemy, postgresMajor, envMayAutocommit, alembicRange, d, unmodelledBackend, upgradesHeads, envTimeouts);
    }

    /** These settings for a tree whose backend idemlint does not model ({@code sqlite}); null: it does. */
    public Settings withUnmodelledBackend(String backend) {
        return new Settings(alembic, sqlalchemy, postgresMajor, envMayAutocommit, alembicRange, dialect, backend,
                upgradesHeads, envTimeouts);
    }

    /** These settings for a project that deploys with {@code alembic upgrade heads}, stated at {@code where}. */
    public Settings withUpgradesHeads(PinSource where) {
        return new Settings(alembic, sqlalchemy, postgresMajor, envMayAutocommit, alembicRange, dialect,
                unmodelledBackend, where, envTimeouts);
    }

    /**
     * How the project states its Alembic, for messages: "pins Alembic 1.8.1", or "allows Alembic 1.5
     * and later (`alembic>=1.5`)" when a range only bounds it from below: a lower bound is no pin.
     */
    public String alembicStated() {
        return alembicRange == null ? "pins Alembic " + alembic
                : "allows Alembic " + alembic + " and later (`" + alembicRange + "`)";
    }

    // Alembic facts, from its changelog: where each idempotency kwarg first exists. Parsed once:
    // the rules ask for every finding's fix.
    private static final Version A_1_11_2 = Version.parse("1.11.2");
    private static final Version A_1_13_0 = Version.parse("1.13.0");
    private static final Version A_1_13_3 = Version.parse("1.13.3");
    private static final Version A_1_16_0 = Version.parse("1.16.0");
    private static final Version SA_2_0 = Version.parse("2.0");
    private static final Version SA_2_1 = Version.parse("2.1");

    /** {@code create_index/drop_index(if_not_exists/if_exists)}: 1.11.2, needing SQLAlchemy 2.0 before 1.13.0. */
    public boolean indexIfExistsSupported() {
        return dialect.takesAlterIfExists()
                && (alembic.compareTo(A_1_13_0) >= 0 || alembic.compareTo(A_1_11_2) >= 0 && sqlalchemy.compareTo(SA_2_0) >= 0);
    }

    /**
     * The pin that would make {@link #indexIfExistsSupported} certain, when it holds only because a version
     * is unknown and taken as the latest: Alembic before 1.11.2 (and 1.11.2 to 1.12 with SQLAlchemy 1.x)
     * passes the keyword to {@code sa.Index} as an unknown dialect option, with a warning at most, and
     * emits a plain {@code CREATE INDEX}. Null when the versions are known (or the keyword is unsupported).
     */
    public String indexIfExistsUnpinned() {
        if (!indexIfExistsSupported()) {
            return null;
        }
        if (alembic.isLatest()) {
            return "alembic>=1.13";
        }
        return alembic.compareTo(A_1_13_0) < 0 && sqlalchemy.isLatest() ? "SQLAlchemy>=2.0" : null;
    }

    /**
     * As {@link #indexIfExistsUnpinned} for {@code create_table/drop_table}: before 1.13.3 the keyword goes to
     * {@code sa.Table} as an unknown dialect option and the statement is a plain {@code CREATE/DROP TABLE}.
     */
    public String tableIfExistsUnpinned() {
        return tableIfExistsSupported() && alembic.isLatest() ? "alembic>=1.13.3" : null;
    }

    /** {@code create_table/drop_table(if_not_exists/if_exists)}: 1.13.3. */
    public boolean tableIfExistsSupported() {
        return alembic.compareTo(A_1_13_3) >= 0;
    }

    /** {@code add_column/drop_column(if_not_exists/if_exists)} is accepted from Alembic 1.16.0; older raises TypeError. */
    public boolean columnIfExistsAccepted() {
        return alembic.compareTo(A_1_16_0) >= 0;
    }

    /** {@code add_column/drop_column(if_not_exists/if_exists)} is accepted and the server takes the clause it renders. */
    public boolean columnIfExistsSupported() {
        return dialect.takesAlterIfExists() && columnIfExistsAccepted();
    }

    /** {@code drop_constraint(if_exists)} is accepted from Alembic 1.16.0 with SQLAlchemy 2.0; older raises TypeError. */
    public boolean constraintIfExistsAccepted() {
        return alembic.compareTo(A_1_16_0) >= 0 && sqlalchemy.compareTo(SA_2_0) >= 0;
    }

    /**
     * {@code drop_constraint(if_exists)} is accepted and rendered as {@code DROP CONSTRAINT IF EXISTS}: SQLAlchemy's
     * MySQL compiler (MySQL and MariaDB) writes a plain {@code DROP FOREIGN KEY}/{@code INDEX}/{@code CHECK} whatever
     * the keyword, so there the drop fails when the constraint is gone.
     */
    public boolean constraintIfExistsSupported() {
        return dialect.rendersDropConstraintIfExists() && constraintIfExistsAccepted();
    }

    /** {@code sa.Enum(create_type=False)} is honoured only from SQLAlchemy 2.1. */
    public boolean genericEnumCreateTypeHonoured() {
        return sqlalchemy.compareTo(SA_2_1) >= 0;
    }
}
