package dev.idemlint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code idemlint <command>}. Exit 0 clean, 1 findings, 2 usage or I/O error. */
@Command(name = "idemlint", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
        description = "Finds Alembic migrations that cannot be re-applied on PostgreSQL.",
        subcommands = {LintCommand.class, RulesCommand.class, ExplainCommand.class, HeadsCommand.class, GraphCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final String VERSION = "0.1.0";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
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
