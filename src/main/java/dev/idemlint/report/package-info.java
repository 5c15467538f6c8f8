/**
 * Reporters. In: a {@link dev.idemlint.report.Report}. Out: text, JSON, SARIF, GitHub annotations,
 * GitLab Code Quality; the line-move-stable {@link dev.idemlint.report.Fingerprint} they share with
 * the {@link dev.idemlint.report.Baseline}. Formats only; no linting, and no file writes beyond the
 * output or baseline file it is given ({@link dev.idemlint.report.OutputFile}).
 */
package dev.idemlint.report;
