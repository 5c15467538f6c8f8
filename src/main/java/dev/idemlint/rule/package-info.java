/**
 * Rule API. In: migrations and versions trees. Out: {@link dev.idemlint.rule.Diagnostic}s. Holds the
 * rule interfaces, the catalog read from {@code rules/*.md}, suppressions and the lint engine. Knows
 * no concrete rule (those live in {@code rules}).
 */
package dev.idemlint.rule;
