/**
 * Revision-graph rules. In: a {@link dev.idemlint.rule.VersionsTree} and its
 * {@link dev.idemlint.graph.RevisionGraph}. Out: diagnostics on the {@code revision =} /
 * {@code down_revision =} assignments of the files involved, with renumber and merge fixes built by
 * the graph stage. Knows revision headers only, never operations or SQL.
 */
package dev.idemlint.rules.graph;
