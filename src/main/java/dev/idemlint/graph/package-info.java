/**
 * Revision graph. In: the {@link dev.idemlint.migration.Migration}s of one versions directory (their
 * headers only). Out: {@link dev.idemlint.graph.RevisionGraph} (nodes, parents, children, heads,
 * bases, branch labels, duplicates, missing parents, cycles, topological order, upgrade plans),
 * its text/JSON/dot forms ({@link dev.idemlint.graph.GraphPrinter}) and the fix builders the graph
 * rules attach ({@link dev.idemlint.graph.Renumberer}, {@link dev.idemlint.graph.MergeWriter}).
 * Knows revision headers, file names and (optionally, for which file is newer) git history; never
 * operations, SQL or rules. Alembic facts it mirrors were checked against Alembic's
 * {@code script/revision.py} and {@code script/base.py} and a run of Alembic 1.20.
 */
package dev.idemlint.graph;
