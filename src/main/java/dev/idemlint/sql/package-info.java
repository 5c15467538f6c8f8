/**
 * SQL classification. In: {@link dev.idemlint.migration.Operation.RawSql} operations. Out: the same
 * {@link dev.idemlint.migration.Operation} model as op calls, one per statement, with spans mapped
 * back to the file. Owns statement splitting (dollar quotes, comments, literals) and a keyword
 * fallback; JSqlParser types stop here.
 */
package dev.idemlint.sql;
