package dev.idemlint.cli;

import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Rule;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rules.Registry;
import java.util.ArrayList;
import java.util.List;

/** Wires the registry and the catalog. */
final class Engine {
    private Engine() {
    }

    static List<String> ruleNames() {
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        for (Rule r : Registry.all()) {
            names.add(r.name());
        }
        return names;
    }

    static RuleCatalog catalog() {
        return RuleCatalog.load(ruleNames());
    }
}
