/**
 * The rules, one class per rule in a folder per category, and the {@link dev.idemlint.rules.Registry}.
 * In: migrations and versions trees through the rule API. Out: diagnostics with fixes, built with the
 * toolkit in {@code rules.fix}. A rule's metadata lives in {@code rules/<name>.md}, never in code; a rule
 * calls no other rule: what two share lives in the model or the toolkit.
 */
package dev.idemlint.rules;
