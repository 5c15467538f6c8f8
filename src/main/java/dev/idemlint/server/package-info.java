/**
 * Language Server ({@code idemlint server}). In: LSP messages over a pair of streams (an editor's
 * stdio). Out: diagnostics, code actions and hovers computed by the same pipeline {@code lint} runs
 * (discovery, config, {@code rule.Linter} with the open buffers standing in for their files). lsp4j
 * and gson types stop here; only this package loads them, so {@code lint} starts without them.
 */
package dev.idemlint.server;
