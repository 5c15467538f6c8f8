package dev.idemlint.rule;

import dev.idemlint.migration.Migration;

/** A rule that looks at one revision file at a time. */
public non-sealed interface MigrationRule extends Rule {
    void check(Migration migration, RuleContext ctx);
}
