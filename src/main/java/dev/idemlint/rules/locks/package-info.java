/**
 * Rules about the locks, rewrites and scans a statement costs on PostgreSQL when its table already holds rows.
 * In: a {@link dev.idemlint.rule.VersionsTree}, the schema timeline from the {@link dev.idemlint.rule.RuleContext}
 * and what it says held when each revision began ({@link dev.idemlint.schema.RevisionStart}), and the lock facts of
 * {@link dev.idemlint.migration.PostgresLocks}. Out: warnings at the statement, naming the lock, the table and how
 * long it is held. A statement on a table the revision itself created is silent: nobody else sees the table before
 * the revision commits. {@code invalid-index-kept-on-rerun} is about what a failed concurrent build leaves behind for
 * the retry, whatever the table's age.
 */
package dev.idemlint.rules.locks;
