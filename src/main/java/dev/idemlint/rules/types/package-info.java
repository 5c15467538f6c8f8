/**
 * Rules about types and objects across the revision chain: enum types created twice or never,
 * SQLAlchemy's create_type pitfalls, {@code if_not_exists=True} that does not cover what SQLAlchemy
 * emits besides the table or column, objects created twice along one path or on two merged
 * branches, DO blocks catching the wrong error, and INSERTs that collide with a key on a re-run.
 * Chain-wide rules read the shared {@link dev.idemlint.schema.SchemaTimeline}, which their context hands them.
 */
package dev.idemlint.rules.types;
