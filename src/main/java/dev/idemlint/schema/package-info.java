/**
 * The schema timeline. In: the {@link dev.idemlint.migration.Migration}s of one versions directory in
 * topological order (op calls and classified raw SQL alike). Out: {@link dev.idemlint.schema.SchemaTimeline},
 * which records who creates each database object (tables, columns, indexes, constraints, enum types
 * and their labels, sequences, schemas, extensions, views, functions, triggers, domains) and answers
 * "does this object already exist at this point of this revision, and which creation made it" from
 * the state replayed along the revision graph: an ancestor's objects are there for its descendants,
 * a sibling branch's are not. A multidb chain has one such timeline per engine.
 * {@link dev.idemlint.schema.CreationRecorder} reads each revision's creations on the worker that reads
 * the file.
 *
 * <p>Creations SQLAlchemy makes on its own are recorded too: the enum types of a
 * {@code create_table} (never of an {@code add_column}), {@code index=True}, {@code unique=True} and
 * primary-key columns. The timeline does not depend on the target's settings; the one creation that
 * does ({@code sa.Enum(create_type=False)}, ignored before SQLAlchemy 2.1) is marked and resolved at
 * query time. Dynamic (unknown) names are never matched. Knows nothing of rules or reporting.
 *
 * <p>The model of the database: {@link dev.idemlint.schema.SchemaState}, objects named by
 * {@link dev.idemlint.schema.ObjectRef} and each {@link dev.idemlint.schema.Presence present, absent or
 * unknown}, changed by the {@link dev.idemlint.schema.Effect}s {@link dev.idemlint.schema.Effects#of}
 * decides for each operation, with PostgreSQL's namespaces and cascades, and the SQLSTATE of a
 * {@link dev.idemlint.schema.Conflict} from {@link dev.idemlint.migration.PostgresFacts}. Its clients:
 * {@link dev.idemlint.schema.RerunSimulation} (one revision applied twice to an unknown state: its verdicts on the
 * revision's operations, {@link dev.idemlint.migration.RerunVerdicts}, and its answers to the re-run rules,
 * {@link dev.idemlint.schema.RerunAnswers}), the timeline's replay of the tree on an empty database (per revision
 * the state its ancestors left: what code not read may have made, whether the chain alters a table it never
 * made), and {@code plan} (a state seeded from a live catalog).
 */
package dev.idemlint.schema;
