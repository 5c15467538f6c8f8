/**
 * Revision graph. In: the {@link dev.idemlint.migration.Migration}s of one versions directory. Out:
 * {@link dev.idemlint.graph.RevisionGraph}: nodes, parents, heads, bases, duplicates, missing
 * parents, cycles, topological order. Knows revision headers only, never operations or SQL.
 */
package dev.idemlint.graph;
