/**
 * Finding work. In: paths given on the command line and the CLI's version overrides. Out:
 * {@link dev.idemlint.discovery.LintTarget}s, one per revision tree (versions dirs from alembic.ini
 * script_location/version_locations, common layouts, nested release folders), their .py files,
 * the files to report on, and {@link dev.idemlint.discovery.Settings} from CLI flags, then
 * {@link dev.idemlint.discovery.Config} (.idemlint.toml or [tool.idemlint]), then
 * {@link dev.idemlint.discovery.VersionPins}, each with its {@link dev.idemlint.discovery.PinSource}; the
 * database backend a tree runs on (a {@link dev.idemlint.discovery.Dialect}, or one idemlint does not model) and
 * whether the project deploys with {@code alembic upgrade heads} ({@link dev.idemlint.discovery.DeployCommands}).
 * Bad input becomes {@link dev.idemlint.discovery.InputProblem}s, never exceptions. Knows files,
 * ini/TOML/requirement formats; not Python syntax, rules or reporters.
 */
package dev.idemlint.discovery;
