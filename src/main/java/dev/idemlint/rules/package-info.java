/**
 * The rules, one class per rule in a folder per category, and the {@link dev.idemlint.rules.Registry}.
 * In: migrations and versions trees through the rule API. Out: diagnostics with fixes. A rule's
 * metadata lives in {@code rules/<name>.md}, never in code.
 */
package dev.idemlint.rules;
