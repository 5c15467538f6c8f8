package dev.idemlint.discovery;

import dev.idemlint.source.Spelling;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * How {@code --select}/{@code --ignore} and the config's {@code select}/{@code ignore} name rules, as
 * Ruff's selectors do: {@code ALL}, a category ({@code graph}, {@code idempotency}, ...), a rule name,
 * or a prefix of rule names that ends at a word ({@code create} selects {@code create-table-...} and
 * {@code create-type-unguarded}, never {@code created-...}).
 */
public final class RuleSelector {
    private RuleSelector() {
    }

    /** Whether {@code selector} names the rule {@code rule} of category {@code category}. */
    public static boolean matches(String selector, String rule, String category) {
        return matches(selector, rule, () -> category);
    }

    /** As {@link #matches(String, String, String)}; the category is looked up only when needed (its rule page). */
    public static boolean matches(String selector, String rule, Supplier<String> category) {
        return selector.equals("ALL") || selector.equals(rule)
                || rule.startsWith(selector.endsWith("-") ? selector : selector + "-")
                || selector.equals(category.get());
    }

    /**
     * The selector a mistyped one was probably meant to be: the nearest rule name, category or {@code ALL} of
     * {@code categories} (rule name to category), if one is near ({@link Spelling}).
     */
    public static Optional<String> nearest(String selector, Map<String, String> categories) {
        Set<String> names = new LinkedHashSet<>(categories.keySet());
        names.addAll(new TreeSet<>(categories.values()));
        names.add("ALL");
        return Spelling.nearest(selector, names);
    }

    /** Whether {@code selector} names at least one rule of {@code categories} (rule name to category). */
    public static boolean known(String selector, Map<String, String> categories) {
        return categories.entrySet().stream().anyMatch(e -> matches(selector, e.getKey(), e.getValue()));
    }
}
