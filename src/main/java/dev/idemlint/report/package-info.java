/**
 * Reporters. In: a {@link dev.idemlint.report.Report}. Out: text, JSON, SARIF, GitHub annotations,
 * GitLab Code Quality. Formats only; no linting, no file writes beyond the given output.
 */
package dev.idemlint.report;
