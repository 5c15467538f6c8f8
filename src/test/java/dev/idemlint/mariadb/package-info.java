/**
 * Proof on a real MariaDB server: a throwaway server ({@link dev.idemlint.mariadb.MariaDbServer}, started
 * by {@code scripts/mariadb-up}) and facts tests that check on it the MariaDB behaviour the rules rely on
 * for {@code mysql}/{@code mariadb} projects.
 *
 * <p>In: {@code IDEMLINT_MARIADB_*} environment. Out: MySQL error numbers. Every test class here carries
 * the JUnit tag {@code mariadb}; plain {@code mvn verify} skips them, {@code scripts/test} and CI make them
 * fail when no server answers.
 */
package dev.idemlint.mariadb;
