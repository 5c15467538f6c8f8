package dev.idemlint.cli;

import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.RuleDoc;
import dev.idemlint.source.Printable;
import dev.idemlint.source.Spelling;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code idemlint explain RULE}: prints the rule's documentation page. */
public final class ExplainCommand implements Callable<Integer> {
    private final String rule;

    static CommandSpec spec() {
        CommandSpec s = Specs.command("explain", "Show the documentation of a rule.", ExplainCommand::new);
        Specs.positional(s, String.class, false, "RULE", "rule name, e.g. add-column-not-idempotent");
        return s;
    }

    private ExplainCommand(CommandSpec parsed) {
        rule = Specs.single(parsed);
    }

    @Override
    public Integer call() {
        RuleCatalog catalog = Engine.catalog();
        RuleDoc d = catalog.doc(rule);
        if (d == null) {
            System.err.println("idemlint: unknown rule '" + Printable.line(rule) + "'"
                    + Spelling.nearest(rule, Engine.ruleNames())
                            .map(n -> "; did you mean '" + n + "'?").orElse(";") + " `idemlint rules` lists them.");
            return 2;
        }
        System.out.println("# " + d.name() + " (" + d.category() + ", " + d.severity().label() + ", fix: " + d.fix()
                + ")\n");
        System.out.println(d.summary() + "\n");
        System.out.println(d.markdown());
        return 0;
    }
}
