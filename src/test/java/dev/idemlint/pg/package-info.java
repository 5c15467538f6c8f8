/**
 * Proof on a real PostgreSQL server: a throwaway cluster ({@link dev.idemlint.pg.PgCluster}, started by
 * {@code scripts/pg-up}), an Alembic re-run harness ({@link dev.idemlint.pg.AlembicRerunHarness}, driving
 * {@code src/test/resources/pg/rerun.py} under Debian's {@code /usr/bin/python3}) and facts tests that check
 * on the server the PostgreSQL and Alembic behaviour our rules rely on.
 *
 * <p>In: {@code IDEMLINT_PG_*} environment, tiny revision chains written to temp dirs. Out: SQLSTATEs.
 * Knows nothing of the analyzer's own packages: a fact must hold whatever the rules say.
 * Every test class here carries the JUnit tag {@code postgres}; plain {@code mvn verify} skips them.
 */
package dev.idemlint.pg;
