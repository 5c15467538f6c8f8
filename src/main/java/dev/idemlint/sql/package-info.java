/**
 * SQL classification. In: {@link dev.idemlint.migration.Operation.RawSql} operations. Out: the same
 * {@link dev.idemlint.migration.Operation} model as op calls, one per statement (one per action of
 * an ALTER TABLE, one per statement run by a DO block), each with its statement's span mapped back
 * to the file through {@link dev.idemlint.migration.SqlText}. Owns lexing and statement splitting
 * (literals, E'' escapes, quoted identifiers, dollar quotes, nested comments), the keyword
 * classifier, and a reader for PL/pgSQL DO bodies that turns exception handlers and IF checks into
 * guards. Unreadable shapes become {@code Unknown}; names behind dynamic parts are null, never
 * guessed. Knows nothing of Python, the revision graph or rules. JSqlParser 5.4 reads INSERT
 * statements (table, column list, ON CONFLICT, guarded SELECTs), where nested SELECTs and VALUES rows
 * need a real parser; DDL stays with the token classifier, because JSqlParser rejects much PostgreSQL
 * DDL ({@code DO $$}, {@code CREATE SEQUENCE IF NOT EXISTS}, {@code DROP TYPE}) and gives no positions.
 * JSqlParser types stay in this package, and its parser is driven without a thread per call.
 */
package dev.idemlint.sql;
