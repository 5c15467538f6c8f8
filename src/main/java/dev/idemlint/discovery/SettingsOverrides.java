package dev.idemlint.discovery;

/**
 * Versions given on the command line ({@code --alembic-version}, {@code --sqlalchemy-version},
 * {@code --postgres-version}, {@code --dialect}); null means "not given", so config and pins decide. They win over
 * both.
 */
public record SettingsOverrides(Version alembic, Version sqlalchemy, Integer postgresMajor, Dialect dialect) {
    public static final SettingsOverrides NONE = new SettingsOverrides(null, null, null, null);

    public SettingsOverrides(Version alembic, Version sqlalchemy, Integer postgresMajor) {
        this(alembic, sqlalchemy, postgresMajor, null);
    }
}
