package dev.idemlint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code idemlint <command>}. Exit 0 clean, 1 findings, 2 usage or I/O error. */
@Command(name = "idemlint", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
        description = "Finds Alembic migrations that cannot be re-applied on PostgreSQL.")
public final class Main implements Runnable {
    public static final String VERSION = "0.1.0";

    /**
     * The subcommands, by name. Picocli builds each one's model by reflection when it is added,
     * which was a quarter of the Java time of a 50-file lint; so a run adds only the command it
     * names, and all of them when it names none (usage, help, typos).
     */
    private static final java.util.Map<String, Class<?>> COMMANDS = commands();

    private static java.util.Map<String, Class<?>> commands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("lint", LintCommand.class);
        m.put("rules", RulesCommand.class);
        m.put("explain", ExplainCommand.class);
        m.put("heads", HeadsCommand.class);
        m.put("graph", GraphCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], only);
        } else {
            COMMANDS.forEach(cl::addSubcommand);
        }
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

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"idemlint " + VERSION};
        }
    }
}
