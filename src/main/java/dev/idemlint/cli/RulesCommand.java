package dev.idemlint.cli;

import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.RuleDoc;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code idemlint rules}: the rule list with category, severity, fix availability and summary. */
public final class RulesCommand implements Callable<Integer> {
    private final String format;

    static CommandSpec spec() {
        CommandSpec s = Specs.command("rules", "List the rules.", RulesCommand::new);
        Specs.option(s, "--format", String.class, "FORMAT", "text or json (default: text)", "text");
        return s;
    }

    private RulesCommand(CommandSpec parsed) {
        format = Specs.value(parsed, "--format");
    }

    @Override
    public Integer call() {
        RuleCatalog catalog = Engine.catalog();
        StringBuilder sb = new StringBuilder();
        if (format.equals("json")) {
            sb.append("[");
            boolean first = true;
            for (RuleDoc d : catalog.all()) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                sb.append("  {\"name\": \"").append(d.name()).append("\", \"category\": \"").append(d.category())
                        .append("\", \"severity\": \"").append(d.severity().label()).append("\", \"fix\": \"")
                        .append(d.fix()).append("\", \"summary\": \"").append(d.summary().replace("\"", "\\\""))
                        .append("\"}");
            }
            sb.append("\n]\n");
        } else {
            int w = catalog.all().stream().mapToInt(d -> d.name().length()).max().orElse(10);
            for (RuleDoc d : catalog.all()) {
                sb.append(String.format("%-" + w + "s  %-12s %-8s %-10s %s%n", d.name(), d.category(),
                        d.severity().label(), "fix:" + d.fix(), d.summary()));
            }
        }
        System.out.print(sb);
        return 0;
    }
}
