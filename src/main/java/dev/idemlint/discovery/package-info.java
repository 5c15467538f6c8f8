/**
 * Finding work. In: paths given on the command line. Out: versions directories (from alembic.ini
 * script_location and common layouts), their .py files, and {@link dev.idemlint.discovery.Settings}
 * read from the project's pins. Knows files and config formats, not Python syntax.
 */
package dev.idemlint.discovery;
