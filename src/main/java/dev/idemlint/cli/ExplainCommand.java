package dev.idemlint.cli;

import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.RuleDoc;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code idemlint explain RULE}: prints the rule's documentation page. */
@Command(name = "explain", description = "Show the documentation of a rule.")
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RULE", description = "rule name, e.g. add-column-not-idempotent")
    String rule;

    @Override
    public Integer call() {
        RuleCatalog catalog = Engine.catalog();
        RuleDoc d = catalog.doc(rule);
        if (d == null) {
            System.err.println("idemlint: unknown rule '" + rule + "'; `idemlint rules` lists them.");
            return 2;
        }
        System.out.println("# " + d.name() + " (" + d.category() + ", " + d.severity().label() + ", fix: " + d.fix()
                + ")\n");
        System.out.println(d.summary() + "\n");
        System.out.println(d.markdown());
        return 0;
    }
}
