package dev.idemlint.discovery;

/**
 * Versions given on the command line ({@code --alembic-version}, {@code --sqlalchemy-version},
 * {@code --postgres-version}); null means "not given", so config and pins decide. They win over
 * both.
 */
public record SettingsOverrides(Version alembic, Version sqlalchemy, Integer postgresMajor) {
    public static final SettingsOverrides NONE = new SettingsOverrides(null, null, null);
}
