/**
 * The pre-flight plan. In: a versions tree (its {@link dev.idemlint.migration.Migration}s and
 * {@link dev.idemlint.graph.RevisionGraph}), the project's settings and a {@link dev.idemlint.db.Catalog}
 * snapshot of the live database. Out: a {@link dev.idemlint.plan.Plan}: the revisions
 * {@code alembic upgrade head} (or {@code heads}, as the project deploys: {@code UpgradeCommand}, from the
 * deploy reading lint uses) applies, in Alembic's order, each {@code ok}, {@code fails} (SQLSTATE,
 * object, file and line) or {@code unknown}, with the diagnosis and what to do. Walks the same
 * operation model and creations ({@link dev.idemlint.schema.SchemaTimeline}) the rules use, on a
 * {@link dev.idemlint.schema.SchemaState} seeded from the catalog (objects by
 * {@link dev.idemlint.schema.ObjectRef}, PostgreSQL's cascades and namespaces there); evaluates guards
 * against it. Knows no JDBC (the row probe is an interface) and no
 * output format.
 *
 * <p>{@link dev.idemlint.plan.Planner} orchestrates the walk; what exists is decided by the model in
 * {@code schema}. Beside it: {@code Preflight} (what Alembic refuses before it runs anything),
 * {@code Placement} (the schema each named object lives in on this database), {@code GuardCheck}
 * (whether a guarded operation runs), {@code KeyedInserts} (rows already there), {@code CatalogComparison}
 * (declared column types against the catalog's), {@code Advice} (what a failing revision is told) and
 * {@code MysqlCommits} (what a failure leaves applied on MySQL and MariaDB) and {@code LockCosts} (on PostgreSQL,
 * the blocking locks pending statements take on tables the database holds, as the {@code locks} rules' findings and
 * the lock facts say, with each table's live size from the row probe).
 */
package dev.idemlint.plan;
