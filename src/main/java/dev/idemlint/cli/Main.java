package dev.idemlint.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point: {@code idemlint <command>}. Exit 0 clean, 1 findings, 2 usage or I/O error. */
public final class Main {
    public static final String VERSION = "0.1.0";

    private Main() {
    }

    /**
     * The subcommands' models, by name. A run builds only the command it names, and all of them when it
     * names none (usage, help, typos): each model is a few milliseconds of interpreted picocli code.
     */
    private static final Map<String, Supplier<CommandSpec>> COMMANDS = commands();

    private static Map<String, Supplier<CommandSpec>> commands() {
        Map<String, Supplier<CommandSpec>> m = new LinkedHashMap<>();
        m.put("lint", LintCommand::spec);
        m.put("rules", RulesCommand::spec);
        m.put("explain", ExplainCommand::spec);
        m.put("heads", HeadsCommand::spec);
        m.put("graph", GraphCommand::spec);
        return java.util.Collections.unmodifiableMap(m);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandSpec root = Specs.command("idemlint", "Finds Alembic migrations that cannot be re-applied on PostgreSQL.",
                spec -> () -> {
                    spec.commandLine().usage(spec.commandLine().getOut());
                    return 0;
                });
        CommandLine cl = new CommandLine(root);
        Supplier<CommandSpec> only = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], new CommandLine(only.get()));
        } else {
            COMMANDS.forEach((name, spec) -> cl.addSubcommand(name, new CommandLine(spec.get())));
            cl.addSubcommand("help", CommandLine.HelpCommand.class);
        }
        // no ${...} in any of our texts: picocli would otherwise scan each option's default value and
        // description for variables as it parses (a few ms of interpreted code per run, and a large
        // method for C1 to compile). Set after the subcommands are added: it applies to those present.
        cl.setInterpolateVariables(false);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("idemlint: " + ex.getMessage());
            return 2;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("idemlint: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return 2;
        });
        return cl.execute(args);
    }
}
