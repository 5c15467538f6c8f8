/**
 * The fix-building toolkit the rules share: reading a migration's layout ({@link
 * dev.idemlint.rules.fix.SourceLayout}), rewriting a call's arguments or a SQL literal, wrapping statements in
 * inspector guards, DO blocks or autocommit blocks. In: a source file, its syntax nodes and an operation's site.
 * Out: {@link dev.idemlint.fix.Fix}es. Knows no rule and reports nothing; which fix a finding offers is the rule's
 * decision.
 */
package dev.idemlint.rules.fix;
