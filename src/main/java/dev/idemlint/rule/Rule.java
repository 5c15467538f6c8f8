package dev.idemlint.rule;

/**
 * A check. Its identity is the kebab-case of the class name ({@code AddColumnNotIdempotent} is
 * {@code add-column-not-idempotent}); metadata lives in {@code rules/<name>.md}.
 */
public sealed interface Rule permits MigrationRule, ProjectRule {
    default String name() {
        return RuleNames.of(getClass());
    }
}
