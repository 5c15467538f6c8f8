/**
 * Fix model and application. In: {@link dev.idemlint.fix.Fix}es attached to diagnostics. Out: new
 * file contents, unified diffs, and a run's writes, all of them or none. Knows text and files only;
 * the re-lint loop that proves a fix lives with the caller.
 */
package dev.idemlint.fix;
